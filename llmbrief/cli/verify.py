"""``llmbrief verify``: check a brief's citations against its cluster."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ..config import resolve_model
from ..load import STDIN, load_brief, load_cluster
from ..render import claim_reason, report_text, verification_summary
from ..types import Report
from ..verifier import Verifier
from ..verifier.judge import JudgeRun
from ..verifier.support import DEFAULT_MIN_SUPPORT
from ._common import (
    EXIT_FAIL,
    EXIT_OK,
    UsageError,
    add_judge_model_options,
    add_output_options,
    close,
    output_format,
    positive_float,
    refuse_writing_over_input,
    share,
    write,
)

FORMATS = ("text", "json", "markdown")
# flags that mean something only with --judge llm: refused without it, never ignored
_JUDGE_FLAGS = (
    "judge_model",
    "judge_base_url",
    "judge_style",
    "judge_budget",
    "model",
    "base_url",
    "no_cache",
    "timeout",
)


def _count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n


def add_parser(sub: Any) -> None:
    """Register the ``verify`` subcommand."""
    v = sub.add_parser(
        "verify",
        help="check a brief's citations against its cluster",
        description="Check every claim of BRIEF against the articles of CLUSTER. "
        "Exit 0 when every claim is supported, 1 when any fails, 2 on bad input or usage.",
    )
    v.add_argument(
        "cluster", metavar="CLUSTER", help="cluster file (JSON or JSONL; '-': standard input)"
    )
    v.add_argument(
        "brief",
        metavar="BRIEF",
        help="the brief: its paragraph or text form, our markdown or html, or its JSON "
        "('-': standard input)",
    )
    add_output_options(v, FORMATS)
    v.add_argument(
        "--min-support",
        type=share,
        default=DEFAULT_MIN_SUPPORT,
        metavar="X",
        help=f"strictness, 0 to 1: the support a claim needs (default {DEFAULT_MIN_SUPPORT:g}); "
        "higher flags more",
    )
    v.add_argument(
        "--judge",
        choices=["lexical", "llm"],
        default="lexical",
        help="lexical (offline, default), or llm: a model also looks at the claims the lexical "
        "pass cannot decide",
    )
    g = v.add_argument_group("judge (with --judge llm)")
    add_judge_model_options(g)
    g.add_argument(
        "--judge-budget",
        type=_count,
        metavar="N",
        help="send at most N claims to the judge, most doubtful first (default: no cap)",
    )
    g.add_argument("-m", "--model", help="the judge's model when --judge-model is not given")
    g.add_argument(
        "--base-url", metavar="URL", help="the judge's server when --judge-base-url is not given"
    )
    g.add_argument(
        "--no-cache", action="store_true", default=None, help="do not read or write the reply cache"
    )
    g.add_argument(
        "--timeout",
        type=positive_float,
        metavar="SECONDS",
        help="seconds per judge request (default 60)",
    )
    v.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``verify``; the exit status."""
    if args.judge != "llm":
        for name in _JUDGE_FLAGS:
            if getattr(args, name) is not None:
                flag = "--" + name.replace("_", "-")
                raise UsageError(f"llmbrief verify: {flag} needs --judge llm (see --help)")
    if args.cluster == STDIN and args.brief == STDIN:
        raise UsageError(
            "llmbrief verify: CLUSTER and BRIEF cannot both be '-': standard input is read once"
        )
    refuse_writing_over_input(args.out, [args.cluster, args.brief], "verify")
    fmt = output_format(args, FORMATS)
    cluster = load_cluster(args.cluster)
    brief = load_brief(args.brief, cluster)
    report = Verifier(cluster, min_support=args.min_support).claims(brief.claims)
    if args.judge == "llm":
        from ..llm import endpoint, make_judge

        settings = resolve_model(
            args.judge_model or args.model,
            args.judge_base_url or args.base_url,
            timeout=args.timeout,
        )
        judge = make_judge(
            settings, use_cache=not args.no_cache, style=args.judge_style, budget=args.judge_budget
        )
        try:
            judged = judge.run(cluster, brief.claims, report)
        finally:
            close(judge.model)
        report = judged.report
        err.write(_judge_line(judged, endpoint(settings), args.judge_budget) + "\n")
    if fmt == "json":
        text = report.model_dump_json(indent=2) + "\n"
    elif fmt == "markdown":
        text = report_markdown(report, args.brief)
    else:
        text = report_text(report, args.brief)
    write(text, args.out, out)
    return EXIT_OK if report.ok else EXIT_FAIL


def _md(text: str) -> str:
    """Text safe inside a markdown table cell."""
    s = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for ch in "*_`[]<>":
        s = s.replace(ch, "\\" + ch)
    return s


def report_markdown(report: Report, brief_path: str) -> str:
    """The report as markdown: the summary line, then a table of the claims that failed."""
    head = f"### Verification of `{brief_path}`\n\n**{verification_summary(report, score=True)}**\n"
    failing = [c for c in report.claims if c.verdict != "supported"]
    if not failing:
        return head
    rows = ["| # | verdict | claim | why | suggested |", "|---:|---|---|---|---|"]
    for c in failing:
        suggested = " ".join(f"\\[{i}\\]" for i in c.suggested_ids)
        rows.append(
            f"| {c.index + 1} | {c.verdict} | {_md(c.text)} | {_md(claim_reason(c))} | "
            f"{suggested} |"
        )
    return head + "\n" + "\n".join(rows) + "\n"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _judge_line(run: JudgeRun, where: str, budget: int | None) -> str:
    """One line naming the judge, its endpoint and what it did."""
    line = (
        f"judge: {_plural(run.sent, 'claim')} sent to {run.model} at {where}: "
        f"{run.overturned} overturned, {run.upheld} upheld, {_plural(run.errors, 'error')}"
    )
    if run.over_budget:
        line += f"; {run.over_budget} more undecided over --judge-budget {budget}"
    return line
