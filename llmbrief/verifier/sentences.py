"""The sentences of a cluster as the checks read them: spans, stems, and what is computed
once per sentence or article when a check first asks (clauses, figures, dates, lower-cased
words, acronyms). Nothing here scans more than the sentence or article it belongs to.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import math
import re
from dataclasses import dataclass, field

from ..citations import _ABBREVIATIONS, _is_boundary, sentence_spans
from ..types import Evidence, Span, new_evidence
from . import checks
from .lexicon import STOPWORDS, content_stems, flat, has_number, stem, words
from .normalise import Normalised
from .relations import name_lexicon

__all__ = [
    "APPOSITION",
    "CAPS_PHRASE",
    "IndexedArticle",
    "IndexedSentence",
    "Window",
    "article_spans",
    "lower_words",
    "name_words",
]


# -- an article's sentences --------------------------------------------------------------
#
# :func:`..citations.sentence_spans` weighs each full stop in Python; in plain ASCII prose
# (full stops followed by a space and a word, or by a digit) most are plainly sentence ends
# or plainly not, and one pass of a pattern finds them. Anything else goes the long way.

# what the fast path leaves to sentence_spans: a full stop followed by another, by anything
# but a space, a digit or the end, or by spaces and then anything but a letter (one
# pattern led by the full stop, which the regex engine looks for fast); and a line break,
# "!", "?" or a bracket (trailing citations), each a single character to look for
_SPLIT_HARD = re.compile(r"\.(?:\.|(?! |\d|$)| +(?=[^A-Za-z ]))")
_STOP_BEFORE_CAPITAL = re.compile(r"\. +(?=[A-Z])")


def article_spans(text: str) -> list[tuple[int, int]]:
    """:func:`..citations.sentence_spans` of ``text``, read faster when it is plain prose.

    In ASCII text whose every full stop is followed by a digit (no sentence end), by the
    end, or by spaces and a letter, a full stop before a small letter ends nothing, and one
    before a capital ends a sentence when the word before it is letters and digits that
    are no abbreviation; any other (a single capital, "Mr", "$5") is weighed as
    sentence_spans weighs it. Other text is split by sentence_spans itself;
    ``tests/test_verifier_speed.py`` holds the two side by side.
    """
    if (
        not text.isascii()
        or "\n" in text
        or "!" in text
        or "?" in text
        or "[" in text
        or _SPLIT_HARD.search(text) is not None
    ):
        return sentence_spans(text)
    # a sentence ends at its full stop and the next starts at the capital after the
    # spaces: its span needs no stripping (the first and the last one still do)
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    rfind = text.rfind
    for m in _STOP_BEFORE_CAPITAL.finditer(text):
        dot = m.start()
        word = text[rfind(" ", 0, dot) + 1 : dot]
        if (len(word) > 1 and word.isalnum() and word.lower() not in _ABBREVIATIONS) or (
            _is_boundary(text, dot, m.end(), False)
        ):
            spans.append((start, dot + 1))
            start = m.end()
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


class IndexedSentence:
    """One sentence of an article: its span and content stems; the rest is computed (once)
    when a check asks."""

    __slots__ = (
        "_clauses",
        "_dates",
        "_lower",
        "_negations",
        "_numerals",
        "_quantities",
        "_text",
        "_toks",
        "end",
        "start",
        "stems",
    )

    # What a check computes is kept in a slot left empty until then (reading an empty slot
    # raises AttributeError): one object is made per sentence of the cluster, and seven
    # slots set to None in each cost a tenth of the sentence split at 800 articles.
    _lower: frozenset[str]
    _negations: int
    _toks: tuple[str, ...]
    _dates: set[str]
    _quantities: tuple[checks.Quantity, ...]
    _numerals: tuple[frozenset[str], bool]
    _clauses: tuple[tuple[checks.Clause, frozenset[str], frozenset[str]], ...]

    def __init__(self, text: str, start: int, end: int, stems: frozenset[str]) -> None:
        self._text = text
        self.start = start
        self.end = end
        self.stems = stems

    @property
    def clauses(self) -> tuple[tuple[checks.Clause, frozenset[str], frozenset[str]], ...]:
        """Clauses (offsets into the article) with their content stems and the stems in
        their negation's scope."""
        try:
            return self._clauses
        except AttributeError:
            text, a = self.text, self.start
            out = []
            for c in checks.clauses(text):
                scope = None if c.scope is None else (a + c.scope[0], a + c.scope[1])
                scoped = (
                    frozenset(content_stems(text[c.scope[0] : c.scope[1]]))
                    if c.scope
                    else frozenset()
                )
                out.append(
                    (
                        checks.Clause(a + c.start, a + c.end, scope),
                        frozenset(content_stems(text[c.start : c.end])),
                        scoped,
                    )
                )
            self._clauses = tuple(out)
            return self._clauses

    @property
    def text(self) -> str:
        return self._text[self.start : self.end]

    @property
    def lower(self) -> frozenset[str]:
        try:
            return self._lower
        except AttributeError:
            self._lower = lower_words(self.text)
            return self._lower

    @property
    def negations(self) -> int:
        try:
            return self._negations
        except AttributeError:
            self._negations = checks.negations(self.text)
            return self._negations

    @property
    def toks(self) -> tuple[str, ...]:
        try:
            return self._toks
        except AttributeError:
            self._toks = tuple(map(stem, words(self.text)))
            return self._toks

    @property
    def dates(self) -> set[str]:
        try:
            return self._dates
        except AttributeError:
            self._dates = checks.dates(self.text)
            return self._dates

    @property
    def quantities(self) -> tuple[checks.Quantity, ...]:
        # kept here: a cluster has more sentences than checks.quantities' cache holds
        try:
            return self._quantities
        except AttributeError:
            self._quantities = checks.quantities(self.text)
            return self._quantities

    def may_write(self, sig: str) -> bool:
        """Whether a numeral of the sentence has the significant digits ``sig`` (or so many
        that rounding may make it one): only then can a figure of it have them."""
        try:
            numerals = self._numerals
        except AttributeError:
            found = {
                _numeral_significand(m.group(1))
                for m in _NUMERAL_AT_RUN.finditer(self._text, self.start, self.end)
            }
            numerals = self._numerals = (
                frozenset(found),
                any(len(x) > _SIGNIFICANT for x in found),
            )
        return sig in numerals[0] or numerals[1]

    @property
    def has_number(self) -> bool:
        return has_number(self.text)


