"""Claim support: an index over a cluster's sentences and the deterministic support check.

The check compares a claim with the best window of 1-3 consecutive sentences of the cited
articles (content-word coverage weighted by rarity: the claim's score), then applies the hard
checks of :mod:`.hard` (figures, dates, names, quotes, negation, opposites, hedges) that sink
a claim whatever its overlap. Searching for other supporting articles goes through an
inverted index, never a scan of every sentence.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import math
import threading
from collections import Counter, defaultdict, deque
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import repeat

from ..citations import strip_dateline
from ..types import Check, Cluster, Evidence, Span, new_check, new_span
from . import checks
from .hard import abbreviated, claim_facts, claim_parts, flat_key, hard_checks
from .lexicon import (
    ASCII_WORD,
    OneStemMemo,
    StemMemo,
    content_stems,
    flat,
    sentence_stem_sets,
    stem_words,
    words_by_span,
)
from .normalise import normalise
from .sentences import IndexedArticle, IndexedSentence, Window, article_spans, significand

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
#: Postings up to this long are made bits one shift at a time (more, through bytes).
_SHIFTED_HOLDERS = 16
_BINARY_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
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


def _flat_of(chunk: str, tokens: list[str]) -> str:
    """:func:`flat` of ``chunk``, from its word tokens when they make it: in ASCII text
    without apostrophes the letters and digits are the tokens' (a hyphen inside one splits)."""
    if chunk.isascii() and "'" not in chunk:
        return " ".join(tokens).lower().replace("-", " ")
    return _flat(chunk)


# ASCII bytes of a word token, capitals lower-cased; every other byte becomes a space
_WORD_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'-")
_TO_LOWER_SPACES = bytes(
    c + 32 if 65 <= c <= 90 else c if c in _WORD_BYTES else 32 for c in range(256)
)


def _words_and_keys(text: str, spans: list[tuple[int, int]]) -> tuple[list[list[str]], list[str]]:
    """The word tokens of each span of ``text`` and its exact-match key (:func:`_flat_of`).

    ASCII text is lower-cased as its bytes are translated, so its tokens are those of
    :func:`.lexicon.words_by_span` lower-cased (the pattern that splits a token at an
    apostrophe or hyphen knows no case), whose stems are the same (a token is stemmed
    lower-cased), and a sentence without apostrophes or hyphens has its tokens, joined,
    for its key.
    """
    if not text.isascii():
        tokens = words_by_span(text, spans)
        return tokens, [_flat_of(text[a:b], t) for (a, b), t in zip(spans, tokens, strict=True)]
    low = text.encode("ascii").translate(_TO_LOWER_SPACES).decode("ascii")
    if "'" not in low and "-" not in low:
        tokens = [low[a:b].split() for a, b in spans]
        return tokens, list(map(" ".join, tokens))
    find = ASCII_WORD.findall
    tokens = []
    keys = []
    for a, b in spans:
        piece = low[a:b]
        toks = piece.split()
        if "'" in piece or "-" in piece:
            toks = [x for t in toks for x in ((t,) if "'" not in t and "-" not in t else find(t))]
            keys.append(_flat_of(text[a:b], toks))
        else:
            keys.append(" ".join(toks))
        tokens.append(toks)
    return tokens, keys


def _add_exact(
    exact: dict[str, tuple[tuple[int, int], ...]],
    ai: int,
    keys: list[str],
    text: str,
    spans: list[tuple[int, int]],
) -> None:
    """Add article ``ai``'s sentences (their exact-match ``keys``) to ``exact``, and its
    first sentence once more without its dateline, each key's sentences in order."""
    if not keys:
        return
    a, b = spans[0]
    first = text[a:b]
    undated = strip_dateline(first)
    # no dateline (the pattern's substitution gives back its very text): the first key
    dateline = keys[0] if undated is first else _flat(undated)
    distinct = set(keys)
    if (
        len(distinct) == len(keys)
        and (dateline == keys[0] or dateline not in distinct)
        and exact.keys().isdisjoint(distinct)
    ):
        # every key new and once in the article (most articles): (ai, si) pairs made in C,
        # then the dateline key, which no later sentence of the article has
        exact.update(zip(keys, zip(zip(repeat(ai), range(len(keys)))), strict=True))
        exact[dateline] = (*exact.get(dateline, ()), (ai, 0))
        return
    for si, key in enumerate(keys):
        hit = exact.get(key)
        exact[key] = ((ai, si),) if hit is None else (*hit, (ai, si))
        if si == 0:  # the first sentence without its dateline too
            exact[dateline] = (*exact.get(dateline, ()), (ai, si))


