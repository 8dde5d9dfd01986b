"""Figures a claim restates rather than copies: approximate, a change, a count of names.

A claim's figure that the cited articles do not write is not always a wrong one. Briefs
restate the source's "about 12,900 hectares" as "nearly 13,000 hectares", "26 months" as
"just over two years", "rises from 40 to 55 euros" as "goes up by 15 euros", and "the
branch libraries in Eastfield and Corran Road" as "the two branches". Each is read here
against the sentences of the evidence window only (what the claim was matched to: a figure
is restated from where the claim's words are, and a wrong figure must not make every
sentence of an article be read):

- **approximate**: a figure after an approximator ("about", "nearly", "just over", "more
  than"; the list of :mod:`.proportions`) holds when a window figure of a compatible unit
  is in its interval. The tolerance is ``t = min(half a unit of the figure's last non-zero
  digit, 5% of it)`` ("13,000": 500; "20": 1; "4,200": 50): "about" is ``X ± 1.5 t``,
  "nearly" ``[X - 1.5 t, X]``, "just over" ``[X, X + 1.5 t]``, "more than" ``[X, X + 10 t]``
  and "less than", "up to" ``[X - 10 t, X]`` (a bound says the figure is near it, not
  anywhere beyond). A length of time ("just over two years") is read as
  :mod:`.proportions` reads one, in days in any unit ("26 months"), unless the window
  sentence the claim copies most writes another figure in the claim's unit ("about three
  weeks" for the claim's "about five weeks"): that is the figure restated, and changed.
- **one unit in words**: a plain length of time ("for ten years", "two weeks") that is
  exactly one unit a window sentence writes in words after a preposition ("for a decade",
  "within a fortnight"), in days.
- **converted**: a figure in another unit of its dimension ("about 35 kilometres" where
  the window says "22 miles"; the pairs and factors are data, ``conversions`` in
  ``quantities.json``) holds when the window figure converted overlaps its interval; a
  figure with no approximator is read as "about" (a conversion is rounded).
- **change**: a figure after a word of change ("up by 15 euros", "fell 3", "a cut of 7
  cents") holds when two figures of one window sentence, of compatible units, differ by
  it ("from 40 to 55 euros", "0.45 euros, up from 0.38"); "cents" and "pence" are
  hundredths. When both say which way, they must agree: the earlier figure is the one
  after "from", else the first written. When the claim names where the change starts or
  ends ("by four, from the nine deaths", "by 35, to 120"; a word of change may then stand
  words before "by"), only a window figure it leads to from there holds it: the difference
  of two other figures is another change. A change in percent is relative to the earlier
  figure, to the claim's precision ("rose 13%" from 0.46 to 0.52 euros); a change in
  percentage points is the difference of two percentages ("up 3 points" from 12% to 15%).
- **arithmetic**: a figure next to a cue of arithmetic is the result of two other figures
  of compatible units, both stated in the claim (and held by the cited articles) or,
  failing that, one stated in the claim and one of the window: a difference ("16 km/h
  over" 96 and 80, "a saving of 18", "two degrees above", "16 more than on a normal day"
  for 41 and a window's 25; a figure of the claim's compared with one of the window must
  be the larger for "more" and the smaller for "less"), a ratio ("about five times" 61%
  and 12%), or a relative change, of the larger for a fall and of the smaller for a rise
  ("about a third fewer" 11,240 than 16,900, "25% less", "up 40%"). A comparative before
  "than" ("14 weeks longer than", "16 million larger than") is a difference, of lengths of
  time too; its other figure may be the lead sentence's (what the story is about: "a 38
  million fine"), on the side the comparative says. The result is read in
  the claim's approximator's interval, for a share in words as :mod:`.proportions` reads
  one; without one a difference is exact, a ratio or a change in percent to the claim's
  rounding. The cues are data (``arithmetic`` in ``restatements.json``).
- **of the cited articles**: a difference with a cue ("an increase of nine", "14 degrees
  colder than") whose other figure is in no window sentence may be in any sentence of the
  cited articles, in the same unit (a bare number of the claim takes the unit the window
  writes it with: "23" for "23 people"; "minus 38 degrees" is negative); a claim figure
  with a unit may be the gap of two such figures of the articles, one in the window.
  Percentage points are the gap of two percentages ("five percentage points less than").
- **a share of the claim's own figures**: a percentage of the figure written right after
  it ("under 2% of the 9,500-hectare forest" where it says "about 140 hectares"), or the
  figure a share comes to ("10% of its £310 million turnover, or about £31 million"; the
  cues are data, ``comes_to``), both figures it is computed from held by the cited articles.
- **in words, or between two times**: points a window sentence writes in words ("0.25
  percentage points" for "a quarter of a percentage point"); minutes or hours ("took 14
  minutes") that are the time between two times of day of one window sentence ("at 3.12am
  ... until 3.26am"; past midnight too), in the claim's approximator's interval.
- **the end of a change**: the "B" of a claim's "from A to about B" that is A changed by a
  figure a window sentence gives as the change ("would add about £9"), its way.
- **a span of months**: a length in years or months ("about two and a half years", "29
  months") that is the time between two months of one window sentence ("between March
  2023 and August 2025"; "from May to August 2027", the first month in the last one's
  year or the year before), to the claim's rounding (a half unit when it writes a half).
- **derived, with a cue**: a total ("62 people on board", "a total of", "in all") of two
  or more figures of one kind a window sentence lists ("58 passengers and four crew"); a
  remainder ("that leaves ... about £9 million", "the rest", "still needs") of two figures
  of the claim's unit, one in the window or beside it, the other in a sentence of the cited
  articles about the claim's subject (a change, "£21 million, up from £14 million", is no
  whole and its part); a gap ("fell 11 seats short", "18 more owners") of two bare counts
  of the noun the claim counts ("20 of the 61 seats"; "homeowners" count owners); the
  earlier figure of a change in percent undone ("roughly 13,000 samples in 2024" for
  "14,200 samples, up 9% on 2024"), only after an approximator and with the earlier time
  named; two times of day joined ("between 5.15am and 9.40am") placed where one cited
  sentence writes both, in that order. Each result to the claim's approximator, else exact.
  The cues are data (``totals`` and ``remainder`` in ``restatements.json``).
- **the rest of a whole**: "four of whom did not" of a whole the claim writes, where one
  cited sentence writes the whole and the part that did ("23 ... 19 of whom received").
- **one more**: a count ("reached five schools") holds when a window sentence names one
  of what it counts and that many less "more" or "other" ("began at a primary school,
  spread to four more schools").
- **direction**: a claim's "from A to B" is wrong where a window sentence writes the same
  two figures the other way, "from B to A" or "to A from B" (:func:`reversed_change`).
- **count of names**: a number word ("two", "three") whose next words name what it counts
  ("the two closing *branches*") holds when a window sentence that writes that word lists
  exactly that many names ("the branch libraries in Eastfield and Corran Road"), or lists
  that many one-word items right beside the word it counts ("the eastern and central
  districts", "the surcharges on the Europe and transpacific routes").

Everything here is read from the text by rule, the same in any process.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from . import checks, proportions
from .lexicon import alternation, content_stems, data_json, stem

if TYPE_CHECKING:
    from .sentences import IndexedArticle, IndexedSentence, Window

__all__ = ["CHANGE_WORDS", "figure_restated", "one_more", "reversed_change"]

_R = data_json("restatements.json")
_P = data_json("proportions.json")
_KIND_OF: dict[str, str] = {
    " ".join(cue.split()): kind for kind, cues in _P["approximators"].items() for cue in cues
}
_UP = frozenset(_R["change_up"])
_DOWN = frozenset(_R["change_down"])
#: The words of change, up and down ("rose", "falling", "cut").
CHANGE_WORDS = _UP | _DOWN
_HUNDREDTHS = frozenset(_R["hundredths"])
_COUNTS: dict[str, int] = _R["count_words"]
_ARITHMETIC = _R["arithmetic"]
_FRACTIONS: dict[str, float] = _P["fractions"]


_APPROX_BEFORE = re.compile(rf"\b({alternation(list(_KIND_OF))})\s+\S*$", re.IGNORECASE)
# a change word, then "by" or "of" or nothing, right before the figure
_CHANGE_BEFORE = re.compile(
    rf"\b({alternation(sorted(_UP | _DOWN))})\s+(?:(?:by|of)\s+)?(?:an?\s+)?"
    rf"(?:(?:{alternation(list(_KIND_OF))})\s+)?\S*$",
    re.IGNORECASE,
)
# a change word right after the figure: "15 euros more", "7 cents lower"
_CHANGE_AFTER = re.compile(rf"\s*({alternation(sorted(_UP | _DOWN))})\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")
_THAN = re.compile(r"\s+than\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+\S*$", re.IGNORECASE)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_BY_BEFORE = re.compile(r"\bby\s+\S*$", re.IGNORECASE)
# "from" or "to" after a change's figure, in its clause: "by four on Thursday, from the nine"
_NAMED_END = re.compile(r"[^.;:]{0,30}?\b(from|to)\s+(?:the\s+|a\s+total\s+of\s+)?", re.IGNORECASE)
_DURATION_UNITS = frozenset({"hour", "day", "week", "month", "year"})
_POINTS = ("pp", "pt")  # the units of "3 percentage points"
# a list of names: capitalised words joined by commas and a last "and" ("Eastfield and
# Corran Road", "Oslo, Bergen and Tromsø")
_CAP = r"[A-Z][\w'’.-]*"
_NAME = rf"{_CAP}(?:\s+{_CAP})*"
_NAME_LIST = re.compile(rf"(?<![\w'’-])({_NAME}(?:,\s+{_NAME})*),?\s+and\s+({_NAME})\b")
_COUNTED_WORDS = 3
# a count's own list of names right after it: "two of the works, Ashby and Millford"
_NAMES_AFTER = re.compile(
    rf"(?:\s+[a-z][\w'’-]*){{1,4}},?\s+({_NAME}(?:,\s+{_NAME})*),?\s+and\s+({_NAME})\b"
)
_SPREAD = 1.5
_BOUND_SPREAD = 10.0
# the cue of a figure computed from two others, next to it: "a saving of 18", "16 km/h over
# the limit", "70 million less than", "about five times the 12%" (a unit's tail or one word
# may stand between the figure and the cue after it)
_DIFFERENCE_BEFORE = re.compile(
    rf"\b(?:{alternation(_ARITHMETIC['difference_before'])})\s+(?:an?\s+)?\S*$", re.IGNORECASE
)
_AFTER = r"(?:/\w+)?\s+(?:[a-z]+\s+)?"
_DIFFERENCE_AFTER = re.compile(
    rf"{_AFTER}({alternation([*_ARITHMETIC['difference_after'], *sorted(_UP | _DOWN)])})\b",
    re.IGNORECASE,
)
# a comparative after the figure, before "than": "14 weeks longer than", "€16 million larger
# than" (a difference, of lengths of time too)
_LARGER = frozenset(_ARITHMETIC["comparative_up"])
_COMPARATIVE = _LARGER | frozenset(_ARITHMETIC["comparative_down"])
_COMPARATIVE_AFTER = re.compile(
    rf"{_AFTER}({alternation(sorted(_COMPARATIVE))})\s+than\b", re.IGNORECASE
)
_RATIO_AFTER = re.compile(rf"\s+(?:{alternation(_ARITHMETIC['ratio_after'])})\b", re.IGNORECASE)
_ONE_BEFORE = re.compile(r"\b(?:a|one)\s+$", re.IGNORECASE)
#: the widest a share in words ("a third") is rounded, either side, as :mod:`.proportions`
_WORDED_ROUNDING = 0.035


def figure_restated(
    claim_text: str,
    q: checks.Quantity,
    chosen: Sequence[Window],
    cited: Sequence[IndexedArticle] = (),
) -> bool:
    """Whether the claim's figure ``q``, which the cited articles do not write, restates
    a figure of the evidence window: approximately, as a change, or as a count of the
    names it lists (see the module docstring). ``cited``: the cited articles, where a
    figure the claim compares with may be named outside the window."""
    if not chosen:
        return False
    at = _find(claim_text, q.text)
    if at < 0:
        return False
    before = claim_text[max(0, at - 40) : at]
    window = [x for art, f, t, _ in chosen for x in art.sentences[f : t + 1]]
    if (
        q.unit in _DURATION_UNITS
        and not _copied_says_otherwise(claim_text, q, window)
        and _duration_restated(claim_text, at, chosen)
    ):
        return True
    approx = _APPROX_BEFORE.search(before)
    if q.unit in _DURATION_UNITS and approx is None and _length_in_words(claim_text, at, window):
        return True
    if approx is not None and q.unit not in _DURATION_UNITS and q.unit != "ord":
        kind = _KIND_OF.get(" ".join(approx.group(1).lower().split()), "")
        if _approximately(q, kind, window):
            return True
    if q.unit in _CONVERSIONS:
        kind = _KIND_OF.get(" ".join(approx.group(1).lower().split()), "") if approx else ""
        if _converted(q, kind or "around", window):
            return True
    change = _CHANGE_BEFORE.search(before)
    if _change_restated(claim_text, at, q, before, change, window):
        return True
    kind = _KIND_OF.get(" ".join(approx.group(1).lower().split()), "") if approx else ""
    if _arithmetic_restated(claim_text, at, q, (before, kind, change), chosen, window, cited):
        return True
    if q.unit in _POINTS and _point_worded(q, window):
        return True
    if _share_of_restated(claim_text, at, q, kind, [*(a for a, *_ in chosen), *cited]):
        return True
    if _span_restated(claim_text, at, q, kind, window):
        return True
    if _end_restated(claim_text, at, q, kind, window):
        return True
    if _elapsed(claim_text, at, q, kind, window):
        return True
    if _first_restated(claim_text, at, q, window):
        return True
    if _days_between(claim_text, at, q, kind):
        return True
    if _derived(claim_text, at, q, kind, chosen, window, cited):
        return True
    if _complement(claim_text, at, q, kind, cited):
        return True
    if _times_together(claim_text, at, q, cited):
        return True
    if kind and _undone(claim_text, at, q, kind, window):
        return True
    return _count_restated(claim_text, at, q, window) or _one_more_restated(
        claim_text, at, q, window
    )


# "2% of the 9,500-hectare forest": a percentage of the figure right after it (a few words
# may stand between: "10% of its £310 million turnover")
_PERCENT_OF = re.compile(r"\s+of\s+(?:[a-z][\w'’-]*\s+){0,2}", re.IGNORECASE)
# "10% of its £310 million turnover, or about ": the share, then the figure it comes to
_SHARE_THEN = re.compile(
    rf"(\d+(?:\.\d+)?)\s?%\s+of\s+(?:[a-z][\w'’-]*\s+){{0,2}}(\S+(?:\s+(?:million|billion))?)"
    rf"[^.;:]{{0,40}}?,?\s+(?:{alternation(_R['comes_to'])})\s+"
    rf"(?:(?:{alternation(list(_KIND_OF))})\s+)?$",
    re.IGNORECASE,
)


def _share_of_restated(
    claim_text: str, at: int, q: checks.Quantity, kind: str, arts: Sequence[IndexedArticle]
) -> bool:
    """A share the claim computes from two of its own figures (each held or not by the
    figures check on its own): "under 2% of the 9,500-hectare forest" where it says "about
    140 hectares" (140 of 9,500 is 1.5%), or the figure a share of one comes to: "up to 10%
    of its £310 million turnover, or about £31 million". The share and the figure it is of
    are written together, the third figure in the unit of the whole, and the two it is
    computed from are held by the cited articles ``arts`` (a share and its result both
    made up agree with each other); the result is read in the claim's approximator's
    interval, else to its rounding."""
    end = at + len(q.text)
    if q.unit == "%":
        of = _PERCENT_OF.match(claim_text, end)
        if of is None:
            return False  # most percentages are of nothing the claim writes as a figure
        mine = [o for o in _figures(claim_text) if not _YEAR.fullmatch(o.text)]
        whole = next((o for o in mine if claim_text.startswith(o.text, of.end())), None)
        if whole is None or not whole.value:
            return False
        low, high = _interval(q.value, kind) if kind else _rounded(q.value)
        eps = 1e-9 * max(1.0, abs(high))
        return any(
            o is not whole
            and o.unit == whole.unit
            and o.value < whole.value
            and low - eps <= 100 * o.value / whole.value <= high + eps
            and _held(o, arts)
            and _held(whole, arts)
            for o in mine
        )
    if not q.unit or "%" not in claim_text[max(0, at - 120) : at]:
        return False
    m = _SHARE_THEN.search(claim_text, max(0, at - 120), at)
    if m is None:
        return False
    wholes = checks.quantities(m.group(2))
    if len(wholes) != 1 or wholes[0].unit != q.unit:
        return False
    low, high = _interval(q.value, kind) if kind else _rounded(q.value)
    eps = 1e-9 * max(1.0, abs(high))
    share = checks.Quantity(value=float(m.group(1)), unit="%", text=m.group(1) + "%")
    result = share.value / 100 * wholes[0].value
    return low - eps <= result <= high + eps and _held(share, arts) and _held(wholes[0], arts)


def _held(o: checks.Quantity, arts: Sequence[IndexedArticle]) -> bool:
    """Whether one of ``arts`` writes the figure ``o``."""
    return any(a.holds(o) for a in arts)


def _rounded(x: float) -> tuple[float, float]:
    """The values a figure written without an approximator stands for, to its rounding."""
    t = _tolerance(x)
    return x - t, x + t


# "the first estimate" is the window's "earlier estimate": the first of two, where the
# window gives the later one too (the words are data, ``first_as`` in ``restatements.json``)
_FIRST_AS = re.compile(rf"\b(?:{alternation(_R['first_as'])})\s+(\w+)", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(\w+)")


def _first_restated(
    claim_text: str, at: int, q: checks.Quantity, window: list[IndexedSentence]
) -> bool:
    """Whether the claim's "first" before a noun ("the board's first estimate") is a window
    sentence's "earlier", "initial" or "original" before the same noun."""
    if q.unit != "ord" or q.value != 1 or q.text.lower() != "first":
        return False
    noun = _NOUN_AFTER.match(claim_text, at + len(q.text))
    if noun is None:
        return False
    want = stem(noun.group(1).lower())
    return any(stem(m.group(1).lower()) == want for x in window for m in _FIRST_AS.finditer(x.text))


