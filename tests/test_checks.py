from __future__ import annotations

import pytest

from llmbrief import Article, Cluster, verify
from llmbrief.verifier import checks
from llmbrief.verifier.lexicon import stem, words


def q(text: str) -> list[tuple[float, str]]:
    return [(x.value, x.unit) for x in checks.quantities(text)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("a $10 billion plan", "a $10bn plan"),
        ("a $10 billion plan", "10 billion dollars"),
        ("3 nanometers", "3nm"),
        ("3-nanometer chips", "3 nanometres"),
        ("a 2.3-kilometre bridge", "about 2.3 km"),
        ("£1.5 million", "1.5m pounds"),
        ("212m kronor", "212 million kronor"),
        ("twenty-two provinces", "22 provinces"),
        ("3.5% growth", "3.5 percent growth"),
        ("a five-year plan", "a 5-year plan"),
        ("about €420 million", "420 million euros"),
    ],
)
def test_equal_quantities_in_different_words(a: str, b: str) -> None:
    qa, qb = checks.quantities(a), checks.quantities(b)
    assert qa and qb
    assert all(any(x.matches(y) for y in qb) for x in qa), (q(a), q(b))


def test_quantities_that_differ_do_not_match() -> None:
    ten, twelve = checks.quantities("$10 billion")[0], checks.quantities("$12 billion")[0]
    assert not ten.matches(twelve)
    dollars, yuan = checks.quantities("$10 billion")[0], checks.quantities("10 billion yuan")[0]
    assert not dollars.matches(yuan)
    assert checks.quantities("billions in funding")[0].matches(checks.quantities("$10 billion")[0])


def test_a_bare_m_scales_money_only() -> None:
    assert q("5m euros") == [(5_000_000.0, "eur")]
    assert q("a 5m wall") == [(5.0, "")]


def test_pounds_are_a_weight_where_the_sentence_weighs_something() -> None:
    assert q("The foal weighed about 40 kilograms, or roughly 90 pounds.") == [
        (40.0, "kg"),
        (90.0, "lb"),
    ]
    assert q("The sacks weigh nearly 60 pounds each.") == [(60.0, "lb")]
    # money otherwise, and a weight in another sentence is not this figure's
    assert q("She was paid 1.2 million pounds by the club.") == [(1_200_000.0, "gbp")]
    assert q("The foal weighed 40 kg. The fine was 90 pounds.") == [(40.0, "kg"), (90.0, "gbp")]
    assert q("They paid £600 pounds for a 20-kilogram sack.")[0] == (600.0, "gbp")


def test_a_weight_restated_in_pounds_is_supported() -> None:
    foal = Cluster(
        cluster_id="foal",
        articles=[
            Article(id="s1", title="Foal", text="The stud said the foal weighed about 40 kg."),
        ],
    )
    said = verify(foal, "The foal weighed about 40 kilograms, or roughly 90 pounds [s1].")
    assert said.claims[0].verdict == "supported"
    wrong = verify(foal, "The foal weighed about 40 kilograms, or roughly 130 pounds [s1].")
    assert wrong.claims[0].verdict == "unsupported"


def test_a_word_the_article_writes_with_its_object_is_no_swap() -> None:
    # "opened an investigation" is the first article's own phrase; the second one's "close
    # its investigation" is another event, not an opposite the claim swapped in
    probe = Cluster(
        cluster_id="probe",
        articles=[
            Article(id="p1", title="Probe", text="The rail agency said it had opened an inquiry."),
            Article(
                id="p2",
                title="Probe",
                text="The operator asked the rail agency to close its inquiry quickly. "
                "The agency said its inquiry would take at least six weeks.",
            ),
        ],
    )
    claim = "The rail agency has opened an inquiry that it says will take at least six weeks"
    assert verify(probe, claim + " [p1][p2].").claims[0].verdict == "supported"
    assert checks.phrase_written("It opened an inquiry.", "opened", ["it had opened an inquiry"])
    assert not checks.phrase_written("It opened an inquiry.", "opened", ["it opened fire"])


