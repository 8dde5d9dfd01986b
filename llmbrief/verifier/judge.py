"""Optional LLM judge: a second opinion on the claims the lexical pass cannot decide.

Only claims that failed on word coverage alone are sent (a wrong figure, name, date,
negation or quote is decided without a model). Claims are batched per cited article set,
one request each; replies are cached by the client. The judge's explanation goes into the
claim's reasons (or notes, when it upholds the claim).
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Sequence

from pydantic import BaseModel, ValidationError

from ..citations import ParsedSentence
from ..errors import ModelOutputError
from ..model import ChatModel
from ..prompts import Prompt
from ..types import ClaimReport, Cluster, Report

__all__ = ["LLMJudge", "undecided"]

_SOFT_REASONS = ("only ", "words found in other articles")


def undecided(claim: ClaimReport) -> bool:
    """A failed claim whose only reasons are about word coverage (a paraphrase, maybe)."""
    return (
        claim.verdict in ("unsupported", "misattributed")
        and bool(claim.reasons)
        and all(r.startswith(_SOFT_REASONS) for r in claim.reasons)
    )


class _Verdict(BaseModel):
    claim: int
    supported: bool
    explanation: str


class _Verdicts(BaseModel):
    verdicts: list[_Verdict]


class LLMJudge:
    """Reviews undecided claims with a chat model."""

    def __init__(self, model: ChatModel, prompt: Prompt) -> None:
        self.model = model
        self.prompt = prompt

    def review(self, cluster: Cluster, claims: Sequence[ParsedSentence], report: Report) -> Report:
        """A new report in which the judge has decided the undecided claims."""
        groups: dict[tuple[str, ...], list[ClaimReport]] = defaultdict(list)
        for c in report.claims:
            known = tuple(i for i in c.citations if cluster.article(i) is not None)
            if undecided(c) and known:
                groups[known].append(c)
        updated = {c.index: c.model_copy(deep=True) for c in report.claims}
        for ids, items in groups.items():
            article = "\n\n".join(
                f'<article id="{html.escape(i)}">\n'
                f"{html.escape(cluster.article(i).text, quote=False)}\n</article>"  # type: ignore[union-attr]
                for i in ids
            )
            listing = "\n".join(f"{n}. {claims[c.index].text}" for n, c in enumerate(items, 1))
            messages = self.prompt.messages(article=article, claims=listing)
            completion = self.model.complete(
                messages, params=dict(self.prompt.defaults), schema=self.prompt.response_schema
            )
            try:
                verdicts = _Verdicts.model_validate(json.loads(completion.text)).verdicts
            except (json.JSONDecodeError, ValidationError) as err:
                note = f"llm judge reply unreadable: {ModelOutputError(str(err)).args[0][:80]}"
                for c in items:
                    updated[c.index].notes.append(note)
                continue
            for v in verdicts:
                if not 1 <= v.claim <= len(items):
                    continue
                target = updated[items[v.claim - 1].index]
                if v.supported:
                    target.verdict = "supported"
                    target.notes.append(f"llm judge: {v.explanation}")
                    target.reasons = []
                    target.suggested_ids = []
                else:
                    target.reasons.append(f"llm judge: {v.explanation}")
        return Report.from_claims([updated[i] for i in sorted(updated)])
