"""Figures a claim restates: approximate, a change, a count of the names listed."""

from __future__ import annotations

import pytest

from llmbrief import Article, Cluster, verify
from llmbrief.verifier import approx

ORCHARD = Cluster(
    cluster_id="orchard",
    articles=[
        Article(
            id="o1",
            title="Orchard harvest",
            text=(
                "The Brannock valley orchards picked about 8,700 tonnes of apples this autumn, "
                "the largest crop since 2011. Growers followed the blight for a median of "
                "19 months before it cleared. The fee for a market stall rises from 30 to 42 "
                "euros a day. The cider presses in Hallow Cross and Tennby will close in May. "
                "More than 60 pickers came from abroad."
            ),
        )
    ],
)


def _verdict(claim: str) -> tuple[str, list[str]]:
    c = verify(ORCHARD, claim).claims[0]
    return c.verdict, [x.detail for x in c.checks if x.fired]


@pytest.mark.parametrize(
    "claim",
    [
        "The orchards picked nearly 9,000 tonnes of apples since 2011 [o1].",
        "The orchards picked about 8,700 tonnes of apples since 2011 [o1].",
        "Growers followed the blight for a median of nearly two years [o1].",
        "Growers followed the blight for a median of about 19 months before it cleared [o1].",
    ],
)
def test_an_approximate_figure_in_its_interval_is_supported(claim: str) -> None:
    assert _verdict(claim)[0] == "supported"


@pytest.mark.parametrize(
    ("claim", "figure"),
    [
        # "nearly" is below its figure: 8,700 is more than "nearly 8,000" says
        (
            "The orchards picked nearly 8,000 tonnes of apples since 2011 [o1].",
            "8,000 tonnes",
        ),
        # about 9,500 is 800 tonnes off: outside its tolerance (1.5 x 250)
        (
            "The orchards picked about 9,500 tonnes of apples since 2011 [o1].",
            "9,500 tonnes",
        ),
        # two bounds the same way compare at their figures
        ("More than 40 pickers came from abroad [o1].", "40"),
    ],
)
def test_an_approximate_figure_outside_its_interval_fires(claim: str, figure: str) -> None:
    verdict, fired = _verdict(claim)
    assert verdict == "unsupported"
    assert f'number "{figure}" not found in [o1]' in fired


def test_a_duration_approximated_past_its_interval_fires() -> None:
    # 19 months is 1.58 years: "nearly two years" (1.4 to 2) holds it, "just over" does not
    verdict, fired = _verdict("Growers followed the blight for just over two years [o1].")
    assert verdict == "unsupported"
    assert 'number "two years" not found in [o1]' in fired


def test_a_change_the_two_figures_confirm_is_supported() -> None:
    assert (
        _verdict("The fee for a market stall goes up by 12 euros, to 42 euros a day [o1].")[0]
        == "supported"
    )


@pytest.mark.parametrize(
    "claim",
    [
        "The fee for a market stall goes up by 15 euros, to 42 euros a day [o1].",
        "The fee for a market stall falls by 12 euros, to 42 euros a day [o1].",
    ],
)
def test_a_change_the_figures_deny_fires(claim: str) -> None:
    assert _verdict(claim)[0] == "unsupported"


def test_a_change_in_cents_is_read_in_hundredths() -> None:
    cluster = Cluster(
        cluster_id="fares",
        articles=[
            Article(
                id="f1",
                title="Fares",
                text="The single tram fare will be 1.85 euros, up from 1.60 euros last year.",
            )
        ],
    )
    good = verify(cluster, "The single tram fare rises by 25 cents, to 1.85 euros [f1].")
    bad = verify(cluster, "The single tram fare falls by 25 cents, to 1.85 euros [f1].")
    assert good.claims[0].verdict == "supported"
    assert bad.claims[0].verdict == "unsupported"


HARBOUR = Cluster(
    cluster_id="harbour",
    articles=[
        Article(
            id="h1",
            title="Harbour",
            text=(
                "By Monday the harbour board had counted 14 damaged moorings. "
                "The tally of damaged boats rose to 23 on Tuesday after divers found three "
                "more hulls, and nine owners still await an inspection. "
                "The board widened the repair zone it offered to fund from 40 to 65 berths."
            ),
        )
    ],
)


def _harbour(claim: str) -> str:
    return verify(HARBOUR, claim).claims[0].verdict


def test_a_change_from_a_named_figure_must_lead_from_it() -> None:
    # from 14... the window leads to 23: up by nine; "six" is 9 - 3, another change
    good = "The tally rose by nine on Tuesday, from the 14 counted on Monday [h1]."
    bad = "The tally rose by six on Tuesday, from the 14 counted on Monday [h1]."
    assert _harbour(good) == "supported"
    assert _harbour(bad) == "unsupported"
    # a time or a year after "from" names when, not where the change starts
    for text in ("up by 35 from two weeks earlier", "up by 35 from 2019"):
        assert approx._named_end(text, text.find("35") + 2) is None, text
    text = "up by 35, to 120 stores"
    named = approx._named_end(text, text.find("35") + 2)
    assert named is not None and named[0] == "to" and named[1].value == 120


