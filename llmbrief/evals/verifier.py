"""The verifier scored on labelled claims (FORMATS section 5), one set or a suite of sets.

:func:`load_cases` reads a JSONL file of cases; :func:`evaluate_verifier` runs the deterministic
verifier on each and reports balanced accuracy, precision and recall of ``unsupported``, the
confusion table and the ROC-AUC of the per-claim ``score``. :func:`evaluate_suite` does that for
several sets and puts a lexical baseline beside each (ROUGE-L precision of the claim against the
cited text, one threshold for the whole suite), with the macro average over the sets.
:func:`check_counts` says, per check, what it caught and what it flagged wrongly, and
:func:`compare_verifier_baseline` is the gate against a committed baseline.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from ..citations import CitationReader, ParsedSentence
from ..errors import InputError
from ..load import read_text
from ..types import Article, Cluster
from ..verifier import ClusterIndex, Verifier
from ..verifier.support import DEFAULT_MIN_SUPPORT
from .rouge import SourceWords, rouge_l_precision, words
from .scoring import LABELS, choose_threshold, classification, roc_auc

__all__ = [
    "BASELINE_SCORER",
    "Case",
    "Outcome",
    "SuiteResult",
    "VerifierResult",
    "case_files",
    "check_counts",
    "compare_verifier_baseline",
    "evaluate_suite",
    "evaluate_verifier",
    "load_briefs_baseline",
    "load_case_sets",
    "load_cases",
    "load_verifier_baseline",
]

S, U = LABELS
#: The lexical baseline shown beside the verifier.
BASELINE_SCORER = "rouge_l_precision"
#: How far (0 to 1) a set's balanced accuracy may fall below the baseline file's.
GATE_TOLERANCE = 0.01

Progress = Callable[[int, int], None]


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
    text = read_text(p)
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


def case_files(paths: Iterable[str | Path]) -> list[Path]:
    """The case files named: files as given, a folder as every ``*.jsonl`` in it (sorted).

    Raises:
        InputError: a path that does not exist, or a folder without ``*.jsonl`` files.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(p.glob("*.jsonl"))
            if not found:
                raise InputError(str(p), "folder holds no *.jsonl case files")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise InputError(str(p), "no such case file or folder")
    return out


def load_case_sets(paths: Iterable[str | Path]) -> dict[str, tuple[Path, list[Case]]]:
    """Every case file named, read in full before anything runs, keyed by its stem (the set).

    Raises:
        InputError: a bad file or line (named), or two files sharing a stem.
    """
    sets: dict[str, tuple[Path, list[Case]]] = {}
    for p in case_files(paths):
        if p.stem in sets:
            raise InputError(str(p), f"a set named {p.stem!r} is already given ({sets[p.stem][0]})")
        sets[p.stem] = (p, load_cases(p))
    return sets


@dataclass(frozen=True)
class Outcome:
    """What happened to one case: the verifier's verdict, score and checks, and the baseline's."""

    id: str
    label: str
    verdict: str
    predicted: str
    score: float
    baseline_score: float
    #: (check name, fired), one per check name that ran, in the report's order.
    checks: tuple[tuple[str, bool], ...] = ()


@dataclass
class VerifierResult:
    """Scores of the verifier on one set of labelled claims."""

    n: int
    #: None where undefined: a set of one label has no balanced accuracy, no recall of the
    #: other label, and (with nothing flagged) no precision
    balanced_accuracy: float | None
    accuracy: float | None
    precision_unsupported: float | None
    recall_unsupported: float | None
    recall_supported: float | None
    confusion: dict[str, dict[str, int]]
    auc: float | None = None
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    claims_per_second: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list, repr=False)
    seconds: float = field(default=0.0, repr=False)
    min_support: float | None = None

    def as_dict(self, with_errors: bool = False) -> dict[str, Any]:
        """JSON-ready dict (FORMATS section 6)."""
        out: dict[str, Any] = {
            "n": self.n,
            "balanced_accuracy": self.balanced_accuracy,
            "accuracy": self.accuracy,
            "precision_unsupported": self.precision_unsupported,
            "recall_unsupported": self.recall_unsupported,
            "recall_supported": self.recall_supported,
            "confusion": self.confusion,
            "auc": self.auc,
            "by_type": self.by_type,
            "claims_per_second": self.claims_per_second,
        }
        if self.min_support is not None:
            out["min_support"] = self.min_support
        if with_errors:
            out["errors"] = self.errors
        return out


