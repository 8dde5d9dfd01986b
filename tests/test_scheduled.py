""" "Due to" before a verb of a scheduled event is a plan ("due to open next spring"); before
anything else a cause ("due to heavy rain"), which hedges nothing (data/scheduled.txt)."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify
from llmbrief.verifier import checks

WING = Cluster(
    cluster_id="wing",
    articles=[
        Article(
            id="w1",
            title="Museum wing",
            text=(
                "The Tarle museum is spending $4 million on a new wing, which it expects to "
                "open next autumn. The new wing will be three times the size of the old one, "
                "the museum said."
            ),
        )
    ],
)


def test_a_plan_in_the_claim_keeps_the_plan_of_the_evidence() -> None:
    claim = (
        "The Tarle museum is spending $4 million on a wing three times the size of the old "
        "one, due to open next autumn [w1]."
    )
    assert verify(WING, claim).claims[0].verdict == "supported"


def test_a_plan_stated_as_done_is_still_flagged() -> None:
    claim = "The Tarle museum has opened a wing three times the size of the old one [w1]."
    report = verify(WING, claim).claims[0]
    assert report.verdict == "unsupported"


def test_due_to_is_a_plan_only_before_a_verb_of_a_scheduled_event() -> None:
    assert checks.hedges("a wing due to open next autumn") == ["due to"]
    assert checks.hedges("He is due to be sentenced next week") == ["is due to"]
    assert checks.hedges("The match was cancelled due to heavy rain") == []
    assert checks.hedges("The delay is due to the strike") == []
