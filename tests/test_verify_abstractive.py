"""Abstractive claims: checks that must not fire for the wrong reason, and the errors of
one-sentence summaries they must catch (all articles here are fictional)."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify

AWARDS = Cluster(
    cluster_id="awards",
    articles=[
        Article(
            id="a1",
            title="Award seats",
            text=(
                "Southwest Airlines offered the most award tickets, 11.9 million, the survey "
                "found. JetBlue offered the lowest percentage of award tickets. The report was "
                "compiled by a consultancy in Boston. Among the large carriers, Southwest also "
                "had the highest percentage of award tickets."
            ),
        )
    ],
)


def test_an_opposite_the_article_also_writes_so_is_no_swap() -> None:
    # the window says "lowest" (of JetBlue); the article writes "highest percentage" too
    claim = (
        "Southwest Airlines offered the most award tickets, 11.9 million, and the highest "
        "percentage of award tickets [a1]."
    )
    c = verify(AWARDS, claim).claims[0]
    assert c.verdict == "supported", c.reasons
