"""Drafters: everything that turns a cluster into a cited draft, behind one small Protocol.

* :class:`ExtractiveDrafter` (``extractive``): the offline, deterministic default. It groups
  the wordings of each fact, picks central facts that add to those already picked, and cites
  articles that carry each one (checked with the verifier's own support check, so its
  citations hold).
* :class:`LLMDrafter`: prompts a chat model through :mod:`llmbrief.client`.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, Field, ValidationError

from .citations import parse_sentence, sentence_spans, strip_dateline
from .errors import ModelOutputError
from .load import claims_of, parse_brief_text
from .model import ChatModel, Completion
from .prompts import Prompt, render_template
from .tokens import Budget, fit_request
from .types import Article, BudgetNote, Cluster, Report, Sentence, Usage
from .verifier import checks
from .verifier.lexicon import content_stems
from .verifier.support import ClusterIndex, _distinctive

if TYPE_CHECKING:
    from .verifier import Verifier

__all__ = ["Draft", "DraftRequest", "Drafter", "ExtractiveDrafter", "LLMDrafter", "parse_reply"]


@dataclass
class Draft:
    """A drafted brief before verification and rendering."""

    title: str
    sentences: list[Sentence]
    model: str
    prompt: str
    usage: Usage = field(default_factory=Usage)
    rounds: int = 0
    budget: BudgetNote | None = None
    # the conversation that produced it (LLM drafts), to ask for a corrected version
    messages: list[dict[str, str]] = field(default_factory=list)
    reply: str = ""


@dataclass
class DraftRequest:
    """What an LLM drafter sends first for a cluster: the same live and in a batch file."""

    messages: list[dict[str, str]]
    params: dict[str, Any]
    schema: dict[str, Any] | None
    budget: BudgetNote


class Drafter(Protocol):
    """Anything that drafts a brief for a cluster."""

    @property
    def name(self) -> str:
        """What the brief records as its model."""
        ...

    def draft(self, cluster: Cluster, index: ClusterIndex) -> Draft:
        """Draft a cited brief of ``cluster``."""
        ...


_EXTRACTIVE_PROMPT = "extractive@v1"
# Share of a sentence's weight that must be new against each chosen sentence (less when it
# brings a money, share or unit figure not given yet: a new fact), and against all of them
# together.
_MIN_NOVELTY = 0.6
_MIN_NOVELTY_FIGURE = 0.4
_MIN_NOVELTY_ALL = 0.2
# Two sentences say the same thing (near-duplicates, one group) when their weighted word
# overlap (Jaccard) reaches this, or when the shorter is nearly all in the longer; less
# overlap is needed when they also state the same figures.
_SAME_WORDING = 0.5
_SAME_CONTAINED = 0.8
_SAME_FIGURES = 0.2
_SAME_NUMBERS = 0.3  # the same small numbers ("Line 4", "three workers") say less
# how many wordings of a fact are tried as its representative (each costs a support check)
_TRY_MEMBERS = 3
# Openers that lean on a previous sentence and read badly out of context.
_ANAPHORA = re.compile(
    r"^(?:It|He|She|They|This|These|That|Those|His|Her|Their|Its|Such|But|And|Also|Still|"
    r"The (?:plan|company|fund|district|city|province|notice|move|group|firm|official|report|"
    r"review|deal|project|measure|proposal|programme|program|document|announcement))\b"
)


def _figure_key(q: checks.Quantity) -> str:
    """A figure as a term of its own (stems are letters, so it cannot clash with one)."""
    return f"#{q.value:.6g}"


@dataclass
class _Candidate:
    """A distinct sentence worth quoting and every article that carries it word for word."""

    article: int  # the first article (cluster order) carrying it
    position: int  # its sentence index there
    text: str
    stems: frozenset[str]
    figures: frozenset[str]  # every figure (but ordinals), as terms
    distinctive: frozenset[str]  # the figures that identify a fact: money, shares, units
    holders: list[int]  # every article carrying it word for word, in cluster order
    centrality: float
    weight: float = 0.0  # of its stems
    score: float = 0.0
    # articles that support it, verified with the support check, best first
    ids: list[str] = field(default_factory=list)
    # other articles that state the same fact (its group), to try as citations
    carriers: list[int] = field(default_factory=list)

    @property
    def terms(self) -> frozenset[str]:
        return self.stems | self.figures


class _FigureEchoes:
    """Which articles state which figure in their opening sentences, by value.

    ``ClusterIndex.figure_echoes`` scans every figure of the cluster per call; bucketing by
    value makes each count cost the few articles that share the value.
    """

    def __init__(self) -> None:
        self._by_value: dict[str, list[tuple[int, checks.Quantity]]] = {}
        self._sentences = 0
        self._df: dict[str, int] = {}

    def add(self, article: int, text: str) -> None:
        """Read one opening sentence of the article at position ``article``."""
        self._sentences += 1
        found = checks.quantities(text)
        for q in found:
            self._by_value.setdefault(_figure_key(q), []).append((article, q))
        for key in {_figure_key(q) for q in found}:  # counts: the order does not matter
            self._df[key] = self._df.get(key, 0) + 1

    def idf(self, key: str) -> float:
        """Rarity of a figure among the sentences read, on the scale of a stem's idf."""
        return math.log(1 + max(self._sentences, 1) / max(self._df.get(key, 0), 1))

    def count(self, text: str, exclude: int) -> int:
        """How many articles (but ``exclude``) state a distinctive figure of ``text``."""
        hit: set[int] = set()
        for q in checks.quantities(text):
            if _distinctive(q):
                for ai, other in self._by_value.get(_figure_key(q), ()):
                    if ai != exclude and q.matches(other):
                        hit.add(ai)
        return len(hit)