# a share of a point in words: "a quarter of a percentage point", "half a point", "three
# quarters of a point"
_POINT_WORDS = re.compile(
    r"\b(a|one|three)?\s*(quarter|quarters|half)\s+(?:of\s+)?an?\s+(?:percentage\s+)?point\b",
    re.IGNORECASE,
)


def _point_worded(q: checks.Quantity, window: list[IndexedSentence]) -> bool:
    """Whether a window sentence writes the claim's points in words ("0.25 percentage
    points" where it says "a quarter of a percentage point")."""
    for x in window:
        if "point" not in x.lower:
            continue
        for m in _POINT_WORDS.finditer(x.text):
            part = 0.5 if m.group(2).lower() == "half" else 0.25
            value = part * (3 if (m.group(1) or "").lower() == "three" else 1)
            if math.isclose(value, q.value):
                return True
    return False


# "from £448 to about ": the start of the change whose end is the figure after it
_FROM_TO_BEFORE = re.compile(
    r"\bfrom\s+(\S+(?:\s+(?:million|billion))?)(?:\s+[a-z]+)?\s+to\s+(?:\w+\s+)?$", re.I
)


def _end_restated(
    claim_text: str, at: int, q: checks.Quantity, kind: str, window: list[IndexedSentence]
) -> bool:
    """Whether the end of the claim's "from A to B" is A changed by a figure a window
    sentence gives as the change ("from £448 to about £457" where it says the plan "would
    add about £9" to the bill), the way the window's word of change says."""
    m = _FROM_TO_BEFORE.search(claim_text, max(0, at - 60), at)
    if m is None:
        return False
    start = checks.quantities(m.group(1))
    if len(start) != 1 or not _compatible(q, start[0]):
        return False
    a = start[0]
    low, high = _interval(q.value, kind)
    for x in window:
        for o in x.quantities:
            if o.unit and q.unit and o.unit != q.unit:
                continue
            i = x.text.find(o.text)
            cue = _CHANGE_BEFORE.search(x.text[max(0, i - 40) : i]) if i >= 0 else None
            if cue is None:
                continue
            way = _direction([cue.group(1).lower()])
            if not way:
                continue
            c_low, c_high = _interval(o.value, _approximator_of(x.text, o.text))
            # the end the window's change makes of the claim's start, against the claim's
            ends = sorted((a.value + way * c_low, a.value + way * c_high))
            if ends[0] - 1e-9 <= high and low <= ends[1] + 1e-9:
                return True
    return False


