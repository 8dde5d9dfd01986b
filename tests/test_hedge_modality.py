"""What the claim itself states: a timetable in the present with its date ("Applications
open on July 1"), an arrangement dated in the claim ("is to begin on Monday"), a
counterfactual ("would then have been free") states nothing as done, and a later cited
article settles what an earlier one left open. Each beside the dropped hedge it must
still catch."""

from __future__ import annotations

import datetime

from llmbrief import Article, Cluster, verify


def _verdict(cluster: Cluster | str, claim: str) -> tuple[str, list[str]]:
    if isinstance(cluster, str):
        cluster = Cluster(cluster_id="c", articles=[Article(id="a1", title="Story", text=cluster)])
    c = verify(cluster, claim).claims[0]
    return c.verdict, [x.name for x in c.checks if x.fired]


FUND = (
    "The council has set up a fund for traders on Brack Street whose shops were flooded. "
    "Applications will open on July 1 and close on August 31, the council said."
)


def test_a_timetable_in_the_present_with_its_date_is_a_plan_stated_as_one() -> None:
    assert _verdict(FUND, "Applications open on July 1 and close on August 31 [a1].") == (
        "supported",
        [],
    )


def test_a_plan_stated_as_done_is_still_a_dropped_hedge() -> None:
    verdict, fired = _verdict(FUND, "Applications opened on July 1 and closed on August 31 [a1].")
    assert verdict == "unsupported"
    assert "hedges" in fired


FELLING = (
    "Work to fell up to 9,000 larch trees in Orm Wood will begin on Monday to stop a fungus "
    "spreading, the Woodland Trust said on Friday."
)


def test_an_arrangement_dated_in_the_claim_is_a_plan() -> None:
    claim = "Work to fell up to 9,000 larch trees in Orm Wood is to begin on Monday [a1]."
    assert _verdict(FELLING, claim) == ("supported", [])


def test_felling_stated_as_begun_is_still_a_dropped_hedge() -> None:
    claim = "Work to fell up to 9,000 larch trees in Orm Wood began on Monday [a1]."
    verdict, fired = _verdict(FELLING, claim)
    assert verdict == "unsupported"
    assert "hedges" in fired


BELL = (
    "The parish has until June to raise the money, or the bell could be sold to the "
    "foundry, which would then be free to melt it down."
)


def test_a_counterfactual_claim_states_nothing_as_done() -> None:
    claim = (
        "Had the parish failed, the bell could have been sold to the foundry, which would "
        "then have been free to melt it down [a1]."
    )
    assert _verdict(BELL, claim) == ("supported", [])


def test_a_possibility_stated_as_done_is_still_a_dropped_hedge() -> None:
    claim = "The foundry has been free to melt the bell down since June [a1]."
    verdict, fired = _verdict(BELL, claim)
    assert verdict == "unsupported"
    assert "hedges" in fired


_EARLY = (
    "Fenwick Library has launched an appeal to buy the Marrow manuscript, valued at "
    "£80,000. It has until March to raise the money, or the manuscript could go to a "
    "private buyer."
)


def _library(late: str) -> Cluster:
    return Cluster(
        cluster_id="c",
        articles=[
            Article(id="a1", title="Appeal", text=_EARLY, published=datetime.date(2027, 1, 5)),
            Article(id="a2", title="Later", text=late, published=datetime.date(2027, 3, 2)),
        ],
    )


CLAIM = "Fenwick Library has raised the £80,000 it needed to buy the Marrow manuscript [a1][a2]."


def test_a_later_cited_article_settles_an_earlier_could() -> None:
    late = (
        "Fenwick Library has raised the £80,000 it needed to buy the Marrow manuscript. "
        "The reading room reopens in May."
    )
    assert _verdict(_library(late), CLAIM)[0] == "supported"


def test_a_later_article_that_still_hedges_settles_nothing() -> None:
    late = (
        "Fenwick Library could raise the £80,000 it needs to buy the Marrow manuscript "
        "by March, its director said. The reading room reopens in May."
    )
    verdict, fired = _verdict(_library(late), CLAIM)
    assert verdict == "unsupported"
    assert "hedges" in fired
