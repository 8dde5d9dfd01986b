"""Drafters: everything that turns a cluster into a cited draft, behind one small Protocol.

* :class:`ExtractiveDrafter` (``extractive``): the offline, deterministic default. It picks
  central, non-redundant sentences across the cluster and cites every article that carries
  each one (checked with the verifier's own support check, so its citations hold).
* :class:`LLMDrafter`: prompts a chat model through :mod:`llmbrief.client`.
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, Field, ValidationError

from .citations import parse_sentence, sentence_spans, strip_dateline
from .errors import ModelOutputError
from .load import claims_of, parse_brief_text
from .model import ChatModel, Completion
from .prompts import Prompt, render_template
from .tokens import Budget, fit_cluster
from .types import BudgetNote, Cluster, Report, Sentence, Usage
from .verifier import checks
from .verifier.lexicon import content_stems
from .verifier.support import ClusterIndex

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
# share of a sentence's content words that must be new to the paragraph
_MIN_NOVELTY = 0.35
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
        max_sentences: int = 7,
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
        # after the lead, the story in the order it was reported
        order = {
            a.id: (a.published.timestamp() if a.published else 0.0, i)
            for i, a in enumerate(cluster.articles)
        }
        rest.sort(key=lambda c: (order[cluster.articles[c.article].id], c.position))
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
            # So is a figure that other outlets report too ("$10 billion" in three articles).
            c.score += 0.4 * min(index.figure_echoes(c.text, exclude=c.article), 4)
            kept.append(c)
        kept.sort(key=lambda c: (-c.score, c.article, c.position))
        return kept

    def _select(self, candidates: list[_Candidate]) -> list[_Candidate]:
        """Greedy: the best-scoring sentence that still says something new."""
        chosen: list[_Candidate] = []
        said: set[str] = set()
        facts: set[float] = set()
        per_article: dict[int, int] = {}
        pool = list(candidates)

        def gain(c: _Candidate, said: set[str]) -> float:
            novelty = len(c.stems - said) / len(c.stems)
            return c.score * novelty - 0.6 * per_article.get(c.article, 0)

        while pool and len(chosen) < self.max_sentences:
            best = max(pool, key=lambda c: (gain(c, said), -c.article, -c.position))
            pool.remove(best)
            figures = {q.value for q in checks.quantities(best.text) if q.unit != "ord"}
            repeats_figures = bool(figures) and figures <= facts
            if len(best.stems - said) / len(best.stems) < _MIN_NOVELTY or repeats_figures:
                continue  # mostly said already (or only figures already given)
            if len(chosen) >= self.min_sentences and gain(best, said) <= 0.5:
                break
            chosen.append(best)
            said |= best.stems
            facts |= figures
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


def _articles_block(cluster: Cluster) -> str:
    """Articles as delimited, labelled data; their text is escaped so it cannot close a block."""
    esc = html.escape
    parts = []
    for a in cluster.articles:
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
        max_input_tokens: token budget for the articles (capped by the context window).
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
        rounds: int = 1,
        min_sentences: int = 4,
        max_sentences: int = 7,
    ) -> None:
        self.model = model
        self.prompt = prompt
        self.max_input_tokens = max_input_tokens
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

    def _ask(
        self, messages: list[dict[str, str]], usage: Usage, cluster: Cluster
    ) -> tuple[str, list[Sentence], str]:
        """One request, and one re-ask when the reply cannot be read."""
        schema = self.prompt.response_schema
        completion = self.model.complete(messages, params=self._params(), schema=schema)
        usage.add(completion.usage)
        try:
            title, sentences = parse_reply(completion, cluster.ids)
            return title, sentences, completion.text
        except ModelOutputError as err:
            if completion.finish_reason == "length" or completion.refusal or not self.prompt.reask:
                raise
            retry = [
                *messages,
                {"role": "assistant", "content": completion.text},
                {
                    "role": "user",
                    "content": render_template(
                        self.prompt.reask, {"error": str(err)}, self.prompt.id
                    ),
                },
            ]
            again = self.model.complete(retry, params=self._params(), schema=schema)
            usage.add(again.usage)
            try:
                title, sentences = parse_reply(again, cluster.ids)
            except ModelOutputError as err2:
                raise ModelOutputError(f"{err2} (after one re-ask)") from None
            return title, sentences, again.text

    def request(self, cluster: Cluster) -> DraftRequest:
        """The first request :meth:`draft` sends for ``cluster`` (the Batch API writes it out)."""
        budget = Budget.for_model(
            self.model.model,
            self.max_input_tokens,
            max_completion_tokens=int(self.prompt.defaults.get("max_completion_tokens", 1000)),
        )
        sent, note = fit_cluster(cluster, budget)
        messages = self.prompt.messages(
            cluster_id=cluster.cluster_id,
            n_articles=len(cluster.articles),
            ids=", ".join(cluster.ids),
            articles=_articles_block(sent),
            min_sentences=self.min_sentences,
            max_sentences=self.max_sentences,
        )
        return DraftRequest(messages, self._params(), self.prompt.response_schema, note)

    def draft(self, cluster: Cluster, index: ClusterIndex) -> Draft:
        """Budget the cluster, prompt the model, read its reply."""
        request = self.request(cluster)
        messages, note = request.messages, request.budget
        usage = Usage()
        title, sentences, reply = self._ask(messages, usage, cluster)
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
            messages = [
                *current.messages,
                {"role": "assistant", "content": current.reply},
                {
                    "role": "user",
                    "content": render_template(
                        self.prompt.repair, {"findings": _findings(current_report)}, self.prompt.id
                    ),
                },
            ]
            title, sentences, reply = self._ask(messages, usage, cluster)
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
