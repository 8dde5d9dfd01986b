"""Drafters: everything that turns a cluster into a cited draft, behind one small Protocol.

* :class:`ExtractiveDrafter` (``extractive``): the offline, deterministic default. It picks
  central, non-redundant sentences across the cluster and cites every article that carries
  each one (checked with the verifier's own support check, so its citations hold).
* :class:`LLMDrafter`: prompts a chat model through :mod:`llmbrief.client`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Protocol

from .citations import sentence_spans, strip_dateline
from .lexicon import content_stems
from .support import ClusterIndex
from .types import Cluster, Sentence, Usage

__all__ = ["Draft", "Drafter", "ExtractiveDrafter"]


@dataclass
class Draft:
    """A drafted brief before verification and rendering."""

    title: str
    sentences: list[Sentence]
    model: str
    prompt: str
    usage: Usage = field(default_factory=Usage)
    rounds: int = 0


class Drafter(Protocol):
    """Anything that drafts a brief for a cluster."""

    name: str

    def draft(self, cluster: Cluster, index: ClusterIndex) -> Draft:
        """Draft a cited brief of ``cluster``."""
        ...


_EXTRACTIVE_PROMPT = "extractive@v1"
# Openers that lean on a previous sentence and read badly out of context.
_ANAPHORA = re.compile(
    r"^(?:It|He|She|They|This|These|That|Those|His|Her|Their|Its|Such|But|And|Also|Still|"
    r"The (?:plan|company|fund|district|city|province|notice|move|group|firm|official|report|"
    r"review|deal|project|measure|proposal|programme|program|document|announcement))\b"
)


@dataclass
class _Candidate:
    article: int
    position: int
    text: str
    stems: frozenset[str]
    score: float
    ids: list[str]


class ExtractiveDrafter:
    """Offline, deterministic drafter: central sentences, every supporting article cited.

    Args:
        min_sentences: fewest sentences to aim for (when the cluster has them).
        max_sentences: most sentences in the paragraph.
        lead_sentences: how deep into each article to look for candidates.
        max_citations: most ids cited on one sentence.
    """

    name = "extractive"

    def __init__(
        self,
        min_sentences: int = 4,
        max_sentences: int = 6,
        lead_sentences: int = 8,
        max_citations: int = 3,
    ) -> None:
        self.min_sentences = min_sentences
        self.max_sentences = max_sentences
        self.lead_sentences = lead_sentences
        self.max_citations = max_citations

    def draft(self, cluster: Cluster, index: ClusterIndex) -> Draft:
        """Pick, order and cite sentences; the lead's article gives the headline."""
        candidates = self._candidates(cluster, index)
        if not candidates:
            return self._fallback(cluster)
        chosen = self._select(candidates)
        lead, rest = chosen[0], chosen[1:]
        rest.sort(key=lambda c: (c.position, -c.score))
        sentences = [
            Sentence(text=c.text, citations=c.ids[: self.max_citations]) for c in [lead, *rest]
        ]
        return Draft(
            title=cluster.articles[lead.article].title.strip(),
            sentences=sentences,
            model=self.name,
            prompt=_EXTRACTIVE_PROMPT,
        )

    def _fallback(self, cluster: Cluster) -> Draft:
        """Articles too short to pick from: cite each article's first sentence."""
        sentences = []
        for art in cluster.articles[: self.max_sentences]:
            spans = sentence_spans(art.text)
            a, b = spans[0] if spans else (0, len(art.text))
            text = " ".join(strip_dateline(art.text[a:b]).split())
            sentences.append(Sentence(text=text, citations=[art.id]))
        return Draft(
            title=cluster.articles[0].title.strip(),
            sentences=sentences,
            model=self.name,
            prompt=_EXTRACTIVE_PROMPT,
        )

    def _candidates(self, cluster: Cluster, index: ClusterIndex) -> list[_Candidate]:
        n = len(cluster.articles)
        out = []
        for ai, art in enumerate(cluster.articles):
            for pos, (a, b) in enumerate(sentence_spans(art.text)[: self.lead_sentences]):
                text = strip_dateline(art.text[a:b]).strip()
                text = " ".join(text.split())
                n_words = len(text.split())
                if n_words < 8 or n_words > 45 or text[0] in "\"“'‘" or text[-1] not in '.!?"”':
                    continue
                if not text[0].isupper() or "?" in text or _ANAPHORA.match(text):
                    continue
                stems = frozenset(content_stems(text))
                if len(stems) < 4:
                    continue
                # Centrality: rare-ish words that many articles share.
                shared = 0.0
                for s in stems:
                    df = len(index.article_postings.get(s, ()))
                    if df > 1:
                        shared += index.idf(s) * (df - 1) / max(n - 1, 1)
                score = shared / math.sqrt(len(stems)) + 1.5 / (1 + pos)
                out.append(_Candidate(ai, pos, text, stems, score, [art.id]))
        out.sort(key=lambda c: (-c.score, c.article, c.position))
        kept = []
        for c in out[: 8 * self.max_sentences]:
            own = c.ids[0]
            # The sentence must hold against its own article, or the draft would not verify.
            if not index.check(c.text, [own]).supported:
                continue
            # A fact carried by several outlets is central: count and cite them all.
            for res in index.search(c.text, exclude=[own]):
                c.ids.extend(e.article_id for e in res.evidence if e.article_id not in c.ids)
            c.score += 1.2 * min(len(c.ids) - 1, 4)
            kept.append(c)
        kept.sort(key=lambda c: (-c.score, c.article, c.position))
        return kept

    def _select(self, candidates: list[_Candidate]) -> list[_Candidate]:
        chosen: list[_Candidate] = []
        per_article: dict[int, int] = {}
        pool = list(candidates)
        while pool and len(chosen) < self.max_sentences:

            def gain(c: _Candidate) -> float:
                redundancy = max(
                    (len(c.stems & d.stems) / len(c.stems | d.stems) for d in chosen), default=0.0
                )
                reuse = per_article.get(c.article, 0)
                return c.score * (1 - redundancy) ** 2 - 0.6 * reuse

            best = max(pool, key=lambda c: (gain(c), -c.article, -c.position))
            pool.remove(best)
            if any(len(best.stems & d.stems) / len(best.stems | d.stems) > 0.45 for d in chosen):
                continue
            if len(chosen) >= self.min_sentences and gain(best) <= 0.5:
                break
            chosen.append(best)
            per_article[best.article] = per_article.get(best.article, 0) + 1
        return chosen
