"""``llmbrief verify``: check a brief's citations against its cluster."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ..load import load_brief, load_cluster
from ..render import report_text
from ..verifier import Verifier
from ._common import EXIT_FAIL, EXIT_OK, add_model_options, close, model_settings


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
    v.add_argument("--format", choices=["text", "json"], default="text")
    v.add_argument(
        "--judge",
        choices=["lexical", "llm"],
        default="lexical",
        help="lexical (offline, default) or llm for claims the lexical pass flags",
    )
    add_model_options(v)
    v.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``verify``; the exit status."""
    cluster = load_cluster(args.cluster)
    brief = load_brief(args.brief, cluster)
    verifier = Verifier(cluster)
    report = verifier.claims(brief.claims)
    if args.judge == "llm":
        from ..llm import make_judge

        judge = make_judge(model_settings(args), use_cache=not args.no_cache)
        try:
            report = judge.review(cluster, brief.claims, report)
        finally:
            close(judge.model)
    if args.format == "json":
        out.write(report.model_dump_json(indent=2) + "\n")
    else:
        out.write(report_text(report, args.brief))
    return EXIT_OK if report.ok else EXIT_FAIL