@dataclass
class IndexedArticle:
    """One article: its normalised text, its sentences, and what checks read from it."""

    id: str
    text: str
    sentences: list[IndexedSentence]
    title: str
    stems: frozenset[str]
    #: the article as written and the way back to its offsets
    norm: Normalised
    _lower_words: frozenset[str] | None = None
    _sorted_words: list[str] | None = None
    _quantities: tuple[checks.Quantity, ...] | None = None
    _dates: set[str] | None = None
    _flat: str | None = None
    _acronyms: dict[str, str] | None = None
    _names: frozenset[str] | None = None
    _appositions: dict[str, list[str]] | None = None
    #: who published it ("Peloton Weekly"): a name a claim may credit with what it reports
    source: str = ""
    #: the day it was published: what "on Monday", "last month" in its text resolve from
    published: datetime.date | None = None
    #: the text without commas and points (the digits of 7,340.5 in a row), and per sentence
    _digit_text: str | None = None
    _sentence_digits: list[str] = field(default_factory=list)
    #: the sentences that may write a number in words
    _worded: list[int] | None = None
    _starts: list[int] | None = None
    _date_found: dict[str, bool] = field(default_factory=dict)

    @property
    def lower_words(self) -> frozenset[str]:
        if self._lower_words is None:
            self._lower_words = lower_words(self.title + "\n" + self.text)
        return self._lower_words

    @property
    def appositions(self) -> dict[str, list[str]]:
        """Ages given in apposition ("Varga, 22,"): age -> the names it is given to."""
        if self._appositions is None:
            self._appositions = {}
            for m in APPOSITION.finditer(self.text):
                self._appositions.setdefault(m.group(2), []).append(m.group(1))
        return self._appositions

    @property
    def names(self) -> frozenset[str]:
        """The article's names as the roles check reads them (:func:`.relations.name_lexicon`)."""
        if self._names is None:
            self._names = name_lexicon(self.text)
        return self._names

    @property
    def sorted_words(self) -> list[str]:
        if self._sorted_words is None:
            self._sorted_words = sorted(self.lower_words)
        return self._sorted_words

    @property
    def quantities(self) -> tuple[checks.Quantity, ...]:
        if self._quantities is None:
            self._quantities = tuple(q for s in self.sentences for q in s.quantities)
        return self._quantities

    def holds(self, q: checks.Quantity, first: range = range(0)) -> bool:
        """Whether a figure of the article matches the claim's ``q``: as
        ``any(q.matches(o) for o in self.quantities)``, but reading only the sentences that
        write the digits of ``q`` (and those with number words, when ``q`` could be one).

        The sentences ``first`` (the evidence window) are read before the others."""
        if any(q.matches(o) for i in first for o in self.sentences[i].quantities):
            return True
        sig = significand(q.value) if q.unit != "magnitude" and _POWERS_OF_TEN else None
        if sig is None:
            return any(q.matches(o) for o in self.quantities)
        if self._digit_text is None:
            self._digit_text = self.text.replace(",", "").replace(".", "")
        # a figure within rounding of q but just under it: 7339999999 for 734
        under = _under(sig)
        if sig in self._digit_text or under in self._digit_text:
            if not self._sentence_digits:  # each sentence's digits, once some sentence has them
                self._sentence_digits = [
                    self.text[x.start : x.end].replace(",", "").replace(".", "")
                    for x in self.sentences
                ]
            for x, digits in zip(self.sentences, self._sentence_digits, strict=True):
                if (
                    (sig in digits or under in digits)
                    and x.may_write(sig)
                    and any(q.matches(o) for o in x.quantities)
                ):
                    return True
        if len(sig) > _WORDED_DIGITS:
            return False
        # a value of one or two digits may be written as a word ("twelve", "five million")
        if self._worded is None:
            self._worded = [i for i, x in enumerate(self.sentences) if _worded(x.text)]
        return any(q.matches(o) for i in self._worded for o in self.sentences[i].quantities)

    @property
    def dates(self) -> set[str]:
        if self._dates is None:
            self._dates = checks.dates(self.text)
        return self._dates

    def holds_date(self, d: str) -> bool:
        """Whether ``d`` is among :attr:`dates`, reading only the sentences that spell it.

        A month or weekday alone is a word of some sentence; "may" (a verb or a month by
        the whole text) and a weekday with its part of the day (which may run into the
        next sentence) are read from the whole text.
        """
        found = self._date_found.get(d)
        if found is None:
            if d == "may" or " " in d:
                found = d in self.dates
            else:
                found = False
                for m in _date_spelling(d).finditer(self.text):
                    si = bisect.bisect_right(self.starts, m.start()) - 1
                    if si >= 0 and d in self.sentences[si].dates:
                        found = True
                        break
            self._date_found[d] = found
        return found

    @property
    def starts(self) -> list[int]:
        """Where each sentence starts."""
        if self._starts is None:
            self._starts = [x.start for x in self.sentences]
        return self._starts

    @property
    def flat(self) -> str:
        if self._flat is None:
            self._flat = flat(self.text)
        return self._flat

    @property
    def acronyms(self) -> dict[str, str]:
        """Initials of the article's multi-word names -> the name ("WHO" -> "World Health
        Organization"), and its all-capital words -> themselves."""
        if self._acronyms is None:
            self._acronyms = {}
            for m in CAPS_PHRASE.finditer(self.title + "\n" + self.text):
                parts = name_words(m.group(0))
                for i in range(len(parts) - 1):  # "Loans International Monetary Fund"
                    self._acronyms.setdefault("".join(w[0] for w in parts[i:]), m.group(0))
        return self._acronyms

    def norm_span(self, start: int, end: int) -> Span:
        """A span of the normalised text as a :class:`Span` into the article as written."""
        a, b = self.norm.span(start, end)
        return Span(where=self.id, start=a, end=b)

    def evidence(self, first: int, last: int, score: float) -> Evidence:
        """Sentences ``first`` to ``last`` as evidence, with offsets into the article as written."""
        start, end = self.norm.span(self.sentences[first].start, self.sentences[last].end)
        return new_evidence(
            {
                "article_id": self.id,
                "sentence": self.norm.original[start:end],
                "start": start,
                "end": end,
                "score": score,
            }
        )


