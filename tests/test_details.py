"""The details check: a claim that follows its evidence sentence but changes a slot of it."""

from __future__ import annotations

import pytest

from llmbrief import Article, Cluster, verify

STATION = Cluster(
    cluster_id="station",
    articles=[
        Article(
            id="s1",
            title="Fire at the research station",
            text=(
                "A fire broke out in the generator hall of the Halden research station on "
                "Monday. Two engineers inspected the hall. One technician suffered minor burns "
                "and was treated by the station doctor. The main fuel tanks, which hold 400,000"
                " litres, were not damaged in the fire, forcing the crew to refill the "
                "generator by hand. A permanent replacement generator would be shipped to the "
                "station in the next summer season. The station's supply road will stay closed "
                "for at least three weeks. The bypass would be open to cars and emergency "
                "vehicles only. The operator said the fire was not a surprise to engineers. The"
                " crew was not allowed to return until the hall was declared safe. Two of the "
                "four huts were evacuated. The station, which is one of the largest research "
                "stations in the region, opened in 1990. The steelworks has halted one of its "
                "two furnaces. About a quarter of the station's budget comes from grants. The "
                "road reopened at 3 p.m., earlier than expected."
            ),
        )
    ],
)


def _verdict(claim: str) -> tuple[str, list[str]]:
    c = verify(STATION, claim).claims[0]
    return c.verdict, [x.name for x in c.checks if x.fired]


@pytest.mark.parametrize(
    "claim",
    [
        # a fraction for another
        "About a third of the station's budget comes from grants [s1].",
        # a contrast in the same slot: how the generator travels
        "A permanent replacement generator would be flown to the station in the next summer "
        "season [s1].",
        # a qualifier dropped
        "The station's supply road will stay closed for three weeks [s1].",
        "The station, the largest research station in the region, opened in 1990 [s1].",
    ],
)
def test_a_changed_detail_is_unsupported(claim: str) -> None:
    verdict, fired = _verdict(claim)
    assert verdict == "unsupported"
    assert "details" in fired


@pytest.mark.parametrize(
    "claim",
    [
        # copied word for word
        "One technician suffered minor burns and was treated by the station doctor [s1].",
        # a synonym in the slot
        "A permanent replacement generator would be sent to the station in the next summer "
        "season [s1].",
        # the negation said in the claim's own words
        "The main fuel tanks escaped damage in the fire [s1].",
        # "not ... until" tells when, not whether
        "The crew was allowed to return once the hall was declared safe [s1].",
        # a fraction is no count: "half of" is "two of the four"
        "Half of the huts were evacuated [s1].",
    ],
)
def test_paraphrase_keeps_its_verdict(claim: str) -> None:
    _, fired = _verdict(claim)
    assert "details" not in fired