def test_by_then_to_is_a_change_with_the_word_of_change_words_before() -> None:
    good = "The board widened the repair zone it offered to fund by 25, to 65 berths [h1]."
    bad = "The board widened the repair zone it offered to fund by 30, to 65 berths [h1]."
    assert _harbour(good) == "supported"
    assert _harbour(bad) == "unsupported"


def test_a_change_told_the_wrong_way_fires_with_both_words() -> None:
    cluster = Cluster(
        cluster_id="rents",
        articles=[
            Article(
                id="r1",
                title="Rents",
                text="The co-op raised the monthly rent on its flats to 640 euros from 610 euros.",
            )
        ],
    )
    bad = verify(
        cluster, "The co-op moved the monthly rent on its flats from 640 euros to 610 euros [r1]."
    )
    c = bad.claims[0]
    assert c.verdict == "unsupported"
    assert c.reasons == [
        'the claim says "from 640 euros to 610 euros" where the evidence says '
        '"to 640 euros from 610 euros"'
    ]
    for good in (
        "The co-op raised the monthly rent on its flats from 610 euros to 640 euros [r1].",
        "The co-op raised the monthly rent on its flats to 640 euros from 610 euros [r1].",
    ):
        assert verify(cluster, good).claims[0].verdict == "supported", good


def test_a_count_of_one_and_that_many_more_is_where_the_evidence_is() -> None:
    cluster = Cluster(
        cluster_id="flu",
        articles=[
            Article(
                id="g1",
                title="Flu",
                text=(
                    "A flu outbreak that began at a care home in Mossley has spread to two more "
                    "care homes, the health board said. Staff aged 3 to 60 were tested."
                ),
            )
        ],
    )
    # "three" is written nowhere but as the "3" of an age range: the window counts it
    good = verify(cluster, "The flu outbreak has now reached three care homes [g1].").claims[0]
    assert good.verdict == "supported", good.reasons
    bad = verify(cluster, "The flu outbreak has now reached four care homes [g1].").claims[0]
    assert bad.verdict == "unsupported"


def test_a_count_of_the_names_listed_is_supported() -> None:
    assert _verdict("The two cider presses will close in May [o1].")[0] == "supported"
    verdict, fired = _verdict("The three cider presses will close in May [o1].")
    assert verdict == "unsupported"
    assert 'number "three" not found in [o1]' in fired


MILL = Cluster(
    cluster_id="mill",
    articles=[
        Article(
            id="m1",
            title="Mill closure",
            text=(
                "The Tarn flour mill could stay shut for up to a month, the union said. "
                "Tarn Mills said it still expected the repairs to take about three weeks."
            ),
        )
    ],
)


def test_an_approximate_duration_against_the_copied_sentence_figure() -> None:
    # the sentence the claim copies says "about three weeks": "about five weeks" is changed,
    # though it overlaps the article's "up to a month"
    c = verify(MILL, "Tarn Mills said it expected the repairs to take about five weeks [m1].")
    assert c.claims[0].verdict == "unsupported"
    c = verify(MILL, "Tarn Mills said it expected the repairs to take about 20 days [m1].")
    assert c.claims[0].verdict == "supported"


FERRY = Cluster(
    cluster_id="ferry",
    articles=[
        Article(
            id="p1",
            title="Ferries",
            text=(
                "Crossings were busy all weekend. On Friday, 63 ferries sailed from Port Ellin, "
                "against around 40 on a quiet day. The plan adds new pumps at the Dunmore and "
                "Kelby stations and new gauges at all six sites. Tickets went on sale in "
                "spring. The harbour cafe reopened. In 2019, 23 crossings were cancelled "
                "and two ferries ran aground."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        (
            "On Friday 63 ferries sailed from Port Ellin, about 23 more than on a quiet day [p1].",
            "supported",
        ),
        (
            "On Friday 63 ferries sailed from Port Ellin, about 23 fewer than on a quiet day [p1].",
            "unsupported",
        ),
        (
            "On Friday 63 ferries sailed from Port Ellin, about 25 more than on a quiet day [p1].",
            "unsupported",
        ),
    ],
)
def test_more_than_is_the_difference_of_two_window_figures(claim: str, verdict: str) -> None:
    # 23 is written in the article, but of crossings in 2019: the window's 63 and 40 hold it
    assert verify(FERRY, claim).claims[0].verdict == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The plan adds new pumps at two of the stations, Dunmore and Kelby [p1].", "supported"),
        (
            "The plan adds new pumps at three of the stations, Dunmore and Kelby [p1].",
            "unsupported",
        ),
    ],
)
def test_a_count_followed_by_the_names_it_counts(claim: str, verdict: str) -> None:
    assert verify(FERRY, claim).claims[0].verdict == verdict


