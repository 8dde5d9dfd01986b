"""Command line: ``python -m llmbrief summarize|verify|eval|batch``.

``main(argv) -> int`` never raises: bad input and usage errors print one line and return 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any, NoReturn, TextIO

from ._version import __version__
from .config import ModelSettings, resolve_model
from .draft import Drafter, ExtractiveDrafter
from .errors import ConfigError, InputError, LLMBriefError, ModelCallError, PromptError
from .evals import compare_baseline, evaluate_verifier, load_cases, run_suites
from .load import iter_cluster_lines, load_brief, load_cluster
from .pipeline import summarize
from .render import FORMATS, render
from .types import Brief, Cluster, Report
from .verify import Verifier

__all__ = ["console_main", "main"]

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line instead of exiting."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message} (see --help)")


def _headline_count(value: str) -> int | str:
    if value == "all":
        return "all"
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a number or 'all'") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def _add_model_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("model")
    g.add_argument(
        "--model",
        help="'extractive' (offline default) or a chat model name; "
        "else $LLMBRIEF_MODEL, else an LLM when OPENAI_API_KEY/OPENAI_BASE_URL is set",
    )
    g.add_argument("--base-url", help="OpenAI-compatible server (vLLM, Ollama, llama.cpp)")
    g.add_argument("--prompt", help="prompt name (e.g. cluster_summary) or a prompt file path")
    g.add_argument("--no-cache", action="store_true", help="do not read or write the reply cache")
    g.add_argument("--timeout", type=float, help="seconds per model request (default 60)")
    g.add_argument(
        "--max-input-tokens", type=_positive, help="token budget for the articles sent to the model"
    )


def _add_summary_options(p: argparse.ArgumentParser) -> None:
    _add_model_options(p)
    g = p.add_argument_group("brief")
    g.add_argument(
        "--repair",
        choices=["none", "drop", "retarget", "regenerate"],
        default="none",
        help="what to do with claims that fail verification (default: none)",
    )
    g.add_argument("--rounds", type=_positive, default=1, help="regenerate rounds (default 1)")
    g.add_argument("--no-verify", action="store_true", help="skip verification")
    g.add_argument(
        "--headlines",
        type=_headline_count,
        default=5,
        metavar="N",
        help="member headlines to list, most-cited first (default 5; 0 for none; 'all')",
    )


def _parser() -> _Parser:
    top = _Parser(
        prog="llmbrief",
        description="Cited news briefs from article clusters, with citation checks and evals.",
        epilog="Exit status: 0 ok, 1 a check failed (verify/eval/batch), 2 bad input or usage.",
    )
    top.add_argument("--version", action="version", version=f"llmbrief {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    s = sub.add_parser(
        "summarize",
        help="write a cited brief of one cluster",
        description="Draft, verify and render a cited brief of one cluster.",
    )
    s.add_argument("cluster", metavar="CLUSTER", help="cluster file (.json or .jsonl)")
    s.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    s.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    s.add_argument("--strict", action="store_true", help="exit 1 when any claim fails verification")
    _add_summary_options(s)

    v = sub.add_parser(
        "verify",
        help="check a brief's citations against its cluster",
        description="Check every claim of BRIEF against the articles of CLUSTER. "
        "Exit 0 when every claim is supported, 1 when any fails, 2 on bad input.",
    )
    v.add_argument("cluster", metavar="CLUSTER", help="cluster file")
    v.add_argument("brief", metavar="BRIEF", help="brief: text (paragraph or text form) or JSON")
    v.add_argument("--format", choices=["text", "json"], default="text")
    v.add_argument(
        "--judge",
        choices=["lexical", "llm"],
        default="lexical",
        help="lexical (offline, default) or llm for claims the lexical pass flags",
    )
    _add_model_options(v)

    e = sub.add_parser(
        "eval",
        help="score briefs on fixture clusters, or the verifier on labelled claims",
        description="eval [SUITE ...]: summarize each fixture cluster and score faithfulness and "
        "citations (default suite: evals/clusters). eval verifier CASES.jsonl: score the verifier "
        "on labelled claims (FORMATS section 5).",
    )
    e.add_argument("suites", nargs="*", metavar="SUITE", help="suite directories or cluster files")
    e.add_argument("--format", choices=["text", "json", "markdown", "html"], default="text")
    e.add_argument(
        "--baseline",
        metavar="RESULTS.json",
        help="exit 1 when a metric falls below this earlier result by its tolerance",
    )
    e.add_argument("--out", metavar="FILE", help="also write the JSON result here")
    e.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="PROMPT",
        help="another prompt to score side by side (repeatable)",
    )
    e.add_argument("--errors", action="store_true", help="verifier: list the misjudged cases")
    _add_model_options(e)

    b = sub.add_parser(
        "batch",
        help="summarize many clusters (JSONL in, JSONL out)",
        description="One cluster per input line; one brief JSON per output line, "
        "written as each finishes. Failures are written as {cluster_id, error} and "
        "retried by --resume.",
    )
    b.add_argument("input", metavar="IN.jsonl")
    b.add_argument("output", metavar="OUT.jsonl")
    b.add_argument("--concurrency", type=_positive, default=4, help="clusters at once (default 4)")
    b.add_argument("--resume", action="store_true", help="skip clusters already done in OUT")
    _add_summary_options(b)
    return top


# -- helpers ---------------------------------------------------------------------------------


def _settings(args: argparse.Namespace) -> ModelSettings:
    return resolve_model(args.model, args.base_url, timeout=getattr(args, "timeout", None))


def _drafter(args: argparse.Namespace) -> Drafter:
    settings = _settings(args)
    if not settings.is_llm:
        if args.prompt:
            raise ConfigError(
                "--prompt needs an LLM (--model NAME); the extractive drafter has none"
            )
        return ExtractiveDrafter()
    from .llm import make_llm_drafter

    return make_llm_drafter(
        settings,
        prompt=args.prompt,
        use_cache=not args.no_cache,
        max_input_tokens=args.max_input_tokens,
        rounds=getattr(args, "rounds", 1),
    )


def _make_brief(args: argparse.Namespace, drafter: Drafter) -> Callable[[Cluster], Brief]:
    def make(cluster: Cluster) -> Brief:
        return summarize(
            cluster,
            drafter,
            verify=not args.no_verify,
            repair_mode=args.repair,
            headlines=args.headlines,
        )

    return make


def _write(text: str, out: str | None, stdout: TextIO) -> None:
    if out:
        try:
            Path(out).write_text(text, encoding="utf-8")
        except OSError as err:
            raise InputError(out, f"cannot write: {err.strerror}") from None
    else:
        stdout.write(text)


class _Progress:
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


# -- commands --------------------------------------------------------------------------------


def _close(drafter: object) -> None:
    close = getattr(drafter, "close", None)
    if close is not None:
        close()


def _cmd_summarize(args: argparse.Namespace, out: TextIO) -> int:
    cluster = load_cluster(args.cluster)
    drafter = _drafter(args)
    try:
        brief = _make_brief(args, drafter)(cluster)
    finally:
        _close(drafter)
    _write(render(brief, args.format, cluster), args.out, out)
    if args.strict and brief.verification is not None and not brief.verification.ok:
        return EXIT_FAIL
    return EXIT_OK


def _report_text(report: Report, brief_path: str) -> str:
    lines = []
    for c in report.claims:
        if c.verdict == "supported":
            continue
        why = "; ".join(c.reasons) or c.verdict
        lines.append(f"{brief_path}: claim {c.index + 1}: {c.verdict}: {why}")
        lines.append(f"    claim:    {c.text}")
        if c.suggested_ids:
            lines.append("    suggest:  " + "".join(f"[{i}]" for i in c.suggested_ids))
        for ev in c.evidence[:2]:
            snippet = " ".join(ev.sentence.split())
            if len(snippet) > 200:
                snippet = snippet[:197] + "..."
            lines.append(f"    evidence: [{ev.article_id}] {ev.start}-{ev.end}: {snippet}")
    counts = ", ".join(f"{n} {k}" for k, n in report.counts.items() if n)
    lines.append(
        f"{len(report.claims)} claims: {counts} (score {report.score:.2f}) -> "
        + ("ok" if report.ok else "FAIL")
    )
    return "\n".join(lines) + "\n"


def _cmd_verify(args: argparse.Namespace, out: TextIO) -> int:
    cluster = load_cluster(args.cluster)
    brief = load_brief(args.brief, cluster)
    verifier = Verifier(cluster)
    report = verifier.claims(brief.claims)
    if args.judge == "llm":
        from .llm import make_judge

        judge = make_judge(_settings(args), use_cache=not args.no_cache)
        try:
            report = judge.review(cluster, brief.claims, report)
        finally:
            _close(judge.model)
    if args.format == "json":
        out.write(report.model_dump_json(indent=2) + "\n")
    else:
        out.write(_report_text(report, args.brief))
    return EXIT_OK if report.ok else EXIT_FAIL


def _cmd_eval(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.suites and args.suites[0] == "verifier":
        if len(args.suites) != 2:
            raise _UsageError("llmbrief eval verifier: give exactly one CASES.jsonl file")
        result = evaluate_verifier(load_cases(args.suites[1]), _Progress("claims", err))
        if args.format == "json":
            out.write(json.dumps(result.as_dict(args.errors), indent=2) + "\n")
        else:
            out.write(_verifier_text(result.as_dict(args.errors)))
        return EXIT_OK
    suites = args.suites or ["evals/clusters"]
    drafters = [_drafter(args)]
    for prompt in args.compare:
        args.prompt = prompt
        drafters.append(_drafter(args))
    variants = [(_variant_label(d), _make_eval_brief(d)) for d in drafters]
    results = {}
    try:
        for label, make in variants:
            results[label] = run_suites(suites, make, _Progress(f"eval {label}", err))
    finally:
        for d in drafters:
            _close(d)
    first = next(iter(results.values()))
    payload: dict[str, Any] = {"metrics": first["metrics"], "variant": next(iter(results))}
    payload["variants"] = {k: v["metrics"] for k, v in results.items()}
    payload["clusters"] = first["clusters"]
    if args.out:
        _write(json.dumps(payload, indent=2) + "\n", args.out, out)
    out.write(_eval_render(payload, results, args.format))
    if args.baseline:
        try:
            base = json.loads(Path(args.baseline).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise InputError(args.baseline, f"cannot read baseline: {e}") from None
        if not isinstance(base, dict) or not isinstance(base.get("metrics"), dict):
            raise InputError(args.baseline, "must be an eval JSON result", field="metrics")
        fell = compare_baseline(first["metrics"], base)
        for line in fell:
            err.write(f"regression: {line}\n")
        if fell:
            return EXIT_FAIL
        err.write(f"baseline {args.baseline}: no metric fell beyond its tolerance\n")
    return EXIT_OK


def _variant_label(d: Drafter) -> str:
    prompt = getattr(d, "prompt_id", None)
    return f"{d.name} {prompt}" if prompt else d.name


def _make_eval_brief(d: Drafter) -> Callable[[Cluster], Brief]:
    return lambda cluster: summarize(cluster, d)


def _verifier_text(r: dict[str, Any]) -> str:
    c = r["confusion"]
    lines = [
        f"claims: {r['n']}",
        f"balanced accuracy:      {r['balanced_accuracy']:.3f}",
        f"precision (unsupported): {r['precision_unsupported']:.3f}",
        f"recall (unsupported):    {r['recall_unsupported']:.3f}",
        f"recall (supported):      {r['recall_supported']:.3f}",
        f"speed: {r['claims_per_second']:.0f} claims/s",
        "",
        "confusion (rows: label, columns: verdict)",
        f"{'':14}{'supported':>12}{'unsupported':>13}",
    ]
    for t in ("supported", "unsupported"):
        lines.append(f"{t:14}{c[t]['supported']:>12}{c[t]['unsupported']:>13}")
    if r.get("by_type"):
        lines += ["", "by type (predicted supported / unsupported)"]
        for k, v in r["by_type"].items():
            lines.append(f"  {k:28} {v.get('supported', 0):>4} / {v.get('unsupported', 0):<4}")
    for e in r.get("errors", []):
        lines.append(
            f"  miss {e['id']}: label {e['label']}, got {e['verdict']}: {e['reasons'][:2]}"
        )
    return "\n".join(lines) + "\n"


def _eval_render(payload: dict[str, Any], results: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(payload, indent=2) + "\n"
    labels = list(results)
    names = list(payload["metrics"])
    if fmt == "text":
        width = max(14, *(len(x) + 2 for x in labels))
        lines = [f"{'metric':22}" + "".join(f"{x:>{width}}" for x in labels)]
        for n in names:
            row = "".join(f"{results[x]['metrics'][n]:>{width}.3f}" for x in labels)
            lines.append(f"{n:22}{row}")
        lines.append("")
        lines.append(
            f"{'cluster':28}{'claims':>7}{'faithful':>10}{'cit.prec':>10}{'facts':>7}  counts"
        )
        for row in payload["clusters"]:
            counts = " ".join(f"{k}={v}" for k, v in row["counts"].items() if v)
            facts = "-" if row["fact_recall"] is None else f"{row['fact_recall']:.2f}"
            lines.append(
                f"{row['cluster'][:27]:28}{row['claims']:>7}{row['faithfulness']:>10.2f}"
                f"{row['citation_precision']:>10.2f}{facts:>7}  {counts}"
            )
        return "\n".join(lines) + "\n"
    if fmt == "markdown":
        head = "| metric | " + " | ".join(labels) + " |"
        sep = "|---|" + "---:|" * len(labels)
        rows = [
            f"| {n} | " + " | ".join(f"{results[x]['metrics'][n]:.3f}" for x in labels) + " |"
            for n in names
        ]
        return "\n".join([head, sep, *rows]) + "\n"
    import html

    cells = "".join(f"<th>{html.escape(x)}</th>" for x in labels)
    body = "".join(
        f"<tr><td>{html.escape(n)}</td>"
        + "".join(f"<td>{results[x]['metrics'][n]:.3f}</td>" for x in labels)
        + "</tr>"
        for n in names
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>llmbrief eval</title></head>"
        f"<body><table><tr><th>metric</th>{cells}</tr>{body}</table></body></html>\n"
    )


def _cmd_batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    out_path = Path(args.output)
    done: set[str] = set()
    kept: list[str] = []
    if args.resume and out_path.exists():
        for line in out_path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by a crash: that cluster runs again
            if isinstance(row, dict) and "error" not in row and "cluster_id" in row:
                done.add(str(row["cluster_id"]))
                kept.append(line)
    todo = [(cid, c) for _, cid, c in iter_cluster_lines(args.input) if cid not in done]
    drafter = _drafter(args)
    make = _make_brief(args, drafter)

    def run(item: tuple[str, Cluster | InputError]) -> tuple[str, bool]:
        cid, cluster = item
        if isinstance(cluster, InputError):
            return json.dumps({"cluster_id": cid, "error": str(cluster)}), False
        try:
            return make(cluster).model_dump_json(), True
        except LLMBriefError as e:
            return json.dumps({"cluster_id": cid, "error": str(e)}), False
        except Exception as e:  # a bug must not lose the rest of the batch
            return json.dumps({"cluster_id": cid, "error": f"{type(e).__name__}: {e}"}), False

    try:
        if args.resume:  # keep what finished, atomically, then append the rest
            tmp = out_path.with_name(out_path.name + ".tmp")
            tmp.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
            os.replace(tmp, out_path)
        handle = out_path.open("a" if args.resume else "w", encoding="utf-8")
    except OSError as e:
        _close(drafter)
        raise InputError(str(out_path), f"cannot write: {e.strerror}") from None
    failures = 0
    progress = _Progress("clusters", err)
    try:
        with handle, ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            futures = [pool.submit(run, item) for item in todo]
            for i, fut in enumerate(as_completed(futures), 1):
                line, ok = fut.result()
                handle.write(line + "\n")
                handle.flush()  # what finished is on disk, whatever happens next
                failures += not ok
                progress(i, len(todo))
    finally:
        _close(drafter)
    err.write(
        f"batch: {len(todo) - failures} written, {failures} failed, {len(done)} already done"
        f" -> {out_path}\n"
    )
    return EXIT_FAIL if failures else EXIT_OK


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; return the exit status (0 ok, 1 check failed, 2 bad input/usage)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
        if args.command is None:
            parser.print_help(out)
            return EXIT_USAGE
        if args.command == "summarize":
            return _cmd_summarize(args, out)
        if args.command == "verify":
            return _cmd_verify(args, out)
        if args.command == "eval":
            return _cmd_eval(args, out, err)
        return _cmd_batch(args, out, err)
    except _UsageError as e:
        err.write(f"{e}\n")
        return EXIT_USAGE
    except (InputError, ConfigError, PromptError) as e:
        err.write(f"llmbrief: error: {e}\n")
        return EXIT_USAGE
    except ModelCallError as e:
        err.write(f"llmbrief: model call failed: {e}\n")
        return EXIT_FAIL
    except LLMBriefError as e:
        err.write(f"llmbrief: error: {e}\n")
        return EXIT_FAIL
    except KeyboardInterrupt:
        err.write("llmbrief: interrupted\n")
        return 130
    except BrokenPipeError:
        # `llmbrief ... | head`: the reader left; not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def console_main() -> NoReturn:
    """Entry point of the ``llmbrief`` script and ``python -m llmbrief``."""
    sys.exit(main())
