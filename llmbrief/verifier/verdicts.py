"""Verification: a verdict per claim, with evidence, reasons and suggested ids; and repair.

Verdicts (FORMATS section 4): ``supported``, ``unknown_id``, ``misattributed`` (other
articles support it: ``suggested_ids``), ``unsupported`` (nothing in the cluster does) and
``uncited``. Content failures are data in the report, never exceptions.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Literal

from ..citations import ParsedSentence, attach_citations, sentence_spans
from ..load import brief_claims, parse_brief_text
from ..types import Brief, Check, ClaimReport, Cluster, Report, Sentence, Span, new_claim_report
from . import checks
from .hard import claim_facts
from .lexicon import content_stems, data_json, stem, stem_words
from .normalise import normalise
from .support import DEFAULT_MIN_SUPPORT, ClusterIndex, SupportResult, collector_paused

__all__ = ["RepairMode", "Verifier", "repair", "verify"]

RepairMode = Literal["none", "drop", "retarget", "regenerate"]

#: "... in [a][b]" closing a reason: the articles it was read in
_CITED_TAIL = re.compile(r" in (?:\[[^\]]+\])+(?=;|$)")

#: The score of a claim that fails a check decided here (another article supports it better,
#: it has a hole): as for a hard check of the support.
_ELSEWHERE_SCORE = 0.25
#: How far above the strictness the cited articles' support must be for the claim to be
#: theirs whatever other articles say. Wire copies and rewrites tell one fact in several
#: wordings, so a paraphrase nearly always finds an article that words it more closely; only
#: a claim its citations barely carry (a fact of another article, with a few shared words)
#: is misattributed for words that other articles have.
_CLEAR_MARGIN = 0.15
#: Articles tried as the one a claim's citations left out (the best by the claim words the
#: cited ones lack): each try is a full check.
_COMPLETE_TRIES = 2
#: What the article that has a figure the citations lack may fail alone: carrying too few
#: of the claim's words (they are the cited text's) or a figure the cited text holds.
_ALONE_MAY_FAIL = frozenset({"coverage", "figures"})
#: Approximators ("about 1,100", "more than 900") before a figure, in lower-cased text.
_ROUNDING = ("about", "around", "roughly", "approximately", "some", "nearly", "almost", "over")
_ROUNDED_FIGURE = re.compile(
    rf"\b(?:{'|'.join(_ROUNDING)}|under|(?:more|less|fewer)\s+than|up\s+to|at\s+least)\s+"
    r"(?=[$€£]?\d)"
)
#: A word every approximator has (of two words, the rarer): a claim without any rounds none.
_ROUNDING_WORDS = frozenset({*_ROUNDING, "under", "than", "up", "least"})


#: Claim words in more articles than this do not rank where a figure the citations lack
#: comes from (they are everywhere; reading them would cost as much as the cluster).
_VOTING_HOLDERS = 16
#: Stems of the ordinals ("second", "third"), facts that the figure check leaves alone when
#: written as words; not "last" ("last week" is a time, not a rank).
_ORDINALS = sorted(w for w in data_json("quantities.json")["ordinals"] if w != "last")
_ORDINAL_STEMS = frozenset(stem(w) for w in _ORDINALS)
# whether a text holds one of _ORDINALS anywhere (as ``any(w in text ...)``), in one scan
_ORDINAL_ANYWHERE = re.compile("|".join(map(re.escape, _ORDINALS)))
#: The checks that find a claim's figure or date absent from the cited text. Not names:
#: a name the cited text lacks may be a speaker put to its words (a blend).
_ABSENT_FACTS = frozenset({"figures", "dates"})
#: A source named at a claim's end ("..., the club's filing showed") or anywhere after
#: "according to".
_SOURCE_AFTER = re.compile(
    r",\s+((?:[\w'’-]+\s+){0,5}?[\w'’-]+)\s+(?:said|says|told|stated|announced|reported|"
    r"reports|showed|shows|found|finds|revealed|reveals|confirmed|confirms|estimated|"
    r"estimates)\s*[.!?\"”']*\s*$"
)
#: A speaker at a claim's start who found, ruled or argued what its "that" says ("The
#: court found that ...").
_SPEAKER_BEFORE = re.compile(
    r"\s*((?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+(?:has\s+|had\s+)?(?:found|ruled|argued|"
    r"said|says|concluded|claimed|decided|estimated|insisted|warned|told\s+\w+)\s+that\b"
)
_PRONOUN = re.compile(r"\b(?:he|she|it|they|we)\b", re.IGNORECASE)
_ACCORDING_TO = re.compile(r"\baccording to\s+([^,.;:]+)", re.IGNORECASE)
#: Where a sentence joins two statements (", and", ", while", ", where", "; "): the seams at
#: which two articles' facts meet in one sentence.
_CLAUSE_SEAM = re.compile(r",\s+(?:and|while|whereas|where)\s+|;\s+")
#: The surname after a first name: one capitalised word ("Hanne Lauk").
_SURNAME_AFTER = re.compile(r"\s+([A-Z][\w'’-]+)\b")


class Verifier:
    """Checks claims against one cluster; build once, verify many briefs."""

    def __init__(
        self,
        cluster: Cluster,
        index: ClusterIndex | None = None,
        min_support: float = DEFAULT_MIN_SUPPORT,
    ) -> None:
        """Index the cluster (or take a prebuilt ``index``).

        Args:
            cluster: the articles.
            index: a :class:`ClusterIndex` of the same cluster, to share one.
            min_support: the strictness, 0 to 1: the score a claim needs to be supported
                (hard checks sink a claim whatever it is). Higher flags more.
        """
        if not 0.0 <= min_support <= 1.0:
            raise ValueError(f"min_support must be between 0 and 1, not {min_support}")
        self.cluster = cluster
        self.index = index or ClusterIndex(cluster)
        self.min_support = min_support
        self._known = set(cluster.ids)

    def _names_articles(self, marker: str) -> bool:
        """Whether a bracketed marker (``[1, 2]``) names articles of the cluster only."""
        parts = [p for p in re.split(r"[\[\],;\s]+", marker) if p]
        return bool(parts) and all(p in self._known for p in parts)

    def claim(self, index: int, claim: ParsedSentence) -> ClaimReport:
        """The verdict on one claim."""
        cited = claim.citations
        unknown = [c for c in cited if c not in self._known]
        known = [c for c in cited if c in self._known]
        report = new_claim_report(
            {"index": index, "text": claim.raw, "citations": list(cited), "verdict": "supported"}
        )
        norm = normalise(claim.text, keep=self._names_articles)
        text = norm.text
        if norm.footnotes:
            report.notes.append("footnote markers removed: " + " ".join(norm.footnotes))
        if norm.unknown_words:
            report.notes.append(f"unknown-word markers removed: {norm.unknown_words}")
        for c in known:
            removed = self.index.articles[self.index.position[c]].norm.footnotes
            if removed:
                report.notes.append(f"footnote markers removed from [{c}]: {len(removed)}")
        if not cited:
            report.verdict = "uncited"
            found = self.index.search(text, min_support=self.min_support)
            report.suggested_ids = _ids_of(found)
            report.reasons.append("no citation" + ("; the cluster supports it" if found else ""))
            if found:
                report.evidence = found[0].evidence
            return report
        if unknown:
            report.verdict = "unknown_id"
            report.unknown_ids = unknown
            report.reasons.append(
                "not an article of this cluster: " + ", ".join(f"[{u}]" for u in unknown)
            )
            partial = self.index.check(text, known, min_support=self.min_support) if known else None
            if partial is not None:
                report.evidence = partial.evidence
                report.checks = _in_raw(partial.checks, text, report.text)
                if not partial.supported:
                    report.reasons.extend(partial.reasons)
            if partial is None or not partial.supported:
                report.suggested_ids = _ids_of(
                    self.index.search(text, exclude=known, min_support=self.min_support)
                )
            return report
        # every cited id is an article here
        result = self.index.check(text, known, min_support=self.min_support)
        if not result.supported:
            identified = self._first_names_elsewhere(text, known, result)
            if identified is not None:
                result, note = identified
                report.notes.append(note)
        report.evidence = result.evidence
        report.score = result.score
        report.checks = _in_raw(result.checks, text, report.text)
        if norm.unknown_words:
            # a word the writer could not produce is a hole in the claim: nothing can
            # support what it says there
            reason = f"the claim has {norm.unknown_words} unknown-word marker(s) (UNK)"
            report.checks.append(Check(name="unknown_words", fired=True, detail=reason))
            if result.supported:
                result.supported = False
                result.reasons.append(reason)
                report.score = min(report.score, _ELSEWHERE_SCORE)
            else:
                result.reasons.append(reason)
        if result.supported and result.elsewhere:
            # words of the claim that only other articles carry: a misattribution only when
            # the cited articles barely support it and another one supports it better
            clear = result.coverage >= self.min_support + _CLEAR_MARGIN
            better = []
            if not clear:
                others = self.index.search(text, exclude=known, min_support=self.min_support)
                better = [r for r in others if r.coverage > result.coverage]
            detail = (
                f"the cited text carries {result.coverage:.0%} of the claim: clearly enough, "
                "whatever other articles word more closely (" + ", ".join(result.elsewhere) + ")"
                if clear
                else ""
            )
            if better:
                detail = "words found in other articles but not in the cited ones: " + ", ".join(
                    result.elsewhere
                )
                report.verdict = "misattributed"
                report.reasons.append(detail)
                report.suggested_ids = _ids_of(better)
                report.evidence = better[0].evidence
                report.score = min(report.score, _ELSEWHERE_SCORE)
            # a statement of the sentence that its citations do not carry, joined to one
            # they do: it is another article's, however much of the whole they carry
            completed = None if better else self._completed(text, known, a_clause_unsupported=True)
            if completed is not None:
                detail = (
                    f"a statement of the claim is not in the cited text but in [{completed[0]}]"
                )
            report.checks.append(
                Check(name="elsewhere", fired=bool(better) or completed is not None, detail=detail)
            )
            if completed is not None:
                self._complete(report, known, completed)
                report.score = min(report.score, _ELSEWHERE_SCORE)
            if better or completed is not None:
                return report
        if result.supported:
            exact = self._figure_approximated(text, known)
            if exact is not None:
                source, stated = exact
                detail = (
                    f"the cited text has the claim's rounded figure only approximately; "
                    f"[{source}] states it"
                )
                report.checks.append(Check(name="elsewhere", fired=True, detail=detail))
                report.verdict = "misattributed"
                report.reasons.append(detail)
                report.suggested_ids = _ids_of([stated])
                report.evidence = stated.evidence
                report.score = min(report.score, _ELSEWHERE_SCORE)
                return report
        if result.supported:
            moved = self._ordinal_elsewhere(text, known)
            if moved is not None:
                lacks, found = moved
                source = found[0].evidence[0].article_id
                detail = (
                    f"the cited text lacks {', '.join(lacks)}, which [{source}] has "
                    "with the rest of the claim"
                )
                fired = [c for c in report.checks if c.name == "elsewhere"]
                if fired:
                    fired[0].fired, fired[0].detail = True, detail
                else:
                    report.checks.append(Check(name="elsewhere", fired=True, detail=detail))
                report.verdict = "misattributed"
                report.reasons.append(detail)
                report.suggested_ids = _ids_of(found)
                report.evidence = found[0].evidence
                report.score = min(report.score, _ELSEWHERE_SCORE)
                return report
        if result.supported:
            if result.idle_ids:
                report.notes.append(
                    "cited but adds nothing to the support: "
                    + ", ".join(f"[{i}]" for i in result.idle_ids)
                )
            return report
        report.reasons.extend(result.reasons)
        others = []
        candidates = self.index.search(text, exclude=known, min_support=self.min_support)
        # what the claim names as its source and speaker, read only when another article
        # is there to compare them with (most failed claims have none)
        named = _source_stems(text) if candidates else {}
        speaker = _speaker_stems(text) if candidates else ("", frozenset())
        for r in candidates:
            blend = self._blend_fails(text, known, r, result)
            why = (
                blend
                or self._unsourced(named, r)
                or _unspoken(text, speaker, r)
                or self._gap_unfilled(text, known, r, result)
            )
            if why is None:
                others.append(r)
            else:
                report.reasons.append(why)
        if others:
            report.verdict = "misattributed"
            report.suggested_ids = _ids_of(others)
            report.evidence = others[0].evidence
            return report
        completed = self._completed(text, known) or self._figure_elsewhere(text, known, result)
        if completed is None:
            report.verdict = "unsupported"
            return report
        self._complete(report, known, completed)
        return report

    def _figure_elsewhere(
        self, text: str, known: list[str], cited: SupportResult
    ) -> tuple[str, SupportResult] | None:
        """The article that carries the figures or dates the cited ones lack, when they lack
        nothing else: with it cited too, the claim is supported ("data of about 15,000
        patients were stolen" citing an article that says 12,000, where another article
        gives 15,000). The figure is that article's; the cited one's words are wording.

        The candidates are the uncited articles that hold every figure of the claim the
        cited ones lack, best first by the claim words they share (words of more than
        :data:`_VOTING_HOLDERS` articles tell nothing of where a figure is from, and are
        not read: the cost stays with the claim, not the cluster); the best
        :data:`_COMPLETE_TRIES` are checked with the cited ones. A candidate must name the
        claim's source and speaker, as any other article that supports a claim.
        """
        fired = [c for c in cited.checks if c.fired]
        if not fired or any(c.name != "figures" for c in fired):
            return None
        facts = claim_facts(text)
        index = self.index
        votes = self._votes(facts.stems, known)
        if not votes:
            return None  # no uncited article shares a telling word: most claims, at once
        # the figures the check found absent, as the claim writes them
        said = {text[sp.start : sp.end] for c in fired for sp in c.spans if sp.where == "claim"}
        absent = [q for q in facts.quantities if q.text in said]
        if not absent or any(q.unit == "magnitude" for q in absent):
            return None  # "thousands" is any figure in the thousands: no article's own
        ranked = sorted(votes, key=lambda ai: (-votes[ai], ai))
        holding = itertools.islice(
            (ai for ai in ranked if all(index.articles[ai].holds(q) for q in absent)),
            _COMPLETE_TRIES,
        )
        named, speaker = _source_stems(text), _speaker_stems(text)
        for ai in holding:
            extra = index.articles[ai].id
            alone = index.check(text, [extra], min_support=self.min_support)
            if any(c.fired and c.name not in _ALONE_MAY_FAIL for c in alone.checks):
                continue  # a name, a date, a denial of the claim there: another story
            if not all(index.articles[ai].holds(q) for q in facts.quantities):
                continue  # a figure of each: two articles' facts merged, not one's misplaced
            if self._unsourced(named, alone) or _unspoken(text, speaker, alone):
                continue  # the figure of another source than the claim's ("the filing showed")
            joint = index.check(text, [*known, extra], min_support=self.min_support)
            if not joint.supported:
                continue
            return extra, joint
        return None

    def _votes(self, stems: Sequence[str], known: list[str]) -> dict[int, int]:
        """The uncited articles that share the claim's telling words (of at most
        :data:`_VOTING_HOLDERS` articles each), with those words' summed rarity."""
        index = self.index
        skip = {index.position[k] for k in known}
        votes: dict[int, int] = {}
        for s in stems:
            holders = index.article_postings.get(s, ())
            if len(holders) > _VOTING_HOLDERS:
                continue
            w = round(index.idf(s) * 1_000_000)  # integers: the same sum in any order
            for ai in holders:
                if ai not in skip:
                    votes[ai] = votes.get(ai, 0) + w
        return votes

    def _figure_approximated(self, text: str, known: list[str]) -> tuple[str, SupportResult] | None:
        """The article that states exactly a figure the claim gives after an approximator
        ("about 1,100 flights") and that its citations hold only by approximation ("more
        than 900"), when that article alone supports the claim: the figure is its own, and
        a rounded neighbour in the cited text is another count. None otherwise."""
        low = text.lower()
        if _ROUNDING_WORDS.isdisjoint(low.split()):
            return None  # no approximator anywhere: most claims, at once
        rounded = [
            found[0]
            for m in _ROUNDED_FIGURE.finditer(low)
            if (found := checks.quantities(text[m.end() : m.end() + 40]))
            and found[0].unit != "magnitude"
        ]
        if not rounded:
            return None
        facts = claim_facts(text)
        index = self.index
        cited = [index.articles[index.position[k]] for k in known]
        loose = [q for q in rounded if not any(a.holds(q) for a in cited)]
        if not loose:
            return None
        votes = self._votes(facts.stems, known)
        ranked = sorted(votes, key=lambda ai: (-votes[ai], ai))
        holding = itertools.islice(
            (ai for ai in ranked if all(index.articles[ai].holds(q) for q in loose)),
            _COMPLETE_TRIES,
        )
        for ai in holding:
            alone = index.check(text, [index.articles[ai].id], min_support=self.min_support)
            if alone.supported:
                return index.articles[ai].id, alone
        return None

    def _first_names_elsewhere(
        self, text: str, known: list[str], result: SupportResult
    ) -> tuple[SupportResult, str] | None:
        """The claim's support once the first names the cited text lacks are read as the
        cluster's, with a note saying so; None when that is not all it lacks.

        A claim that gives someone their full name ("Race director Hanne Lauk said ...")
        where the cited article names them by surname ("Lauk said ...") identifies them by
        what another article of the cluster writes ("Race director Hanne Lauk denied"): the
        first name is no fact of the statement. Only a claim whose one failing check is
        the name check, and each name it misses a first name written before a surname the
        cited text has and that another article writes with that surname.
        """
        fired = [c for c in result.checks if c.fired]
        if not fired or any(c.name != "names" for c in fired):
            return None
        index = self.index
        cited = [index.articles[index.position[k]] for k in known]
        others = [a for a in index.articles if a.id not in known]
        cut: list[tuple[int, int]] = []
        sources: list[str] = []
        for span in (sp for c in fired for sp in c.spans if sp.where == "claim"):
            first = text[span.start : span.end]
            after = _SURNAME_AFTER.match(text, span.end)
            if not first or after is None:
                return None
            surname = after.group(1)
            if not any(re.search(rf"\b{re.escape(surname)}\b", a.text) for a in cited):
                return None
            full = re.compile(rf"\b{re.escape(first)}\s+{re.escape(surname)}\b")
            source = next((a.id for a in others if full.search(a.text)), None)
            if source is None:
                return None
            cut.append((span.start, after.start(1)))
            sources.append(f'"{first}" ([{source}])')
        if not cut:
            return None
        stripped = text
        for a, b in sorted(cut, reverse=True):
            stripped = stripped[:a] + stripped[b:]
        again = index.check(stripped, known, min_support=self.min_support)
        if not again.supported:
            return None
        for c in result.checks:
            if c.name == "names":
                c.fired = False
                c.detail = "first names the cited text lacks, as other articles write them"
        again.checks = result.checks
        return again, "first name from another article of the cluster: " + ", ".join(sources)

    def _ordinal_elsewhere(
        self, text: str, known: list[str]
    ) -> tuple[list[str], list[SupportResult]] | None:
        """An ordinal of the claim its citations lack, with the other articles that support it.

        The fact is an ordinal ("a second year") that no cited article has anywhere (a
        figure, date or name they lack fails its own check); other articles that have it
        and support the whole claim are where it comes from. Other words the cited text
        lacks are paraphrase ("enrolled" where it says "recruited"), never a misattribution.
        """
        low = text.lower()
        if _ORDINAL_ANYWHERE.search(low) is None:
            return None  # most claims: no ordinal, and their facts need not be read
        facts = claim_facts(text)
        index = self.index
        have = [index.articles[index.position[k]].stems for k in known]
        lacking = [s for s in facts.stems if s in _ORDINAL_STEMS and not any(s in h for h in have)]
        if not lacking:
            return None
        found = [
            r
            for r in index.search(text, exclude=known, min_support=self.min_support)
            if all(
                any(s in index.articles[index.position[e.article_id]].stems for e in r.evidence)
                for s in lacking
            )
        ]
        if not found:
            return None
        shown = stem_words(facts.text)
        return [f'"{shown.get(s, s)}"' for s in lacking], found

    def _gap_unfilled(
        self, text: str, known: list[str], found: SupportResult, cited: SupportResult
    ) -> str | None:
        """Why other articles (``found``) do not fill what the cited ones lack, or None.

        They support a claim the cited articles fail only if they carry most (by rarity) of
        the claim words the cited ones lack: when they carry the claim's common words and
        the rest is in no article ("favourites to win the league"), the claim is invented.
        Each figure or date the cited articles (``cited``) lack is part of that gap, as
        much as its rarest word: ``found`` passed the checks, so it carries them.
        """
        index = self.index
        ids = list(dict.fromkeys(e.article_id for e in found.evidence))
        mine = [index.articles[index.position[k]].stems for k in known]
        theirs = [index.articles[index.position[i]].stems for i in ids]
        lacking = [s for s in claim_facts(text).stems if not any(s in h for h in mine)]
        # integer weights: the same sums in any order
        weight = {s: round(index.idf(s) * 1_000_000) for s in lacking}
        unfilled = [s for s in lacking if not any(s in h for h in theirs)]
        absent = sum(
            1
            for c in cited.checks
            if c.fired and c.name in _ABSENT_FACTS
            for span in c.spans
            if span.where == "claim"
        )
        total = sum(weight.values()) + absent * max(weight.values(), default=0)
        if not unfilled or 2 * (total - sum(weight[s] for s in unfilled)) > total:
            return None  # what they lack, if any, is a figure or date: found, it fills it
        shown = stem_words(text)
        named = ", ".join(f"[{i}]" for i in ids)
        missing = ", ".join(shown.get(s, s) for s in unfilled)
        return f"{named} has at most half of what the cited text lacks (not: {missing})"

    def _unsourced(self, source: dict[str, str], found: SupportResult) -> str | None:
        """Why other articles (``found``) do not support the claim's source, or None.

        A claim that names its source ("..., the club's filing showed") is supported only by
        an article that has the source too: a figure a newspaper reported is not what a
        filing showed.
        """
        if not source:
            return None
        index = self.index
        ids = list(dict.fromkeys(e.article_id for e in found.evidence))
        have = [index.articles[index.position[i]].stems for i in ids]
        lacking = [w for s, w in source.items() if not any(s in h for h in have)]
        if not lacking:
            return None
        named = ", ".join(f"[{i}]" for i in ids)
        return f"{named} does not name the claim's source ({', '.join(lacking)})"

    def _blend_fails(
        self, text: str, known: list[str], found: SupportResult, cited: SupportResult
    ) -> str | None:
        """Why other articles' support (``found``) does not hold without the cited ones.

        Claim words those articles lack but the cited ones have make the claim a blend of
        the two: it is theirs only if, together with the cited ones, they pass every check
        (a speaker from one article put to the words of another does not). None when it holds.

        No blend when the cited articles (``cited``) fail only for lacking the claim's figures
        or dates, which the other articles carry: the facts are theirs, and the words the
        cited text shares are wording ("fighting the blaze").
        """
        fired = {c.name for c in cited.checks if c.fired}
        if fired and fired <= _ABSENT_FACTS:
            return None
        index = self.index
        ids = list(dict.fromkeys(e.article_id for e in found.evidence))
        theirs: set[str] = set()
        mine: set[str] = set()
        for i in ids:
            theirs |= index.articles[index.position[i]].stems
        for k in known:
            mine |= index.articles[index.position[k]].stems
        lacking = set(claim_facts(text).stems) - theirs
        if mine.isdisjoint(lacking):
            return None
        joint = index.check(text, [*known, *ids], True, self.min_support)
        if joint.supported:
            return None
        named = ", ".join(f"[{i}]" for i in ids)
        named += " carries" if len(ids) == 1 else " carry"
        if [_CITED_TAIL.sub("", r) for r in joint.reasons] == [
            _CITED_TAIL.sub("", r) for r in cited.reasons
        ]:  # the reasons above, said again of more articles
            return f"{named} it only with the cited text, and together they fail alike"
        return f"{named} it only with the cited text, and together they fail: " + (
            "; ".join(joint.reasons)
        )

    @staticmethod
    def _complete(
        report: ClaimReport, known: list[str], completed: tuple[str, SupportResult]
    ) -> None:
        """Two articles' facts in one sentence that cites one of them: the cluster supports
        it once the other is cited too."""
        extra, joint = completed
        report.verdict = "misattributed"
        report.suggested_ids = [extra, *(k for k in known if k not in joint.idle_ids)]
        report.evidence = joint.evidence
        report.reasons.append(f"supported once [{extra}] is cited too")

    def _completed(
        self, text: str, known: list[str], a_clause_unsupported: bool = False
    ) -> tuple[str, SupportResult] | None:
        """The article the claim's citations left out: with it, the cited ones support it.

        Only a sentence that joins statements (``..., and ...``) is completed, and only when
        each statement holds against the articles together: one statement whose speaker or
        doer is in one article and whose words are in another is a swap, not two facts. The
        candidates are the articles carrying the claim words the cited ones lack, best first
        by those words' rarity; none is tried when a figure the cited text lacks is in no
        article at all (a changed figure: nothing can complete it).

        ``a_clause_unsupported``: only when one of the statements, alone, is not supported
        by the cited articles (the whole claim may be: they carry most of its words).
        """
        clauses = [c for c in _CLAUSE_SEAM.split(text) if len(c.split()) >= 3]
        if len(clauses) < 2:
            return None
        if a_clause_unsupported and all(
            self.index.check(c, known, True, self.min_support).supported for c in clauses
        ):
            return None
        index = self.index
        cited = {index.position[c] for c in known}
        have: set[str] = set()
        for ai in cited:
            have |= index.articles[ai].stems
        lacking = sorted(set(claim_facts(text).stems) - have)
        weight: dict[int, int] = {}
        for s in lacking:
            holders = index.article_postings.get(s, ())
            if not holders and any(ch.isdigit() for ch in s):
                return None
            w = round(index.idf(s) * 1_000_000)  # integers: the same sum in any order
            for ai in holders:
                if ai not in cited:
                    weight[ai] = weight.get(ai, 0) + w
        ranked = sorted(weight, key=lambda ai: (-weight[ai], ai))[:_COMPLETE_TRIES]
        for ai in ranked:
            extra = index.articles[ai].id
            ids = [*known, extra]
            joint = index.check(text, ids, min_support=self.min_support)
            if not joint.supported or extra in joint.idle_ids:
                continue
            if all(index.check(c, ids, True, self.min_support).supported for c in clauses):
                return extra, joint
        return None

    def claims(self, claims: Sequence[ParsedSentence]) -> Report:
        """The report on a list of claims."""
        with collector_paused():
            return Report.from_claims([self.claim(i, c) for i, c in enumerate(claims)])

    def brief(self, brief: Brief | str) -> Report:
        """The report on a Brief, or on brief text (paragraph or the whole text form)."""
        with collector_paused():
            if isinstance(brief, Brief):
                return self.claims(brief_claims(brief))
            return self.claims(parse_brief_text(brief, self.cluster).claims)