class _Weights:
    """Rarity weights of terms, summed exactly.

    A stem weighs its idf over the cluster's sentences; a figure its idf over the opening
    sentences the drafter read (:class:`_FigureEchoes`), so a figure every outlet gives is
    not worth more than a rare word.
    """

    def __init__(self, index: ClusterIndex, echoes: _FigureEchoes) -> None:
        self._index = index
        self._echoes = echoes
        self._cache: dict[str, float] = {}

    def __call__(self, terms: frozenset[str] | set[str]) -> float:
        try:
            # fsum is exactly rounded: no dependence on set order
            return math.fsum(map(self._cache.__getitem__, terms))
        except KeyError:
            for t in terms:
                if t not in self._cache:
                    self._cache[t] = self._echoes.idf(t) if t[0] == "#" else self._index.idf(t)
            return math.fsum(map(self._cache.__getitem__, terms))


def _quotable(text: str) -> bool:
    """A whole, self-standing sentence of a reasonable length."""
    n_words = len(text.split())
    if n_words < 8 or n_words > 45 or text[0] in "\"“'‘" or text[-1] not in '.!?"”':
        return False
    return text[0].isupper() and "?" not in text and not _ANAPHORA.match(text)


def _support_bonus(n_articles: int) -> float:
    """Score for a sentence that ``n_articles`` articles carry: a fact many outlets give."""
    return 1.2 * min(n_articles - 1, 4)


def _same_fact(a: _Candidate, b: _Candidate, weigh: _Weights) -> bool:
    """Whether two sentences are wordings of one fact (near-duplicates).

    Different money, share or unit figures are different facts ("profit rose 12%" / "revenue
    rose 4%"); the same figures with a little common wording are the same fact ("The line cost
    3.8 billion euros" / "Construction cost 3.8 billion euros"); otherwise most of the wording
    must be common, or the shorter sentence nearly all in the longer one.
    """
    if a.distinctive != b.distinctive:
        return False
    common = a.stems & b.stems
    if len(common) < 2:  # sentences have four stems or more: one cannot make them alike
        return False
    shared = weigh(common)
    sim = shared / (a.weight + b.weight - shared)
    if a.figures and a.figures == b.figures:
        return sim >= (_SAME_FIGURES if a.distinctive else _SAME_NUMBERS)
    return sim >= _SAME_WORDING or shared >= _SAME_CONTAINED * min(a.weight, b.weight)


