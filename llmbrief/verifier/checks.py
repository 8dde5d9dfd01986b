"""Hard checks: facts in a claim that must be found in its sources, whatever the overlap.

Each extractor turns text into comparable facts: quantities (numbers, money, percentages,
units and scales, normalised so that ``$10 billion`` == ``$10bn`` == ``10 billion dollars``),
dates and weekdays, names, quoted words, negation and modality cues. Rules hold by
construction (a figure absent from the source is absent), so nothing here is tuned.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    NUMERIC_WORDS,
    STOPWORDS,
    data_json,
    data_lines,
    data_words,
    flat,
    has_number,
    stem,
    words,
)

__all__ = [
    "NEGATION_CUES",
    "BoundFigure",
    "Quantity",
    "antonym_clash",
    "bound_figures",
    "cue_pattern",
    "dates",
    "equivalents",
    "hedges",
    "lone_opener",
    "names",
    "negations",
    "opening_word",
    "order_clash",
    "phrase_written",
    "place_names",
    "polarity_clash",
    "quantifier_clash",
    "quantities",
    "quotes",
    "rank_clash",
    "state_clash",
]

_Q = data_json("quantities.json")
_UNITS: dict[str, dict[str, int]] = {"ones": _Q["ones"], "tens": _Q["tens"]}
_ORDINALS: dict[str, int] = _Q["ordinals"]
_SCALES: dict[str, float] = {k: float(v) for k, v in _Q["scales"].items()}
_CURRENCY_SYMBOL: dict[str, str] = _Q["currency_symbols"]
_CURRENCY_WORD: dict[str, str] = _Q["currency_words"]
_MONEY = frozenset(_Q["money"])
#: The units of money ("usd", "eur"...).
MONEY = _MONEY
#: Units a source often leaves out: "seven people were killed" vs "killed seven".
_SOFT_UNITS = frozenset(_Q["soft_units"])
#: A word that says a sentence weighs something: its "pounds" are of weight, not money.
_WEIGHT_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(_Q["weight_words"], key=len, reverse=True)) + r")\b", re.IGNORECASE
)
#: How far either side of "N pounds" a weight word is looked for (about a clause or two).
_WEIGHT_REACH = 80
_UNIT_WORD: dict[str, str] = _Q["unit_words"]
#: One unit in another of its dimension: (from, to, scale, offset), to = from * scale + offset.
CONVERSIONS: tuple[tuple[str, str, float, float], ...] = tuple(
    (a, b, float(s), float(o)) for a, b, s, o in _Q["conversions"]
)

_NUMWORD = "|".join(sorted([*_UNITS["ones"], *_UNITS["tens"]], key=len, reverse=True))
_NUM = (
    r"\b(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    rf"|(?:(?:{'|'.join(_UNITS['tens'])})(?:[\s-](?:{'|'.join(list(_UNITS['ones'])[1:10])}))?)"
    rf"|(?:{_NUMWORD}))"
)
_SCALE_RE = "|".join(sorted(_SCALES, key=len, reverse=True))
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNIT_WORD), key=len, reverse=True))
_CUR_WORD_RE = "|".join(sorted(_CURRENCY_WORD, key=len, reverse=True))


def _quantity_pattern(us: str, rmb: str) -> str:
    return (
        rf"(?P<cur>{us}\$|\$|€|£|¥|{rmb}\s?)?\s?(?P<num>{_NUM})"
        rf"(?:[\s-]?(?P<scale>{_SCALE_RE})\b)?"
        rf"(?:[\s-]?(?P<scale2>{_SCALE_RE})\b)?"
        rf"(?:[\s-]?(?P<unit>{_UNIT_RE})(?![A-Za-z]))?"
        rf"(?:[\s-](?P<curword>{_CUR_WORD_RE})\b)?"
    )


_QUANTITY = re.compile(_quantity_pattern("US", "RMB"), re.IGNORECASE)
# The same read in ASCII text lower-cased (the words of the data files are): with no case
# to ignore, the regex engine matches it twice as fast.
_QUANTITY_LOWER = re.compile(_quantity_pattern("us", "rmb"))
# "billions in state funding" vs "millions": orders of magnitude said in words.
_MAGNITUDES: dict[str, float] = {k: float(v) for k, v in _Q["magnitudes"].items()}
_MAGNITUDE_RE = re.compile(r"\b(" + "|".join(_MAGNITUDES) + r")\b", re.IGNORECASE)
_ORDINAL_RE = re.compile(r"\b(" + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th))\b", re.IGNORECASE)


#: what stands before "first" when it says when a thing was done ("had first asked")
_BEFORE_ADVERB = frozenset(
    "had has have having was were is are be been it they he she we who which when".split()
)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
# a determiner or a possessive right before "first" makes it rank the noun after it; a
# determiner and one plain word before it ("the board first put") make that word its subject
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|my|your)|['’]s)\s+$", re.I)
_SUBJECT_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our)\s+(?!very\b)[a-z]+\s+$", re.I)
_LAST_WORD = re.compile(r"([A-Za-z]+)\s+$")


def _adverbial_first(text: str, start: int, end: int) -> bool:
    """Whether "first" at ``start:end`` tells when something was done ("had first asked",
    "it first opened", "first reported in May") rather than ranking a noun ("the first
    case"): an auxiliary or pronoun before it, or a past tense after it."""
    ahead = text[max(0, start - 30) : start]
    if _DETERMINER_BEFORE.search(ahead):
        return False  # "the first scheduled cuts", "the board's first": it ranks the noun
    before = _LAST_WORD.search(ahead)
    if before is not None and before.group(1).lower() in _BEFORE_ADVERB:
        return True
    if _SUBJECT_BEFORE.search(ahead) and _NEXT_WORD.match(text, end):
        return True  # "the board first put the number": between its subject and its verb
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1).lower().endswith("ed")


@dataclass(frozen=True)
class Quantity:
    """A number with its scale and unit folded in: ``$10bn`` -> ``Quantity(1e10, "usd")``."""

    value: float
    unit: str
    text: str

    def matches(self, other: Quantity) -> bool:
        """Same value (to rounding) and compatible units.

        ``self`` is the claim's figure, ``other`` the source's. A unitless claim figure matches
        any unit (``22`` vs ``22 provinces``); a claim unit must be in the source, except money
        against a bare large figure (``$10 billion`` vs ``10 billion``).
        """
        if self.unit != other.unit and self.unit in _DURATIONS and other.unit in _DURATIONS:
            # "a two-day strike" is a "48-hour" one: durations of one scale, in hours or months
            (ka, sa), (kb, sb) = _DURATIONS[self.unit], _DURATIONS[other.unit]
            return ka == kb and abs(self.value * sa - other.value * sb) <= 1e-9 * self.value * sa
        if self.unit == "magnitude":  # "billions" is any figure in the billions
            if other.unit == "magnitude":
                return self.value == other.value
            return other.unit != "ord" and self.value <= other.value < self.value * 1000
        if (
            self.unit
            and self.unit != other.unit
            and not (self.unit in _SOFT_UNITS and not other.unit)
            and (other.unit or self.unit not in _MONEY or other.value < 1e6)
        ):
            return False
        a, b = self.value, other.value
        return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))


#: Durations that convert exactly: (scale, size in its smallest unit).
_DURATIONS = {
    "hour": ("hours", 1),
    "day": ("hours", 24),
    "week": ("hours", 168),
    "month": ("months", 1),
    "year": ("months", 12),
}


