"""``llmbrief eval verifier``: the verifier scored on labelled claims (FORMATS section 5).

It has a parser of its own (``llmbrief eval verifier --help``): its options are not those of
``eval`` over fixture suites.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ..evals import evaluate_verifier, load_cases
from ._common import EXIT_OK, Parser, Progress


def build_parser() -> Parser:
    """The parser of ``llmbrief eval verifier``."""
    p = Parser(
        prog="llmbrief eval verifier",
        description="Score the verifier on labelled claims (JSONL, FORMATS section 5).",
    )
    p.add_argument("cases", metavar="CASES.jsonl", help="labelled claims")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--errors", action="store_true", help="list the misjudged cases")
    return p


def main(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Parse ``argv`` (what follows ``eval verifier``) and run; the exit status."""
    args = build_parser().parse_args(list(argv))
    result = evaluate_verifier(load_cases(args.cases), Progress("claims", err))
    if args.format == "json":
        out.write(json.dumps(result.as_dict(args.errors), indent=2) + "\n")
    else:
        out.write(_verifier_text(result.as_dict(args.errors)))
    return EXIT_OK


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