def labelled_claim(case: Case) -> ParsedSentence:
    """The claim of a labelled case as the verifier reads it.

    A labelled claim is text that is not ours (FORMATS section 2): a bracketed marker that
    names no source (a footnote such as ``[1]``) is not an unknown id. It stays in the text,
    where normalisation removes it before the checks and notes it in the report; markers
    that name sources are citations, added to the case's own ``citations``.
    """
    ids = [s.id for s in case.sources]
    markers = [m for m in CitationReader(ids).markers(case.claim) if not m.unknown]
    text = case.claim
    for m in reversed(markers):
        text = text[: m.start] + text[m.end :]
    cited = case.citations if case.citations is not None else ids
    cited = list(dict.fromkeys([*(i for m in markers for i in m.ids), *cited]))
    return ParsedSentence(raw=case.claim, text=" ".join(text.split()), citations=cited)


def evaluate_verifier(
    cases: Sequence[Case],
    progress: Progress | None = None,
    min_support: float | None = None,
) -> VerifierResult:
    """Run the deterministic verifier on every case and score it against the labels.

    Args:
        cases: labelled claims.
        progress: called with (done, total) after each case.
        min_support: the verifier's strictness (``verify --min-support``); by default
            :data:`~llmbrief.verifier.support.DEFAULT_MIN_SUPPORT`. Higher flags more, lower
            lets more through: the measure of the verifier a user runs with that setting.

    Returns:
        The scores; ``claims_per_second`` times the verifier alone (not the baseline).
    """
    verifiers: dict[tuple[tuple[str, str], ...], Verifier] = {}
    sources: dict[tuple[str, ...], SourceWords] = {}
    outcomes: list[Outcome] = []
    errors: list[dict[str, Any]] = []
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    seconds = 0.0
    for i, case in enumerate(cases):
        start = time.perf_counter()
        key = tuple((s.id, s.text) for s in case.sources)
        verifier = verifiers.get(key)
        if verifier is None:
            cluster = Cluster(
                cluster_id="case",
                articles=[Article(id=s.id, title=s.id, text=s.text) for s in case.sources],
            )
            verifier = verifiers[key] = Verifier(
                cluster,
                ClusterIndex(cluster),
                min_support=DEFAULT_MIN_SUPPORT if min_support is None else min_support,
            )
        claim = labelled_claim(case)
        report = verifier.claim(0, claim)
        seconds += time.perf_counter() - start

        pred = "supported" if report.verdict == "supported" else "unsupported"
        fired: dict[str, bool] = {}
        for check in report.checks:
            fired[check.name] = fired.get(check.name, False) or check.fired
        outcome = Outcome(
            id=case.id,
            label=case.label,
            verdict=report.verdict,
            predicted=pred,
            score=report.score,
            baseline_score=_baseline_score(case, claim.text, claim.citations, sources),
            checks=tuple(fired.items()),
        )
        outcomes.append(outcome)
        kind = case.error_type or ("none" if case.label == "supported" else "unlabelled")
        by_type[kind][pred] += 1
        if pred != case.label:
            errors.append(
                {
                    "id": case.id,
                    "label": case.label,
                    "verdict": report.verdict,
                    "score": report.score,
                    "fired": [name for name, f in outcome.checks if f],
                    "reasons": report.reasons,
                    "claim": case.claim,
                }
            )
        if progress is not None:
            progress(i + 1, len(cases))
    m = classification([(o.label, o.predicted) for o in outcomes])
    return VerifierResult(
        n=len(cases),
        balanced_accuracy=m["balanced_accuracy"],
        accuracy=m["accuracy"],
        precision_unsupported=m["precision_unsupported"],
        recall_unsupported=m["recall_unsupported"],
        recall_supported=m["recall_supported"],
        confusion=m["confusion"],
        auc=roc_auc([(o.label, o.score) for o in outcomes]),
        by_type={k: dict(sorted(v.items())) for k, v in sorted(by_type.items())},
        claims_per_second=round(len(cases) / seconds, 1) if seconds else 0.0,
        errors=errors,
        outcomes=outcomes,
        seconds=seconds,
        min_support=min_support,
    )


def _baseline_score(
    case: Case, claim_text: str, cited: list[str], cache: dict[tuple[str, ...], SourceWords]
) -> float:
    # The cited articles' text, in citation order; an unknown id adds nothing.
    texts = {s.id: s.text for s in case.sources}
    key = tuple(texts[c] for c in cited if c in texts)
    src = cache.get(key)
    if src is None:
        src = cache[key] = SourceWords([w for t in key for w in words(t)])
    return rouge_l_precision(claim_text, src)