# Which sentences can hold a figure: a figure's value is the numeral's times powers of ten
# (its scale words), so it has the numeral's significant digits. A value of one or two
# digits may be a number word ("twelve", "five million", "thousands"): those read the
# sentences with number words too. Eight digits at most, so that two different significands
# never match to rounding; a longer numeral is read for every figure.
_SIGNIFICANT = 8
_POWERS_OF_TEN = all(math.log10(v).is_integer() for v in checks._SCALES.values())
# the numeral checks.quantities reads at the start of each run of digits
_NUMERAL_AT_RUN = re.compile(r"(?=((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?))\d+")


def _numeral_significand(numeral: str) -> str:
    """``"7,340.0"`` -> ``"734"``: the numeral's digits without leading or trailing zeros."""
    return numeral.replace(",", "").replace(".", "").strip("0") or "0"


@functools.lru_cache(maxsize=4096)
def significand(value: float) -> str | None:
    """The significant digits of a figure's value, or None when it has too many."""
    mantissa = f"{abs(value):.12e}".split("e")[0].replace(".", "").rstrip("0") or "0"
    return mantissa if len(mantissa) <= _SIGNIFICANT else None


@functools.lru_cache(maxsize=4096)
def _under(sig: str) -> str:
    """The digits of a value just under one of significand ``sig`` (rounding may make it
    one): ``"73399999"`` for ``"734"``."""
    return str(int(sig.ljust(_SIGNIFICANT, "0")) - 1)


