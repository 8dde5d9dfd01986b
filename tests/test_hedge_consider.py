""" "Would consider" and "will consider" state a possibility: a claim that the thing was
decided or done is surer than its evidence (data/modality.txt)."""

from __future__ import annotations

import pytest

from llmbrief import Article, Cluster, verify

MARL = Cluster(
    cluster_id="marl",
    articles=[
        Article(
            id="m1",
            title="Marl market",
            text=(
                "Stallholders at the Marl covered market lost trade during the roof repairs. "
                "The district board said it would consider refunds of rent for stallholders "
                "but had not decided. "
                "The board will consider cafe leases in June."
            ),
        )
    ],
)


def _verdict(claim: str) -> tuple[str, list[str]]:
    c = verify(MARL, claim).claims[0]
    return c.verdict, c.reasons


@pytest.mark.parametrize(
    "claim",
    [
        "The district board has agreed to refund rent for stallholders [m1].",
        "The board has approved cafe leases for June [m1].",
    ],
)
def test_a_decision_where_the_evidence_would_only_consider_it(claim: str) -> None:
    verdict, reasons = _verdict(claim)
    assert verdict == "unsupported"
    assert any("consider" in r for r in reasons)


def test_the_consideration_itself_passes() -> None:
    claim = "The district board said it would consider refunds of rent for stallholders [m1]."
    assert _verdict(claim)[0] == "supported"