def _baseline_block(outcomes: Sequence[Outcome], threshold: float) -> dict[str, Any]:
    m = classification([(o.label, S if o.baseline_score >= threshold else U) for o in outcomes])
    return {
        "scorer": BASELINE_SCORER,
        "threshold": round(threshold, 4),
        "balanced_accuracy": m["balanced_accuracy"],
        "auc": roc_auc([(o.label, o.baseline_score) for o in outcomes]),
        "precision_unsupported": m["precision_unsupported"],
        "recall_unsupported": m["recall_unsupported"],
        "recall_supported": m["recall_supported"],
        "confusion": m["confusion"],
    }


def check_counts(outcomes: Iterable[Outcome]) -> dict[str, dict[str, int]]:
    """Per check (sorted by name): how often it ran, caught, alarmed falsely, was the only reason.

    A catch is a check that fired on a claim labelled ``unsupported``; a false alarm, one that
    fired on a claim labelled ``supported``. ``only_catches`` and ``only_false_alarms`` count
    the claims on which it was the only check that fired. Empty when no claim carried checks.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        fired = [name for name, f in o.checks if f]
        for name, f in o.checks:
            c = counts[name]
            c["ran"] += 1
            if not f:
                continue
            kind = "catches" if o.label == "unsupported" else "false_alarms"
            c[kind] += 1
            if len(fired) == 1:
                c["only_" + kind] += 1
    keys = ("ran", "catches", "false_alarms", "only_catches", "only_false_alarms")
    return {name: {k: counts[name][k] for k in keys} for name in sorted(counts)}


@dataclass
class SuiteResult:
    """The verifier and the lexical baseline on each set, and their macro average."""

    sets: dict[str, VerifierResult]
    files: dict[str, str]
    threshold: float
    baseline: dict[str, dict[str, Any]]
    macro: dict[str, Any]

    def set_dict(
        self, name: str, with_errors: bool = False, by_check: bool = False
    ) -> dict[str, Any]:
        """One set's block: the verifier's scores, ``baseline``, and on request the rest."""
        block: dict[str, Any] = {"set": name, "file": self.files[name]}
        block.update(self.sets[name].as_dict(with_errors))
        block["baseline"] = self.baseline[name]
        if by_check:
            block["by_check"] = check_counts(self.sets[name].outcomes)
        return block

    def as_dict(self, with_errors: bool = False, by_check: bool = False) -> dict[str, Any]:
        """FORMATS section 6: one set's keys at the top level; several under ``sets``."""
        if len(self.sets) == 1:
            return self.set_dict(next(iter(self.sets)), with_errors, by_check)
        out: dict[str, Any] = {
            "sets": {name: self.set_dict(name, with_errors, by_check) for name in self.sets},
            "macro": self.macro,
        }
        if by_check:
            out["by_check"] = check_counts(o for r in self.sets.values() for o in r.outcomes)
        return out


def evaluate_suite(
    sets: Mapping[str, tuple[Path, Sequence[Case]]],
    progress: Callable[[str], Progress | None] | None = None,
    min_support: float | None = None,
) -> SuiteResult:
    """Score the verifier on each set, the ROUGE-L baseline beside it, and the macro average.

    The baseline's threshold is chosen once for the whole suite (every set given), maximising
    its macro balanced accuracy: one strictness for every kind of summary, as ours has.

    Args:
        sets: set name -> (file, cases), in the order to report them.
        progress: given a set name, the progress callback for that set.
        min_support: see :func:`evaluate_verifier`.
    """
    results = {
        name: evaluate_verifier(cases, progress(name) if progress else None, min_support)
        for name, (_, cases) in sets.items()
    }
    threshold = choose_threshold(
        [[(o.label, o.baseline_score) for o in r.outcomes] for r in results.values()]
    )
    baseline = {name: _baseline_block(r.outcomes, threshold) for name, r in results.items()}
    return SuiteResult(
        sets=results,
        files={name: str(path) for name, (path, _) in sets.items()},
        threshold=threshold,
        baseline=baseline,
        macro=_macro(results, baseline),
    )


def _mean(values: Iterable[float | None]) -> float | None:
    vs = [v for v in values if v is not None]
    return round(math.fsum(vs) / len(vs), 4) if vs else None


_MACRO_KEYS = (
    "balanced_accuracy",
    "auc",
    "precision_unsupported",
    "recall_unsupported",
    "recall_supported",
)


