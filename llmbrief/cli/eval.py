"""``llmbrief eval``: suites scored, prompts compared, the baseline gate; ``eval verifier``."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from ..draft import Drafter
from ..errors import InputError
from ..evals import compare_baseline, run_suites
from ..pipeline import summarize
from ..types import Brief, Cluster
from ._common import (
    EXIT_FAIL,
    EXIT_OK,
    Progress,
    add_model_options,
    close,
    make_drafter,
    write,
)


def add_parser(sub: Any) -> None:
    """Register the ``eval`` subcommand."""
    e = sub.add_parser(
        "eval",
        help="score briefs on fixture clusters, or the verifier on labelled claims",
        description="eval [SUITE ...]: summarize each fixture cluster and score faithfulness and "
        "citations (default suite: evals/clusters). `eval verifier CASES.jsonl ...` scores the "
        "verifier on labelled claims (see `eval verifier --help`).",
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
    add_model_options(e)
    e.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``eval``; the exit status."""
    suites = args.suites or ["evals/clusters"]
    drafters = [make_drafter(args)]
    for prompt in args.compare:
        args.prompt = prompt
        drafters.append(make_drafter(args))
    variants = [(_variant_label(d), _make_eval_brief(d)) for d in drafters]
    results = {}
    try:
        for label, make in variants:
            results[label] = run_suites(suites, make, Progress(f"eval {label}", err))
    finally:
        for d in drafters:
            close(d)
    first = next(iter(results.values()))
    payload: dict[str, Any] = {"metrics": first["metrics"], "variant": next(iter(results))}
    payload["variants"] = {k: v["metrics"] for k, v in results.items()}
    payload["clusters"] = first["clusters"]
    if args.out:
        write(json.dumps(payload, indent=2) + "\n", args.out, out)
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
