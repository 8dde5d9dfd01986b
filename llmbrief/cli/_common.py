"""What the subcommands share: the argument parser class, model and brief options, helpers."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from ..config import ModelSettings, resolve_model
from ..draft import Drafter, ExtractiveDrafter
from ..errors import ConfigError, InputError
from ..pipeline import summarize
from ..tokens import DEFAULT_CONTEXT
from ..types import Brief, Cluster

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line instead of exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see --help)")


def headline_count(value: str) -> int | str:
    if value == "all":
        return "all"
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a number or 'all'") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n


def positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def add_judge_model_options(g: Any) -> None:
    """``--judge-model``, ``--judge-base-url`` and ``--judge-style`` (verify and eval)."""
    g.add_argument("--judge-model", metavar="M", help="the judge's model (default: --model)")
    g.add_argument(
        "--judge-base-url", metavar="URL", help="the judge's server (default: --base-url)"
    )
    g.add_argument(
        "--judge-style",
        choices=["chat", "minicheck"],
        help="chat: our instruction prompt, JSON verdicts; minicheck: a MiniCheck-family fact "
        "checker answering Yes/No (default when the model's name contains 'minicheck')",
    )


def share(value: str) -> float:
    """An argparse type: a number from 0 to 1 (``--min-support``)."""
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a number from 0 to 1") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError("must be a number from 0 to 1")
    return x


def positive_float(value: str) -> float:
    """An argparse type: a number above 0 (``--timeout``, ``--rpm``)."""
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a number") from None
    if not x > 0 or x == float("inf"):
        raise argparse.ArgumentTypeError("must be more than 0")
    return x


def same_file(a: str, b: str) -> bool:
    """Whether two paths name one file (``-`` is standard input or output, never a file)."""
    if a == "-" or b == "-":
        return False
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def refuse_writing_over_input(out: str | None, inputs: Sequence[str], command: str) -> None:
    """Refuse (a usage error) an output file that is one of the inputs: it would be destroyed.

    Raises:
        UsageError: ``out`` is the same file as one of ``inputs``.
    """
    if not out:
        return
    for given in inputs:
        if same_file(out, given):
            raise UsageError(
                f"llmbrief {command}: {out} is also the input {given}: writing it would destroy "
                "the input; write the output to another file"
            )


#: ``--out`` file extensions and the format each one picks (unless ``--format`` is given).
FORMAT_OF_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}


def _suffixes(formats: Sequence[str]) -> list[str]:
    """The first ``--out`` extension of each format that has one (``.md`` for markdown)."""
    by_format: dict[str, str] = {}
    for suffix, fmt in FORMAT_OF_SUFFIX.items():
        by_format.setdefault(fmt, suffix)
    return [by_format[f] for f in formats if f in by_format]


def add_output_options(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    """``-f/--format`` and ``-o/--out``; :func:`output_format` resolves the format."""
    p.add_argument(
        "-f",
        "--format",
        choices=list(formats),
        help=f"output format (default {formats[0]}, or what the --out extension names: "
        + " ".join(_suffixes(formats))
        + ")",
    )
    p.add_argument("-o", "--out", metavar="FILE", help="write here instead of standard output")


def output_format(args: argparse.Namespace, formats: Sequence[str]) -> str:
    """``--format`` if given, else the format the ``--out`` extension names, else the first.

    Raises:
        UsageError: the extension names a format this command does not write.
    """
    if args.format:
        return str(args.format)
    if args.out:
        fmt = FORMAT_OF_SUFFIX.get(Path(args.out).suffix.lower())
        if fmt is not None and fmt not in formats:
            # e.g. verify -o report.html: a text report under an html name would surprise
            raise UsageError(
                f"llmbrief: error: {args.out}: there is no {fmt} form here; "
                f"-f {'|'.join(formats)} says which to write"
            )
        if fmt is not None:
            return fmt
        suffix = Path(args.out).suffix
        if suffix:
            known = " ".join(_suffixes(formats))
            raise UsageError(
                f"llmbrief: error: {args.out}: {suffix} names no format ({known} do); "
                f"-f {'|'.join(formats)} says which to write"
            )
    return formats[0]


def add_model_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("model")
    g.add_argument(
        "-m",
        "--model",
        help="a chat model name, or 'extractive' (the offline default); else $LLMBRIEF_MODEL. "
        "A key or base URL in the environment never turns a model on by itself",
    )
    g.add_argument("--base-url", help="OpenAI-compatible server (vLLM, Ollama, llama.cpp)")
    g.add_argument("--prompt", help="prompt name (e.g. cluster_summary) or a prompt file path")
    g.add_argument("--no-cache", action="store_true", help="do not read or write the reply cache")
    g.add_argument(
        "--timeout",
        type=positive_float,
        metavar="SECONDS",
        help="seconds per model request (default 60)",
    )
    g.add_argument(
        "--max-input-tokens",
        type=positive,
        metavar="N",
        help="hard cap on the tokens of each request (prompt, articles and chat overhead)",
    )
    g.add_argument(
        "--context-window",
        type=positive,
        metavar="N",
        help=f"the model's context window in tokens (default: known for OpenAI models, "
        f"{DEFAULT_CONTEXT:,} for others)",
    )


def add_summary_options(p: argparse.ArgumentParser) -> None:
    add_model_options(p)
    g = p.add_argument_group("brief")
    g.add_argument(
        "--repair",
        choices=["none", "drop", "retarget", "regenerate"],
        default="none",
        help="what to do with claims that fail verification (default: none)",
    )
    g.add_argument("--rounds", type=positive, default=1, help="most regenerate rounds (default 1)")
    g.add_argument("--no-verify", action="store_true", help="skip verification")
    g.add_argument(
        "--headlines",
        type=headline_count,
        default=5,
        metavar="N",
        help="member headlines to list, most-cited first (default 5; 0 for none; 'all')",
    )


def model_settings(args: argparse.Namespace) -> ModelSettings:
    """The model the options (and ``LLMBRIEF_MODEL``) ask for; prices checked before any call."""
    settings = resolve_model(args.model, args.base_url, timeout=getattr(args, "timeout", None))
    if settings.is_llm:
        from ..client import check_prices  # imports openai: only for a model run

        check_prices()
    return settings


def announce(settings: ModelSettings, err: TextIO, role: str = "drafting") -> None:
    """Name the model and the endpoint of a model run on stderr (never the key)."""
    if settings.is_llm:
        err.write(f"llmbrief: {role} with {settings.model} at {settings.endpoint}\n")


#: options that only a model run reads: refused with the extractive drafter, never ignored
MODEL_ONLY = ("base_url", "no_cache", "timeout", "max_input_tokens", "context_window", "rpm", "tpm")


def refuse_model_options(args: argparse.Namespace) -> None:
    """Refuse options that apply to a model run when the drafter is the extractive one.

    Raises:
        UsageError: e.g. ``--no-cache`` without ``-m MODEL`` (or ``LLMBRIEF_MODEL``).
    """
    for name in MODEL_ONLY:
        value = getattr(args, name, None)
        if value is not None and value is not False:
            flag = "--" + name.replace("_", "-")
            raise UsageError(
                f"llmbrief: error: {flag} applies to a model run: give -m MODEL "
                "(the extractive drafter makes no request)"
            )


def make_drafter(args: argparse.Namespace, err: TextIO | None = None) -> Drafter:
    """The drafter the options ask for; with ``err``, a model run is named there."""
    settings = model_settings(args)
    if not settings.is_llm:
        refuse_model_options(args)
        if args.prompt:
            raise ConfigError(
                "--prompt needs an LLM (--model NAME); the extractive drafter has none"
            )
        return ExtractiveDrafter()
    from ..llm import make_llm_drafter

    if err is not None:
        announce(settings, err)
    return make_llm_drafter(
        settings,
        prompt=args.prompt,
        use_cache=not args.no_cache,
        max_input_tokens=args.max_input_tokens,
        context_window=getattr(args, "context_window", None),
        rounds=getattr(args, "rounds", 1),
    )


def check_summary_options(args: argparse.Namespace) -> None:
    """Refuse options that contradict each other (a usage error, exit 2)."""
    if getattr(args, "no_verify", False):
        if getattr(args, "strict", False):
            raise UsageError(
                "llmbrief: error: --strict needs verification; drop --no-verify or --strict"
            )
        if getattr(args, "repair", "none") != "none":
            raise UsageError(
                f"llmbrief: error: --repair {args.repair} works from the verification; "
                "drop --no-verify"
            )
    if getattr(args, "rounds", 1) != 1 and getattr(args, "repair", "none") != "regenerate":
        raise UsageError("llmbrief: error: --rounds applies to --repair regenerate only")


def brief_maker(args: argparse.Namespace, drafter: Drafter) -> Callable[[Cluster], Brief]:
    def make(cluster: Cluster) -> Brief:
        return summarize(
            cluster,
            drafter,
            verify=not args.no_verify,
            repair_mode=args.repair,
            headlines=args.headlines,
        )

    return make


def write(text: str, out: str | None, stdout: TextIO) -> None:
    if out:
        try:
            Path(out).write_text(text, encoding="utf-8")
        except OSError as err:
            raise InputError(out, f"cannot write: {err.strerror}") from None
    else:
        stdout.write(text)


class Progress:
    """One self-updating line on stderr when it is a terminal; silent otherwise."""

    def __init__(self, label: str, stream: TextIO) -> None:
        self.label = label
        self.stream = stream
        self.on = stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if self.on:
            self.stream.write(f"\r{self.label} {done}/{total}")
            if done == total:
                self.stream.write("\n")
            self.stream.flush()


def close(drafter: object) -> None:
    close = getattr(drafter, "close", None)
    if close is not None:
        close()
