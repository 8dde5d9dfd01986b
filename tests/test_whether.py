"""A "whether" puts in doubt the proposition of its clause: one about other instances
("whether similar faults occurred at other depots") hedges those, not the claim's."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify

DEPOT = Cluster(
    cluster_id="depot",
    articles=[
        Article(
            id="d1",
            title="Depot faults",
            text=(
                "The inspector, Mara Olsen, said the operator had been told about the brakes "
                'in 2021. "They knew, and they did nothing," she said. The board is examining '
                "whether similar faults occurred at other Kelby depots."
            ),
        )
    ],
)


def test_a_whether_about_other_instances_hedges_nothing_of_the_claim() -> None:
    claim = "Inspector Mara Olsen said Kelby had known about the faults and done nothing [d1]."
    assert verify(DEPOT, claim).claims[0].verdict == "supported"


def test_the_instances_it_doubts_stated_surely_are_flagged() -> None:
    claim = "Similar faults occurred at other Kelby depots, the board found [d1]."
    report = verify(DEPOT, claim).claims[0]
    assert report.verdict == "unsupported"
    assert any("whether" in r for r in report.reasons)