def _source_stems(text: str) -> dict[str, str]:
    """The content words (stem -> word) of the source a claim names: "the club's filing" in
    "..., the club's filing showed" or "according to the club's filing"; empty if none."""
    m = _SOURCE_AFTER.search(text) or _ACCORDING_TO.search(text)
    if m is None:
        return {}
    shown = stem_words(m.group(1))
    return {s: shown.get(s, s) for s in content_stems(m.group(1))}


def _speaker_stems(text: str) -> tuple[str, frozenset[str]]:
    """(the words as written, the content stems of the speaker) of a claim that says who
    found, ruled or argued what follows ("The court found", {"court"}); empty if none."""
    m = _SPEAKER_BEFORE.match(text)
    if m is None:
        return "", frozenset()
    return m.group(0).removesuffix("that").strip(), frozenset(content_stems(m.group(1)))


def _unspoken(text: str, speaker: tuple[str, frozenset[str]], found: SupportResult) -> str | None:
    """Why another article's evidence (``found``) is not what the claim's speaker said: the
    sentence of it that says the most of the claim names none of the speaker's words ("the
    authority argued" for "the court found"), nor a pronoun that may stand for them."""
    said_by, stems = speaker
    if not stems:
        return None
    claim = set(content_stems(text)) - stems
    best: tuple[int, str] = (0, "")
    for e in found.evidence:
        for a, b in sentence_spans(e.sentence):
            shared = len(claim.intersection(content_stems(e.sentence[a:b])))
            if shared > best[0]:
                best = (shared, e.sentence[a:b])
    said = set(content_stems(best[1]))
    if not best[1] or not said.isdisjoint(stems) or _PRONOUN.search(best[1]):
        return None
    named = ", ".join(f"[{i}]" for i in _ids_of([found]))
    return f'{named} has it, but not as "{said_by}"'


