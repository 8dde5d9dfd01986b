"""A copied sentence whose unit is swapped for another of the same dimension after the same
count (copying.py's substitution): "several weeks" where it says "several months"."""

from __future__ import annotations

import pytest

from llmbrief import Article, Cluster, verify

PELL = Cluster(
    cluster_id="pell",
    articles=[
        Article(
            id="p1",
            title="Pell tunnel",
            text=(
                "The Pell tunnel under the Arno estuary was shut on Monday after water seeped "
                "through a seal. "
                "Engineer Rosa Lind said that work of this kind normally took several months. "
                "The detour adds a few kilometres to the trip for lorries from the port. "
                "Leaks have troubled the tunnel in recent years, residents said."
            ),
        )
    ],
)


def _verdict(claim: str) -> tuple[str, list[str]]:
    c = verify(PELL, claim).claims[0]
    return c.verdict, c.reasons


@pytest.mark.parametrize(
    ("claim", "said", "written"),
    [
        (
            "Engineer Rosa Lind said that work of this kind normally took several weeks [p1].",
            "weeks",
            "months",
        ),
        (
            "The detour adds a few miles to the trip for lorries from the port [p1].",
            "miles",
            "kilometres",
        ),
    ],
)
def test_a_unit_swapped_after_the_same_count(claim: str, said: str, written: str) -> None:
    verdict, reasons = _verdict(claim)
    assert verdict == "unsupported"
    assert any(f'"{said}" where' in r and f'says "{written}" (another unit)' in r for r in reasons)


@pytest.mark.parametrize(
    "claim",
    [
        # the same unit, singular or plural, and a vague time that counts nothing
        "Engineer Rosa Lind said that work of this kind normally took several months [p1].",
        "Leaks have troubled the tunnel in recent decades, residents said [p1].",
    ],
)
def test_no_unit_swap(claim: str) -> None:
    assert not any("another unit" in r for r in _verdict(claim)[1])
