"""Copy deviations (fictional articles and claims written for these tests).

What the checks catch in a claim made of copied words, and what they must let through: a
paraphrase, two sentences joined with "and" or ", while", a detail attached from another
sentence with a preposition, what someone said attributed from another sentence.
"""

from __future__ import annotations

from llmbrief.types import Article, Cluster
from llmbrief.verifier import ClusterIndex, verify
from llmbrief.verifier.copying import (
    NEAR_EXTRACTIVE,
    Deviation,
    copied_share,
    copy_deviations,
    copy_runs,
)
from llmbrief.verifier.sentences import IndexedArticle

COUNCIL = (
    "The council voted on Tuesday to close the Quay Street car park. "
    "Shop owners had campaigned against the plan for months. "
    "The car park has 300 spaces and opened in 1998. "
    "Cyclists' groups welcomed the vote. "
    "Mayor Ines Varga said the decision was final. "
    "A new bus lane will open in the spring."
)

FERRY = (
    "Ferry operator Nordlink said on Wednesday it would add two sailings to Vessby. "
    "The crossing takes four hours. "
    "Demand has grown since the bridge closed in March. "
    "Rival Baltline cut its Tuesday sailings last year."
)


def _article(text: str, art_id: str = "a1") -> IndexedArticle:
    cluster = Cluster(cluster_id="c", articles=[Article(id=art_id, title="t", text=text)])
    return ClusterIndex(cluster).articles[0]


def _deviations(claim: str, text: str = COUNCIL) -> list[Deviation]:
    ran: list[str] = []
    return list(copy_deviations(claim, [_article(text)], ran.append))


def _names(claim: str, text: str = COUNCIL) -> list[str]:
    return [d.name for d in _deviations(claim, text)]


# -- the runs ------------------------------------------------------------------------------


def test_a_copied_sentence_is_one_run_with_its_place() -> None:
    sents = [["the", "crossing", "takes", "four", "hours"], ["demand", "has", "grown"]]
    runs = copy_runs(["the", "crossing", "takes", "four", "hours"], [sents])
    assert [(r.start, r.end, r.at) for r in runs] == [(0, 5, ((0, 0, 0),))]
    assert copied_share(runs) == 1.0


def test_fragments_of_two_sentences_are_two_runs_and_a_new_word_its_own() -> None:
    sents = [["the", "crossing", "takes", "four", "hours"], ["demand", "has", "grown"]]
    runs = copy_runs(["demand", "has", "grown", "sharply", "takes", "four", "hours"], [sents])
    assert [(r.start, r.end) for r in runs] == [(0, 3), (3, 4), (4, 7)]
    assert runs[0].at == ((0, 1, 0),)
    assert runs[1].at == ()  # "sharply" is copied from nowhere
    assert runs[2].at == ((0, 0, 2),)
    assert copied_share(runs) == 6 / 7


def test_the_fewest_runs_are_chosen() -> None:
    # "b c d" could start a run at "b" (sentence 0) or be split "b" + "c d" (sentence 1)
    sents = [["a", "b", "c", "d"], ["c", "d", "e"]]
    runs = copy_runs(["a", "b", "c", "d", "e"], [sents])
    assert len(runs) == 2
    assert sum(len(r) for r in runs) == 5


# -- splice ----------------------------------------------------------------------------------


def test_an_object_from_a_far_sentence_is_a_splice() -> None:
    claim = "Cyclists' groups welcomed the vote to close a new bus lane."
    (dev,) = _deviations(claim)
    assert dev.name == "splice"
    assert '"to close" (sentence 1 of [a1])' in dev.reason
    assert '"a new bus lane" (sentence 6 of [a1])' in dev.reason
    claim_span, first, second = dev.spans
    assert claim[claim_span.start : claim_span.end] == "to close a new bus lane"
    assert COUNCIL[first.start : first.end] == "to close"
    assert COUNCIL[second.start : second.end] == "A new bus lane"


