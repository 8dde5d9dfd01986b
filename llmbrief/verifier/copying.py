"""Copy deviations: where a claim made of copied words departs from the sentences it copies.

Summarisers that copy and splice their sources (most pre-LLM news summarisers) write claims
whose every word is in the cited text while what they say is not: a clause whose verb comes
from one sentence and whose object from another, a copied sentence with one name or figure
swapped for another of the same article, the same words copied twice. Word overlap sees
none of it.

:func:`copy_runs` reads a claim as the fewest runs of words each copied, word for word, from
one sentence of the cited articles (a word no sentence has is a run of its own, copied from
nowhere). :func:`copy_deviations` looks for:

* ``substitution`` (any claim): a sentence copied around a slot of at most three words that
  holds, instead of the sentence's name, day or figure, another of the same kind that the
  cited text writes elsewhere ("the London embassy" where the sentence copied around it says
  "the Russian embassy");
* ``splice`` (a claim whose words are almost all copied, :data:`NEAR_EXTRACTIVE`): two runs,
  each with a content word, of one article's sentences that are neither the same nor
  neighbours, joined inside a clause, where no other cut of the same words places both
  halves in one sentence or two neighbours ("... to spend | a tax cut");
* ``repetition`` (the same claims): the same words of one sentence copied twice, with
  something between them ("the Yankees and Red Sox are | the Yankees and Red Sox").

What a splice check cannot tell from a wrong join, it leaves alone (each measured on the dev
suite: it flagged more good claims than bad ones): the first run of a clause, which names
its subject as the summary chooses ("The 29-year-old | suffered the injury": coreference; a
clause starts the claim, or after a comma, "and", "which", a reporting verb, or at a subject
pronoun);
a run that opens with a preposition, a detail of when or where ("| on Thursday") that
summaries attach from another sentence rightly more often than wrongly; what follows a
reporting verb ("Berg said | ..."), which news attributes in a sentence of its own; runs of
two cited articles, which is synthesis.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..citations import sentence_spans
from ..types import Span
from .lexicon import NUMERIC_WORDS, STOPWORDS, WORD, data_json
from .sentences import IndexedArticle

__all__ = [
    "NEAR_EXTRACTIVE",
    "CopyRun",
    "Deviation",
    "SourceWords",
    "copied_share",
    "copy_deviations",
    "copy_runs",
    "source_words",
]

#: The share of a claim's words, in copied runs of two words or more, above which a claim is
#: near-extractive and its departures from what it copies are read as what it asserts.
NEAR_EXTRACTIVE = 0.9
#: The most words a substituted slot may have (on both sides: the claim's and the source's).
_SLOT = 3
#: The fewest words of a run that can be spliced, substituted around or repeated.
_MIN_RUN = 2
#: the copied run that anchors a slot at a claim's first or last words (one side only)
_EDGE_RUN = 4

_BOUNDARY = re.compile(r"[,;:()\"—–]|\s-\s")
_DATA = data_json("copying.json")
_CLAUSE_OPENERS = frozenset(_DATA["clause_openers"].split())
_REPORTING = frozenset(_DATA["reporting"].split()) | {"that"}
_MODIFIER_OPENERS = frozenset(_DATA["modifier_openers"].split())
_SUBJECT_PRONOUNS = frozenset(_DATA["subject_pronouns"].split())
_PREDICATE_OPENERS = frozenset(_DATA["predicate_openers"].split())
_TIME_WORDS = frozenset(_DATA["time_words"].split())
#: each unit's dimension and the unit itself (its singular and plural forms alike)
_COUNTS = frozenset(_DATA["counts"].split())
_UNITS: dict[str, tuple[int, str]] = {
    w: (d, w.removesuffix("s")) for d, line in enumerate(_DATA["units"]) for w in line.split()
}
#: The words of a run read for a time after a preposition ("in | its first six months").
_TIME_REACH = 5
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_DIGITS = re.compile(r"\d+")
#: number words a slot may swap for a figure, with their values ("one figure" for "the 12%
#: figure"); "a" and "an" are no figure
_NUMBER_VALUES: dict[str, float] = {
    w: float(v) for w, v in data_json("quantities.json")["ones"].items() if " " not in w
}

#: (article, sentence, word position): where a source writes a run
Place = tuple[int, int, int]


@dataclass(frozen=True)
class CopyRun:
    """Claim words ``start`` to ``end`` (word indices), and every place a cited sentence
    writes them word for word (none: words copied from nowhere)."""

    start: int
    end: int
    at: tuple[Place, ...]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Deviation:
    """A departure of a claim from what it copies: the check's name, the reason in words,
    and the spans (in the claim and in the articles) it looked at."""

    name: str
    reason: str
    spans: list[Span]


@dataclass(frozen=True)
class _Index:
    """One article's sentences as lowercased words, with where each word and each pair of
    neighbouring words is written ((sentence, position) each)."""

    sents: tuple[tuple[str, ...], ...]
    where: dict[str, tuple[tuple[int, int], ...]]
    pairs: dict[tuple[str, str], tuple[tuple[int, int], ...]]


def _index(sents: Sequence[Sequence[str]]) -> _Index:
    where: dict[str, list[tuple[int, int]]] = {}
    pairs: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for si, sent in enumerate(sents):
        for p, w in enumerate(sent):
            where.setdefault(w, []).append((si, p))
            if p + 1 < len(sent):
                pairs.setdefault((w, sent[p + 1]), []).append((si, p))
    return _Index(
        sents=tuple(tuple(s) for s in sents),
        where={w: tuple(v) for w, v in where.items()},
        pairs={w: tuple(v) for w, v in pairs.items()},
    )


@dataclass(frozen=True)
class SourceWords:
    """One article's words as :func:`source_words` gives them."""

    sents: tuple[tuple[str, ...], ...]
    offsets: tuple[tuple[tuple[int, int], ...], ...]
    where: dict[str, tuple[tuple[int, int], ...]]


