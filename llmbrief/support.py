"""Claim support: an index over a cluster's sentences and the deterministic support check.

The check compares a claim with the best window of 1-3 consecutive sentences of the cited
articles (content-word coverage weighted by rarity), then applies the hard checks of
:mod:`llmbrief.checks` (numbers, dates, names, quotes, polarity, antonyms, modality) that sink
a claim whatever its overlap. Searching for other supporting articles goes through an
inverted index, never a scan of every sentence.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import checks
from .citations import sentence_spans
from .lexicon import content_stems, stem, words
from .types import Cluster, Evidence

__all__ = ["COVERAGE_THRESHOLD", "ClusterIndex", "SupportResult"]

#: Share of the claim's (rarity-weighted) content words its evidence window must carry.
COVERAGE_THRESHOLD = 0.6
_MAX_WINDOW = 3
_TOP_SENTENCES = 4
_SEARCH_CANDIDATES = 5
#: Share of the claim's weight that, found only in uncited articles, sinks the citation.
_ELSEWHERE_SHARE = 0.15


@dataclass
class _Sentence:
    start: int
    end: int
    stems: frozenset[str]
    negations: int
    hedges: tuple[str, ...]


@dataclass
class _Article:
    id: str
    text: str
    sentences: list[_Sentence]
    postings: dict[str, list[int]]
    stems: frozenset[str]
    lower_words: frozenset[str]
    flat_text: str
    _quantities: tuple[checks.Quantity, ...] | None = None
    _dates: set[str] | None = None

    @property
    def quantities(self) -> tuple[checks.Quantity, ...]:
        if self._quantities is None:
            self._quantities = tuple(
                q for s in self.sentences for q in checks.quantities(self.text[s.start : s.end])
            )
        return self._quantities

    @property
    def dates(self) -> set[str]:
        if self._dates is None:
            self._dates = checks.dates(self.text)
        return self._dates


@dataclass
class SupportResult:
    """How well a set of articles supports one claim."""

    supported: bool
    coverage: float
    evidence: list[Evidence] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    idle_ids: list[str] = field(default_factory=list)


def _flat(text: str) -> str:
    """Lowercase words only: quotes compare verbatim up to spacing, quote marks and punctuation."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", "")))