class ExtractiveDrafter:
    """Offline, deterministic drafter: central sentences, each cited to articles that carry it.

    The cluster's distinct sentences are grouped into facts (near-duplicate wordings
    together), one wording per fact competes, and sentences are picked greedily by score
    times what they add to those already picked (maximal marginal relevance), so a story
    told by dozens of outlets in the same words still yields several facts.

    Args:
        min_sentences: fewest sentences to aim for (when the cluster has them).
        max_sentences: most sentences in the paragraph.
        lead_sentences: how deep into each article to look for candidates.
        max_citations: most ids cited on one sentence.
        depth: most facts (groups of wordings) to score and check; default
            ``8 * max_sentences``.
    """

    name = "extractive"

    def __init__(
        self,
        min_sentences: int = 4,
        max_sentences: int = 7,
        lead_sentences: int = 8,
        max_citations: int = 3,
        depth: int | None = None,
    ) -> None:
        self.min_sentences = min_sentences
        self.max_sentences = max_sentences
        self.lead_sentences = lead_sentences
        self.max_citations = max_citations
        self.depth = depth if depth is not None else 8 * max_sentences

    def draft(self, cluster: Cluster, index: ClusterIndex) -> Draft:
        """Pick, order and cite sentences; the lead's article gives the headline."""
        echoes = _FigureEchoes()
        read = self._sentences(cluster, index, echoes)
        weigh = _Weights(index, echoes)
        for c in read:
            c.weight = weigh(c.stems)
        groups = self._groups(read, weigh)
        candidates = self._scored(groups, cluster, index, echoes)
        if not candidates:
            return self._fallback(cluster)
        chosen = self._select(candidates, weigh)
        lead, rest = chosen[0], chosen[1:]
        # after the lead, the story in the order it was reported
        order = {
            a.id: (a.published.timestamp() if a.published else 0.0, i)
            for i, a in enumerate(cluster.articles)
        }
        rest.sort(key=lambda c: (order[cluster.articles[c.article].id], c.position))
        sentences = [
            Sentence(text=c.text, citations=self._cite(c, cluster, index)) for c in [lead, *rest]
        ]
        return Draft(
            title=cluster.articles[lead.article].title.strip(),
            sentences=sentences,
            model=self.name,
            prompt=_EXTRACTIVE_PROMPT,
        )

    def _fallback(self, cluster: Cluster) -> Draft:
        """Articles too short to pick from: each article's first sentence, said once."""
        cited: dict[str, list[str]] = {}  # sentence -> articles that open with it
        for art in cluster.articles:
            spans = sentence_spans(art.text)
            a, b = spans[0] if spans else (0, len(art.text))
            text = " ".join(strip_dateline(art.text[a:b]).split())
            if text in cited or len(cited) < self.max_sentences:
                cited.setdefault(text, []).append(art.id)
        sentences = [
            Sentence(text=text, citations=ids[: self.max_citations]) for text, ids in cited.items()
        ]
        return Draft(
            title=cluster.articles[0].title.strip(),
            sentences=sentences,
            model=self.name,
            prompt=_EXTRACTIVE_PROMPT,
        )

    def _sentences(
        self, cluster: Cluster, index: ClusterIndex, echoes: _FigureEchoes
    ) -> list[_Candidate]:
        """The distinct quotable sentences of the articles' leads, most central first."""
        n = len(cluster.articles)
        by_text: dict[str, _Candidate] = {}
        rejected: set[str] = set()
        for ai, art in enumerate(cluster.articles):
            for pos, (a, b) in enumerate(sentence_spans(art.text)[: self.lead_sentences]):
                text = " ".join(strip_dateline(art.text[a:b]).split())
                if not text:
                    continue
                echoes.add(ai, text)
                seen = by_text.get(text)
                if seen is not None:  # word for word in another article: one more holder
                    if seen.holders[-1] != ai:
                        seen.holders.append(ai)
                    continue
                if text in rejected:
                    continue
                stems = frozenset(content_stems(text))
                if len(stems) < 4 or not _quotable(text):
                    rejected.add(text)
                    continue
                # Centrality: rare-ish words that many articles share.
                shared = []
                for s in stems:
                    df = len(index.article_postings.get(s, ()))
                    if df > 1:
                        shared.append(index.idf(s) * (df - 1) / max(n - 1, 1))
                quantities = [q for q in checks.quantities(text) if q.unit != "ord"]
                by_text[text] = _Candidate(
                    article=ai,
                    position=pos,
                    text=text,
                    stems=stems,
                    figures=frozenset(_figure_key(q) for q in quantities),
                    distinctive=frozenset(_figure_key(q) for q in quantities if _distinctive(q)),
                    holders=[ai],
                    centrality=math.fsum(shared) / math.sqrt(len(stems)) + 1.5 / (1 + pos),
                )
        out = list(by_text.values())
        out.sort(key=lambda c: (-c.centrality, c.article, c.position))
        return out

    def _groups(self, sentences: list[_Candidate], weigh: _Weights) -> list[list[_Candidate]]:
        """Near-duplicate wordings of one fact together, most central first.

        Each sentence joins the first group whose first (most central) wording says the same;
        only the ``depth`` most central facts are kept.
        """
        groups: list[list[_Candidate]] = []
        for c in sentences:
            for g in groups:
                if _same_fact(c, g[0], weigh):
                    g.append(c)
                    break
            else:
                if len(groups) < self.depth:
                    groups.append([c])
        return groups

    def _scored(
        self,
        groups: list[list[_Candidate]],
        cluster: Cluster,
        index: ClusterIndex,
        echoes: _FigureEchoes,
    ) -> list[_Candidate]:
        """One verified wording per fact, scored by centrality and how many articles carry it."""
        ids = cluster.ids
        out = []
        for group in groups:
            # the wording that outlets copy word for word first: it is the best cited
            members = sorted(
                group,
                key=lambda c: (
                    -c.centrality - _support_bonus(len(c.holders)),
                    c.article,
                    c.position,
                ),
            )
            # The sentence must hold against its own article, or the draft would not verify.
            rep = next(
                (
                    c
                    for c in members[:_TRY_MEMBERS]
                    if index.check(c.text, [ids[c.article]]).supported
                ),
                None,
            )
            if rep is None:
                continue
            # A fact carried by several outlets is central: count them and cite them.
            found = index.search(rep.text, exclude=[ids[ai] for ai in rep.holders])
            rep.ids = list(dict.fromkeys(e.article_id for r in found for e in r.evidence))
            supporters = {*rep.holders, *(index.position[i] for i in rep.ids)}
            rep.score = rep.centrality + _support_bonus(len(supporters))
            # So is a figure that other outlets report too ("$10 billion" in three articles).
            rep.score += 0.4 * min(echoes.count(rep.text, exclude=rep.article), 4)
            # the others that state the fact in other words may support this wording too
            rep.carriers = sorted({ai for c in group for ai in c.holders} - supporters)
            out.append(rep)
        out.sort(key=lambda c: (-c.score, c.article, c.position))
        return out

    def _cite(self, c: _Candidate, cluster: Cluster, index: ClusterIndex) -> list[str]:
        """Up to ``max_citations`` articles that support the sentence, each checked, and
        none that the others make idle.

        First the articles with it word for word (its own first), then those the search
        found, then those stating the same fact in other words.
        """
        ids = cluster.ids
        cited: list[str] = []
        tried = 0
        for art_id in [
            *(ids[ai] for ai in c.holders),
            *c.ids,
            *(ids[ai] for ai in c.carriers),
        ]:
            if len(cited) >= self.max_citations or tried >= 4 * self.max_citations:
                break
            if art_id in cited:
                continue
            tried += 1
            if index.check(c.text, [art_id]).supported:
                cited.append(art_id)
        # Each id supports the sentence alone, but together the verifier may find some add
        # nothing (the sentence is word for word in the first): such a citation is noted as
        # idle, so it is not made. Dropping an idle id leaves the support as it was.
        while len(cited) > 1:
            idle = set(index.check(c.text, cited).idle_ids)
            if not idle:
                break
            cited = [i for i in cited if i not in idle]
        return cited

    def _select(self, candidates: list[_Candidate], weigh: _Weights) -> list[_Candidate]:
        """Greedy MMR: the best score times what the sentence adds to those already chosen."""
        chosen: list[_Candidate] = []
        said: set[str] = set()
        facts: set[str] = set()
        per_article: dict[int, int] = {}
        pool = list(candidates)

        def novelty(c: _Candidate) -> tuple[float, float]:
            """Share of its weight new against the closest chosen sentence, and against all."""
            total = weigh(c.terms)
            closest = max((weigh(c.terms & x.terms) for x in chosen), default=0.0)
            return 1.0 - closest / total, 1.0 - weigh(c.terms & said) / total

        def gain(c: _Candidate) -> float:
            return c.score * novelty(c)[0] - 0.6 * per_article.get(c.article, 0)

        while pool and len(chosen) < self.max_sentences:
            best = max(pool, key=lambda c: (gain(c), -c.article, -c.position))
            pool.remove(best)
            new, new_all = novelty(best)
            repeats_figures = bool(best.figures) and best.figures <= facts
            need = _MIN_NOVELTY_FIGURE if best.distinctive - facts else _MIN_NOVELTY
            if new < need or new_all < _MIN_NOVELTY_ALL or repeats_figures:
                continue  # mostly said already (or only figures already given)
            if any(_same_fact(best, x, weigh) for x in chosen):
                continue  # another wording of a fact given (groups hold only their head's)
            if len(chosen) >= self.min_sentences and gain(best) <= 0.5:
                break
            chosen.append(best)
            said |= best.terms
            facts |= best.figures
            per_article[best.article] = per_article.get(best.article, 0) + 1
        return chosen


