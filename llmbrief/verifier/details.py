"""Changed details: a claim that copies its evidence sentence around a slot and changes the slot.

A claim that follows its evidence sentence word for word but for a few words says what the
sentence says except there; when what it writes there reverses what the sentence writes,
the claim is wrong however much else it copies. The claim is aligned word by word with each
sentence of its evidence window (the longest common words in order, :mod:`difflib`), and
the sentence it follows most closely is read slot by slot: a run of claim words that
differs from the sentence's words between two runs both write (or at the edge of both). A
slot is a changed detail when:

* ``dropped negation``: the sentence's words there hold a negation ("not", "never",
  "no", "without") and the claim's hold none, while everything else in the slot is the
  sentence's own ("the main fuel tanks were damaged" where it says "were not damaged"), or
  the claim's word is the sentence's without its negative prefix ("affected" where it says
  "unaffected");
* ``opposite``: the claim's word is an opposite of the sentence's word in the same slot
  ("a newer main" where it says "an older main"; "flown to the station" where it says
  "shipped"), from the opposites the verifier knows and the contrasts of
  ``data/details.json`` (kinds of which one thing is only one: how goods travel, which way a
  convoy heads);
* ``count``: the slot counts the same thing with another number ("two technicians" where
  it says "one technician");
* ``closed list``: the claim adds an item to a list the sentence closes with "only" ("cars,
  emergency vehicles and lorries" where it says "cars and emergency vehicles only").

Paraphrase is left alone: a slot whose words are synonyms, other forms of the same words
or words the claim writes elsewhere reverses nothing these rules read, and a claim with a
negation of its own in or next to the slot ("declined to", "refused") says the negation in
its own words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..types import Span
from .lexicon import STOPWORDS, WORD, data_json, data_words, stem
from .sentences import IndexedArticle, Window

if TYPE_CHECKING:
    from .hard import ClaimFacts, Finding

__all__ = ["details_clash"]

_DATA = data_json("details.json")
#: negations a slot of the evidence may hold that the claim dropped
_NEGATORS = frozenset(_DATA["negators"].split())
#: words by which a claim says a negation in its own terms ("declined to", "refused")
_CLAIM_NEGATIVE = frozenset(_DATA["claim_negative"].split()) | _NEGATORS
#: prefixes that negate the word they start ("unaffected", "undamaged")
_NEG_PREFIXES = tuple(_DATA["negative_prefixes"].split())
_NOT_PREFIXED = frozenset(stem(w) for w in data_words("false_prefix_opposites.txt"))
#: the most words a slot may have on each side
_SLOT = 4
#: how far either side of a slot a claim's own negation is looked for
_REACH = 5
#: the fewest claim words the best sentence must match in order, and their share
_MIN_MATCHED = 4
_MIN_SHARE = 0.5


def _pairs() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}

    def add(a: str, b: str) -> None:
        out.setdefault(stem(a), set()).add(stem(b))
        out.setdefault(stem(b), set()).add(stem(a))

    for p in sorted(data_words("opposites.txt")):
        left, right = p.split("/")
        for a in left.split(","):
            for b in right.split(","):
                add(a, b)
    for group in _DATA["contrasts"]:
        kinds = [k.split() for k in group.split("/")]
        for i, one in enumerate(kinds):
            for other in kinds[i + 1 :]:
                for a in one:
                    for b in other:
                        add(a, b)
    return {k: frozenset(v) for k, v in out.items()}


_OPPOSITE = _pairs()
#: counts in words: "one" to "nineteen", "both", and fractions ("a third", "a quarter"); a
#: count is read against a count, a fraction against a fraction ("half of" is "two of four")
_COUNT: dict[str, float] = {
    w: float(v) for w, v in data_json("quantities.json")["ones"].items() if " " not in w
} | {w: float(v) for w, v in _DATA["counts"].items()}
#: qualifiers a claim may not drop from the slot it copies ("at least", "one of")
_QUALIFIERS = frozenset(_DATA["qualifiers"])
#: bounds from above and from below ("more than" where the sentence says "nearly")
_ABOVE = frozenset(_DATA["above"])
_BELOW = frozenset(_DATA["below"])
#: adverbs a slot may hold beside a negation the claim adds ("would still comply")
_ADVERBS = frozenset(_DATA["adverbs"].split())
#: every kind of change the check reads
KINDS = frozenset("negation added_negation prefix qualifier bound opposite count digits".split())
_YEAR = re.compile(r"1[89]\d\d|20\d\d")


@dataclass(frozen=True)
class _Slot:
    """Claim words ``i1:i2`` where the evidence sentence has words ``j1:j2``."""

    i1: int
    i2: int
    j1: int
    j2: int


def _negated(words: Sequence[str]) -> bool:
    return any(w in _NEGATORS or w.endswith("n't") for w in words)


def _negative(words: Sequence[str]) -> bool:
    return any(w in _CLAIM_NEGATIVE or w.endswith("n't") for w in words)


def _slots(claim: Sequence[str], sent: Sequence[str]) -> tuple[int, list[_Slot]]:
    """(claim words matched, the slots anchored on both sides or at both edges)."""
    sm = SequenceMatcher(None, claim, sent, autojunk=False)
    blocks = sm.get_matching_blocks()
    matched = sum(b.size for b in blocks)
    out: list[_Slot] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or i2 - i1 > _SLOT or j2 - j1 > _SLOT:
            continue
        before = i1 > 0 and j1 > 0
        after = i2 < len(claim) and j2 < len(sent)
        at_start = i1 == 0 and j1 == 0
        at_end = i2 == len(claim) and j2 == len(sent)
        if (before or at_start) and (after or at_end) and (before or after):
            out.append(_Slot(i1, i2, j1, j2))
    return matched, out


def _phrase(words: Sequence[str], phrases: frozenset[str]) -> bool:
    return " ".join(words) in phrases


def _read(claim: list[str], sent: list[str], s: _Slot, ctx: _Context) -> str | None:
    """What the slot changed, in words, or None."""
    mine, theirs = claim[s.i1 : s.i2], sent[s.j1 : s.j2]
    around = claim[max(0, s.i1 - _REACH) : s.i2 + _REACH]
    if any(w in ctx.window or w in ctx.others for w in mine if w not in STOPWORDS):
        return None  # the evidence, or another cited article, writes the claim's word
    if ctx.enabled("negation") and _negated(theirs) and not _negative(around):
        rest = [w for w in theirs if not _negated([w])]
        until = "until" in sent[s.j2 : s.j2 + _REACH] or "till" in sent[s.j2 : s.j2 + _REACH]
        if rest == mine and theirs[:2] != ["not", "only"] and not ctx.comparative(s.i1):
            if until:
                return None  # "not safe until it was repaired": when, not whether
            return f'the claim drops "{" ".join(theirs)}"'
    if ctx.enabled("added_negation") and _negated(mine) and not _negative(theirs):
        rest = [w for w in mine if not _negated([w])]
        extra = [w for w in theirs if w not in rest]
        if all(w in theirs for w in rest) and all(w in _ADVERBS for w in extra):
            return f'the claim adds "{" ".join(mine)}"'
    if ctx.enabled("prefix"):
        for w in mine:
            for x in theirs:
                bare = next((x[len(p) :] for p in _NEG_PREFIXES if x.startswith(p)), "")
                prefixed = bare and stem(x) not in _NOT_PREFIXED and stem(bare) == stem(w)
                if prefixed and not _negative(around):
                    return f'"{w}" where the sentence says "{x}"'
    if ctx.enabled("qualifier") and not mine and _phrase(theirs, _QUALIFIERS):
        return f'the claim drops "{" ".join(theirs)}"'
    if ctx.enabled("bound") and (
        (_phrase(mine, _ABOVE) and _phrase(theirs, _BELOW))
        or (_phrase(mine, _BELOW) and _phrase(theirs, _ABOVE))
    ):
        return f'"{" ".join(mine)}" where the sentence says "{" ".join(theirs)}"'
    if ctx.enabled("opposite"):
        for w in mine:
            opp = _OPPOSITE.get(stem(w))
            if not opp:
                continue
            for x in theirs:
                if stem(x) in opp and stem(x) not in ctx.claim_stems:
                    return f'"{w}" where the sentence says "{x}"'
    if ctx.enabled("count"):
        for a, w in enumerate(mine):
            v = _COUNT.get(w)
            if v is None:
                continue
            for b, x in enumerate(theirs):
                u = _COUNT.get(x)
                if u is None or u == v or (u < 1) != (v < 1):
                    continue
                nw = claim[s.i1 + a + 1] if s.i1 + a + 1 < len(claim) else ""
                nx = sent[s.j1 + b + 1] if s.j1 + b + 1 < len(sent) else ""
                if nw and nx and stem(nw) == stem(nx) and (nw not in STOPWORDS or nw == "of"):
                    return f'"{w} {nw}" where the sentence says "{x} {nx}"'
    if ctx.enabled("digits") and len(mine) == 1 and len(theirs) == 1:
        w, x = mine[0], theirs[0]
        edge = claim[s.i1 - 1 : s.i1] + claim[s.i2 : s.i2 + 1]
        figures = w.isdigit() and x.isdigit() and w != x and not any(e.isdigit() for e in edge)
        if figures and not (_YEAR.fullmatch(w) or _YEAR.fullmatch(x)):
            return f'"{w}" where the sentence says "{x}"'
    return None


@dataclass
class _Context:
    claim: list[str]
    claim_stems: set[str]
    #: the words of every sentence of the evidence windows
    window: set[str]
    #: the words of the cited articles other than the one the claim follows
    others: frozenset[str]
    kinds: frozenset[str]

    def enabled(self, kind: str) -> bool:
        return kind in self.kinds

    def comparative(self, i: int) -> bool:
        """Whether the claim's clause around word ``i`` compares ("more than the council
        could afford" says "could not afford" in other words)."""
        lo = i
        while lo > 0 and self.claim[lo - 1] not in (",", "and", "but"):
            lo -= 1
        return any(w in ("than", "too") for w in self.claim[max(0, i - 6) : i + 3])