def equivalents(q: Quantity) -> tuple[Quantity, ...]:
    """The same duration in the other units of its scale, where it is a whole number of
    them ("two days": "48 hours"; "18 months": "1.5 years" is not whole, left out)."""
    if q.unit not in _DURATIONS:
        return ()
    scale, size = _DURATIONS[q.unit]
    out = []
    for unit, (k, n) in _DURATIONS.items():
        value = q.value * size / n
        if k == scale and unit != q.unit and value >= 1 and value == int(value):
            out.append(Quantity(value=value, unit=unit, text=q.text))
    return tuple(out)


def _word_number(token: str) -> float | None:
    t = token.lower().replace("-", " ")
    parts = t.split()
    total = 0
    for p in parts:
        if p in _UNITS["tens"]:
            total += _UNITS["tens"][p]
        elif p in _UNITS["ones"]:
            total += _UNITS["ones"][p]
        elif p == "dozen":
            total += 12
        else:
            return None
    return float(total)


_NUM_START_RE = (
    r"\d|\b(?:" + "|".join(sorted([*_UNITS["ones"], *_UNITS["tens"]], key=len, reverse=True)) + r")"
)
_NUM_START = re.compile(_NUM_START_RE, re.IGNORECASE)
_NUM_START_LOWER = re.compile(_NUM_START_RE)
_CUR_BEFORE = re.compile(r"(?:US\$|\$|€|£|¥|RMB\s?)\s?$")

# Cheap tests that ASCII text holds no number word, magnitude or ordinal word at all (then
# the case-blind patterns, which the regex engine tries at every character, need not run):
# such a word starts a run of letters of the lower-cased text, or is inside one.
_NUMBER_WORD_STARTS = tuple(sorted({k.split()[-1] for k in (*_UNITS["ones"], *_UNITS["tens"])}))
# one pattern, not a split into runs: a run starts with a number word when a word of these
# (each no longer form of another: "eight" stands for "eighteen") follows a non-letter
_NUMBER_WORD_AT_RUN = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(
        w
        for w in _NUMBER_WORD_STARTS
        if not any(w != o and w.startswith(o) for o in _NUMBER_WORD_STARTS)
    )
    + ")"
)
_ASCII_DIGIT = re.compile(r"[0-9]")
# "-old" or " old" after "72-year" or "72 years": an age
_AGE_AFTER = re.compile(r"[\s-]old\b", re.IGNORECASE)
_ORDINAL_SUFFIX = re.compile(r"[0-9](?:st|nd|rd|th)")


def _may_have_number_word(low: str) -> bool:
    """Whether lower-cased ASCII text may hold a match of the number words of :data:`_NUM_START`."""
    return _NUMBER_WORD_AT_RUN.search(low) is not None


# a magnitude or ordinal word the case-blind patterns match (between word boundaries) is a
# whole run of letters of the lower-cased text, when every such word is letters only
_MAGNITUDE_WORDS = frozenset(_MAGNITUDES)
_ORDINAL_WORDS = frozenset(_ORDINALS)
_WORDS_ARE_RUNS = all(
    w.isascii() and w.isalpha() and w.islower() for w in (*_MAGNITUDES, *_ORDINALS)
)


def _may_have_magnitude(low: str, runs: list[str] | None = None) -> bool:
    """Whether lower-cased ASCII text may hold a magnitude word (``runs``: its runs of
    letters, :data:`_TOKEN_SPLIT`, when they are at hand)."""
    if not _WORDS_ARE_RUNS:
        return any(w in low for w in _MAGNITUDES)
    return not _MAGNITUDE_WORDS.isdisjoint(_TOKEN_SPLIT.split(low) if runs is None else runs)


def _may_have_ordinal(low: str, runs: list[str] | None = None) -> bool:
    """Whether lower-cased ASCII text may hold an ordinal ("5th" or a word, as above)."""
    if _ORDINAL_SUFFIX.search(low) is not None:
        return True
    if not _WORDS_ARE_RUNS:
        return any(w in low for w in _ORDINALS)
    return not _ORDINAL_WORDS.isdisjoint(_TOKEN_SPLIT.split(low) if runs is None else runs)


def _quantity_matches(text: str, ascii_low: str | None) -> list[re.Match[str]]:
    """Matches of the full quantity pattern, tried only where a figure starts.

    Trying the pattern at every character is what makes it slow; a cheap scan finds where
    digits or number words begin, and the pattern runs there (from a currency sign just
    before, if any). ASCII text is matched lower-cased (``ascii_low``): the matches' spans
    are the text's, their groups lower-cased.
    """
    out: list[re.Match[str]] = []
    pos = 0
    subject, pattern, find = text, _QUANTITY, _NUM_START.search
    if ascii_low is not None:
        subject, pattern = ascii_low, _QUANTITY_LOWER
        find = _NUM_START_LOWER.search
        if not _may_have_number_word(ascii_low):
            find = _ASCII_DIGIT.search  # digits are all that can start a figure here
    while True:
        hit = find(subject, pos)
        if hit is None:
            return out
        start = hit.start()
        cur = _CUR_BEFORE.search(text, max(0, start - 5), start)
        m = pattern.match(subject, cur.start() if cur else start)
        if m is not None and m.group("num"):
            out.append(m)
            pos = max(m.end(), start + 1)
        else:
            pos = start + 1
        # skip the rest of this run of digits
        while pos < len(text) and text[pos].isdigit():
            pos += 1


