"""Figures and dates placed by what the words say: "at first" tells when (no rank); "late
on Saturday" is Saturday night; a figure set against its clause's ("against 140 the year
before") counts what the clause counts; "the payments" refers back to the lead's "£52,000
in hidden payments". A real rank, another day, a figure of another thing still fail."""

from __future__ import annotations

import pytest

from llmbrief import Article, Cluster, verify

CLUSTER = Cluster(
    cluster_id="placement-words",
    articles=[
        Article(
            id="b1",
            title="Coin Puzzles Experts",
            text=(
                "A silver coin found during the second dig at Marden could not be identified "
                "straight away, and experts were unsure whether it was a forgery."
            ),
        ),
        Article(
            id="b2",
            title="Horses Escape From Stables",
            text=(
                "Two horses escaped from Marlow Stables late on Saturday after a gate was left "
                "open, the owners said."
            ),
        ),
        Article(
            id="b3",
            title="Cycle Injuries Rise",
            text=(
                "The number of cyclists treated for injuries at Hale Infirmary rose by half "
                "last year, figures show. The emergency department treated 212 people hurt in "
                "cycling crashes in 2025, compared with 140 in 2024, according to data released "
                "on Monday. Of the 212, 35 were admitted to a ward."
            ),
        ),
        Article(
            id="b4",
            title="Former Mayor Took Bribes, Court Told",
            text=(
                "A former mayor of Tarnby accepted £52,000 in hidden payments from a builder, a "
                "court has heard. He also faces £9,000 in legal costs. He denies two counts of "
                "bribery. The prosecutor said the payments were made between 2019 and 2021 "
                "through a consultancy owned by his brother."
            ),
        ),
        Article(
            id="b5",
            title="Holt Second at Trials",
            text="Lena Holt came second in the 400 metres at the national trials on Sunday.",
        ),
    ],
)


def _reasons(claim: str) -> list[str]:
    c = verify(CLUSTER, claim).claims[0]
    return [
        x.detail
        for x in c.checks
        if x.fired and x.name in ("figures", "figure_context", "dates", "date_context")
    ]


@pytest.mark.parametrize(
    "claim",
    [
        "A silver coin found during the second dig at Marden could not at first be "
        "identified, and experts were unsure whether it was a forgery [b1].",
        "Two horses escaped from Marlow Stables on Saturday night after a gate was left open [b2].",
        "Hale Infirmary treated 212 people hurt in cycling crashes in 2025, against 140 the "
        "year before [b3].",
        "The prosecutor said £52,000 was paid between 2019 and 2021 through a consultancy "
        "owned by his brother [b4].",
    ],
)
def test_placed_by_what_the_words_say(claim: str) -> None:
    assert _reasons(claim) == [], claim


@pytest.mark.parametrize(
    "claim",
    [
        # a rank: she came second
        "Lena Holt came first in the 400 metres at the national trials on Sunday [b5].",
        # another night
        "Two horses escaped from Marlow Stables on Friday night after a gate was left open [b2].",
        # 35 were admitted, not treated the year before
        "Hale Infirmary treated 212 people hurt in cycling crashes in 2025, against 35 the "
        "year before [b3].",
        # the £9,000 is legal costs, not the payments
        "The prosecutor said £9,000 was paid between 2019 and 2021 through a consultancy "
        "owned by his brother [b4].",
    ],
)
def test_a_rank_another_day_or_another_figure_still_fails(claim: str) -> None:
    assert _reasons(claim) != [], claim