def _rarity(q: checks.Quantity) -> int:
    """Figures with more significant digits first: they are written in fewer sentences."""
    sig = significand(q.value)
    return -len(sig) if sig is not None else 0


_gc_pauses = 0
_gc_was_enabled = False
_gc_lock = threading.Lock()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while an index is built or claims are checked against
    it: the index is hundreds of thousands of objects that all stay alive, and the collector
    would walk them again and again for nothing (a quarter of the time on 800 articles).
    What is freed is freed by reference counting meanwhile; cycles wait for the collector's
    return. Nested and concurrent pauses end when the last one does; the collector is left
    as it was found."""
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                if gc.get_freeze_count() == 0:
                    # What the pause made would be walked by the first collections after
                    # it, and walked again as it ages: it joins the oldest generation at
                    # once instead (what a collection of it would do, but without walking
                    # it). Only when nobody else froze objects, whom unfreeze would free.
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()


# the cache benchmarks/verify_speed.py clears between repeats, under its former name
_claim_facts = claim_facts


class ClusterIndex:
    """Sentences of every article, with an inverted index from content stems to articles.

    Build it once per cluster; each check then costs about the same whatever the cluster's size.
    """

    def __init__(self, cluster: Cluster) -> None:
        with collector_paused():
            self._build(cluster)

    def _build(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.articles: list[IndexedArticle] = []
        self.position: dict[str, int] = {}
        postings: dict[str, list[int]] = defaultdict(list)
        self._bits: dict[str, int] = {}
        # exact sentence text (normalised) -> (article, sentence): quotes verify at once.
        # Tuples, not lists: the collector stops walking a tuple of numbers once it has
        # seen one, and there is one per sentence of the cluster.
        exact: dict[str, tuple[tuple[int, int], ...]] = {}
        self._exact = exact
        every_sentence: list[frozenset[str]] = []
        n_sentences = 0
        # every distinct word of the cluster is stemmed once
        memo, one = StemMemo(), OneStemMemo()
        for ai, art in enumerate(cluster.articles):
            norm = normalise(art.text)  # footnotes out, tokenised figures joined
            text = norm.text
            spans = article_spans(text)  # sentence_spans, faster on plain prose
            tokens, keys = _words_and_keys(text, spans)
            # each sentence's stems (StemMemo.sentence) with no call in Python per sentence
            stems, art_stems = sentence_stem_sets(tokens, one, memo)
            every_sentence.extend(stems)
            sents = [IndexedSentence(text, a, b, x) for (a, b), x in zip(spans, stems, strict=True)]
            _add_exact(exact, ai, keys, text, spans)
            n_sentences += len(sents)
            title = normalise(art.title).text
            # each stem's posting gets the article: one pass in C, not a loop of appends
            deque(
                map(
                    list.append,
                    map(postings.__getitem__, art_stems.union(content_stems(title))),
                    repeat(ai),
                ),
                maxlen=0,
            )
            self.articles.append(
                IndexedArticle(
                    id=art.id,
                    text=text,
                    sentences=sents,
                    title=title,
                    stems=art_stems,
                    norm=norm,
                    source=art.source or "",
                    published=art.published.date() if art.published else None,
                )
            )
            self.position[art.id] = ai
        #: stem -> the articles that have it, in order (read only). Lists as they were
        #: built: a copy of each as a tuple cost a fifth of the postings' build at 800
        #: articles, and the collector never walks them (collector_paused freezes them)
        self.article_postings: dict[str, list[int]] = dict(postings)
        self._doc_freq = Counter(itertools.chain.from_iterable(every_sentence))
        self._n_sentences = max(n_sentences, 1)
        #: rarity weights, computed for the stems that claims ask for
        self._idf: dict[str, float] = {}
        self._idf_unknown = math.log(1 + self._n_sentences)
        self._last_weights: tuple[tuple[str, ...], dict[str, int]] | None = None
        self._int_weights: dict[str, int] = {}  # :meth:`_weights` of each stem asked for

    def _weights(self, claim: AbstractSet[str]) -> dict[str, int]:
        """Rarity weights of the claim's stems as integers (millionths): integer sums are
        the same in any order, so no set's order (no hash seed) can reach a verdict."""
        known = self._int_weights
        out = {}
        for s in claim:
            w = known.get(s)
            if w is None:
                w = known[s] = round(self.idf(s) * _WEIGHT_SCALE)
            out[s] = w
        return out

    def _claim_weights(self, stems: tuple[str, ...], claim: AbstractSet[str]) -> dict[str, int]:
        """:meth:`_weights` of a claim's stems (``claim``, the set of ``stems``), kept for the
        last claim: its check and the search that may follow it ask for the same. Read only."""
        last = self._last_weights
        if last is not None and last[0] == stems:
            return last[1]
        weights = self._weights(claim)
        self._last_weights = (stems, weights)
        return weights

    def idf(self, s: str) -> float:
        """Rarity weight of a stem across the cluster's sentences."""
        found = self._idf.get(s)
        if found is None:
            df = self._doc_freq.get(s)
            found = self._idf_unknown if df is None else math.log(1 + self._n_sentences / df)
            self._idf[s] = found
        return found

    # -- windows -----------------------------------------------------------------------

    def _best_window(
        self, art: IndexedArticle, claim: set[str], weights: dict[str, int]
    ) -> tuple[float, int, int, frozenset[str]]:
        """(covered weight, first, last sentence index, stems) of the article's best window."""
        get = weights.__getitem__
        # the first sentence that carries every word is the best window (no other covers
        # more, and ties keep the first): a subset test fails at the first word it lacks
        for si, sent in enumerate(art.sentences):
            if claim <= sent.stems and claim:
                return sum(map(get, claim)), si, si, sent.stems
        # a scan of the article's sentences: a few dozen small set intersections
        hits: dict[int, set[str]] = {}
        hit_weight: dict[int, int] = {}
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
        hit = self._exact_hit(key, arts)
        if hit is None:
            return None
        art = self.articles[hit[0]]
        ev = art.evidence(hit[1], hit[1], 1.0)
        idle = [a.id for a in arts if a.id != art.id]
        if not report:
            return SupportResult(True, 1.0, evidence=[ev], idle_ids=idle, score=1.0)
        exact = new_check(
            {
                "name": "coverage",
                "fired": False,
                "detail": f"word for word a sentence of [{art.id}]",
                "spans": [new_span({"where": art.id, "start": ev.start, "end": ev.end})],
            }
        )
        return SupportResult(True, 1.0, evidence=[ev], idle_ids=idle, checks=[exact], score=1.0)

    def _exact_hit(self, key: str, arts: list[IndexedArticle]) -> tuple[int, int] | None:
        """(article, sentence) of ``arts`` whose sentence is, word for word, ``key``."""
        hits = self._exact.get(key)
        if not hits:
            return None
        cited = {self.position[a.id] for a in arts}
        for ai, si in hits:
            if ai in cited:
                return ai, si
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
        # a verbatim claim needs no facts: the exact-match lookup comes first
        exact = self._exact_match(flat_key(claim_text), arts, report=not quick)
        if exact is not None:
            return exact
        facts = claim_facts(claim_text)
        claim = set(facts.stems)
        weights = self._claim_weights(facts.stems, claim)
        total = sum(weights.values()) or 1
        chosen, remaining, coverage = self._cover(claim, weights, arts)
        short = abbreviated(facts, remaining, arts)  # "IMF" for "International Monetary Fund"
        if short:
            remaining -= short
            coverage = max(0.0, 1.0 - _weight(weights, remaining) / total)
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
                spans=[
                    new_span({"where": e.article_id, "start": e.start, "end": e.end})
                    for e in evidence
                ],
            )
        ]
        checks_run.extend(
            new_check(
                {"name": name, "fired": bool(found), "detail": "; ".join(found), "spans": spans}
            )
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

    def _lacks_figure(self, claim_text: str, arts: list[IndexedArticle]) -> bool:
        """Whether the check of the claim against ``arts`` must fail for a figure none of
        them states (in a part of the claim that is no sentence of theirs word for word):
        the search skips such a check, whose coverage would cost more. Figures with more
        digits are looked for first: fewer sentences write them."""
        parts = claim_parts(claim_text)
        for part in parts if len(parts) > 1 else (claim_text,):
            key = claim_facts(part).key if len(parts) <= 1 else flat_key(part)
            if self._exact_hit(key, arts) is None and any(
                not any(a.holds(q) for a in arts)
                for q in sorted(claim_facts(part).quantities, key=_rarity)
            ):
                return True
        return False

    def _posting_bits(self, stem: str) -> int:
        """The articles that have ``stem``, as the bits of an integer."""
        bits = self._bits.get(stem)
        if bits is None:
            holders = self.article_postings.get(stem, ())
            if len(holders) < _SHIFTED_HOLDERS:
                bits = 0
                for ai in holders:
                    bits |= 1 << ai
            else:
                # one byte per article, set without a loop in Python, read as binary
                # digits: each shift of a long integer copies all of it
                flags = bytearray(len(self.articles))
                deque(map(flags.__setitem__, holders, itertools.repeat(1)), maxlen=0)
                bits = int(flags.translate(_BINARY_DIGITS)[::-1], 2)
            self._bits[stem] = bits
        return bits

    def _top_voted(self, rare: list[str], weights: dict[str, int], skip: set[int]) -> list[int]:
        """The best :data:`_SEARCH_CANDIDATES` articles by the summed weight of the ``rare``
        stems each has (ties to the first article), skipping ``skip``.

        The same as adding each stem's weight to each article of its postings and sorting,
        without a pass over postings that grow with the cluster: articles are taken group
        by group, each group the articles that have exactly one subset of the stems.
        """
        bits = [self._posting_bits(s) for s in rare]
        skipped = 0
        for ai in skip:
            skipped |= 1 << ai
        anywhere = 0
        for b in bits:
            anywhere |= b
        anywhere &= ~skipped
        if not anywhere:
            return []
        # the articles that have every stem some article has: no other has as much weight
        # (each stem weighs more than nothing), so when they are enough, they are the best,
        # first articles first (most claims: common words, held by many articles)
        every = anywhere
        for b in bits:
            if b & anywhere:
                every &= b
        if every.bit_count() >= _SEARCH_CANDIDATES:
            out: list[int] = []
            while len(out) < _SEARCH_CANDIDATES:
                low = every & -every
                out.append(low.bit_length() - 1)
                every ^= low
            return out
        # the articles split, stem by stem, by which of the stems they have: only the
        # subsets some article has are made, each with its summed weight
        groups = [(anywhere, 0)]
        for i, b in enumerate(bits):
            if not b & anywhere:
                continue  # no article left has it: every group stays as it is
            w = weights[rare[i]]
            nb = ~b
            split: list[tuple[int, int]] = []
            for have, total in groups:
                yes = have & b
                if yes:
                    split.append((yes, total + w))
                no = have & nb
                if no:
                    split.append((no, total))
            groups = split
        groups.sort(key=lambda g: -g[1])
        out = []
        for _, group in itertools.groupby(groups, key=lambda g: g[1]):
            members = 0
            for have, _total in group:
                members |= have
            while members and len(out) < _SEARCH_CANDIDATES:
                low = members & -members
                out.append(low.bit_length() - 1)
                members ^= low
            if len(out) >= _SEARCH_CANDIDATES:
                break
        return out

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
        weights = self._claim_weights(claim_facts(claim_text).stems, claim)
        total = sum(weights.values()) or 1
        # Rank articles by the claim's rarest words: common words are in every article and
        # would make the ranking cost grow with the cluster.
        rare = sorted(claim, key=lambda s: (-weights[s], s))[:_RARE_STEMS]
        ranked = self._top_voted(rare, weights, skip)
        # upper bound of each candidate's coverage: the claim words it has anywhere
        score = {ai: _weight(weights, claim & self.articles[ai].stems) for ai in ranked}
        ranked.sort(key=lambda ai: (-score[ai], ai))
        found: list[SupportResult] = []
        passed_bound = 0
        for ai in ranked:
            if score[ai] / total < min_support:
                break  # an upper bound of its coverage: this and the rest cannot pass
            passed_bound += 1
            if not self._lacks_figure(claim_text, [self.articles[ai]]):
                res = self.check(claim_text, [self.articles[ai].id], True, min_support)
                if res.supported:
                    found.append(res)
            if passed_bound >= _SEARCH_CHECKS:
                break
        if not found and not passed_bound and len(ranked) >= 2:
            # no article carries enough of it alone: try the best two together
            two = [self.articles[ranked[0]], self.articles[ranked[1]]]
            if not self._lacks_figure(claim_text, two):
                res = self.check(claim_text, [a.id for a in two], True, min_support)
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