@lru_cache(maxsize=4096)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity mentioned in ``text``, normalised (see :class:`Quantity`)."""
    if not has_number(text):
        return ()  # the full pattern is slow; most sentences have no figure at all
    return _quantities(text, text.lower() if text.isascii() else None)


_QUANTITY_GROUPS = ("cur", "num", "scale", "scale2", "unit", "curword")


def _quantities(text: str, ascii_low: str | None) -> tuple[Quantity, ...]:
    """:func:`quantities`; ASCII text is read lower-cased (``ascii_low``) where case does
    not matter (None: read as it is, ignoring case)."""
    out: list[Quantity] = []
    for m in _quantity_matches(text, ascii_low):
        # the groups fetched at once: a figure is read for every sentence of the evidence
        cur, num, scale, scale2, unit_word, curword = m.group(*_QUANTITY_GROUPS)
        start, num_end = m.span("num")
        glued = start > 0 and (
            text[start - 1].isalpha()
            or (text[start - 1] == "-" and start > 1 and text[start - 2].isalpha())
        )
        if glued and not num[0].isalpha():
            continue  # part of a code like SARS-CoV-2 or A380: a name, checked as a name
        if num[0].isalpha():
            if num_end < len(text) and text[num_end].isalpha():
                continue
            if start > 0 and text[start - 1].isalpha():
                continue
            value = _word_number(num)
            if value is None:
                continue
            if num.lower() == "one" and not (scale or unit_word):
                continue  # "one of the", "one-year" is kept by its unit
        else:
            value = float(num.replace(",", ""))
        for sc in (scale, scale2):
            if sc:
                # a bare "m"/"b"/"k" only scales money ("$5m", "5m euros"), never "5 m" of
                # distance
                if sc.lower() in ("m", "b", "k") and not (cur or curword):
                    continue
                value *= _SCALES[sc.lower()]
        unit = ""
        if cur:
            unit = _CURRENCY_SYMBOL.get(cur.strip().lower(), "usd")
        elif curword:
            unit = _CURRENCY_WORD[curword.lower()]
            if unit == "gbp" and _weighs(text, m.start(), m.end()):
                unit = "lb"  # "weighed about 32 kilograms, or roughly 70 pounds"
        if unit_word:
            u = _UNIT_WORD[unit_word.lower()]
            if u == "year" and _AGE_AFTER.match(text, m.end()):
                u = "age"  # "the 72-year-old": an age, which "Al-Douri, 72," states too
            unit = unit or u
        out.append(Quantity(value=value, unit=unit, text=text[m.start() : m.end()].strip()))
    runs = None if ascii_low is None else _TOKEN_SPLIT.split(ascii_low)
    for m in (
        _MAGNITUDE_RE.finditer(text)
        if ascii_low is None or _may_have_magnitude(ascii_low, runs)
        else ()
    ):
        word = m.group(1).lower()
        out.append(Quantity(value=_MAGNITUDES[word], unit="magnitude", text=m.group(0)))
    for m in (
        _ORDINAL_RE.finditer(text)
        if ascii_low is None or _may_have_ordinal(ascii_low, runs)
        else ()
    ):
        tok = m.group(1).lower()
        if tok in ("second", "last"):
            continue  # "a second time", "last week": too often not an ordinal of a fact
        if tok == "first" and _adverbial_first(text, m.start(), m.end()):
            continue  # "the union had first asked for 15%": when, not a rank
        value = float(_ORDINALS[tok]) if tok in _ORDINALS else float(re.sub(r"\D", "", tok))
        out.append(Quantity(value=value, unit="ord", text=m.group(0)))
    return tuple(out)


def _weighs(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` ("70 pounds") weighs something: a
    weighing verb or another unit of weight near it, within the sentence."""
    before = text[max(0, start - _WEIGHT_REACH) : start]
    after = text[end : end + _WEIGHT_REACH]
    before = re.split(r"[.!?]\s", before)[-1]
    after = re.split(r"[.!?](?:\s|$)", after)[0]
    return _WEIGHT_WORD.search(before) is not None or _WEIGHT_WORD.search(after) is not None


_WHOLE_BEFORE = re.compile(
    r"\b(?:\d[\d,.]*|" + _NUMWORD + r")\s+of\s+(?:its|the|their|his|her|our)\s+$", re.IGNORECASE
)
# "11 euros for cars", "3 crowns each for bicycles" (a unit word the figure did not take in)
_FOR_WHAT = re.compile(
    r"(?:\s+[A-Za-z]+)?(?:\s+each)?\s+for\s+(?:(?:a|an|the|each|every)\s+)?([A-Za-z]+)"
)


@dataclass(frozen=True)
class BoundFigure:
    """A figure with what it is said for (the stem of ``cars`` in "11 euros for cars", ""
    if nothing), and ``part`` / ``whole`` when it is one of a partitive: "14 of the cables"
    (a part), "two of its 14 cables" (14: the whole)."""

    quantity: Quantity
    noun: str
    how: str


@lru_cache(maxsize=1024)
def bound_figures(text: str) -> tuple[BoundFigure, ...]:
    """Every figure of ``text`` with what it is said for (see :class:`BoundFigure`)."""
    if not has_number(text):
        return ()
    out = []
    for m in _quantity_matches(text, None):
        found = quantities(m.group(0).strip())
        if not found:
            continue
        how = ""
        if re.match(r"\s+of\b", text[m.end() :]):
            how = "part"
        elif _WHOLE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            how = "whole"
        what = _FOR_WHAT.match(text, m.end())
        out.append(BoundFigure(found[0], stem(what.group(1).lower()) if what else "", how))
    return tuple(out)


_DATES = data_json("dates.json")
_MONTHS: list[str] = _DATES["months"]
_MONTH_CANON = {m: m[:3] for m in _MONTHS}
_WEEKDAYS = {d: d[:3] for d in _DATES["weekdays"]}
_DAY_PARTS: dict[str, str] = _DATES["day_parts"]


# a lowercase word -> its canonical date ("may" and "mar" are words first, never dates here)
_DATE_WORD = {**_WEEKDAYS, **{m: c for m, c in _MONTH_CANON.items() if m not in ("may", "mar")}}
# every lower-cased word :func:`dates` reads
_DATE_TOKENS = frozenset(_WEEKDAYS) | frozenset(_MONTH_CANON)


def date_word(word: str) -> str | None:
    """The canonical date a single lowercase word names (``tuesday`` -> ``tue``), or None."""
    return _DATE_WORD.get(word)


def dates(text: str, tokens: list[str] | None = None) -> set[str]:
    """Month and weekday mentions, canonical (``Tues.`` -> ``tue``, ``September`` -> ``sep``).

    A weekday with its part of the day counts as both: ``Tuesday evening`` -> ``tue`` and
    ``tue evening``. ``tokens``: the text's :func:`~.lexicon.words`, when they are at hand.
    """
    out: set[str] = set()
    toks = words(text) if tokens is None else tokens
    lows = list(map(str.lower, toks))
    if _DATE_TOKENS.isdisjoint(lows):
        return out  # no word of a month or a day: most sentences
    for i, lw in enumerate(lows):
        if lw in _WEEKDAYS:
            out.add(_WEEKDAYS[lw])
            # "Friday night's heavy rain" is Friday night's too
            part = lows[i + 1].removesuffix("'s").removesuffix("’s") if i + 1 < len(lows) else ""
            if part in _DAY_PARTS:
                out.add(f"{_WEEKDAYS[lw]} {_DAY_PARTS[part]}")  # "Tuesday evening"
        elif lw in _MONTH_CANON and (lw != "may" or toks[i][0] == "M") and lw != "mar":
            if lw == "may" and toks[i] == "May" and _may_is_verb(text, toks[i]):
                continue
            out.add(_MONTH_CANON[lw])
    return out


def _may_is_verb(text: str, _w: str) -> bool:
    # "May" opening a sentence is usually the verb; "in May" / "May 3" is the month.
    return not re.search(r"\b(?:in|of|since|until|by|early|late|mid)[\s-]May\b|\bMay\s+\d", text)


# a capitalised word (starting a word: the boundary is looked behind the capital, so that the
# regex engine scans for capitals, not for boundaries)
_NAME_TOKEN = re.compile(r"([A-ZÀ-ÖØ-Þ](?<=\b.)[^\W_]*(?:[’'\-&.][^\W_]+)*)")
_COMMON_CAPS = data_words("common_caps.txt") | set(_MONTHS) | set(_WEEKDAYS)


def names(text: str) -> list[str]:
    """Capitalised words that are not sentence openers: people, organisations, places.

    Lowercase data has none, so the name check neither fails open nor closed on it: the
    novel-word check still applies.
    """
    out = []
    for m in _NAME_TOKEN.finditer(text):
        tok = m.group(1)
        start = m.start(1)
        low = tok.lower().strip(".")
        if low in _COMMON_CAPS or low in STOPWORDS or _numeric(low):
            continue
        if not _looks_proper(low):  # a plain word: a name unless it opens a sentence
            before = text[:start].rstrip()
            sentence_start = not before or before[-1] in '.!?"“:;—–(' or before.endswith("]")
            is_code = any(c.isdigit() for c in tok) or sum(c.isupper() for c in tok) > 1
            if sentence_start and not is_code:
                continue
        out.append(tok.strip("."))
    return out