DEPOT = Cluster(
    cluster_id="depot",
    articles=[
        Article(
            id="d1",
            title="Depot",
            text=(
                "Buses were sent to the Orrin depot, 18 miles away. The tank holds about "
                "40 litres of fuel."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Buses were sent to the Orrin depot, about 29 kilometres away [d1].", "supported"),
        ("Buses were sent to the Orrin depot, 29 kilometres (18 miles) away [d1].", "supported"),
        ("Buses were sent to the Orrin depot, about 35 kilometres away [d1].", "unsupported"),
        ("The tank holds about 10.5 gallons of fuel [d1].", "supported"),
        ("The tank holds about 14 gallons of fuel [d1].", "unsupported"),
    ],
)
def test_a_figure_in_another_unit_of_its_dimension_is_converted(claim: str, verdict: str) -> None:
    assert verify(DEPOT, claim).claims[0].verdict == verdict


TOLLEN = Cluster(
    cluster_id="ferry",
    articles=[
        Article(
            id="f1",
            title="Tollen ferry",
            text=(
                "The Tollen ferry sailed at 34 knots on a stretch limited to 25 knots, the "
                "harbour office said. A return ticket will cost 30 marks instead of 48 from "
                "June. The ferry carried 5,120 passengers in March, against 7,700 in March "
                "last year. Fuel made up 62% of the operator's costs in the audit. The new "
                "timetable would save about 170 million marks a year, the operator said; "
                "the ministry had forecast 240 million marks."
            ),
        )
    ],
)


def _tollen(claim: str) -> tuple[str, list[str]]:
    c = verify(TOLLEN, claim).claims[0]
    return c.verdict, [x.detail for x in c.checks if x.fired]


@pytest.mark.parametrize(
    "claim",
    [
        # a difference of two figures the claim states
        "The ferry sailed at 34 knots on a stretch limited to 25 knots, 9 knots over the "
        "limit [f1].",
        "A return ticket will cost 30 marks instead of 48, a saving of 18 marks [f1].",
        # a relative change, to the approximator's tolerance
        "A return ticket will cost 30 marks instead of 48, about 37% less [f1].",
        "The ferry carried 5,120 passengers in March, about a third fewer than the 7,700 "
        "in March last year [f1].",
        # a difference of a figure the claim states and one of the evidence window
        "The new timetable would save about 170 million marks a year, 70 million less "
        "than the ministry had forecast [f1].",
    ],
)
def test_a_figure_computed_from_the_claims_figures_is_supported(claim: str) -> None:
    assert _tollen(claim) == ("supported", [])


@pytest.mark.parametrize(
    ("claim", "figure"),
    [
        (
            "The ferry sailed at 34 knots on a stretch limited to 25 knots, 7 knots over "
            "the limit [f1].",
            "7",
        ),
        ("A return ticket will cost 30 marks instead of 48, a saving of 20 marks [f1].", "20"),
        # 48 -> 30 is 37.5% fewer, far from 45%
        ("A return ticket will cost 30 marks instead of 48, 45% less [f1].", "45%"),
        # 7,700 -> 5,120 is a third fewer, not a half
        (
            "The ferry carried 5,120 passengers in March, about a fifth fewer than the "
            "7,700 in March last year [f1].",
            "fifth",
        ),
        # the claim's figure is the smaller: "more than" is the wrong way
        (
            "The new timetable would save about 170 million marks a year, 70 million more "
            "than the ministry had forecast [f1].",
            "70 million",
        ),
        (
            "The new timetable would save about 170 million marks a year, 90 million less "
            "than the ministry had forecast [f1].",
            "90 million",
        ),
    ],
)
def test_wrong_arithmetic_still_fires(claim: str, figure: str) -> None:
    verdict, reasons = _tollen(claim)
    assert verdict == "unsupported"
    assert any(f'"{figure}"' in r for r in reasons), reasons


def test_a_ratio_holds_to_the_approximator_and_a_wrong_one_fires() -> None:
    cluster = Cluster(
        cluster_id="grants",
        articles=[
            Article(
                id="g1",
                title="Grants",
                text="Grants took 62% of the budget; a year earlier the council said 12%.",
            )
        ],
    )
    right = verify(cluster, "Grants took 62% of the budget, about five times the 12% [g1].")
    wrong = verify(cluster, "Grants took 62% of the budget, about three times the 12% [g1].")
    assert right.claims[0].verdict == "supported"
    assert wrong.claims[0].verdict == "unsupported"
    assert any('"three"' in c.detail for c in wrong.claims[0].checks if c.fired)


FERRIES = Cluster(
    cluster_id="ferries",
    articles=[
        Article(
            id="f1",
            title="Ferry ridership",
            text=(
                "Ridership on the Osby ferries rose from 410,000 in 2024 to 455,000 in 2025. "
                "The fare fell from 84 crowns last year to 71.50 crowns."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "ok"),
    [
        # an approximator between the word of change and its figure
        ("Ridership rose by about 11% in 2025, to 455,000 [f1].", True),
        ("The fare was cut to 71.50 crowns, down about 15% from 84 crowns [f1].", True),
        ("Ridership rose by about 20% in 2025, to 455,000 [f1].", False),
        ("The fare was cut to 71.50 crowns, down about 25% from 84 crowns [f1].", False),
    ],
)
def test_a_change_with_an_approximator_before_its_figure(claim: str, ok: bool) -> None:
    c = verify(FERRIES, claim).claims[0]
    assert (c.verdict == "supported") is ok, c.reasons


RATINGS = Cluster(
    cluster_id="ratings",
    articles=[
        Article(
            id="r1",
            title="Rating",
            text=(
                "Her live rating went from 2618 to 2655 before the final round. "
                "The club's share of wins rose from 12% to 15%."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "ok"),
    [
        # plain "points" are of whatever the named end is: a rating, or percentages
        ("Her live rating climbed by 37 points, to 2655 [r1].", True),
        ("The club's share of wins rose by 3 points, to 15% [r1].", True),
        ("Her live rating climbed by 40 points, to 2655 [r1].", False),
    ],
)
def test_points_are_of_what_the_change_ends_at(claim: str, ok: bool) -> None:
    c = verify(RATINGS, claim).claims[0]
    assert (c.verdict == "supported") is ok, c.reasons


LEVY = Cluster(
    cluster_id="levy",
    articles=[
        Article(
            id="l1",
            title="Levy",
            text=(
                "The Orsk regulator fined the ferry operator Bluewake 30 million crowns on "
                "Monday for overcharging passengers. "
                "Ferries in the Orsk region were late on 19 days in March, against 12 days "
                "across the rest of the country. "
                "Its previous record was an 18 million crown penalty on a bus company in 2023."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # both figures in the claim: 19 and 12 days
        (
            "Ferries in the Orsk region were late on 19 days in March, 7 days longer than "
            "the 12 days across the rest of the country [l1].",
            "supported",
        ),
        (
            "Ferries in the Orsk region were late on 19 days in March, 5 days longer than "
            "the 12 days across the rest of the country [l1].",
            "unsupported",
        ),
        # the other figure is the lead's: the 30 million fine
        (
            "The fine is 12 million crowns larger than the previous record, an 18 million "
            "crown penalty on a bus company in 2023 [l1].",
            "supported",
        ),
        # the lead's figure is the larger: "smaller than" is the wrong way round
        (
            "The fine is 12 million crowns smaller than the previous record, an 18 million "
            "crown penalty on a bus company in 2023 [l1].",
            "unsupported",
        ),
        (
            "The fine is 14 million crowns larger than the previous record, an 18 million "
            "crown penalty on a bus company in 2023 [l1].",
            "unsupported",
        ),
    ],
)
def test_a_comparative_before_than_is_a_difference(claim: str, verdict: str) -> None:
    c = verify(LEVY, claim).claims[0]
    assert c.verdict == verdict, c.reasons


BANK_DEPOT = Cluster(
    cluster_id="bank-depot",
    articles=[
        Article(
            id="d1",
            title="Depot",
            text=(
                "The Lessing central bank raised its main rate by a quarter of a percentage "
                "point to 4.5% on Wednesday. "
                "The fire alarm at the Crane Street depot went off at 11.48pm, but the first "
                "engines did not arrive until 12.09am, the fire service said."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        (
            "The Lessing central bank raised its main rate by 0.25 percentage points to 4.5% [d1].",
            "supported",
        ),
        (
            "The Lessing central bank raised its main rate by 0.5 percentage points to 4.5% [d1].",
            "unsupported",
        ),
        # 11.48pm to 12.09am: 21 minutes, past midnight
        (
            "The depot alarm went off at 11.48pm, but engines took 21 minutes to arrive [d1].",
            "supported",
        ),
        (
            "The depot alarm went off at 11.48pm, but engines took about 20 minutes "
            "to arrive [d1].",
            "supported",
        ),
        (
            "The depot alarm went off at 11.48pm, but engines took 31 minutes to arrive [d1].",
            "unsupported",
        ),
    ],
)
def test_points_in_words_and_the_time_between_two_times_of_day(claim: str, verdict: str) -> None:
    c = verify(BANK_DEPOT, claim).claims[0]
    assert c.verdict == verdict, c.reasons


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Velo shared the data over about two and a half years [v1].", "supported"),
        ("Velo shared the data over 29 months [v1].", "supported"),
        ("Velo shared the data over about four and a half years [v1].", "unsupported"),
        ("Velo shared the data over 12 months [v1].", "unsupported"),
    ],
)
def test_a_length_is_the_time_between_two_months_of_a_sentence(claim: str, verdict: str) -> None:
    velo = Cluster(
        cluster_id="velo",
        articles=[
            Article(
                id="v1",
                title="Velo",
                text="The cycling app Velo shared the data between March 2023 and August 2025.",
            )
        ],
    )
    c = verify(velo, claim).claims[0]
    assert c.verdict == verdict, c.reasons


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("That would take the average fare from 212 crowns to about 230 crowns [w1].", "supported"),
        (
            "That would take the average fare from 212 crowns to about 250 crowns [w1].",
            "unsupported",
        ),
        (
            "That would take the average fare from 212 crowns to about 194 crowns [w1].",
            "unsupported",
        ),
    ],
)
def test_the_end_of_a_change_the_window_gives_as_the_change(claim: str, verdict: str) -> None:
    fares = Cluster(
        cluster_id="fares",
        articles=[
            Article(
                id="w1",
                title="Fares",
                text=(
                    "The operator of the Wessel line said the plan would add about 18 crowns "
                    "to the average fare of 212 crowns."
                ),
            )
        ],
    )
    c = verify(fares, claim).claims[0]
    assert c.verdict == verdict, c.reasons


RESERVOIR = Cluster(
    cluster_id="reservoir",
    articles=[
        Article(
            id="r1",
            title="Reservoir low",
            text=(
                "The Tarnwell reservoir held a record 41,300 megalitres on Sunday after weeks "
                "of rain. Farmers were told to expect cuts later in the year."
            ),
        ),
        Article(
            id="r2",
            title="Reservoir falls",
            text=(
                "Water engineer Mira Holt said on Friday the reservoir held 40,900 megalitres, "
                "slightly below Sunday's record. Of 620 farms in the valley, 480 have signed "
                "up to the new metering scheme, and the rest will be visited in May."
            ),
        ),
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # the figure it is compared with is named ("Sunday's record"), in another article
        (
            "Holt said the reservoir held 40,900 megalitres, about 400 megalitres below "
            "Sunday's record [r2][r1].",
            "supported",
        ),
        (
            "Holt said the reservoir held 40,900 megalitres, about 900 megalitres below "
            "Sunday's record [r2][r1].",
            "unsupported",
        ),
        # "the remaining 140": the total less the part
        (
            "Of the 620 farms, 480 have signed up to the metering scheme and the remaining "
            "140 will be visited in May [r2].",
            "supported",
        ),
        (
            "Of the 620 farms, 480 have signed up to the metering scheme and the remaining "
            "160 will be visited in May [r2].",
            "unsupported",
        ),
    ],
)
def test_a_difference_with_what_the_claim_names_or_the_remaining_part(
    claim: str, verdict: str
) -> None:
    assert verify(RESERVOIR, claim).claims[0].verdict == verdict


def test_a_first_estimate_is_the_earlier_one() -> None:
    cluster = Cluster(
        cluster_id="bridge",
        articles=[
            Article(
                id="b1",
                title="Bridge repair",
                text=(
                    "The council said the Orrin bridge repair bill had risen to 5,400 euros, up "
                    "from its earlier estimate of 4,900 euros, after divers found more rust."
                ),
            )
        ],
    )
    claim = "The bridge repair bill of 5,400 euros is 500 euros higher than the council's {} [b1]."
    assert verify(cluster, claim.format("first estimate")).claims[0].verdict == "supported"
    # the first of something else is no restatement of the earlier estimate
    assert verify(cluster, claim.format("first offer")).claims[0].verdict == "unsupported"


@pytest.mark.parametrize(
    ("length", "verdict"),
    [("14 days", "supported"), ("two weeks", "supported"), ("nine days", "unsupported")],
)
def test_days_before_is_the_time_between_the_claims_two_dates(length: str, verdict: str) -> None:
    cluster = Cluster(
        cluster_id="dam",
        articles=[
            Article(
                id="d1",
                title="Dam warning",
                text=(
                    "An inspector's report, seen by the Valley Post, shows that cracks in the "
                    "Orrin dam were noted on March 3. The reservoir was drained on March 17."
                ),
            )
        ],
    )
    claim = (
        f"An inspector's report shows cracks in the Orrin dam were noted on March 3, {length} "
        "before the reservoir was drained on March 17 [d1]."
    )
    assert verify(cluster, claim).claims[0].verdict == verdict


# a fictional cluster for figures derived from figures of other sentences and articles
MARLOW = Cluster(
    cluster_id="marlow",
    articles=[
        Article(
            id="m1",
            title="Marlow water alert",
            text=(
                "Marlow Water told 40,000 homes to boil their water on Friday. "
                "Eleven people have sought treatment at Marlow General Hospital since Friday, "
                "the hospital said. "
                "The regulator can fine a water company up to 8% of its annual turnover. "
                "Marlow Water reported turnover of £250 million last year. "
                "The temperature at the works was minus 6 degrees on the night of the fault."
            ),
        ),
        Article(
            id="m2",
            title="Marlow notice stays",
            text=(
                "The health director said on Monday that 19 people had been treated since "
                "Friday. "
                "Engineers said the reservoir temperature had fallen to minus 15 degrees. "
                "According to the water index, bills have risen by about 12% since March, "
                "less than the 17% cited by the company. "
                "The leak affected about 130 hectares of the 5,200-hectare catchment."
            ),
        ),
    ],
)


def _marlow(claim: str) -> tuple[str, list[str]]:
    c = verify(MARLOW, claim).claims[0]
    return c.verdict, [x.detail for x in c.checks if x.fired]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a difference whose other figure is in another cited article, of the same unit
        (
            "By Monday the number treated had risen to 19, an increase of eight [m1][m2].",
            "supported",
        ),
        (
            "By Monday the number treated had risen to 19, an increase of six [m1][m2].",
            "unsupported",
        ),
        # the claim's figure is the later: "an increase" from a larger figure is wrong
        (
            "By Monday the number treated had fallen to 11, an increase of eight [m1][m2].",
            "unsupported",
        ),
        # two figures of the claim's unit, one in each article
        (
            "The reservoir is nine degrees colder than on the night of the fault [m1][m2].",
            "supported",
        ),
        (
            "The reservoir is 21 degrees colder than on the night of the fault [m1][m2].",
            "unsupported",
        ),
        (
            "The reservoir is five degrees colder than on the night of the fault [m1][m2].",
            "unsupported",
        ),
        # percentage points are the gap of two percentages
        (
            "Bills have risen by about 12% since March, five percentage points less than the "
            "company's figure [m2].",
            "supported",
        ),
        (
            "Bills have risen by about 12% since March, three percentage points less than the "
            "company's figure [m2].",
            "unsupported",
        ),
    ],
)
def test_a_difference_with_its_other_figure_in_the_cited_articles(claim: str, verdict: str) -> None:
    assert _marlow(claim)[0] == verdict, _marlow(claim)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # the figure a share of a held figure comes to
        (
            "The regulator can fine the company up to 8% of its £250 million turnover, or "
            "about £20 million [m1].",
            "supported",
        ),
        (
            "The regulator can fine the company up to 8% of its £250 million turnover, or "
            "about £25 million [m1].",
            "unsupported",
        ),
        # a share made up with a result made up to agree with it: neither is held
        (
            "The regulator can fine the company up to 10% of its £250 million turnover, or "
            "about £25 million [m1].",
            "unsupported",
        ),
        # a percentage of the figure written after it, of two held figures
        (
            "The leak affected about 130 hectares, under 3% of the 5,200-hectare catchment [m2].",
            "supported",
        ),
        (
            "The leak affected about 130 hectares, under 1% of the 5,200-hectare catchment [m2].",
            "unsupported",
        ),
    ],
)
def test_a_share_computed_from_the_claims_own_held_figures(claim: str, verdict: str) -> None:
    assert _marlow(claim)[0] == verdict, _marlow(claim)


QUAYS = Cluster(
    cluster_id="quays",
    articles=[
        Article(
            id="q1",
            title="Quay closures",
            text=(
                "At least 30 shops in the northern and western quays closed on Friday. "
                "The harbour board said the fees on the Baltic, Atlantic and coastal routes "
                "would rise in May."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a count of the one-word items listed next to what it counts, before or after it
        ("At least 30 shops in the two quays closed on Friday [q1].", "supported"),
        ("At least 30 shops in the three quays closed on Friday [q1].", "unsupported"),
        ("The harbour board said the three fees would rise in May [q1].", "supported"),
        ("The harbour board said the two fees would rise in May [q1].", "unsupported"),
        # the list must be next to the word counted, not anywhere in the sentence
        ("At least 30 shops in the two harbours closed on Friday [q1].", "unsupported"),
    ],
)
def test_a_count_of_the_items_listed_beside_what_it_counts(claim: str, verdict: str) -> None:
    c = verify(QUAYS, claim).claims[0]
    assert c.verdict == verdict, [x.detail for x in c.checks if x.fired]


# a fictional cluster for figures one step of arithmetic away: a total, a remainder, a gap
ORLA = Cluster(
    cluster_id="orla",
    articles=[
        Article(
            id="f1",
            title="Ferry fire",
            text=(
                "The Orla ferry to Skerrin, carrying 113 passengers and nine crew, turned back "
                "to Balmore after a fire in the engine room on Friday. "
                "The harbour trust said repairs to the slipway would cost £6 million, up from "
                "£4 million in the first survey. "
                "Nobody was hurt, the operator said. "
                "Islanders have asked for a second vessel on the route. "
                "The island council said it would pay £2.5 million towards the slipway, with "
                "the trust meeting the rest. "
                "The operator needs 40 of its 55 crew back at work to run a full timetable."
            ),
        ),
        Article(
            id="f2",
            title="Ferry crews return",
            text=(
                "By Monday, 26 crew had returned to work, the operator said. "
                "The operator employs 12 engineers on the route. "
                "The trust's engineer told the inquiry the slipway would cost about £4.2 "
                "million to rebuild."
            ),
        ),
    ],
)


def _orla(claim: str) -> tuple[str, list[str]]:
    c = verify(ORLA, claim).claims[0]
    return c.verdict, [x.detail for x in c.checks if x.fired]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a total of a list of one kind, with a total noun or cue beside the figure
        (
            "The Orla ferry turned back to Balmore after a fire on Friday with 122 people on "
            "board [f1].",
            "supported",
        ),
        (
            "The Orla ferry turned back to Balmore after a fire on Friday with 124 people on "
            "board [f1].",
            "unsupported",
        ),
        (
            "The Orla ferry, carrying a total of 122 passengers and crew, turned back to "
            "Balmore [f1].",
            "supported",
        ),
        # no cue: a figure nobody wrote is no total
        (
            "The Orla ferry, carrying 122 passengers, turned back to Balmore after a fire [f1].",
            "unsupported",
        ),
        # a remainder, a whole less a part, the part in another sentence about it
        ("That leaves the harbour trust to find about £3.5 million [f1].", "supported"),
        ("That leaves the harbour trust to find about £4.5 million [f1].", "unsupported"),
        # a change is no whole and its part: £6 million up from £4 million is no remainder
        ("That leaves the harbour trust to find about £2 million [f1].", "unsupported"),
        # the gap of two counts of one noun, the other in another cited article
        (
            "The operator still needs 14 more crew back at work to run a full timetable [f1][f2].",
            "supported",
        ),
        (
            "The operator still needs 16 more crew back at work to run a full timetable [f1][f2].",
            "unsupported",
        ),
        # operands of another kind: 26 crew less 12 engineers counts nothing
        (
            "The operator still needs 14 more engineers back at work to run a full timetable "
            "[f1][f2].",
            "unsupported",
        ),
    ],
)
def test_a_total_a_remainder_and_a_gap_of_two_counts(claim: str, verdict: str) -> None:
    assert _orla(claim)[0] == verdict, _orla(claim)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # "more than" a figure the claim writes after "than": the other is the larger
        (
            "Repairs to the slipway would cost £1.8 million more than the £4.2 million the "
            "trust's engineer told the inquiry [f1][f2].",
            "supported",
        ),
        (
            "Repairs to the slipway would cost £1.8 million less than the £4.2 million the "
            "trust's engineer told the inquiry [f1][f2].",
            "unsupported",
        ),
    ],
)
def test_a_difference_with_the_figure_compared_with_after_than(claim: str, verdict: str) -> None:
    assert _orla(claim)[0] == verdict, _orla(claim)


