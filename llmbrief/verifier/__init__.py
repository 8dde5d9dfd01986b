"""The verifier: every claim of a brief checked against the articles it cites.

The stages, one module each:

* :mod:`.normalise`: footnote markers out, tokenised figures joined, before any check.
* :mod:`.lexicon` and :mod:`.places`: words, stems, stopwords, place aliases.
* :mod:`.checks`: the hard checks (figures, dates, names, quotes, negation, opposites, hedges).
* :mod:`.support`: the index over a cluster's sentences and the support check of one claim.
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