def _ids_of(results: Sequence[object]) -> list[str]:
    ids: list[str] = []
    for r in results:
        for ev in getattr(r, "evidence", []):
            if ev.article_id not in ids:
                ids.append(ev.article_id)
    return ids[:3]


def verify(
    cluster: Cluster, brief: Brief | str, min_support: float = DEFAULT_MIN_SUPPORT
) -> Report:
    """Verify a brief (a Brief, or its text) against its cluster.

    Args:
        cluster: the articles the brief was made from.
        brief: a :class:`Brief`, the summary paragraph, or the whole text form.
        min_support: the strictness (see :class:`Verifier`).

    Returns:
        The report of FORMATS section 4.
    """
    return Verifier(cluster, min_support=min_support).brief(brief)


def _in_raw(checks: list[Check], checked: str, raw: str) -> list[Check]:
    """Claim spans moved from the text the checks read to the claim as written (``raw``).

    The two differ by citation markers and artefacts only; a piece is found again by its
    words, and a piece that cannot be found loses its span rather than point elsewhere.
    """
    for check in checks:
        if all(sp.where != "claim" for sp in check.spans):
            continue  # spans in articles only: nothing to move
        spans = []
        for sp in check.spans:
            if sp.where != "claim":
                spans.append(sp)
                continue
            piece = checked[sp.start : sp.end]
            i = raw.find(piece)
            if i >= 0:
                spans.append(Span(where="claim", start=i, end=i + len(piece)))
        check.spans = spans
    return checks