class ClusterIndex:
    """Sentences of every article, with an inverted index from content stems to articles.

    Build it once per cluster; each check is then independent of the cluster's size.
    """

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.articles: list[_Article] = []
        self.position: dict[str, int] = {}
        doc_freq: dict[str, int] = defaultdict(int)
        self.article_postings: dict[str, list[int]] = defaultdict(list)
        n_sentences = 0
        for ai, art in enumerate(self.cluster.articles):
            sents: list[_Sentence] = []
            postings: dict[str, list[int]] = defaultdict(list)
            for si, (a, b) in enumerate(sentence_spans(art.text)):
                chunk = art.text[a:b]
                stems = frozenset(content_stems(chunk))
                for s in stems:
                    postings[s].append(si)
                    doc_freq[s] += 1
                sents.append(
                    _Sentence(a, b, stems, checks.negations(chunk), tuple(checks.hedges(chunk)))
                )
            n_sentences += len(sents)
            all_stems = frozenset(postings) | frozenset(content_stems(art.title))
            for s in all_stems:
                self.article_postings[s].append(ai)
            self.articles.append(
                _Article(
                    id=art.id,
                    text=art.text,
                    sentences=sents,
                    postings=dict(postings),
                    stems=all_stems,
                    lower_words=_lower_words(art.text + " " + art.title),
                    flat_text=_flat(art.text),
                )
            )
            self.position[art.id] = ai
        total = max(n_sentences, 1)
        self._idf = {s: math.log(1 + total / df) for s, df in doc_freq.items()}
        self._idf_unknown = math.log(1 + total)

    def idf(self, s: str) -> float:
        """Rarity weight of a stem across the cluster's sentences."""
        return self._idf.get(s, self._idf_unknown)

    # -- windows -----------------------------------------------------------------------

    def _best_window(
        self, art: _Article, claim: set[str], weights: dict[str, float]
    ) -> tuple[float, int, int, frozenset[str]]:
        """(covered weight, first, last sentence index, stems) of the article's best window."""
        hits: dict[int, float] = defaultdict(float)
        for s in claim:
            for si in art.postings.get(s, ()):
                hits[si] += weights[s]
        if not hits:
            return 0.0, -1, -1, frozenset()
        top = sorted(hits, key=lambda i: (-hits[i], i))[:_TOP_SENTENCES]
        best: tuple[float, int, int, frozenset[str]] = (0.0, -1, -1, frozenset())
        n = len(art.sentences)
        for size in range(1, _MAX_WINDOW + 1):  # shortest window first: ties keep it
            for si in top:
                for first in range(max(0, si - size + 1), si + 1):
                    last = first + size - 1
                    if last >= n:
                        continue
                    stems = frozenset().union(
                        *(art.sentences[i].stems for i in range(first, last + 1))
                    )
                    covered = sum(weights[s] for s in claim & stems)
                    if covered > best[0] + 1e-9:
                        best = (covered, first, last, stems)
        return best

    # -- the check ---------------------------------------------------------------------

    def check(self, claim_text: str, article_ids: Sequence[str]) -> SupportResult:
        """Whether the given articles, together, support ``claim_text``.

        A claim of several sentences is supported when each of its sentences is.

        Args:
            claim_text: the claim without its citation markers.
            article_ids: ids of articles of this cluster (unknown ids are ignored).
        """
        parts = [claim_text[a:b] for a, b in sentence_spans(claim_text)]
        if len(parts) <= 1:
            return self._check_one(claim_text, article_ids)
        results = [self._check_one(p, article_ids) for p in parts]
        idle = set.intersection(*(set(r.idle_ids) for r in results))
        return SupportResult(
            supported=all(r.supported for r in results),
            coverage=min(r.coverage for r in results),
            evidence=[e for r in results for e in r.evidence],
            reasons=[x for r in results for x in r.reasons],
            idle_ids=[i for i in article_ids if i in idle],
        )

    def _check_one(self, claim_text: str, article_ids: Sequence[str]) -> SupportResult:
        arts = [self.articles[self.position[i]] for i in article_ids if i in self.position]
        claim = set(content_stems(claim_text))
        if not arts:
            return SupportResult(False, 0.0, reasons=["no known article cited"])
        weights = {s: self.idf(s) for s in claim}
        total = sum(weights.values()) or 1.0

        # Joint support: take the best window, then let each other article cover the rest.
        remaining = set(claim)
        chosen: list[tuple[_Article, int, int, float]] = []
        window_stems: set[str] = set()
        pool = list(arts)
        while pool and remaining:
            scored = [(self._best_window(a, remaining, weights), a) for a in pool]
            (covered, first, last, stems), art = max(scored, key=lambda x: x[0][0])
            if covered <= 0:
                break
            chosen.append((art, first, last, covered / total))
            window_stems |= stems
            remaining -= stems
            pool.remove(art)
        coverage = 1.0 - sum(weights[s] for s in remaining) / total if claim else 1.0
        used = {a.id for a, *_ in chosen}
        idle = [a.id for a in arts if a.id not in used] if len(arts) > 1 else []

        evidence = []
        for art, first, last, share in chosen:
            a, b = art.sentences[first].start, art.sentences[last].end
            evidence.append(
                Evidence(
                    article_id=art.id,
                    sentence=art.text[a:b],
                    start=a,
                    end=b,
                    score=round(share, 3),
                )
            )
        reasons = self._hard_checks(claim_text, claim, arts, chosen, window_stems)
        elsewhere = self._found_elsewhere(remaining, arts)
        if sum(weights[s] for s in elsewhere) / total >= _ELSEWHERE_SHARE:
            reasons.append(
                "words found in other articles but not in the cited ones: " + ", ".join(elsewhere)
            )
        if coverage < COVERAGE_THRESHOLD:
            missing = sorted(remaining, key=lambda s: -weights[s])[:4]
            reasons.insert(
                0,
                f"only {coverage:.0%} of the claim's content found in the cited text "
                f"(missing: {', '.join(missing)})",
            )
        return SupportResult(
            supported=not reasons,
            coverage=round(coverage, 3),
            evidence=evidence,
            reasons=reasons,
            idle_ids=idle,
        )

    def _hard_checks(
        self,
        claim_text: str,
        claim: set[str],
        arts: list[_Article],
        chosen: list[tuple[_Article, int, int, float]],
        window_stems: set[str],
    ) -> list[str]:
        reasons: list[str] = []
        cited = "".join(f"[{a.id}]" for a in arts)
        source_q = [q for a in arts for q in a.quantities]
        for q in checks.quantities(claim_text):
            if not any(q.matches(s) for s in source_q):
                reasons.append(f'number "{q.text}" not found in {cited}')
        source_dates = set().union(*(a.dates for a in arts))
        for d in sorted(checks.dates(claim_text) - source_dates):
            reasons.append(f'date "{d}" not found in {cited}')
        lower_words = frozenset().union(*(a.lower_words for a in arts))
        near_words = frozenset().union(
            *(_lower_words(_near_text(art, f, t)) for art, f, t, _ in chosen)
        )
        for name in checks.names(claim_text):
            if not _name_found(name, lower_words):
                reasons.append(f'name "{name}" not found in {cited}')
            elif chosen and not _name_found(name, near_words):
                reasons.append(f'name "{name}" is not where the evidence is in {cited}')
        flat = " ".join(a.flat_text for a in arts)
        for quote in checks.quotes(claim_text):
            if _flat(quote) not in flat:
                reasons.append(f'quoted words "{quote}" not found verbatim in {cited}')

        window_text = " ".join(
            art.text[art.sentences[f].start : art.sentences[t].end] for art, f, t, _ in chosen
        )
        claim_neg = checks.negations(claim_text) > 0
        if claim_neg and not _negated_sentences(chosen, claim):
            reasons.append("the claim is negated or denied; the evidence is not")
        elif not claim_neg and _negation_near(window_text, claim):
            reasons.append("the evidence is negated or denied; the claim is not")
        for mine, theirs in checks.antonym_clash(claim_text, window_text):
            reasons.append(f'the claim says "{mine}" where the evidence says "{theirs}"')
        if chosen and not checks.hedges(claim_text):
            hedge = _hedge_near(window_text, claim)
            if hedge:
                reasons.append(
                    f'the evidence states this only as a possibility or plan ("{hedge}")'
                )
        return reasons

    def _found_elsewhere(self, missing: set[str], arts: list[_Article]) -> list[str]:
        """Missing claim words that other articles of the cluster do carry.

        A paraphrase uses words no article has; a word that another article has points at
        the fact coming from that article (a misattribution), not at a paraphrase.
        """
        cited = {self.position[a.id] for a in arts}
        n = len(self.articles)
        out = []
        for s in sorted(missing):
            holders = [ai for ai in self.article_postings.get(s, ()) if ai not in cited]
            if holders and len(self.article_postings[s]) <= max(1, n // 2):
                out.append(s)
        return out

    # -- search --------------------------------------------------------------------------

    def search(self, claim_text: str, exclude: Sequence[str] = ()) -> list[SupportResult]:
        """Articles of the cluster that support the claim, best first (through the index).

        Each result's evidence names its article. Tries single articles first, then the best
        two together.
        """
        claim = set(content_stems(claim_text))
        if not claim:
            return []
        skip = {self.position[i] for i in exclude if i in self.position}
        score: dict[int, float] = defaultdict(float)
        for s in claim:
            w = self.idf(s)
            for ai in self.article_postings.get(s, ()):
                if ai not in skip:
                    score[ai] += w
        ranked = sorted(score, key=lambda ai: (-score[ai], ai))[:_SEARCH_CANDIDATES]
        found = []
        for ai in ranked:
            res = self.check(claim_text, [self.articles[ai].id])
            if res.supported:
                found.append(res)
        if not found and len(ranked) >= 2:
            res = self.check(claim_text, [self.articles[ranked[0]].id, self.articles[ranked[1]].id])
            if res.supported and not res.idle_ids:
                found.append(res)
        found.sort(key=lambda r: -r.coverage)
        return found


def _near_text(art: _Article, first: int, last: int) -> str:
    """The evidence window, three sentences either side, and the article's lead."""
    lead = art.sentences[:3]
    before = art.sentences[max(0, first - 3) : last + 4]
    return " ".join(art.text[s.start : s.end] for s in [*lead, *before])


_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")


def _lower_words(text: str) -> frozenset[str]:
    """Lowercased words, plus dotted abbreviations both ways (``u.s`` and ``us``)."""
    out = set()
    for w in words(text):
        low = w.lower().replace("’", "'")
        out.add(low)
        if low.endswith("'s"):
            out.add(low[:-2])
    for m in _DOTTED.findall(text):
        low = m.lower().rstrip(".")
        out.add(low)
        out.add(low.replace(".", ""))
    return frozenset(out)


def _name_found(name: str, lower_words: frozenset[str]) -> bool:
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
        return bool(parts) and all(_name_found(p, lower_words) for p in parts)
    root = low[:-3] if low.endswith(("ese", "ian")) and len(low) > 6 else low
    root = root[: max(4, len(root) - 3)] if len(root) >= 5 else root
    # China/Chinese, Russia/Russian
    return len(root) >= 4 and any(w.startswith(root) for w in lower_words)


def _negated_sentences(chosen: list[tuple[_Article, int, int, float]], claim: set[str]) -> bool:
    """Whether a window sentence that carries the claim's words (two or more) is negated."""
    for art, first, last, _ in chosen:
        for sent in art.sentences[first : last + 1]:
            if sent.negations and len(sent.stems & claim) >= 2:
                return True
    return False


def _negation_near(window_text: str, claim: set[str]) -> bool:
    """A negation in the evidence that bears on the claim's words (within 4 words of one)."""
    toks = words(window_text)
    stems = [stem(t) for t in toks]
    for i, t in enumerate(toks):
        if checks.negations(t) or (t.lower() == "t" and i and toks[i - 1].endswith("n")):
            near = stems[i + 1 : i + 5]
            if any(s in claim for s in near):
                return True
    return False


def _hedge_near(window_text: str, claim: set[str]) -> str | None:
    """A plan/possibility cue in the evidence directly governing one of the claim's words."""
    for m in re.finditer(
        r"\b(plans? to|planning to|aims? to|intends? to|proposed|proposes? to|considering|"
        r"might|may|would|expected to|set to|seeks? to|weighing|mulling)\s+(?:\w+\s+){0,1}(\w+)",
        window_text,
        re.IGNORECASE,
    ):
        if stem(m.group(2)) in claim:
            return m.group(1).lower()
    return None
