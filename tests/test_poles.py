"""Words of opposite poles said of the same thing: "admitted" where the evidence says
"denied", "disappointing" where it says "encouraging" (checks.polarity_clash)."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify
from llmbrief.verifier import checks
from llmbrief.verifier.lexicon import stem, words

MERRIN = Cluster(
    cluster_id="merrin",
    articles=[
        Article(
            id="m1",
            title="Merrin dairy",
            text=(
                "The Merrin dairy cooperative, which supplies most of the valley's schools, denied "
                "on Monday that its milk had been watered down. "
                "Harbour master Elin Strand said the first week of the new ferry timetable was "
                "encouraging, though delays remained on Sundays."
            ),
        )
    ],
)


def _verdict(claim: str) -> tuple[str, list[str]]:
    c = verify(MERRIN, claim).claims[0]
    return c.verdict, c.reasons


def _toks(text: str) -> list[str]:
    return [stem(w.lower()) for w in words(text)]


def test_admitted_where_the_evidence_says_denied() -> None:
    verdict, reasons = _verdict(
        "The Merrin dairy cooperative admitted that its milk had been watered down [m1]."
    )
    assert verdict == "unsupported"
    assert 'the claim says "admitted" where the evidence says "denied"' in reasons


def test_disappointing_where_the_evidence_says_encouraging() -> None:
    verdict, reasons = _verdict(
        "Strand said the first week of the ferry timetable was disappointing [m1]."
    )
    assert verdict == "unsupported"
    assert 'the claim says "disappointing" where the evidence says "encouraging"' in reasons


def test_the_same_pole_agrees() -> None:
    claim = "Strand said the first week of the ferry timetable was encouraging [m1]."
    assert _verdict(claim)[0] == "supported"


def test_a_pole_said_of_something_else_does_not_clash() -> None:
    claim = _toks("Hotel owners welcomed the new parking rules")
    evidence = [_toks("Fishermen criticised the harbour fees")]
    assert checks.polarity_clash(claim, evidence) is None


def test_evidence_that_writes_both_poles_does_not_clash() -> None:
    claim = _toks("Hotel owners welcomed the parking rules")
    evidence = [_toks("Hotel owners welcomed the parking rules but warned about costs")]
    assert checks.polarity_clash(claim, evidence) is None


def test_a_claim_that_writes_both_poles_does_not_clash() -> None:
    claim = _toks("Hotel owners welcomed the parking rules but criticised the fees")
    evidence = [_toks("Hotel owners criticised the parking rules")]
    assert checks.polarity_clash(claim, evidence) is None


def test_a_negated_pole_does_not_clash() -> None:
    claim = _toks("The cooperative did not deny that its milk was watered down")
    evidence = [_toks("The cooperative confirmed that its milk was watered down")]
    assert checks.polarity_clash(claim, evidence) is None
    claim = _toks("The cooperative confirmed that its milk was watered down")
    evidence = [_toks("The cooperative did not deny that its milk was watered down")]
    assert checks.polarity_clash(claim, evidence) is None