# the words checks.quantities may read a number in: number words, ordinals, magnitudes
# (the last word of each: "a dozen" is read where "dozen" is)
_NUMBER_WORDS = frozenset(
    k.split()[-1]
    for k in (
        *checks._UNITS["ones"],
        *checks._UNITS["tens"],
        *checks._ORDINALS,
        *checks._MAGNITUDES,
    )
)
_WORDED = re.compile(
    r"\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=lambda w: (-len(w), w))) + ")", re.IGNORECASE
)
_NOT_LETTERS = re.compile(r"[^a-z]+")


def _worded(text: str) -> bool:
    """Whether ``text`` may write a number in words (a number word starts a word)."""
    if text.isascii():  # the words split at anything but a-z, where the pattern starts them
        return not _NUMBER_WORDS.isdisjoint(_NOT_LETTERS.split(text.lower()))
    return _WORDED.search(text) is not None


#: digits of the longest value a number word, an ordinal or a magnitude word may have
_WORDED_DIGITS = max(
    len(significand(float(v)) or "")
    for v in (
        *checks._UNITS["ones"].values(),
        *(t + o for t in checks._UNITS["tens"].values() for o in range(10)),
        *(abs(v) for v in checks._ORDINALS.values()),
        *checks._MAGNITUDES.values(),
    )
)


@functools.lru_cache(maxsize=64)
def _date_spelling(d: str) -> re.Pattern[str]:
    """Where a month or weekday (canonical ``d``) may be a word of a text: its spellings,
    case aside, not within a longer word (a superset of :func:`checks.dates`' tokens)."""
    spellings = sorted(w for w, c in checks._DATE_WORD.items() if c == d) or ["(?!)"]
    return re.compile(r"(?<![^\W_])(?:" + "|".join(spellings) + r")(?![^\W_])", re.IGNORECASE)


# (article, first sentence, last sentence, share of the claim it covers)
Window = tuple[IndexedArticle, int, int, float]


#: A name and an age between commas: "Varga, 22, has scored" (the name's last words).
APPOSITION = re.compile(r"\b((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+),\s+(\d{1,3}),")

# a run of capitalised words, "of", "for", "and", "the" allowed inside ("Bank of England")
CAPS_PHRASE = re.compile(
    r"\b[A-Z][\w&'-]*(?:[ \t]+(?:(?:of|for|and|the|on|de)[ \t]+)?[A-Z][\w&'-]*)+"
)


def name_words(phrase: str) -> list[str]:
    """The capitalised words of a name phrase, an opening "The" and the like left out."""
    return [w for w in phrase.split() if w[0].isupper() and w.lower() not in STOPWORDS]


_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")


def lower_words(text: str, tokens: list[str] | None = None) -> frozenset[str]:
    """Lowercased words, plus dotted abbreviations both ways (``u.s`` and ``us``)."""
    low = text.lower().replace("’", "'")
    out = set(words(low)) if tokens is None else {t.lower().replace("’", "'") for t in tokens}
    out |= {w[:-2] for w in out if w.endswith("'s")}
    if "." in text:
        for m in _DOTTED.findall(low):
            bare = m.rstrip(".")
            out.add(bare)
            out.add(bare.replace(".", ""))
    return frozenset(out)