def opening_word(text: str) -> str:
    """The first word of ``text`` as :func:`names` would give it ("" if none): a capital
    there says nothing of a name."""
    m = _NAME_TOKEN.search(text)
    if m is None or text[: m.start(1)].strip(" \t\"“'‘([—–-"):
        return ""
    return m.group(1).strip(".")


# a preposition and a lowercase word after an opening word: "Work on the bridge", "Demand
# for oil" (not "Pfizer on Tuesday", "Bank of England")
_HEAD_OF_PHRASE = re.compile(r"\s+(?:of|on|in|for|to|from|at|with|over|about|against|by)\s+[a-z]")


def lone_opener(text: str) -> bool:
    """Whether the opening word of ``text`` (:func:`opening_word`) is the head of a noun
    phrase, a plain word: a single capitalised word (no code such as "A380" or "BBC", no
    possessive) followed by a preposition and a lowercase word ("Work on the bridge").

    A name opens a sentence as its subject, followed by its verb ("Huawei announced"), or
    a capitalised word ("Bank of England", "Pfizer on Tuesday")."""
    word = opening_word(text)
    if not word or any(c.isdigit() for c in word) or sum(c.isupper() for c in word) > 1:
        return False
    if word.endswith(("'s", "’s")):
        return False
    at = text.find(word) + len(word)
    return _HEAD_OF_PHRASE.match(text, at) is not None


def _numeric(low: str) -> bool:
    """A number word or ordinal ("fourteen", "twenty-two", "third"): a figure, not a name."""
    return all(p in NUMERIC_WORDS for p in low.split("-"))


_PLACES = frozenset(data_lines("place_names.txt"))
_PLACE_WORDS = max(len(p.split()) for p in _PLACES)


def place_names(text: str) -> list[str]:
    """Places of the list ``data/place_names.txt`` that lower-cased text names, longest
    first where they overlap (``new york``, not ``york``)."""
    toks = [t.lower() for t in words(text)]
    out: list[str] = []
    i = 0
    while i < len(toks):
        for n in range(min(_PLACE_WORDS, len(toks) - i), 0, -1):
            cand = " ".join(toks[i : i + n])
            if cand in _PLACES:
                out.append(cand)
                i += n
                break
        else:
            i += 1
    return out


_COMMON_SUFFIXES = tuple(sorted(data_words("name_suffixes.txt")))


def _looks_proper(low: str) -> bool:
    """A sentence-opening word that reads as a name (``Tencent``), not a plain word."""
    return len(low) >= 3 and not low.endswith(_COMMON_SUFFIXES)


_QUOTED = re.compile(r"[\"“”]([^\"“”]{2,300})[\"“”]")


def quotes(text: str) -> list[str]:
    """Text inside double quotes, whitespace-normalised and lowercased."""
    return [" ".join(q.lower().split()) for q in _QUOTED.findall(text) if q.strip()]


_NEGATION_CUES = data_lines("negations.txt")
#: The negation and denial cues ("not", "never", "denied", "failed to").
NEGATION_CUES = tuple(_NEGATION_CUES)
# exceptions: "not only", "no longer" (a change, read by the opposites check), "No. 3"; and
# idioms that bound or stress what they govern, never deny it: "no more than 44 per cent"
# (at most), "no fewer than" (at least), "was no exception" (too), "none other than",
# "nothing but"
_NOT_A_NEGATION = {
    "not": r"(?! only| just| least)",
    "no": r"(?! longer| doubt|\.? ?\d| more than| fewer than| less than| exception)",
    "none": r"(?! other than)",
    "nothing": r"(?! but)",
    "never": r"(?![\s-]before)",
}
_NEGATION = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(c) + _NOT_A_NEGATION.get(c, "")
        for c in sorted(_NEGATION_CUES, key=len, reverse=True)
    )
    + r"|\w+n[’']t)\b",
    re.IGNORECASE,
)


_NEG_HEADS = frozenset(c.split()[0] for c in _NEGATION_CUES)
# (level, where, cue) of every modality cue
_MODALITY = [
    (int(lv), where, cue)
    for lv, where, cue in (ln.split(None, 2) for ln in data_lines("modality.txt"))
]
_MODAL_LEVEL = {cue: lv for lv, _, cue in _MODALITY}
_HEDGE_HEADS = frozenset(cue.split()[0] for _, _, cue in _MODALITY)
_CUES_OF_HEAD: dict[str, list[str]] = {}
for _lv, _where, _cue in _MODALITY:
    _CUES_OF_HEAD.setdefault(_cue.split()[0], []).append(_cue.lower())


class _LetterRuns:
    """The runs of a-z of a text, as a set would hold them: ``re.compile("[^a-z]+").split``
    without its empty pieces. ASCII text is split by its bytes translated (every other one
    a space): a third of the pattern's cost, and every claim and evidence sentence is split
    several times (cues, figures)."""

    _pattern = re.compile(r"[^a-z]+")
    _spaced = bytes(c if 97 <= c <= 122 else 32 for c in range(256))

    def split(self, text: str) -> list[str]:
        if text.isascii():
            return text.encode("ascii").translate(self._spaced).decode("ascii").split()
        return self._pattern.split(text)


_TOKEN_SPLIT = _LetterRuns()


def _has_any(text: str, heads: frozenset[str]) -> bool:
    return not heads.isdisjoint(_TOKEN_SPLIT.split(text.lower()))


def negations(text: str) -> int:
    """Count negation and denial cues (``not``, ``n't``, ``never``, ``denied``...)."""
    if "n't" not in text and "n’t" not in text and not _has_any(text, _NEG_HEADS):
        return 0
    return len(_NEGATION.findall(text))


#: "due to" is a plan only before a verb of a scheduled event ("due to open"; "due to heavy
#: rain" is a cause).
_SCHEDULED = r"(?=\s+(?:" + "|".join(sorted(data_words("scheduled.txt"))) + r")\b)"


def cue_pattern(cue: str) -> str:
    """The regex of a modality cue as written: its words, and after a cue ending in "due
    to" the verb of a scheduled event that makes it a plan."""
    return re.escape(cue) + (_SCHEDULED if cue.endswith("due to") else "")


_HEDGE_RE = (
    r"\b(?:"
    + "|".join(cue_pattern(c) for c in sorted(_MODAL_LEVEL, key=len, reverse=True))
    + r")\b"
)
_HEDGE = re.compile(_HEDGE_RE, re.IGNORECASE)
# The same read in ASCII text lower-cased, where it finds the same cues at the same places
# (ignoring case matches an ASCII letter only to its other case): with no case to ignore,
# the regex engine tries the sixty cues five times faster. Only when every cue is lower-case.
_HEDGE_LOWER = re.compile(_HEDGE_RE) if all(c == c.lower() for c in _MODAL_LEVEL) else None
#: The cues that, in the evidence, make what they govern a plan or a possibility.
EVIDENCE_HEDGES = tuple(
    sorted((cue for _, where, cue in _MODALITY if where == "both"), key=len, reverse=True)
)


def hedges(text: str) -> list[str]:
    """Modality cues that turn a fact into a plan, a possibility or a report."""
    low = text.lower()
    heads = _HEDGE_HEADS.intersection(_TOKEN_SPLIT.split(low))
    if not heads:
        return []
    # ASCII text holds a cue only as written, lower-cased (the pattern ignores case): the
    # cues of the words it has are looked for first, the pattern only if one is there
    if text.isascii() and not any(c in low for h in heads for c in _CUES_OF_HEAD[h]):
        return []
    if _HEDGE_LOWER is not None and text.isascii():
        return _HEDGE_LOWER.findall(low)
    return [h.lower() for h in _HEDGE.findall(text)]