@dataclass(frozen=True)
class _Source:
    """One cited article's words, sentence by sentence, as the copy checks read them."""

    index: _Index
    offsets: tuple[tuple[tuple[int, int], ...], ...]
    #: words the article writes capitalised inside a sentence and never in lower case
    names: frozenset[str]


# articles are read when a claim first cites them; a brief cites a few of its cluster's
@functools.lru_cache(maxsize=256)
def _source(text: str) -> _Source:
    """The words of an article's (normalised) text, split as the index splits sentences."""
    words: list[tuple[str, ...]] = []
    offsets: list[tuple[tuple[int, int], ...]] = []
    capitalised: set[str] = set()
    lower: set[str] = set()
    for a, b in sentence_spans(text):
        found = list(WORD.finditer(text, a, b))
        words.append(tuple(m.group(0).lower() for m in found))
        offsets.append(tuple(m.span() for m in found))
        for p, m in enumerate(found):
            w = m.group(0)
            if w[0].islower():
                lower.add(w)
            elif p and w[0].isupper():
                capitalised.add(w.lower())
    names = frozenset(capitalised - lower)
    return _Source(index=_index(words), offsets=tuple(offsets), names=names)


def source_words(text: str) -> SourceWords:
    """An article's (normalised) text as the copy checks read it: per sentence its words,
    lowercased, their offsets in ``text``, and where each word is written (sentence,
    position); cached, so an article is read once."""
    src = _source(text)
    return SourceWords(src.index.sents, src.offsets, src.index.where)


def copy_runs(claim: Sequence[str], sources: Sequence[Sequence[Sequence[str]]]) -> list[CopyRun]:
    """The claim's words as the fewest runs each copied from one sentence.

    Args:
        claim: the claim's words, lowercased.
        sources: per cited article, its sentences' words, lowercased.

    Returns:
        The runs in claim order; a word no sentence writes is a run of its own with no place.
        Among segmentations with as few runs, each run is as long as it can be from the end.
    """
    return _runs(claim, [_index(sents) for sents in sources])


