"""Dates an article writes relative to the day it was published ("on Tuesday", "last month",
"yesterday"): a claim may name the month or weekday they resolve to, never another one,
and never one the publication day alone suggests."""

from __future__ import annotations

import datetime

import pytest

from llmbrief import Article, Cluster, verify


def _article(aid: str, text: str, published: str | None) -> Article:
    when = datetime.datetime.fromisoformat(published) if published else None
    return Article(id=aid, title="Court and council", text=text, published=when)


TRIAL = Cluster(
    cluster_id="trial",
    articles=[
        # Tuesday 24 March 2026
        _article(
            "t1",
            "A jury at Hollins Crown Court convicted Maren Tolley, 52, of fraud by a majority "
            "of 11 to 1 on Tuesday. Judge Arun Patel adjourned sentencing until 21 April. "
            "Tolley had denied the charge throughout the trial.",
            "2026-03-24T16:00:00+00:00",
        ),
        # Thursday 2 April 2026
        _article(
            "t2",
            "Brackley Council raised its estimate of the repair bill to £41 million, up from "
            "the £36 million it gave last month. The council leader, Ines Varro, said "
            "yesterday that the work would start in the summer.",
            "2026-04-02T09:00:00+00:00",
        ),
        # Friday 16 October 2026
        _article(
            "t3",
            "The mayor, Otto Brenn, on Friday ordered a review of the city's flood sirens. "
            "The review will be led by Carla Weiss and will report by the end of November.",
            "2026-10-16T12:00:00+00:00",
        ),
        # no publication day: its relative words resolve to nothing
        _article(
            "t4",
            "The harbour authority said on Monday that the Kessel pier had been closed after "
            "a crane collapsed.",
            None,
        ),
        # Monday 16 March 2026, with no relative time words at all
        _article(
            "t5",
            "Delmont Bank's head of lending, Sami Rook, has left the bank by mutual agreement.",
            "2026-03-16T11:00:00+00:00",
        ),
        # Monday 16 March 2026: the lender said it that day
        _article(
            "t6",
            "Delmont Bank's head of lending, Sami Rook, has left the bank by mutual agreement, "
            "the lender said on Monday.",
            "2026-03-16T11:00:00+00:00",
        ),
    ],
)


def _reasons(cluster: Cluster, claim: str, names: tuple[str, ...]) -> list[str]:
    """The details of the checks named ``names`` that fired on ``claim``."""
    c = verify(cluster, claim).claims[0]
    return [x.detail for x in c.checks if x.fired and x.name in names]


_DATE_CHECKS = ("dates", "date_context")


def _date_reasons(claim: str) -> list[str]:
    return _reasons(TRIAL, claim, _DATE_CHECKS)


@pytest.mark.parametrize(
    "claim",
    [
        # "on Tuesday" in Tuesday 24 March's paper
        "Maren Tolley was convicted of fraud by a majority verdict in March [t1].",
        # "last month" in a paper of 2 April
        "Brackley Council raised the repair bill to £41 million from the £36 million it "
        "gave in March [t2].",
        # "yesterday" in Thursday's paper is Wednesday
        "Ines Varro said on Wednesday that the work would start in the summer [t2].",
        # "the lender said on Monday" dates what the lender reported
        "Sami Rook left Delmont Bank by mutual agreement in March [t6].",
    ],
)
def test_a_relative_date_resolves_from_the_publication_day(claim: str) -> None:
    assert _date_reasons(claim) == [], claim


@pytest.mark.parametrize(
    "claim",
    [
        # the wrong month for "on Tuesday" of 24 March
        "Maren Tolley was convicted of fraud by a majority verdict in February [t1].",
        # "last month" of 2 April is March, not April
        "Brackley Council raised the repair bill to £41 million from the £36 million it "
        "gave in April [t2].",
        # "yesterday" in Thursday's paper is not Tuesday
        "Ines Varro said on Tuesday that the work would start in the summer [t2].",
        # the evidence names the month of the report: "on Friday" dates the order, not it
        "The review of the city's flood sirens, led by Carla Weiss, will report by the end "
        "of October [t3].",
        "The review of the city's flood sirens will report in October [t3].",
        # no publication day: "on Monday" is in no month
        "The harbour authority said in March that the Kessel pier had been closed [t4].",
        # the publication day alone, without relative words, dates nothing
        "Sami Rook left Delmont Bank by mutual agreement in March [t5].",
    ],
)
def test_a_month_the_relative_date_does_not_give_still_fails(claim: str) -> None:
    assert _date_reasons(claim) != [], claim