def repair(
    sentences: Sequence[Sentence], report: Report, mode: RepairMode
) -> tuple[list[Sentence], list[str]]:
    """Apply ``drop`` or ``retarget`` repairs; return the new sentences and what was done.

    ``drop`` removes unknown ids, and sentences that stay unsupported or uncited with nothing
    to suggest. ``retarget`` replaces misattributed ids (and cites uncited sentences) with the
    suggested ones, then drops what is still unsupported. ``regenerate`` is done by the drafter.
    """
    if mode in ("none", "regenerate"):
        return list(sentences), []
    out: list[Sentence] = []
    actions: list[str] = []
    by_index = {c.index: c for c in report.claims}
    for i, s in enumerate(sentences):
        c = by_index.get(i)
        if c is None or c.verdict == "supported":
            out.append(s)
            continue
        if c.verdict == "unknown_id":
            kept = [x for x in s.citations if x not in c.unknown_ids]
            actions.append(f"sentence {i}: dropped unknown ids {c.unknown_ids}")
            if not kept and mode == "retarget" and c.suggested_ids:
                kept = list(c.suggested_ids)
                actions.append(f"sentence {i}: cited {c.suggested_ids} instead")
            if kept:
                out.append(Sentence(text=s.text, citations=kept))
            else:
                actions.append(f"sentence {i}: dropped (no citation left)")
            continue
        if c.verdict in ("misattributed", "uncited") and mode == "retarget" and c.suggested_ids:
            out.append(Sentence(text=s.text, citations=list(c.suggested_ids)))
            actions.append(f"sentence {i}: retargeted {s.citations} -> {c.suggested_ids}")
            continue
        actions.append(f"sentence {i}: dropped ({c.verdict})")
    return out, actions


def summary_text(sentences: Sequence[Sentence]) -> str:
    """The cited paragraph for a list of sentences."""
    return " ".join(attach_citations(s.text, s.citations) for s in sentences)
