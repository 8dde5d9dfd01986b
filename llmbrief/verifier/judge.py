"""Optional LLM judge: a second opinion on the claims the lexical pass cannot decide.

Which claims go to the judge (:func:`undecided`):

* a claim that failed on word coverage alone (no wrong figure, name, date, negation or quote:
  those are decided without a model), or only on the ``--min-support`` strictness;
* a claim that passed with a middling support, below :data:`JUDGE_BAND` (0.7);
* a claim that passed while carrying content words its evidence sentences lack (a detail added
  to a sentence that still clears the coverage bar).

The support of a claim is its ``score`` once the lexical checks have filled it in (a claim with
checks, or a non-zero score); before that, the share of the claim its evidence windows in the
cited articles cover. :func:`select_undecided` orders them most doubtful first (failed claims
by falling support, then passing claims by rising support, then by position) and caps them at a
budget (``--judge-budget``).

Two styles of judge, one :class:`LLMJudge`:

* ``chat``: a general chat model with our instruction prompt (``verify_judge``), claims batched
  per cited article set, JSON verdicts with a one-sentence explanation;
* ``minicheck``: a fact-checking model of the MiniCheck family (Ollama ``bespoke-minicheck``,
  vLLM), prompt ``verify_judge_minicheck``: no system prompt (the model's template carries its
  instruction), the user turn ``Document: <text>\\nClaim: <one sentence>``, temperature 0, answer
  ``Yes`` or ``No``; one sentence per request, the document first so prefix caching helps.

Either way the judge sees only the cited article(s) and the claim. Its answer is recorded in the
claim's ``checks`` as ``llm_judge`` (``fired`` when it says unsupported). A judge error (a failed
call, an unreadable reply, a refusal) is its own status: an ``llm_judge`` check whose detail
starts ``error:`` and a note; the verdict stays as the lexical pass left it.

:func:`calibrate` measures a judge against labelled claims (true-positive and true-negative
rates, Cohen's kappa); below :data:`MIN_KAPPA` a judge cannot gate.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ValidationError

from ..citations import ParsedSentence, parse_sentence, split_sentences
from ..errors import ModelCallError, ModelOutputError, RetriesExhaustedError
from ..model import ChatModel, Completion
from ..prompts import Prompt
from ..types import Check, ClaimReport, Cluster, Report
from .lexicon import content_stems

__all__ = [
    "JUDGE_BAND",
    "JUDGE_CHECK",
    "MAX_ERROR_SHARE",
    "MIN_KAPPA",
    "Answer",
    "Calibration",
    "JudgeRun",
    "JudgeStyle",
    "LLMJudge",
    "LabelledCase",
    "Question",
    "calibrate",
    "claim_support",
    "default_style",
    "kappa",
    "missing_words",
    "select_undecided",
    "undecided",
]

JudgeStyle = Literal["chat", "minicheck"]

#: Name of the check that records the judge's answer.
JUDGE_CHECK = "llm_judge"
#: A supported claim whose support is below this goes to the judge.
JUDGE_BAND = 0.7
#: Cohen's kappa with the human labels below which a judge may not gate (0.6 is "substantial"
#: agreement on the Landis-Koch scale; below it, one in several verdicts is no better than chance).
MIN_KAPPA = 0.6
#: A judge that errs on more than this share of the calibration cases may not gate either.
MAX_ERROR_SHARE = 0.1

# reasons about word overlap only, or about the --min-support strictness: a paraphrase, maybe
_SOFT_REASONS = ("only ", "words found in other articles", "score ")


def default_style(model: str) -> JudgeStyle:
    """``minicheck`` for a model of the MiniCheck family (by its name), else ``chat``."""
    return "minicheck" if "minicheck" in model.lower() else "chat"


def _scored(claim: ClaimReport) -> bool:
    """Whether the lexical checks filled in the claim's score (they record their checks too)."""
    return claim.score > 0 or any(c.name != JUDGE_CHECK for c in claim.checks)


