"""Denials and permissions a claim restates in other words than its evidence's cue."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify
from llmbrief.verifier import restated

KILN = Cluster(
    cluster_id="kiln",
    articles=[
        Article(
            id="k1",
            title="Kiln works",
            text=(
                "The new glaze did not noticeably lower firing losses: 6.1% of pots cracked "
                "with it, against 6.4% with the old glaze, a gap the potters said was normal "
                "variation. Marrow Ceramics did not say how much the glaze would cost. "
                "Officials said workers from the east wing could return on Monday, but "
                "warned that the kilns there were still cold."
            ),
        )
    ],
)


def _verdict(claim: str) -> tuple[str, list[str]]:
    c = verify(KILN, claim).claims[0]
    return c.verdict, [x.name for x in c.checks if x.fired]


def test_figures_of_a_negated_degree_claim_no_denial() -> None:
    # the claim never says "lower": the negation "not noticeably lower" denies nothing of it
    claim = "Firing losses were 6.1% with the new glaze and 6.4% with the old one [k1]."
    assert _verdict(claim)[0] == "supported"


def test_the_verb_a_degree_negation_governs_still_fires() -> None:
    claim = "The new glaze lowered firing losses [k1]."
    verdict, fired = _verdict(claim)
    assert verdict == "unsupported"
    assert "negation" in fired


def test_a_denial_restated_by_a_verb_of_not_doing_agrees() -> None:
    claim = "Marrow Ceramics declined to say how much the glaze would cost [k1]."
    assert _verdict(claim)[0] == "supported"


def test_permission_restates_could() -> None:
    claim = "Workers from the east wing were allowed to return on Monday [k1]."
    assert _verdict(claim)[0] == "supported"
    # a claim that states the return as done is surer than "could return"
    verdict, fired = _verdict("Workers from the east wing returned on Monday [k1].")
    assert verdict == "unsupported"
    assert "hedges" in fired


PELL = [
    "Doctors at Pell Clinic welcomed the new scanner. Marrowby Health declined to comment "
    "on the cost of the scanner. A spokesman said prices were not yet final."
]


def test_a_statement_from_someone_who_declined_to_comment_fires() -> None:
    cluster = Cluster(cluster_id="pell", articles=[Article(id="p1", title="Scanner", text=PELL[0])])
    c = verify(cluster, "Marrowby said the scanner would cost 2 million euros [p1].").claims[0]
    assert c.verdict == "unsupported"
    assert (
        'the claim says "Marrowby said" where the evidence says "Marrowby Health declined to '
        'comment"' in c.reasons
    )


def test_a_speaker_who_also_speaks_in_the_evidence_does_not_fire() -> None:
    spoke = PELL[0] + " Marrowby Health said the scanner would arrive in May."
    assert (
        restated.speaker_declined("Marrowby said the scanner would arrive in May.", [spoke]) is None
    )


def test_a_refusal_by_someone_else_does_not_fire() -> None:
    assert restated.speaker_declined("Pell said the scanner was welcome.", PELL) is None


TOLL = Cluster(
    cluster_id="toll",
    articles=[
        Article(
            id="t1",
            title="Toll bridge",
            text=(
                "The Ardley bridge operator said drivers would pay a new fee from May. "
                "Its chairman, Piet Moor, said he would not take his yearly salary rise."
            ),
        )
    ],
)


def _toll(claim: str) -> tuple[str, list[str]]:
    c = verify(TOLL, claim).claims[0]
    return c.verdict, [x.name for x in c.checks if x.fired]


def test_giving_up_restates_not_taking() -> None:
    assert _toll("Piet Moor said he would forgo his yearly salary rise [t1].")[0] == "supported"
    assert _toll("Piet Moor said he would give up his yearly salary rise [t1].")[0] == "supported"


def test_taking_or_giving_up_something_else_is_no_restatement() -> None:
    verdict, fired = _toll("Piet Moor said he would take his yearly salary rise [t1].")
    assert verdict == "unsupported"
    assert "negation" in fired
    # the verb must be one of giving up, the denied verb one of taking, and the thing the same
    assert restated.relinquished("He gave up his salary rise.", {"tak"}, {"salary", "ris"})
    assert not restated.relinquished("He gave up his salary rise.", {"say"}, {"salary", "ris"})
    assert not restated.relinquished("He gave up his new fee.", {"tak"}, {"salary", "ris"})
    assert not restated.relinquished("He wanted his salary rise.", {"tak"}, {"salary", "ris"})


LEVY = Cluster(
    cluster_id="levy",
    articles=[
        Article(
            id="l1",
            title="Levy",
            text=(
                "Bakers warned on Friday that the council's plan to cap the rents of 40 "
                "market stalls could drive them out of the square."
            ),
        )
    ],
)


def test_a_plan_named_as_a_noun_is_no_hedge_dropped() -> None:
    claim = (
        "Bakers warned on Friday that the council's cap on the rents of 40 market stalls "
        "could drive them out of the square [l1]."
    )
    assert verify(LEVY, claim).claims[0].verdict == "supported"


def test_a_plan_stated_as_done_is_still_a_hedge_dropped() -> None:
    claim = "The council has capped the rents of 40 market stalls [l1]."
    report = verify(LEVY, claim).claims[0]
    assert report.verdict == "unsupported"
    assert any("plan" in r for r in report.reasons)
    # the plan must be a noun in the evidence: "the council plans to cap" states a plan
    assert not restated.named_plan(
        "the council's cap", "The council plans to cap", 12, "plans to", {"cap"}, "cap"
    )


AUDIT = Cluster(
    cluster_id="toll",
    articles=[
        Article(
            id="t1",
            title="Toll",
            text=(
                "The new bridge toll will save the city about 12 million marks a year, the "
                "audit office said. The office said the city had assumed drivers would not "
                "switch to the old ferry."
            ),
        )
    ],
)


def test_a_future_named_as_a_noun_is_no_hedge_dropped() -> None:
    claim = (
        "The audit office said the city's savings forecast assumed drivers would not switch "
        "to the old ferry [t1]."
    )
    assert verify(AUDIT, claim).claims[0].verdict == "supported"
    done = verify(AUDIT, "The bridge toll saved the city about 12 million marks a year [t1].")
    assert done.claims[0].verdict == "unsupported"


def test_an_estimate_in_the_claim_says_no_more_than_could() -> None:
    from llmbrief import Article, Cluster, verify

    cluster = Cluster(
        cluster_id="pier",
        articles=[
            Article(
                id="pr-1",
                title="Pier repairs",
                text=(
                    "The council said insurance would cover the repairs to the Orrin pier, "
                    "which one surveyor estimated could cost between 2 million and 3 million euros."
                ),
            )
        ],
    )
    for claim, verdict in (
        (
            "One surveyor put the cost of the pier repairs at 2 million to 3 million euros [pr-1].",
            "supported",
        ),
        (
            "The pier repairs cost between 2 million and 3 million euros, a surveyor said [pr-1].",
            "unsupported",
        ),
    ):
        assert verify(cluster, claim).claims[0].verdict == verdict, claim
