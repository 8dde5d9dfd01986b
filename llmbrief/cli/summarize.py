"""``llmbrief summarize``: draft, verify and render a brief of one cluster."""

from __future__ import annotations

import argparse
from typing import Any, TextIO, cast

from ..load import load_cluster
from ..render import FORMATS, Format, findings_text, plural, render, verification_summary
from ..types import Brief, BudgetNote
from ._common import (
    EXIT_FAIL,
    EXIT_OK,
    add_output_options,
    add_summary_options,
    brief_maker,
    check_summary_options,
    close,
    make_drafter,
    model_settings,
    output_format,
    refuse_writing_over_input,
    write,
)


def add_parser(sub: Any) -> None:
    """Register the ``summarize`` subcommand."""
    s = sub.add_parser(
        "summarize",
        help="write a cited brief of one cluster",
        description="Draft, verify and render a cited brief of one cluster. The brief goes "
        "to stdout (or --out); failing claims are listed on stderr (text) or marked in the "
        "document (markdown, html, json).",
    )
    s.add_argument("cluster", metavar="CLUSTER", help="cluster file (.json or .jsonl; - for stdin)")
    add_output_options(s, FORMATS)
    s.add_argument("--strict", action="store_true", help="exit 1 when any claim fails verification")
    add_summary_options(s)
    s.set_defaults(run=run)


def budget_line(note: BudgetNote | None, model: str) -> str | None:
    """One stderr line when the token budget cut or dropped articles, else None."""
    if note is None or not (note.dropped or note.shortened or note.dropped_duplicates):
        return None
    done = []
    if note.dropped:
        done.append(f"left out {plural(len(note.dropped), 'article')} (the least central)")
    if note.dropped_duplicates:
        done.append(
            f"sent {plural(len(note.dropped_duplicates), 'wire copy', 'wire copies')} as pointers"
        )
    if note.shortened:
        done.append(f"shortened {plural(len(note.shortened), 'article')}")
    window = f", context window {note.context_window:,}" if note.context_window else ""
    proxy = f", counted with {note.encoding} as a proxy" if note.proxy_encoding else ""
    return (
        f"llmbrief: token budget {note.max_input_tokens:,} per request ({model}{window}{proxy}): "
        + ", ".join(done)
        + "; see 'budget' in --format json"
    )


def model_line(brief: Brief, endpoint: str) -> str:
    """Which model drafted the brief, where, and what it cost."""
    u = brief.usage
    cost = f", ${u.cost_usd:.6f}" if u.cost_usd is not None else ""
    cached = f" ({u.cache_hits} from the cache)" if u.cache_hits else ""
    return (
        f"llmbrief: drafted with {brief.model} at {endpoint}: {plural(u.calls, 'call')}{cached}, "
        f"{u.prompt_tokens:,} prompt + {u.completion_tokens:,} completion tokens{cost}"
    )


def report_to_stderr(brief: Brief, fmt: str, err: TextIO, endpoint: str | None) -> None:
    """What a reader of stderr needs: the model run, budget cuts, repair, and the verdicts."""
    if endpoint is not None:
        err.write(model_line(brief, endpoint) + "\n")
    line = budget_line(brief.budget, brief.model)
    if line:
        err.write(line + "\n")
    v = brief.verification
    if v is None:
        err.writelines(f"llmbrief: repair: {a}\n" for a in brief.repair)
        return
    if fmt == "text":
        err.write(findings_text(v, brief.repair))
    else:
        # the document carries the details; stderr says whether to look
        err.writelines(f"llmbrief: repair: {a}\n" for a in brief.repair)
        err.write(verification_summary(v) + "\n")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``summarize``; the exit status."""
    check_summary_options(args)
    refuse_writing_over_input(args.out, [args.cluster], "summarize")
    fmt = output_format(args, FORMATS)
    cluster = load_cluster(args.cluster)
    settings = model_settings(args)
    drafter = make_drafter(args)
    try:
        brief = brief_maker(args, drafter)(cluster)
    finally:
        close(drafter)
    if not brief.sentences:
        by = f"; drafted with {brief.model} at {settings.endpoint}" if settings.is_llm else ""
        err.write(
            f"llmbrief: --repair {args.repair} dropped every sentence of the brief "
            f"({len(brief.repair)} failed verification{by}); nothing written\n"
        )
        return EXIT_FAIL
    write(render(brief, cast(Format, fmt), cluster), args.out, out)
    # a model run is named here; a failed call names model and endpoint in its one-line error
    report_to_stderr(brief, fmt, err, settings.endpoint if settings.is_llm else None)
    if args.strict and brief.verification is not None and not brief.verification.ok:
        return EXIT_FAIL
    return EXIT_OK
