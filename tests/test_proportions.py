"""Shares written in words ("nearly nine in ten", "about a third") read as intervals, and
the figures check that reads them (all articles here are fictional)."""

from __future__ import annotations

import pytest

from llmbrief import Article, Cluster, verify
from llmbrief.verifier import checks
from llmbrief.verifier.proportions import (
    Share,
    approximate_durations,
    durations,
    phrases,
    shares,
    without_phrases,
)


def _one(text: str) -> Share:
    found = phrases(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Nearly nine in ten members voted", 0.8475, 0.90),
        ("nearly two in five survived", 0.3475, 0.40),
        ("about half of the staff", 0.4475, 0.5525),
        ("a third of the fleet", 0.3333 - 0.035, 0.3333 + 0.035),
        ("one in ten homes", 0.075, 0.125),
        ("more than half of the votes", 0.5, 1.0),
        ("less than a quarter of its budget", 0.0, 0.25),
        ("just over two-thirds of the seats", 0.6667, 0.6667 + 0.0525),
        ("three quarters of the farms", 0.715, 0.785),
        ("7 out of 10 riders", 0.665, 0.735),
        ("as many as one in a hundred", 0.0, 0.01),
        ("a majority of the council", 0.5, 1.0),
        ("profits fell by half.", 0.465, 0.535),
        ("a fourth of the votes", 0.215, 0.285),
        ("an eighth of the budget", 0.09375, 0.15625),
    ],
)
def test_a_phrase_is_an_interval(text: str, low: float, high: float) -> None:
    s = _one(text)
    assert s.low == pytest.approx(low, abs=1e-3)
    assert s.high == pytest.approx(high, abs=1e-3)
    assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    "text",
    [
        "the fund raised a third round of money",  # an ordinal
        "in the first half of the year",  # a part of a period
        "the bank's third quarter",
        "a quarter of a century ago",  # a length of time
        "half a million people",  # a figure, read as one
        "two and a half years",
        "three quarters in a row",  # periods
        "a half-time talk",
        "12 in 2024",  # a count in a year
        "22 out of 31 districts",  # exact counts: figures
        "two in five years",  # a count over a time
        "a fourth term in office",
        "a Fourth of July parade",
    ],
)
def test_what_is_no_share(text: str) -> None:
    assert phrases(text) == ()


def test_percentages_are_shares_to_their_last_digit() -> None:
    found = shares("About 87 percent of members; rose 12% to 0.505% of output")
    assert [s.text for s in found] == ["About 87 percent", "12%", "0.505%"]
    about, rose, small = found
    assert (about.low, about.high) == pytest.approx((0.855, 0.885))
    assert about.of and not rose.of  # a share of something; a change
    assert (small.low, small.high) == pytest.approx((0.005045, 0.005055))


def test_the_numbers_of_a_phrase_are_no_figures_of_their_own() -> None:
    text = "Nearly nine in ten of the 400 members backed two-thirds of the plan."
    masked = without_phrases(text)
    assert len(masked) == len(text)
    assert [q.text for q in checks.quantities(masked)] == ["400"]


STRIKE = Cluster(
    cluster_id="strike",
    articles=[
        Article(
            id="k1",
            title="Dock vote",
            text=(
                "Dockers at the port of Velmar voted on Sunday to end a six-day strike. "
                "About 87 percent of members who voted backed the deal, the union said. "
                "Tallow Freight now accounts for about a third of the port's container "
                "traffic. Nearly two in five crane drivers are over 55."
            ),
        )
    ],
)


def _fired(claim: str) -> list[tuple[str, str]]:
    c = verify(STRIKE, claim).claims[0]
    return [(x.name, x.detail) for x in c.checks if x.fired]


def test_a_share_in_words_is_supported_by_a_percentage_in_its_interval() -> None:
    claim = "Nearly nine in ten members who voted backed the deal [k1]."
    assert verify(STRIKE, claim).claims[0].verdict == "supported"


def test_a_percentage_is_supported_by_a_share_in_words() -> None:
    claim = "About 38 percent of crane drivers are over 55 [k1]."
    assert verify(STRIKE, claim).claims[0].verdict == "supported"