# an article's words are flattened once, when a claim first cites it
@functools.lru_cache(maxsize=256)
def _flat_words(text: str) -> str:
    """An article's words, lowercased, one space apart and around."""
    return " " + " ".join(m.group(0).lower() for m in WORD.finditer(text)) + " "


def details_clash(
    facts: ClaimFacts,
    arts: list[IndexedArticle],
    chosen: list[Window],
    kinds: frozenset[str] = KINDS,
) -> Finding | None:
    """A detail the claim changed in the evidence sentence it follows, as a finding, or None.

    Args:
        facts: the claim's :class:`~.hard.ClaimFacts` (its ``text`` is read).
        arts: the cited articles.
        chosen: the evidence windows the support check chose.

    Returns:
        ("details", reason, spans in the claim and the article), or None.
    """
    found = list(WORD.finditer(facts.text))
    claim = [m.group(0).lower() for m in found]
    if len(claim) < _MIN_MATCHED:
        return None
    joined = " " + " ".join(claim) + " "
    if any(joined in _flat_words(a.text) for a in arts):
        return None  # copied word for word (across a sentence break too): nothing changed
    best: tuple[int, list[str], list[_Slot], IndexedArticle, int] | None = None
    window: set[str] = set()
    for art, f, t, _ in chosen:
        for si in range(f, t + 1):
            sent_obj = art.sentences[si]
            body = art.text[sent_obj.start : sent_obj.end]
            sent = [m.group(0).lower() for m in WORD.finditer(body)]
            window.update(sent)
            matched, slots = _slots(claim, sent)
            if best is None or matched > best[0]:
                best = (matched, sent, slots, art, si)
    if best is None:
        return None
    matched, sent, slots, art, si = best
    if matched < _MIN_MATCHED or matched < _MIN_SHARE * len(claim):
        return None
    others = frozenset().union(*(a.lower_words for a in arts if a is not art))
    ctx = _Context(claim, {stem(w) for w in claim}, window, others, kinds)
    for s in slots:
        why = _read(claim, sent, s, ctx)
        if why is None:
            continue
        spans: list[Span] = []
        if s.i2 > s.i1:
            spans.append(Span(where="claim", start=found[s.i1].start(), end=found[s.i2 - 1].end()))
        return ("details", why, spans)
    return None
