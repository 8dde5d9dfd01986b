"""An LLM judge in the brief eval: calibrated first, then run on every brief's report.

With ``eval --judge llm`` the judge is first measured against human labels
(:func:`~llmbrief.verifier.judge.calibrate` on ``evals/verifier_dev.jsonl``); a judge whose
Cohen's kappa is below :data:`~llmbrief.verifier.judge.MIN_KAPPA` (or that errs on too many
cases) cannot gate. Then each drafted brief's report goes through the judge
(:meth:`~llmbrief.verifier.judge.LLMJudge.run`) before it is scored, so the metrics use the
judged verdicts. A brief on which the judge erred even once is not scored: its cluster gets the
status ``judge_error`` (never a score, never NaN), as a failed model call gets ``error``.

The judge's replies are recorded with ``--record DIR`` and replayed with ``--replay DIR``
(:class:`~llmbrief.evals.recordings.JudgeRecorder`, :class:`~llmbrief.evals.recordings.JudgeReplay`)
unless ``--judge-base-url`` asks for a live judge; a request never recorded is
:class:`~llmbrief.evals.recordings.NotRecorded`: a brief's makes its cluster ``not_recorded``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import LLMBriefError
from ..load import claims_of
from ..types import Brief, Cluster
from ..verifier.judge import JUDGE_CHECK, Calibration, LLMJudge

__all__ = ["JudgeFailed", "JudgeTally", "judge_record", "judged"]


class JudgeFailed(LLMBriefError):
    """The judge could not answer about a claim of a brief: the brief is not scored."""


@dataclass
class JudgeTally:
    """What the judge did over a run's briefs."""

    sent: int = 0
    overturned: int = 0
    upheld: int = 0
    errors: int = 0
    over_budget: int = 0
    failed_clusters: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready counts."""
        return dict(self.__dict__)


def judged(
    make_brief: Callable[[Cluster], Brief], judge: LLMJudge, tally: JudgeTally
) -> Callable[[Cluster], Brief]:
    """``make_brief`` whose report the judge has reviewed; counts go into ``tally``.

    The returned function raises :class:`JudgeFailed` when the judge erred on any claim.
    """

    def make(cluster: Cluster) -> Brief:
        brief = make_brief(cluster)
        if brief.verification is None:
            return brief
        run = judge.run(cluster, claims_of(brief.sentences), brief.verification)
        tally.sent += run.sent
        tally.overturned += run.overturned
        tally.upheld += run.upheld
        tally.errors += run.errors
        tally.over_budget += run.over_budget
        if run.errors:
            tally.failed_clusters.append(cluster.cluster_id)
            first = next(
                c.detail
                for claim in run.report.claims
                for c in claim.checks
                if c.name == JUDGE_CHECK and c.detail.startswith("error:")
            )
            raise JudgeFailed(
                f"the judge erred on {run.errors} of {run.sent} claim(s): "
                + first.removeprefix("error: ")
            )
        return brief.model_copy(update={"verification": run.report})

    return make


def judge_record(
    calibration: Calibration, cases: str, endpoint: str, tally: JudgeTally
) -> dict[str, Any]:
    """The ``judge`` entry of a run: who judged, where, its calibration and what it did.

    ``calibration`` holds the short keys the reports and the gate read (``tpr``, ``tnr``,
    ``kappa``, ``can_gate``, ``errors``, ``n``) and the rest of the measurement.
    """
    return {
        "model": calibration.model,
        "style": calibration.style,
        "endpoint": endpoint,
        "cases": cases,
        "calibration": {
            "tpr": calibration.true_positive_rate,
            "tnr": calibration.true_negative_rate,
            "kappa": calibration.kappa,
            "can_gate": calibration.can_gate,
            "errors": calibration.errors,
            "n": calibration.n,
            "judged": calibration.judged,
            "agreement": calibration.agreement,
            "min_kappa": calibration.as_dict()["min_kappa"],
            "confusion": calibration.confusion,
            "disagreements": calibration.disagreements,
        },
        "briefs": tally.as_dict(),
    }
