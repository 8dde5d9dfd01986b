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


def _cites(ids: Sequence[str]) -> str:
    return "".join(f"[{i}]" for i in ids) or "no citation"


def _repair(
    sentences: Sequence[Sentence], report: Report, mode: RepairMode
) -> tuple[list[Sentence], list[str]]:
    """Repair sentence by sentence and say what happened to each failing one.

    Each failing sentence goes through :func:`~llmbrief.verifier.repair` on its own, so every
    action names the draft's sentence (1-based). ``retarget`` re-cites; it never deletes: a
    sentence it cannot re-cite stays as written and the action says so.
    """
    out: list[Sentence] = []
    actions: list[str] = []
    for i, s in enumerate(sentences):
        c = report.claims[i] if i < len(report.claims) else None
        if c is None or c.verdict == "supported":
            out.append(s)
            continue
        where = f"sentence {i + 1} of the draft ({c.verdict})"
        one = Report.from_claims([c.model_copy(update={"index": 0})])
        fixed, _ = repair([s], one, mode)
        if fixed:
            new = fixed[0]
            out.append(new)
            if new.citations != s.citations:
                actions.append(f"{where}: cited {_cites(new.citations)} for {_cites(s.citations)}")
            else:
                actions.append(f"{where}: kept as written")
        elif mode == "retarget":
            out.append(s)
            why = "no article of the cluster supports it" if not c.suggested_ids else "no fix"
            actions.append(f"{where}: kept as written, nothing to re-cite it to ({why})")
        else:
            actions.append(f"{where}: dropped")
    return out, actions


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _regenerated(before: Report, after: Report, rounds: int) -> str:
    failed = len(before.claims) - before.counts.get("supported", 0)
    tried = f"regenerate: {_plural(rounds, 'round')}"
    if after.ok:
        return f"{tried} fixed the brief ({_plural(failed, 'failing claim')} before)"
    still = len(after.claims) - after.counts.get("supported", 0)
    return (
        f"{tried} did not fix the brief: {still} of {_plural(len(after.claims), 'claim')} "
        f"still fail ({failed} before)"
    )


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
            before = report
            draft, report = regen(cluster, index, draft, report, verifier)
            sentences = draft.sentences
            actions.append(_regenerated(before, report, draft.rounds))
        elif repair_mode in ("drop", "retarget") and not report.ok:
            sentences, actions = _repair(sentences, report, repair_mode)
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