def test_two_sentences_joined_at_a_clause_boundary_are_no_splice() -> None:
    for claim in (
        "The council voted on Tuesday to close the Quay Street car park, and cyclists' "
        "groups welcomed the vote.",
        "The car park has 300 spaces, while a new bus lane will open in the spring.",
        "Shop owners had campaigned against the plan for months and a new bus lane will "
        "open in the spring.",
    ):
        assert _names(claim) == [], claim


def test_neighbouring_sentences_may_be_joined() -> None:
    # sentences 1 and 2: a summary's usual merge of what the article says in a row
    assert _names("The council voted to close the plan for months.") == []


def test_a_paraphrase_is_not_near_extractive_and_is_not_read() -> None:
    claim = "Councillors decided on Tuesday to shut the car park on Quay Street for good."
    ran: list[str] = []
    assert list(copy_deviations(claim, [_article(COUNCIL)], ran.append)) == []
    assert "splice" not in ran  # the claim is not made of copied words
    words = claim.lower().replace(".", "").split()
    sents = [s.lower().replace(".", "").split() for s in COUNCIL.split(". ")]
    assert copied_share(copy_runs(words, [sents])) < NEAR_EXTRACTIVE


def test_the_subject_a_summary_names_is_not_read_as_a_splice() -> None:
    # "The mayor" for the "She" of the sentence copied: coreference, not a splice
    text = (
        "Ines Varga is the mayor of Brenmouth. The vote was close. She said the decision was final."
    )
    assert _names("The mayor said the decision was final.", text) == []


def test_a_subject_joined_to_its_predicate_is_not_read_as_a_splice() -> None:
    # "four men from Lisk" (sentence 3) are the "they" of sentence 1: the summary names
    # them as it chooses, and the predicate starts at its auxiliary
    text = (
        "They have been charged with arson at the Vessby depot. The fire was put out. "
        "Police named the men from Lisk. A fifth man has been released."
    )
    claim = "Four men from Lisk have been charged with arson at the Vessby depot."
    assert "splice" not in _names(claim, text)
    # an object from a far sentence is still one
    assert _names("Cyclists' groups welcomed the vote to close a new bus lane.") == ["splice"]


def test_a_time_after_a_copied_preposition_is_let_through() -> None:
    # "in" is copied with the sentence before it; what follows it is when
    text = (
        "The Lisk depot opened in 2019. It used only half of its trucks in the first year. "
        "Drivers were hired from Orsund. The depot employs 80 people. Its first six months "
        "were the busiest."
    )
    claim = "The Lisk depot used only half of its trucks in its first six months."
    assert "splice" not in _names(claim, text)


def test_a_detail_attached_with_a_preposition_is_let_through() -> None:
    # a time or place from another sentence: summaries attach them rightly more often than
    # wrongly (measured), so the check leaves them to the judge
    assert _names("The council voted to close the Quay Street car park in the spring.") == []


def test_what_was_said_may_be_attributed_from_another_sentence() -> None:
    text = (
        "Spokesman Ola Berg said that repairs were needed. Passengers waited for three hours. "
        "The delays began on Monday. Tickets will be refunded. "
        "The crossing would resume next week, the operator said."
    )
    claim = "On Monday spokesman Ola Berg said the crossing would resume next week."
    assert _names(claim, text) == []
    # the same far sentence joined to words that report nothing is a splice
    claim = "On Monday passengers waited for three hours the crossing would resume next week."
    assert _names(claim, text) == ["splice"]


def test_a_clause_opened_with_and_names_its_own_subject() -> None:
    text = (
        "The harbour master blamed the weather. Passengers waited for three hours. "
        "The ferry was late again on Monday. He said the crossing would resume."
    )
    claim = "The ferry was late again and the harbour master said the crossing would resume."
    assert _names(claim, text) == []


def test_a_pronoun_opens_a_clause_of_its_own() -> None:
    text = (
        "Ms Okafor was at home at the time. The lorry hit a wall on Monday. "
        "Police closed the road. She heard the crash from her kitchen."
    )
    claim = "On Monday Ms Okafor was at home at the time she heard the crash from her kitchen."
    assert _names(claim, text) == []


