"""Binding checks (fictional articles and claims written for these tests).

Each rule has a claim whose every word and figure the article writes but binds otherwise
(it passed before the check existed), and a paraphrase or a right binding that must pass.
"""

from __future__ import annotations

import pytest

from llmbrief.types import Article, Cluster
from llmbrief.verifier import verify

PLANT = (
    "Solvik Energy will build a battery plant in Marrow, the company said on Tuesday. "
    "The plant will create about 900 jobs during construction and 120 permanent jobs once "
    "it opens. "
    "Construction will begin next year after a week of public hearings in the town. "
    "The local council will review the permit every three years. "
    "Inspections of the site will be cut from monthly to every two months, the council said. "
    "The company increased its investment budget for the region from 40 million to 48 "
    "million euros. "
    "Residents raised concerns about noise, traffic and water use at the hearings. "
    "The regulator expects to publish a preliminary assessment within 60 days. "
    "The regional grid operator declared a supply warning on Friday after two substations "
    "failed. "
    "On Thursday, 14 homes lost power in the storm. "
    "Power cuts hit 310 homes across Thursday and Friday. "
    "About 40 of the region's 310 schools closed early. "
    "The plant's first shipment is due three months after it opens, with the remaining "
    "orders expected later. "
    "Mayor Jonna Leid said the plant would be a boost for families and shops."
)


def _report(claim: str, text: str = PLANT) -> tuple[str, list[str], bool]:
    """(verdict, reasons, whether the binding check fired) of one claim citing ``text``."""
    cluster = Cluster(cluster_id="c", articles=[Article(id="sv-1", title="t", text=text)])
    claim_report = verify(cluster, f"{claim} [sv-1].").claims[0]
    fired = any(c.name == "binding" and c.fired for c in claim_report.checks)
    return claim_report.verdict, claim_report.reasons, fired


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        # a figure of another head noun: 900 jobs are during construction, 120 permanent
        (
            "The plant will create about 900 permanent jobs",
            "The plant will create about 120 permanent jobs",
        ),
        # a part made the whole: 310 is all the region's schools
        (
            "About 310 of the region's schools closed early",
            "About 40 of the region's schools closed early",
        ),
        # one day for a figure of two
        ("Power cuts hit 310 homes on Friday", "Power cuts hit 310 homes on Thursday and Friday"),
        # a date after the words the source dates with another one
        (
            "The regional grid operator declared a supply warning on Thursday",
            "The regional grid operator declared a supply warning on Friday",
        ),
        # a stage of a report
        (
            "The regulator expects to publish a final assessment within 60 days",
            "The regulator expects to publish a preliminary assessment within 60 days",
        ),
        # a factor the figures do not make
        (
            "The company doubled its investment budget for the region",
            "The company increased its investment budget for the region",
        ),
        # how often
        (
            "The local council will review the permit every year",
            "The council will review the permit once every three years",
        ),
        (
            "Inspections of the site will be cut from monthly to quarterly",
            "Inspections of the site will be cut from monthly to every other month",
        ),
        # a period placed otherwise
        ("Construction will begin this year", "Construction will start next year"),
        # a length of time before the same words
        (
            "Construction will follow a month of public hearings in the town",
            "Construction will follow a week of public hearings in the town",
        ),
        # a list item swapped
        (
            "Residents raised concerns about noise, traffic and air quality at the hearings",
            "Residents raised concerns about traffic, noise and water use at the hearings",
        ),
    ],
)
def test_a_binding_changed_is_caught_and_the_right_one_passes(wrong: str, right: str) -> None:
    verdict, reasons, fired = _report(wrong)
    assert verdict == "unsupported", (wrong, reasons)
    assert reasons
    verdict, reasons, fired = _report(right)
    assert verdict == "supported", (right, reasons)
    assert not fired


def test_the_binding_finding_names_what_the_evidence_says() -> None:
    _, reasons, fired = _report("The local council will review the permit every year")
    assert fired
    assert reasons == ['"every year" where the evidence says "every three years" in [sv-1]']
    _, reasons, _ = _report("Construction will begin this year")
    assert reasons == ['"this year" where the evidence says "next year" in [sv-1]']
    _, reasons, _ = _report(
        "Residents raised concerns about noise, traffic and air quality at the hearings"
    )
    assert reasons[0].startswith('"air quality" is listed where [sv-1] lists "water use"')


