"""Scores of two-label predictions: confusion table, balanced accuracy, ROC-AUC, a threshold.

``unsupported`` is the positive label (what a checker is for: catching); a score is support, so
higher means ``supported``. Everything is counted in whole numbers or summed with ``fsum`` so
the same cases give the same figures in any order and any process.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["LABELS", "choose_threshold", "classification", "roc_auc"]

LABELS = ("supported", "unsupported")


def classification(pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Confusion table and scores of (label, prediction) pairs; ``unsupported`` is positive."""
    confusion = {t: {p: 0 for p in LABELS} for t in LABELS}
    for label, pred in pairs:
        confusion[label][pred] += 1
    tp = confusion["unsupported"]["unsupported"]
    fp = confusion["supported"]["unsupported"]
    fn = confusion["unsupported"]["supported"]
    tn = confusion["supported"]["supported"]
    # A score whose denominator is empty is undefined (None, "n/a"), never a made-up 0 or 1:
    # a set of one label has no recall of the other, so no balanced accuracy either.
    both = tp + fn and tn + fp
    return {
        "balanced_accuracy": (
            round(math.fsum((tp / (tp + fn), tn / (tn + fp))) / 2, 4) if both else None
        ),
        "accuracy": _share(tp + tn, len(pairs)),
        "precision_unsupported": _share(tp, tp + fp),
        "recall_unsupported": _share(tp, tp + fn),
        "recall_supported": _share(tn, tn + fp),
        "confusion": confusion,
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def roc_auc(scored: Iterable[tuple[str, float]]) -> float | None:
    """ROC-AUC of a support score: the chance a supported claim outscores an unsupported one.

    Ties count one half (the Mann-Whitney statistic), counted in whole numbers so the result
    does not depend on the order of the input. None when one of the labels is absent.

    Args:
        scored: (label, score) pairs, label ``supported`` or ``unsupported``.
    """
    groups: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for label, score in scored:
        groups[score][0 if label == "supported" else 1] += 1
    n_sup = sum(g[0] for g in groups.values())
    n_uns = sum(g[1] for g in groups.values())
    if not n_sup or not n_uns:
        return None
    twice_wins = 0  # pairs won, counted twice so that a tie is a whole 1
    below = 0  # unsupported claims scored lower than the current group
    for score in sorted(groups):
        sup, uns = groups[score]
        twice_wins += sup * (2 * below + uns)
        below += uns
    return round(twice_wins / (2 * n_sup * n_uns), 4)


def choose_threshold(sets: Sequence[Sequence[tuple[str, float]]]) -> float:
    """The score threshold (supported when at least it) with the best macro balanced accuracy.

    Every score seen is tried (and one above them all); on a tie the lowest wins.

    Args:
        sets: per set, (label, score) pairs.
    """
    sorted_sets = []
    for pairs in sets:
        sup = sorted(s for label, s in pairs if label == "supported")
        uns = sorted(s for label, s in pairs if label == "unsupported")
        sorted_sets.append((sup, uns))
    candidates = sorted({s for pairs in sets for _, s in pairs})
    candidates.append(candidates[-1] + 1.0 if candidates else 1.0)
    best, best_ba = candidates[0], -1.0
    for t in candidates:
        bas = []
        for sup, uns in sorted_sets:
            recalls = []
            if sup:
                recalls.append((len(sup) - bisect_left(sup, t)) / len(sup))
            if uns:
                recalls.append(bisect_left(uns, t) / len(uns))
            if recalls:
                bas.append(math.fsum(recalls) / len(recalls))
        ba = math.fsum(bas) / len(bas) if bas else 0.0
        if ba > best_ba:
            best, best_ba = t, ba
    return best
