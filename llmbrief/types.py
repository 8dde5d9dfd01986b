"""Data model: the shapes of ``FORMATS.md`` as pydantic v2 models."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "ID_PATTERN",
    "Article",
    "Brief",
    "BudgetNote",
    "Check",
    "ClaimReport",
    "Cluster",
    "Evidence",
    "Headline",
    "Report",
    "Sentence",
    "Span",
    "Usage",
    "Verdict",
]

#: Article ids: letters, digits and ``_ . : -``, 1 to 64 of them.
ID_PATTERN = re.compile(r"[A-Za-z0-9_.:\-]{1,64}")

Verdict = Literal["supported", "unknown_id", "misattributed", "unsupported", "uncited"]
VERDICTS: tuple[Verdict, ...] = (
    "supported",
    "unsupported",
    "misattributed",
    "unknown_id",
    "uncited",
)


class Article(BaseModel):
    """One news article of a cluster."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    published: datetime | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_string(cls, value: object) -> object:
        # A JSON number is read as its decimal string: 51155 == "51155".
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not ID_PATTERN.fullmatch(value):
            raise ValueError("must be 1-64 letters, digits or _ . : -")
        return value

    @field_validator("title", "text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value


class Cluster(BaseModel):
    """A set of articles about one story."""

    cluster_id: str
    articles: list[Article] = Field(min_length=1)

    @property
    def ids(self) -> list[str]:
        """Article ids in file order."""
        return [a.id for a in self.articles]

    def article(self, article_id: str) -> Article | None:
        """The article with this id, or None."""
        for a in self.articles:
            if a.id == article_id:
                return a
        return None


class Sentence(BaseModel):
    """One sentence of a summary: its text without markers, and the ids it cites."""

    text: str
    citations: list[str] = Field(default_factory=list)


class Headline(BaseModel):
    """A member headline listed under the brief."""

    id: str
    title: str


class Usage(BaseModel):
    """Tokens and calls spent making one brief (or one run)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    cache_hits: int = 0
    cost_usd: float | None = None

    def add(self, other: Usage) -> None:
        """Accumulate another usage record into this one."""
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.calls += other.calls
        self.cache_hits += other.cache_hits
        if other.cost_usd is not None:
            self.cost_usd = (self.cost_usd or 0.0) + other.cost_usd


class Evidence(BaseModel):
    """A source sentence (or window) that supports a claim, with offsets into the article text."""

    article_id: str
    sentence: str
    start: int
    end: int
    score: float


class Span(BaseModel):
    """Characters a check looked at: in the claim (``where == "claim"``) or in an article."""

    where: str
    start: int
    end: int


class Check(BaseModel):
    """One check that ran on a claim: whether it fired (found a problem), why, and where."""

    name: str
    fired: bool
    detail: str = ""
    spans: list[Span] = Field(default_factory=list)


class ClaimReport(BaseModel):
    """The verdict on one claim (sentence) of a brief."""

    index: int
    text: str
    citations: list[str] = Field(default_factory=list)
    verdict: Verdict
    unknown_ids: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    suggested_ids: list[str] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    #: Support after the checks, 0 to 1; supported when at least the strictness (min support).
    score: float = 0.0
    checks: list[Check] = Field(default_factory=list)


_M = TypeVar("_M", bound=BaseModel)


def _maker(model: type[_M]) -> Callable[[dict[str, Any]], _M]:
    """``model``'s own validator, which makes it from a dict of its fields: the same checks,
    defaults and set fields as ``model(**fields)``, without the Python frame of
    ``BaseModel.__init__`` (a third of the cost of a small model; the verifier makes tens
    of thousands of report objects per brief)."""
    return cast(Callable[[dict[str, Any]], _M], model.__pydantic_validator__.validate_python)


#: ``new_span({"where": w, "start": a, "end": b})`` is ``Span(where=w, start=a, end=b)``.
new_span = _maker(Span)
#: ``new_check({...})`` is ``Check(**{...})``.
new_check = _maker(Check)
#: ``new_evidence({...})`` is ``Evidence(**{...})``.
new_evidence = _maker(Evidence)
#: ``new_claim_report({...})`` is ``ClaimReport(**{...})``.
new_claim_report = _maker(ClaimReport)


class Report(BaseModel):
    """Verification report of a brief against its cluster (FORMATS section 4)."""

    ok: bool
    score: float
    claims: list[ClaimReport]
    counts: dict[str, int]

    @classmethod
    def from_claims(cls, claims: list[ClaimReport]) -> Report:
        """Build the report (ok, score, counts) from per-claim verdicts."""
        counts: dict[str, int] = {v: 0 for v in VERDICTS}
        for c in claims:
            counts[c.verdict] += 1
        supported = counts["supported"]
        score = supported / len(claims) if claims else 0.0
        return cls(
            ok=bool(claims) and supported == len(claims),
            score=round(score, 4),
            claims=claims,
            counts=counts,
        )


class BudgetNote(BaseModel):
    """What token budgeting removed from the cluster before drafting."""

    encoding: str
    max_input_tokens: int
    tokens_before: int
    tokens_after: int
    dropped_duplicates: list[str] = Field(default_factory=list)
    shortened: dict[str, int] = Field(default_factory=dict)
    proxy_encoding: bool = False
    #: articles left out of the request entirely (least central first to go)
    dropped: list[str] = Field(default_factory=list)
    #: prompt tokens of the request as sent (chat overhead included), and the window assumed
    request_tokens: int = 0
    context_window: int = 0


class Brief(BaseModel):
    """A cited brief of one cluster (FORMATS section 3)."""

    cluster_id: str
    title: str
    summary: str
    sentences: list[Sentence]
    headlines: list[Headline]
    article_count: int
    model: str
    prompt: str
    usage: Usage = Field(default_factory=Usage)
    verification: Report | None = None
    budget: BudgetNote | None = None
    repair: list[str] = Field(default_factory=list)
    rounds: int = 0