def _runs(claim: Sequence[str], indexes: Sequence[_Index]) -> list[CopyRun]:
    n = len(claim)
    longest = [0] * n  # the longest copied run starting at each claim word
    for i, w in enumerate(claim):
        if i + 1 == n or not any((w, claim[i + 1]) in x.pairs for x in indexes):
            longest[i] = int(any(w in x.where for x in indexes))
            continue
        # a run of two words or more: only where the source writes the first two together
        for x in indexes:
            for si, p in x.pairs.get((w, claim[i + 1]), ()):
                sent = x.sents[si]
                k = 2
                while i + k < n and p + k < len(sent) and sent[p + k] == claim[i + k]:
                    k += 1
                longest[i] = max(longest[i], k)
    # fewest runs: best[j] = (runs, start of the last run) for the claim's first j words
    best: list[tuple[int, int]] = [(0, 0)] + [(n + 1, 0)] * n
    for i in range(n):
        count = best[i][0] + 1
        for j in range(i + 1, i + max(1, longest[i]) + 1):
            if count < best[j][0]:
                best[j] = (count, i)
    bounds = []
    j = n
    while j > 0:
        i = best[j][1]
        bounds.append((i, j))
        j = i
    bounds.reverse()
    return [CopyRun(i, j, _places(claim[i:j], indexes)) for i, j in bounds]


def _places(run: Sequence[str], indexes: Sequence[_Index]) -> tuple[Place, ...]:
    """Every place a cited sentence writes the words ``run``, in order."""
    if not run:
        return ()
    words = tuple(run)
    out: list[Place] = []
    for ai, x in enumerate(indexes):
        if len(words) == 1:
            found = x.where.get(words[0], ())
        else:
            found = x.pairs.get((words[0], words[1]), ())
        out.extend((ai, si, p) for si, p in found if x.sents[si][p : p + len(words)] == words)
    return tuple(out)


def copied_share(runs: Sequence[CopyRun]) -> float:
    """The share of the claim's words in copied runs of two words or more."""
    n = sum(len(r) for r in runs)
    copied = sum(len(r) for r in runs if r.at and len(r) >= _MIN_RUN)
    return copied / n if n else 0.0


def copy_deviations(
    claim_text: str, arts: Sequence[IndexedArticle], start: Callable[[str], None]
) -> Iterator[Deviation]:
    """The departures of a claim from the sentences it copies: a substitution in any claim,
    a splice or a repetition in a near-extractive one (:data:`NEAR_EXTRACTIVE`).

    Args:
        claim_text: the claim (normalised), one sentence.
        arts: the cited articles.
        start: called with each check's name as it runs.

    Yields:
        Each deviation found: a substitution first, then a splice, then a repetition.
    """
    found = list(WORD.finditer(claim_text))
    claim = [m.group(0).lower() for m in found]
    if len(claim) < 2 * _MIN_RUN or not arts:
        return
    sources = [_source(a.text) for a in arts]
    runs = _runs(claim, [s.index for s in sources])
    reader = _Reader(claim_text, found, claim, runs, sources, arts)
    start("substitution")
    sub = reader.substitution()
    if sub is not None:
        yield sub
    if copied_share(runs) < NEAR_EXTRACTIVE:
        return
    start("splice")
    splice = reader.splice()
    if splice is not None:
        yield splice
    start("repetition")
    rep = reader.repetition()
    if rep is not None:
        yield rep


