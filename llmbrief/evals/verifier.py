"""The verifier scored on labelled claims (FORMATS section 5).

:func:`load_cases` reads a JSONL file of cases; :func:`evaluate_verifier` runs the deterministic
verifier on each and reports balanced accuracy, precision and recall of ``unsupported`` and the
confusion table.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from ..citations import parse_sentence
from ..errors import InputError
from ..types import Article, Cluster
from ..verifier import ClusterIndex, Verifier

__all__ = ["Case", "VerifierResult", "evaluate_verifier", "load_cases"]

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
