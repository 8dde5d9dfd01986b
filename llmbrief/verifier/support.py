"""Claim support: an index over a cluster's sentences and the deterministic support check.

The check compares a claim with the best window of 1-3 consecutive sentences of the cited
articles (content-word coverage weighted by rarity: the claim's score), then applies the hard
checks of :mod:`.hard` (figures, dates, names, quotes, negation, opposites, hedges) that sink
a claim whatever its overlap. Searching for other supporting articles goes through an
inverted index, never a scan of every sentence.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from ..citations import sentence_spans, strip_dateline
from ..types import Check, Cluster, Evidence, Span
from . import checks
from .hard import claim_facts, claim_parts, hard_checks
from .lexicon import content_stems, flat, stem_words
from .normalise import normalise
from .sentences import IndexedArticle, IndexedSentence, Window

__all__ = ["COVERAGE_THRESHOLD", "DEFAULT_MIN_SUPPORT", "ClusterIndex", "SupportResult"]

#: The strictness: the score (the share of the claim's rarity-weighted content words its
#: evidence carries, when no hard check fired) a claim needs to be supported. Chosen on the
#: whole dev suite (ours, SummEdits, FRANK CNN/DM and XSum together): the mean balanced
#: accuracy is flat from 0.35 to 0.45, and this is its middle.
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
# the cache benchmarks/verify_speed.py clears between repeats, under its former name
_claim_facts = claim_facts


class ClusterIndex:
    """Sentences of every article, with an inverted index from content stems to articles.

    Build it once per cluster; each check then costs about the same whatever the cluster's size.
    """

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.articles: list[IndexedArticle] = []
        self.position: dict[str, int] = {}
        self.article_postings: dict[str, list[int]] = defaultdict(list)
        # exact sentence text (normalised) -> (article, sentence): quotes verify at once
        self._exact: dict[str, list[tuple[int, int]]] = defaultdict(list)
        doc_freq: Counter[str] = Counter()
        n_sentences = 0
        exact = self._exact
        for ai, art in enumerate(cluster.articles):
            sents: list[IndexedSentence] = []
            norm = normalise(art.text)  # footnotes out, tokenised figures joined
            text = norm.text
            for si, (a, b) in enumerate(sentence_spans(text)):
                chunk = text[a:b]
                stems = frozenset(content_stems(chunk))
                doc_freq.update(stems)
                sents.append(IndexedSentence(text, a, b, stems))
                exact[_flat(chunk)].append((ai, si))
                if si == 0:
                    exact[_flat(strip_dateline(chunk))].append((ai, si))
            n_sentences += len(sents)
            art_stems = frozenset().union(*(x.stems for x in sents))
            title = normalise(art.title).text
            for s in art_stems.union(content_stems(title)):
                self.article_postings[s].append(ai)
            self.articles.append(
                IndexedArticle(
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
        self, art: IndexedArticle, claim: set[str], weights: dict[str, int]
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
        self, claim: set[str], weights: dict[str, int], arts: list[IndexedArticle]
    ) -> tuple[list[Window], set[str], float]:
        """Joint support: the best window, then each other article covering the rest.

        Returns the chosen windows, the claim stems left uncovered, and the coverage.
        """
        total = sum(weights.values()) or 1
        remaining = set(claim)
        chosen: list[Window] = []
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
        parts = claim_parts(claim_text)
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

    def _exact_match(
        self, key: str, arts: list[IndexedArticle], report: bool = True
    ) -> SupportResult | None:
        """A claim that is, word for word (``key``), a sentence of a cited article is supported.

        ``report``: say so in a :class:`Check` (a search needs only the evidence)."""
        hits = self._exact.get(key)
        if not hits:
            return None
        cited = {self.position[a.id] for a in arts}
        for ai, si in hits:
            if ai in cited:
                art = self.articles[ai]
                ev = art.evidence(si, si, 1.0)
                idle = [a.id for a in arts if a.id != art.id]
                if not report:
                    return SupportResult(True, 1.0, evidence=[ev], idle_ids=idle, score=1.0)
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
        exact = self._exact_match(claim_facts(claim_text).key, arts, report=not quick)
        if exact is not None:
            return exact
        facts = claim_facts(claim_text)
        claim = set(facts.stems)
        weights = self._weights(claim)
        total = sum(weights.values()) or 1
        chosen, remaining, coverage = self._cover(claim, weights, arts)
        if quick and coverage < min_support:
            return SupportResult(False, round(coverage, 3), reasons=["coverage"])
        used = {a.id for a, *_ in chosen}
        idle = [a.id for a in arts if a.id not in used] if len(arts) > 1 else []
        evidence = [art.evidence(f, t, round(share, 3)) for art, f, t, share in chosen]
        low = coverage < min_support
        missing = sorted(remaining, key=lambda s: (-weights[s], s))[:4] if not quick else []
        shown = stem_words(facts.text) if missing else {}
        missing = [shown.get(s, s) for s in missing]  # the claim's words, not stems
        reasons: list[str] = []
        if low:
            reasons.append(
                f"only {coverage:.0%} of the claim's content found in the cited text "
                f"(missing: {', '.join(missing)})"
            )
        # a window that misses the claim says nothing about its polarity or modality
        ran: dict[str, tuple[list[str], list[Span]]] = {}
        hard = hard_checks(facts, claim, arts, [] if low else chosen, ran)
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
                # the verdict asks whether another article supports the claim
                shown = stem_words(facts.text)
                far = [shown.get(s, s) for s in elsewhere]
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

    def _found_elsewhere(self, missing: set[str], arts: list[IndexedArticle]) -> list[str]:
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
        claim = set(claim_facts(claim_text).stems)
        if not claim:
            return []
        skip = {self.position[i] for i in exclude if i in self.position}
        key = claim_facts(claim_text).key
        exact = [ai for ai, _ in self._exact.get(key, ()) if ai not in skip]
        if exact:  # word for word a sentence of other articles: no window needed
            hits = (
                self._exact_match(key, [self.articles[ai]], report=False)
                for ai in dict.fromkeys(exact)
            )
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


def _score(coverage: float, fired: int) -> float:
    """Support after the checks: the coverage, pushed under :data:`_FIRED_CAP` (and halved
    for each further one) when hard checks fired, so that scores rank claims."""
    if not fired:
        return round(coverage, 4)
    return round(min(coverage, 1.0) * _FIRED_CAP * 0.5 ** (fired - 1), 4)


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