@dataclass
class _Reader:
    """One claim, its copied runs and the cited articles' words, read by the checks."""

    text: str
    found: list[re.Match[str]]
    claim: list[str]
    runs: list[CopyRun]
    sources: list[_Source]
    arts: Sequence[IndexedArticle]

    # -- spans ---------------------------------------------------------------------------

    def _claim_span(self, first: int, last: int) -> Span:
        """Claim words ``first`` to ``last`` (exclusive) as a span."""
        return Span(where="claim", start=self.found[first].start(), end=self.found[last - 1].end())

    def _source_span(self, place: Place, length: int) -> Span:
        ai, si, p = place
        offsets = self.sources[ai].offsets[si]
        return self.arts[ai].norm_span(offsets[p][0], offsets[p + length - 1][1])

    def _words(self, run: CopyRun) -> str:
        return self.text[self.found[run.start].start() : self.found[run.end - 1].end()]

    def _label(self, place: Place) -> str:
        return f"sentence {place[1] + 1} of [{self.arts[place[0]].id}]"

    # -- splice ----------------------------------------------------------------------------

    def _copied(self, first: int, last: int) -> tuple[Place, ...]:
        return _places(self.claim[first:last], [s.index for s in self.sources])

    def _boundary(self, cut: int) -> bool:
        """Whether claim word ``cut`` opens a clause: a comma, colon, dash or parenthesis
        before it, a reporting verb before it, a word such as "and", "which" or "while", or a
        pronoun that is a clause's subject ("at the time | she heard")."""
        if self.claim[cut - 1] in _REPORTING:
            return True  # "X said | ...": what was said, attributed in a sentence of its own
        word = self.claim[cut]
        if word in _CLAUSE_OPENERS or word in _SUBJECT_PRONOUNS:
            return True
        return bool(
            _BOUNDARY.search(self.text[self.found[cut - 1].end() : self.found[cut].start()])
        )

    def _opens_clause(self, i: int) -> bool:
        """Whether claim word ``i`` is the first of a clause: of the claim, after a comma,
        at or after a word such as "and" or "which", or after a reporting verb."""
        return i == 0 or self._boundary(i) or self.claim[i - 1] in _CLAUSE_OPENERS

    def _answered(self, a: CopyRun, cut: int, b: CopyRun) -> bool:
        """Whether the words of runs ``a`` and ``b`` cut at claim word ``cut`` are two
        copied halves that one sentence, or two neighbouring ones of one article, write, or
        that meet at a clause's start."""
        if cut == b.start and self._boundary(cut):
            return True
        left, right = self._copied(a.start, cut), self._copied(cut, b.end)
        if not left or not right:
            return False
        return self._boundary(cut) or any(_near(x, y) for x in left for y in right)

    def splice(self) -> Deviation | None:
        """Two runs of one article's far-apart sentences joined inside one clause."""
        for a, b in itertools.pairwise(self.runs):
            if not (a.at and b.at and len(a) >= _MIN_RUN and len(b) >= _MIN_RUN):
                continue
            if any(self._opens_clause(i) for i in range(a.start, b.start)):
                continue  # a clause's first run: its subject, as the summary names it
            if _function_words(self.claim[a.start : a.end]) or _function_words(
                self.claim[b.start : b.end]
            ):
                continue
            if not any(x[0] == y[0] for x in a.at for y in b.at):
                continue  # runs of two cited articles: synthesis, not a splice
            if self.claim[b.start] in _MODIFIER_OPENERS:
                continue  # "on Thursday", "in New York": a detail of the same event, told apart
            if self.claim[b.start - 1] in _MODIFIER_OPENERS and _TIME_WORDS.intersection(
                self.claim[b.start : b.start + _TIME_REACH]
            ):
                continue  # "in | its first six months": when, with the preposition before it
            if _PREDICATE_OPENERS.intersection(self.claim[b.start - 1 : b.start + 1]):
                continue  # "the Spaniard | has been in fine form": a subject and its predicate
            # another cut of the same words that places both halves together, or that falls at
            # a clause's start between two copied halves, answers for the claim
            if any(self._answered(a, cut, b) for cut in range(a.start + 1, b.end)):
                continue
            pa = min(x for x in a.at if any(x[0] == y[0] for y in b.at))
            pb = min((y for y in b.at if y[0] == pa[0]), key=lambda y: (abs(y[1] - pa[1]), y))
            reason = (
                f'spliced: "{self._words(a)}" ({self._label(pa)}) and "{self._words(b)}" '
                f"({self._label(pb)}) are joined inside one clause; no sentence says them together"
            )
            spans = [
                self._claim_span(a.start, b.end),
                self._source_span(pa, len(a)),
                self._source_span(pb, len(b)),
            ]
            return Deviation("splice", reason, spans)
        return None

    # -- substitution ----------------------------------------------------------------------

    def substitution(self) -> Deviation | None:
        """A sentence copied around a slot filled with another name or figure of the article."""
        runs = self.runs
        for k, a in enumerate(runs):
            if not a.at or len(a) < _MIN_RUN:
                continue
            for m in range(k + 2, min(k + 2 + _SLOT, len(runs))):
                c = runs[m]
                if c.start - a.end > _SLOT:
                    break
                if not c.at or len(c) < _MIN_RUN:
                    continue
                found = self._slot(a, c)
                if found is not None:
                    return found
        return self._edge_slot()

    def _edge_slot(self) -> Deviation | None:
        """A slot at the end: a claim that copies a sentence but its last few words, where
        those words are another name or figure of the article ("stay above 35 degrees until
        Friday" where the sentence ends "until Wednesday"). Not at the start: a claim's first
        words name its subject in their own way ("the Welsh club" for "Cardiff")."""
        runs = [r for r in self.runs if r.at and len(r) >= _EDGE_RUN]
        if not runs:
            return None
        n = len(self.claim)
        last = runs[-1]
        if not 0 < n - last.end <= _SLOT:
            return None
        for pa in last.at:
            sent = self.sources[pa[0]].index.sents[pa[1]]
            tail = pa[2] + len(last)
            if 0 < len(sent) - tail <= _SLOT:
                found = self._substituted(last.end, n, pa[:2], tail, len(sent))
                if found is not None:
                    return found
        return None

    def _substituted(
        self, first: int, last: int, sentence: tuple[int, int], lo: int, hi: int
    ) -> Deviation | None:
        """The substitution of claim words ``first:last`` for words ``lo:hi`` of a sentence."""
        src = self.sources[sentence[0]]
        theirs = list(src.index.sents[sentence[1]][lo:hi])
        # a unit is read with the copied word before the slot: its count may be there
        before = self.claim[first - 1 : first]
        unit = _unit_swapped(before + self.claim[first:last], before + theirs)
        swapped = unit or self._swapped(self.claim[first:last], theirs, src, (*sentence, lo, hi))
        if swapped is None:
            return None
        said, written = swapped
        place = sentence[0], sentence[1], lo
        reason = f'"{said}" where {self._label(place)}, copied around it, says "{written}"' + (
            " (another unit)" if unit else " (which the article says of something else)"
        )
        spans = [self._claim_span(first, last), self._source_span(place, hi - lo)]
        return Deviation("substitution", reason, spans)

    def _slot(self, a: CopyRun, c: CopyRun) -> Deviation | None:
        """The substitution between runs ``a`` and ``c`` of one sentence, if any."""
        for pa in a.at:
            for pc in c.at:
                if pc[:2] != pa[:2]:
                    continue
                gap = pc[2] - (pa[2] + len(a))
                if not 0 < gap <= _SLOT:
                    continue
                found = self._substituted(a.end, c.start, pa[:2], pa[2] + len(a), pc[2])
                if found is not None:
                    return found
        return None

    def _swapped(
        self, mine: list[str], theirs: list[str], src: _Source, slot: tuple[int, int, int, int]
    ) -> tuple[str, str] | None:
        """(the claim's word, the sentence's) when the slot (article, sentence, first and
        last word) swaps a name or figure for one of the same kind that the cited text writes
        elsewhere."""
        if "".join(mine) == "".join(theirs):
            return None  # "12.30am" for "12.30 am": how it is written, not what
        new = [w for w in mine if w not in theirs]
        old = [w for w in theirs if w not in mine]
        for w in new:
            kind = _kind(w, src.names)
            if kind is None or not self._elsewhere(w, slot):
                continue
            for x in old:
                if _kind(x, src.names) != kind or _same_root(w, x):
                    continue
                if kind == "figure" and _figure_value(w) == _figure_value(x):
                    continue  # "12" for "twelve": the same figure
                if set(_DIGITS.findall(w)) & set(_DIGITS.findall(x)):
                    continue  # "19" for "19-year-old": the same figure
                return w, x
        return None

    def _elsewhere(self, word: str, slot: tuple[int, int, int, int]) -> bool:
        """Whether a cited article writes ``word`` outside the ``slot`` (article, sentence,
        first and last word): in another sentence, or in the slot's own sentence said of
        something else ("where 78% of pupils are vaccinated, well below the 95% needed")."""
        ai0, si0, lo, hi = slot
        return any(
            (ai, si) != (ai0, si0) or not lo <= p < hi
            for ai, s in enumerate(self.sources)
            for si, p in s.index.where.get(word, ())
        )

    # -- repetition ------------------------------------------------------------------------

    def repetition(self) -> Deviation | None:
        """The same words of one sentence copied twice, with something said between them."""
        runs = [r for r in self.runs if r.at and len(r) >= _MIN_RUN]
        for x, first in enumerate(runs):
            for second in runs[x + 1 :]:
                shared = _overlap(first, second)
                if shared is None:
                    continue
                ai, si, positions = shared
                if _says_nothing([self.sources[ai].index.sents[si][p] for p in positions]):
                    continue  # "million is" twice: two figures stated alike ("£52 million is
                    # ..., and £32 million is"), not the same words said twice
                if first.end == second.start:
                    continue  # "in the port of Lisk, in the port of Lisk": a stutter, said once
                reason = (
                    f"the claim copies the same words of {self._label((ai, si, 0))} twice: "
                    f'"{self._words(first)}" and "{self._words(second)}"'
                )
                spans = [
                    self._claim_span(first.start, first.end),
                    self._claim_span(second.start, second.end),
                ]
                return Deviation("repetition", reason, spans)
        return None


