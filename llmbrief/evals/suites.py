"""Briefs scored on fixture clusters.

* :func:`run_suites`: summarize every fixture cluster of a suite with a drafter (``repeat``
  times for a model) and score faithfulness (share of supported claims), citation quality and
  key-fact recall, keeping every claim's verdict so two runs can be diffed claim by claim.
* :func:`suite_clusters`: the cluster files of the suites.

A cluster whose reply was never recorded is ``not_recorded``; one whose model call failed is
``error``; one whose brief the LLM judge could not judge is ``judge_error``. None is scored:
the metrics are means over the ``ok`` clusters, and the run
says how many were left out (the gate fails on them).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError, ModelCallError
from ..load import load_cluster, read_text
from ..types import Brief, ClaimReport, Cluster
from ..verifier.lexicon import flat
from .judging import JudgeFailed
from .recordings import NotRecorded

__all__ = [
    "METRICS",
    "STATUSES",
    "cluster_metrics",
    "run_suites",
    "suite_clusters",
    "summarize_rows",
    "without_worst_flaky_draft",
]

#: Metrics of a run, all higher-is-better, in report order.
METRICS = (
    "faithfulness",
    "citation_precision",
    "cited_share",
    "coverage",
    "briefs_ok",
    "fact_recall",
)
#: A cluster's status: scored, or why not.
STATUSES = ("ok", "not_recorded", "error", "judge_error")
#: How many evidence sentences a result keeps per claim (enough to read why it holds).
_EVIDENCE_KEPT = 2


def suite_clusters(paths: Iterable[str | Path]) -> list[Path]:
    """Cluster files of the given suites (a directory of ``*.json`` or single files)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(
                x
                for x in p.glob("*.json")
                if not x.name.endswith((".expected.json", ".facts.json"))
            )
            if not found:
                raise InputError(str(p), f"no cluster files in {p} (*.json)")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise InputError(str(p), "no such suite (a directory of cluster files or a file)")
    return out


def _facts(cluster_file: Path) -> list[list[str]] | None:
    """The key facts of ``NAME.facts.json`` beside a cluster: words each fact needs."""
    facts_file = cluster_file.with_name(cluster_file.stem + ".facts.json")
    if not facts_file.exists():
        return None
    name = str(facts_file)
    try:
        data = json.loads(read_text(facts_file))
    except json.JSONDecodeError as err:
        raise InputError(
            name, f"invalid JSON at line {err.lineno} column {err.colno}: {err.msg}"
        ) from None
    if not isinstance(data, dict) or "facts" not in data:
        raise InputError(
            name, 'is missing (a facts file is {"facts": [{"all": [...]}]})', field="facts"
        )
    facts = data["facts"]
    if not isinstance(facts, list):
        raise InputError(name, "must be a list of facts", field="facts")
    out = []
    for i, f in enumerate(facts):
        need = f.get("all") if isinstance(f, dict) else None
        if not isinstance(need, list) or not all(isinstance(w, str) for w in need):
            raise InputError(name, "must be a list of words", item=f"fact {i}", field="all")
        out.append([flat(w) for w in need])
    return out


def _fact_recall(facts: list[list[str]] | None, summary: str) -> float | None:
    """Share of the key facts whose words the summary has."""
    if not facts:
        return None
    text = flat(summary)
    return sum(all(n in text for n in need) for need in facts) / len(facts)


def _claim(c: ClaimReport) -> dict[str, Any]:
    return {
        "n": c.index + 1,
        "text": c.text,
        "citations": c.citations,
        "verdict": c.verdict,
        "reasons": c.reasons,
        "suggested_ids": c.suggested_ids,
        "evidence": [
            {"article_id": e.article_id, "sentence": e.sentence}
            for e in c.evidence[:_EVIDENCE_KEPT]
        ],
    }


def cluster_metrics(
    brief: Brief, cluster: Cluster, facts: list[list[str]] | None
) -> dict[str, Any]:
    """One draft scored: the metrics, the counts and every claim with its verdict."""
    report = brief.verification
    claims = report.claims if report else []
    n = max(len(claims), 1)
    cited_ok = sum(len(c.citations) for c in claims if c.verdict == "supported")
    cited_all = sum(len(c.citations) for c in claims)
    cited_ids = {x for c in claims for x in c.citations}
    return {
        "title": brief.title,
        "faithfulness": sum(c.verdict == "supported" for c in claims) / n,
        "citation_precision": cited_ok / cited_all if cited_all else 0.0,
        "cited_share": sum(bool(c.citations) for c in claims) / n,
        "coverage": len(cited_ids & set(cluster.ids)) / len(cluster.articles),
        "ok": bool(report and report.ok),
        "fact_recall": _fact_recall(facts, brief.summary),
        "counts": {k: v for k, v in (report.counts if report else {}).items() if v},
        "prompt_tokens": brief.usage.prompt_tokens,
        "completion_tokens": brief.usage.completion_tokens,
        "claims": [_claim(c) for c in claims],
    }


def _mean(values: Sequence[float]) -> float:
    # summed in a fixed order: the same input gives the same digits in any process
    return sum(values) / len(values) if values else 0.0


