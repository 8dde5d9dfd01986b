"""Evaluation: the verifier on labelled claims, and briefs on fixture clusters.

* :func:`load_cases` / :func:`evaluate_verifier`: FORMATS section 5 cases -> balanced
  accuracy, precision and recall of ``unsupported``, the confusion table.
* :func:`run_suites`: summarize every fixture cluster of a suite with a drafter and score
  faithfulness (share of supported claims) and citation quality.
* :func:`compare_baseline`: metrics that fell by more than their tolerance.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from .citations import parse_sentence
from .errors import InputError
from .lexicon import flat
from .load import load_cluster
from .support import ClusterIndex
from .types import Article, Cluster
from .verify import Verifier

__all__ = [
    "Case",
    "compare_baseline",
    "evaluate_verifier",
    "load_cases",
    "run_suites",
]

LABELS = ("supported", "unsupported")


class _Source(BaseModel):
    id: str
    text: str


class Case(BaseModel):
    """One labelled claim (FORMATS section 5)."""

    id: str
    claim: str
    sources: list[_Source] = Field(min_length=1)
    citations: list[str] | None = None
    label: str
    error_type: str | None = None
    origin: str | None = None


def load_cases(path: str | Path) -> list[Case]:
    """Read a JSONL file of labelled claims; a bad line is an :class:`InputError`."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(str(p), f"cannot read file: {err.strerror or err}") from None
    cases: list[Case] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(str(p), f"invalid JSON: {err.msg}", item=f"line {n}") from None
        if isinstance(raw, dict):
            for k in ("id", "label"):
                if isinstance(raw.get(k), int):
                    raw[k] = str(raw[k])
            if isinstance(raw.get("sources"), list):
                for s in raw["sources"]:
                    if isinstance(s, dict) and isinstance(s.get("id"), int):
                        s["id"] = str(s["id"])
        item = f"line {n}" + (f" (id {raw.get('id')!r})" if isinstance(raw, dict) else "")
        try:
            case = Case.model_validate(raw)
        except ValidationError as err:
            first = err.errors()[0]
            fld = ".".join(str(x) for x in first["loc"]) or None
            raise InputError(str(p), first["msg"], item=item, field=fld) from None
        if case.label not in LABELS:
            raise InputError(str(p), f"must be one of {LABELS}", item=item, field="label")
        cases.append(case)
    if not cases:
        raise InputError(str(p), "no cases")
    return cases


@dataclass
class VerifierResult:
    """Scores of the verifier on labelled claims."""

    n: int
    balanced_accuracy: float
    accuracy: float
    precision_unsupported: float
    recall_unsupported: float
    recall_supported: float
    confusion: dict[str, dict[str, int]]
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    claims_per_second: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self, with_errors: bool = False) -> dict[str, Any]:
        """JSON-ready dict (FORMATS section 6)."""
        out = {k: v for k, v in self.__dict__.items() if k != "errors"}
        if with_errors:
            out["errors"] = self.errors
        return out


def evaluate_verifier(
    cases: Sequence[Case], progress: Callable[[int, int], None] | None = None
) -> VerifierResult:
    """Run the deterministic verifier on every case and score it against the labels."""
    confusion = {t: {p: 0 for p in LABELS} for t in LABELS}
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    verifiers: dict[tuple[tuple[str, str], ...], Verifier] = {}
    errors = []
    start = time.perf_counter()
    for i, case in enumerate(cases):
        key = tuple((s.id, s.text) for s in case.sources)
        verifier = verifiers.get(key)
        if verifier is None:
            cluster = Cluster(
                cluster_id="case",
                articles=[Article(id=s.id, title=s.id, text=s.text) for s in case.sources],
            )
            verifier = verifiers[key] = Verifier(cluster, ClusterIndex(cluster))
        parsed = parse_sentence(case.claim, [s.id for s in case.sources])
        cited = case.citations if case.citations is not None else [s.id for s in case.sources]
        cited = list(dict.fromkeys([*parsed.citations, *cited]))
        claim = type(parsed)(raw=case.claim, text=parsed.text, citations=cited)
        report = verifier.claim(0, claim)
        pred = "supported" if report.verdict == "supported" else "unsupported"
        confusion[case.label][pred] += 1
        kind = case.error_type or ("none" if case.label == "supported" else "unlabelled")
        by_type[kind][pred] += 1
        if pred != case.label:
            errors.append(
                {
                    "id": case.id,
                    "label": case.label,
                    "verdict": report.verdict,
                    "reasons": report.reasons,
                    "claim": case.claim,
                }
            )
        if progress is not None:
            progress(i + 1, len(cases))
    elapsed = time.perf_counter() - start
    tp = confusion["unsupported"]["unsupported"]
    fp = confusion["supported"]["unsupported"]
    fn = confusion["unsupported"]["supported"]
    tn = confusion["supported"]["supported"]
    rec_u = tp / (tp + fn) if tp + fn else 0.0
    rec_s = tn / (tn + fp) if tn + fp else 0.0
    return VerifierResult(
        n=len(cases),
        balanced_accuracy=round((rec_u + rec_s) / 2, 4),
        accuracy=round((tp + tn) / len(cases), 4) if cases else 0.0,
        precision_unsupported=round(tp / (tp + fp), 4) if tp + fp else 0.0,
        recall_unsupported=round(rec_u, 4),
        recall_supported=round(rec_s, 4),
        confusion=confusion,
        by_type={k: dict(v) for k, v in sorted(by_type.items())},
        claims_per_second=round(len(cases) / elapsed, 1) if elapsed else 0.0,
        errors=errors,
    )


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