def _overlap(first: CopyRun, second: CopyRun) -> tuple[int, int, list[int]] | None:
    """(article, sentence, word positions) the two runs share, when every place the source
    writes them overlaps (the same words copied twice, nowhere written twice)."""
    shared: tuple[int, int, list[int]] | None = None
    for pa in first.at:
        for pb in second.at:
            if pa[:2] != pb[:2]:
                return None
            lo = max(pa[2], pb[2])
            hi = min(pa[2] + len(first), pb[2] + len(second))
            if lo >= hi:
                return None
            if shared is None:
                shared = (pa[0], pa[1], list(range(lo, hi)))
    return shared


def _unit_swapped(mine: list[str], theirs: list[str]) -> tuple[str, str] | None:
    """(the claim's unit, the sentence's) when a slot swaps a unit for another of the same
    dimension after the same count: "several weeks" for "several months", "3 metres" for
    "3 kilometres" (each slot read with the copied word before it). Then what is
    measured changed whatever the rest of the article says, and the unit need be written
    nowhere else."""
    for i, w in enumerate(mine):
        if w not in _UNITS:
            continue
        for j, x in enumerate(theirs):
            if x not in _UNITS or _UNITS[x][0] != _UNITS[w][0] or _UNITS[x][1] == _UNITS[w][1]:
                continue
            if i and j and mine[i - 1] == theirs[j - 1] and _count(mine[i - 1]):
                return w, x
    return None