# "a,b/c,d" is every pair of a word before the slash with one after it
_PAIRS = [
    (a, b)
    for p in sorted(data_words("opposites.txt"))
    for a in p.split("/")[0].split(",")
    for b in p.split("/")[1].split(",")
]
for _group in sorted(data_words("contrast_sets.txt")):
    _members = _group.split("/")
    _PAIRS += [(a, b) for a in _members for b in _members if a < b and {a, b} != {"grey", "gray"}]
_FORMS_OF: dict[str, frozenset[str]] = {}
for _pair in sorted(data_words("word_forms.txt")):
    _x, _y = (stem(w) for w in _pair.split("/"))
    _FORMS_OF[_x] = _FORMS_OF.get(_x, frozenset()) | {_y}
    _FORMS_OF[_y] = _FORMS_OF.get(_y, frozenset()) | {_x}
_ANTONYM_OF: dict[str, set[str]] = {}
for _a, _b in _PAIRS:
    _ANTONYM_OF.setdefault(stem(_a), set()).add(stem(_b))
    _ANTONYM_OF.setdefault(stem(_b), set()).add(stem(_a))


def antonym_clash(
    claim_toks: list[str],
    source_toks: list[str],
    wider_toks: list[str] | None = None,
    wider_set: AbstractSet[str] | None = None,
) -> list[tuple[str, str]]:
    """Pairs (claim word, source word) where the claim says the opposite of the source.

    The source's opposite must share a neighbouring content word with the claim's word
    ("a decline in profit" vs "an increase in profit"), must not be negated itself ("no
    longer allowed" is a ban), and the claim's own word must not stand in that same context,
    so "profit fell" is not contradicted by "prices rose". Prefix negations count too:
    "necessary" against "unnecessary". Both sides are lists of stemmed tokens
    (:func:`llmbrief.verifier.lexicon.stem` of every word, stopwords kept).

    ``source_toks`` is the evidence window; ``wider_toks`` (the article's sentences beyond
    it) is searched too, for a word swapped in for its opposite outside the window. There the
    opposite must share two neighbours with the claim's word, or one if the article never
    uses that word. ``wider_set``, the words the article uses, defaults to ``wider_toks``.
    """
    source_set = set(source_toks)
    if wider_set is None:
        wider_set = set(wider_toks) if wider_toks is not None else set()
    claim_set = set(claim_toks)
    out = []
    for i, s in enumerate(claim_toks):
        opposite_of = _opposites_of(s)
        if (
            not opposite_of
            or _negated_at(claim_toks, i)
            or (opposite_of.isdisjoint(source_set) and opposite_of.isdisjoint(wider_set))
        ):
            continue  # none in the source or the article; "not allowed" says "banned"
        near_claim: set[str] | None = None  # read once an opposite is there
        # an article that uses the claim's word, in any form, has its own use of it: an
        # opposite there must share more with the claim ("bought the hardware business" in
        # 2019 where it now explores "a sale of its hardware division")
        forms = _FORMS_OF.get(s, frozenset()) | {s}
        wider_need = 2 if not forms.isdisjoint(wider_set) else 1
        for toks, pool, need in (
            (source_toks, source_set, 1),
            (wider_toks, wider_set, wider_need),
        ):
            if toks is None or (toks is wider_toks and s in _FUNCTION_STEMS):
                continue
            # a claim that writes both words ("cut elevated yields") swapped neither
            opposites = opposite_of & pool - claim_set
            if not opposites:
                continue
            if near_claim is None:
                near_claim = _context(claim_toks, i)
            # the claim's word (or its other form, "sale" for "selling") in the same
            # context states it; a negated one ("had not wanted to sell") does not
            same = [j for j, t in enumerate(toks) if t in forms and not _negated_at(toks, j)]
            if any(near_claim & _context(toks, j) for j in same):
                break
            hit = next(
                (
                    t
                    for j, t in enumerate(toks)
                    if t in opposites
                    and not _negated_at(toks, j)
                    and not _kept_away(toks, j)
                    and len(near_claim & _context(toks, j)) >= need
                ),
                None,
            )
            if hit is not None:
                out.append((s, hit))
                break
    return out


_STANCE_VERBS = frozenset(stem(w) for w in data_words("stances.txt"))
_SIDES = {"for": "against", "against": "for"}
_FAVOUR = frozenset({"favour", "favor"})


def _sides(toks: Sequence[str]) -> set[tuple[str, str]]:
    """(verb, side) of each stance verb followed by "for" or "against" ("in favour", with
    or without "of", is "for") in stemmed tokens."""
    out = set()
    for i in range(len(toks) - 1):
        if toks[i] not in _STANCE_VERBS:
            continue
        after = toks[i + 1]
        if after == "in" and i + 2 < len(toks) and toks[i + 2] in _FAVOUR:
            after = "for"  # "in favour of the bill", or "will vote in favour" alone
        if after in _SIDES:
            out.add((toks[i], after))
    return out


def stance_clash(claim_toks: Sequence[str], source_toks: Sequence[str]) -> tuple[str, str] | None:
    """(verb, side) where the claim takes the other side than the source after the same
    verb: "voted against the bill" where it says "voted for the bill". Both are stemmed
    tokens; a source that writes both sides after the verb clashes with neither."""
    if "for" not in claim_toks and "against" not in claim_toks:
        return None
    mine = _sides(claim_toks)
    if not mine:
        return None
    theirs = _sides(source_toks)
    for verb, side in sorted(mine):
        if (verb, _SIDES[side]) in theirs and (verb, side) not in theirs:
            return verb, side
    return None


#: Stems of function words: their opposites ("after", "before") are read in the window only
#: (the article beyond it is read for the sentences that hold a content word's opposite).
_FUNCTION_STEMS = frozenset(stem(w) for w in STOPWORDS)


def phrase_written(claim_text: str, word: str, sources: Sequence[str]) -> bool:
    """Whether the claim writes ``word`` next to a content word as a source writes the two:
    then the claim's word is the source's own ("200 miles from North Carolina" where the
    window says "South Carolina" and the article "North Carolina"), not one swapped for its
    opposite. ``sources`` are :func:`~llmbrief.verifier.lexicon.flat` texts."""
    toks = [t.lower() for t in words(claim_text)]
    for i, t in enumerate(toks):
        if t != word:
            continue
        for step in (-1, 1):
            # the nearest content word, over the function words between ("opened an
            # investigation" where the article writes "had opened an investigation")
            j = i + step
            while 0 <= j < len(toks) and toks[j] in _DETERMINERS:
                j += step
            if 0 <= j < len(toks) and toks[j].isalpha() and toks[j] not in STOPWORDS:
                phrase = flat(" ".join(toks[min(i, j) : max(i, j) + 1]))
                if any(_has_phrase(src, phrase) for src in sources):
                    return True
    return False


#: Words that stand between a verb and its object ("opened an investigation"): the claim's
#: word is written with the noun beyond them.
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that"})