def _macro(
    results: Mapping[str, VerifierResult], baseline: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    n = sum(r.n for r in results.values())
    seconds = math.fsum(r.seconds for r in results.values())
    out: dict[str, Any] = {"sets": len(results), "n": n}
    for k in _MACRO_KEYS:
        out[k] = _mean(getattr(r, k) for r in results.values())
    out["claims_per_second"] = round(n / seconds, 1) if seconds else 0.0
    first = next(iter(baseline.values()), {})
    out["baseline"] = {"scorer": BASELINE_SCORER, "threshold": first.get("threshold")}
    for k in _MACRO_KEYS:
        out["baseline"][k] = _mean(b[k] for b in baseline.values())
    return out


def _baseline_data(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        data = json.loads(read_text(p, "the baseline"))
    except json.JSONDecodeError as err:
        raise InputError(str(p), f"invalid JSON: {err.msg} (line {err.lineno})") from None
    if not isinstance(data, dict):
        raise InputError(str(p), "not an `eval verifier --format json` result (an object)")
    return data


def _numbers(p: Path, blocks: Mapping[str, Any], key: str, what: str) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for name, block in blocks.items():
        if not isinstance(block, dict) or key not in block:
            raise InputError(str(p), "is missing", item=f"{what} {name!r}", field=key)
        value = block[key]
        if value is not None and (not isinstance(value, (int, float)) or isinstance(value, bool)):
            raise InputError(
                str(p), "must be a number (or null: undefined)", item=f"{what} {name!r}", field=key
            )
        out[str(name)] = None if value is None else float(value)
    return out


def load_verifier_baseline(path: str | Path) -> dict[str, float | None]:
    """Per set, the balanced accuracy of an ``eval verifier --format json`` result file.

    Both shapes are read: several sets under ``sets``, or one set's keys at the top level
    (named by its ``set`` key). A result of brief sets only (``briefs``) has no claim sets:
    an empty mapping.

    Raises:
        InputError: unreadable, not JSON, or a set without a numeric ``balanced_accuracy``.
    """
    p = Path(path)
    data = _baseline_data(p)
    if "sets" in data:
        blocks = data["sets"]
        if not isinstance(blocks, dict) or not blocks:
            raise InputError(str(p), "must be an object of sets", field="sets")
    elif isinstance(data.get("set"), str):
        blocks = {data["set"]: data}
    elif isinstance(data.get("briefs"), dict):
        blocks = {}
    else:
        raise InputError(str(p), "no `sets`, and no `set` naming the one set", field="sets")
    return _numbers(p, blocks, "balanced_accuracy", "set")


def load_briefs_baseline(path: str | Path) -> dict[str, float | None]:
    """Per brief set, the exact-verdict rate of an ``eval verifier --format json`` result.

    Empty when the result has no ``briefs`` (an older baseline: nothing to compare).

    Raises:
        InputError: unreadable, not JSON, or a brief set without a numeric ``exact_rate``.
    """
    p = Path(path)
    blocks = _baseline_data(p).get("briefs", {})
    if not isinstance(blocks, dict):
        raise InputError(str(p), "must be an object of brief sets", field="briefs")
    return _numbers(p, blocks, "exact_rate", "brief set")


def compare_verifier_baseline(
    now: Mapping[str, float | None],
    baseline: Mapping[str, float | None],
    tolerance: float = GATE_TOLERANCE,
    what: str = "balanced accuracy",
) -> tuple[list[str], list[str]]:
    """The gate: sets whose balanced accuracy fell by more than ``tolerance``, and notes.

    Args:
        now: per set, this run's balanced accuracy (or the measure ``what`` names).
        baseline: per set, the committed balanced accuracy.
        tolerance: the largest fall allowed (0.01 is one point).
        what: the measure, in words (``exact-verdict rate`` for brief sets).

    Returns:
        (failures, notes), each a list of sentences; a set of the baseline that this run did
        not score is noted as skipped, a set the baseline lacks as not compared.
    """
    failures: list[str] = []
    notes: list[str] = []
    for name, old in baseline.items():
        if name not in now:
            notes.append(f"{name}: not in this run, skipped")
            continue
        new = now[name]
        if old is None or new is None:
            # a claim set of one label has no balanced accuracy; a brief set always has a rate
            why = " (a set of one label)" if what == "balanced accuracy" else ""
            notes.append(f"{name}: {what} undefined{why}, not compared")
            continue
        fall = round(old - new, 4)
        if fall > tolerance:
            failures.append(
                f"{what} on {name} fell from {old:.4f} to {new:.4f} "
                f"({-fall * 100:+.1f} points; tolerance {tolerance * 100:.0f})"
            )
    notes.extend(
        f"{name}: not in the baseline, not compared" for name in now if name not in baseline
    )
    return failures, notes