def _count(word: str) -> bool:
    """Whether a word counts units: a figure, a number word or a word such as "several"
    (not "recent weeks" or "coming months", a vague time)."""
    return word in _COUNTS or word in NUMERIC_WORDS or any(ch.isdigit() for ch in word)


def _near(a: Place, b: Place) -> bool:
    """Whether two places are in one sentence or two neighbouring ones of one article."""
    return a[0] == b[0] and abs(a[1] - b[1]) <= 1


def _function_words(words: Sequence[str]) -> bool:
    return all(w in STOPWORDS for w in words)


def _says_nothing(words: Sequence[str]) -> bool:
    """Whether the words are only function words, figures and magnitudes ("million is",
    "per cent of"): a claim that states two figures alike repeats them, saying nothing twice."""
    return all(w in STOPWORDS or w in NUMERIC_WORDS or _DIGITS.search(w) for w in words)


def _figure_value(word: str) -> float | None:
    """The value of a figure written in digits or as a number word ("12", "twelve")."""
    if word.isdigit():
        return float(word)
    return _NUMBER_VALUES.get(word)


def _kind(word: str, names: frozenset[str]) -> str | None:
    """``year``, ``figure`` or ``name`` (as the article writes it), else None."""
    if _YEAR.fullmatch(word):
        return "year"
    if any(ch.isdigit() for ch in word) or word in _NUMBER_VALUES:
        return "figure"  # "12" where the sentence says "one": another figure
    return "name" if word in names else None


def _same_root(a: str, b: str) -> bool:
    """Whether two names share a root ("georgia", "georgian")."""
    k = min(len(a), len(b))
    cut = max(4, k - 2)
    return k >= 4 and a[:cut] == b[:cut]
