"""Verdict rules of :mod:`llmbrief.verifier.verdicts` on small fictional clusters."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify

FLOOD = Cluster(
    cluster_id="ardley-flood",
    articles=[
        Article(
            id="f1",
            title="River Floods Ardley",
            text=(
                "The Tamm river burst its banks in Ardley on Monday, flooding about 300 homes. "
                "About 40 soldiers and 6 boats were helping the rescue in the old town. "
                "The mayor, Lena Hoss, asked residents to stay upstairs."
            ),
        ),
        Article(
            id="f2",
            title="Flood Waters Rise",
            text=(
                "Flood waters rose again in Ardley on Tuesday. Some 65 soldiers were now in the "
                "old town, backed by 9 boats sent from the coast. Schools stayed closed."
            ),
        ),
        Article(
            id="f3",
            title="Insurers Count Cost",
            text=(
                "Insurers said the Ardley flood could cost them 20 million euros. Claims can be "
                "made online from Thursday."
            ),
        ),
    ],
)


def test_figures_of_another_article_in_the_cited_articles_wording_are_misattributed() -> None:
    # f2 has every figure and the day; f1 only the wording ("helping the rescue") and
    # other figures: the claim is f2's, not a blend of the two
    claim = "About 65 soldiers and 9 boats were helping the rescue on Tuesday"
    c = verify(FLOOD, claim + " [f1].").claims[0]
    assert c.verdict == "misattributed" and c.suggested_ids == ["f2"], c.reasons
    assert verify(FLOOD, claim + " [f2].").claims[0].verdict == "supported"