SHAFT = Cluster(
    cluster_id="shaft",
    articles=[
        Article(
            id="k1",
            title="Miners rescued",
            text=(
                "The seven miners were lifted one by one in a steel capsule through a narrow "
                "shaft. Rescuers had worked through the night. "
                "The first man reached the surface at 5.15am and the last at 9.40am, the "
                "company said. The shift had started at 6.30am on Friday. "
                "Doctors took two of the miners to hospital with minor injuries."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # two times joined in the claim, written together in one sentence of the article
        (
            "The seven miners were lifted one by one between 5.15am and 9.40am, and doctors "
            "took two of them to hospital [k1].",
            "supported",
        ),
        # the times of two sentences, or the wrong way round, are not placed together
        (
            "The seven miners were lifted one by one between 6.30am and 9.40am, and doctors "
            "took two of them to hospital [k1].",
            "unsupported",
        ),
        (
            "The seven miners were lifted one by one between 9.40am and 5.15am, and doctors "
            "took two of them to hospital [k1].",
            "unsupported",
        ),
    ],
)
def test_two_times_joined_are_placed_where_one_sentence_writes_both(
    claim: str, verdict: str
) -> None:
    c = verify(SHAFT, claim).claims[0]
    assert c.verdict == verdict, [x.detail for x in c.checks if x.fired]


SAMPLES = Cluster(
    cluster_id="samples",
    articles=[
        Article(
            id="s1",
            title="Testing figures",
            text=(
                "The integrity agency collected 8,840 samples from riders last year, up 4% on "
                "2024, but only a third were taken out of competition. "
                "Its budget was 11 million euros."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a change in percent undone, to the earlier time the claim names: 8,840 / 1.04
        (
            "That implies the agency collected roughly 8,500 samples from riders in 2024 [s1].",
            "supported",
        ),
        (
            "That implies the agency collected roughly 7,500 samples from riders in 2024 [s1].",
            "unsupported",
        ),
        # another time than the change's earlier one, or no approximator: not the figure undone
        (
            "That implies the agency collected roughly 8,500 samples from riders in 2023 [s1].",
            "unsupported",
        ),
        (
            "That implies the agency collected 8,500 samples from riders in 2024 [s1].",
            "unsupported",
        ),
    ],
)
def test_a_change_in_percent_undone_to_the_earlier_time(claim: str, verdict: str) -> None:
    c = verify(SAMPLES, claim).claims[0]
    assert c.verdict == verdict, [x.detail for x in c.checks if x.fired]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Completion of the quay has slipped by three months to August 2027 [q1].", "supported"),
        ("Completion of the quay has slipped by four months to August 2027 [q1].", "unsupported"),
        ("Completion of the quay has slipped by five months to August 2027 [q1].", "unsupported"),
        ("The ferry timetable was pushed back by three months [q1].", "supported"),
        ("The ferry timetable was pushed back by two months [q1].", "unsupported"),
    ],
)
def test_a_length_between_a_month_and_one_of_a_later_year(claim: str, verdict: str) -> None:
    # "from May to August 2027": May takes August's year; "from November to February 2027"
    # starts in the year before
    quay = Cluster(
        cluster_id="quay",
        articles=[
            Article(
                id="q1",
                title="Quay",
                text=(
                    "The harbour board said the new survey would move completion of the quay "
                    "from May to August 2027. The ferry timetable was pushed back from "
                    "November to February 2027."
                ),
            )
        ],
    )
    c = verify(quay, claim).claims[0]
    assert c.verdict == verdict, c.reasons


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Ferri has studied the slope for ten years [g1].", "supported"),
        ("Ferri has studied the slope for 10 years [g1].", "supported"),
        ("Ferri has studied the slope for eight years [g1].", "unsupported"),
        ("Ferri has studied the slope for 12 years [g1].", "unsupported"),
        ("The survey team will report within two weeks [g1].", "supported"),
        ("The survey team will report within three weeks [g1].", "unsupported"),
        # "nearly a decade" is no ten years
        ("Sensors have watched the road for ten years [g1].", "unsupported"),
    ],
)
def test_a_length_that_is_one_unit_in_words(claim: str, verdict: str) -> None:
    slope = Cluster(
        cluster_id="slope",
        articles=[
            Article(
                id="g1",
                title="Slope",
                text=(
                    "Paolo Ferri, a geologist who has studied the slope for a decade, said "
                    "it moved on Monday. The survey team will report within a fortnight. "
                    "Sensors have watched the road for nearly a decade."
                ),
            )
        ],
    )
    c = verify(slope, claim).claims[0]
    assert c.verdict == verdict, c.reasons