def _has_phrase(text: str, phrase: str) -> bool:
    """``phrase`` in ``text`` as whole words (both flat: words and single spaces)."""
    i = text.find(phrase)
    while i >= 0:
        j = i + len(phrase)
        if (i == 0 or text[i - 1] == " ") and (j == len(text) or text[j] == " "):
            return True
        i = text.find(phrase, i + 1)
    return False


def opposite_words(claim_toks: Sequence[str]) -> set[str]:
    """Every word that would say the opposite of one of the claim's (stemmed) words."""
    return set().union(*map(_opposites_of, claim_toks)).difference(claim_toks)


@lru_cache(maxsize=65536)
def _opposites_of(s: str) -> frozenset[str]:
    """Opposites of one stemmed word: authored pairs and prefix negations."""
    return frozenset(_ANTONYM_OF.get(s, set()) | _prefix_opposites(s))


_NEGATORS = frozenset({"not", "no", "never", "without", "longer", "nor"})


def _negated_at(toks: list[str], j: int) -> bool:
    """Whether one of the three words before ``toks[j]`` negates it ("no longer allowed")."""
    return any(t in _NEGATORS or t.endswith("n't") for t in toks[max(0, j - 3) : j])


def _kept_away(toks: list[str], j: int) -> bool:
    """Whether ``toks[j]`` is "keep" whose particle, within six words, turns it into
    removing ("keep the popular app off its devices", "kept them out"): no opposite of "delete"."""
    return toks[j] == _KEEP and not _AWAY.isdisjoint(toks[j + 1 : j + 7])


_KEEP = stem("keep")
_AWAY = frozenset(stem(w) for w in ("off", "out", "away"))


_NEG_PREFIXES = ("un", "in", "im", "il", "ir", "non", "dis")


_FALSE_PREFIX = frozenset(stem(w) for w in data_words("false_prefix_opposites.txt"))


def _prefix_opposites(s: str) -> set[str]:
    if len(s) < 4:
        return set()
    out = {p + s for p in _NEG_PREFIXES}
    for p in _NEG_PREFIXES:
        if s.startswith(p) and len(s) - len(p) >= 4:
            out.add(s[len(p) :])
    if s in _FALSE_PREFIX:  # "infamous" negates nothing
        return set()
    return out - _FALSE_PREFIX


def _context(toks: list[str], i: int, width: int = 3) -> set[str]:
    return {
        t
        for t in toks[max(0, i - width) : i] + toks[i + 1 : i + 1 + width]
        if t not in STOPWORDS and len(t) > 2
    }


# -- clauses ------------------------------------------------------------------------------
#
# A negation or a hedge bears on its own clause, not on every word within six of it: "pleaded
# not guilty to charges that she married ten men" does not deny the marriages. A clause ends
# at ; : ( ) — , (not the comma of "£50,000") and before a subordinating word; a denial
# verb ("denied that ...") reaches into the clause it introduces.

