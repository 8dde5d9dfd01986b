"""Evaluation: the verifier on labelled claims, and briefs on fixture clusters."""

from __future__ import annotations

from .suites import compare_baseline, run_suites, suite_clusters
from .verifier import Case, VerifierResult, evaluate_verifier, load_cases

__all__ = [
    "Case",
    "VerifierResult",
    "compare_baseline",
    "evaluate_verifier",
    "load_cases",
    "run_suites",
    "suite_clusters",
]