def test_codes_and_idioms_are_not_figures() -> None:
    assert q("the SARS-CoV-2 vaccine and the A380 jet") == []
    assert q("one of the largest") == []
    assert q("the fourth quarter") == [(4.0, "ord")]


def test_dates_names_quotes() -> None:
    assert checks.dates("On Tuesday, in September, the plan was due") == {"tue", "sep"}
    found = checks.names("Huawei said on Monday that Pudong officials agreed.")
    assert found == ["Huawei", "Pudong"]  # weekdays are dates, checked as dates
    assert checks.names("the council met on monday") == []  # lowercase data: no false names
    # number words and ordinals opening a sentence are figures, never names
    assert checks.names("Fourteen workers died. Twenty-two were hurt. Third, Devin spoke.") == [
        "Devin"
    ]
    assert checks.quotes('He called it a "strategic chokehold" on chips.') == [
        "strategic chokehold"
    ]


def test_the_opening_word_is_read_as_names_reads_it() -> None:
    assert checks.opening_word("Car drivers will pay a toll.") == "Car"
    assert checks.opening_word('"Work on it," he said.') == "Work"
    assert checks.opening_word("the car") == ""
    assert checks.opening_word("12 Cars were sold.") == ""


def test_negation_cues_and_idioms() -> None:
    assert checks.negations("Investors did not welcome it") == 1
    assert checks.negations("The union wasn’t told") == 1
    assert checks.negations("not only to Asia but to Australia") == 0
    assert checks.negations("never-before-seen details") == 0
    # idioms that bound or stress what they govern deny nothing
    assert checks.negations("no more than 44 per cent of her followers are real") == 0
    assert checks.negations("no fewer than 12 ministers resigned") == 0
    assert checks.negations("the first lady was no exception") == 0
    assert checks.negations("none other than Hillary Clinton") == 0
    assert checks.negations("no more trains will run") == 1


def test_hedges() -> None:
    assert checks.hedges("The agency plans to launch a probe") == ["plans to"]
    assert checks.hedges("The agency launched a probe") == []