# -- the LLM drafter --------------------------------------------------------------------------


class _Reply(BaseModel):
    """The reply the JSON schema asks for."""

    title: str
    sentences: list[Sentence] = Field(min_length=1)


_FENCE = re.compile(r"^```[a-zA-Z]*\s*\n?|\n?```\s*$")


def parse_reply(completion: Completion, known_ids: list[str]) -> tuple[str, list[Sentence]]:
    """Read a model reply: the JSON schema, or the text form (title, blank line, paragraph).

    Raises:
        ModelOutputError: truncated, refused, empty, or neither JSON nor the text form.
    """
    if completion.refusal:
        raise ModelOutputError(f"the model refused: {completion.refusal}")
    if completion.finish_reason == "length":
        raise ModelOutputError(
            "the reply was cut off at max_completion_tokens (finish_reason=length)"
        )
    text = _FENCE.sub("", completion.text.strip()).strip()
    if not text:
        raise ModelOutputError("the reply is empty")
    if text.startswith("{"):
        try:
            reply = _Reply.model_validate(json.loads(text))
        except json.JSONDecodeError as err:
            raise ModelOutputError(f"invalid JSON at character {err.pos}: {err.msg}") from None
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            raise ModelOutputError(
                f"JSON does not fit the schema at {where}: {first['msg']}"
            ) from None
        sentences = []
        for s in reply.sentences:
            parsed = parse_sentence(s.text, known_ids)
            cited = list(dict.fromkeys([*parsed.citations, *(c.strip("[] ") for c in s.citations)]))
            if parsed.text:
                sentences.append(Sentence(text=parsed.text, citations=[c for c in cited if c]))
        if not sentences:
            raise ModelOutputError("the JSON reply has no sentence with text")
        return reply.title.strip(), sentences
    brief = parse_brief_text(text)
    claims = [c for c in brief.claims if c.text]
    if not claims or not brief.title:
        raise ModelOutputError("the reply is neither the JSON schema nor a title and a paragraph")
    # the text form has no known-id filter: re-read the claims against the cluster's ids
    sentences = []
    for c in claims:
        parsed = parse_sentence(c.raw, known_ids)
        sentences.append(Sentence(text=parsed.text, citations=parsed.citations))
    return brief.title, sentences


