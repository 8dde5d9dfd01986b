"""``llmbrief eval diff OLD.json NEW.json``: what changed between two saved eval results.

It has a parser of its own (``llmbrief eval diff --help``), as ``eval verifier`` does: a diff
reads two results and drafts nothing, so none of ``eval``'s drafting options apply. It shows
the claims that changed verdict (cluster, sentence, old -> new verdict, reason) and each
metric's change, and exits 1 when a metric fell beyond its tolerance, a cluster was not
scored, or a claim broke.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from ..errors import InputError
from ..evals.gate import load_tolerances
from ..evals.report import render_diff
from ._common import (
    EXIT_FAIL,
    EXIT_OK,
    Parser,
    add_output_options,
    output_format,
    refuse_writing_over_input,
    write,
)
from .eval import gate_results, read_results

FORMATS = ("text", "json", "markdown", "html")


def build_parser() -> Parser:
    """The parser of ``llmbrief eval diff``."""
    p = Parser(
        prog="llmbrief eval diff",
        description="Compare two results saved by `eval --save FILE` (or `eval -f json -o "
        "FILE`): the claims that changed verdict, cluster by cluster (cluster, sentence, "
        "old -> new verdict, reason), and each metric's change with its tolerance.",
        epilog="Exit status: 0 nothing got worse; 1 a metric fell by more than its tolerance "
        "(pyproject.toml [tool.llmbrief.eval], else OLD's own), a cluster of NEW was not "
        "scored, or a claim broke (supported, or absent, in OLD and failing in NEW); "
        "2 bad input or usage.",
    )
    p.add_argument("old", metavar="OLD.json", help="the earlier result (e.g. the baseline)")
    p.add_argument("new", metavar="NEW.json", help="the later result")
    add_output_options(p, FORMATS)
    return p


def diff_results(
    old: dict[str, Any], new: dict[str, Any], old_path: str, new_path: str
) -> dict[str, Any]:
    """The diff of two results: per variant of NEW, its metric changes and claim changes."""
    runs = new.get("runs")
    if not isinstance(runs, dict) or not runs:
        raise InputError(new_path, "has no per-claim results (eval schema 2)", field="runs")
    tolerances = load_tolerances(old)
    gate = gate_results(runs, old, tolerances, old_path)
    out: dict[str, Any] = {
        "old": old_path,
        "new": new_path,
        "tolerances": tolerances.source,
        "failed": False,
        "runs": {},
    }
    for label, g in gate.items():
        fell = {line.split(" ")[0] for line in g["regressions"]}
        new_metrics = runs[label].get("metrics") or {}
        metrics = []
        for name, value in new_metrics.items():
            before = g["base_metrics"].get(name)
            if not isinstance(value, (int, float)) and not isinstance(before, (int, float)):
                continue
            num = isinstance(value, (int, float)) and isinstance(before, (int, float))
            metrics.append(
                {
                    "metric": name,
                    "old": before,
                    "new": value,
                    "delta": round(value - before, 4) if num else None,
                    "tolerance": tolerances.of(name),
                    "fell": name in fell,
                }
            )
        broke = [c for c in g["changes"] if c["broke"]]
        failed = bool(g["failed"] or broke)
        out["failed"] = out["failed"] or failed
        out["runs"][label] = {
            "against": g["against"],
            "failed": failed,
            "metrics": metrics,
            "regressions": g["regressions"],
            "unscored": g["unscored"],
            "forgiven": g["forgiven"],
            "notes": g["notes"],
            "changes": g["changes"],
            "broke": len(broke),
        }
    return out


def main(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Parse ``argv`` (what follows ``eval diff``) and run; the exit status."""
    args = build_parser().parse_intermixed_args(list(argv))
    refuse_writing_over_input(args.out, [args.old, args.new], "eval diff")
    fmt = output_format(args, FORMATS)
    old = read_results(args.old, "results")
    new = read_results(args.new, "results")
    data = diff_results(old, new, args.old, args.new)
    write(render_diff(data, fmt), args.out, out)
    return EXIT_FAIL if data["failed"] else EXIT_OK