def test_runs_of_two_cited_articles_are_synthesis() -> None:
    first = "Residents met on Tuesday. The council voted to close the car park. It has 300 spaces."
    second = "Residents were angry. Nobody asked them. A new bus lane will open in the spring."
    claim = "Residents met on Tuesday the council voted to close a new bus lane."
    # one article: a splice of its second and last sentences
    assert _names(claim, first + " " + second) == ["splice"]
    # two cited articles: what a brief citing both may join
    ran: list[str] = []
    arts = [_article(first, "a1"), _article(second, "a2")]
    assert list(copy_deviations(claim, arts, ran.append)) == []


# -- substitution ------------------------------------------------------------------------------


def test_a_name_from_elsewhere_in_a_copied_sentence_is_a_substitution() -> None:
    claim = "Ferry operator Baltline said on Wednesday it would add two sailings to Vessby."
    (dev,) = _deviations(claim, FERRY)
    assert dev.name == "substitution"
    assert dev.reason.startswith('"baltline" where sentence 1 of [a1]')
    assert 'says "nordlink"' in dev.reason
    assert claim[dev.spans[0].start : dev.spans[0].end] == "Baltline"
    assert FERRY[dev.spans[1].start : dev.spans[1].end] == "Nordlink"


def test_a_day_from_elsewhere_is_a_substitution_too() -> None:
    claim = "Ferry operator Nordlink said on Tuesday it would add two sailings to Vessby."
    assert _names(claim, FERRY) == ["substitution"]


def test_a_figure_from_elsewhere_is_a_substitution_too() -> None:
    text = "The tanker carried 40000 tonnes of oil. Its crew of 23 was rescued on Friday."
    assert _names("The tanker carried 23 tonnes of oil.", text) == ["substitution"]


def test_a_figure_the_copied_sentence_says_of_something_else_is_a_substitution() -> None:
    # the sentence's other figure put in the slot of its first: "60%" is the target
    text = (
        "The ward opened in May. At Hollin Ward, 41% of beds are now in use, "
        "well short of the 60% the trust aims for."
    )
    claim = "At Hollin Ward, 60% of beds are now in use."
    (dev,) = _deviations(claim, text)
    assert dev.name == "substitution"
    assert '"60" where sentence 2 of [a1]' in dev.reason
    assert 'says "41"' in dev.reason
    assert _names("At Hollin Ward, 41% of beds are now in use.", text) == []


def test_what_a_substitution_must_not_flag() -> None:
    for claim in (
        # a pronoun, or a word that is no name, in the slot
        "Ferry operator Nordlink said on Wednesday it would put on two sailings to Vessby.",
        "The operator said on Wednesday it would add two sailings to Vessby.",
        # how a figure is written
        "Ferry operator Nordlink said on Wednesday it would add 2 sailings to Vessby.",
        # a name the article never writes: the names check's business, not a swap
        "Ferry operator Seaway said on Wednesday it would add two sailings to Vessby.",
    ):
        assert _names(claim, FERRY) == [], claim


def test_a_swap_in_the_last_words_of_a_copied_sentence_is_a_substitution() -> None:
    text = (
        "Gusts reached 90 km/h on Friday. "
        "Temperatures are expected to stay above 35 degrees until Wednesday."
    )
    claim = "Temperatures are expected to stay above 35 degrees until Friday."
    (dev,) = _deviations(claim, text)
    assert dev.name == "substitution"
    assert '"friday" where sentence 2 of [a1]' in dev.reason
    assert 'says "wednesday"' in dev.reason
    assert claim[dev.spans[0].start : dev.spans[0].end] == "Friday"
    assert text[dev.spans[1].start : dev.spans[1].end] == "Wednesday"
    # the sentence's own day, and a claim that stops before the end, are no swap
    assert _names("Temperatures are expected to stay above 35 degrees until Wednesday.", text) == []
    assert _names("Temperatures are expected to stay above 35 degrees.", text) == []