def claim_support(claim: ClaimReport) -> float:
    """The claim's support, 0 to 1: its ``score`` when filled in, else the share of the claim
    its evidence from the cited articles covers.

    Each evidence window's score is the share of the claim it covers beyond the windows before
    it, so their sum is the coverage (capped at 1 for a claim of several sentences). Evidence
    from articles the claim does not cite (a misattributed claim's) does not count.
    """
    if _scored(claim):
        return claim.score
    covered = sum(sorted(e.score for e in claim.evidence if e.article_id in claim.citations))
    return round(min(1.0, covered), 3)


def missing_words(claim: ClaimReport) -> list[str]:
    """Content words (stems) of the claim that none of its evidence sentences holds, sorted."""
    if not claim.evidence:
        return []
    text = parse_sentence(claim.text, claim.citations).text
    have: set[str] = set()
    for e in claim.evidence:
        have.update(content_stems(e.sentence))
    return sorted(set(content_stems(text)) - have)


def _soft_failure(claim: ClaimReport) -> bool:
    return (
        claim.verdict in ("unsupported", "misattributed")
        and bool(claim.reasons)
        and all(r.startswith(_SOFT_REASONS) for r in claim.reasons)
    )


def undecided(claim: ClaimReport) -> bool:
    """Whether the lexical verdict is in doubt and the judge should look at the claim.

    A failed claim whose only reasons are about word coverage (or the strictness), or a
    supported claim with support below :data:`JUDGE_BAND` or with content words its evidence
    lacks.
    """
    if _soft_failure(claim):
        return True
    if claim.verdict != "supported" or not claim.evidence:
        return False
    return claim_support(claim) < JUDGE_BAND or bool(missing_words(claim))


def select_undecided(
    report: Report, budget: int | None = None
) -> tuple[list[ClaimReport], list[ClaimReport]]:
    """The undecided claims, most doubtful first: (those within ``budget``, those over it).

    Nearest the line first: failed claims by falling support (the judge may rescue a
    paraphrase), then supported claims by rising support; ties go by position, so the order is
    the same in any process.
    """

    def doubt(c: ClaimReport) -> tuple[bool, float, int]:
        support = claim_support(c)
        return (
            c.verdict == "supported",
            support if c.verdict == "supported" else -support,
            c.index,
        )

    doubtful = sorted((c for c in report.claims if undecided(c)), key=doubt)
    if budget is None:
        return doubtful, []
    return doubtful[:budget], doubtful[budget:]


@dataclass(frozen=True)
class Question:
    """One claim for the judge, with the articles it may read (ids and texts, cited order)."""

    ids: tuple[str, ...]
    texts: tuple[str, ...]
    claim: str


@dataclass(frozen=True)
class Answer:
    """The judge's answer: ``supported`` True/False, or None for a judge error."""

    supported: bool | None
    detail: str

    @property
    def error(self) -> bool:
        """Whether the judge could not answer."""
        return self.supported is None


@dataclass
class JudgeRun:
    """A report after the judge, and what the judge did."""

    report: Report
    model: str
    sent: int = 0
    upheld: int = 0
    overturned: int = 0
    errors: int = 0
    over_budget: int = 0


class _Verdict(BaseModel):
    claim: int
    supported: bool
    explanation: str


class _Verdicts(BaseModel):
    verdicts: list[_Verdict]


class _Unavailable(Exception):
    """The judge's endpoint kept failing: ask it nothing more in this run."""


