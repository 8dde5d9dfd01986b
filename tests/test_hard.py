"""The hard checks on paraphrase: what a good rewording must not trip, what a bad one must."""

from __future__ import annotations

import pytest

from llmbrief import Article, Cluster, verify
from llmbrief.verifier import checks

FERRY = Cluster(
    cluster_id="ferry",
    articles=[
        Article(
            id="f1",
            title="Ferry",
            text=(
                "The harbour board said on Friday it had closed the Ostby ticket hall while "
                "engineers inspect it. Construction of the Ostby ferry terminal began in May "
                "2022 and cost an estimated 80 million euros. Foot passengers will travel "
                "free, under a scheme the harbour board approved. Ferries to Lind run hourly. "
                "Crews spent three days tackling a blaze at the ticket hall, which broke out "
                "on Monday evening."
            ),
        )
    ],
)


def _fired(claim: str) -> list[str]:
    c = verify(FERRY, claim).claims[0]
    return [x.name for x in c.checks if x.fired]


def test_a_lone_opening_word_is_a_word_not_a_name() -> None:
    # "Work" is nowhere in the article, but nothing marks it as a name
    c = verify(FERRY, "Work on the Ostby ferry terminal began in May 2022 [f1].").claims[0]
    assert "names" not in [x.name for x in c.checks if x.fired], c.reasons
    # a capitalised run at the start still names someone the article must name
    c = verify(FERRY, "Nordvik Marine began work on the Ostby ferry terminal [f1].").claims[0]
    assert any('name "Nordvik"' in r for r in c.reasons), c.reasons


@pytest.mark.parametrize(
    ("text", "lone"),
    [
        ("Work on the bridge started in March.", True),
        ("Demand for the new ferries rose.", True),
        ("Huawei announced a plan.", False),
        ("Pfizer on Tuesday said it would appeal.", False),
        ("Bank of England officials met.", False),
        ("Tesla Motors reported a loss.", False),
        ("Boeing 747 flights resumed.", False),
        ("A380 of the fleet was grounded.", False),
        ("Smith's lawyer said the case was closed.", False),
        ("BBC reporters left.", False),
    ],
)
def test_lone_opener(text: str, lone: bool) -> None:
    assert checks.lone_opener(text) is lone


def test_without_denies_only_what_the_evidence_writes() -> None:
    # "travel without paying" is the article's "travel free", said in other words
    assert "negation" not in _fired("Foot passengers will be able to travel without paying [f1].")
    # a denial of what the evidence states is still one
    assert "negation" in _fired("Foot passengers will not travel free [f1].")


def test_a_figure_in_a_subordinate_clause_is_said_of_its_host() -> None:
    # "where a blaze burned for three days" hangs on "the Ostby ticket hall": the article
    # gives the three days to the blaze at the hall, outside the evidence window
    claim = (
        "The harbour board has closed the Ostby ticket hall, where a fire burned for three "
        "days, while engineers inspect it [f1]."
    )
    assert "figure_context" not in _fired(claim)
    # a figure said of something the article gives another figure stays caught
    claim = "The Ostby ferry terminal cost an estimated three million euros [f1]."
    assert verify(FERRY, claim).claims[0].verdict == "unsupported"


def test_a_denial_of_one_word_is_read_against_its_sentence() -> None:
    club = Cluster(
        cluster_id="club",
        articles=[
            Article(
                id="c1",
                title="Club",
                text=(
                    "The coach spoke to Ada Lind and Mia Berg on Thursday, but neither will be "
                    "disciplined, the club said."
                ),
            )
        ],
    )
    # one content word: the negated sentence that carries it is the evidence's denial
    assert verify(club, "But neither will be disciplined [c1].").claims[0].verdict == "supported"


