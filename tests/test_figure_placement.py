"""Where the sources carry a claim's figure when no shared word places it: a headline that
writes it, another figure of its clause, a span of months that makes it; a figure of
another thing still fails."""

from __future__ import annotations

import pytest

from llmbrief import Article, Cluster, verify

CLUSTER = Cluster(
    cluster_id="placement",
    articles=[
        Article(
            id="a1",
            title="Spectrum Auction Raises €1.37bn, Beating Forecast",
            text=(
                "Orland's 5G spectrum auction ended on Thursday after 41 rounds, raising €1.37 "
                "billion, well above the €900 million the finance ministry had forecast. "
                "Brevo Mobile won three lots for €218 million."
            ),
        ),
        Article(
            id="a2",
            title="Brevo Mobile to Challenge Auction at Tribunal",
            text=(
                "Brevo Mobile said on Friday it would challenge the outcome of Orland's 5G "
                "spectrum auction at the Competition Appeal Tribunal."
            ),
        ),
        Article(
            id="a3",
            title="Research Council Cuts Grants",
            text=(
                "The Science Council is to cut the budget for its discovery grants by 18 per "
                "cent next year. The council said that the scheme, which funds projects in any "
                "discipline, would have £338 million to spend in 2026-27, down from £412 "
                "million this year."
            ),
        ),
        Article(
            id="a4",
            title="Dredging to Resume as Cost Rises",
            text=(
                "Dredging is to resume in the channel, and it will finish later than planned. "
                "The port said the change would add £6.5 million to the cost and move "
                "completion from May to August 2027."
            ),
        ),
    ],
)


def _figure_reasons(claim: str) -> list[str]:
    c = verify(CLUSTER, claim).claims[0]
    return [x.detail for x in c.checks if x.fired and x.name in ("figures", "figure_context")]


@pytest.mark.parametrize(
    "claim",
    [
        # the headline's clause holds the figure and shares "auction"
        "Brevo Mobile is taking the outcome of Orland's €1.37 billion 5G auction to the "
        "Competition Appeal Tribunal [a2][a1].",
        # "in 2026-27" ties "£338 million" to the clause that names the budget "the scheme"
        "The Science Council will cut its discovery grants budget by 18 per cent in 2026-27, "
        "to £338 million [a3].",
        # from May to August is three months
        "Completion has slipped by three months to August 2027 [a4].",
    ],
)
def test_a_figure_placed_otherwise_than_by_a_shared_word(claim: str) -> None:
    assert _figure_reasons(claim) == [], claim


@pytest.mark.parametrize(
    "claim",
    [
        # the headline's figure is the auction's, not what Brevo paid
        "Brevo Mobile paid €1.37 billion for its lots [a2][a1].",
        # this year's figure, not 2026-27's
        "The Science Council will cut its discovery grants budget by 18 per cent in 2026-27, "
        "to £412 million [a3].",
        # from May to August is not four months
        "Completion has slipped by four months to August 2027 [a4].",
    ],
)
def test_a_figure_of_another_thing_still_fails(claim: str) -> None:
    assert _figure_reasons(claim) != [], claim
