"""A thing ranked otherwise than the evidence ranks it (checks.rank_clash): an ordinal or a
superlative swapped for another ("largest" where it is the "second-largest")."""

from __future__ import annotations

import pytest

from llmbrief import Article, Cluster, verify
from llmbrief.verifier import checks
from llmbrief.verifier.lexicon import stem, words

BRELL = Cluster(
    cluster_id="brell",
    articles=[
        Article(
            id="b1",
            title="Brell ferries",
            text=(
                "Brell Lines runs 14 ferries a day from Oskar Quay and is the coast's "
                "third-largest ferry operator. "
                "It is the first time the Tovan club has reached the regional final. "
                "The Nessa crossing is the longest route the company sails."
            ),
        )
    ],
)


def _verdict(claim: str) -> tuple[str, list[str]]:
    c = verify(BRELL, claim).claims[0]
    return c.verdict, c.reasons


def _toks(text: str) -> list[str]:
    return [stem(w.lower()) for w in words(text)]


def test_a_superlative_where_the_evidence_ranks_it_lower() -> None:
    verdict, reasons = _verdict(
        "Brell Lines, the coast's largest ferry operator, runs 14 ferries a day [b1]."
    )
    assert verdict == "unsupported"
    assert 'the claim says "largest" where the evidence says "third-largest"' in reasons


def test_an_ordinal_swapped_for_another() -> None:
    verdict, reasons = _verdict(
        "It is the second time the Tovan club has reached the regional final [b1]."
    )
    assert verdict == "unsupported"
    assert 'the claim says "second" where the evidence says "first"' in reasons


@pytest.mark.parametrize(
    "claim",
    [
        "Brell Lines is the coast's third-largest ferry operator, with 14 ferries a day [b1].",
        "Brell Lines is the coast's third largest ferry operator, with 14 ferries a day [b1].",
        "The Tovan club has reached the regional final for the first time [b1].",
        "The Nessa crossing is the company's longest route [b1].",
    ],
)
def test_the_same_rank_passes(claim: str) -> None:
    assert _verdict(claim)[0] == "supported"


def test_a_rank_of_another_thing_does_not_clash() -> None:
    # "first" ranks a time there, a ferry here; and the context is not the claim's
    claim = _toks("The first ferry from Oskar Quay leaves at six")
    evidence = [_toks("It is the second time the ferry has left late")]
    assert checks.rank_clash(claim, evidence) is None


def test_a_negated_rank_does_not_clash() -> None:
    claim = _toks("It is not the second time the Tovan club has reached the final")
    evidence = [_toks("It is the first time the Tovan club has reached the final")]
    assert checks.rank_clash(claim, evidence) is None