TRIAL = Cluster(
    cluster_id="trial",
    articles=[
        Article(
            id="t1",
            title="Trial",
            text=(
                "Velora, the Danish maker of hearing aids, said it would ask Nordic regulators "
                "for approval next year. Its rival Aska Medical is seeking a licence in Norway. "
                "The trial plan would have cost 9 million crowns."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "check"),
    [
        # an announced "would ask ... for approval" is no approval
        ("Velora's hearing aid has been approved by Nordic regulators [t1].", "hedges"),
        # what is sought is not had
        ("Aska Medical has a licence in Norway [t1].", "hedges"),
        # one maker, one nationality
        ("Velora, the Swedish maker of hearing aids, will ask for approval [t1].", "opposites"),
    ],
)
def test_a_plan_or_a_nationality_changed_is_caught(claim: str, check: str) -> None:
    c = verify(TRIAL, claim).claims[0]
    assert check in [x.name for x in c.checks if x.fired], c.reasons


@pytest.mark.parametrize(
    "claim",
    [
        "Velora said it would ask Nordic regulators for approval next year [t1].",
        "The trial plan would have cost 9 million crowns [t1].",
        "Velora, the Danish maker of hearing aids, plans to seek approval [t1].",
    ],
)
def test_a_plan_restated_as_a_plan_passes(claim: str) -> None:
    c = verify(TRIAL, claim).claims[0]
    assert c.verdict == "supported", c.reasons


QUAY = Cluster(
    cluster_id="quay",
    articles=[
        Article(
            id="q1",
            title="Quay",
            text=(
                "Parking at the Orsund quay will cost 3 crowns for bicycles and 9 crowns for "
                "vans. Divers found rust on two of its 12 mooring posts."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Parking at the Orsund quay will cost 9 crowns for vans [q1].", "supported"),
        ("Parking at the Orsund quay will cost 9 crowns for bicycles [q1].", "unsupported"),
        ("Divers found rust on two of the quay's 12 mooring posts [q1].", "supported"),
        ("Divers found rust on 12 of the quay's mooring posts [q1].", "unsupported"),
    ],
)
def test_a_figure_is_bound_to_what_it_is_said_for(claim: str, verdict: str) -> None:
    c = verify(QUAY, claim).claims[0]
    assert c.verdict == verdict, c.reasons
    if verdict == "unsupported":
        assert [x.name for x in c.checks if x.fired] == ["figure_context"], c.reasons


def test_bound_figures() -> None:
    got = [(b.quantity.value, b.noun, b.how) for b in checks.bound_figures(QUAY.articles[0].text)]
    assert got == [(3.0, "bicycl", ""), (9.0, "van", ""), (2.0, "", "part"), (12.0, "", "whole")]


LAKE = Cluster(
    cluster_id="lake",
    articles=[
        Article(
            id="l1",
            title="Lake",
            text=(
                "Lake Orrin covers about 212 square kilometres. In 2019 the water board banned "
                "motorboats on the lake. The new jetty is expected to open next summer, the board "
                "said."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    "claim",
    [
        "Lake Orrin covers roughly 212 km² [l1].",
        # "not allowed" says what "banned" says
        "Motorboats have not been allowed on the lake since 2019 [l1].",
        # a claim as unsure as its source
        "The board expects the new jetty to open next summer [l1].",
    ],
)
def test_paraphrase_of_a_unit_a_ban_or_an_expectation_passes(claim: str) -> None:
    c = verify(LAKE, claim).claims[0]
    assert c.verdict == "supported", c.reasons


def test_a_negation_word_opening_a_claim_is_no_name() -> None:
    c = verify(LAKE, "Nobody may use motorboats on the lake since 2019 [l1].").claims[0]
    assert not any("Nobody" in r for r in c.reasons), c.reasons
    # "allowed" against "banned" without the negation is still a swap
    c = verify(LAKE, "In 2019 the water board allowed motorboats on the lake [l1].").claims[0]
    assert "opposites" in [x.name for x in c.checks if x.fired], c.reasons


STRIKE = Cluster(
    cluster_id="strike",
    articles=[
        Article(
            id="s1",
            title="Strike",
            text=(
                "About 900 tram drivers in Orsund walked out on Monday in a strike due to last "
                "48 hours. Transport minister Lena Falk said the city could not afford more "
                "than 4%. The World Transit Union backed the drivers."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    "claim",
    [
        "Orsund tram drivers began a two-day strike on Monday [s1].",
        "Lena Falk said the city cannot afford more than 4% [s1].",
        "The WTU's members backed the Orsund tram drivers [s1].",
    ],
)
def test_a_duration_a_past_cannot_and_a_possessive_acronym_pass(claim: str) -> None:
    c = verify(STRIKE, claim).claims[0]
    assert c.verdict == "supported", c.reasons


def test_durations_match_across_units_of_one_scale() -> None:
    two_days, hours, weeks = (checks.quantities(t)[0] for t in ("two days", "48 hours", "2 weeks"))
    assert two_days.matches(hours) and hours.matches(two_days)
    assert not two_days.matches(weeks)
    assert [(q.value, q.unit) for q in checks.equivalents(two_days)] == [(48.0, "hour")]
    c = verify(STRIKE, "Orsund tram drivers began a three-day strike on Monday [s1].").claims[0]
    assert c.verdict == "unsupported"


def test_an_acronym_covers_the_name_it_stands_for() -> None:
    fund = Cluster(
        cluster_id="fund",
        articles=[
            Article(
                id="f1",
                title="Fund",
                text=(
                    "The Northern Development Bank said on Tuesday it expects Orsund's "
                    "economy to grow 2.4% in 2026, up from 1.9% this year."
                ),
            )
        ],
    )
    claim = "The NDB forecasts 2.4% growth for Orsund in 2026 [f1]."
    c = verify(fund, claim).claims[0]
    assert c.verdict == "supported", c.reasons
    # an acronym the article does not spell out is still missing
    claim = "The NRB forecasts 2.4% growth for Orsund in 2026 [f1]."
    assert verify(fund, claim).claims[0].verdict == "unsupported"


FIRE = Cluster(
    cluster_id="fire",
    articles=[
        Article(
            id="w1",
            title="Warehouse fire",
            text=(
                "A fire at a paint warehouse in Lisk forced 300 residents from their homes on "
                "Friday. No injuries were reported. The owner, Marvik, said it did not yet know "
                "what caused the fire."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    "claim",
    [
        "No one was injured in the Lisk warehouse fire [w1].",
        "The cause of the Lisk warehouse fire is still unknown, Marvik said [w1].",
    ],
)
def test_a_denial_said_in_other_words_agrees(claim: str) -> None:
    c = verify(FIRE, claim).claims[0]
    assert c.verdict == "supported", c.reasons


def test_a_denial_of_what_the_evidence_states_is_still_caught() -> None:
    c = verify(FIRE, "The fire did not force residents from their homes [w1].").claims[0]
    assert "negation" in [x.name for x in c.checks if x.fired], c.reasons


def test_should_in_a_claim_is_as_unsure_as_a_plan() -> None:
    cuts = Cluster(
        cluster_id="cuts",
        articles=[
            Article(
                id="k1",
                title="Cuts",
                text=(
                    "The cuts will mostly fall on back-office roles, chief executive Ines Varga "
                    "said. Varga said the bank expected costs to fall by 40 million euros a year."
                ),
            )
        ],
    )
    claim = "Ines Varga said costs should fall by 40 million euros a year [k1]."
    assert verify(cuts, claim).claims[0].verdict == "supported"


def test_a_denial_verb_against_its_opposite_is_a_negation() -> None:
    c = verify(LAKE, "In 2019 the water board rejected motorboats on the lake [l1].").claims[0]
    assert c.verdict == "unsupported", c.reasons
    council = Cluster(
        cluster_id="council",
        articles=[Article(id="v1", title="Vote", text="The council approved the toll plan.")],
    )
    c = verify(council, "The council rejected the toll plan [v1].").claims[0]
    assert "negation" in [x.name for x in c.checks if x.fired], c.reasons


ORCHARD = Cluster(
    cluster_id="orchard",
    articles=[
        Article(
            id="o1",
            title="Orchard trial",
            text=(
                "Growers at the Hallin orchard found that a new pear strain survived the "
                "spring frost. The growers plan to test whether the frost tolerance is passed "
                "on to seedlings, work that could take four years."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # "test whether X" asks X: no support for X stated as found
        ("The growers showed that frost tolerance is passed on to seedlings [o1].", "unsupported"),
        # the question restated as a question, and a cue that follows another cue's verb
        ("The growers will test whether frost tolerance passes to seedlings [o1].", "supported"),
        ("A new pear strain survived the spring frost at the Hallin orchard [o1].", "supported"),
    ],
)
def test_an_open_question_is_no_finding(claim: str, verdict: str) -> None:
    c = verify(ORCHARD, claim).claims[0]
    assert c.verdict == verdict, c.reasons


_BRIDGE = Cluster(
    cluster_id="bridge",
    articles=[
        Article(
            id="b1",
            title="Bridge",
            text=(
                "Engineers found cracks in the Tessel bridge on Tuesday. The council said the "
                "bridge would reopen no earlier than June 3. Buses will run a detour."
            ),
        )
    ],
)


def test_no_earlier_than_says_when_like_not_until() -> None:
    # "would reopen no earlier than June 3": the bridge stays shut until at least then
    c = verify(_BRIDGE, "The Tessel bridge will reopen no earlier than June 3 [b1].").claims[0]
    assert c.verdict == "supported", c.reasons
    c = verify(_BRIDGE, "The council said the bridge would stay shut until at least June 3 [b1].")
    assert "negation" not in [x.name for x in c.claims[0].checks if x.fired], c.claims[0].reasons


_PORTS = Cluster(
    cluster_id="ports",
    articles=[
        Article(
            id="p1",
            title="Ports",
            text=(
                "The port authority said on Monday that no harbour on the coast was shut by "
                "the storm except Orvik. Dalmar Shipping said the repair bill would be paid by "
                "its insurers and would not be passed on to tenants."
            ),
        )
    ],
)


def _negation_fired(cluster: Cluster, claim: str) -> bool:
    c = verify(cluster, claim).claims[0]
    return "negation" in [x.name for x in c.checks if x.fired]


def test_no_x_except_y_says_y_alone() -> None:
    claim = "On Monday Orvik was the only harbour on the coast shut by the storm [p1]."
    assert not _negation_fired(_PORTS, claim)
    # a claim of no "only" still reads the negation
    assert _negation_fired(
        _PORTS, "On Monday every harbour on the coast was shut by the storm [p1]."
    )


def test_a_claim_contrast_denies_what_the_evidence_denies() -> None:
    claim = "Dalmar Shipping said its insurers rather than tenants would pay the repair bill [p1]."
    assert not _negation_fired(_PORTS, claim)
    assert _negation_fired(
        _PORTS, "Dalmar Shipping said the repair bill would be passed on to tenants [p1]."
    )


_TRAINS = Cluster(
    cluster_id="trains",
    articles=[
        Article(
            id="t1",
            title="Trains",
            text=(
                "Kelso Rail cancelled every service on Saturday and said ticket holders could "
                "travel free on Sunday instead."
            ),
        )
    ],
)


def test_an_offer_restates_what_could_permits() -> None:
    c = verify(
        _TRAINS,
        "Kelso Rail cancelled every service on Saturday and offered free travel on Sunday [t1].",
    )
    assert "hedges" not in [x.name for x in c.claims[0].checks if x.fired], c.claims[0].reasons
    c = verify(_TRAINS, "Kelso Rail said ticket holders travelled free on Sunday [t1].")
    assert "hedges" in [x.name for x in c.claims[0].checks if x.fired], c.claims[0].reasons


TOLLS = Cluster(
    cluster_id="tolls",
    articles=[
        Article(
            id="t1",
            title="Tolls",
            text=(
                "Road tolls in Varnby will rise by 8% from March, the transport office said on "
                "Tuesday. The office said the money would pay for new bus lanes. "
                "Opposition leader Ana Brek repeated her call to cut value added tax on fuel "
                "from 25% to 20%. "
                "The Varnby Link bridge will close for repairs on Tuesday morning. "
                "Drivers' groups said private motorists were already paying too much."
            ),
        )
    ],
)


def _tolls(claim: str) -> list[str]:
    c = verify(TOLLS, claim).claims[0]
    return [x.name for x in c.checks if x.fired]


def test_a_weekday_compound_is_a_date_not_a_name() -> None:
    fired = _tolls(
        "The Varnby Link bridge will close for repairs in a Tuesday-morning closure [t1]."
    )
    assert "name_context" not in fired and "names" not in fired, fired
    # a weekday the articles do not hold is still no name they hold
    fired = _tolls(
        "The Varnby Link bridge will close for repairs in a Friday-morning closure [t1]."
    )
    assert "names" in fired or "name_context" in fired, fired


def test_an_opening_word_the_articles_write_only_otherwise_is_not_placed() -> None:
    # "Privacy" opens the claim; the article writes only "private", in another sentence
    fired = _tolls("Privacy campaigners said the money would go to new bus lanes [t1].")
    assert "name_context" not in fired, fired


def test_an_acronym_spelled_out_in_lowercase_is_the_name() -> None:
    fired = _tolls("Ana Brek repeated her call to cut VAT on fuel from 25% to 20% [t1].")
    assert "names" not in fired and "name_context" not in fired, fired
    # an acronym the article spells nowhere is still not found
    fired = _tolls("Ana Brek repeated her call to cut GST on fuel from 25% to 20% [t1].")
    assert "names" in fired, fired


PASS_ROAD = Cluster(
    cluster_id="pass",
    articles=[
        Article(
            id="k1",
            title="Pass",
            text=(
                "Heavy rain closed the Karsk pass road on Monday, police said. "
                "Drivers were told to use the coast road instead. "
                "The council said repairs could take a week. "
                "All 40 who had been stranded at the hut were lifted out by helicopter, the "
                "rescue service said."
            ),
        )
    ],
)


def test_a_figure_is_placed_by_the_clause_its_clause_hangs_on() -> None:
    # "All 40 | who had been stranded ... by helicopter": the who-clause says what 40 are
    c = verify(
        PASS_ROAD,
        "Heavy rain closed the Karsk pass road on Monday, and 40 people were lifted out "
        "by helicopter [k1].",
    ).claims[0]
    assert "figure_context" not in [x.name for x in c.checks if x.fired], c.reasons


def test_a_part_of_the_day_written_as_a_possessive_is_a_date() -> None:
    rain = Cluster(
        cluster_id="rain",
        articles=[
            Article(
                id="r1",
                title="Rain",
                text="Inspectors are examining the embankment after Friday night's heavy rain.",
            )
        ],
    )
    c = verify(
        rain, "Inspectors are examining the embankment after heavy rain on Friday night [r1]."
    )
    assert "dates" not in [x.name for x in c.claims[0].checks if x.fired], c.claims[0].reasons
    assert checks.dates("after Friday night's heavy rain") == {"fri", "fri night"}


LAUNCH = Cluster(
    cluster_id="launch",
    articles=[
        Article(
            id="s1",
            title="Launch",
            text=(
                "Witnesses on the Brenna coast said the balloon rose steadily before its "
                "envelope appeared to tear, minutes before the crew radioed for help. "
                "The Orlo savings bank said it would cut its fixed deposit rates by 0.1 "
                "points. Analysts said house prices could rise if deposit rates keep falling."
            ),
        )
    ],
)


def _launch(claim: str) -> list[str]:
    c = verify(LAUNCH, claim).claims[0]
    return [x.detail for x in c.checks if x.fired and x.name == "opposites"]


def test_after_for_before_with_the_events_swapped_is_no_opposite() -> None:
    assert not _launch(
        "Witnesses said the balloon envelope appeared to tear after it rose steadily [s1]."
    )
    # the same order of events with the word swapped is
    assert _launch(
        "Witnesses said the balloon rose steadily after its envelope appeared to tear [s1]."
    )


def test_keep_before_a_verb_in_ing_is_no_opposite_of_cut() -> None:
    assert not _launch(
        "The Orlo savings bank will also trim some deposit rates by 0.1 points [s1]."
    )


def test_a_pace_of_another_change_is_no_opposite() -> None:
    rates = Cluster(
        cluster_id="rates",
        articles=[
            Article(
                id="p1",
                title="Prices",
                text=(
                    "The Vell central bank cut rates on Monday, saying inflation was falling "
                    "faster than it had expected. Consumer prices rose 2.1% in the year to "
                    "May, down from 2.6% in April."
                ),
            )
        ],
    )
    c = verify(rates, "Inflation slowed to 2.1% in May from 2.6% in April [p1].").claims[0]
    assert "opposites" not in [x.name for x in c.checks if x.fired], c.reasons
    # the pace of the same change, swapped, still is one
    c = verify(rates, "Inflation was falling more slowly than the bank had expected [p1].").claims[
        0
    ]
    assert "opposites" in [x.name for x in c.checks if x.fired], c.reasons


def test_a_year_the_window_calls_last_year_is_placed() -> None:
    mill = Cluster(
        cluster_id="mill",
        articles=[
            Article(
                id="m1",
                title="Mill",
                text=(
                    "The Tarrow paper mill was fined twice last year for polluting the river, "
                    "the environment agency said on Monday. "
                    "The mill employs 340 people. "
                    "The agency said the fines, imposed in March and November 2025, came "
                    "after residents complained."
                ),
            )
        ],
    )
    c = verify(mill, "The Tarrow paper mill was fined twice in 2025 for polluting the river [m1].")
    fired = [x.name for x in c.claims[0].checks if x.fired]
    assert "figure_context" not in fired, c.claims[0].reasons


def test_a_name_phrase_whose_acronym_is_near_is_placed() -> None:
    ban = Cluster(
        cluster_id="ban",
        articles=[
            Article(
                id="b1",
                title="Ban",
                text=(
                    "The NWC Board has banned its staff from using the Plink messaging app. "
                    "Staff were told in an email on Thursday. "
                    "Plink has been under scrutiny for months. "
                    "Across the Nordic Water Council and its agencies, officials have raised "
                    "concerns about the app."
                ),
            )
        ],
    )
    c = verify(ban, "The Nordic Water Council's Board has banned its staff from using Plink [b1].")
    fired = [x.name for x in c.claims[0].checks if x.fired]
    assert "name_context" not in fired, c.claims[0].reasons


def test_probably_in_a_claim_keeps_the_sources_likely() -> None:
    appeal = Cluster(
        cluster_id="appeal",
        articles=[
            Article(
                id="a1",
                title="Appeal",
                text="Lawyer Ines Varo said the appeal was likely to take about a year.",
            )
        ],
    )
    c = verify(appeal, "Lawyer Ines Varo said the appeal would probably take about a year [a1].")
    assert "hedges" not in [x.name for x in c.claims[0].checks if x.fired], c.claims[0].reasons
    c = verify(appeal, "Lawyer Ines Varo said the appeal will take about a year [a1].")
    assert "hedges" in [x.name for x in c.claims[0].checks if x.fired], c.claims[0].reasons


def test_a_relative_clause_after_a_long_clause_describes_its_last_noun() -> None:
    # "which supplies ... other ports" is said of Marlow Systems, not of the two people
    port = Cluster(
        cluster_id="port",
        articles=[
            Article(
                id="q1",
                title="Port",
                text=(
                    "The Vell port authority said on Monday that its cranes had stopped for "
                    "six hours. "
                    "Two people familiar with the matter named the supplier as Marlow Systems, "
                    "which supplies crane software to the authority and to other ports. "
                    "No other port using Marlow software reported problems."
                ),
            )
        ],
    )
    c = verify(port, "Two other ports that use Marlow software also reported problems [q1].")
    fired = [x.name for x in c.claims[0].checks if x.fired]
    assert "figure_context" in fired, c.claims[0].reasons


def test_a_window_led_by_he_is_placed_by_who_its_paragraph_names() -> None:
    text = (
        "The Orrin ferry will return to service after repairs, the port said on Monday. "
        "Engineers replaced both engines over the winter.\n\n"
        "Council leader Bo Strand criticised the higher fares. The council owns a third of "
        "the ferry company.\n\n"
        "Repairs cost 2.1 million euros and took five months. Harbour master Tomas Linde met "
        'the crews on Tuesday. He has run the harbour since 2019. "We are ready," he told '
        "reporters. He said the ferry would run every hour from June."
    )
    cluster = Cluster(
        cluster_id="ferry-hours",
        articles=[Article(id="fh-1", title="Ferry timetable", text=text)],
    )
    said = "{} said the ferry would run every hour from June [fh-1]."
    assert verify(cluster, said.format("Linde")).claims[0].verdict == "supported"
    # a name of another paragraph is not who "he" is
    assert verify(cluster, said.format("Strand")).claims[0].verdict == "unsupported"


def test_the_publisher_of_a_cited_article_is_a_name_it_gives() -> None:
    cluster = Cluster(
        cluster_id="harbour",
        articles=[
            Article(
                id="h1",
                title="Harbour fees",
                source="Tarn Harbour Gazette",
                text="Berthing fees at the Orrin marina will rise by 12% from May, the port said.",
            )
        ],
    )
    reported = (
        "The {} reported that berthing fees at the Orrin marina will rise by 12% from May [h1]."
    )
    assert verify(cluster, reported.format("Tarn Harbour Gazette")).claims[0].verdict == "supported"
    assert verify(cluster, reported.format("Valley Post")).claims[0].verdict == "unsupported"


def test_a_plan_in_one_cited_article_is_done_in_another() -> None:
    cluster = Cluster(
        cluster_id="bridge-closure",
        articles=[
            Article(
                id="bc-1",
                title="Bridge to close",
                text=(
                    "The council will close the Orrin bridge for repairs to its cracked piers "
                    "from Monday."
                ),
            ),
            Article(
                id="bc-2",
                title="Bridge closed",
                text=(
                    "The Orrin bridge was closed on Monday morning and traffic was sent through "
                    "Tennby, police said."
                ),
            ),
            Article(
                id="bc-3",
                title="Traffic",
                text="Traffic through Tennby was heavy on Monday morning, police said.",
            ),
        ],
    )
    closed = (
        "The council closed the Orrin bridge for repairs to its cracked piers on Monday, sending "
        "traffic through Tennby {}."
    )
    assert verify(cluster, closed.format("[bc-1][bc-2]")).claims[0].verdict == "supported"
    # beside an article of another matter the plan is still only a plan
    assert verify(cluster, closed.format("[bc-1][bc-3]")).claims[0].verdict == "unsupported"


def test_a_timetable_in_the_present_restates_will() -> None:
    cluster = Cluster(
        cluster_id="ferry-ban",
        articles=[
            Article(
                id="fb-1",
                title="Ferry ban",
                text=(
                    "The ban on diesel ferries in the Orrin estuary starts on June 1 and will "
                    "run until May 31, 2031. Ferries carrying patients will be exempt."
                ),
            )
        ],
    )
    for claim, verdict in (
        (
            "The ban on diesel ferries starts on June 1 and runs until May 31, 2031 [fb-1].",
            "supported",
        ),
        (
            "The ban on diesel ferries starts on June 1, with ferries carrying patients "
            "exempt [fb-1].",
            "supported",
        ),
        # a tense the source does not give: surer than "will"
        (
            "Ferries carrying patients were exempt from the ban on diesel ferries [fb-1].",
            "unsupported",
        ),
    ):
        assert verify(cluster, claim).claims[0].verdict == verdict, claim


FLOOD = Cluster(
    cluster_id="flood",
    articles=[
        Article(
            id="w1",
            title="Flood",
            text=(
                "Heavy rain hit the Tarn valley on Sunday. Rescuers searched the riverbank "
                "near Orvel all night. On Monday they recovered a body near the old mill, "
                "bringing the death toll to four. Two storms last winter left six people dead. "
                "The flood that killed five people at Brask in 2019 was worse."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # the event in another form: a toll, or the same counted noun with "killed"
        ("Four people died after heavy rain in the Tarn valley [w1].", "supported"),
        ("In 2019 five people died in a flood at Brask [w1].", "supported"),
        # a bare "two" near "dead" counts the storms, not the dead
        ("Two people died in the Tarn valley floods [w1].", "unsupported"),
    ],
)
def test_a_toll_is_counted_in_any_form_of_the_event(claim: str, verdict: str) -> None:
    c = verify(FLOOD, claim).claims[0]
    assert c.verdict == verdict, c.reasons


HARBOUR = Cluster(
    cluster_id="harbour",
    articles=[
        Article(
            id="h1",
            title="Harbour",
            text=(
                "A storm sank four fishing boats in Orvel harbour on Sunday. The damaged boats "
                "will be towed to the Brask yard in covered barges."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # the passive progressive states a plan as surely as "will be towed"
        (
            "The damaged boats are being towed to the Brask yard in covered barges [h1].",
            "supported",
        ),
        # done is surer than the plan
        (
            "The damaged boats have been towed to the Brask yard in covered barges [h1].",
            "unsupported",
        ),
    ],
)
def test_a_passive_progressive_is_a_plan(claim: str, verdict: str) -> None:
    c = verify(HARBOUR, claim).claims[0]
    assert c.verdict == verdict, c.reasons


MILL = Cluster(
    cluster_id="mill",
    articles=[
        Article(
            id="m1",
            title="Mill",
            text=(
                "Tarn Paper will close its Orvel mill in March, the company said on Monday. "
                "The mill opened in 1961 and employs 240 people. Its manager, Ida Brask, 61, "
                "will retire when it shuts. She joined the mill as an apprentice in 1980."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # an age the article gives in apposition ("Ida Brask, 61,")
        ("The 61-year-old joined the Orvel mill as an apprentice in 1980 [m1].", "supported"),
        (
            "Manager Ida Brask, a 61-year-old, joined the mill as an apprentice in 1980 [m1].",
            "supported",
        ),
        # an age nobody in the article has
        ("The 64-year-old joined the Orvel mill as an apprentice in 1980 [m1].", "unsupported"),
    ],
)
def test_an_age_in_apposition_places_the_claims_age(claim: str, verdict: str) -> None:
    c = verify(MILL, claim).claims[0]
    assert c.verdict == verdict, c.reasons


# a fictional day's report: its first sentence gives the day, later sentences tell that day's
# news without one, and one sentence gives another day of its own
TOWNHALL = Cluster(
    cluster_id="townhall",
    articles=[
        Article(
            id="t1",
            title="Dunmore council row",
            text=(
                "Dunmore council kept its car park charges on Tuesday despite a petition. "
                "The charges were first brought in three years ago. "
                "Residents of the old town pay a lower rate. "
                "The opposition leader, Rhona Pyle, said the fees were hurting local trade. "
                "Twelve shops have closed on the high street since March. "
                "The council said the petition had been delivered on Friday."
            ),
        ),
        Article(
            id="t2",
            title="Dunmore festival",
            text=(
                "Officials have counted 212 complaints about the festival, the council said. "
                "The festival ran for five days on the river meadows. "
                "Organisers blamed the noise on a late change of stage. "
                "Numbers of visitors kept rising all week."
            ),
        ),
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # told without a day of its own in a report whose first sentence gives the day
        ("Rhona Pyle said on Tuesday the fees were hurting local trade [t1].", "supported"),
        # not the report's day
        ("Rhona Pyle said on Wednesday the fees were hurting local trade [t1].", "unsupported"),
        # the window sentence gives another day: the report's day does not place it
        ("The council said the petition had been delivered on Tuesday [t1].", "unsupported"),
    ],
)
def test_a_date_is_the_day_its_report_tells(claim: str, verdict: str) -> None:
    c = verify(TOWNHALL, claim).claims[0]
    assert c.verdict == verdict, [x.detail for x in c.checks if x.fired]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # "from 212 ...", set off by a comma, is said of its host clause ("complaints")
        ("Complaints kept rising, from 212 early in the week [t2].", "supported"),
        # a figure the articles give to nothing the claim's clause names
        ("Visitors kept rising, from 212 early in the week [t2].", "unsupported"),
    ],
)
def test_a_phrase_of_figures_is_said_of_its_host_clause(claim: str, verdict: str) -> None:
    c = verify(TOWNHALL, claim).claims[0]
    assert c.verdict == verdict, [x.detail for x in c.checks if x.fired]
