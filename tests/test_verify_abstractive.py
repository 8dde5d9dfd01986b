"""Abstractive claims: checks that must not fire for the wrong reason, and the errors of
one-sentence summaries they must catch (all articles here are fictional)."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify

AWARDS = Cluster(
    cluster_id="awards",
    articles=[
        Article(
            id="a1",
            title="Award seats",
            text=(
                "Southwest Airlines offered the most award tickets, 11.9 million, the survey "
                "found. JetBlue offered the lowest percentage of award tickets. The report was "
                "compiled by a consultancy in Boston. Among the large carriers, Southwest also "
                "had the highest percentage of award tickets."
            ),
        )
    ],
)


def test_an_opposite_the_article_also_writes_so_is_no_swap() -> None:
    # the window says "lowest" (of JetBlue); the article writes "highest percentage" too
    claim = (
        "Southwest Airlines offered the most award tickets, 11.9 million, and the highest "
        "percentage of award tickets [a1]."
    )
    c = verify(AWARDS, claim).claims[0]
    assert c.verdict == "supported", c.reasons


AIRSPACE = Cluster(
    cluster_id="airspace",
    articles=[
        Article(
            id="o1",
            title="Airspace",
            text=(
                "Varnia is opening its airspace to Ostrian airlines, the aviation authority "
                "said on Friday. The move could cut Ostrian carriers' flight times to Asia by "
                "up to three hours. Some might say the decision is a signal to Varnia's "
                "neighbours. Minister Ellen May said the talks had taken two years."
            ),
        )
    ],
)


def test_a_hedge_governs_its_verb_not_a_name_after_it() -> None:
    # "could cut Ostrian carriers' flight times" hedges the cutting, not the carriers
    claim = "Varnia is opening its airspace to Ostrian carriers [o1]."
    c = verify(AIRSPACE, claim).claims[0]
    assert c.verdict == "supported", c.reasons
    surer = "The move will cut Ostrian carriers' flight times to Asia [o1]."
    c = verify(AIRSPACE, surer).claims[0]
    assert [x.name for x in c.checks if x.fired] == ["hedges"], c.reasons


def test_a_hedged_saying_is_no_statement() -> None:
    claim = "He says the decision is a signal to Varnia's neighbours [o1]."
    c = verify(AIRSPACE, claim).claims[0]
    assert [x.name for x in c.checks if x.fired] == ["hedges"], c.reasons
    c = verify(AIRSPACE, "Ellen May said the talks had taken two years [o1].").claims[0]
    assert c.verdict == "supported", c.reasons  # "May said": a name, not the modal


CLUB = Cluster(
    cluster_id="club",
    articles=[
        Article(
            id="c1",
            title="Cup run",
            text=(
                "Dunmore have won six games in a row under manager Ruth Okoye. Former "
                "striker Pavel Ilic, now a pundit, said the side could win the cup. Ilic "
                "played 200 games for the club."
            ),
        )
    ],
)


def test_a_title_the_article_gives_someone_else_sinks_the_claim() -> None:
    bad = verify(CLUB, "Dunmore manager Pavel Ilic said the side could win the cup [c1].")
    c = bad.claims[0]
    assert [x.name for x in c.checks if x.fired] == ["titles"], c.reasons
    assert c.reasons == [
        'the claim calls Pavel Ilic "manager"; the cited text uses the word, never of Pavel Ilic'
    ]
    fired = next(x for x in c.checks if x.name == "titles")
    assert [c.text[s.start : s.end] for s in fired.spans] == ["manager"]
    # lower-cased claims read their names from the article
    low = verify(CLUB, "dunmore manager pavel ilic said the side could win the cup [c1].")
    assert [x.name for x in low.claims[0].checks if x.fired] == ["titles"]
    for good in (
        "Former striker Pavel Ilic said Dunmore could win the cup [c1].",
        "Dunmore have won six games in a row under manager Ruth Okoye [c1].",
    ):
        c = verify(CLUB, good).claims[0]
        assert c.verdict == "supported", (good, c.reasons)


def test_a_title_used_as_a_definite_description_is_left_alone() -> None:
    # "the Dunmore manager said" may stand for the claim's person in another sentence
    club = Cluster(
        cluster_id="club2",
        articles=[
            Article(
                id="c2",
                title="Cup run",
                text=(
                    "Dunmore have won six games in a row. Ruth Okoye joined the club in "
                    "2021. The Dunmore manager said the squad was fit for the final."
                ),
            )
        ],
    )
    claim = "Dunmore manager Ruth Okoye said the squad was fit for the final [c2]."
    c = verify(club, claim).claims[0]
    assert c.verdict == "supported", c.reasons


def test_a_demonym_is_supported_by_its_country() -> None:
    buses = Cluster(
        cluster_id="buses",
        articles=[
            Article(
                id="b1",
                title="Buses",
                text="Sales of electric buses rose as cities in Poland and Wales bought fleets.",
            )
        ],
    )
    ok = verify(buses, "Polish and Welsh cities bought electric bus fleets [b1].").claims[0]
    assert ok.verdict == "supported", ok.reasons
    bad = verify(buses, "Polish and Irish cities bought electric bus fleets [b1].").claims[0]
    assert any('"Irish"' in r for r in bad.reasons), bad.reasons


def test_a_title_of_the_same_post_beside_the_name_supports_the_claim() -> None:
    club = Cluster(
        cluster_id="club3",
        articles=[
            Article(
                id="c3",
                title="Derby",
                text=(
                    "Dunmore boss Ruth Okoye said her side had earned the win. Harlow manager "
                    "Tom Reyes said the referee had missed a penalty."
                ),
            )
        ],
    )
    ok = verify(club, "Dunmore manager Ruth Okoye said her side had earned the win [c3].")
    assert ok.claims[0].verdict == "supported", ok.claims[0].reasons
    # "boss" in a sentence that names her, but not as her title, is no support
    club2 = Cluster(
        cluster_id="club4",
        articles=[
            Article(
                id="c4",
                title="Derby",
                text=(
                    "Pundit Ruth Okoye criticised new Harlow boss, Tom Reyes. Dunmore manager "
                    "Ada Lind said her side had earned the win."
                ),
            )
        ],
    )
    bad = verify(club2, "Dunmore manager Ruth Okoye said her side had earned the win [c4].")
    assert [x.name for x in bad.claims[0].checks if x.fired] == ["titles"], bad.claims[0].reasons


def test_an_opening_capital_the_article_writes_as_a_plain_word_is_no_name() -> None:
    tolls = Cluster(
        cluster_id="tolls",
        articles=[
            Article(
                id="t1",
                title="Tolls",
                text="Tolls on the Orne bridge will be 4 euros for cars and 11 for lorries.",
            )
        ],
    )
    ok = verify(tolls, "Car drivers will pay a €4 toll on the Orne bridge [t1].").claims[0]
    assert ok.verdict == "supported", ok.reasons
    # a name opening the claim is still a name the article must write
    bad = verify(tolls, "Vesna drivers will pay a €4 toll on the Orne bridge [t1].").claims[0]
    assert any('name "Vesna"' in r for r in bad.reasons), bad.reasons


def test_a_plural_is_no_ones_title() -> None:
    club = Cluster(
        cluster_id="club5",
        articles=[
            Article(
                id="c5",
                title="Signing",
                text=(
                    "Dunmore have signed Ruth Okoye from Harlow. Analysts said the fee was "
                    "about 2 million euros."
                ),
            )
        ],
    )
    claim = "Dunmore have signed analyst Ruth Okoye from Harlow [c5]."
    c = verify(club, claim).claims[0]
    assert "titles" not in [x.name for x in c.checks if x.fired], c.reasons
