"""The whole job: load -> budget -> draft -> verify -> repair -> brief."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Literal

from .draft import Drafter, ExtractiveDrafter
from .errors import ConfigError
from .load import claims_of
from .types import Brief, Cluster, Headline, Report, Sentence
from .verifier import RepairMode, Verifier, repair, summary_text
from .verifier.support import ClusterIndex

__all__ = ["pick_headlines", "summarize"]

HeadlineCount = int | Literal["all"]


def pick_headlines(
    cluster: Cluster, sentences: Sequence[Sentence], count: HeadlineCount = 5
) -> list[Headline]:
    """Member headlines, most-cited first (ties in cluster order), ``count`` of them."""
    cited = Counter(c for s in sentences for c in s.citations)
    order = {a.id: i for i, a in enumerate(cluster.articles)}
    ranked = sorted(cluster.articles, key=lambda a: (-cited.get(a.id, 0), order[a.id]))
    limit = len(ranked) if count == "all" else max(0, count)
    return [Headline(id=a.id, title=a.title.strip()) for a in ranked[:limit]]


def summarize(
    cluster: Cluster,
    drafter: Drafter | None = None,
    *,
    verify: bool = True,
    repair_mode: RepairMode = "none",
    headlines: HeadlineCount = 5,
) -> Brief:
    """Make a verified, cited brief of one cluster.

    Args:
        cluster: the articles.
        drafter: what drafts the paragraph; the offline extractive drafter by default.
        verify: attach a verification report (FORMATS section 4).
        repair_mode: ``none``, ``drop``, ``retarget`` or ``regenerate`` (LLM drafters only).
        headlines: how many member headlines to list (``"all"`` for every one).

    Returns:
        The brief; content problems are in ``brief.verification``, never raised.
    """
    drafter = drafter or ExtractiveDrafter()
    regen = getattr(drafter, "regenerate", None)
    if repair_mode == "regenerate" and regen is None:
        raise ConfigError("--repair regenerate needs an LLM drafter (--model NAME)")
    index = ClusterIndex(cluster)
    draft = drafter.draft(cluster, index)
    verifier = Verifier(cluster, index)
    report: Report | None = None
    actions: list[str] = []
    sentences = draft.sentences
    if verify or repair_mode != "none":
        report = verifier.claims(claims_of(sentences))
        if repair_mode == "regenerate" and regen is not None and not report.ok:
            draft, report = regen(cluster, index, draft, report, verifier)
            sentences = draft.sentences
        elif repair_mode in ("drop", "retarget") and not report.ok:
            sentences, actions = repair(sentences, report, repair_mode)
            report = verifier.claims(claims_of(sentences))
    return Brief(
        cluster_id=cluster.cluster_id,
        title=draft.title,
        summary=summary_text(sentences),
        sentences=sentences,
        headlines=pick_headlines(cluster, sentences, headlines),
        article_count=len(cluster.articles),
        model=draft.model,
        prompt=draft.prompt,
        usage=draft.usage,
        verification=report if verify else None,
        repair=actions,
        rounds=draft.rounds,
        budget=draft.budget,
    )