@pytest.mark.parametrize(
    ("claim", "fired"),
    [
        (
            "Lister said 23 of the school's students were affected, four of whom did not "
            "receive higher grades [w1].",
            [],
        ),
        (
            "Lister said 23 of the school's students were affected, five of whom did not "
            "receive higher grades [w1].",
            ['number "five" not found in [w1]'],
        ),
        # the part that did is the sentence's own figure; "four of whom did" is not it
        (
            "Lister said 23 of the school's students were affected, four of whom "
            "received higher grades [w1].",
            ['number "four" not found in [w1]'],
        ),
    ],
)
def test_the_rest_of_a_whole_the_claim_denies(claim: str, fired: list[str]) -> None:
    school = Cluster(
        cluster_id="school",
        articles=[
            Article(
                id="w1",
                title="Grades",
                text=(
                    "Graham Lister said 23 of the school's students had been affected, 19 of "
                    "whom received higher grades."
                ),
            )
        ],
    )
    c = verify(school, claim).claims[0]
    assert [x.detail for x in c.checks if x.fired and x.name == "figures"] == fired


def test_remainder_word_pre_test_never_hides_a_clause_cue() -> None:
    """The cheap search for a remainder word before a figure must find one wherever the
    clause reading would: it only spares the clause split when the answer is no anyway."""
    texts = [
        "That leaves the agency to find about £9 million from its own budget.",
        "The council, which has spent £12 million, still needs 18 more owners to sign.",
        "A shortfall of roughly £4 million remains, and the rest of 290 homes wait.",
        "Of the 300 staff, the remaining 120 will move, leaving 40 posts unfilled in 2027.",
        "Prices rose 14% to $3.2 billion on March 5, 2024, according to Jane Doe.",
        "Left-wing groups said 45 people, the balance of the crew, were rescued.",
    ]
    for text in texts:
        for at in range(len(text) + 1):
            by_clause = approx._REMAINDER_BEFORE.search(approx._clause_before(text, at))
            if by_clause is not None:
                assert approx._REMAINDER_WORD.search(text, 0, at) is not None, (text, at)
