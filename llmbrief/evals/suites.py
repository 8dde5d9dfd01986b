"""Briefs scored on fixture clusters, and the baseline gate.

* :func:`run_suites`: summarize every fixture cluster of a suite with a drafter and score
  faithfulness (share of supported claims) and citation quality.
* :func:`compare_baseline`: metrics that fell by more than their tolerance.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..load import load_cluster
from ..types import Cluster
from ..verifier.lexicon import flat

__all__ = ["compare_baseline", "run_suites", "suite_clusters"]


def compare_baseline(
    metrics: dict[str, float], baseline: dict[str, Any], default_tolerance: float = 0.02
) -> list[str]:
    """Metrics that fell below the baseline by more than their tolerance, as sentences.

    ``baseline`` is an ``eval --format json`` result; an optional ``tolerances`` mapping in it
    overrides the default tolerance per metric.
    """
    base = baseline.get("metrics", {})
    tol = baseline.get("tolerances", {})
    out = []
    for name, old in sorted(base.items()):
        if not isinstance(old, (int, float)) or name not in metrics:
            continue
        limit = float(tol.get(name, default_tolerance))
        new = metrics[name]
        if new < old - limit:
            out.append(f"{name} fell from {old:.4f} to {new:.4f} (tolerance {limit:.4f})")
    return out


def suite_clusters(paths: Iterable[str | Path]) -> list[Path]:
    """Cluster files of the given suites (a directory of ``*.json`` or single files)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(
                sorted(
                    x
                    for x in p.glob("*.json")
                    if not x.name.endswith((".expected.json", ".facts.json"))
                )
            )
        elif p.exists():
            out.append(p)
        else:
            raise InputError(str(p), "no such suite (a directory of cluster files or a file)")
    return out


def _fact_recall(cluster_file: Path, summary: str) -> float | None:
    """Share of the cluster's key facts (``NAME.facts.json``) whose words the summary has."""
    facts_file = cluster_file.with_name(cluster_file.stem + ".facts.json")
    if not facts_file.exists():
        return None
    try:
        facts = json.loads(facts_file.read_text(encoding="utf-8"))["facts"]
        needles = [[flat(w) for w in f["all"]] for f in facts]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise InputError(str(facts_file), f"not a facts file: {err}") from None
    text = flat(summary)
    hits = sum(all(n in text for n in need) for need in needles)
    return hits / len(needles) if needles else None


def run_suites(
    paths: Sequence[str | Path],
    make_brief: Callable[[Cluster], Any],
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Summarize every cluster of the suites and score the briefs.

    Metrics (all higher-is-better): ``faithfulness`` (mean share of supported claims),
    ``citation_precision`` (cited ids that exist and support), ``cited_share`` (claims
    with a citation), ``coverage`` (share of a cluster's articles cited), ``briefs_ok``
    (briefs whose every claim is supported) and, where a cluster has a ``NAME.facts.json``
    beside it, ``fact_recall`` (share of its key facts whose words the summary contains).
    """
    files = suite_clusters(paths)
    rows = []
    for i, f in enumerate(files):
        cluster = load_cluster(f)
        brief = make_brief(cluster)
        report = brief.verification
        claims = report.claims if report else []
        n = max(len(claims), 1)
        cited_ok = sum(len(c.citations) for c in claims if c.verdict == "supported")
        cited_all = sum(len(c.citations) for c in claims)
        cited_ids = {x for c in claims for x in c.citations}
        rows.append(
            {
                "cluster": cluster.cluster_id,
                "file": str(f),
                "claims": len(claims),
                "faithfulness": sum(c.verdict == "supported" for c in claims) / n,
                "citation_precision": cited_ok / cited_all if cited_all else 0.0,
                "cited_share": sum(bool(c.citations) for c in claims) / n,
                "coverage": len(cited_ids & set(cluster.ids)) / len(cluster.articles),
                "ok": bool(report and report.ok),
                "counts": report.counts if report else {},
                "model": brief.model,
                "prompt": brief.prompt,
                "prompt_tokens": brief.usage.prompt_tokens,
                "completion_tokens": brief.usage.completion_tokens,
                "fact_recall": _fact_recall(f, brief.summary),
            }
        )
        if progress is not None:
            progress(i + 1, len(files))
    k = max(len(rows), 1)
    metrics = {
        name: round(sum(r[name] for r in rows) / k, 4)
        for name in ("faithfulness", "citation_precision", "cited_share", "coverage")
    }
    metrics["briefs_ok"] = round(sum(r["ok"] for r in rows) / k, 4)
    recalls = [r["fact_recall"] for r in rows if r["fact_recall"] is not None]
    if recalls:
        metrics["fact_recall"] = round(sum(recalls) / len(recalls), 4)
    return {"metrics": metrics, "clusters": rows, "n": len(rows)}
