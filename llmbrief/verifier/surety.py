"""A claim that states as settled what its evidence leaves open.

"Officials said wild birds were the confirmed source" where the article says they were "the
most likely source" and "it was too early to say"; "the matching strain showed that the cases
shared a single source" where it "suggests" so; "had been ruled out" where there was "no
evidence at this stage". The claim carries a word of settled knowledge (confirmed, ruled out,
showed, proved, established) that its evidence never uses as such, and the evidence around it
hedges the knowledge instead (likely, probably, suggests, too early, not confirmed, no evidence).

A claim whose evidence says the settling word itself ("tests confirmed the strain") passes,
and so does one whose evidence has no hedge: the rule reads what the evidence doubts, not
which words a writer chose.
"""

from __future__ import annotations

import re
from typing import Protocol

from ..types import Span
from .sentences import IndexedArticle, Window

Finding = tuple[str, str, list[Span]]


class _Claim(Protocol):
    """What the check reads of a claim's facts (:class:`~.hard.ClaimFacts`)."""

    @property
    def text(self) -> str: ...


#: Words of settled knowledge in a claim, and the stem the evidence would use for them.
_SETTLED = re.compile(
    r"\b(?:(confirm)(?:ed|s)?|(ruled?|rules) out|(show)(?:ed|s|n)? that|(prove)(?:d|n|s)?|"
    r"(establish)(?:ed|es))\b",
    re.IGNORECASE,
)
#: Literal parts of every :data:`_SETTLED` word, tested first.
_PRETEST = ("confirm", " out", "show", "prov", "establish")
#: The claim itself hedges the settled word: "had not been confirmed", "may have confirmed".
_CLAIM_HEDGED = re.compile(
    r"\b(?:not|never|no|nothing|none|neither|nor|yet to|may|might|could|likely|probably|"
    r"unconfirmed)\b[^,;]{0,20}$|n't\b[^,;]{0,20}$",
    re.IGNORECASE,
)
#: Doubt in the evidence about what is known.
_DOUBT = re.compile(
    r"\b(?:(?:most |more |less |un)?likely|probably|suggest(?:s|ed|ing)?|too early|"
    r"not (?:yet )?(?:been )?(?:confirmed|established|proven|certain|clear)|"
    r"no evidence|not certain|believed to|thought to|appears? to|possibly)\b",
    re.IGNORECASE,
)
#: Evidence forms of each settled stem (in use, not negated).
_FORMS = {
    "confirm": r"confirm",
    "rule": r"rul(?:ed?|es|ing)(?: \w+){0,2} out",
    "show": r"show",
    "prove": r"prov",
    "establish": r"establish",
}
_NEGATED = re.compile(r"\b(?:not|never|no|yet to|n't)\b[^,;.]{0,15}$", re.IGNORECASE)


def surety_clash(facts: _Claim, arts: list[IndexedArticle], chosen: list[Window]) -> Finding | None:
    """A settled word in the claim that its evidence only hedges, as a finding, or None.

    Args:
        facts: the claim's :class:`~.hard.ClaimFacts` (its ``text`` is read).
        arts: the cited articles.
        chosen: the evidence windows the support check chose.

    Returns:
        ("surety", reason, span in the claim), or None.
    """
    text = facts.text
    low = text.lower()
    if not any(k in low for k in _PRETEST):
        return None  # most claims hold no settled word: literal tests before any pattern
    m = _SETTLED.search(text)
    if m is None or _CLAIM_HEDGED.search(text, 0, m.start()) is not None:
        return None
    key = next(g for g in m.groups() if g).lower()
    key = "rule" if key.startswith("rule") else key
    used = re.compile(r"\b" + _FORMS[key], re.IGNORECASE)
    for art, f, t, _ in chosen:
        lo, hi = max(0, f - 1), min(len(art.sentences) - 1, t + 1)
        window = art.text[art.sentences[lo].start : art.sentences[hi].end]
        denied: tuple[int, int] | None = None
        for u in used.finditer(window):
            neg = _NEGATED.search(window, 0, u.start())
            if neg is None:
                return None  # the evidence settles it too
            denied = denied or (neg.start(), u.end())
        if denied is not None:
            # "did not rule them out" for "ruled out": the evidence denies the settling
            said = window[denied[0] : denied[1]]
            return (
                "surety",
                f'the claim says "{m.group(0)}" where the evidence says "{said}"',
                [Span(where="claim", start=m.start(), end=m.end())],
            )
        doubt = _DOUBT.search(window)
        if doubt is not None:
            return (
                "surety",
                f'the claim says "{m.group(0)}" where the evidence says only "{doubt.group(0)}"',
                [Span(where="claim", start=m.start(), end=m.end())],
            )
    return None
