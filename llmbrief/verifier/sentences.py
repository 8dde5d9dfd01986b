"""The sentences of a cluster as the checks read them: spans, stems, and what is computed
once per sentence or article when a check first asks (clauses, figures, dates, lower-cased
words, acronyms). Nothing here scans more than the sentence or article it belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Evidence, Span
from . import checks
from .lexicon import STOPWORDS, content_stems, flat, has_number, stem, words
from .normalise import Normalised
from .relations import name_lexicon

__all__ = [
    "CAPS_PHRASE",
    "IndexedArticle",
    "IndexedSentence",
    "Window",
    "lower_words",
    "name_words",
]


class IndexedSentence:
    """One sentence of an article: its span and content stems; the rest is computed (once)
    when a check asks."""

    __slots__ = (
        "_clauses",
        "_dates",
        "_lower",
        "_negations",
        "_text",
        "_toks",
        "end",
        "start",
        "stems",
    )

    def __init__(self, text: str, start: int, end: int, stems: frozenset[str]) -> None:
        self._text = text
        self.start = start
        self.end = end
        self.stems = stems
        self._lower: frozenset[str] | None = None
        self._negations: int | None = None
        self._toks: tuple[str, ...] | None = None
        self._dates: set[str] | None = None
        self._clauses: tuple[tuple[checks.Clause, frozenset[str], frozenset[str]], ...] | None = (
            None
        )

    @property
    def clauses(self) -> tuple[tuple[checks.Clause, frozenset[str], frozenset[str]], ...]:
        """Clauses (offsets into the article) with their content stems and the stems in
        their negation's scope."""
        if self._clauses is None:
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
        if self._lower is None:
            self._lower = lower_words(self.text)
        return self._lower

    @property
    def negations(self) -> int:
        if self._negations is None:
            self._negations = checks.negations(self.text)
        return self._negations

    @property
    def toks(self) -> tuple[str, ...]:
        if self._toks is None:
            self._toks = tuple(stem(t) for t in words(self.text))
        return self._toks

    @property
    def dates(self) -> set[str]:
        if self._dates is None:
            self._dates = checks.dates(self.text)
        return self._dates

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

    @property
    def lower_words(self) -> frozenset[str]:
        if self._lower_words is None:
            self._lower_words = lower_words(self.title + "\n" + self.text)
        return self._lower_words

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
            self._quantities = tuple(
                q
                for s in self.sentences
                if s.has_number
                for q in checks.quantities(self.text[s.start : s.end])
            )
        return self._quantities

    @property
    def dates(self) -> set[str]:
        if self._dates is None:
            self._dates = checks.dates(self.text)
        return self._dates

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
        return Evidence(
            article_id=self.id,
            sentence=self.norm.original[start:end],
            start=start,
            end=end,
            score=score,
        )


# (article, first sentence, last sentence, share of the claim it covers)
Window = tuple[IndexedArticle, int, int, float]


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
