"""``llmbrief summarize``: draft, verify and render a brief of one cluster."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ..load import load_cluster
from ..render import FORMATS, render
from ._common import (
    EXIT_FAIL,
    EXIT_OK,
    add_summary_options,
    brief_maker,
    close,
    make_drafter,
    write,
)


def add_parser(sub: Any) -> None:
    """Register the ``summarize`` subcommand."""
    s = sub.add_parser(
        "summarize",
        help="write a cited brief of one cluster",
        description="Draft, verify and render a cited brief of one cluster.",
    )
    s.add_argument("cluster", metavar="CLUSTER", help="cluster file (.json or .jsonl)")
    s.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    s.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    s.add_argument("--strict", action="store_true", help="exit 1 when any claim fails verification")
    add_summary_options(s)
    s.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``summarize``; the exit status."""
    cluster = load_cluster(args.cluster)
    drafter = make_drafter(args)
    try:
        brief = brief_maker(args, drafter)(cluster)
    finally:
        close(drafter)
    write(render(brief, args.format, cluster), args.out, out)
    if args.strict and brief.verification is not None and not brief.verification.ok:
        return EXIT_FAIL
    return EXIT_OK
