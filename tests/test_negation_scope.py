"""Negations that state something other than a denial, and denials said in other words."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify

FERRY = Cluster(
    cluster_id="ferry",
    articles=[
        Article(
            id="f1",
            title="Ferry service",
            text=(
                "The Marlow ferry service stopped at dawn on Tuesday after a power fault and "
                "sailings resumed shortly after lunch, the operator said. The harbour master "
                "said the ferries were not safe to sail until the fault was repaired."
            ),
        )
    ],
)


def _verdict(claim: str) -> tuple[str, list[str]]:
    c = verify(FERRY, claim).claims[0]
    return c.verdict, [x.name for x in c.checks if x.fired]


def test_not_until_says_when_it_happened() -> None:
    claim = "The Marlow ferry service did not resume until shortly after lunch [f1]."
    assert _verdict(claim)[0] == "supported"


def test_a_plain_denial_still_fires() -> None:
    verdict, fired = _verdict("The Marlow ferry service did not resume on Tuesday [f1].")
    assert verdict == "unsupported"
    assert "negation" in fired


def test_until_in_the_claim_reads_the_reverse_of_not_until() -> None:
    # "not safe until repaired" is no "safe until repaired"
    verdict, fired = _verdict(
        "The harbour master said the ferries were safe to sail until the fault was repaired [f1]."
    )
    assert verdict == "unsupported"
    assert "negation" in fired


def test_evidence_not_until_is_no_denial_of_the_later_state() -> None:
    claim = (
        "The harbour master said the ferries were safe to sail once the fault was repaired [f1]."
    )
    assert _verdict(claim)[0] == "supported"
