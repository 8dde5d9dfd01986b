"""Claim support: an index over a cluster's sentences and the deterministic support check.

The check compares a claim with the best window of 1-3 consecutive sentences of the cited
articles (content-word coverage weighted by rarity), then applies the hard checks of
:mod:`.checks` (numbers, dates, names, quotes, polarity, antonyms, modality) that sink
a claim whatever its overlap. Searching for other supporting articles goes through an
inverted index, never a scan of every sentence.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from ..citations import sentence_spans, strip_dateline
from ..types import Check, Cluster, Evidence, Span
from . import checks
from .lexicon import STOPWORDS, content_stems, flat, has_number, stem, words
from .normalise import Normalised, is_lowercased, normalise
from .places import country_aliases

__all__ = ["COVERAGE_THRESHOLD", "DEFAULT_MIN_SUPPORT", "ClusterIndex", "SupportResult"]

#: The strictness: the score (the share of the claim's rarity-weighted content words its
#: evidence carries, when no hard check fired) a claim needs to be supported.
DEFAULT_MIN_SUPPORT = 0.4
#: The former name of :data:`DEFAULT_MIN_SUPPORT`.
COVERAGE_THRESHOLD = DEFAULT_MIN_SUPPORT
#: A claim that fails a hard check scores at most this, whatever its coverage.
_FIRED_CAP = 0.25
_MAX_WINDOW = 3
#: Windows one article may give a claim (a second one would let fragments of far-apart
#: sentences add up: measured, it passes more unsupported claims than it saves good ones).
_WINDOWS_PER_ARTICLE = 1
_TOP_SENTENCES = 4
_SEARCH_CANDIDATES = 5
_SEARCH_CHECKS = 2
_RARE_STEMS = 6
_WEIGHT_SCALE = 1_000_000
#: Share of the claim's weight that, found only in uncited articles, sinks the citation.
_ELSEWHERE_SHARE = 0.15


class _Sentence:
    """One sentence: its span and content stems; the rest is computed when a check asks."""

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
            self._lower = _lower_words(self.text)
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
class _Article:
    id: str
    text: str
    sentences: list[_Sentence]
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

    @property
    def lower_words(self) -> frozenset[str]:
        if self._lower_words is None:
            self._lower_words = _lower_words(self.title + "\n" + self.text)
        return self._lower_words

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
            self._flat = _flat(self.text)
        return self._flat

    @property
    def acronyms(self) -> dict[str, str]:
        """Initials of the article's multi-word names -> the name ("WHO" -> "World Health
        Organization"), and its all-capital words -> themselves."""
        if self._acronyms is None:
            self._acronyms = {}
            for m in _CAPS_PHRASE.finditer(self.title + "\n" + self.text):
                parts = _name_words(m.group(0))
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
_Window = tuple[_Article, int, int, float]
# (check name, reason, spans it looked at)
_Finding = tuple[str, str, list[Span]]


@dataclass
class SupportResult:
    """How well a set of articles supports one claim."""

    supported: bool
    coverage: float
    evidence: list[Evidence] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    idle_ids: list[str] = field(default_factory=list)
    #: every check that ran, fired or not
    checks: list[Check] = field(default_factory=list)
    #: support after the checks, 0 to 1
    score: float = 0.0
    #: claim words that only uncited articles carry (enough of them to ask those articles)
    elsewhere: list[str] = field(default_factory=list)


_flat = flat