def toks(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def test_antonyms_need_a_shared_context() -> None:
    assert checks.antonym_clash(toks("profit fell sharply"), toks("profit rose sharply"))
    assert not checks.antonym_clash(toks("profit fell at the firm"), toks("prices rose in town"))
    assert checks.antonym_clash(
        toks("called the strike necessary"), toks("called the strike unnecessary")
    )


def test_a_word_swapped_for_its_opposite_is_found_anywhere_in_the_article() -> None:
    article = toks("The agency tested drones. It now plans rules for small, uncrewed aircraft.")
    window = article[:4]  # the best window need not be the sentence that says "small"
    assert checks.antonym_clash(toks("rules for large, uncrewed aircraft"), window, article)
    # a word the article itself uses in that place is not a swap
    assert not checks.antonym_clash(toks("rules for small, uncrewed aircraft"), window, article)


def test_a_negated_opposite_is_no_clash() -> None:
    source = toks("the app would no longer be allowed on government phones")
    assert not checks.antonym_clash(toks("the app is prohibited on government phones"), source)
    assert checks.antonym_clash(
        toks("the app is prohibited on government phones"),
        toks("the app is allowed on government phones"),
    )


def test_a_claim_that_writes_both_words_swapped_neither() -> None:
    source = toks("a move to contain elevated yields")
    assert not checks.antonym_clash(toks("a move to reduce elevated yields"), source)


def test_a_phrase_the_source_writes_is_its_own() -> None:
    source = ["jetblue had the lowest percentage southwest had the highest percentage"]
    assert checks.phrase_written("Southwest had the highest percentage", "highest", source)
    assert not checks.phrase_written("Southwest had the highest share", "highest", source)
    # function words and figures are no context
    assert not checks.phrase_written("the highest of 3", "highest", ["the highest of them"])


def test_colours_contrast() -> None:
    source = toks("activists poured yellow and blue paint on the road")
    assert checks.antonym_clash(toks("activists poured yellow and green paint"), source)
    assert not checks.antonym_clash(toks("activists poured blue and yellow paint"), source)


def test_person_counts_match_bare_counts() -> None:
    seven_people = checks.quantities("killed seven people")[0]
    assert seven_people.matches(checks.quantities("a gunman who killed seven")[0])
    assert not checks.quantities("seven tonnes")[0].matches(checks.quantities("seven")[0])


def test_an_age_matches_an_age_given_in_apposition() -> None:
    age = checks.quantities("The 72-year-old headed the group")[0]
    assert age.unit == "age"
    assert age.matches(checks.quantities("Al-Douri, 72, headed the group")[0])
    assert age.matches(checks.quantities("a man aged 72 years old")[0])
    # an age is no duration, and a duration no age
    assert not age.matches(checks.quantities("a 72-year lease")[0])
    assert not checks.quantities("72 years")[0].matches(age)


def test_country_aliases_read_one_way() -> None:
    from llmbrief.verifier.places import country_aliases

    assert {"london", "british"} <= country_aliases("U.K.")
    assert "washington" in country_aliases("US")
    assert "us" not in country_aliases("U.S.")  # the pronoun is not the country
    assert country_aliases("London") == frozenset()  # a city is not named by its country
    # a demonym no prefix of which finds its country
    assert {"poland", "wales", "netherlands"} <= (
        country_aliases("Polish") | country_aliases("Welsh") | country_aliases("Dutch")
    )
    assert "polish" not in country_aliases("Poland")  # read one way, as the rest


def test_stemmer_joins_inflections_of_one_word() -> None:
    assert stem("filings") == stem("filing") == stem("filed")
    assert stem("approval") == stem("approved")
    assert stem("buildings") == stem("building")
    assert stem("rival") != stem("arrival")


def test_word_lists_parse() -> None:
    from importlib.resources import files

    from llmbrief.verifier import lexicon, places

    names = sorted(p.name for p in (files("llmbrief.verifier") / "data").iterdir())
    assert {"stopwords.txt", "opposites.txt", "modality.txt", "negations.txt"} <= set(names)
    for name in names:
        if name.endswith(".json"):
            assert lexicon.data_json(name)
        else:
            assert lexicon.data_lines(name), name
    assert {"the", "of", "said"} <= lexicon.STOPWORDS
    assert lexicon.stem("women") == "woman"  # irregular.txt
    assert all("/" in p for p in lexicon.data_words("opposites.txt"))
    for line in lexicon.data_lines("modality.txt"):
        level, where, cue = line.split(None, 2)
        assert level in ("1", "2") and where in ("both", "claim") and cue
    assert "london" in places.country_aliases("U.K.")
    assert checks.modal_level("may") == 2 and checks.modal_level("plans to") == 1
    assert checks.negations("it did not happen") == 1 and checks.negations("No. 3 seed") == 0


def test_a_negation_bears_on_its_own_clause() -> None:
    text = "She pleaded not guilty to charges that she married ten men and charged a fee."
    found = checks.clauses(text)
    negated = [text[c.start : c.end] for c in found if c.negated]
    assert negated == ["She pleaded not guilty to charges "]
    # a denial reaches into the clause it introduces
    text = "The ministry denied that the plan existed, but said it may extend the ban."
    negated = [text[c.start : c.end].strip() for c in checks.clauses(text) if c.negated]
    assert negated == ["The ministry denied", "that the plan existed"]
    # a negation that ends its clause bears on what came before it
    text = "Ministers said the bill would pass, which it did not."
    last = checks.clauses(text)[-1]
    assert last.negated and last.scope == (last.start, last.end)


def test_claim_modality_levels() -> None:
    assert checks.claim_modality("The port reopened on Monday") == 0
    assert checks.claim_modality("The port will reopen on Monday") == 1
    assert checks.claim_modality("The port may reopen on Monday") == 2
    assert checks.claim_modality("Officials plan to reopen the port") == 1


def test_places_in_lowercased_text() -> None:
    assert checks.place_names("a fire in new york and in nottingham") == ["new york", "nottingham"]
    assert checks.place_names("a new office in the city") == []


def test_negation_scope_ends_at_and_but_not_at_or() -> None:
    text = "The ship was not damaged below the waterline and continued to port."
    (clause,) = checks.clauses(text)
    assert clause.scope is not None
    assert text[clause.scope[0] : clause.scope[1]] == "not damaged below the waterline"
    text = "The crew did not eat or drink for a day."
    (clause,) = checks.clauses(text)
    assert clause.scope is not None and "drink" in text[clause.scope[0] : clause.scope[1]]


def test_a_thousands_comma_does_not_end_a_clause() -> None:
    text = "The group aimed to reach £50,000 via crowdfunding, but in 2014, 500 came."
    found = [text[c.start : c.end].strip() for c in checks.clauses(text)]
    assert found == [
        "The group aimed to reach £50,000 via crowdfunding",
        "but in 2014",
        "500 came.",
    ]


def test_a_change_where_the_evidence_kept_the_thing_is_an_opposite() -> None:
    source = toks("The brewer kept its forecast for the year.")
    assert checks.antonym_clash(toks("The brewer raised its forecast for the year."), source)
    assert checks.antonym_clash(toks("The brewer cut its forecast for the year."), source)
    assert not checks.antonym_clash(toks("The brewer kept its forecast for the year."), source)
    # a thing changed beside a thing kept says nothing against either
    assert not checks.antonym_clash(
        toks("Prices were raised in May."), toks("The brewer kept its forecast.")
    )


def test_a_pair_line_of_comma_lists_pairs_each_word_with_each() -> None:
    for kept in ("keep", "hold", "maintain", "unchanged", "reaffirm"):
        assert stem(kept) in checks.opposite_words([stem("raise")]), kept


def test_a_side_taken_after_a_stance_verb_must_be_the_sources() -> None:
    source = toks("Two independent members voted for the harbour plan.")
    assert checks.stance_clash(toks("Two members voted against the harbour plan."), source) == (
        "vot",
        "against",
    )
    assert checks.stance_clash(toks("Two members voted for the harbour plan."), source) is None
    assert checks.stance_clash(toks("Two members voted in favour of the plan."), source) is None
    # "in favour" with no "of" after it ("said it will vote in favour, while ...") is "for"
    alone = toks("The party said it will vote in favour, while seeking changes.")
    assert checks.stance_clash(toks("The party will vote against the plan."), alone) == (
        "vot",
        "against",
    )
    assert checks.stance_clash(toks("The party will vote in favour."), alone) is None
    # "for" after a word that takes no side ("a plan for the harbour") is no stance
    assert checks.stance_clash(toks("a plan against floods"), toks("a plan for floods")) is None
    # a source that gives both sides clashes with neither
    both = toks("Two voted for the plan and three voted against it.")
    assert checks.stance_clash(toks("Three voted against the plan."), both) is None


def test_certainty_cues_are_found_as_whole_words() -> None:
    assert checks.certainty("The union is certain to reject the offer") == "certain to"
    assert checks.certainty("It will Definitely close") == "Definitely"
    assert checks.certainty("A certain number of workers left") == ""
    assert checks.certainty("the deal guarantees jobs") == ""


def test_port_and_starboard_are_opposite_sides() -> None:
    source = toks("Crew lowered a raft from the starboard side of the trawler.")
    assert checks.antonym_clash(toks("Crew lowered a raft from the port side."), source)
    # a port the ship sails to says nothing about a side
    assert not checks.antonym_clash(toks("The trawler returned to port."), source)


def test_northern_and_southern_are_opposite_sides() -> None:
    source = toks("Mud was still sliding down the hill's eastern flank near the farm.")
    claim = toks("Mud was still sliding down the hill's western flank.")
    assert checks.antonym_clash(claim, source)
    assert not checks.antonym_clash(toks("Mud was still sliding down the hill's flank."), source)
    source = toks("The ferry now docks at the northern pier of the island.")
    assert checks.antonym_clash(toks("The ferry now docks at the southern pier."), source)


def test_the_sources_word_negated_does_not_state_the_claims() -> None:
    source = toks(
        "Mayor Vell had not wanted to sell the ferry. Aide Ruud would rather have kept the ferry."
    )
    assert checks.antonym_clash(toks("Aide Ruud had wanted to sell the ferry"), source)
    stated = toks(
        "Mayor Vell wanted to sell the ferry. Aide Ruud would rather have kept the ferry."
    )
    assert not checks.antonym_clash(toks("Aide Ruud had wanted to sell the ferry"), stated)


def test_an_article_that_writes_the_claims_word_in_another_form_needs_two_neighbours() -> None:
    window = toks("The brewer is weighing a sale of its bottling plant, two bankers said.")
    article = toks("In 2015 it bought the bottling business from Hask.")
    claim = toks("The brewer is weighing selling its bottling plant")
    # the words the article uses: its window's and the rest's
    assert not checks.antonym_clash(claim, window, article, {*window, *article})
    # without the sale in the article the purchase is an opposite it was swapped for
    other = toks("Two bankers spoke on Friday.")
    assert checks.antonym_clash(claim, other, article, {*other, *article})


def test_first_that_says_when_is_no_ordinal() -> None:
    from llmbrief.verifier.checks import quantities

    for text in (
        "The union had first asked for a rise over two years.",
        "The ferry first sailed in May.",
        "When it first opened, the bridge was free.",
    ):
        assert [q for q in quantities(text) if q.unit == "ord"] == [], text
    ranked = quantities("The first case was found in a primary school.")
    assert [(q.text, q.value) for q in ranked if q.unit == "ord"] == [("first", 1.0)]


def test_first_after_a_determiner_ranks_and_after_a_subject_says_when() -> None:
    from llmbrief.verifier.checks import quantities

    # "the first scheduled closures": a participle after it does not make it say when
    for text in ("The first scheduled closures began on Monday.", "the ferry's first crossing"):
        assert [q.text for q in quantities(text) if q.unit == "ord"] == ["first"], text
    # "the council first put": between a subject and its verb it says when
    said = quantities("The council first put the cost at 4,100 euros.")
    assert [q.text for q in said if q.unit == "ord"] == []
    ferries = Cluster(
        cluster_id="ferries",
        articles=[
            Article(
                id="f1",
                title="Ferry",
                text="The first scheduled closures of the Tarn ferry began on Monday at 6 a.m.",
            )
        ],
    )
    claim = "Commuters queued at the bridge when the first closures began on Monday [f1]."
    assert verify(ferries, claim).claims[0].verdict == "supported"


def test_keep_off_is_no_opposite_of_delete() -> None:
    apps = Cluster(
        cluster_id="apps",
        articles=[
            Article(
                id="a1",
                title="Apps",
                text=(
                    "The Tarn council moved to keep the popular Chatly app off its phones. It "
                    "ordered its 900 staff to remove Chatly from their work phones."
                ),
            )
        ],
    )
    claim = "The Tarn council ordered its 900 staff to delete Chatly from their work phones [a1]."
    assert verify(apps, claim).claims[0].verdict == "supported"
    toks = [stem(w.lower()) for w in words("keep the popular app off its phones")]
    assert checks.antonym_clash([stem("delete"), stem("app")], toks) == []
    assert checks.antonym_clash(
        [stem("delete"), stem("app")], [stem(w) for w in ("keep", "the", "app")]
    )


def test_a_currency_word_joined_by_a_hyphen_is_the_currency() -> None:
    from llmbrief.verifier.checks import quantities

    assert [(q.value, q.unit) for q in quantities("a 30-euro parking fine")] == [(30.0, "eur")]
    fines = Cluster(
        cluster_id="fines",
        articles=[
            Article(
                id="p1",
                title="Parking",
                text="The Tarn council said it would refund the 30-euro parking fine to drivers.",
            )
        ],
    )
    refund = "The Tarn council said it would refund the €{} parking fine to drivers [p1]."
    assert verify(fines, refund.format(30)).claims[0].verdict == "supported"
    assert verify(fines, refund.format(40)).claims[0].verdict == "unsupported"