def test_a_share_outside_the_evidence_share_for_the_same_thing_fires() -> None:
    claim = "Tallow Freight now accounts for about half of the port's container traffic [k1]."
    c = verify(STRIKE, claim).claims[0]
    assert c.verdict == "unsupported"
    fired = [x for x in c.checks if x.fired]
    assert [x.name for x in fired] == ["figures"]
    assert fired[0].detail == (
        'the claim says "about half"; the evidence says "about a third" in [k1]'
    )
    span = fired[0].spans[0]
    assert claim[span.start : span.end] == "about half"


def test_a_share_said_of_something_else_is_no_contradiction() -> None:
    # the evidence's shares count votes and traffic, not the weather: nothing to contradict
    claim = "Dockers at the port of Velmar voted to end a strike, as half the sky cleared [k1]."
    assert not any(name == "figures" for name, _ in _fired(claim))


def test_a_numbered_share_the_evidence_lacks_needs_its_numbers() -> None:
    # no share of the sentence's clause, and no "seven" in the article: absent, as before
    claim = "Seven in ten dockers at the port of Velmar voted on Sunday to end the strike [k1]."
    assert _fired(claim) == [
        ("figures", 'number "Seven" not found in [k1]; number "ten" not found in [k1]')
    ]


@pytest.mark.parametrize(
    "text",
    [
        "finished three tenths of a second behind",
        "a can and a half of cider",
        "two-thirds of a million followers",
        "in the same half of the draw",
        "the upper half of the hull",
        "only a half of one percent of output",
    ],
)
def test_measures_and_parts_are_no_shares(text: str) -> None:
    assert phrases(text) == ()


def test_lengths_of_time_in_words_are_read_in_days() -> None:
    text = "Loading stopped for six hours; delays of up to a day; the 72-year-old; $5m a day"
    found = durations(text)
    assert [s.text for s in found] == ["six hours", "up to a day"]
    six, day = found
    assert (six.low, six.high) == pytest.approx((0.225, 0.275))
    assert (day.low, day.high, day.bound) == (0.0, 1.0, "at_most")
    # in a claim, only with an approximator: "for a week" alone reads as before
    assert [s.text for s in approximate_durations("for a week, then nearly a year")] == [
        "nearly a year"
    ]


def test_two_bounds_the_same_way_must_be_at_the_same_figure() -> None:
    (week,) = durations("up to a week")
    (day,) = durations("up to a day")
    (seven,) = durations("up to seven days")
    assert not week.overlaps(day)
    assert week.overlaps(seven)
    (half,) = phrases("less than half of it")
    (tenth,) = phrases("less than a tenth of it")
    assert not half.overlaps(tenth)
    (about,) = phrases("about half of it")
    assert half.overlaps(about)  # 0.45 to 0.5 is both


QUAY = Cluster(
    cluster_id="quay",
    articles=[
        Article(
            id="q1",
            title="Quay fire",
            text=(
                "A fire closed the north quay at Ostrel for six hours on Monday. "
                "Harbour master Ida Renn said ships would face delays of up to a day."
            ),
        )
    ],
)


def test_a_length_of_time_against_the_evidence_for_the_same_thing() -> None:
    c = verify(QUAY, "Ships would face delays of up to a week, Renn said [q1].").claims[0]
    assert [(x.name, x.detail) for x in c.checks if x.fired] == [
        ("figures", 'the claim says "up to a week"; the evidence says "up to a day" in [q1]')
    ]
    # "six hours" of closure is no length of the delays, and "up to a day" allows "almost"
    same = verify(QUAY, "Ships would face delays of almost a day, Renn said [q1].")
    assert not any(x.name == "figures" and x.fired for x in same.claims[0].checks)


def test_counts_in_the_evidence_are_shares() -> None:
    found = shares("22 of the 31 districts and 1,200 out of 4,000 staff; one of the 10 largest")
    assert [(s.text, round(s.low, 2)) for s in found] == [
        ("22 of the 31", 0.71),
        ("1,200 out of 4,000", 0.3),
    ]
    assert shares("in 3 of 2024's races") == ()


COUNCILS = Cluster(
    cluster_id="councils",
    articles=[
        Article(
            id="c1",
            title="Councils",
            text="At least 22 of the 31 district councils in Norvale have banned the new pylons.",
        )
    ],
)