_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]—]|\s-\s|,(?!(?<=\d,)\d)|(?<!\bno)\.(?=\s)|(?<=\s)(?=(?:that|which|who|whom|whose|where|when|while|whereas|"
    r"although|though|because|but|if|unless|until|after|before|since)\b)",
    re.IGNORECASE,
)
_DENIAL_WORDS = data_words("denials.txt")
_DENIALS_ARE_WORDS = all(w.isascii() and w.isalpha() and w.islower() for w in _DENIAL_WORDS)
_DENIAL = re.compile(r"\b(?:" + "|".join(sorted(_DENIAL_WORDS)) + r")\b", re.IGNORECASE)
_THAT = re.compile(r"\s*that\b", re.IGNORECASE)
#: A denial verb that ends its clause ("A spokesperson for the fund denied").
_DENIAL_END = re.compile(r"\b(?:" + "|".join(sorted(_DENIAL_WORDS)) + r")()\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class Clause:
    """One clause of a sentence: its span and its negation's scope.

    ``scope`` is the span a negation bears on: from the cue to the end of the clause (eight
    words at most: run-on text has no commas to stop it), or the whole clause when the cue
    ends it ("..., which it did not"); ``None`` when nothing negates the clause.
    """

    start: int
    end: int
    scope: tuple[int, int] | None

    @property
    def negated(self) -> bool:
        """Whether a negation bears on (part of) the clause."""
        return self.scope is not None


_SCOPE_WORDS = 8
_WORD_END = re.compile(r"\S+")


def _negation_scope(piece: str) -> tuple[int, int] | None:
    """The scope of the first negation cue in a clause, offsets into ``piece``."""
    if not negations(piece):
        return None
    m = _NEGATION.search(piece)
    if m is None:  # pragma: no cover - negations() found one
        return None
    after = list(_WORD_END.finditer(piece, m.end()))
    if all(_bare(w.group(0)) in _ELLIPTICAL for w in after):
        # nothing but function words after the cue ("..., which it did not"): an
        # elliptical negation, of what came before it in the clause
        return 0, len(piece)
    # "was not damaged and continued to port": "and" opens what is stated, not denied
    # ("or" and "nor" carry the negation on: "did not eat or drink")
    words = after[:_SCOPE_WORDS]
    # "did not get much better as the team came up with ...": "as" before a subject opens
    # what is stated, as "and" does
    stop = next(
        (
            i
            for i, w in enumerate(words)
            if i
            and (
                _bare(w.group(0)) == "and"
                or (
                    _bare(w.group(0)) == "as"
                    and i + 1 < len(words)
                    and _bare(words[i + 1].group(0)) in _SUBJECT_LEADS
                )
            )
        ),
        len(words),
    )
    last = words[max(stop, 1) - 1]
    return m.start(), last.end()


_FUNCTION = STOPWORDS | {""}
#: What may follow the cue of an elliptical negation ("..., which it did not do"): function
#: words, but not the verbs among them ("on land it does not own" denies the owning).
_ELLIPTICAL = _FUNCTION - {
    "own", "make", "made", "say", "said", "says", "see", "seen", "tell", "tells", "told",
    "become", "became",
}  # fmt: skip
#: Words that open a subject ("as *the* team came up"): after "as", a clause of its own.
_SUBJECT_LEADS = frozenset({"the", "a", "an", "his", "her", "their", "its"})


def _bare(word: str) -> str:
    return word.strip(".,;:!?\"'()’”“").lower()


@lru_cache(maxsize=65536)
def clauses(text: str) -> tuple[Clause, ...]:
    """The clauses of one sentence, each with its negation's scope.

    A clause that a denial verb introduces with "that" ("denied that the plan existed") is
    negated too.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = max(pos, m.end())
    if pos < len(text):
        spans.append((pos, len(text)))
    out: list[Clause] = []
    denied = False
    for a, b in spans:
        piece = text[a:b]
        if not piece.strip():
            continue
        scope = _negation_scope(piece)
        if scope is None and denied and _THAT.match(piece):
            scope = (0, len(piece))
            last = out[-1]
            end = _DENIAL_END.search(text, last.start, last.end)
            if last.scope is not None and end is not None:
                # "A spokesperson denied | that the report had been ignored": the verb
                # denies the clause it opens, not the one it ends (no ellipsis): its own
                # scope is the verb alone
                out[-1] = Clause(last.start, last.end, (end.start(), end.start(1)))
        out.append(Clause(a, b, None if scope is None else (a + scope[0], a + scope[1])))
        denied = bool(_DENIAL.search(piece))
    return tuple(out)


def may_negate(text: str) -> bool:
    """Whether a clause of ``text`` may be negated: False only when :func:`clauses` finds no
    negated clause in it, read without splitting it (no negation cue starts a word of it,
    no "n't", no denial verb; a clause is a piece of the text cut at non-letters).

    Keep it in step with :func:`clauses` and :func:`negations`.
    """
    if "n't" in text or "n’t" in text:
        return True
    heads = _TOKEN_SPLIT.split(text.lower())
    if not _NEG_HEADS.isdisjoint(heads):
        return True
    if text.isascii() and _DENIALS_ARE_WORDS:  # then a denial is one of those words
        return not _DENIAL_WORDS.isdisjoint(heads)
    return _DENIAL.search(text) is not None


_CERTAINTY = re.compile(
    r"\b(?:" + "|".join(re.escape(c) for c in data_lines("certainty.txt")) + r")\b",
    re.IGNORECASE,
)


# each cue's own word ("certain" of "certain to", "doubt" of "no doubt"): a text without
# any has no cue
_CERTAINTY_HEADS = tuple(
    sorted({w[0] if w[-1] == "to" else w[-1] for w in map(str.split, data_lines("certainty.txt"))})
)


def certainty(text: str) -> str:
    """The first cue of certainty in ``text`` as written ("certain to", "definitely"), or
    "" when it has none: surer than a plain statement, so a claim with one needs evidence
    that writes one too."""
    low = text.lower()
    if not any(map(low.__contains__, _CERTAINTY_HEADS)):
        return ""  # no cue's first word in it: the pattern need not run
    m = _CERTAINTY.search(text)
    return m.group(0) if m else ""


def claim_modality(text: str) -> int:
    """The strongest modality a claim states anything with (0 a fact, 1 a plan, 2 a maybe)."""
    return max((modal_level(h) for h in hedges(text)), default=0)


def modal_level(cue: str) -> int:
    """The level of a modality cue (``"plans to"`` -> 1, ``"may"`` -> 2)."""
    return _MODAL_LEVEL.get(" ".join(cue.lower().split()), 2)


# -- states and scopes ----------------------------------------------------------------------
#
# Two slips that share the evidence's words but not its meaning: a state said to have ended
# ("the order was lifted") where the evidence says it goes on ("the order remains in
# place"), and a whole ("all of them") where the evidence gives a part ("most of them").

_S = data_json("states.json")


def _phrases(key: str) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(stem(w) for w in p.split()) for p in _S[key]}))


_ENDED = _phrases("ended")
_CONTINUING = _phrases("continuing")
_ENDED_HEADS = frozenset(p[0] for p in _ENDED)
_UNIVERSAL = frozenset(stem(w) for w in _S["universal"])
_PARTIAL = frozenset(stem(w) for w in _S["partial"])
#: how many words before a cue are read as what it is said of
_SUBJECT_WIDTH = 8


def _phrase_at(toks: Sequence[str], phrases: tuple[tuple[str, ...], ...]) -> list[tuple[int, str]]:
    """(position, phrase as stems joined by spaces) of each of ``phrases`` in ``toks``."""
    return [
        (i, " ".join(p))
        for i in range(len(toks))
        for p in phrases
        if tuple(toks[i : i + len(p)]) == p
    ]


def _subject(toks: Sequence[str], i: int) -> set[str]:
    """Content stems of the words before position ``i`` (what a cue there is said of)."""
    return {
        t for t in toks[max(0, i - _SUBJECT_WIDTH) : i] if t not in _FUNCTION_STEMS and len(t) > 2
    }


def state_clash(
    claim_toks: Sequence[str], sentences: Sequence[Sequence[str]]
) -> tuple[str, str] | None:
    """(claim's cue, evidence's cue) when the claim says a state ended ("lifted", "no
    longer", "reopened") where an evidence sentence says the same thing goes on ("remains",
    "stays", "still"), both said of the same words before the cue (two of them, or all the
    claim has). Evidence that writes the claim's own cue anywhere states the change; a
    negated cue on either side says nothing. All tokens are stemmed, stopwords kept."""
    if _ENDED_HEADS.isdisjoint(claim_toks):
        return None
    toks_c = list(claim_toks)
    cues = [(i, p) for i, p in _phrase_at(toks_c, _ENDED) if not _negated_at(toks_c, i)]
    if not cues:
        return None
    said = {p for _, p in cues}
    if any(p in said for toks in sentences for _, p in _phrase_at(toks, _ENDED)):
        return None
    for i, mine in cues:
        subject = _subject(claim_toks, i)
        if not subject:
            continue
        need = min(2, len(subject))
        for toks in sentences:
            for j, theirs in _phrase_at(toks, _CONTINUING):
                # the evidence may name the thing at the head of its sentence and go on
                # with "it" ("scaled back the search ..., but said it would continue")
                if not _negated_at(list(toks), j) and len(subject & _said_of(toks, j)) >= need:
                    return mine, theirs
    return None


def quantifier_clash(
    claim_toks: Sequence[str], sentences: Sequence[Sequence[str]]
) -> tuple[str, str] | None:
    """(claim's word, evidence's word) when the claim writes a whole ("all", "both",
    "every") where an evidence sentence writes a part ("most", "some", "one") between the
    same two words: "officers, all of them for" against "officers, most of them for",
    "in both directions" against "in one direction"; the word after may follow a word
    one side adds ("in every northern town" against "in some towns"). Tokens are stemmed,
    stopwords kept."""
    if _UNIVERSAL.isdisjoint(claim_toks):
        return None
    toks_c = list(claim_toks)
    for i in range(1, len(toks_c) - 1):
        if toks_c[i] not in _UNIVERSAL or _negated_at(toks_c, i):
            continue
        left, right = toks_c[i - 1], toks_c[i + 1]
        # the word quantified may follow a word one side adds: "every northern town"
        # against "some towns"
        after = toks_c[i + 2] if i + 2 < len(toks_c) else None
        for toks in sentences:
            for j in range(1, len(toks) - 1):
                if (
                    toks[j] in _PARTIAL
                    and toks[j] not in claim_toks
                    and toks[j - 1] == left
                    and (
                        toks[j + 1] in (right, after)
                        or (j + 2 < len(toks) and toks[j + 2] == right)
                    )
                ):
                    return toks_c[i], toks[j]
    return None


_ORDER = {stem("before"): stem("after"), stem("after"): stem("before")}
#: how many words after "before"/"after" are read as the event it places things by
_EVENT_WIDTH = 4


def _event(toks: Sequence[str], i: int) -> set[str]:
    """Content stems of the words after position ``i`` (the event "before" there names)."""
    return {
        t for t in toks[i + 1 : i + 1 + _EVENT_WIDTH] if t not in _FUNCTION_STEMS and len(t) > 2
    }


def order_clash(
    claim_toks: Sequence[str], sentences: Sequence[Sequence[str]]
) -> tuple[str, str] | None:
    """("after", "before") or the reverse when the claim places something after an event
    that an evidence sentence places before it: the same event (a content word of the next
    four shared) and the same thing placed (two of the eight words before shared, or all
    the claim has), with no evidence sentence placing it as the claim does. "production
    would start only after the drug is approved" against "production would begin before
    any approval". Tokens are stemmed, stopwords kept."""
    if _ORDER.keys().isdisjoint(claim_toks):
        return None  # most claims place nothing before or after anything
    toks_c = list(claim_toks)
    for i, mine in enumerate(toks_c):
        if mine not in _ORDER or _negated_at(toks_c, i):
            continue
        subject, event = _subject(toks_c, i), _event(toks_c, i)
        if not subject or not event:
            continue
        need = min(2, len(subject))

        placed = [
            (t, toks, j)
            for toks in sentences
            for j, t in enumerate(toks)
            if t in _ORDER
            and len(subject & _subject(toks, j)) >= need
            and not event.isdisjoint(_event(toks, j))
        ]
        if any(t == mine for t, _, _ in placed):
            continue  # the evidence places it as the claim does
        for t, toks, j in placed:
            if not _negated_at(list(toks), j):
                return mine, t
    return None


_R = data_json("ranks.json")
#: the ordinals of quantities.json ("last" ranks from the other end: no rank to compare)
_RANK_ORDINALS = {stem(w): n for w, n in _ORDINALS.items() if n > 0}
_SUPERLATIVES = frozenset(stem(w) for w in _R["superlatives"])
_DIGIT_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)")
#: a whole token (of tokens joined by spaces) that :data:`_DIGIT_ORDINAL` matches in full
_DIGIT_ORDINAL_TOKEN = re.compile(r"(?<!\S)\d{1,3}(?:st|nd|rd|th)(?!\S)")
#: the tokens that are ranks by themselves (:func:`_ordinal` words, superlatives)
_RANK_WORDS = frozenset(_RANK_ORDINALS) | _SUPERLATIVES


def _ordinal(tok: str) -> int | None:
    # only a token that opens with a digit can be "5th": the pattern is tried on those alone
    found = _DIGIT_ORDINAL.fullmatch(tok) if tok[:1].isdigit() else None
    return int(found.group(1)) if found else _RANK_ORDINALS.get(tok)


def _ranks(toks: Sequence[str]) -> list[tuple[int, int, str, int, str]]:
    """(first position, rank, superlative or "", rank's last position + 1, the word ranked)
    of each rank in ``toks``: "second time" (2, "", "time"), "largest airline" (1,
    "largest", "airline"), "second-largest airline" and "second largest airline" (2,
    "largest", "airline"). The word ranked is the next one, when it is a content word."""
    if _RANK_WORDS.isdisjoint(toks):
        # no ordinal or superlative word: a rank can only be "5th" or "second-largest" (a
        # hyphen), which the tokens joined show at once (most sentences rank nothing)
        joined = " ".join(toks)
        if "-" not in joined and _DIGIT_ORDINAL_TOKEN.search(joined) is None:
            return []
    out = []
    for i, t in enumerate(toks):
        head, _, tail = t.partition("-")
        if tail in _SUPERLATIVES and (n := _ordinal(head)) is not None:
            rank, sup, end = n, tail, i + 1
        elif t in _SUPERLATIVES and not (i and _ordinal(toks[i - 1]) is not None):
            rank, sup, end = 1, t, i + 1
        elif (n := _ordinal(t)) is not None:
            if i + 1 < len(toks) and toks[i + 1] in _SUPERLATIVES:
                rank, sup, end = n, toks[i + 1], i + 2
            else:
                rank, sup, end = n, "", i + 1
        else:
            continue
        if end < len(toks) and toks[end] not in _FUNCTION_STEMS and _ordinal(toks[end]) is None:
            out.append((i, rank, sup, end, toks[end]))
    return out


#: content stems besides the ranked word the claim and the evidence sentence must share
_RANK_CONTEXT = 2


def rank_clash(
    claim_toks: Sequence[str], sentences: Sequence[Sequence[str]]
) -> tuple[str, str] | None:
    """(claim's rank, evidence's rank) when the claim ranks a thing otherwise than an
    evidence sentence ranks the same thing: the same word ranked by the same kind of rank
    (an ordinal, or the same superlative) at another place, in a sentence sharing two more
    of the claim's content words, with no evidence sentence ranking it as the claim does.
    "the country's largest airline" against "is the country's second-largest airline", "the
    second time the Greens have won" against "the first time the Greens have won". Tokens
    are stemmed, stopwords kept."""
    toks_c = list(claim_toks)
    mine = [r for r in _ranks(toks_c) if not _negated_at(toks_c, r[0])]
    if not mine:
        return None
    content = {t for t in toks_c if t not in _FUNCTION_STEMS and len(t) > 2}
    theirs = [(toks, _ranks(toks)) for toks in sentences]
    for i, rank, sup, end, word in mine:
        if any((r[1], r[2], r[4]) == (rank, sup, word) for _, found in theirs for r in found):
            continue  # the evidence ranks it as the claim does
        context = content - {word, *toks_c[i:end]}
        for toks, found in theirs:
            for j, other, sup2, end2, word2 in found:
                if (sup2, word2) != (sup, word) or other == rank or _negated_at(list(toks), j):
                    continue
                if len(context.intersection(toks)) >= _RANK_CONTEXT:
                    return " ".join(toks_c[i:end]), " ".join(toks[j:end2])
    return None


# -- poles ----------------------------------------------------------------------------------
#
# Words that take a side on what they are said of: "admitted" against "denied", "encouraging"
# against "disappointing". Said of the same thing they are opposite statements, however far
# apart the words that name the thing stand from them ("Idris said the turnout at Saturday's
# clinics was disappointing" against "Sana Idris ... said the turnout was encouraging").

_POLES = tuple(
    (frozenset(stem(w) for w in pair[0]), frozenset(stem(w) for w in pair[1]))
    for key, pair in sorted(data_json("polarities.json").items())
    if not key.startswith("_")
)
_POLE_WORDS = frozenset().union(*(a | b for a, b in _POLES))


def _said_of(toks: Sequence[str], i: int) -> set[str]:
    """Content stems of every word before position ``i`` of a sentence: the speaker and the
    thing a pole word there is said of."""
    return {t for t in toks[:i] if t not in _FUNCTION_STEMS and len(t) > 2}


def polarity_clash(
    claim_toks: Sequence[str], sentences: Sequence[Sequence[str]]
) -> tuple[str, str] | None:
    """(claim's word, evidence's word) when the claim writes a word of one pole
    (polarities.json: "admitted", "encouraging") where an evidence sentence writes one of
    the other pole ("denied", "disappointing") said of the same thing: two content words
    before each shared (or all the claim has before its word). Not when the claim writes
    both poles, when an evidence sentence writes the claim's pole of the same thing, when
    the other pole's sentence writes the claim's pole too, or when either word is negated.
    Tokens are stemmed, stopwords kept."""
    if _POLE_WORDS.isdisjoint(claim_toks):
        return None
    toks_c = list(claim_toks)
    for pole_a, pole_b in _POLES:
        for mine, other in ((pole_a, pole_b), (pole_b, pole_a)):
            if mine.isdisjoint(toks_c) or not other.isdisjoint(toks_c):
                continue  # none of this pole, or both poles in the claim
            for i, t in enumerate(toks_c):
                if t not in mine or _negated_at(toks_c, i):
                    continue
                subject = _said_of(toks_c, i)
                if not subject:
                    continue
                need = min(2, len(subject))
                found = [
                    (toks, j, u)
                    for toks in sentences
                    for j, u in enumerate(toks)
                    if (u in mine or u in other) and len(subject & _said_of(toks, j)) >= need
                ]
                if any(u in mine for _, _, u in found):
                    continue  # the evidence says it as the claim does
                for toks, j, u in found:
                    if mine.isdisjoint(toks) and not _negated_at(list(toks), j):
                        return t, u
    return None