class LLMJudge:
    """Reviews undecided claims with a chat model or a MiniCheck-style fact checker.

    Args:
        model: the chat model the judge asks.
        prompt: ``verify_judge`` (chat style) or ``verify_judge_minicheck``.
        style: ``chat`` (batched JSON verdicts) or ``minicheck`` (``Yes``/``No``, one sentence
            per request).
        budget: at most this many claims per brief go to the judge (None: no cap).
    """

    def __init__(
        self,
        model: ChatModel,
        prompt: Prompt,
        *,
        style: JudgeStyle = "chat",
        budget: int | None = None,
    ) -> None:
        self.model = model
        self.prompt = prompt
        self.style = style
        self.budget = budget

    # -- asking ------------------------------------------------------------------------

    def ask(self, questions: Sequence[Question]) -> list[Answer]:
        """The judge's answer to each question, in order; a failure is an error answer.

        After a call whose transient failures outlast the client's retries (the endpoint is
        down or overloaded) the remaining questions are not sent: each gets an error answer
        saying so, instead of waiting out the retries again for every claim.
        """
        if self.style == "minicheck":
            return self._ask_minicheck(questions)
        return self._ask_chat(questions)

    def _call(self, messages: list[dict[str, str]], schema: Mapping[str, Any] | None) -> Completion:
        try:
            return self.model.complete(
                messages, params=dict(self.prompt.defaults), schema=schema or None
            )
        except RetriesExhaustedError as err:
            raise _Unavailable(str(err)) from err

    def _ask_minicheck(self, questions: Sequence[Question]) -> list[Answer]:
        answers: list[Answer] = []
        down: str | None = None
        for q in questions:
            if down is not None:
                answers.append(Answer(None, f"error: not asked after an earlier failure: {down}"))
                continue
            document = "\n\n".join(q.texts)
            replies: list[str] = []
            answer: Answer | None = None
            # the model scores one sentence at a time: a claim of several is supported when each is
            for sentence in split_sentences(q.claim) or [q.claim]:
                messages = [
                    m
                    for m in self.prompt.messages(document=document, claim=sentence)
                    if m["role"] != "system" or m["content"]
                ]
                try:
                    completion = self._call(messages, None)
                except _Unavailable as err:
                    down = str(err)
                    answer = Answer(None, f"error: {down}")
                    break
                except ModelCallError as err:  # this request refused (a 4xx), or its reply unusable
                    answer = Answer(None, f"error: {err}")
                    break
                word = _yes_no(completion)
                if word is None:
                    answer = Answer(None, f"error: {_unreadable(completion)}")
                    break
                replies.append(word)
                if word == "No":
                    break
            if answer is None:
                said = "No" if "No" in replies else "Yes"
                answer = Answer(said == "Yes", f"{self.model.model}: {said}")
            answers.append(answer)
        return answers

    def _ask_chat(self, questions: Sequence[Question]) -> list[Answer]:
        groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[int]] = {}
        for n, q in enumerate(questions):
            groups.setdefault((q.ids, q.texts), []).append(n)
        answers: dict[int, Answer] = {}
        down: str | None = None
        for (ids, texts), members in groups.items():
            if down is not None:
                for n in members:
                    answers[n] = Answer(None, f"error: not asked after an earlier failure: {down}")
                continue
            article = "\n\n".join(
                f'<article id="{html.escape(i)}">\n{html.escape(t, quote=False)}\n</article>'
                for i, t in zip(ids, texts, strict=True)
            )
            listing = "\n".join(f"{k}. {questions[n].claim}" for k, n in enumerate(members, 1))
            messages = self.prompt.messages(article=article, claims=listing)
            try:
                completion = self._call(messages, self.prompt.response_schema)
                verdicts = _read_verdicts(completion)
            except _Unavailable as err:
                down = str(err)
                for n in members:
                    answers[n] = Answer(None, f"error: {down}")
                continue
            except ModelCallError as err:  # this request refused (a 4xx), or its reply unusable
                for n in members:
                    answers[n] = Answer(None, f"error: {err}")
                continue
            for k, n in enumerate(members, 1):
                v = verdicts.get(k)
                if v is None:
                    answers[n] = Answer(None, "error: the reply has no verdict for this claim")
                else:
                    said = "supported" if v.supported else "unsupported"
                    answers[n] = Answer(v.supported, f"{self.model.model}: {said}: {v.explanation}")
        return [answers[n] for n in range(len(questions))]

    # -- reviewing a report -------------------------------------------------------------

    def run(self, cluster: Cluster, claims: Sequence[ParsedSentence], report: Report) -> JudgeRun:
        """Send the undecided claims of ``report`` (within the budget) to the judge.

        Args:
            cluster: the articles; the judge reads only those each claim cites.
            claims: the brief's claims, without markers (``report.claims[i].index`` indexes it).
            report: the lexical report.

        Returns:
            The new report (the judge's answers in each judged claim's ``checks``; a claim it
            overturns gets the judge's verdict) and the counts of what it did.
        """
        chosen, over = select_undecided(report, self.budget)
        asked: list[ClaimReport] = []
        questions: list[Question] = []
        for c in chosen:
            arts = [a for a in (cluster.article(i) for i in c.citations) if a is not None]
            if arts:
                asked.append(c)
                questions.append(
                    Question(
                        ids=tuple(a.id for a in arts),
                        texts=tuple(a.text for a in arts),
                        claim=claims[c.index].text,
                    )
                )
        answers = self.ask(questions)
        updated = {c.index: c.model_copy(deep=True) for c in report.claims}
        run = JudgeRun(report, self.model.model, sent=len(asked), over_budget=len(over))
        for c, a in zip(asked, answers, strict=True):
            target = updated[c.index]
            if a.supported is None:
                run.errors += 1
                target.checks.append(Check(name=JUDGE_CHECK, fired=False, detail=a.detail))
                target.notes.append(f"llm judge {a.detail}")
                continue
            target.checks.append(Check(name=JUDGE_CHECK, fired=not a.supported, detail=a.detail))
            if a.supported and target.verdict != "supported":
                run.overturned += 1
                target.notes.append(
                    f"llm judge overturned {target.verdict} ({'; '.join(target.reasons)}): "
                    + a.detail
                )
                target.verdict = "supported"
                target.reasons = []
                target.suggested_ids = []
            elif not a.supported and target.verdict == "supported":
                run.overturned += 1
                target.verdict = "unsupported"
                target.reasons.append(f"llm judge {a.detail}")
            else:
                run.upheld += 1
                if not a.supported:
                    target.reasons.append(f"llm judge {a.detail}")
        run.report = Report.from_claims([updated[i] for i in sorted(updated)])
        return run

    def review(self, cluster: Cluster, claims: Sequence[ParsedSentence], report: Report) -> Report:
        """A new report in which the judge has looked at the undecided claims (see :meth:`run`)."""
        return self.run(cluster, claims, report).report


