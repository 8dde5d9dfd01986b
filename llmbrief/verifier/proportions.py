"""Proportions written in words, read as intervals: "nearly nine in ten" is 0.85 to 0.90.

Briefs and summaries restate a source's "87 percent" as "nearly nine in ten", "38%" as
"nearly two in five", "about a third" as "roughly a third". Read figure by figure, "nine"
and "ten" are absent from the source; read as what they say, they are a share, and a share
is supported by any share of the evidence that falls in its interval.

A phrase is an optional approximator and a nominal share ``v``:

- ``X in Y``, ``X out of Y`` with Y at most 20 or a power of ten (``nine in ten``,
  ``1 in 4``, ``one in a hundred``; "22 out of 31" are counts, checked as figures);
- ``half``, ``a third``, ``a quarter`` (``a fourth``), ``a fifth``, ``an eighth``,
  ``a tenth``, before "of" or a determiner ("half the staff"), after "by" ("fell by a
  quarter"), or ending a clause after an approximator: "a third round", "the first
  half", "a quarter of a century" and "two and a half" are no shares;
- ``two-thirds``, ``three-quarters`` (``three quarters`` only before "of");
- ``a majority of``, ``the majority of`` (0.5 to 1), ``a minority of`` (0 to 0.5).

The interval (the tolerances, stated once here):

- a share in words is rounded: plain, it is ``v ± t`` with ``t = min(0.035, v / 4)``
  ("a third" 0.30-0.37, "one in ten" 0.075-0.125);
- "about", "around", "roughly" widen that to ``v ± 1.5 t`` ("about half" 0.45-0.55);
- "nearly", "almost", "just under" give ``[v - 1.5 t, v]`` ("nearly nine in ten"
  0.85-0.90), "just over" ``[v, v + 1.5 t]``;
- "more than", "over", "at least" give ``[v, 1]``; "less than", "under", "up to" ``[0, v]``.

A percentage is a share too, to the rounding of its last digit (``38%`` is 0.375-0.385,
``0.505%`` 0.00505 ± 0.000005), with the same approximators at one point or a quarter
of the figure, whichever is less (``about 87 percent`` is 0.855-0.885). A claim's
percentage absent from the evidence as a figure is supported by a share in words there
(``87 percent`` by "nearly nine in ten"); one percentage against another stays the
figures check's exact match.

In the evidence, counts are shares too ("22 of the 31 districts" is 0.71).

:func:`share_findings` is the figures check for shares, in this order:

1. the evidence's shares of the same thing decide: those whose first words after them name
   what the claim's share counts ("about a third *of respondents*" for "about half *of
   respondents*"), or, when the claim's share ends its clause, those in a clause sharing
   a word with the claim's (as a figure's context is read). One that overlaps supports
   the claim; when one names what the claim's counts and none overlaps, the claim
   contradicts it: ``the claim says "about half"; the evidence says "34 percent"``;
2. else any share of the cited articles that overlaps supports it; else a share of a
   clause sharing a word is contradicted as above;
3. else a share written with numbers ("nine in ten") needs its numbers, as any figure
   does; one in words alone ("about half") fires nothing.

Before all three, a share that is the claim's own figure over another of its kind that a
sentence of the cited articles writes beside it, or that one over the claim's, is stated
("about 230 trains ran, roughly one in five" where it says "230 of the usual 1,150
trains"; "about 41 million birds, roughly a third of them laying hens" where it says "41
million poultry, of which around 14 million are laying hens").

Two bounds the same way compare at their figures: "less than a tenth" does not support
"less than half". A percentage counts as the evidence's share of something only before
"of" ("33% of capacity"), never as a change ("capacity grew 12%").

Lengths of time written in words with an approximator ("up to a week", "nearly a year",
"within an hour") are read the same way, in days, rounded to a fifth of themselves
(``t = 0.2 v``: "about a week" is 4.9 to 9.1 days); in the evidence also after a
preposition ("for a week") and as figures ("six hours", "up to 48 hours", to a tenth).
Articles state many lengths of time, so a claim's is supported only by one of what it
measures (a clause sharing a word with the claim's): "up to a week" of delays is not
supported by "six hours" of closure, and contradicts "delays of up to a day".

Everything here is read from the text by rule, the same in any process.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..types import Span
from . import checks
from .lexicon import alternation, content_stems, data_json

if TYPE_CHECKING:
    from .sentences import IndexedArticle, Window

__all__ = [
    "Share",
    "approximate_durations",
    "durations",
    "phrases",
    "share_findings",
    "share_stated",
    "shares",
    "without_phrases",
    "worded",
]

_P = data_json("proportions.json")
_ONES: dict[str, int] = data_json("quantities.json")["ones"]
_FRACTIONS: dict[str, float] = _P["fractions"]
_PLURALS: dict[str, float] = _P["plural_fractions"]
_MAJORITIES: dict[str, list[float]] = _P["majorities"]
_KIND_OF: dict[str, str] = {cue: kind for kind, cues in _P["approximators"].items() for cue in cues}
_NOT_AFTER_DENOMINATOR = frozenset(_P["not_after_denominator"])
_DENOMINATORS: dict[str, int] = {**_ONES, **_P["denominators"]}

#: the widest a plain share in words is rounded, either side
_ROUNDING = 0.035
#: a percentage's tolerance for its approximators (a point at most), and its rounding
#: (half a unit of its last digit: "38%" is 37.5 to 38.5)
_PERCENT_T = 0.01
_PERCENT_ROUNDING = 0.005
_EPS = 1e-9


@dataclass(frozen=True)
class Share:
    """A share of a whole stated in a text, as the interval ``[low, high]`` of 0 to 1.

    ``text`` is the phrase as written (approximator included) at ``start:end``;
    ``numbered`` says it is written with numbers the figures check reads ("nine in ten",
    "two-thirds"); ``of`` that a percentage is a share of something ("87 percent of
    members"), not a change ("rose 12 percent").
    """

    low: float
    high: float
    text: str
    start: int
    end: int
    numbered: bool = False
    of: bool = True
    #: "at_most" ("up to", "less than") or "at_least" ("more than"), "" for none
    bound: str = ""
    #: the interval without the approximator: what a bound is a bound at
    nominal: tuple[float, float] = (0.0, 0.0)
    #: "" for a share of a whole; "day" for a length of time in days
    unit: str = ""

    def overlaps(self, other: Share) -> bool:
        """Whether the two can say the same: their intervals meet (one may be the other,
        rounded), and two bounds the same way are at the same figure ("up to a day" is
        not "up to a week", though both allow an hour)."""
        if self.unit != other.unit:
            return False
        if self.bound and self.bound == other.bound:
            (a, b), (c, d) = self.nominal, other.nominal
            return a <= d + _EPS and c <= b + _EPS
        return self.low <= other.high + _EPS and other.low <= self.high + _EPS


# an approximator just before a share, looked for only once the share is found: an optional
# group of forty words before every pattern would be tried at every word of every article
_APPROX_BEFORE = re.compile(rf"\b(?:{alternation(list(_KIND_OF))})\s+$", re.IGNORECASE)
# the last words of the approximators (letters only), and the run of letters a text ends with
_APPROX_LAST_WORDS = frozenset(k.split()[-1].lower() for k in _KIND_OF)
_LAST_LETTERS = re.compile(r"[A-Za-z]+$")
_DURATION_KIND_OF: dict[str, str] = {
    cue: kind for kind, cues in _P["duration_approximators"].items() for cue in cues
}
_ALL_KINDS = {**_KIND_OF, **_DURATION_KIND_OF}
_DAYS: dict[str, float] = {k: float(v) for k, v in _P["durations"].items()}
_DAYS.update({plural: _DAYS[one] for plural, one in _P["duration_plurals"].items()})
_DURATION_APPROX = alternation([*_KIND_OF, *_DURATION_KIND_OF])
_DURATION_PREPOSITIONS = alternation(_P["duration_prepositions"])
_DURATION_UNIT = alternation(list(_DAYS))
# "up to a week", "nearly a year"; in the evidence also "for a week", "after a day"
_WORDED_DURATION = re.compile(
    rf"\b(?:(?P<approx>{_DURATION_APPROX})|(?P<prep>{_DURATION_PREPOSITIONS}))\s+"
    rf"(?:a|an|one)\s+(?P<unit>{_DURATION_UNIT})\b(?![-‐])",
    re.IGNORECASE,
)
# "up to 48 hours", "six days": a figure and a unit of time (not "a 72-year-old")
_NUMBERED_DURATION = re.compile(
    rf"\b(?:(?P<approx>{_DURATION_APPROX})\s+)?(?<![\d.,])(?P<num>\d+(?:\.\d+)?|"
    rf"{alternation(list(_ONES))}|twenty|thirty|forty|fifty)[\s-](?P<unit>{_DURATION_UNIT})\b"
    r"(?![-‐]old)",
    re.IGNORECASE,
)
_DURATION_KEYS = tuple(sorted({u[:4] for u in _DAYS}))
#: how far a length of time in words is rounded, as a part of itself ("about a week" is
#: 7 days ± 1.5 x 20%)
_DURATION_T = 0.2
_NUMERATOR = rf"(?<![\d.,])(?:{alternation(list(_ONES))}|\d+)"
_DENOMINATOR = rf"(?:{alternation(list(_DENOMINATORS))}|\d{{1,3}}(?:,\d{{3}})*|\d+)"
_RATIO = re.compile(
    rf"\b(?P<num>{_NUMERATOR})\s+(?P<sep>in|out\s+of)\s+(?:every\s+)?"
    rf"(?P<den>{_DENOMINATOR})\b(?![-‐][A-Za-z])",
    re.IGNORECASE,
)
_PLURAL = re.compile(
    rf"\b(?P<num>two|three|four|five|six|seven|eight|nine)(?P<sep>[\s-])"
    rf"(?P<frac>{alternation(list(_PLURALS))})\b",
    re.IGNORECASE,
)
_SINGLE = re.compile(
    rf"\b(?P<article>(?:an?|one)[\s-])?(?P<frac>{alternation(list(_FRACTIONS))})\b",
    re.IGNORECASE,
)
_MAJORITY = re.compile(rf"\b(?P<m>{alternation(list(_MAJORITIES))})\b", re.IGNORECASE)
_PERCENT = re.compile(
    r"(?<![\d.,])\b(?P<pct>\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)", re.IGNORECASE
)
# what may follow a share in words: "of", or a determiner ("half the staff", "a third its size")
_DETERMINERS = frozenset(
    "of the its their his her our your all them those these that this my".split()
)
# "the first half", "a second half": a part of a period or a match, not a share
_NOT_BEFORE_HALF = frozenset(
    "the first second other latter former final opening last next each per this that same"
    " upper lower top bottom back front".split()
)
# "the upper half", "her lower half": a determiner two words before a bare "half"
_DETERMINER_BEFORE = frozenset("the a an its his her their our my your this that".split())
# "tenths of a second", "a quarter of a century", "two-thirds of a million": a measure
_OF_A_MEASURE = re.compile(r"\s+of\s+(?:a|an|one)\b", re.IGNORECASE)
_PREV_TWO = re.compile(r"([A-Za-z]+)\W+([A-Za-z]+)\s*$")
_FRACTION_KEYS = (*_FRACTIONS, "majorit", "minorit")
# each key as a pattern: in a long text (an article) the regex engine finds a word that is
# not there faster than ``in`` does (it scans for the first letter); in a short one, ``in``
_FRACTION_KEY_SEARCH = tuple((w, re.compile(re.escape(w)).search) for w in _FRACTION_KEYS)
_LONG_TEXT = 1000
# each plural with the fraction word it holds ("thirds": "third"; "halves": none): a text
# without "third" has no "thirds", and its plural need not be looked for
_PLURAL_HOLDS = {p: next((k for k in _FRACTIONS if k in p), "") for p in _PLURALS}
_MAJORITY_KEYS = (("majority", "majorit"), ("minority", "minorit"))
# "cut rates by a quarter point": a figure of points, not a share
_NOT_AFTER_BY = frozenset({"point", "points", "percentage", "percent", "mile", "inch"})
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]]|$)")
_PREV_WORD = re.compile(r"([A-Za-z]+)\s*$")
# quick test that a text may hold a share at all (most sentences hold none)
_MAY_HOLD = re.compile(
    rf"\d|{alternation(list(_FRACTIONS))}|majority|minority|\b(?:{alternation(list(_ONES))})\b",
    re.IGNORECASE,
)
_ASCII_DIGIT = re.compile(r"[0-9]")


def _may_hold(text: str) -> bool:
    """Whether ``text`` may hold a share (:data:`_MAY_HOLD`): a digit is a match of its first
    alternative, found by one scan for ten characters (the whole pattern, forty words tried
    case-blind at each character, costs twenty times as much before the first digit)."""
    return _ASCII_DIGIT.search(text) is not None or _MAY_HOLD.search(text) is not None


def _value(word: str) -> int | None:
    w = " ".join(word.lower().replace(",", "").split())
    if w.isdigit():
        return int(w)
    return _DENOMINATORS.get(w)


@dataclass(frozen=True)
class _Interval:
    low: float
    high: float
    bound: str
    nominal: tuple[float, float]


def _interval(
    v: float, approx: str | None, t: float, rounding: float, top: float = 1.0
) -> _Interval:
    kind = _ALL_KINDS.get(" ".join(approx.lower().split())) if approx else None
    bound = ""
    if kind == "around":
        lo, hi = v - 1.5 * t, v + 1.5 * t
    elif kind == "below":
        lo, hi = v - 1.5 * t, v
    elif kind == "above":
        lo, hi = v, v + 1.5 * t
    elif kind == "at_least":
        lo, hi, bound = v, top, kind
    elif kind == "at_most":
        lo, hi, bound = 0.0, v, kind
    else:
        lo, hi = v - rounding, v + rounding
    nominal = (max(0.0, v - rounding), min(top, v + rounding))
    return _Interval(max(0.0, lo), min(top, hi), bound, nominal)


def _share(m: re.Match[str], v: float, numbered: bool) -> Share:
    t = min(_ROUNDING, v / 4)
    approx, start = _approximator(m)
    i = _interval(v, approx, t, t)
    text = m.string[start : m.end()]
    return Share(i.low, i.high, text, start, m.end(), numbered, True, i.bound, i.nominal)


def _approximator(m: re.Match[str]) -> tuple[str | None, int]:
    """The approximator just before the share ``m`` (None if none) and where it starts."""
    start = m.start()
    lo = max(0, start - 40)
    window = m.string[lo:start]
    if window.isascii():
        # an approximator ends in one of a few words, right before the spaces that end the
        # window: when the word there is none of them, the pattern (forty alternatives tried
        # at each of forty places) need not run. ASCII only, where ignoring case matches a
        # letter to its other case alone.
        head = window.rstrip()
        if len(head) == len(window):
            return None, start
        word = _LAST_LETTERS.search(head)
        if word is None or word.group(0).lower() not in _APPROX_LAST_WORDS:
            return None, start
    a = _APPROX_BEFORE.search(m.string, lo, start)
    return (None, start) if a is None else (a.group(0).strip(), a.start())


def _next_word(text: str, at: int) -> str:
    m = _NEXT_WORD.match(text, at)
    return m.group(1).lower() if m else ""


# what must (or may) stand just before the word a share is found by
_NUMBER_BEFORE = re.compile(
    rf"(?<![\d.,])\b(?:{alternation(list(_ONES))}|\d{{1,3}}(?:,\d{{3}})*|\d+)\s+$",
    re.IGNORECASE,
)
_PLURAL_NUMBER_BEFORE = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine)[\s-]$", re.IGNORECASE
)
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|one)[\s-]$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b(?:a|the)\s$", re.IGNORECASE)
_FIGURE_BEFORE = re.compile(r"(?<![\d.,])\b\d{1,3}(?:\.\d+)?\s?$")


_NUMBER_LAST_WORDS = frozenset(w.split()[-1] for w in _ONES)
_OPENERS = "(\"'“‘"
# what a word that may end a number can end with (a digit aside): the last letter of a
# number word, or an opener that :func:`_number_word` strips
_NUMBER_WORD_ENDS = frozenset(w[-1] for w in _NUMBER_LAST_WORDS) | frozenset(_OPENERS)


def _number_word(word: str) -> bool:
    """Whether a lower-cased word may end a number ("nine", "1,200", "(22")."""
    w = word.strip(_OPENERS)
    return w in _NUMBER_LAST_WORDS or (w[:1].isdigit() and w[-1:].isdigit())


def _found_by(
    text: str,
    pattern: re.Pattern[str],
    keys: Sequence[str],
    before: re.Pattern[str],
    optional: bool = False,
    low: str | None = None,
) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` found by plain string search for ``keys`` (" in ", "%",
    "half") and what ``before`` finds just before each (the number of "nine in ten"; with
    ``optional``, the "a" of "a third" if any): a pattern that opens with forty number
    words would be tried at every character of every article. ``low``: ``text.lower()``
    when the caller has it."""
    if low is None:
        low = text.lower()
    starts: set[int] = set()
    numbers = before is _NUMBER_BEFORE
    find = low.find
    for key in keys:
        shift = len(key) - len(key.lstrip())  # " in ": the number ends at the space
        at = find(key)
        while at >= 0:
            if numbers:
                # most " of " follow no number: the last character says so, else the word
                end = low[at - 1] if at else " "
                if (end not in _NUMBER_WORD_ENDS and not end.isdigit()) or not _number_word(
                    low[low.rfind(" ", 0, at) + 1 : at]
                ):
                    at = find(key, at + 1)
                    continue
            anchor = at + shift
            b = before.search(text, max(0, anchor - 16), anchor)
            if b is not None:
                starts.add(b.start())
            elif optional:
                starts.add(anchor)
            at = find(key, at + 1)
    for start in sorted(starts):
        m = pattern.match(text, start)
        if m is not None:
            yield m


def _ratios(text: str, low: str | None = None) -> Iterator[Share]:
    for m in _found_by(text, _RATIO, (" in ", " out of "), _NUMBER_BEFORE, low=low):
        num, den = _value(m.group("num")), _value(m.group("den"))
        if num is None or den is None or not 0 < num <= den or den < 2:
            continue
        if den > 20 and den not in (100, 1000, 10000, 100000, 1000000):
            continue  # "12 in 2024" is a count in a year; "22 out of 31" exact counts
        if _next_word(text, m.end()) in _NOT_AFTER_DENOMINATOR:
            continue  # "two in five years", "one in 100 years": a count over a time
        yield _share(m, num / den, numbered=True)


def _fractions(text: str, low: str | None = None) -> Iterator[Share]:
    if low is None:
        low = text.lower()
    if len(low) < _LONG_TEXT:
        present = {w for w in _FRACTION_KEYS if w in low}
    else:
        present = {w for w, search in _FRACTION_KEY_SEARCH if search(low) is not None}
    if not present:
        return  # most texts name no fraction: the patterns need not run
    # each pattern looks only for the keys the text holds: a key is one more pass over
    # the whole text ("quarterly" in every article must not cost sixteen passes)
    plurals = tuple(p for p, k in _PLURAL_HOLDS.items() if not k or k in present)
    for m in _found_by(text, _PLURAL, plurals, _PLURAL_NUMBER_BEFORE, low=low):
        num = _ONES[m.group("num").lower()]
        v = num * _PLURALS[m.group("frac").lower()]
        after = _next_word(text, m.end())
        if v > 1 or (m.group("sep") != "-" and after != "of"):
            continue  # "three quarters in a row": periods, not a share
        if _OF_A_MEASURE.match(text, m.end()):
            continue
        yield _share(m, v, numbered=True)
    singles = tuple(k for k in _FRACTIONS if k in present)
    for m in _found_by(text, _SINGLE, singles, _ARTICLE_BEFORE, optional=True, low=low):
        frac = m.group("frac").lower()
        approx, start = _approximator(m)
        two = _PREV_TWO.search(text, max(0, start - 40), start)
        prev, prev2 = (two.group(2).lower(), two.group(1).lower()) if two else ("", "")
        if not two and (one := _PREV_WORD.search(text, max(0, start - 40), start)):
            prev = one.group(1).lower()
        if frac != "half" and not m.group("article"):
            continue  # "the third quarter", "finished fifth": ordinals
        if (
            not m.group("article")
            and not approx
            and (prev in _NOT_BEFORE_HALF or prev2 in _DETERMINER_BEFORE)
        ):
            continue  # "the first half", "the upper half of her body"
        if m.group("article") and prev == "and":
            continue  # "two and a half years", "a can and a half"
        if m.end() < len(text) and text[m.end()] in "-‐":
            continue  # "half-time", "a third-quarter loss"
        after = _next_word(text, m.end())
        if _OF_A_MEASURE.match(text, m.end()):
            continue  # "a quarter of a century", "half of one percent"
        if after == "of" and checks.date_word(_next_word(text, m.end() + 3)):
            continue  # "a Fourth of July parade"
        at_end = _CLAUSE_END.match(text, m.end()) is not None
        # "fell by a quarter in the third quarter": "by" makes it a share, save of a point
        by = prev == "by" and after not in _NOT_AFTER_BY
        if after in _DETERMINERS or by or (at_end and approx):
            yield _share(m, _FRACTIONS[frac], numbered=False)
    majorities = tuple(w for w, k in _MAJORITY_KEYS if k in present)
    for m in _found_by(text, _MAJORITY, majorities, _THE_BEFORE, low=low):
        lo, hi = _MAJORITIES[" ".join(m.group("m").lower().split())]
        _, start = _approximator(m)
        yield Share(lo, hi, text[start : m.end()], start, m.end(), nominal=(lo, hi))


# "22 of the 31 provinces", "1,200 out of 4,000 workers": a share in counts
_COUNT = re.compile(
    rf"(?<![\d.,$£€])\b(?P<n>\d{{1,3}}(?:,\d{{3}})*|\d+|{alternation(list(_ONES))})\s+"
    rf"(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?"
    rf"(?P<m>\d{{1,3}}(?:,\d{{3}})*|\d+|{alternation(list(_ONES))})\b(?![.,]?\d)",
    re.IGNORECASE,
)


def _counts(text: str, low: str | None = None) -> Iterator[Share]:
    """Shares the evidence states as counts ("22 of the 31 provinces" is 0.71): only what
    supports a claim's share, never a phrase of a claim (whose counts are figures)."""
    for m in _found_by(text, _COUNT, (" of ", " out of "), _NUMBER_BEFORE, low=low):
        n, total = _value(m.group("n")), _value(m.group("m"))
        if n is None or total is None or not 1 < n < total:
            continue  # "one of the 10 largest": one member, no share
        if 1900 <= total <= 2100 and "," not in m.group("m"):
            continue  # "5 of 2024": a year
        v = n / total
        yield Share(v, v, m.group(0), m.start(), m.end(), True, True, "", (v, v))


def _percents(text: str) -> Iterator[Share]:
    for m in _found_by(text, _PERCENT, ("%", "percent", "per cent"), _FIGURE_BEFORE):
        v = float(m.group("pct")) / 100
        if v > 1:
            continue  # "rose 150%": a change, never a share
        digits = m.group("pct").partition(".")[2]
        rounding = _PERCENT_ROUNDING / 10 ** len(digits)  # "0.505%": to the last digit
        approx, start = _approximator(m)
        i = _interval(v, approx, min(_PERCENT_T, v / 4), rounding)
        of = _next_word(text, m.end()) == "of"
        phrase = text[start : m.end()]
        yield Share(i.low, i.high, phrase, start, m.end(), True, of, i.bound, i.nominal)


def _first_wins(found: Sequence[Share]) -> tuple[Share, ...]:
    """The shares in text order, a share inside (or across) one already taken left out."""
    out: list[Share] = []
    for s in sorted(found, key=lambda s: (s.start, -s.end)):
        if not out or s.start >= out[-1].end:
            out.append(s)
    return tuple(out)


def _duration(m: re.Match[str], v: float, rounding: float) -> Share:
    i = _interval(v, m.group("approx"), _DURATION_T * v, rounding, top=float("inf"))
    return Share(
        i.low, i.high, m.group(0), m.start(), m.end(), False, True, i.bound, i.nominal, "day"
    )


def _after_one(low: str, keys: Sequence[str]) -> bool:
    """Whether one of ``keys`` (the first letters of units of time) stands in lower-cased
    ASCII text right after "a", "an" or "one" and spaces, as the unit of
    :data:`_WORDED_DURATION` must: the pattern, forty approximators tried at every
    character, runs only then."""
    for key in keys:
        i = low.find(key)
        while i >= 0:
            j = i
            while j > 0 and low[j - 1].isspace():
                j -= 1
            if j < i and low.endswith(("a", "an", "one"), 0, j):
                return True
            i = low.find(key, i + 1)
    return False


@lru_cache(maxsize=4096)
def approximate_durations(text: str) -> tuple[Share, ...]:
    """Lengths of time a claim writes in words with an approximator ("up to a week",
    "nearly a year", "within an hour"), in days."""
    low = text.lower()
    present = [u for u in _DURATION_KEYS if u in low]
    if not present:
        return ()  # no unit of time: the pattern need not run
    if low.isascii() and not _after_one(low, present):
        return ()  # none right after "a", "an" or "one" ("the yearly total"): nor need it
    return tuple(
        _duration(m, _DAYS[m.group("unit").lower()], _DURATION_T * _DAYS[m.group("unit").lower()])
        for m in _WORDED_DURATION.finditer(text)
        if m.group("approx")
    )


@lru_cache(maxsize=65536)
def durations(text: str) -> tuple[Share, ...]:
    """Every length of time ``text`` states, in days: "a week" after an approximator or a
    preposition ("for a week", "up to a day"), and figures ("six hours", "up to 48 hours",
    exact to their unit's tenth)."""
    found = []
    for m in _WORDED_DURATION.finditer(text):
        days = _DAYS[m.group("unit").lower()]
        found.append(_duration(m, days, _DURATION_T * days))
    for m in _NUMBERED_DURATION.finditer(text):
        n = _value(m.group("num")) if not m.group("num")[0].isdigit() else None
        num = float(m.group("num")) if m.group("num")[0].isdigit() else n
        if num is None:
            continue
        days = num * _DAYS[m.group("unit").lower()]
        found.append(_duration(m, days, 0.1 * days))
    return _first_wins(found)


def worded(text: str) -> tuple[Share, ...]:
    """What the figures check reads here in a claim: its shares in words and its lengths
    of time in words with an approximator."""
    return (*phrases(text), *approximate_durations(text))


@lru_cache(maxsize=4096)
def phrases(text: str) -> tuple[Share, ...]:
    """The shares ``text`` writes in words ("nearly nine in ten", "about a third"), in
    text order."""
    if not _may_hold(text):
        return ()
    return _first_wins([*_ratios(text), *_fractions(text)])


@lru_cache(maxsize=65536)
def shares(text: str) -> tuple[Share, ...]:
    """Every share ``text`` states: phrases in words, percentages and counts ("22 of the
    31 provinces"), in text order."""
    if not _may_hold(text):
        return ()
    return _first_wins([*_ratios(text), *_fractions(text), *_percents(text), *_counts(text)])


@lru_cache(maxsize=65536)
def _not_percentages(text: str) -> tuple[Share, ...]:
    """The shares of ``text`` that are no percentage: phrases in words and counts."""
    if not _may_hold(text):
        return ()
    low = text.lower()  # once for the three readers, not once for each pattern's keys
    return _first_wins([*_ratios(text, low), *_fractions(text, low), *_counts(text, low)])


def without_phrases(text: str) -> str:
    """``text`` with its share phrases blanked (same length, so offsets hold): the numbers
    of "nine in ten" are no figures of their own, and "a third" no ordinal."""
    found = phrases(text)
    if not found:
        return text
    out = list(text)
    for s in found:
        out[s.start : s.end] = " " * (s.end - s.start)
    return "".join(out)


def share_stated(claim_text: str, q: checks.Quantity, arts: Sequence[IndexedArticle]) -> bool:
    """Whether the claim's percentage ``q``, absent as a figure from the cited articles,
    is stated there as a share in words ("87 percent" and "nearly nine in ten")."""
    if q.unit != "%" or q.value > 100:
        return False
    if not any(_not_percentages(a.text) for a in arts):
        return False  # no share in words or counts in the cited text: none to read the claim's
    want = q.value / 100
    claim = next(
        (s for s in _claim_percents(claim_text) if s.low - _EPS <= want <= s.high + _EPS), None
    )
    return claim is not None and _supported(claim, arts, worded_only=True)


@lru_cache(maxsize=4096)
def _claim_percents(claim_text: str) -> tuple[Share, ...]:
    """The percentages of a claim as shares, read once per claim: the checks run on a claim
    once for each set of articles it is checked against."""
    return tuple(_percents(claim_text))


def _supported(claim: Share, arts: Sequence[IndexedArticle], worded_only: bool = False) -> bool:
    """Whether a share of the cited articles overlaps ``claim`` (with ``worded_only``, a
    share in words or counts: a percentage against a percentage is the figures check's,
    exact)."""
    # read whole articles, once each (cached): a wrong figure must not make every sentence
    # of the cited articles be read again
    return any(
        claim.overlaps(e)
        for a in arts
        for e in (_not_percentages(a.text) if worded_only else _stated(a.text, claim.unit))
    )


def _stated(text: str, unit: str) -> tuple[Share, ...]:
    """The shares (``unit`` "") or lengths of time ("day") ``text`` states."""
    return durations(text) if unit else shares(text)


def share_findings(
    text: str,
    names: Sequence[str],
    arts: Sequence[IndexedArticle],
    chosen: Sequence[Window],
) -> Iterator[tuple[str, str, list[Span]]]:
    """The figures check for the claim's shares and lengths of time in words (:func:`worded`):
    (check, reason, spans) of each one the cited articles contradict or lack (see the
    module docstring)."""
    cited = "".join(f"[{a.id}]" for a in arts)
    for s in worded(text):
        # the evidence's share of what the claim's counts ("of respondents") decides; else
        # a share anywhere in the cited articles supports a share (a length of time only
        # one of what it measures: "up to a week" is no "six hours" of loading)
        if not s.unit and _of_two_figures(text, s, arts):
            continue  # "about 230 trains ran, roughly one in five" of "230 of ... 1,150 trains"
        placed = list(_placed_shares(s.unit, _context(text, s, names), arts, chosen))
        if any(s.overlaps(e) for e, _, _ in placed):
            continue
        headed = [p for p in placed if p[2]]
        if not headed and not s.unit and _supported(s, arts):
            continue
        span = [Span(where="claim", start=s.start, end=s.end)]
        if placed:
            e, art, _ = (headed or placed)[0]
            yield (
                "figures",
                f'the claim says "{s.text}"; the evidence says "{e.text}" in [{art.id}]',
                span,
            )
            continue
        if s.numbered:
            for q in checks.quantities(s.text):
                if not any(a.holds(q) for a in arts):
                    yield "figures", f'number "{q.text}" not found in {cited}', span


_YEAR = re.compile(r"1[89]\d\d|20\d\d")


def _of_two_figures(text: str, s: Share, arts: Sequence[IndexedArticle]) -> bool:
    """Whether the claim's share in words ``s`` is a figure the claim writes over another
    of its kind that one sentence of the cited articles writes beside it, or that other
    over the claim's ("only about 230 trains ran, roughly one in five of the usual service"
    where it says "only about 230 of the usual 1,150 trains ran"; "about 41 million birds,
    roughly a third of them laying hens" where it says "about 41 million poultry, of which
    around 14 million are laying hens"): the smaller over the larger, in the share's
    interval. The two figures placed together in one sentence decide, before any share of
    the articles read by its words."""
    mine = [
        q
        for q in checks.quantities(without_phrases(text))
        if q.unit not in ("%", "ord") and q.value > 0 and not _YEAR.fullmatch(q.text)
    ]
    for q in mine:
        for art in arts:
            for x in art.sentences:
                if len(x.quantities) < 2:
                    continue
                for p in (p for p in x.quantities if q.matches(p)):
                    for o in x.quantities:  # of the kind the sentence writes the claim's with
                        if o.unit != p.unit or o.value == p.value or _YEAR.fullmatch(o.text):
                            continue
                        small, large = sorted((o.value, p.value))
                        if s.low - _EPS <= small / large <= s.high + _EPS:
                            return True
    return False


_COUNTED_WORDS = 3


def _clause_of(text: str, at: int) -> tuple[int, int]:
    return next(
        ((c.start, c.end) for c in checks.clauses(text) if c.start <= at < c.end), (0, len(text))
    )


def _counted(text: str, s: Share, end: int) -> list[str]:
    """Content stems of the first words after the share in its clause (``end``): what it
    is a share of ("nine in ten *members*", "a third of *the world's new capacity*")."""
    return content_stems(text[s.end : end])[:_COUNTED_WORDS]


def _context(text: str, s: Share, names: Sequence[str]) -> tuple[str, frozenset[str]]:
    """What the claim's share ``s`` is a share of: the first content word after it in its
    clause (its head, "" at the clause's end or for a length of time, which follows what
    it measures: "delays of up to a week"), and the content stems of that clause, its own
    words and the claim's names left out."""
    a, b = _clause_of(text, s.start)
    counted = _counted(text, s, b) if not s.unit else []
    own = set(content_stems(s.text)) | {x for n in names for x in content_stems(n)}
    return (counted[0] if counted else ""), frozenset(content_stems(text[a:b])) - own


def _placed_shares(
    unit: str,
    context: tuple[str, frozenset[str]],
    arts: Sequence[IndexedArticle],
    chosen: Sequence[Window],
) -> Iterator[tuple[Share, IndexedArticle, bool]]:
    """The shares (or lengths of time, ``unit`` "day") of the evidence (the window first)
    said of what the claim's is said of: the evidence's figures for the same thing, each
    with whether it counts what the claim's counts (its head).

    When the claim names what its share counts (its head), the evidence's share must name
    that word among the first words after it ("about a third of the world's new capacity"
    for "about half of the world's new capacity"; not "a third of the port's traffic" for
    "seven in ten dockers at the port"); else, or when the evidence's share ends its
    clause, the two clauses must share a word, as a figure's context is read
    (:func:`.hard._placed`). A percentage counts only as a share of something ("33% of
    capacity"), not as a change ("capacity grew 12%")."""
    head, clause_words = context
    if not head and not clause_words:
        return
    order = [(art, art.sentences[f : t + 1]) for art, f, t, _ in chosen]
    order += [(art, art.sentences) for art in arts]
    for art, sents in order:
        for sent in sents:
            found = [e for e in _stated(sent.text, unit) if e.of]
            if not found or (clause_words.isdisjoint(sent.stems) and head not in sent.stems):
                continue
            text = sent.text
            for e in found:
                a, b = _clause_of(text, e.start)
                counted = _counted(text, e, b) if not unit else []
                if head and counted:
                    if head in counted:
                        yield e, art, True
                elif not clause_words.isdisjoint(content_stems(text[a:b])):
                    yield e, art, False
