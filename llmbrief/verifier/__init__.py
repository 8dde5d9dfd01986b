"""The verifier: every claim of a brief checked against the articles it cites.

The stages, one module each:

* :mod:`.normalise`: footnote markers out, tokenised figures joined, before any check.
* :mod:`.lexicon` and :mod:`.places`: words, stems, stopwords, place aliases; the word lists
  themselves are data files in ``data/``.
* :mod:`.checks`: extractors (figures, dates, names, quotes, negation, clauses, modality,
  opposites).
* :mod:`.sentences`: a cluster's sentences as the checks read them, computed once.
* :mod:`.hard`: the hard checks of a claim against its evidence.
* :mod:`.support`: the index over a cluster's sentences, coverage, the score, search.
* :mod:`.verdicts`: the verdict per claim (supported, unknown_id, misattributed, unsupported,
  uncited), the report, and repair.
* :mod:`.judge`: an optional model's second opinion.
"""

from __future__ import annotations

from .support import COVERAGE_THRESHOLD, DEFAULT_MIN_SUPPORT, ClusterIndex, SupportResult
from .verdicts import RepairMode, Verifier, repair, summary_text, verify

__all__ = [
    "COVERAGE_THRESHOLD",
    "DEFAULT_MIN_SUPPORT",
    "ClusterIndex",
    "RepairMode",
    "SupportResult",
    "Verifier",
    "repair",
    "summary_text",
    "verify",
]