def _yes_no(completion: Completion) -> str | None:
    if completion.refusal:
        return None
    first = completion.text.strip().split(maxsplit=1)[:1]
    word = first[0].strip(".,!:;\"'*").lower() if first else ""
    return {"yes": "Yes", "no": "No"}.get(word)


def _unreadable(completion: Completion) -> str:
    if completion.refusal:
        return f"the judge refused: {completion.refusal[:80]}"
    return f"unreadable reply {completion.text[:40]!r} (expected Yes or No)"


def _read_verdicts(completion: Completion) -> dict[int, _Verdict]:
    """Verdicts by claim number; a refusal or unreadable JSON is a :class:`ModelOutputError`."""
    if completion.refusal:
        raise ModelOutputError(f"the judge refused: {completion.refusal[:80]}")
    try:
        verdicts = _Verdicts.model_validate(json.loads(completion.text)).verdicts
    except (json.JSONDecodeError, ValidationError) as err:
        first = str(err).splitlines()[0]
        raise ModelOutputError(f"unreadable reply: {first[:80]}") from None
    out: dict[int, _Verdict] = {}
    for v in verdicts:
        out.setdefault(v.claim, v)  # the first verdict for a number counts
    return out


# -- calibration ---------------------------------------------------------------------------


class _Source(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...


class LabelledCase(Protocol):
    """A labelled claim (FORMATS section 5), as :func:`llmbrief.evals.load_cases` reads it."""

    @property
    def claim(self) -> str: ...

    @property
    def sources(self) -> Sequence[_Source]: ...

    @property
    def citations(self) -> list[str] | None: ...

    @property
    def label(self) -> str: ...


@dataclass(frozen=True)
class Calibration:
    """How far a judge agrees with human labels.

    ``unsupported`` is the positive class. Cases the judge could not answer are counted in
    ``errors`` and left out of every rate; a rate with nothing to count is 0.0, never NaN.
    """

    model: str
    style: str
    n: int
    judged: int
    errors: int
    true_positive_rate: float
    true_negative_rate: float
    agreement: float
    kappa: float
    #: rows: the human label; columns: the judge's answer
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    disagreements: list[str] = field(default_factory=list)

    @property
    def can_gate(self) -> bool:
        """Whether the judge may gate a metric: kappa at least :data:`MIN_KAPPA` and errors on
        at most :data:`MAX_ERROR_SHARE` of the cases."""
        return (
            self.judged > 0 and self.kappa >= MIN_KAPPA and self.errors <= MAX_ERROR_SHARE * self.n
        )

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict, ``can_gate`` and the threshold included."""
        out = dict(self.__dict__)
        out["can_gate"] = self.can_gate
        out["min_kappa"] = MIN_KAPPA
        return out


def kappa(confusion: Mapping[str, Mapping[str, int]]) -> float:
    """Cohen's kappa of a 2x2 table (rows one rater, columns the other), 0.0 when undefined.

    When both raters give one and the same label every time, chance agreement is 1 and kappa is
    undefined: it is reported as 0.0 (no agreement beyond chance has been shown).
    """
    labels = ("supported", "unsupported")
    total = sum(confusion[a][b] for a in labels for b in labels)
    if not total:
        return 0.0
    observed = sum(confusion[a][a] for a in labels) / total
    chance = sum(
        sum(confusion[a][b] for b in labels) * sum(confusion[b][a] for b in labels) for a in labels
    ) / (total * total)
    if chance >= 1.0:
        return 0.0
    return round((observed - chance) / (1.0 - chance), 4)


def calibrate(judge: LLMJudge, cases: Sequence[LabelledCase]) -> Calibration:
    """Ask the judge about every labelled case and measure its agreement with the labels.

    Each case is one question: the cited sources (``citations``, else every source) and the
    claim without its markers. No budget applies.

    Args:
        judge: the judge to measure.
        cases: labelled claims, e.g. ``load_cases("evals/verifier_dev.jsonl")``.

    Returns:
        Rates, kappa, the confusion table and the ids of the cases it got wrong (by position
        when a case has no ``id``).
    """
    questions: list[Question] = []
    asked: list[int] = []  # positions of the cases with a cited source to read
    for n, case in enumerate(cases):
        ids = [s.id for s in case.sources]
        parsed = parse_sentence(case.claim, ids)
        cited = case.citations if case.citations is not None else ids
        cited = list(dict.fromkeys([*parsed.citations, *cited]))
        by_id = {s.id: s.text for s in case.sources}
        known = [i for i in cited if i in by_id]
        if known:
            asked.append(n)
            questions.append(
                Question(ids=tuple(known), texts=tuple(by_id[i] for i in known), claim=parsed.text)
            )
    answers = [Answer(None, "error: the case cites none of its sources")] * len(cases)
    for n, a in zip(asked, judge.ask(questions), strict=True):
        answers[n] = a
    labels = ("supported", "unsupported")
    confusion = {t: {p: 0 for p in labels} for t in labels}
    errors = 0
    wrong: list[str] = []
    for n, (case, a) in enumerate(zip(cases, answers, strict=True)):
        if a.supported is None:
            errors += 1
            continue
        said = "supported" if a.supported else "unsupported"
        confusion[case.label][said] += 1
        if said != case.label:
            wrong.append(str(getattr(case, "id", n)))
    tp, fn = confusion["unsupported"]["unsupported"], confusion["unsupported"]["supported"]
    tn, fp = confusion["supported"]["supported"], confusion["supported"]["unsupported"]
    judged = tp + fn + tn + fp
    return Calibration(
        model=judge.model.model,
        style=judge.style,
        n=len(cases),
        judged=judged,
        errors=errors,
        true_positive_rate=round(tp / (tp + fn), 4) if tp + fn else 0.0,
        true_negative_rate=round(tn / (tn + fp), 4) if tn + fp else 0.0,
        agreement=round((tp + tn) / judged, 4) if judged else 0.0,
        kappa=kappa(confusion),
        confusion=confusion,
        disagreements=wrong,
    )
