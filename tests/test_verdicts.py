"""Verdict rules of :mod:`llmbrief.verifier.verdicts` on small fictional clusters."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify

FLOOD = Cluster(
    cluster_id="ardley-flood",
    articles=[
        Article(
            id="f1",
            title="River Floods Ardley",
            text=(
                "The Tamm river burst its banks in Ardley on Monday, flooding about 300 homes. "
                "About 40 soldiers and 6 boats were helping the rescue in the old town. "
                "The mayor, Lena Hoss, asked residents to stay upstairs."
            ),
        ),
        Article(
            id="f2",
            title="Flood Waters Rise",
            text=(
                "Flood waters rose again in Ardley on Tuesday. Some 65 soldiers were now in the "
                "old town, backed by 9 boats sent from the coast. Schools stayed closed."
            ),
        ),
        Article(
            id="f3",
            title="Insurers Count Cost",
            text=(
                "Insurers said the Ardley flood could cost them 20 million euros. Claims can be "
                "made online from Thursday."
            ),
        ),
    ],
)


def test_figures_of_another_article_in_the_cited_articles_wording_are_misattributed() -> None:
    # f2 has every figure and the day; f1 only the wording ("helping the rescue") and
    # other figures: the claim is f2's, not a blend of the two
    claim = "About 65 soldiers and 9 boats were helping the rescue on Tuesday"
    c = verify(FLOOD, claim + " [f1].").claims[0]
    assert c.verdict == "misattributed" and c.suggested_ids == ["f2"], c.reasons
    assert verify(FLOOD, claim + " [f2].").claims[0].verdict == "supported"


POOLS = Cluster(
    cluster_id="pool-cuts",
    articles=[
        Article(
            id="p1",
            title="Council Votes to Close Harbour Baths",
            text=(
                "The council voted on Monday to close two of its five pools.\n\n"
                '"We cannot keep every pool open," said Ada Venn, the treasurer. "The '
                'harbour baths will close in the spring to save money."\n\n'
                "Councillor Tomas Brill said the baths must stay open."
            ),
        ),
        Article(
            id="p2",
            title="Swimmers Protest",
            text="About 200 swimmers protested outside the town hall on Tuesday.",
        ),
    ],
)


def test_a_quote_is_said_by_the_speaker_of_the_quote_it_continues() -> None:
    quote = '"The harbour baths will close in the spring to save money," said '
    wrong = verify(POOLS, quote + "Councillor Tomas Brill [p1].").claims[0]
    assert wrong.verdict == "unsupported", wrong.reasons
    assert wrong.reasons[0].startswith("wrong speaker"), wrong.reasons
    right = verify(POOLS, quote + "Ada Venn [p1].").claims[0]
    assert right.verdict == "supported", right.reasons


FARES = Cluster(
    cluster_id="orlen-fares",
    articles=[
        Article(
            id="t1",
            title="What the Orlen Budget Means for You",
            text=(
                "Orlen's budget passed on Thursday. Trams and ferries: fares are frozen. "
                "A weekly pass still costs 18 euros."
            ),
        ),
        Article(
            id="t2",
            title="Orlen Budget Passes",
            text=(
                "The Orlen council approved its budget on Thursday. It keeps tram and ferry "
                "fares frozen for a second year and raises parking charges."
            ),
        ),
        Article(
            id="t3",
            title="Ferry Crews Welcome Budget",
            text="Ferry crews said the fare freeze would keep passengers on board.",
        ),
    ],
)


def test_a_number_word_only_another_article_has_makes_the_claim_misattributed() -> None:
    c = verify(FARES, "Tram and ferry fares are frozen for a second year [t1].").claims[0]
    assert c.verdict == "misattributed" and c.suggested_ids == ["t2"], c.reasons
    assert '"second"' in c.reasons[0]
    # without the fact, the cited article carries it: a word another article happens to
    # use ("freeze") is paraphrase, never a misattribution
    c = verify(FARES, "Tram and ferry fares are frozen [t1].").claims[0]
    assert c.verdict == "supported", c.reasons
    c = verify(FARES, "Orlen's budget keeps the fare freeze for trams and ferries [t1].").claims[0]
    assert c.verdict == "supported", c.reasons


PROFITS = Cluster(
    cluster_id="dunmore-profits",
    articles=[
        Article(
            id="r1",
            title="Dunmore Profit Rises",
            text=(
                "Dunmore Freight made a profit of 12 million euros last year, its annual "
                "report showed on Monday. The company carried more parcels than ever."
            ),
        ),
        Article(
            id="r2",
            title="Analysts Expected More From Dunmore",
            text=(
                "Analysts at Cravell Bank had expected Dunmore Freight to make a profit of "
                "15 million euros last year. Its shares fell 3% on Monday."
            ),
        ),
        Article(
            id="r3",
            title="Dunmore Opens Depot",
            text="Dunmore Freight opened a new depot in Harrowgate on Friday.",
        ),
    ],
)


def test_another_article_supports_a_claim_only_if_it_has_the_claims_source() -> None:
    figure = "Dunmore Freight made a profit of 15 million euros last year"
    # the figure is the bank's, not the report's: no article supports what the claim says
    c = verify(PROFITS, figure + ", its annual report showed [r1].").claims[0]
    assert c.verdict == "unsupported" and not c.suggested_ids, c.reasons
    assert any("does not name the claim's source (annual, report)" in r for r in c.reasons)
    # with the bank as its source, the claim is r2's
    c = verify(PROFITS, figure + ", analysts at Cravell Bank said [r1].").claims[0]
    assert c.verdict == "misattributed" and c.suggested_ids == ["r2"], c.reasons


DERBY = Cluster(
    cluster_id="vallen-derby",
    articles=[
        Article(
            id="v1",
            title="Vallen Sign Goalkeeper",
            text=(
                "Vallen Rovers signed goalkeeper Ivo Lindgren on Monday. Lindgren will play "
                "his first league match for Vallen at home to Corby this season."
            ),
        ),
        Article(
            id="v2",
            title="Lindgren Thanks Fans",
            text=(
                "Ivo Lindgren thanked the supporters of his old club at a news conference. "
                "He said he wanted to repay the faith shown in him."
            ),
        ),
        Article(
            id="v3",
            title="Corby Coach Worried",
            text="The Corby coach said his defence had conceded too many goals in training.",
        ),
    ],
)


def test_a_claim_whose_gap_no_article_fills_is_unsupported_not_misattributed() -> None:
    # v1 carries "Lindgren", "Vallen", "league", "season"; "arrival", "favourites",
    # "title" are in no article: invented, not v1's
    invented = "Lindgren's arrival has made Vallen favourites for the league title this season"
    c = verify(DERBY, invented + " [v2].").claims[0]
    assert c.verdict == "unsupported" and not c.suggested_ids, c.reasons
    assert any("has at most half of what the cited text lacks" in r for r in c.reasons), c.reasons
    # v1 carries what v2 lacks: v1's
    c = verify(DERBY, "Lindgren will play his first league match at home to Corby [v2].").claims[0]
    assert c.verdict == "misattributed" and c.suggested_ids == ["v1"], c.reasons


TRIAL = Cluster(
    cluster_id="harrow-trial",
    articles=[
        Article(
            id="t1",
            title="Court blocks Harrow deal",
            text=(
                "The tribunal blocked the Harrow takeover on Friday. The tribunal found that the "
                "merged firm would have run 38% of the region's bus routes."
            ),
        ),
        Article(
            id="t2",
            title="Regulator hails ruling",
            text=(
                "The regulator welcomed Friday's ruling. The regulator had argued that the "
                "merged firm would have run 52% of the region's bus routes."
            ),
        ),
    ],
)


def test_a_finding_another_article_gives_to_another_speaker_is_not_misattributed() -> None:
    # 52% is what the regulator argued, not what the tribunal found
    said = "that the merged firm would have run 52% of the region's bus routes [t1]."
    c = verify(TRIAL, "The tribunal found " + said).claims[0]
    assert c.verdict == "unsupported"
    assert '[t2] has it, but not as "The tribunal found"' in c.reasons
    # the same speaker in the other article: that article is the claim's source
    assert verify(TRIAL, "The regulator argued " + said).claims[0].verdict == "misattributed"


DOCKS = Cluster(
    cluster_id="morrow-docks",
    articles=[
        Article(
            id="p1",
            title="Dock Deal Signed",
            text=(
                "Dock owners and the port union signed an accord early on Saturday after 11 hours "
                "of talks, ending a stoppage that has closed the docks for six days since March. "
                "Cranes were expected to move again on Monday."
            ),
        ),
        Article(
            id="p2",
            title="Union Backs Accord",
            text=(
                "The accord was signed after 13 hours of talks that ended at about 3 a.m. on "
                "Saturday, the union said. Members will vote on it next week."
            ),
        ),
    ],
)


def test_figures_the_cited_article_lacks_fill_the_gap_when_another_article_has_them() -> None:
    # p2 lacks "11 hours", "six days" and some words; p1 has both figures with the words
    # "accord", "stoppage", "docks" and words its own way ("closed" for "idled")
    claim = (
        "The accord followed 11 hours of late-night talks that ended a stoppage which had "
        "idled the docks for six days [p2]."
    )
    c = verify(DOCKS, claim).claims[0]
    assert c.verdict == "misattributed" and c.suggested_ids == ["p1"], c.reasons


RACE = Cluster(
    cluster_id="race",
    articles=[
        Article(
            id="k1",
            title="Race",
            text="Race director Oda Brenn denied that the organisers had been warned.",
        ),
        Article(
            id="k2",
            title="Inquiry",
            text="Brenn said on Monday that the race organisers would help the inquiry in full.",
        ),
    ],
)


def test_a_first_name_another_article_gives_identifies_the_person() -> None:
    claim = "Race director Oda Brenn said the organisers would help the inquiry in full [k2]."
    report = verify(RACE, claim).claims[0]
    assert report.verdict == "supported"
    assert any("first name" in n for n in report.notes)


def test_a_first_name_no_article_gives_is_still_missing() -> None:
    claim = "Race director Lena Brenn said the organisers would help the inquiry in full [k2]."
    assert verify(RACE, claim).claims[0].verdict != "supported"


BREACH = Cluster(
    cluster_id="breach",
    articles=[
        Article(
            id="b1",
            title="Breach",
            text=(
                "The Orly Water board has confirmed that customer records were stolen in last "
                "month's attack. The board said on Friday that the records of about 9,000 "
                "customers had been taken."
            ),
        ),
        Article(
            id="b2",
            title="Breach update",
            text="The Orly Water board has said about 11,000 customers had records taken.",
        ),
        Article(
            id="b3",
            title="Pumps",
            text="The Orly Water board said 11,000 pumps would be replaced by Kessby Tools.",
        ),
    ],
)


def test_a_figure_another_article_gives_for_the_same_thing_is_misattributed() -> None:
    claim = "The board later confirmed that records of about 11,000 customers were stolen [b1]."
    report = verify(BREACH, claim).claims[0]
    assert report.verdict == "misattributed"
    assert report.suggested_ids[0] == "b2"


def test_a_figure_no_article_gives_for_it_stays_unsupported() -> None:
    claim = "The board later confirmed that records of about 13,000 customers were stolen [b1]."
    assert verify(BREACH, claim).claims[0].verdict == "unsupported"


ASH = Cluster(
    cluster_id="ash",
    articles=[
        Article(
            id="a1",
            title="Ash",
            text="More than 700 trains were cancelled on Monday as ash closed the valley lines.",
        ),
        Article(
            id="a2",
            title="Ash costs",
            text="About 850 trains were cancelled across the valley on Monday, the board said.",
        ),
    ],
)


def test_a_rounded_figure_another_article_states_exactly_is_misattributed() -> None:
    claim = "About 850 trains were cancelled across the valley on Monday [a1]."
    report = verify(ASH, claim).claims[0]
    assert report.verdict == "misattributed"
    assert report.suggested_ids == ["a2"]
    # the cited article's own figure, rounded, stays its own
    own = verify(ASH, "About 700 trains were cancelled on Monday [a1].").claims[0]
    assert own.verdict == "supported"