def _aggregate(drafts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A cluster's figures over its drafts: means, pass rate, spread, flakiness."""
    row: dict[str, Any] = {"claims": len(drafts[0]["claims"])}
    for name in ("faithfulness", "citation_precision", "cited_share", "coverage"):
        row[name] = round(_mean([d[name] for d in drafts]), 4)
    recalls = [d["fact_recall"] for d in drafts if d["fact_recall"] is not None]
    row["fact_recall"] = round(_mean(recalls), 4) if recalls else None
    row["pass_rate"] = round(_mean([float(d["ok"]) for d in drafts]), 4)
    row["ok"] = all(d["ok"] for d in drafts)
    row["counts"] = drafts[0]["counts"]
    faiths = [d["faithfulness"] for d in drafts]
    row["spread"] = round(max(faiths) - min(faiths), 4)
    # flaky: the drafts do not agree on their verdicts (how many claims got which verdict)
    row["flaky"] = len({json.dumps(d["counts"], sort_keys=True) for d in drafts}) > 1
    return row


def _row(
    cluster: Cluster, path: Path, drafts: list[dict[str, Any]], brief: Brief | None
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "cluster": cluster.cluster_id,
        "file": path.as_posix(),
        "articles": len(cluster.articles),
        "status": "ok",
        "model": brief.model if brief else "",
        "prompt": brief.prompt if brief else "",
    }
    row.update(_aggregate(drafts))
    row["drafts"] = drafts
    return row


def without_worst_flaky_draft(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with each flaky cluster's worst draft left out (what one bad draft cost)."""
    out = []
    for r in rows:
        if r["status"] != "ok" or not r.get("flaky") or len(r["drafts"]) < 2:
            out.append(r)
            continue
        worst = min(
            range(len(r["drafts"])),
            key=lambda i: (r["drafts"][i]["ok"], r["drafts"][i]["faithfulness"], -i),
        )
        rest = [d for i, d in enumerate(r["drafts"]) if i != worst]
        out.append({**r, **_aggregate(rest), "drafts": rest})
    return out


def _failed_row(cluster: Cluster, path: Path, status: str, message: str) -> dict[str, Any]:
    return {
        "cluster": cluster.cluster_id,
        "file": path.as_posix(),
        "articles": len(cluster.articles),
        "status": status,
        "error": message,
        "drafts": [],
    }


def summarize_rows(rows: Sequence[dict[str, Any]]) -> dict[str, float]:
    """Suite metrics: means over the scored (``ok``) clusters' rows."""
    scored = [r for r in rows if r["status"] == "ok"]
    if not scored:
        return {}
    metrics = {
        name: round(_mean([r[name] for r in scored]), 4)
        for name in ("faithfulness", "citation_precision", "cited_share", "coverage")
    }
    metrics["briefs_ok"] = round(_mean([r["pass_rate"] for r in scored]), 4)
    recalls = [r["fact_recall"] for r in scored if r["fact_recall"] is not None]
    if recalls:
        metrics["fact_recall"] = round(_mean(recalls), 4)
    return metrics


def run_suites(
    paths: Sequence[str | Path],
    make_brief: Callable[[Cluster], Brief],
    progress: Callable[[int, int], None] | None = None,
    *,
    repeat: int = 1,
    begin: Callable[[Cluster, int], None] | None = None,
    on_draft: Callable[[bool, int], None] | None = None,
) -> dict[str, Any]:
    """Summarize every cluster of the suites (``repeat`` drafts each) and score the briefs.

    Args:
        paths: suite directories or cluster files.
        make_brief: drafts and verifies one cluster's brief.
        progress: called with (clusters done, clusters in all) after each cluster.
        repeat: drafts per cluster (a model's drafts vary; the extractive drafter's do not).
        begin: called with (cluster, draft number from 0) before each draft (recordings).
        on_draft: called after each draft with whether it failed (error or not recorded) and
            how many drafts it stands for (a failed draft ends its cluster's drafts).

    Returns:
        ``{"metrics", "clusters", "n", "status", "repeat"}``. Metrics (higher is better):
        ``faithfulness`` (mean share of supported claims), ``citation_precision`` (cited ids
        that exist and support), ``cited_share`` (claims with a citation), ``coverage`` (share
        of a cluster's articles cited), ``briefs_ok`` (drafts whose every claim is supported)
        and, where a cluster has a ``NAME.facts.json`` beside it, ``fact_recall`` (share of
        its key facts whose words the summary contains). With repeats each cluster's value is
        the mean over its drafts; ``pass_rate``, ``spread`` and ``flaky`` say how they varied.
    """
    files = suite_clusters(paths)
    rows = []
    for i, f in enumerate(files):
        cluster = load_cluster(f)
        facts = _facts(f)
        drafts: list[dict[str, Any]] = []
        failed: tuple[str, str] | None = None
        brief: Brief | None = None
        for r in range(repeat):
            if begin is not None:
                begin(cluster, r)
            try:
                brief = make_brief(cluster)
            except NotRecorded as err:
                failed = ("not_recorded", str(err))
            except JudgeFailed as err:
                failed = ("judge_error", str(err))
            except ModelCallError as err:
                failed = ("error", f"{type(err).__name__}: {err}")
            if on_draft is not None:
                on_draft(failed is not None, repeat - r if failed else 1)
            if failed is not None:
                break
            assert brief is not None
            drafts.append(cluster_metrics(brief, cluster, facts))
        if failed is not None:
            rows.append(_failed_row(cluster, f, *failed))
        else:
            rows.append(_row(cluster, f, drafts, brief))
        if progress is not None:
            progress(i + 1, len(files))
    status = {s: sum(r["status"] == s for r in rows) for s in STATUSES}
    return {
        "metrics": summarize_rows(rows),
        "clusters": rows,
        "n": len(rows),
        "status": status,
        "repeat": repeat,
    }
