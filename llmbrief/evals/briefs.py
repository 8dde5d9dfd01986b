"""The verifier scored on hand-made cluster briefs with expected verdicts (FORMATS section 7).

A brief set is a folder of briefs: ``NAME.txt`` (a brief in the text form of FORMATS section 3,
or a bare paragraph) beside ``NAME.expected.json``::

    {"cluster": "evals/clusters/museum-theft.json",
     "verdicts": ["supported", "misattributed", "uncited"],
     "suggested": {"1": ["mt-3"]},
     "why": {"1": "the find is reported by mt-3, not mt-2"}}

``verdicts`` has one of the five verdicts per sentence of the brief; ``suggested`` names, per
sentence index (from 0), the articles that do support it (for a misattributed sentence: any one
of them is a right suggestion); ``why`` is for the reader. :func:`evaluate_briefs` runs the
verifier on every brief as ``verify`` does and counts exact verdicts, supported sentences
flagged (the false alarms a newsroom sees), and each planted slip found.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..citations import ParsedSentence
from ..errors import InputError
from ..load import load_brief, load_cluster, read_text
from ..types import VERDICTS, Cluster
from ..verifier import Verifier
from ..verifier.support import DEFAULT_MIN_SUPPORT

__all__ = [
    "EXPECTED_SUFFIX",
    "BriefCase",
    "BriefSetResult",
    "evaluate_briefs",
    "is_brief_set",
    "load_brief_set",
]

#: The file that holds a brief's expected verdicts, beside ``NAME.txt``.
EXPECTED_SUFFIX = ".expected.json"
#: The slips counted one by one: how many of each the verifier found.
SLIPS = ("misattributed", "unknown_id", "uncited", "unsupported")

Progress = Callable[[int, int], None]
_TALLY = ("n", "exact", "supported", "supported_flagged")


@dataclass(frozen=True)
class BriefCase:
    """One hand-made brief, its cluster and the verdicts a careful reader gives it."""

    name: str
    path: Path
    cluster: Cluster
    claims: list[ParsedSentence]
    verdicts: list[str]
    #: per sentence index, the articles that support it (any one is a right suggestion)
    suggested: dict[int, list[str]] = field(default_factory=dict)
    why: dict[int, str] = field(default_factory=dict)


def is_brief_set(path: str | Path) -> bool:
    """Whether ``path`` is a folder of briefs with expected verdicts (``*.expected.json``)."""
    p = Path(path)
    return p.is_dir() and any(p.glob("*" + EXPECTED_SUFFIX))


def _cluster_path(spec_file: Path, value: str) -> Path:
    # A relative path is read from the brief's folder or the nearest folder above it that
    # has it (the repository root for evals/briefs), so the set runs from anywhere.
    p = Path(value)
    if p.is_absolute():
        return p
    for base in (spec_file.parent, *spec_file.parent.resolve().parents):
        if (base / p).exists():
            return base / p
    return p


def _index_map(raw: object, spec: Path, key: str, n: int) -> dict[int, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise InputError(str(spec), "must be an object keyed by sentence index", field=key)
    out: dict[int, Any] = {}
    for k, v in raw.items():
        if not str(k).isdigit() or int(k) >= n:
            raise InputError(str(spec), f"{k!r} is not a sentence index (0 to {n - 1})", field=key)
        out[int(k)] = v
    return out


def _load_case(spec: Path, clusters: dict[Path, Cluster]) -> BriefCase:
    try:
        data = json.loads(read_text(spec))
    except json.JSONDecodeError as err:
        raise InputError(str(spec), f"invalid JSON: {err.msg} (line {err.lineno})") from None
    if not isinstance(data, dict):
        raise InputError(str(spec), "must be a JSON object")
    cluster_ref, verdicts = data.get("cluster"), data.get("verdicts")
    if not isinstance(cluster_ref, str) or not cluster_ref:
        raise InputError(str(spec), "must name the cluster file", field="cluster")
    if not isinstance(verdicts, list) or not verdicts:
        raise InputError(str(spec), "must list one verdict per sentence", field="verdicts")
    for i, v in enumerate(verdicts):
        if v not in VERDICTS:
            raise InputError(
                str(spec),
                f"must be one of {', '.join(VERDICTS)}",
                item=f"sentence {i}",
                field="verdicts",
            )
    cpath = _cluster_path(spec, cluster_ref).resolve()
    cluster = clusters.get(cpath)
    if cluster is None:
        cluster = clusters[cpath] = load_cluster(cpath)
    name = spec.name[: -len(EXPECTED_SUFFIX)]
    text_path = spec.with_name(name + ".txt")
    brief = load_brief(text_path, cluster)
    if len(brief.claims) != len(verdicts):
        raise InputError(
            str(spec),
            f"{len(verdicts)} verdicts for the {len(brief.claims)} sentences of {text_path.name}",
            field="verdicts",
        )
    suggested = _index_map(data.get("suggested"), spec, "suggested", len(verdicts))
    for i, ids in suggested.items():
        if not isinstance(ids, list) or not ids or not all(isinstance(x, str) for x in ids):
            raise InputError(
                str(spec),
                "must be a list of article ids",
                item=f"sentence {i}",
                field="suggested",
            )
    why = _index_map(data.get("why"), spec, "why", len(verdicts))
    return BriefCase(
        name=name,
        path=text_path,
        cluster=cluster,
        claims=brief.claims,
        verdicts=[str(v) for v in verdicts],
        suggested={i: list(v) for i, v in sorted(suggested.items())},
        why={i: str(v) for i, v in sorted(why.items())},
    )


def load_brief_set(folder: str | Path) -> list[BriefCase]:
    """Every brief of a folder (``*.expected.json`` beside its ``.txt``), sorted by name.

    Raises:
        InputError: a bad expected file, brief or cluster (named), or a count of verdicts
            that is not the brief's count of sentences.
    """
    p = Path(folder)
    specs = sorted(p.glob("*" + EXPECTED_SUFFIX))
    if not specs:
        raise InputError(str(p), f"folder holds no *{EXPECTED_SUFFIX} briefs")
    clusters: dict[Path, Cluster] = {}
    return [_load_case(s, clusters) for s in specs]


@dataclass
class BriefSetResult:
    """The verifier on a set of hand-made briefs: verdict by verdict against the expected."""

    briefs: int
    n: int
    exact: int
    #: expected verdict -> verdict given -> sentences (all five verdicts, in FORMATS order)
    confusion: dict[str, dict[str, int]]
    #: misattributed sentences judged so whose first suggested id supports them
    suggested_right: int
    seconds: float
    errors: list[dict[str, Any]] = field(default_factory=list)
    min_support: float | None = None
    #: per brief (in name order): sentences, exact, supported, supported_flagged
    by_brief: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def exact_rate(self) -> float | None:
        """Share of sentences whose verdict is the expected one (five classes)."""
        return round(self.exact / self.n, 4) if self.n else None

    @property
    def supported(self) -> int:
        """Sentences expected ``supported``."""
        return sum(self.confusion["supported"].values())

    @property
    def supported_flagged(self) -> int:
        """Sentences expected ``supported`` that got another verdict (false alarms)."""
        return self.supported - self.confusion["supported"]["supported"]

    def found(self) -> dict[str, dict[str, int]]:
        """Per slip (misattributed, unknown_id, uncited, unsupported): expected, found."""
        return {
            v: {"expected": sum(self.confusion[v].values()), "found": self.confusion[v][v]}
            for v in SLIPS
        }

    def as_dict(self, with_errors: bool = False) -> dict[str, Any]:
        """JSON-ready dict (FORMATS section 7)."""
        flagged_rate = round(self.supported_flagged / self.supported, 4) if self.supported else None
        out: dict[str, Any] = {
            "kind": "briefs",
            "briefs": self.briefs,
            "n": self.n,
            "exact": self.exact,
            "exact_rate": self.exact_rate,
            "supported": self.supported,
            "supported_flagged": self.supported_flagged,
            "supported_flagged_rate": flagged_rate,
            "found": self.found(),
            "suggested_right": self.suggested_right,
            "confusion": self.confusion,
            "by_brief": self.by_brief,
            "claims_per_second": round(self.n / self.seconds, 1) if self.seconds else 0.0,
        }
        if self.min_support is not None:
            out["min_support"] = self.min_support
        if with_errors:
            out["errors"] = self.errors
        return out


def evaluate_briefs(
    cases: Sequence[BriefCase],
    progress: Progress | None = None,
    min_support: float | None = None,
) -> BriefSetResult:
    """Verify every brief as ``llmbrief verify`` does and compare verdict by verdict.

    Args:
        cases: the briefs, from :func:`load_brief_set`.
        progress: called with (done, total) after each brief.
        min_support: the verifier's strictness (default
            :data:`~llmbrief.verifier.support.DEFAULT_MIN_SUPPORT`).

    Returns:
        Exact verdicts, the confusion of the five verdicts, and per brief the sentences
        misjudged (a misattributed sentence whose suggested ids miss is listed too).
    """
    strictness = DEFAULT_MIN_SUPPORT if min_support is None else min_support
    confusion: dict[str, dict[str, int]] = {v: dict.fromkeys(VERDICTS, 0) for v in VERDICTS}
    exact = right = 0
    seconds = 0.0
    errors: list[dict[str, Any]] = []
    verifiers: dict[int, Verifier] = {}
    by_brief: dict[str, dict[str, int]] = {}
    for k, case in enumerate(cases):
        start = time.perf_counter()
        verifier = verifiers.get(id(case.cluster))
        if verifier is None:
            verifier = verifiers[id(case.cluster)] = Verifier(case.cluster, min_support=strictness)
        report = verifier.claims(case.claims)
        seconds += time.perf_counter() - start
        tally = by_brief[case.name] = dict.fromkeys(_TALLY, 0)
        for claim, want in zip(report.claims, case.verdicts, strict=True):
            got = claim.verdict
            confusion[want][got] += 1
            tally["n"] += 1
            tally["exact"] += got == want
            tally["supported"] += want == "supported"
            tally["supported_flagged"] += want == "supported" and got != want
            i = claim.index
            good_ids = case.suggested.get(i, [])
            missed = False
            if got == want:
                exact += 1
                if want != "misattributed":
                    continue
                if claim.suggested_ids[:1] and claim.suggested_ids[0] in good_ids:
                    right += 1
                    continue
                missed = True  # the right verdict, pointing at the wrong articles
            errors.append(
                {
                    "brief": case.name,
                    "index": i,
                    "expected": want,
                    "verdict": got,
                    "score": claim.score,
                    "suggested_ids": claim.suggested_ids,
                    "expected_ids": good_ids,
                    "reasons": claim.reasons,
                    "suggestion_missed": missed,
                    "why": case.why.get(i, ""),
                    "claim": claim.text,
                }
            )
        if progress is not None:
            progress(k + 1, len(cases))
    return BriefSetResult(
        briefs=len(cases),
        n=sum(len(c.verdicts) for c in cases),
        exact=exact,
        confusion=confusion,
        suggested_right=right,
        seconds=seconds,
        errors=errors,
        min_support=min_support,
        by_brief=by_brief,
    )