def _articles_block(articles: Sequence[Article]) -> str:
    """Articles as delimited, labelled data; their text is escaped so it cannot close a block."""
    esc = html.escape
    parts = []
    for a in articles:
        meta = []
        if a.source:
            meta.append(f"<source>{esc(a.source, quote=False)}</source>")
        if a.published:
            meta.append(f"<published>{a.published.date().isoformat()}</published>")
        parts.append(
            f'<article id="{esc(a.id)}">\n<title>{esc(a.title.strip(), quote=False)}</title>\n'
            + ("\n".join(meta) + "\n" if meta else "")
            + f"<text>\n{esc(a.text.strip(), quote=False)}\n</text>\n</article>"
        )
    return "\n\n".join(parts)


def _findings(report: Report) -> str:
    lines = []
    for c in report.claims:
        if c.verdict == "supported":
            continue
        why = "; ".join(c.reasons) or c.verdict
        line = f'- Sentence {c.index + 1} ({c.verdict}): "{c.text}" -- {why}'
        if c.suggested_ids:
            line += ". Articles that do support it: " + ", ".join(c.suggested_ids)
        lines.append(line)
    return "\n".join(lines)


class LLMDrafter:
    """Drafts with a chat model through a versioned prompt.

    Args:
        model: anything with ``complete(messages, params=, schema=)`` (a ChatClient).
        prompt: the loaded prompt.
        max_input_tokens: hard cap on the tokens of each request (messages and chat
            overhead), within the context window less room for the reply.
        context_window: the model's context window when the table does not know it.
        rounds: most regenerate rounds when verification fails.
        min_sentences: fewest sentences to ask for.
        max_sentences: most sentences to ask for.
    """

    def __init__(
        self,
        model: ChatModel,
        prompt: Prompt,
        *,
        max_input_tokens: int | None = None,
        context_window: int | None = None,
        rounds: int = 1,
        min_sentences: int = 4,
        max_sentences: int = 7,
    ) -> None:
        self.model = model
        self.prompt = prompt
        self.max_input_tokens = max_input_tokens
        self.context_window = context_window
        self.rounds = rounds
        self.min_sentences = min_sentences
        self.max_sentences = max_sentences

    @property
    def name(self) -> str:
        """The model name, recorded in the brief."""
        return self.model.model

    @property
    def prompt_id(self) -> str:
        """``name@hash`` of the prompt."""
        return self.prompt.id

    def close(self) -> None:
        """Close the model client's connections, if it has any."""
        close = getattr(self.model, "close", None)
        if close is not None:
            close()

    def _params(self) -> dict[str, Any]:
        return {k: v for k, v in self.prompt.defaults.items() if v is not None}

    def _fit(
        self, cluster: Cluster, extra: Sequence[dict[str, str]] = ()
    ) -> tuple[list[dict[str, str]], BudgetNote]:
        """The request's messages (the prompt, then ``extra`` turns) within the token budget."""
        budget = Budget.for_model(
            self.model.model,
            self.max_input_tokens,
            max_completion_tokens=int(self.prompt.defaults.get("max_completion_tokens", 1000)),
            context_window=self.context_window,
        )

        def build(articles: Sequence[Article]) -> list[dict[str, str]]:
            # only the articles sent are offered as ids: the model cannot cite what it never saw
            messages = self.prompt.messages(
                cluster_id=cluster.cluster_id,
                n_articles=len(articles),
                ids=", ".join(a.id for a in articles),
                articles=_articles_block(articles),
                min_sentences=self.min_sentences,
                max_sentences=self.max_sentences,
            )
            return [*messages, *extra]

        messages, _, note = fit_request(cluster, budget, build)
        return messages, note

    def _ask(
        self, cluster: Cluster, extra: Sequence[dict[str, str]], usage: Usage
    ) -> tuple[str, list[Sentence], str, list[dict[str, str]], BudgetNote]:
        """One request, and one re-ask when the reply cannot be read; each within the budget."""
        schema = self.prompt.response_schema
        messages, note = self._fit(cluster, extra)
        completion = self.model.complete(messages, params=self._params(), schema=schema)
        usage.add(completion.usage)
        try:
            title, sentences = parse_reply(completion, cluster.ids)
            return title, sentences, completion.text, messages, note
        except ModelOutputError as err:
            if completion.finish_reason == "length" or completion.refusal or not self.prompt.reask:
                raise
            retry, note = self._fit(
                cluster,
                [
                    *extra,
                    {"role": "assistant", "content": completion.text},
                    {
                        "role": "user",
                        "content": render_template(
                            self.prompt.reask, {"error": str(err)}, self.prompt.id
                        ),
                    },
                ],
            )
            again = self.model.complete(retry, params=self._params(), schema=schema)
            usage.add(again.usage)
            try:
                title, sentences = parse_reply(again, cluster.ids)
            except ModelOutputError as err2:
                raise ModelOutputError(f"{err2} (after one re-ask)") from None
            return title, sentences, again.text, retry, note

    def request(self, cluster: Cluster) -> DraftRequest:
        """The first request :meth:`draft` sends for ``cluster`` (the Batch API writes it out)."""
        messages, note = self._fit(cluster)
        return DraftRequest(messages, self._params(), self.prompt.response_schema, note)

    def draft(self, cluster: Cluster, index: ClusterIndex) -> Draft:
        """Budget the request, prompt the model, read its reply."""
        usage = Usage()
        title, sentences, reply, messages, note = self._ask(cluster, [], usage)
        return Draft(
            title=title,
            sentences=sentences,
            model=self.name,
            prompt=self.prompt.id,
            usage=usage,
            budget=note,
            messages=messages,
            reply=reply,
        )

    def regenerate(
        self,
        cluster: Cluster,
        index: ClusterIndex,
        draft: Draft,
        report: Report,
        verifier: Verifier,
    ) -> tuple[Draft, Report]:
        """Send the failed checks back to the model, up to ``rounds`` times; keep the best."""
        best, best_report = draft, report
        current, current_report = draft, report
        usage = Usage()
        usage.add(draft.usage)
        rounds = 0
        for _ in range(self.rounds):
            rounds += 1
            # the last attempt and what failed in it, after the prompt (the whole request
            # within the same budget)
            extra = [
                {"role": "assistant", "content": current.reply},
                {
                    "role": "user",
                    "content": render_template(
                        self.prompt.repair, {"findings": _findings(current_report)}, self.prompt.id
                    ),
                },
            ]
            title, sentences, reply, messages, _ = self._ask(cluster, extra, usage)
            current = Draft(
                title=title,
                sentences=sentences,
                model=self.name,
                prompt=self.prompt.id,
                budget=draft.budget,
                messages=messages,
                reply=reply,
            )
            current_report = verifier.claims(claims_of(sentences))
            if current_report.score > best_report.score:
                best, best_report = current, current_report
            if current_report.ok:
                break
        best.usage = usage
        best.rounds = rounds
        return best, best_report