def test_a_claim_s_first_words_are_no_slot() -> None:
    # "The Welsh club" for "Cardiff": a subject named in the claim's own way
    text = (
        "Struggling Cardiff have backed a fan boycott of the trip to Leeds. "
        "Many Welsh fans are angry."
    )
    assert _names("The Welsh club have backed a fan boycott of the trip to Leeds.", text) == []


def test_names_of_one_root_and_a_figure_of_another_kind_are_no_swap() -> None:
    text = (
        "Police said the Georgian national fled the country. He is from Georgia. "
        "The heist of 1990 is unsolved. Thieves took paintings worth $500million in the heist."
    )
    assert _names("Police said the Georgia national fled the country.", text) == []
    # a year where the sentence has an amount: another description, not a swapped figure
    assert _names("Thieves took paintings worth 1990 in the heist.", text) == []


# -- repetition ------------------------------------------------------------------------------


def test_the_same_words_copied_twice_is_a_repetition() -> None:
    text = (
        "Jonas Brandt will serve a two-match ban after his red card. "
        "Kestrel City will appeal for him."
    )
    claim = "Jonas Brandt will serve a two-match ban for a two-match ban."
    assert _names(claim, text) == ["repetition"]


def test_a_stutter_says_nothing_more_and_is_let_through() -> None:
    text = "The ferry docked in the port of Lisk at noon. Passengers left."
    assert _names("The ferry docked in the port of Lisk in the port of Lisk at noon.", text) == []


# -- through the verifier ----------------------------------------------------------------------


def test_the_report_names_the_check_with_its_spans() -> None:
    cluster = Cluster(cluster_id="c", articles=[Article(id="51", title="Ferries", text=FERRY)])
    claim = "Ferry operator Baltline said on Wednesday it would add two sailings to Vessby [51]."
    report = verify(cluster, claim)
    (c,) = report.claims
    assert c.verdict == "unsupported"
    check = next(k for k in c.checks if k.name == "substitution")
    assert check.fired
    assert [(s.where, c.text[s.start : s.end]) for s in check.spans if s.where == "claim"] == [
        ("claim", "Baltline")
    ]
    assert c.score <= 0.25
    # the sentence as written passes, with the check run and silent
    ok = verify(cluster, "Ferry operator Nordlink said it would add two sailings to Vessby [51].")
    assert ok.claims[0].verdict == "supported"


# -- a number word is a figure ----------------------------------------------------------------

REVIEW = (
    "The board said it had corrected one figure in the audit, but that the 12% figure was "
    "drawn from the firm's own accounts. "
    "Auditors visited all three depots in March and found faults at two of them."
)


def test_a_figure_in_place_of_a_number_word_is_a_substitution() -> None:
    found = _deviations("The board said it had corrected the 12% figure in the audit.", REVIEW)
    assert [d.name for d in found] == ["substitution"]
    assert found[0].reason.startswith('"12" where sentence 1 of [a1], copied around it, says "one"')
    # "all three" where the sentence copied around it counts two: the article says three of
    # something else (the depots visited)
    assert _names("Auditors found faults at three of them.", REVIEW) == ["substitution"]


def test_the_same_figure_in_words_and_digits_is_no_substitution() -> None:
    assert (
        _names("Auditors visited all 3 depots in March and found faults at two of them.", REVIEW)
        == []
    )


def test_two_figures_stated_alike_are_no_repetition() -> None:
    text = (
        "The harbour scheme will cost £84 million. "
        "Of the cost, £52 million is being met from reserves, and £32 million comes as a loan."
    )
    claim = "Of the cost, £52 million is coming from reserves, and £32 million is a loan."
    assert "repetition" not in _names(claim, text)
    # words that say something, copied twice, still are
    twice = (
        "Of the cost, £52 million is being met from reserves, "
        "and a loan is being met from reserves."
    )
    assert _names(twice, text) == ["repetition"]