def test_two_items_swap_only_after_words_copied_with_them() -> None:
    # "a boost for families and": three words copied with the list tie it to the sentence
    verdict, reasons, fired = _report(
        "Mayor Jonna Leid said the plant would be a boost for families and farmers"
    )
    assert fired and verdict == "unsupported", reasons
    # an item the article writes elsewhere ("310 schools"): the claim may join two sentences
    _, reasons, fired = _report(
        "Mayor Jonna Leid said the plant would be a boost for families and schools"
    )
    assert not fired, reasons
    # nothing copied before "shops and families": no list of the article is aligned
    verdict, reasons, fired = _report("Leid said it would help shops and families")
    assert not fired, reasons


def test_a_verbatim_claim_is_not_read() -> None:
    verdict, reasons, fired = _report(
        "The plant will create about 900 jobs during construction and 120 permanent jobs "
        "once it opens"
    )
    assert verdict == "supported" and not fired, reasons


def test_a_date_after_a_reporting_verb_is_not_rebound() -> None:
    # "the company said on": what was said that day may be another statement
    text = (
        "Orlen Foods said on Monday it would close its Haldby plant. "
        "On Wednesday, Orlen Foods said on its website that 200 jobs would go."
    )
    _, reasons, fired = _report("Orlen Foods said on Wednesday that 200 jobs would go", text)
    assert not fired, reasons


def test_a_length_in_other_units_is_the_same_length() -> None:
    text = "The deal was signed after 18 months of talks with the unions."
    verdict, reasons, fired = _report(
        "The deal was signed after a year and a half of talks with the unions", text
    )
    assert verdict == "supported" and not fired, reasons
    verdict, reasons, fired = _report(
        "The deal was signed after three years of talks with the unions", text
    )
    assert verdict == "unsupported", reasons


def test_a_figure_of_two_days_in_a_sentence_dated_itself_is_left_alone() -> None:
    # "said on Friday": the claim's Friday may be the day it was said
    text = "Officials said on Friday that power cuts had hit 310 homes across Thursday and Friday."
    verdict, reasons, fired = _report("Officials said on Friday that cuts had hit 310 homes", text)
    assert verdict == "supported" and not fired, reasons


def test_a_day_given_only_to_something_else_is_caught() -> None:
    text = (
        "Residents of Orrby were ordered to leave their homes on Saturday as the river rose. "
        "The flood began on Friday night after two days of heavy rain."
    )
    verdict, reasons, fired = _report("The evacuation order for Orrby was issued on Friday", text)
    assert verdict == "unsupported" and fired, reasons
    assert reasons[0].startswith('"Friday" is the day of something else in [sv-1]')
    verdict, reasons, fired = _report("Orrby residents were ordered to leave on Saturday", text)
    assert verdict == "supported" and not fired, reasons


BOARD = (
    "The Tarsk board, which met on Monday, was set up to monitor river levels and crop conditions. "
    "In a note published alongside the minutes, treasurer Ola Venn and member Kaja Strand "
    "said costs were rising."
)


def test_a_list_item_in_another_form_or_a_noun_in_apposition_is_no_swap() -> None:
    # "crops" is the sentence's "crop conditions", shortened: the same item
    _, reasons, fired = _report("The board was set up to monitor river levels and crops", BOARD)
    assert not fired, reasons
    # "The two members" is what the list stands for, not an item of it
    _, reasons, fired = _report(
        "The two members, treasurer Ola Venn and member Kaja Strand, said costs were rising",
        BOARD,
    )
    assert not fired, reasons
    # an item swapped is still one
    _, reasons, fired = _report(
        "The board was set up to monitor river levels and fish stocks", BOARD
    )
    assert fired, reasons


def test_a_first_item_with_its_own_determiner_in_an_open_list_is_still_an_item() -> None:
    text = "The storm damaged the harbour office, two clinics and three schools in Vell."
    _, reasons, fired = _report(
        "The storm damaged the ferry terminal, two clinics and three schools", text
    )
    assert fired, reasons


def test_an_amount_a_year_is_what_annual_says() -> None:
    cluster = Cluster(
        cluster_id="ferry-fund",
        articles=[
            Article(
                id="ff-1",
                title="Ferry fund",
                text=(
                    "The ferry trust's director, Ines Marr, said its grant of 4 million euros "
                    'a year was "not enough to sail every route every day".'
                ),
            )
        ],
    )
    claim = (
        "Trust director Ines Marr said the annual grant of 4 million euros was not enough to "
        "sail every route every day [ff-1]."
    )
    assert verify(cluster, claim).claims[0].verdict == "supported"
    weekly = claim.replace("annual grant", "weekly grant")
    assert verify(cluster, weekly).claims[0].verdict == "unsupported"
