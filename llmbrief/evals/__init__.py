"""Evaluation: the verifier on labelled claims, and briefs on fixture clusters.

* :mod:`.suites` runs the suites; :mod:`.recordings` records and replays model replies;
  :mod:`.diff` lists claims that changed verdict; :mod:`.gate` holds a run against its
  baseline; :mod:`.report` renders a result; :mod:`.versions` says what made it.
"""

from __future__ import annotations

from .diff import ClaimChange, claim_changes
from .gate import compare_baseline, gate_run, load_tolerances
from .recordings import NotRecorded, RecordingModel, ReplayModel
from .suites import run_suites, suite_clusters
from .verifier import Case, VerifierResult, evaluate_verifier, load_cases

__all__ = [
    "Case",
    "ClaimChange",
    "NotRecorded",
    "RecordingModel",
    "ReplayModel",
    "VerifierResult",
    "claim_changes",
    "compare_baseline",
    "evaluate_verifier",
    "gate_run",
    "load_cases",
    "load_tolerances",
    "run_suites",
    "suite_clusters",
]