def test_a_deadline_month_is_not_read_from_the_day_of_another_event() -> None:
    # "ordered on Friday" (16 October) says nothing of a deadline "by the end of October"
    claim = "Otto Brenn ordered a review of the flood sirens, due by the end of October [t3]."
    assert _date_reasons(claim) != []
    # nor is a deadline read from the day a thing was said ("said on Monday", in March)
    claim = "The harbour authority said the Kessel pier would stay closed until March [t4]."
    assert _date_reasons(claim) != []


DAYS = Cluster(
    cluster_id="days",
    articles=[
        # Tuesday 16 June 2026: "on Monday" is 15 June
        _article(
            "d1",
            "Rescuers worked through the night to reach 31 workers who were trapped when a "
            "tunnel collapsed on Monday at the Kestrel copper mine. The mine employs about "
            "1,300 people.",
            "2026-06-16T06:00:00+00:00",
        ),
        # Monday 4 May 2026: "this week" is the week of 4 May
        _article(
            "d2",
            "Three days of strikes planned at Orley Rail this week have been suspended after "
            "the drivers' union agreed to put a new offer to its members.",
            "2026-05-04T15:00:00+00:00",
        ),
        # Friday 20 February 2026: "Thursday last week" is 12 February
        _article(
            "d3",
            "The boil-water notice for Hallow Green was lifted on Thursday last week after "
            "three sets of clear samples, the water company said.",
            "2026-02-20T16:00:00+00:00",
        ),
    ],
)


def _day_reasons(claim: str) -> list[str]:
    return _reasons(DAYS, claim, ("figures", "figure_context"))


@pytest.mark.parametrize(
    "claim",
    [
        "A tunnel collapsed on June 15 at the Kestrel copper mine, trapping 31 workers [d1].",
        "A tunnel collapsed at the Kestrel copper mine on 15 June, trapping 31 workers [d1].",
        "Strikes planned at Orley Rail for the week of May 4 have been suspended [d2].",
        "The boil-water notice for Hallow Green was lifted on February 12 [d3].",
    ],
)
def test_a_relative_day_gives_its_day_of_the_month(claim: str) -> None:
    assert _day_reasons(claim) == [], claim


@pytest.mark.parametrize(
    "claim",
    [
        # the day before, and the day after
        "A tunnel collapsed on June 14 at the Kestrel copper mine, trapping 31 workers [d1].",
        "A tunnel collapsed at the Kestrel copper mine on 16 June, trapping 31 workers [d1].",
        # a day within the week is not the week's own day
        "Strikes planned at Orley Rail for the week of May 6 have been suspended [d2].",
        "Strikes planned at Orley Rail on May 4 have been suspended [d2].",
        # Thursday of this week, not of last week
        "The boil-water notice for Hallow Green was lifted on February 19 [d3].",
    ],
)
def test_a_day_the_relative_date_does_not_give_still_fails(claim: str) -> None:
    assert _day_reasons(claim) != [], claim


PRIZE = Cluster(
    cluster_id="prize",
    articles=[
        # Wednesday 14 October 2026: the lead tells no time; the award's evening is given
        # in another sentence, in words that share none of the lead's
        _article(
            "p1",
            "Clara Penrose, a former pharmacist, has won the Harland Prize for fiction with her "
            "first novel. The award was announced at a dinner in Wrexford on Wednesday evening. "
            "The Harland Prize was first given in 1998, and in May its trustees doubled it.",
            "2026-10-14T22:00:00+00:00",
        ),
        # Monday 2 November 2026: a report of the month after
        _article(
            "p2",
            "Clara Penrose has signed a contract for a second novel. Her first sold 18,000 "
            "copies after the prize dinner last month.",
            "2026-11-02T10:00:00+00:00",
        ),
    ],
)


def _prize_reasons(claim: str) -> list[str]:
    return _reasons(PRIZE, claim, _DATE_CHECKS)


def test_an_undated_report_is_of_the_month_it_was_published_in() -> None:
    assert _prize_reasons("Penrose won the Harland Prize for fiction in October [p1].") == []


@pytest.mark.parametrize(
    "claim",
    [
        # a month the article gives, of another thing: the window tells its own time
        "The Harland Prize was first given in October [p1].",
        # the window's report is of November: last month's October is the dinner's
        "Clara Penrose signed a contract for a second novel in October [p2].",
        # a day is not read from the month of the paper
        "Penrose won the Harland Prize for fiction on October 12 [p1].",
    ],
)
def test_a_month_the_report_does_not_place_still_fails(claim: str) -> None:
    assert _prize_reasons(claim) != [], claim