def test_a_share_in_words_is_supported_by_counts() -> None:
    claim = "More than two-thirds of Norvale's district councils have banned the new pylons [c1]."
    assert verify(COUNCILS, claim).claims[0].verdict == "supported"
    wrong = "About half of Norvale's district councils have banned the new pylons [c1]."
    c = verify(COUNCILS, wrong).claims[0]
    assert [(x.name, x.detail) for x in c.checks if x.fired] == [
        ("figures", 'the claim says "About half"; the evidence says "22 of the 31" in [c1]')
    ]


SURVEY = Cluster(
    cluster_id="survey",
    articles=[
        Article(
            id="v1",
            title="Meal survey",
            text=(
                "The Brandmoor survey found that 34 percent of respondents had skipped a meal "
                "to save money. Turnout at the guild vote was 52 percent. Sales of pies fell "
                "by a quarter in the third quarter. The pension fund lost 48% of its value."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "said"),
    [
        # "52 percent" of turnout elsewhere is no support for a share of respondents
        ("About half of respondents had skipped a meal to save money [v1].", "34 percent"),
        ("Sales of pies fell by a third in the third quarter [v1].", "a quarter"),
        ("The pension fund lost more than half of its value [v1].", "48%"),
    ],
)
def test_the_share_of_what_the_claim_counts_decides(claim: str, said: str) -> None:
    c = verify(SURVEY, claim).claims[0]
    fired = [x.detail for x in c.checks if x.fired and x.name == "figures"]
    assert len(fired) == 1 and f'the evidence says "{said}"' in fired[0], fired


@pytest.mark.parametrize(
    "claim",
    [
        "About a third of respondents had skipped a meal to save money [v1].",
        "Sales of pies fell by about 25% in the third quarter [v1].",
        "The pension fund lost nearly half of its value [v1].",
    ],
)
def test_a_share_restated_is_supported(claim: str) -> None:
    c = verify(SURVEY, claim).claims[0]
    assert c.verdict == "supported", c.reasons


RAIL = Cluster(
    cluster_id="rail",
    articles=[
        Article(
            id="r1",
            title="Rail strike",
            text=(
                "Only about 230 of Brennick Rail's usual 1,150 trains ran on Thursday as "
                "drivers staged the first of two strikes. "
                "Bus operators accepted rail tickets on 40 of their routes."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # 230 of 1,150 is 0.2: the claim's own figure over the sentence's larger one
        (
            "On the first strike day only about 230 trains ran, roughly one in five [r1].",
            "supported",
        ),
        (
            "On the first strike day only about 230 trains ran, roughly one in three [r1].",
            "unsupported",
        ),
        (
            "On the first strike day only about 230 trains ran, roughly two in five [r1].",
            "unsupported",
        ),
        # without the claim's own figure, the numbers of the share need be written
        ("On the first strike day roughly one in five trains ran [r1].", "unsupported"),
    ],
)
def test_a_share_of_the_claims_figure_over_one_beside_it(claim: str, verdict: str) -> None:
    c = verify(RAIL, claim).claims[0]
    assert c.verdict == verdict, c.reasons


FLOCK = Cluster(
    cluster_id="flock",
    articles=[
        Article(
            id="f1",
            title="Flock",
            text=(
                "The loss of 210,000 laying hens is roughly 1.5% of the national laying flock. "
                "The flock numbers about 41 million birds, of which around 14 million are "
                "laying hens."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # 14 of 41 million is 0.34: the sentence that writes the claim's whole decides
        (
            "The flock numbers about 41 million birds, roughly a third of them laying hens [f1].",
            "supported",
        ),
        (
            "The flock numbers about 41 million birds, roughly half of them laying hens [f1].",
            "unsupported",
        ),
        (
            "The flock numbers about 41 million birds, roughly one in ten of them laying hens "
            "[f1].",
            "unsupported",
        ),
    ],
)
def test_a_share_of_the_claims_whole_and_a_part_beside_it(claim: str, verdict: str) -> None:
    c = verify(FLOCK, claim).claims[0]
    assert c.verdict == verdict, c.reasons