_MONTHS: list[str] = data_json("dates.json")["months"]
# each month's name and abbreviation -> its number in the year ("march", "mar": 2)
_MONTH_NUMBER = {m: [f[:3] for f in _MONTHS[:12]].index(m[:3]) for m in _MONTHS}
# a month and its year: "March 2023"
_MONTH_YEAR = re.compile(rf"\b({alternation(_MONTHS)})\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# the length a claim writes in years or months, with its half: "two and a half years"
_LENGTH_AT = re.compile(r"(?:\s+and\s+an?\s+(half))?\s+(years?|months?)\b", re.IGNORECASE)


# a day of a month, either way round: "July 30", "30 July", "August 11th" (a year after it
# is read too)
_DAY_OF_MONTH = re.compile(
    rf"\b(?:({alternation(_MONTHS)})\.?\s+(\d{{1,2}})|(\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"({alternation(_MONTHS)}))\b(?:(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b)?",
    re.IGNORECASE,
)
# what a length of days before or after a day says it is between: "12 days before ... on
# August 11", "two weeks after July 30"
_BETWEEN_AFTER = re.compile(r"\s+(?:before|after|earlier|later|ahead\s+of|since|until)\b", re.I)
_DAYS_IN = {"day": 1, "week": 7}


def _days_between(claim_text: str, at: int, q: checks.Quantity, kind: str) -> bool:
    """Whether the claim's "12 days before" (or "two weeks after") is the time between two
    days of a month the claim writes itself ("on July 30, 12 days before results were
    published on August 11"), to its approximator: the dates check holds each day."""
    if q.unit not in _DAYS_IN or not _BETWEEN_AFTER.match(claim_text, at + len(q.text)):
        return False
    days = []
    for m in _DAY_OF_MONTH.finditer(claim_text):
        month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        try:
            days.append(date(int(m.group(5) or 2001), _MONTH_NUMBER[month.lower()] + 1, int(day)))
        except (KeyError, ValueError):
            continue  # "February 30": no day to count from
    low, high = _interval(q.value * _DAYS_IN[q.unit], kind)
    return any(low <= abs((a - b).days) <= high for a, b in itertools.combinations(days, 2))


def _span_restated(
    claim_text: str, at: int, q: checks.Quantity, kind: str, window: list[IndexedSentence]
) -> bool:
    """Whether a length in years or months ("about two and a half years", "18 months") is
    the time between two months of one window sentence ("between March 2023 and August
    2025"), to the claim's rounding: a half unit when it writes a half, else the unit."""
    if q.unit in ("year", "month"):
        unit, value, half = q.unit, q.value, False
    else:
        m = _LENGTH_AT.match(claim_text, at + len(q.text))
        if q.unit or m is None or not m.group(1):
            return False
        unit, value, half = m.group(2).lower().rstrip("s"), q.value + 0.5, True
    months = value * (12 if unit == "year" else 1)
    t = (12 if unit == "year" else 1) * (0.25 if half else 0.5)
    spread = _SPREAD if kind else 1.0
    low, high = months - spread * t, months + spread * t
    for x in window:
        found = [
            int(y) * 12 + _MONTH_NUMBER[m.lower()]
            for m, y in _MONTH_YEAR.findall(x.text)
            if m.lower() in _MONTH_NUMBER
        ]
        if any(low <= abs(b - a) <= high for a, b in itertools.combinations(found, 2)):
            return True
        if any(low <= b - a <= high for a, b in _month_ranges(x.text)):
            return True
    return False


# "from May to August 2027", "between May and August 2027": a month whose year is the next's
_MONTH_RANGE = re.compile(
    rf"\b(?:from|between)\s+({alternation(_MONTHS)})\s+(?:to|and|until)\s+"
    rf"({alternation(_MONTHS)})\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _month_ranges(text: str) -> list[tuple[int, int]]:
    """(first, last) months, counted from year 0, of each range of ``text`` whose first
    month takes its year from the last ("move completion from May to August 2027"; from
    November to February 2027 starts in 2026)."""
    out = []
    for m in _MONTH_RANGE.finditer(text):
        a, b = (_MONTH_NUMBER.get(g.lower()) for g in m.group(1, 2))
        if a is None or b is None:
            continue
        last = int(m.group(3)) * 12 + b
        out.append((last - (b - a) % 12, last))
    return out


# a time of day: "3.12am", "9.40 pm", "14:05"
_CLOCK = re.compile(r"\b(\d{1,2})[.:](\d{2})\s*([ap]\.?m\b\.?)?", re.IGNORECASE)
_DAY_MINUTES = 24 * 60
_MINUTES_AFTER = re.compile(r"\s+minutes?\b", re.IGNORECASE)


def _elapsed(
    claim_text: str, at: int, q: checks.Quantity, kind: str, window: list[IndexedSentence]
) -> bool:
    """Whether the claim's minutes or hours ("took 14 minutes") are the time between two
    times of day of one window sentence ("went off at 3.12am ... until 3.26am"), exactly
    or in the claim's approximator's interval."""
    if q.unit == "hour":
        minutes = q.value * 60
    elif not q.unit and _MINUTES_AFTER.match(claim_text, at + len(q.text)):
        minutes = q.value
    else:
        return False
    low, high = _interval(minutes, kind)
    if q.unit == "hour" and kind:
        low, high = (v * 60 for v in _interval(q.value, kind))
    for x in window:
        times = [t for m in _CLOCK.finditer(x.text) if (t := _clock_minutes(m)) is not None]
        for a, b in itertools.combinations(times, 2):
            if low - 1e-9 <= (b - a) % _DAY_MINUTES <= high + 1e-9:
                return True
    return False


def _clock_minutes(m: re.Match[str]) -> int | None:
    """Minutes after midnight of a time of day, None when it is no time of day."""
    hours, minutes = int(m.group(1)), int(m.group(2))
    half = (m.group(3) or "").lower()[:1]
    if minutes >= 60 or hours > 23 or (half and not 1 <= hours <= 12):
        return None
    if not half and "." in m.group(0):
        return None  # "2.45" with no am or pm is a figure, not a time
    if half == "p" and hours != 12:
        hours += 12
    elif half == "a" and hours == 12:
        hours = 0
    return hours * 60 + minutes


def _find(text: str, figure: str) -> int:
    """Where ``figure`` is written in ``text`` as a figure of its own (not the end of
    another: "70 million" in "270 million, 70 million less"), -1 if nowhere."""
    at = text.find(figure)
    while at > 0 and (text[at - 1].isdigit() or text[at - 1] in ".,"):
        at = text.find(figure, at + 1)
    return at


def _conversions() -> dict[str, dict[str, tuple[float, float]]]:
    """Each unit's figure in the other units of its dimension: (scale, offset), both ways."""
    out: dict[str, dict[str, tuple[float, float]]] = {}
    for a, b, scale, offset in checks.CONVERSIONS:
        out.setdefault(a, {})[b] = (scale, offset)
        out.setdefault(b, {})[a] = (1 / scale, -offset / scale)
    return out


_CONVERSIONS = _conversions()


def _converted(q: checks.Quantity, kind: str, window: list[IndexedSentence]) -> bool:
    """A window figure in another unit of the claim's dimension ("22 miles" for "about 35
    kilometres") whose value converted overlaps the claim figure's interval: a converted
    figure is rounded, so a plain one is read as "about"."""
    low, high = _interval(q.value, kind)
    eps = 1e-9 * max(1.0, abs(q.value))
    for x in window:
        for o in x.quantities:
            into = _CONVERSIONS.get(o.unit, {}).get(q.unit)
            if into is None:
                continue
            scale, offset = into
            a, b = _interval(o.value, _approximator_of(x.text, o.text))
            a, b = sorted((a * scale + offset, b * scale + offset))
            if low - eps <= b and a <= high + eps:
                return True
    return False


def _tolerance(x: float) -> float:
    """Half a unit of the last non-zero digit of ``x``, at most 5% of it."""
    x = abs(x)
    if x == 0:
        return 0.0
    digits = f"{x:.6f}".rstrip("0").rstrip(".")
    if "." in digits:
        unit = 10.0 ** -len(digits.split(".")[1])
    else:
        unit = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    return min(unit / 2, 0.05 * x)


def _interval(x: float, kind: str, t: float | None = None) -> tuple[float, float]:
    """The values ``x`` after an approximator of ``kind`` may stand for, at tolerance ``t``
    (:func:`_tolerance` unless given)."""
    if t is None:
        t = _tolerance(x)
    if kind == "around":
        return x - _SPREAD * t, x + _SPREAD * t
    if kind == "below":
        return x - _SPREAD * t, x
    if kind == "above":
        return x, x + _SPREAD * t
    if kind == "at_least":
        return x, x + _BOUND_SPREAD * t
    if kind == "at_most":
        return x - _BOUND_SPREAD * t, x
    return x, x


def _compatible(q: checks.Quantity, other: checks.Quantity) -> bool:
    """Whether ``other`` is in a unit the claim's ``q`` may restate (its value aside)."""
    return q.matches(checks.Quantity(value=q.value, unit=other.unit, text=other.text))


def _approximately(q: checks.Quantity, kind: str, window: list[IndexedSentence]) -> bool:
    """A window figure in the interval of the claim's ``q`` after an approximator of
    ``kind``; a figure the evidence writes after an approximator of its own is read as its
    interval too, and two bounds the same way ("over 40", "more than 50") must be one."""
    if not kind:
        return False
    low, high = _interval(q.value, kind)
    eps = 1e-9 * max(1.0, abs(q.value))
    for x in window:
        for o in x.quantities:
            if not _compatible(q, o):
                continue
            theirs = _approximator_of(x.text, o.text)
            if theirs in _BOUNDS and theirs == kind:
                continue  # "more than 50" is no "over 40": bounds compare at their figures
            a, b = _interval(o.value, theirs)
            if low - eps <= b and a <= high + eps:
                return True
    return False


_BOUNDS = frozenset({"at_least", "at_most"})


def _approximator_of(text: str, figure: str) -> str:
    """The kind of approximator written just before ``figure`` in ``text`` ("" if none)."""
    i = text.find(figure)
    if i < 0:
        return ""
    m = _APPROX_BEFORE.search(text[max(0, i - 40) : i])
    return _KIND_OF.get(" ".join(m.group(1).lower().split()), "") if m else ""


def _duration_restated(claim_text: str, at: int, chosen: Sequence[Window]) -> bool:
    """A length of time after an approximator ("just over two years"), against the window's
    lengths of time in any unit, as :mod:`.proportions` reads them."""
    claimed = next(
        (
            s
            for s in proportions.durations(claim_text)
            if s.start <= at < s.end and s.nominal != (s.low, s.high) and not s.bound
        ),
        None,
    )
    if claimed is None:
        return False
    return any(
        claimed.overlaps(e)
        for art, f, t, _ in chosen
        for x in art.sentences[f : t + 1]
        for e in proportions.durations(x.text)
    )


# a length of time a window sentence writes as one unit in words after a preposition: "for
# a decade", "within a fortnight" (no approximator: "nearly a decade" is no ten years)
_ONE_UNIT = re.compile(
    rf"^(?:{alternation(_P['duration_prepositions'])})\s+(?:a|an|one)\s+[a-z]+$", re.IGNORECASE
)


def _length_in_words(claim_text: str, at: int, window: list[IndexedSentence]) -> bool:
    """Whether the claim's plain length of time ("for ten years") is exactly one unit a
    window sentence writes in words after a preposition ("for a decade"; "within two
    weeks": "within a fortnight", a bound the same way), in days as :mod:`.proportions`
    reads them."""
    claimed = next(
        (s for s in proportions.durations(claim_text) if s.start <= at < s.end),
        None,
    )
    if claimed is None:
        return False
    days = sum(claimed.nominal) / 2
    return any(
        math.isclose(sum(e.nominal) / 2, days, rel_tol=1e-9) and e.bound == claimed.bound
        for x in window
        for e in proportions.durations(x.text)
        if _ONE_UNIT.match(e.text)
    )


def _copied_says_otherwise(
    claim_text: str, q: checks.Quantity, window: list[IndexedSentence]
) -> bool:
    """Whether the window sentence the claim copies most (most content words shared; the
    first of equals) writes another figure in the claim's unit of time: "about five weeks"
    where it says "about three weeks" is a changed figure, whatever else the article says."""
    mine = set(content_stems(claim_text))
    best: IndexedSentence | None = None
    shared = 0
    for x in window:
        n = len(mine & x.stems)
        if n > shared:
            best, shared = x, n
    if best is None:
        return False
    same_unit = [o for o in best.quantities if o.unit == q.unit]
    return bool(same_unit) and all(o.value != q.value for o in same_unit)


def _direction(words: Sequence[str]) -> int:
    """+1 for a rise, -1 for a fall, 0 when the words say neither or both."""
    up = any(w in _UP for w in words)
    down = any(w in _DOWN for w in words)
    return int(up) - int(down)


def _change_restated(
    claim_text: str,
    at: int,
    q: checks.Quantity,
    before: str,
    cue: re.Match[str] | None,
    window: list[IndexedSentence],
) -> bool:
    """``q`` after a word of change (``cue``, read before it, or one after it) is the
    difference of two figures of a window sentence."""
    end = at + len(q.text)
    after = _CHANGE_AFTER.match(claim_text, end)
    next_word = _WORD.match(claim_text, end + 1 if claim_text[end : end + 1] == " " else end)
    value = q.value
    if next_word is not None and next_word.group(0).lower() in _HUNDREDTHS and not q.unit:
        value = q.value / 100
        after = _CHANGE_AFTER.match(claim_text, next_word.end())
    if cue is None and after is None and _BY_BEFORE.search(before) is None:
        return False  # most figures are no change: the claim need not be read further
    named = _named_end(claim_text, end)
    if cue is None and after is None:
        if named is None:
            return False
        # "raised the number of stores it offered to sell by 35, to 120": the change word
        # stands words before "by"; the end named after the figure makes it a change
        way = _direction([w.lower() for w in _WORD.findall(_clause_before(claim_text, at))])
    else:
        way = _direction([m.group(1).lower() for m in (cue, after) if m is not None])
    if named is not None:
        return _change_from_named(q, value, way, named, window)
    if after is not None and _THAN.match(claim_text, after.end()):
        return False  # "16 more than on a normal day": a comparison (_arithmetic_restated)
    for x in window:
        # a change in percent is relative to figures that are no percentages; a change in
        # points is the difference of two percentages
        found = [o for o in x.quantities if _operand(q, o)]
        for i, a in enumerate(found):
            for b in found[i + 1 :]:
                if a.unit and b.unit and a.unit != b.unit:
                    continue
                change = b.value - a.value
                if _after_from(x.text, b.text, a.text):
                    a, b, change = b, a, -change  # "0.45 euros, up from 0.38": b is the earlier
                if not _same_change(q, value, a, b):
                    continue
                unit = a.unit or b.unit
                if q.unit not in ("%", *_POINTS) and q.unit and unit and q.unit != unit:
                    continue
                if way == 0 or (change > 0) == (way > 0):
                    return True
    return False


def _arithmetic_restated(
    claim_text: str,
    at: int,
    q: checks.Quantity,
    read: tuple[str, str, re.Match[str] | None],
    chosen: Sequence[Window],
    window: list[IndexedSentence],
    cited: Sequence[IndexedArticle] = (),
) -> bool:
    """``q``, next to a cue of arithmetic, is the difference, ratio or relative change of
    two figures the claim states (and the cited articles hold) or, failing that, of one
    it states and one of the window, to the claim's approximator (see the module
    docstring): "16 km/h over" 96 and 80, "a saving of 18" from 48 to 30, "about five
    times" 61% and 12%, "about a third fewer" 11,240 than 16,900."""
    end = at + len(q.text)
    relation, way, low, high = _arithmetic_cue(claim_text, end, q, *read)
    if not relation:
        return False  # most figures have no cue: the claim need not be read further
    mine = [o for o in _figures(claim_text) if o.text != q.text and not _YEAR.fullmatch(o.text)]
    arts = list({id(art): art for art, *_ in chosen}.values())
    if not mine:  # "14 degrees colder than": two figures of the articles
        if relation != "difference":
            return False
        return _difference_in_articles(q, 0, (low, high), mine, window, cited or arts)
    held: dict[str, bool] = {}

    def holds(o: checks.Quantity) -> bool:
        """Whether the cited articles hold the claim's figure ``o`` (read once, and only
        for a pair whose result is the claim's: most pairs are not)."""
        if o.text not in held:
            held[o.text] = any(o.matches(w) for x in window for w in x.quantities) or any(
                art.holds(o) for art in arts
            )
        return held[o.text]

    eps = 1e-9 * max(1.0, abs(low), abs(high))
    cue = _DIFFERENCE_AFTER.match(claim_text, end)
    # "£30,000 more than the £120,000 estimate": a figure after the "than" is the one the
    # claim's is compared with, so the other is the larger of a "more"
    than = cue is not None and _THAN.match(claim_text, cue.end()) is not None
    against = frozenset(o.text for o in mine if than and _find(claim_text, o.text) > at)
    for a, b in itertools.combinations(mine, 2):
        r = _result(relation, way, q, a, b)
        if r is not None and low - eps <= r <= high + eps and holds(a) and holds(b):
            return True
    # the other figure is the window's, or the lead's: what the story is about ("a €38
    # million fine"), which a claim compares with a figure of its own
    compared = _COMPARATIVE_AFTER.match(claim_text, end)
    leads = [art.sentences[0] for art in arts if art.sentences and compared is not None]
    larger = compared is not None and compared.group(1).lower() in _LARGER
    named = _comparand_sentences(claim_text, compared or _DIFFERENCE_AFTER.match(claim_text, end))
    if named:  # what the claim compares with, named: wherever a cited article names it
        leads = [*leads, *(x for art in cited or arts for x in art.sentences if named <= x.stems)]
    for a in mine:
        for x in (*window, *dict.fromkeys(x for x in leads if x not in window)):
            for b in x.quantities:
                if b.value == a.value or _YEAR.fullmatch(b.text):
                    continue
                w = -way if a.text in against else way
                if relation == "difference" and w and (a.value > b.value) != (w > 0):
                    continue  # "70 million less than": the claim's figure is the smaller
                after = compared is not None and _find(claim_text, a.text) > at
                if after and (b.value > a.value) != larger:
                    continue  # "16 million larger than ... a 22 million fine": it is 38
                r = _result(relation, way, q, a, b)
                if r is not None and low - eps <= r <= high + eps and holds(a):
                    return True
    if relation != "difference":
        return False
    bounds = (low - eps, high + eps)
    return _difference_in_articles(q, way, bounds, mine, window, cited or arts, against)


def _kind(o: checks.Quantity, window: list[IndexedSentence]) -> str:
    """The unit of the claim's figure ``o``: its own, else the one a window sentence writes
    the same figure with ("23" where it says "23 people"); "" for a bare number."""
    if o.unit:
        return o.unit
    return next((w.unit for x in window for w in x.quantities if w.unit and o.matches(w)), "")


def _signed(x: IndexedSentence, o: checks.Quantity) -> float:
    """The value of ``x``'s figure ``o``, negative after "minus" ("minus 38 degrees")."""
    i = x.text.find(o.text)
    return -o.value if i > 0 and _MINUS_BEFORE.search(x.text, max(0, i - 8), i) else o.value


_MINUS_BEFORE = re.compile(r"(?:\bminus\s+|[−-])$", re.IGNORECASE)


def _difference_in_articles(
    q: checks.Quantity,
    way: int,
    bounds: tuple[float, float],
    mine: list[checks.Quantity],
    window: list[IndexedSentence],
    arts: Sequence[IndexedArticle],
    against: frozenset[str] = frozenset(),
) -> bool:
    """A difference ("an increase of nine", "14 degrees colder than") whose other figure is
    written outside the window, in any sentence of the cited articles ``arts``, in the same
    unit: the claim's own figure of that unit (a bare number takes the unit the window
    writes it with: "23" for "23 people") against it, or, for a claim figure with a unit,
    two figures of that unit the articles write (one in the window). A bare number on both
    sides is too common to be read this far."""
    low, high = bounds
    units = {(a, k) for a in mine if (k := _kind(a, window)) and k not in ("ord", "magnitude")}
    if q.unit and q.unit not in ("%", *_POINTS, "ord", "magnitude", *_DURATION_UNITS):
        for x in window:
            for b in x.quantities:
                if b.unit == q.unit:
                    signed = checks.Quantity(value=_signed(x, b), unit=b.unit, text=b.text)
                    units.add((signed, q.unit))
    if not units:
        return False
    for art in arts:
        for x in art.sentences:
            for b in x.quantities:
                for a, unit in units:
                    if b.unit != unit or b.value == a.value or _YEAR.fullmatch(b.text):
                        continue
                    if q.unit and q.unit not in _POINTS and q.unit != unit:
                        continue
                    value = _signed(x, b)
                    w = -way if a.text in against else way  # "more than" the claim's
                    if w and a in mine and (a.value > value) != (w > 0):
                        continue  # "an increase of nine" to 23: the claim's figure is the later
                    if way and a not in mine and _wrong_side(value, a.value, way, mine, against):
                        continue  # the claim writes this figure too: its side is known
                    if low <= abs(a.value - value) <= high:
                        return True
    return False


def _wrong_side(
    value: float, other: float, way: int, mine: list[checks.Quantity], against: frozenset[str]
) -> bool:
    """Whether an article's figure ``value``, which the claim writes as well, is on the
    wrong side of ``other`` for the claim's word of change: the claim's figure is the later
    (the larger of a rise), or, written after "than", the one compared with."""
    m = next((o for o in mine if o.value == value), None)
    if m is None:
        return False
    w = -way if m.text in against else way
    return (value > other) != (w > 0)


#: Where the words naming what a claim compares its figure with end ("below Monday's record,").
_COMPARAND_END = re.compile(r"[,.;:!?]|\s(?:as|after|when|while|because|and|but)\s")
_COMPARAND_WORDS = 3


def _comparand_sentences(claim_text: str, cue: re.Match[str] | None) -> frozenset[str]:
    """The content stems of what the claim compares its figure with, named after the cue
    ("about 170 megawatts below *Monday's record*", "540 higher than *the first estimate*"):
    a sentence of the cited articles that writes them all may hold the other figure, in
    whatever window ("a record 14,820 megawatts on Monday"); its first few words. Empty when
    the cue names nothing."""
    if cue is None:
        return frozenset()
    stop = _COMPARAND_END.search(claim_text, cue.end())
    tail = claim_text[cue.end() : stop.start() if stop else len(claim_text)]
    return frozenset([s for s in content_stems(tail) if not s[:1].isdigit()][:_COMPARAND_WORDS])


@lru_cache(maxsize=1024)
def _figures(claim_text: str) -> tuple[checks.Quantity, ...]:
    """The claim's figures, as the figures check reads them."""
    return tuple(checks.quantities(proportions.without_phrases(claim_text)))


def _arithmetic_cue(
    claim_text: str,
    end: int,
    q: checks.Quantity,
    before: str,
    kind: str,
    change: re.Match[str] | None,
) -> tuple[str, int, float, float]:
    """(relation, direction, interval) that the cue next to ``q`` asks of two figures:
    "ratio" ("five times"), "relative" (a percentage or "a third" with a word of change),
    "difference" ("a saving of 18", "16 over", "70 million less"); ("", 0, 0, 0) for none.
    The interval is the approximator's, else the claim's rounding for a ratio or a share,
    else exact. ``kind`` is the approximator's before the figure, ``change`` the word of
    change there."""
    one = _ONE_BEFORE.search(before) if q.unit == "ord" else None
    if not q.unit and _RATIO_AFTER.match(claim_text, end):
        if kind:
            return ("ratio", 0, *_interval(q.value, kind))
        t = _tolerance(q.value)
        return "ratio", 0, q.value - t, q.value + t
    after = _DIFFERENCE_AFTER.match(claim_text, end)
    words = [m.group(1).lower() for m in (after, change) if m is not None]
    way = _direction(words)
    share = q.text.lower()
    if q.unit == "%" or (one is not None and share in _FRACTIONS):
        if not way:
            return "", 0, 0.0, 0.0
        if one is not None:  # "about a third": the approximator stands before the article
            m = _APPROX_BEFORE.search(before[: one.start()])
            kind = _KIND_OF.get(" ".join(m.group(1).lower().split()), "") if m else ""
        if q.unit == "%":
            v, t = q.value / 100, _tolerance(q.value) / 100
        else:
            v = _FRACTIONS[share]
            t = min(_WORDED_ROUNDING, v / 4)
        low, high = _interval(v, kind, t) if kind else (v - t, v + t)
        return "relative", way, low, high
    compared = _COMPARATIVE_AFTER.match(claim_text, end)
    if q.unit != "ord" and compared is not None:
        return ("difference", 0, *_interval(q.value, kind))  # which side is which: either
    if q.unit == "ord" or q.unit in _DURATION_UNITS:
        return "", 0, 0.0, 0.0
    if after is None and change is None and _DIFFERENCE_BEFORE.search(before) is None:
        return "", 0, 0.0, 0.0
    # points too: "16 percentage points above" is the gap of two percentages
    return ("difference", way, *_interval(q.value, kind))


def _result(
    relation: str, way: int, q: checks.Quantity, a: checks.Quantity, b: checks.Quantity
) -> float | None:
    """What ``relation`` makes of the figures ``a`` and ``b`` (None when their units do
    not allow it): a difference in the claim's unit, the larger over the smaller, or the
    change relative to the larger (a fall: "a third fewer") or the smaller (a rise)."""
    if a.unit and b.unit and a.unit != b.unit:
        return None
    if relation == "difference":
        if q.unit in _POINTS:  # percentage points are between percentages
            if q.unit == "pp" and (a.unit, b.unit) != ("%", "%"):
                return None
        elif q.unit and any(o.unit and o.unit != q.unit for o in (a, b)):
            return None
        return abs(a.value - b.value)
    small, large = sorted((a.value, b.value))
    if small <= 0 or small == large:
        return None
    if relation == "ratio":
        return large / small
    return (large - small) / (large if way < 0 else small)


def _named_end(claim_text: str, end: int) -> tuple[str, checks.Quantity] | None:
    """("from" or "to", the figure) when the claim names where its change starts or ends
    after the change's figure, in the same clause ("by four on Thursday, from the nine
    deaths", "by 35, to 120"; None when it names neither)."""
    m = _NAMED_END.match(claim_text, end)
    if m is None:
        return None
    rest = claim_text[m.end() : m.end() + 40]
    found = checks.quantities(rest)
    if not found or not rest.startswith(found[0].text):
        return None
    e = found[0]
    if e.unit in _DURATION_UNITS or _YEAR.fullmatch(e.text):
        return None  # "up by 35 from two weeks earlier", "from 2019": when, not how many
    return m.group(1).lower(), e


def _operand(q: checks.Quantity, o: checks.Quantity, end: checks.Quantity | None = None) -> bool:
    """Whether ``o`` may be a figure the change ``q`` is of: a change in percent is of
    figures that are no percentages, one in percentage points of percentages, and one in
    plain "points" of whatever its named end is ("by 37 points, to 2655": a rating; "3
    points to 15%": percentages)."""
    if q.unit == "pt":
        return end is None or (o.unit == "%") == (end.unit == "%")
    return (o.unit == "%") == (q.unit in _POINTS)


def _change_from_named(
    q: checks.Quantity,
    value: float,
    way: int,
    named: tuple[str, checks.Quantity],
    window: list[IndexedSentence],
) -> bool:
    """A change whose start or end the claim names ("from the nine deaths", "to 120") is
    restated only by a window figure that it leads to from that end, or from which it
    leads there: a difference of two other figures is another change."""
    side, e = named
    for x in window:
        for o in x.quantities:
            if not _operand(q, o, e) or (o.unit and e.unit and o.unit != e.unit):
                continue
            a, b = (e, o) if side == "from" else (o, e)
            if a.value == b.value or not _same_change(q, value, a, b):
                continue
            if way == 0 or (b.value > a.value) == (way > 0):
                return True
    return False


def _clause_before(text: str, at: int) -> str:
    """The words of ``text``'s clause before offset ``at``."""
    start = next((c.start for c in checks.clauses(text) if c.start <= at < c.end), 0)
    return text[start:at]


def _same_change(q: checks.Quantity, value: float, a: checks.Quantity, b: checks.Quantity) -> bool:
    """Whether the change from ``a`` to ``b`` is the claim's ``value``: in percent of ``a``
    (to the claim's precision: "up 13%" from 0.46 to 0.52), else as a difference."""
    if q.unit != "%":
        return math.isclose(abs(b.value - a.value), value, rel_tol=1e-6)
    if not a.value:
        return False
    places = len(q.text.split(".")[1].rstrip("%").split()[0]) if "." in q.text else 0
    return round(abs(b.value - a.value) / a.value * 100, places) == value


def _after_from(text: str, first: str, second: str) -> bool:
    """Whether the figure written ``first`` follows "from" and ``second`` comes before it."""
    i = text.find(first)
    j = text.find(second)
    return 0 <= j < i and _FROM_BEFORE.search(text[max(0, i - 20) : i]) is not None


def _count_restated(
    claim_text: str, at: int, q: checks.Quantity, window: list[IndexedSentence]
) -> bool:
    """A number word whose next words name what it counts, against a window sentence that
    writes that word and lists exactly that many names."""
    n = _COUNTS.get(q.text.lower())
    if n is None or q.unit:
        return False
    named = _NAMES_AFTER.match(claim_text, at + len(q.text))
    if named is not None and named.group(1).count(",") + 2 == n:
        # "two of the works, Ashby and Millford": the claim names what it counts, and a
        # window sentence names them all
        names = [*named.group(1).split(","), named.group(2)]
        if any(all(w.strip() in x.text for w in names) for x in window):
            return True
    counted = set(content_stems(_clause_rest(claim_text, at + len(q.text)))[:_COUNTED_WORDS])
    if not counted:
        return False
    if any(not counted.isdisjoint(x.stems) and n in _listed(x.text) for x in window):
        return True
    noun = _WORD.match(claim_text, at + len(q.text) + 1)
    return noun is not None and any(
        n in _items_of(x.text, stem(noun.group(0).lower())) for x in window
    )


# a list of one-word items joined by commas and a last "and", right before the noun it
# qualifies ("the eastern and central districts") or after it and a preposition ("the
# surcharges on the Europe and transpacific routes")
_ITEMS = r"((?:[\w'’-]+,\s+)*[\w'’-]+),?\s+and\s+[\w'’-]+"
_ITEMS_BEFORE = re.compile(rf"(?<![\w'’-]){_ITEMS}\s+$")
_ITEMS_AFTER = re.compile(rf"\s+(?:on|in|at|for|from|of|to|between)\s+(?:the\s+)?{_ITEMS}\b")


def _items_of(text: str, noun: str) -> frozenset[int]:
    """How many items each list next to the word ``noun`` (a stem) of ``text`` has."""
    out = set()
    for m in _WORD.finditer(text):
        if stem(m.group(0).lower()) != noun:
            continue
        before = _ITEMS_BEFORE.search(text, max(0, m.start() - 80), m.start())
        after = _ITEMS_AFTER.match(text, m.end())
        out |= {x.group(1).count(",") + 2 for x in (before, after) if x is not None}
    return frozenset(out)


def one_more(claim_text: str, q: checks.Quantity, chosen: Sequence[Window]) -> bool:
    """Whether the claim's count ``q`` is a window sentence's one thing and that many less
    "more" (see :func:`_one_more_restated`): where the evidence is, whatever else the
    article writes the same figure for."""
    at = claim_text.find(q.text)
    if at < 0 or not chosen:
        return False
    window = [x for art, f, t, _ in chosen for x in art.sentences[f : t + 1]]
    return _one_more_restated(claim_text, at, q, window)


def _one_more_restated(
    claim_text: str, at: int, q: checks.Quantity, window: list[IndexedSentence]
) -> bool:
    """A count of things ("reached five schools") that a window sentence writes as one of
    them and that many less "more" ("began at a primary school, spread to four more
    schools"): the one it names and the others it adds."""
    if q.unit or q.value < 2 or q.value != int(q.value):
        return False
    counted = set(content_stems(_clause_rest(claim_text, at + len(q.text)))[:_COUNTED_WORDS])
    if not counted:
        return False
    for x in window:
        if counted.isdisjoint(x.stems) or not _MORE.search(x.text):
            continue
        for m in _MORE.finditer(x.text):
            noun = stem(m.group(2))
            if noun not in counted:
                continue
            found = checks.quantities(m.group(1))
            if not found or found[0].unit or found[0].value != q.value - 1:
                continue
            # the one more than "four more schools": the sentence names a school besides them
            rest = x.text[: m.start()] + x.text[m.end() :]
            if noun in content_stems(rest):
                return True
    return False


# "four more schools", "three other hospitals"
_MORE = re.compile(r"\b([\w-]+)\s+(?:more|other|further|additional)\s+([A-Za-z]+)", re.IGNORECASE)


def _clause_rest(text: str, at: int) -> str:
    end = next((c.end for c in checks.clauses(text) if c.start <= at < c.end), len(text))
    return text[at:end]


@lru_cache(maxsize=4096)
def _listed(text: str) -> frozenset[int]:
    """How many names each list of names in ``text`` has."""
    return frozenset(m.group(1).count(",") + 2 for m in _NAME_LIST.finditer(text))


# what stands between the figures of "from A to B" and "to B from A" (a few words at most:
# "from $2.4 billion a year earlier to $2.1 billion")
_TO_BETWEEN = re.compile(r"\s*(?:[\w'’-]+\s+){0,4}?to\s+(?:the\s+)?", re.IGNORECASE)
_FROM_BETWEEN = re.compile(r"\s*(?:[\w'’-]+\s+){0,4}?from\s+(?:the\s+)?", re.IGNORECASE)
_FROM_END = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_TO_END = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)


def reversed_change(claim_text: str, chosen: Sequence[Window]) -> tuple[str, str]:
    """(the reason, the claim's words) when the claim's "from A to B" is the window's
    "from B to A" or "to A from B" of the same two figures (a change told the wrong way:
    "cut her target from $58 to $52" where it was "raised ... to $58 from $52"); empty
    when it is not."""
    if "from" not in claim_text.lower():
        return "", ""
    mine = _from_to(claim_text, checks.quantities(claim_text))
    if not mine:
        return "", ""
    for art, f, t, _ in chosen:
        for x in art.sentences[f : t + 1]:
            if len(x.quantities) < 2 or "from" not in x.lower:
                continue
            theirs = _from_to(x.text, x.quantities)
            for a, b, said in mine:
                if any(a.matches(c) and b.matches(d) for c, d, _ in theirs):
                    continue  # the window tells it the claim's way too
                for c, d, written in theirs:
                    if a.matches(d) and b.matches(c) and not a.matches(c):
                        reason = f'the claim says "{said}" where the evidence says "{written}"'
                        return reason, said
    return "", ""


def _from_to(
    text: str, found: Sequence[checks.Quantity]
) -> list[tuple[checks.Quantity, checks.Quantity, str]]:
    """(where from, where to, the words) of each "from A to B" and "to B from A" of
    ``text`` whose figures are ``found``."""
    at: list[tuple[int, checks.Quantity]] = []
    cursor = 0
    for q in found:
        i = text.find(q.text, cursor)
        if i < 0:
            continue
        at.append((i, q))
        cursor = i + len(q.text)
    out = []
    for (i, a), (j, b) in itertools.pairwise(at):
        end = i + len(a.text)
        before = text[max(0, i - 12) : i]
        words = text[i : j + len(b.text)]
        if _FROM_END.search(before) and _TO_BETWEEN.fullmatch(text, end, j):
            out.append((a, b, "from " + words))
        elif _TO_END.search(before) and _FROM_BETWEEN.fullmatch(text, end, j):
            out.append((b, a, "to " + words))
    return out


# -- derived: a total, a remainder, a gap of two counts of one noun -------------------------

_TOTALS = _R["totals"]
_TOTAL_BEFORE = re.compile(
    rf"\b(?:{alternation(_TOTALS['before'])})\s+(?:(?:{alternation(list(_KIND_OF))})\s+)?\S*$",
    re.IGNORECASE,
)
# "62 people on board", "£8 million in all": a word of the unit's tail may stand between
_TOTAL_AFTER = re.compile(
    rf"(?:\s+[a-z]+){{0,2}}\s+(?:{alternation(_TOTALS['after'])})\b", re.IGNORECASE
)
_REMAINDER = _R["remainder"]
# the remainder's cue a few words before the figure, in its clause: "that leaves the agency
# to find about £9 million", "still needs at least 18 more owners"
_REMAINDER_BEFORE = re.compile(
    rf"\b(?:{alternation(_REMAINDER['before'])})\b(?:\s+[\w'’-]+){{0,6}}\s+\S*$", re.IGNORECASE
)
_REMAINDER_WORD = re.compile(rf"\b(?:{alternation(_REMAINDER['before'])})\b", re.IGNORECASE)
_REMAINDER_AFTER = re.compile(
    rf"(?:\s+[a-z]+){{0,1}}\s+(?:{alternation(_REMAINDER['after'])})\b", re.IGNORECASE
)
# the figures of a list of one kind: "58 passengers and four crew", "£5m, £3m and £2m"
_LIST_BETWEEN = re.compile(r"(?:\s+[a-z][\w'’-]*){0,2}\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
_COUNTED_AFTER = 3


def _derived(
    claim_text: str,
    at: int,
    q: checks.Quantity,
    kind: str,
    chosen: Sequence[Window],
    window: list[IndexedSentence],
    cited: Sequence[IndexedArticle],
) -> bool:
    """A figure one step of arithmetic away from figures of the cited articles, with a cue
    beside it: a total of a list of one kind ("62 people on board" where the window lists
    "58 passengers and four crew"), a remainder ("that leaves ... about £9 million" of £21
    million less £12 million), or the gap of two counts of one noun ("fell 11 seats short"
    of the 31 needed, where another cited article gives the party 20 of the seats)."""
    end = at + len(q.text)
    before = claim_text[max(0, at - 60) : at]
    if (
        _TOTAL_BEFORE.search(before) or _TOTAL_AFTER.match(claim_text, end) or q.unit == "person"
    ) and _total_restated(q, kind, window):
        return True
    # the clause is read only when a remainder word comes before the figure at all: most
    # changed figures have none, and splitting the claim into clauses is the dear part
    remainder = bool(_REMAINDER_AFTER.match(claim_text, end)) or (
        _REMAINDER_WORD.search(claim_text, 0, at) is not None
        and _REMAINDER_BEFORE.search(_clause_before(claim_text, at)) is not None
    )
    cue = remainder or _DIFFERENCE_AFTER.match(claim_text, end) is not None
    if not cue or q.unit in ("%", *_POINTS, "ord", "magnitude", *_DURATION_UNITS):
        return False
    around = [x for art, f, t, _ in chosen for x in art.sentences[max(0, f - 1) : t + 2]]
    # what a bare count counts: the first word of it past "more" ("18 more owners")
    noun = frozenset() if q.unit else frozenset(_counted(claim_text, end, first=True))
    if not q.unit and not noun:
        return False
    # the other figure: in a sentence of the cited articles about what the claim is about
    # (a content word of the claim's besides what it counts)
    topic = set(content_stems(claim_text)) - noun
    about = [x for art in cited for x in art.sentences if not topic.isdisjoint(x.stems)]
    if q.unit:
        return remainder and _gap_of_two(q, kind, around, [*around, *about], noun)
    mine = [
        o
        for o in _figures(claim_text)
        if o.text != q.text and not o.unit and _counts(claim_text, o.text, noun)
    ]
    low, high = _interval(q.value, kind)
    for a in mine:  # "with 31 seats needed ... fell 11 seats short" of the 20 won
        for x in about:
            for b in x.quantities:
                gap = abs(a.value - b.value)
                if not b.unit and low <= gap <= high and _counts(x.text, b.text, noun):
                    return True
    return _gap_of_two(q, kind, [x for x in around if x in about], about, noun)


def _gap_of_two(
    q: checks.Quantity,
    kind: str,
    first: list[IndexedSentence],
    second: list[IndexedSentence],
    noun: frozenset[str],
) -> bool:
    """Two figures of one kind (the claim's unit, or bare counts of ``noun``), one of
    ``first`` and one of ``second``, whose difference is ``q`` in its approximator's
    interval; a change ("£21 million, up from £14 million") is no whole and its part."""
    low, high = _interval(q.value, kind)
    eps = 1e-9 * max(1.0, abs(high))

    def operands(xs: list[IndexedSentence]) -> list[tuple[IndexedSentence, checks.Quantity]]:
        return [
            (x, o)
            for x in xs
            for o in x.quantities
            if not _YEAR.fullmatch(o.text)
            and (o.unit == q.unit if q.unit else not o.unit and _counts(x.text, o.text, noun))
        ]

    theirs = operands(second)
    for x, a in operands(first):
        changes = {(c.text, d.text) for c, d, _ in _from_to(x.text, x.quantities)}
        for y, b in theirs:
            if a.value == b.value or not low - eps <= abs(a.value - b.value) <= high + eps:
                continue
            if y is x and (
                (a.text, b.text) in changes
                or (b.text, a.text) in changes
                or _after_from(x.text, a.text, b.text)
                or _after_from(x.text, b.text, a.text)
            ):
                continue  # "£21 million, up from £14 million": a change, not a whole and its part
            return True
    return False


def _counted(text: str, end: int, first: bool = False) -> frozenset[str]:
    """The stems of the words a bare count ending at ``end`` counts: the next few content
    words of its clause, past "of the 61" ("20 of the 61 seats"); ``first``: the first of
    them past a word of change ("18 more owners")."""
    rest = _OF_THE.sub("", _clause_rest(text, end), count=1)
    found = [s for s in content_stems(rest) if not s[:1].isdigit() and s not in _ADDED]
    return frozenset(found[: 1 if first else _COUNTED_AFTER])


_OF_THE = re.compile(r"^\s*of\s+(?:the\s+|its\s+|their\s+)?\S+")
_ADDED = frozenset(map(stem, [*CHANGE_WORDS, "extra", "additional", "other", "further"]))


def _counts(text: str, figure: str, noun: frozenset[str]) -> bool:
    """Whether the bare figure written ``figure`` in ``text`` counts one of ``noun`` (a
    stem, or one ending in it: "homeowners" counts "owners")."""
    i = _find(text, figure)
    if i < 0 or not noun:
        return False
    mine = _counted(text, i + len(figure))
    pairs = ((m, n) for m in mine for n in noun if min(len(m), len(n)) > 2)
    return any(m.endswith(n) or n.endswith(m) for m, n in pairs)


def _total_restated(q: checks.Quantity, kind: str, window: list[IndexedSentence]) -> bool:
    """A window sentence lists two or more figures of one kind ("58 passengers and four
    crew", "£5 million and £3 million") whose sum is ``q``, in its approximator's interval
    (exact without one): people are counted by bare figures."""
    low, high = _interval(q.value, kind)
    eps = 1e-9 * max(1.0, abs(high))
    for x in window:
        if len(x.quantities) < 2:
            continue
        run: list[checks.Quantity] = []
        last = -1
        for o in x.quantities:
            i = _find(x.text[last + 1 :], o.text) if last >= 0 else _find(x.text, o.text)
            i = i + last + 1 if last >= 0 and i >= 0 else i
            same = (not o.unit and q.unit in ("", "person")) or (o.unit and o.unit == q.unit)
            ok = same and not _YEAR.fullmatch(o.text) and i >= 0
            joined = bool(run) and ok and _LIST_BETWEEN.search(x.text[last:i]) is not None
            if joined:
                run.append(o)
            else:
                run = [o] if ok else []
            if i >= 0:
                last = i + len(o.text)
            if len(run) >= 2 and low - eps <= sum(r.value for r in run[-2:]) <= high + eps:
                return True
            if len(run) >= 3 and low - eps <= sum(r.value for r in run) <= high + eps:
                return True
    return False


# two times of day joined in the claim: "between 5.15am and 9.40am", "from 10:00 to 14:30"
_CLOCK_JOIN = re.compile(r"\s*(?:and|to|until|till|-|–)\s*$", re.IGNORECASE)


def _times_together(
    claim_text: str, at: int, q: checks.Quantity, cited: Sequence[IndexedArticle]
) -> bool:
    """Whether the claim's time of day ``q``, joined to another ("between 5.15am and
    9.40am"), is written with that other, in that order, in one sentence of the cited
    articles ("the first man reached the surface at 5.15am and the last at 9.40am"): the
    two are placed together, wherever the claim's other words are."""
    if q.unit or not cited:
        return False
    times = [
        (m.start(), m.end(), t)
        for m in _CLOCK.finditer(claim_text)
        if (t := _clock_minutes(m)) is not None
    ]
    pair: tuple[int, int] | None = None
    for (a_start, a_end, a), (b_start, _, b) in itertools.pairwise(times):
        if at in (a_start, b_start) and _CLOCK_JOIN.fullmatch(claim_text, a_end, b_start):
            pair = (a, b)
    if pair is None:
        return False
    for art in cited:
        for x in art.sentences:
            if len(x.quantities) < 2:
                continue
            theirs = [t for m in _CLOCK.finditer(x.text) if (t := _clock_minutes(m)) is not None]
            if pair[0] in theirs and pair[1] in theirs[theirs.index(pair[0]) + 1 :]:
                return True
    return False


# a change in percent against a named earlier figure: "up 9% on 2024", "down 12% from a year
# earlier" (the words after "on" or "from" name the earlier figure's time)
_PERCENT_ON = re.compile(
    rf"\b({alternation(sorted(_UP | _DOWN))})\s+(?:by\s+)?(\d+(?:\.\d+)?)\s?(?:%|per\s?cent)"
    r"\s+(?:on|from|over|compared\s+with)\s+((?:the\s+|a\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)",
    re.IGNORECASE,
)


def _undone(
    claim_text: str, at: int, q: checks.Quantity, kind: str, window: list[IndexedSentence]
) -> bool:
    """Whether the claim's approximate figure ``q`` is the earlier figure a window sentence
    gives as a change in percent ("collected 14,200 samples last year, up 9% on 2024"), the
    change undone ("roughly 13,000 samples in 2024"): the claim names that earlier time,
    the figure changed is of its unit (or counts what it counts), before the change."""
    noun = frozenset() if q.unit else _counted(claim_text, at + len(q.text), first=True)
    mine = claim_text.lower()
    for x in window:
        if "%" not in x.text and "per" not in x.lower:
            continue
        for m in _PERCENT_ON.finditer(x.text):
            earlier = " ".join(m.group(3).lower().split())
            if earlier not in " ".join(mine.split()):
                continue  # the claim must name the time it undoes the change to
            way = _direction([m.group(1).lower()])
            factor = 1 + way * float(m.group(2)) / 100
            if not way or factor <= 0:
                continue
            low, high = _interval(q.value, kind)
            for o in x.quantities:
                i = _find(x.text, o.text)
                if not 0 <= i < m.start() or _YEAR.fullmatch(o.text) or o.unit == "%":
                    continue
                if (o.unit != q.unit) or (not q.unit and not _counts(x.text, o.text, noun)):
                    continue
                if low - 1e-9 <= o.value / factor <= high + 1e-9:
                    return True
    return False


# "four of whom did not": a part of a whole the claim names, and the clause denies it
_PART_OF = re.compile(r"\s+of\s+(?:whom|them|which|those)\b", re.IGNORECASE)
_DENIED = re.compile(r"\b(?:not|never)\b|n't\b", re.IGNORECASE)


def _complement(
    claim_text: str, at: int, q: checks.Quantity, kind: str, cited: Sequence[IndexedArticle]
) -> bool:
    """Whether the claim's "four of whom did not" is the rest of a whole it writes ("23
    students were affected, four of whom did not receive higher grades") where one sentence
    of the cited articles writes the whole and the part that did, undenied ("23 ... had been
    affected, 19 of whom received higher grades"): the whole less that part."""
    end = at + len(q.text)
    part = _PART_OF.match(claim_text, end)
    if q.unit or part is None or not _DENIED.search(_clause_rest(claim_text, part.end())):
        return False
    wholes = [o for o in _figures(claim_text) if not o.unit and o.value > q.value]
    low, high = _interval(q.value, kind)
    for art in cited:
        for x in art.sentences:
            if len(x.quantities) < 2:
                continue
            for w in (w for w in x.quantities if any(o.matches(w) for o in wholes)):
                for m in x.quantities:
                    if m.unit != w.unit or not low <= w.value - m.value <= high or m is w:
                        continue
                    i = _find(x.text, m.text)
                    theirs = _PART_OF.match(x.text, i + len(m.text)) if i >= 0 else None
                    if theirs and not _DENIED.search(_clause_rest(x.text, theirs.end())):
                        return True
    return False