class ClusterIndex:
    """Sentences of every article, with an inverted index from content stems to articles.

    Build it once per cluster; each check then costs about the same whatever the cluster's size.
    """

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.articles: list[_Article] = []
        self.position: dict[str, int] = {}
        self.article_postings: dict[str, list[int]] = defaultdict(list)
        # exact sentence text (normalised) -> (article, sentence): quotes verify at once
        self._exact: dict[str, list[tuple[int, int]]] = defaultdict(list)
        doc_freq: Counter[str] = Counter()
        n_sentences = 0
        exact = self._exact
        for ai, art in enumerate(cluster.articles):
            sents: list[_Sentence] = []
            norm = normalise(art.text)  # footnotes out, tokenised figures joined
            text = norm.text
            for si, (a, b) in enumerate(sentence_spans(text)):
                chunk = text[a:b]
                stems = frozenset(content_stems(chunk))
                doc_freq.update(stems)
                sents.append(_Sentence(text, a, b, stems))
                exact[_flat(chunk)].append((ai, si))
                if si == 0:
                    exact[_flat(strip_dateline(chunk))].append((ai, si))
            n_sentences += len(sents)
            art_stems = frozenset().union(*(x.stems for x in sents))
            title = normalise(art.title).text
            for s in art_stems.union(content_stems(title)):
                self.article_postings[s].append(ai)
            self.articles.append(
                _Article(
                    id=art.id, text=text, sentences=sents, title=title, stems=art_stems, norm=norm
                )
            )
            self.position[art.id] = ai
        total = max(n_sentences, 1)
        self._idf = {s: math.log(1 + total / df) for s, df in doc_freq.items()}
        self._idf_unknown = math.log(1 + total)

    def _weights(self, claim: AbstractSet[str]) -> dict[str, int]:
        """Rarity weights of the claim's stems as integers (millionths): integer sums are
        the same in any order, so no set's order (no hash seed) can reach a verdict."""
        return {s: round(self.idf(s) * _WEIGHT_SCALE) for s in claim}

    def idf(self, s: str) -> float:
        """Rarity weight of a stem across the cluster's sentences."""
        return self._idf.get(s, self._idf_unknown)

    # -- windows -----------------------------------------------------------------------

    def _best_window(
        self, art: _Article, claim: set[str], weights: dict[str, int]
    ) -> tuple[float, int, int, frozenset[str]]:
        """(covered weight, first, last sentence index, stems) of the article's best window."""
        # a scan of the article's sentences: a few dozen small set intersections
        hits: dict[int, set[str]] = {}
        hit_weight: dict[int, int] = {}
        get = weights.__getitem__
        for si, sent in enumerate(art.sentences):
            common = claim & sent.stems
            if common:
                hits[si] = common
                hit_weight[si] = sum(map(get, common))  # integers: any order, same sum
        if not hits:
            return 0.0, -1, -1, frozenset()

        def weight(stems: set[str]) -> int:
            return sum(map(get, stems))

        top = sorted(hit_weight, key=lambda i: (-hit_weight[i], i))[:_TOP_SENTENCES]
        full = weight(claim)
        if hit_weight[top[0]] >= full - 1e-9:  # one sentence carries every word
            return hit_weight[top[0]], top[0], top[0], art.sentences[top[0]].stems
        best: tuple[float, int, int] = (0.0, -1, -1)
        n = len(art.sentences)
        empty: set[str] = set()
        for size in range(1, _MAX_WINDOW + 1):  # shortest window first: ties keep it
            for si in top:
                for first in range(max(0, si - size + 1), si + 1):
                    last = first + size - 1
                    if last >= n:
                        continue
                    if size == 1:
                        covered = hit_weight.get(first, 0.0)
                    else:
                        covered = weight(
                            set().union(*(hits.get(i, empty) for i in range(first, last + 1)))
                        )
                    if covered > best[0] + 1e-9:
                        best = (covered, first, last)
            if best[0] >= full - 1e-9:
                break  # a longer window cannot cover more
        covered, first, last = best
        stems = frozenset().union(*(art.sentences[i].stems for i in range(first, last + 1)))
        return covered, first, last, stems

    def _cover(
        self, claim: set[str], weights: dict[str, int], arts: list[_Article]
    ) -> tuple[list[_Window], set[str], float]:
        """Joint support: the best window, then each other article covering the rest.

        Returns the chosen windows, the claim stems left uncovered, and the coverage.
        """
        total = sum(weights.values()) or 1
        remaining = set(claim)
        chosen: list[_Window] = []
        pool = list(arts)
        uses: dict[str, int] = {}
        while pool and remaining:
            scored = [(self._best_window(a, remaining, weights), a) for a in pool]
            (covered, first, last, stems), art = max(scored, key=lambda x: x[0][0])
            if covered <= 0:
                break
            chosen.append((art, first, last, covered / total))
            remaining -= stems
            uses[art.id] = uses.get(art.id, 0) + 1
            if uses[art.id] >= _WINDOWS_PER_ARTICLE:
                pool.remove(art)
        # never below 0: a rounding error must not read "-0%"
        coverage = max(0.0, 1.0 - _weight(weights, remaining) / total) if claim else 1.0
        return chosen, remaining, coverage

    # -- the check ---------------------------------------------------------------------

    def check(
        self,
        claim_text: str,
        article_ids: Sequence[str],
        quick: bool = False,
        min_support: float = DEFAULT_MIN_SUPPORT,
    ) -> SupportResult:
        """Whether the given articles, together, support ``claim_text``.

        A claim of several sentences is supported when each of its sentences is.

        Args:
            claim_text: the claim without its citation markers (normalised).
            article_ids: ids of articles of this cluster (unknown ids are ignored).
            quick: stop at the first failure (the reasons are then not complete).
            min_support: the score a claim needs to be supported.
        """
        parts = _claim_parts(claim_text)
        if len(parts) <= 1:
            return self._check_one(claim_text, article_ids, quick, min_support)
        results = [self._check_one(p, article_ids, quick, min_support) for p in parts]
        idle = set.intersection(*(set(r.idle_ids) for r in results))
        merged: dict[str, Check] = {}
        for r in results:
            for c in r.checks:
                m = merged.setdefault(c.name, Check(name=c.name, fired=False))
                m.fired = m.fired or c.fired
                if c.detail:
                    m.detail = f"{m.detail}; {c.detail}" if m.detail else c.detail
                m.spans.extend(c.spans)
        return SupportResult(
            supported=all(r.supported for r in results),
            coverage=min(r.coverage for r in results),
            evidence=[e for r in results for e in r.evidence],
            reasons=[x for r in results for x in r.reasons],
            idle_ids=[i for i in article_ids if i in idle],
            checks=list(merged.values()),
            score=min(r.score for r in results),
            elsewhere=[w for r in results for w in r.elsewhere],
        )

    def _exact_match(self, key: str, arts: list[_Article]) -> SupportResult | None:
        """A claim that is, word for word (``key``), a sentence of a cited article is supported."""
        hits = self._exact.get(key)
        if not hits:
            return None
        cited = {self.position[a.id] for a in arts}
        for ai, si in hits:
            if ai in cited:
                art = self.articles[ai]
                ev = art.evidence(si, si, 1.0)
                idle = [a.id for a in arts if a.id != art.id]
                exact = Check(
                    name="coverage",
                    fired=False,
                    detail=f"word for word a sentence of [{art.id}]",
                    spans=[Span(where=art.id, start=ev.start, end=ev.end)],
                )
                return SupportResult(
                    True, 1.0, evidence=[ev], idle_ids=idle, checks=[exact], score=1.0
                )
        return None

    def _check_one(
        self,
        claim_text: str,
        article_ids: Sequence[str],
        quick: bool = False,
        min_support: float = DEFAULT_MIN_SUPPORT,
    ) -> SupportResult:
        """Check one sentence; ``quick`` stops at the first failure (for search)."""
        arts = [self.articles[self.position[i]] for i in article_ids if i in self.position]
        if not arts:
            return SupportResult(False, 0.0, reasons=["no known article cited"])
        exact = self._exact_match(_claim_facts(claim_text).key, arts)
        if exact is not None:
            return exact
        facts = _claim_facts(claim_text)
        claim = set(facts.stems)
        weights = self._weights(claim)
        total = sum(weights.values()) or 1
        chosen, remaining, coverage = self._cover(claim, weights, arts)
        if quick and coverage < min_support:
            return SupportResult(False, round(coverage, 3), reasons=["coverage"])
        used = {a.id for a, *_ in chosen}
        idle = [a.id for a in arts if a.id not in used] if len(arts) > 1 else []
        evidence = [art.evidence(f, t, round(share, 3)) for art, f, t, share in chosen]
        missing = sorted(remaining, key=lambda s: (-weights[s], s))[:4]
        low = coverage < min_support
        reasons: list[str] = []
        if low:
            reasons.append(
                f"only {coverage:.0%} of the claim's content found in the cited text "
                f"(missing: {', '.join(missing)})"
            )
        # a window that misses the claim says nothing about its polarity or modality
        ran: dict[str, tuple[list[str], list[Span]]] = {}
        hard = self._hard_checks(facts, claim, arts, [] if low else chosen, ran)
        if quick:  # a search: the first failure is enough, and no report is made of it
            first = next(hard, None)
            if first is not None:
                return SupportResult(False, round(coverage, 3), reasons=[first[1]])
            return SupportResult(
                not low, round(coverage, 3), evidence=evidence, reasons=reasons, idle_ids=idle
            )
        for name, reason, spans in hard:
            reasons.append(reason)
            ran[name][0].append(reason)
            ran[name][1].extend(spans)
        checks_run = [
            Check(
                name="coverage",
                fired=low,
                detail=f"{coverage:.0%} of the claim's content in the cited text"
                + (f" (missing: {', '.join(missing)})" if missing else ""),
                spans=[Span(where=e.article_id, start=e.start, end=e.end) for e in evidence],
            )
        ]
        checks_run.extend(
            Check(name=name, fired=bool(found), detail="; ".join(found), spans=spans)
            for name, (found, spans) in ran.items()
        )
        far: list[str] = []
        if not reasons and len(self.articles) > len(arts):
            absent = {x for x in remaining if not any(x in a.stems for a in arts)}
            elsewhere = self._found_elsewhere(absent, arts)
            share = _weight(weights, elsewhere) / total
            # one paraphrase word that another article happens to use is not a misattribution
            if share >= 2 * _ELSEWHERE_SHARE or (share >= _ELSEWHERE_SHARE and len(elsewhere) >= 2):
                far = elsewhere  # the verdict asks whether another article supports the claim
        return SupportResult(
            supported=not reasons,
            coverage=round(coverage, 3),
            evidence=evidence,
            reasons=reasons,
            idle_ids=idle,
            checks=checks_run,
            score=_score(coverage, sum(c.fired for c in checks_run if c.name != "coverage")),
            elsewhere=far,
        )

    def _hard_checks(
        self,
        facts: _ClaimFacts,
        claim: set[str],
        arts: list[_Article],
        chosen: list[_Window],
        ran: dict[str, tuple[list[str], list[Span]]],
    ) -> Iterator[_Finding]:
        """Reasons the claim fails, cheapest checks first, computed as they are asked for.

        Each finding is (check name, reason, spans); ``ran`` gets a :class:`Check` for every
        check as it starts (its reasons and spans, filled in by the caller).
        """

        def start(name: str) -> None:
            if name not in ran:
                ran[name] = ([], [])

        cited = "".join(f"[{a.id}]" for a in arts)
        claim_q = facts.quantities
        if claim_q:
            start("figures")
            source_q = [q for a in arts for q in a.quantities]
            for q in claim_q:
                if not any(q.matches(s) for s in source_q):
                    yield (
                        "figures",
                        f'number "{q.text}" not found in {cited}',
                        _claim_span(facts.text, q.text),
                    )
                elif chosen:
                    start("figure_context")
                    if not _figure_in_context(q, facts, arts, chosen):
                        yield (
                            "figure_context",
                            f'number "{q.text}" is not where the evidence is in {cited}',
                            _claim_span(facts.text, q.text),
                        )
        claim_dates = facts.dates
        if claim_dates:
            start("dates")
            source_dates = set().union(*(a.dates for a in arts))
            for d in sorted(claim_dates):
                if d not in source_dates:
                    yield "dates", f'date "{d}" not found in {cited}', _claim_span(facts.text, d)
                elif chosen:
                    start("date_context")
                    if not _date_in_context(d, facts, arts, chosen):
                        yield (
                            "date_context",
                            f'date "{d}" is not where the evidence is in {cited}',
                            _claim_span(facts.text, d),
                        )
        names = facts.names
        if names:
            start("names")
            lower_words = (
                arts[0].lower_words
                if len(arts) == 1
                else frozenset().union(*(a.lower_words for a in arts))
            )
            ordered = sorted(lower_words) if len(arts) > 1 else arts[0].sorted_words
            near = " ".join(_near_text(art, f, t) for art, f, t, _ in chosen)
            for name in names:
                other = next((x for a in arts if (x := _acronym_of(name, facts.text, a))), "")
                if other:  # "IMF" where the article writes "International Monetary Fund"
                    if chosen and not _at_word(near, other.lower(), whole=True):
                        start("name_context")
                        yield (
                            "name_context",
                            f'name "{name}" is not where the evidence is in {cited}',
                            _claim_span(facts.text, name),
                        )
                    continue
                aliases = country_aliases(name)
                if (
                    not _name_found(name, lower_words, ordered)
                    and not any(_at_word(a.flat, _flat(name), whole=True) for a in arts)
                    and not any(
                        _at_word(a.flat, _flat(x), whole=True)
                        for a in arts
                        for x in sorted(aliases)
                    )
                ):
                    yield (
                        "names",
                        f'name "{name}" not found in {cited}',
                        _claim_span(facts.text, name),
                    )
                elif chosen:
                    start("name_context")
                    if (
                        not _name_near(name, near)
                        and not any(_at_word(near, x, whole=True) for x in aliases)
                        and not _phrase_near(name, facts.text, arts, near)
                        and not _name_placed(name, facts, arts)
                    ):
                        yield (
                            "name_context",
                            f'name "{name}" is not where the evidence is in {cited}',
                            _claim_span(facts.text, name),
                        )
        if facts.quotes:
            start("quotes")
        for quote in facts.quotes:
            if not any(_flat(quote) in a.flat for a in arts):
                yield (
                    "quotes",
                    f'quoted words "{quote}" not found verbatim in {cited}',
                    _claim_span(facts.text, quote),
                )
        if not chosen:
            return

        window_text = " ".join(
            art.text[art.sentences[f].start : art.sentences[t].end] for art, f, t, _ in chosen
        )
        start("negation")
        claim_neg = facts.negations > 0
        if claim_neg and not _negated_sentences(chosen, claim):
            yield "negation", "the claim is negated or denied; the evidence is not", []
        elif not claim_neg:
            denied = _negated_clause(chosen, claim)
            if denied is not None:
                art, c = denied
                yield (
                    "negation",
                    "the evidence is negated or denied; the claim is not",
                    [art.norm_span(*(c.scope or (c.start, c.end)))],
                )
        start("opposites")
        # a swapped-in word is looked for in the whole of the evidence articles too: the
        # sentence that says "small, uncrewed aircraft" need not be the best window
        window_toks = [
            t for art, f, t_, _ in chosen for x in art.sentences[f : t_ + 1] for t in x.toks
        ]
        # only the sentences that hold an opposite can clash outside the window: only those
        # are tokenised
        article_toks: list[str] | None = None
        article_words: set[str] | None = None
        opposites = checks.opposite_words(facts.toks)
        if any(not opposites.isdisjoint(art.stems) for art, *_ in chosen):
            article_toks = [
                t
                for art, *_ in chosen
                for x in art.sentences
                if not opposites.isdisjoint(x.stems)
                for t in x.toks
            ]
            article_words = set(article_toks).union(*(art.stems for art, *_ in chosen))
        for mine, theirs in checks.antonym_clash(
            list(facts.toks), window_toks, article_toks, article_words
        ):
            yield (
                "opposites",
                f'the claim says "{mine}" where the evidence says "{theirs}"',
                [],
            )
        start("hedges")
        # a claim may be less sure than its source, never surer: "will" where it says "may"
        hedge = _hedge_near(window_text, claim)
        if hedge is not None and hedge[1] > facts.modality:
            kind = "a possibility" if hedge[1] == 2 else "a plan"
            yield "hedges", f'the evidence states this only as {kind} ("{hedge[0]}")', []

    def _found_elsewhere(self, missing: set[str], arts: list[_Article]) -> list[str]:
        """Missing claim words that other articles of the cluster do carry.

        A paraphrase uses words no article has; a word that another article has points at
        the fact coming from that article (a misattribution), not at a paraphrase.
        """
        cited = {self.position[a.id] for a in arts}
        n = len(self.articles)
        out = []
        for s in sorted(missing):
            holders = self.article_postings.get(s, ())
            if len(holders) <= max(1, n // 2) and any(ai not in cited for ai in holders):
                out.append(s)
        return out

    def figure_echoes(self, text: str, exclude: int = -1) -> int:
        """How many other articles (not at position ``exclude``) report a figure of ``text``."""
        mine = [q for q in checks.quantities(text) if _distinctive(q)]
        if not mine:
            return 0
        return sum(
            1
            for ai, art in enumerate(self.articles)
            if ai != exclude and any(q.matches(o) for q in mine for o in art.quantities)
        )

    # -- search --------------------------------------------------------------------------

    def search(
        self,
        claim_text: str,
        exclude: Sequence[str] = (),
        min_support: float = DEFAULT_MIN_SUPPORT,
    ) -> list[SupportResult]:
        """Articles of the cluster that support the claim, best first (through the index).

        Candidates are ranked through the inverted index and screened by coverage; only the
        best few get the full check. Tries single articles first, then the best two together.
        """
        claim = set(_claim_facts(claim_text).stems)
        if not claim:
            return []
        skip = {self.position[i] for i in exclude if i in self.position}
        key = _claim_facts(claim_text).key
        exact = [ai for ai, _ in self._exact.get(key, ()) if ai not in skip]
        if exact:  # word for word a sentence of other articles: no window needed
            hits = (self._exact_match(key, [self.articles[ai]]) for ai in dict.fromkeys(exact))
            return [r for r in itertools.islice(hits, _SEARCH_CHECKS) if r is not None]
        weights = self._weights(claim)
        total = sum(weights.values()) or 1
        # Rank articles by the claim's rarest words: common words are in every article and
        # would make the ranking cost grow with the cluster.
        rare = sorted(claim, key=lambda s: (-weights[s], s))[:_RARE_STEMS]
        votes: dict[int, float] = defaultdict(float)
        for s in rare:
            for ai in self.article_postings.get(s, ()):
                if ai not in skip:
                    votes[ai] += weights[s]
        ranked = sorted(votes, key=lambda ai: (-votes[ai], ai))[:_SEARCH_CANDIDATES]
        # upper bound of each candidate's coverage: the claim words it has anywhere
        score = {ai: _weight(weights, claim & self.articles[ai].stems) for ai in ranked}
        ranked.sort(key=lambda ai: (-score[ai], ai))
        found: list[SupportResult] = []
        passed_bound = 0
        for ai in ranked:
            if score[ai] / total < min_support:
                break  # an upper bound of its coverage: this and the rest cannot pass
            passed_bound += 1
            res = self.check(claim_text, [self.articles[ai].id], True, min_support)
            if res.supported:
                found.append(res)
            if passed_bound >= _SEARCH_CHECKS:
                break
        if not found and not passed_bound and len(ranked) >= 2:
            # no article carries enough of it alone: try the best two together
            pair = [self.articles[ranked[0]].id, self.articles[ranked[1]].id]
            res = self.check(claim_text, pair, True, min_support)
            if res.supported and not res.idle_ids:
                found.append(res)
        found.sort(key=lambda r: -r.coverage)
        return found


@dataclass(frozen=True)
class _ClaimFacts:
    """Everything the checks read from a claim, computed once per claim text."""

    text: str
    stems: tuple[str, ...]
    toks: tuple[str, ...]
    quantities: tuple[checks.Quantity, ...]
    dates: frozenset[str]
    names: tuple[str, ...]
    quotes: tuple[str, ...]
    negations: int
    modality: int
    key: str


@functools.lru_cache(maxsize=4096)
def _claim_parts(claim_text: str) -> tuple[str, ...]:
    return tuple(claim_text[a:b] for a, b in sentence_spans(claim_text))


@functools.lru_cache(maxsize=4096)
def _claim_facts(claim_text: str) -> _ClaimFacts:
    tokens = words(claim_text)
    toks = tuple(stem(t) for t in tokens)
    return _ClaimFacts(
        text=claim_text,
        stems=tuple(dict.fromkeys(content_stems(claim_text, tokens))),
        toks=toks,
        quantities=checks.quantities(claim_text),
        dates=frozenset(checks.dates(claim_text)),
        # lower-cased text has no capitals to tell names by: its places are named by the list
        names=tuple(
            checks.place_names(claim_text)
            if is_lowercased(claim_text)
            else checks.names(claim_text)
        ),
        quotes=tuple(checks.quotes(claim_text)),
        negations=checks.negations(claim_text),
        modality=checks.claim_modality(claim_text),
        key=_flat(claim_text),
    )


def _score(coverage: float, fired: int) -> float:
    """Support after the checks: the coverage, pushed under :data:`_FIRED_CAP` (and halved
    for each further one) when hard checks fired, so that scores rank claims."""
    if not fired:
        return round(coverage, 4)
    return round(min(coverage, 1.0) * _FIRED_CAP * 0.5 ** (fired - 1), 4)


def _claim_span(text: str, piece: str) -> list[Span]:
    """Where ``piece`` is first written in the claim (case-insensitive), as a span."""
    i = text.lower().find(piece.lower())
    return [Span(where="claim", start=i, end=i + len(piece))] if i >= 0 else []


def _weight(weights: dict[str, int], stems: AbstractSet[str] | Sequence[str]) -> int:
    """Sum of the stems' (integer) weights: the same whatever order a set gives them in."""
    return sum(map(weights.__getitem__, stems))


def _distinctive(q: checks.Quantity) -> bool:
    """A figure worth matching across articles: money, a share, a unit, or a large count."""
    if q.unit in ("ord", "magnitude", "year", "month", "week", "day", "hour"):
        return False
    if q.unit:
        return True
    return q.value >= 1000 and not (1900 <= q.value <= 2100)  # years are not facts alone


def _near_text(art: _Article, first: int, last: int) -> str:
    """Lowercased text of the article's lead and of the evidence window.

    A name anywhere else must be placed by its clause (:func:`_name_placed`): two sentences
    either side let "Solberg said" borrow a statement of "officials" (measured: no good
    paraphrase lost, a few misattributed speakers caught).
    """
    sents = art.sentences
    lead_end = sents[min(1, len(sents) - 1)].end
    a, b = sents[first].start, sents[last].end
    return (art.text[:lead_end] + "\n" + art.text[a:b]).lower().replace("’", "'")


def _figure_in_context(
    q: checks.Quantity, facts: _ClaimFacts, arts: list[_Article], chosen: list[_Window]
) -> bool:
    """Whether the claim's figure is said of what the claim says it of ("killed at least
    three": a "three" that counts hours elsewhere in the article is not the toll)."""

    def has(text: str) -> bool:
        return has_number(text) and any(q.matches(o) for o in checks.quantities(text))

    return _placed(_clause_context(facts.text, q.text), has, arts, chosen)


def _date_in_context(
    d: str, facts: _ClaimFacts, arts: list[_Article], chosen: list[_Window]
) -> bool:
    """Whether the claim's date is the date of what the claim tells (as for figures)."""
    word = next((w for w in words(facts.text) if checks.date_word(w.lower()) == d), d)
    return _placed(_clause_context(facts.text, word), lambda t: d in checks.dates(t), arts, chosen)


def _clause_context(text: str, piece: str) -> frozenset[str]:
    """Content stems of the clause of ``text`` that holds ``piece``: what a figure or a
    date there is said of (the piece's own words left out)."""
    at = text.find(piece)
    own = set(content_stems(piece))
    for c in checks.clauses(text):
        if c.start <= at < c.end:
            return frozenset(content_stems(text[c.start : c.end])) - own
    return frozenset(content_stems(text)) - own


# a run of capitalised words, "of", "for", "and", "the" allowed inside ("Bank of England")
_CAPS_PHRASE = re.compile(
    r"\b[A-Z][\w&'-]*(?:[ \t]+(?:(?:of|for|and|the|on|de)[ \t]+)?[A-Z][\w&'-]*)+"
)


def _name_words(phrase: str) -> list[str]:
    """The capitalised words of a name phrase, an opening "The" and the like left out."""
    return [w for w in phrase.split() if w[0].isupper() and w.lower() not in STOPWORDS]


def _acronym_of(name: str, claim_text: str, art: _Article) -> str:
    """What the article writes for the claim's name when one abbreviates the other: "World
    Health Organization" for "WHO", "WHO" for "World Health Organization" ("" if neither)."""
    if name.isupper() and 2 <= len(name) <= 6 and name.isalpha():
        return art.acronyms.get(name, "")
    for m in _CAPS_PHRASE.finditer(claim_text):
        parts = _name_words(m.group(0))
        if len(parts) >= 2 and name in parts:
            initials = "".join(w[0] for w in parts)
            if _at_word(art.text, initials, whole=True):
                return initials
    return ""


def _name_placed(name: str, facts: _ClaimFacts, arts: list[_Article]) -> bool:
    """Whether a clause of the cited text names ``name`` and shares a word with the claim's
    clause that names it: a name is placed, like a figure, by the clause it stands in.

    The claim's other names are no context: "Laura Brandt" places "Brandt" nowhere."""
    names = {s for n in facts.names for s in content_stems(n)}
    context = _clause_context(facts.text, name) - names
    if not context:
        return True  # the name stands alone ("Barry Beavis, 48, from Chelmsford, ...")
    for art in arts:
        for sent in art.sentences:
            if context.isdisjoint(sent.stems) or not _name_found(name, sent.lower):
                continue
            for clause, stems, _ in sent.clauses:
                if not context.isdisjoint(stems) and _name_near(
                    name, art.text[clause.start : clause.end].lower()
                ):
                    return True
    return False


def _placed(
    context: frozenset[str],
    has: Callable[[str], bool],
    arts: list[_Article],
    chosen: list[_Window],
) -> bool:
    """Whether the sources carry the claim's detail (a figure, a date) where the claim does.

    Any sentence of the evidence window places it; elsewhere in the cited articles, a
    clause that carries the detail must share a word with the claim's clause that carries
    it (``context``): the clause a detail stands in is what it is said of (measured: one
    shared word does better than two, for dates too).
    """
    for art, first, last, _ in chosen:
        if any(has(sent.text) for sent in art.sentences[first : last + 1]):
            return True
    if not context:
        return True  # nothing around the detail to place it by
    for art in arts:
        for sent in art.sentences:
            if context.isdisjoint(sent.stems) or not has(sent.text):
                continue
            for clause, stems, _ in sent.clauses:
                if not context.isdisjoint(stems) and has(art.text[clause.start : clause.end]):
                    return True
    return False


def _word_context(
    hit: Callable[[str], bool], toks: Sequence[str], stems: AbstractSet[str], width: int = 6
) -> set[str]:
    """Content stems (``stems``) within ``width`` tokens of each token for which ``hit`` is
    true, the hits themselves left out; ``toks`` are stemmed tokens."""
    out: set[str] = set()
    for i, t in enumerate(toks):
        if hit(t):
            out |= {x for x in toks[max(0, i - width) : i + width + 1] if x in stems and not hit(x)}
    return out


def _figure_context(figure: str, toks: Sequence[str], stems: AbstractSet[str]) -> set[str]:
    """Content stems around where ``figure`` is written in the stemmed ``toks``."""
    own = [stem(w) for w in words(figure)]
    if not own:
        return set()
    return _word_context(own[0].__eq__, toks, stems) - set(own)


def _phrase_near(name: str, claim_text: str, arts: list[_Article], near: str) -> bool:
    """Whether ``name`` is part of a longer name the sources write whole, another part of
    which is near the evidence ("James Webb Space Telescope", and "Webb" in the window)."""
    for m in _CAPS_RUN.finditer(claim_text):
        run = m.group(0).split()
        if len(run) < 2 or name not in (w.strip(".") for w in run):
            continue
        phrase = _flat(" ".join(run))
        if not any(_at_word(a.flat, phrase, whole=True) for a in arts):
            continue
        if any(w.strip(".") != name and _name_near(w.strip("."), near) for w in run):
            return True
    return False


_CAPS_RUN = re.compile(r"\b[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)+")


def _name_near(name: str, near: str) -> bool:
    """Whether the name (or its root: China/Chinese) is written in the lowercased ``near``."""
    low = name.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    for v in {low, low.rstrip("."), low.replace(".", "")}:
        if v and _at_word(near, v, whole=True):
            return True
    if len(low) < 5:
        return False
    root = low[:-3] if low.endswith(("ese", "ian")) and len(low) > 6 else low
    return _at_word(near, root[: max(4, len(root) - 3)], whole=False)


def _at_word(text: str, needle: str, whole: bool) -> bool:
    """``needle`` in ``text`` starting a word (and ending one, when ``whole``)."""
    i = text.find(needle)
    while i >= 0:
        j = i + len(needle)
        if (i == 0 or not text[i - 1].isalnum()) and (
            not whole or j == len(text) or not text[j].isalnum()
        ):
            return True
        i = text.find(needle, i + 1)
    return False


_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")


def _lower_words(text: str, tokens: list[str] | None = None) -> frozenset[str]:
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


def _name_found(name: str, lower_words: frozenset[str], ordered: list[str] | None = None) -> bool:
    """Whether ``name`` is among the words (``ordered``: the same words sorted, for prefixes)."""
    low = name.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    if low in lower_words or low.rstrip(".") in lower_words:
        return True
    if "." in low and low.replace(".", "") in lower_words:
        return True  # U.S. / US
    if "-" in low:
        # "Zhejiang-listed": the capitalised or numbered parts must be there; "SARS-CoV-4" fails
        parts = [p for p in name.split("-") if p and (p[0].isupper() or p[0].isdigit())]
        return bool(parts) and all(_name_found(p, lower_words, ordered) for p in parts)
    root = low[:-3] if low.endswith(("ese", "ian")) and len(low) > 6 else low
    root = root[: max(4, len(root) - 3)] if len(root) >= 5 else root
    if len(root) < 4:
        return False
    # China/Chinese, Russia/Russian: a word that starts with the name's root
    if ordered is None:
        return any(w.startswith(root) for w in lower_words)
    i = bisect.bisect_left(ordered, root)
    return i < len(ordered) and ordered[i].startswith(root)


def _negated_clause(
    chosen: list[_Window], claim: set[str]
) -> tuple[_Article, checks.Clause] | None:
    """A negated evidence clause that says something of the claim's no other clause says.

    The clause must carry two of the claim's words at least, one of them in the negation's
    scope, and no clause of the window that is not negated may carry them all: "people who
    have never divorced" next to "divorce can wreck retirement" negates nothing the claim
    says.
    """
    negated: list[tuple[_Article, checks.Clause, frozenset[str]]] = []
    plain: list[frozenset[str]] = []
    for art, first, last, _ in chosen:
        for sent in art.sentences[first : last + 1]:
            for clause, stems, scoped in sent.clauses:
                mine = stems & claim
                if clause.negated and len(mine) >= 2 and scoped & claim:
                    negated.append((art, clause, mine))
                elif len(mine) >= 2:
                    plain.append(mine)
    for art, clause, mine in negated:
        if not any(mine <= other for other in plain):
            return art, clause
    return None


def _negated_sentences(chosen: list[_Window], claim: set[str]) -> bool:
    """Whether a window sentence that carries the claim's words (two or more) is negated."""
    for art, first, last, _ in chosen:
        for sent in art.sentences[first : last + 1]:
            if sent.negations and len(sent.stems & claim) >= 2:
                return True
    return False


def _negation_near(window_text: str, claim: set[str]) -> bool:
    """A negation in the evidence that bears on the claim's words (within 6 words of one)."""
    if not checks.negations(window_text):
        return False
    toks = words(window_text)
    stems = [stem(t) for t in toks]
    for i, t in enumerate(toks):
        if checks.negations(t):
            near = stems[i + 1 : i + 7]
            if any(s in claim for s in near):
                return True
    return False


_HEDGE_NEAR = re.compile(
    r"\b(" + "|".join(re.escape(c) for c in checks.EVIDENCE_HEDGES) + r")"
    r"\s+(?:(?:not|also|soon|still|now|then|be|have|been|to)\s+)*(\w+)(?:\s+(\w+))?",
    re.IGNORECASE,
)


_REPORTED = re.compile(r"\b(?:said|says|announced|confirmed|decided|agreed)\b[^.]*$", re.I)


_NEGATED_BEFORE = re.compile(r"\b(?:neither|nor|not|never)\s+$", re.IGNORECASE)


def _hedge_near(window_text: str, claim: set[str]) -> tuple[str, int] | None:
    """The strongest plan/possibility cue in the evidence directly governing one of the
    claim's words, with its level (1 a plan or future, 2 a possibility)."""
    found: tuple[str, int] | None = None
    for m in _HEDGE_NEAR.finditer(window_text):
        cue = m.group(1).lower()
        if cue in ("would", "will") and _REPORTED.search(
            window_text[max(0, m.start() - 40) : m.start()]
        ):
            continue  # "said on Monday it would extend": an announced decision, not a maybe
        if cue == "will" and (
            _NEGATED_BEFORE.search(window_text, max(0, m.start() - 12), m.start())
            or window_text.startswith(" not", m.end(1))
        ):
            continue  # "neither will be disciplined", "will not": a decision, not a plan
        if any(w and stem(w) in claim for w in (m.group(2), m.group(3))):
            level = checks.modal_level(cue)
            if found is None or level > found[1]:
                found = (cue, level)
    return found
