"""The baseline gate: which metrics fell by more than their tolerance, and why.

Tolerances live in ``pyproject.toml``::

    [tool.llmbrief.eval]
    default_tolerance = 0.02
    [tool.llmbrief.eval.tolerances]
    faithfulness = 0.02

read with :mod:`tomllib` (Python 3.11+). On Python 3.10, which has no TOML reader in the
standard library, the ``tolerances`` a baseline file carries are used instead (the results
JSON copies them, so a baseline keeps them when regenerated).

A run fails the gate when a metric falls below its baseline by more than its tolerance, or
when any cluster could not be scored (``not recorded`` or a model ``error``): a cluster that
was not scored is never a pass. With ``--repeat N`` the metrics are means over the drafts,
and a fall that goes away once each flaky cluster's worst draft is left out is reported but
does not fail: one flaky draft alone never fails the gate.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..load import read_text
from .suites import summarize_rows, without_worst_flaky_draft

__all__ = [
    "DEFAULT_TOLERANCE",
    "GateResult",
    "Tolerances",
    "base_run_for",
    "common_clusters",
    "compare_baseline",
    "gate_run",
    "load_tolerances",
]

DEFAULT_TOLERANCE = 0.02


@dataclass(frozen=True)
class Tolerances:
    """How far each metric may fall before the gate fails; where they were read from."""

    per_metric: dict[str, float] = field(default_factory=dict)
    default: float = DEFAULT_TOLERANCE
    source: str = "default"

    def of(self, metric: str) -> float:
        """The tolerance of one metric."""
        return self.per_metric.get(metric, self.default)


def _table(pyproject: Path) -> dict[str, Any] | None:
    if sys.version_info >= (3, 11):
        import tomllib

        try:
            data = tomllib.loads(read_text(pyproject))
        except tomllib.TOMLDecodeError as err:
            raise InputError(str(pyproject), f"cannot read: {err}") from None
        table = data.get("tool", {}).get("llmbrief", {}).get("eval")
        return table if isinstance(table, dict) else None
    return None  # no tomllib on 3.10: the baseline's own tolerances apply (see module doc)


def load_tolerances(
    baseline: Mapping[str, Any] | None = None, start: Path | None = None
) -> Tolerances:
    """Tolerances from the nearest ``pyproject.toml`` with ``[tool.llmbrief.eval]``, else the
    baseline's ``tolerances``, else the default.

    Raises:
        InputError: the table holds something other than numbers.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if not candidate.is_file():
            continue
        table = _table(candidate)
        if table is None:
            continue
        try:
            per = {str(k): float(v) for k, v in table.get("tolerances", {}).items()}
            default = float(table.get("default_tolerance", DEFAULT_TOLERANCE))
        except (TypeError, ValueError, AttributeError) as err:
            raise InputError(
                str(candidate), f"bad number: {err}", field="tool.llmbrief.eval"
            ) from None
        return Tolerances(per, default, f"{candidate.name} [tool.llmbrief.eval]")
    if baseline and isinstance(baseline.get("tolerances"), dict):
        try:
            per = {str(k): float(v) for k, v in baseline["tolerances"].items()}
        except (TypeError, ValueError) as err:
            raise InputError("baseline", f"bad tolerance: {err}", field="tolerances") from None
        return Tolerances(per, DEFAULT_TOLERANCE, "the baseline's tolerances")
    return Tolerances()


def compare_baseline(
    metrics: Mapping[str, float],
    baseline: Mapping[str, Any],
    default_tolerance: float = DEFAULT_TOLERANCE,
    tolerances: Tolerances | None = None,
) -> list[str]:
    """Metrics that fell below the baseline by more than their tolerance, as sentences.

    ``baseline`` is an ``eval --format json`` result (its ``metrics``); ``tolerances`` default
    to the baseline's own ``tolerances`` mapping over ``default_tolerance``.
    """
    tol = tolerances or Tolerances(
        {k: float(v) for k, v in baseline.get("tolerances", {}).items()}, default_tolerance
    )
    out = []
    for name, old in sorted(baseline.get("metrics", {}).items()):
        if not isinstance(old, (int, float)) or name not in metrics:
            continue
        new = metrics[name]
        if new < old - tol.of(name):
            out.append(f"{name} fell from {old:.4f} to {new:.4f} (tolerance {tol.of(name):.4f})")
    return out


def base_run_for(baseline: Mapping[str, Any], label: str, drafter: Mapping[str, Any]) -> Any:
    """The baseline's run to hold a variant against: the same label, else the same model and
    prompt name, else the baseline's primary metrics. ``(label or None, run)``."""
    runs = baseline.get("runs") or {}
    if label in runs:
        return label, runs[label]
    name = str(drafter.get("prompt", "")).split("@")[0]
    for other, run in runs.items():
        d = run.get("drafter", {})
        if (
            d.get("model") == drafter.get("model")
            and str(d.get("prompt", "")).split("@")[0] == name
        ):
            return other, run
    return None, {"metrics": baseline.get("metrics", {}), "clusters": []}


def common_clusters(
    base: Mapping[str, Any], run: Mapping[str, Any]
) -> tuple[Mapping[str, Any], list[str]]:
    """The baseline run restricted to the clusters this run has (``eval one-cluster.json``
    against the whole suite's baseline), its metrics recomputed over them; and a note saying
    which were left out. A baseline without per-cluster rows is returned as it is.
    """
    rows = base.get("clusters") or []
    have = {r["cluster"] for r in run["clusters"]}
    kept = [r for r in rows if r["cluster"] in have]
    if not rows or len(kept) == len(rows):
        return base, []
    try:
        metrics = summarize_rows(kept)
    except KeyError:  # rows of an older result: the baseline's own means
        return base, []
    note = f"compared over the {len(kept)} of the baseline's {len(rows)} clusters this run has"
    return {**base, "clusters": kept, "metrics": metrics}, [note]


@dataclass
class GateResult:
    """What the gate found for one variant."""

    regressions: list[str] = field(default_factory=list)
    forgiven: list[str] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """Whether this variant fails the gate."""
        return bool(self.regressions or self.unscored)


def gate_run(run: Mapping[str, Any], base: Mapping[str, Any], tolerances: Tolerances) -> GateResult:
    """Hold one variant's run against its baseline run."""
    result = GateResult()
    for row in run["clusters"]:
        if row["status"] != "ok":
            result.unscored.append(
                f"{row['cluster']}: {row['status'].replace('_', ' ')} ({row.get('error', '')})"
            )
    judge = run.get("judge") or {}
    calibration = judge.get("calibration") or {}
    if judge and not calibration.get("can_gate", False):
        result.notes.append(
            "the LLM judge agrees too little with human labels to gate: metrics not gated"
        )
        return result
    fell = compare_baseline(run["metrics"], base, tolerances=tolerances)
    if not fell:
        return result
    if int(run.get("repeat", 1)) > 1:
        kinder = summarize_rows(without_worst_flaky_draft(run["clusters"]))
        still = set(compare_baseline(kinder, base, tolerances=tolerances))
        names = {line.split(" ")[0] for line in still}
        for line in fell:
            if line.split(" ")[0] in names:
                result.regressions.append(line)
            else:
                result.forgiven.append(
                    line + ": only with each flaky cluster's worst draft; not failing"
                )
        return result
    result.regressions.extend(fell)
    return result
