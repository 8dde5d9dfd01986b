"""``llmbrief verify``: check a brief's citations against its cluster."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ..config import resolve_model
from ..load import load_brief, load_cluster
from ..render import report_text
from ..types import Report
from ..verifier import Verifier
from ..verifier.judge import JudgeRun, claim_support
from ._common import EXIT_FAIL, EXIT_OK, UsageError, add_model_options, close

# flags that mean something only with --judge llm: refused without it, never ignored
_JUDGE_FLAGS = ("judge_model", "judge_base_url", "judge_style", "judge_budget")


def _share(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a number from 0 to 1") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError("must be a number from 0 to 1")
    return x


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
        "Exit 0 when every claim is supported, 1 when any fails, 2 on bad input.",
    )
    v.add_argument("cluster", metavar="CLUSTER", help="cluster file")
    v.add_argument("brief", metavar="BRIEF", help="brief: text (paragraph or text form) or JSON")
    v.add_argument("-f", "--format", choices=["text", "json"], default="text")
    v.add_argument(
        "--min-support",
        type=_share,
        metavar="X",
        help="strictness, 0 to 1: a supported claim whose support is below X fails",
    )
    v.add_argument(
        "--judge",
        choices=["lexical", "llm"],
        default="lexical",
        help="lexical (offline, default), or llm: a model also looks at the claims the lexical "
        "pass cannot decide",
    )
    g = v.add_argument_group("judge (with --judge llm)")
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
    g.add_argument(
        "--judge-budget",
        type=_count,
        metavar="N",
        help="send at most N claims to the judge, most doubtful first (default: no cap)",
    )
    add_model_options(v)
    v.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``verify``; the exit status."""
    if args.judge != "llm":
        for name in _JUDGE_FLAGS:
            if getattr(args, name) is not None:
                flag = "--" + name.replace("_", "-")
                raise UsageError(f"llmbrief verify: {flag} needs --judge llm (see --help)")
    cluster = load_cluster(args.cluster)
    brief = load_brief(args.brief, cluster)
    # once Verifier takes min_support: Verifier(cluster, min_support=args.min_support), and drop
    # the _min_support line below
    report = Verifier(cluster).claims(brief.claims)
    if args.min_support is not None:
        report = _min_support(report, args.min_support)
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
    if args.format == "json":
        out.write(report.model_dump_json(indent=2) + "\n")
    else:
        out.write(report_text(report, args.brief))
    return EXIT_OK if report.ok else EXIT_FAIL


def _min_support(report: Report, threshold: float) -> Report:
    """Supported claims whose support is below ``threshold`` become unsupported."""
    claims = []
    for c in report.claims:
        support = claim_support(c)
        if c.verdict == "supported" and support < threshold:
            c = c.model_copy(deep=True)
            c.verdict = "unsupported"
            c.reasons.append(f"score {support:.2f} below --min-support {threshold:g}")
        claims.append(c)
    return Report.from_claims(claims)


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
