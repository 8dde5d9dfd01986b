"""Events: causes, acts and polarities told in the source's own words (fictional articles and
claims written for these tests).

Each rule: a claim it must sink (which the verifier passed before the rule: its words are the
article's) and a faithful paraphrase it must let through.
"""

from __future__ import annotations

from llmbrief.types import Article, ClaimReport, Cluster
from llmbrief.verifier import ClusterIndex, verify
from llmbrief.verifier.events import _flipped

BRIDGE = (
    "A footbridge over the River Tamm in Ollerby collapsed on Sunday morning, injuring four "
    "people. The cause of the collapse was not yet known. Strong winds had battered the town "
    "overnight, and a storm warning had been in force until Sunday. City engineer Petra Lind "
    "said all other bridges in Ollerby would be inspected this week."
)

TRANSFER = (
    "Coach Ana Brisk said Dario Velt had chosen Northam over Eastfield because Northam had "
    'offered him a place in the starting team. "The salary was not the deciding factor," she '
    "said. Velt, 22, scored 31 goals last season."
)

ENQUIRY = (
    "The maker of the pumps said on Monday that a faulty valve, not a worker's error, had "
    "caused the leak at the Kalder plant. Pumpco said the valve had cracked in the cold. "
    "The plant has been shut since the leak. Its 300 workers have been sent home on full pay. "
    "The regulator said it was examining whether the valve explanation was correct."
)

BUDGET = (
    "The new hospital wing will cost the region 80 million euros, the treasury said, with "
    "about 50 million euros to come from a bond issue and the rest from the health budget. "
    "Building starts in May."
)

AUCTION = (
    "The city's sale of the old tram depot drew seven offers, according to two people "
    "familiar with the sale, more than the council had expected. The council said the "
    "winner would be named in June."
)

HEARING = (
    "Mayor Ilse Dahl was questioned for three hours at the inquiry on Monday. Counsel Jorge "
    "Marr put it to her that she had met the developer in 2022 before the vote. Dahl said she "
    "could not remember the meeting."
)

CLINIC = (
    "The lawyer for the clinic said on Friday that the glass annexe was a storeroom, not a ward. "
    '"The inspectors knew this and approved it," lawyer Rita Holm said.'
)

FESTIVAL = (
    "The Harvest Festival drew 40,000 people to Selby Park on Saturday, and some visitors "
    "said the food stalls ran out of bread by the evening. Organiser Tom Gale said the stalls "
    "had not run out of food."
)


def _claim(text: str, claim: str) -> ClaimReport:
    cluster = Cluster(cluster_id="c", articles=[Article(id="a1", title="t", text=text)])
    return verify(cluster, f"{claim} [a1]").claims[0]


def _events(report: ClaimReport) -> str:
    fired = [c.detail for c in report.checks if c.name == "events" and c.fired]
    return fired[0] if fired else ""


def _sunk(text: str, claim: str) -> str:
    report = _claim(text, claim)
    assert report.verdict == "unsupported", (claim, report.reasons)
    found = _events(report)
    assert found, (claim, report.reasons)
    return found


def _passes(text: str, claim: str) -> None:
    report = _claim(text, claim)
    assert report.verdict == "supported", (claim, report.reasons)


# -- causes --------------------------------------------------------------------------------


def test_a_cause_the_evidence_says_is_not_yet_known_is_invented() -> None:
    found = _sunk(BRIDGE, "The collapse was caused by strong overnight winds.")
    assert 'names a cause ("caused by strong overnight winds")' in found
    assert "The cause of the collapse was not yet known" in found


def test_the_unknown_cause_itself_passes() -> None:
    _passes(BRIDGE, "The cause of the footbridge collapse in Ollerby is not yet known.")
    _passes(BRIDGE, "Strong winds had battered Ollerby overnight before the collapse.")


def test_a_cause_the_evidence_rules_out_is_invented() -> None:
    found = _sunk(TRANSFER, "Brisk said Velt chose Northam over Eastfield because of the salary.")
    assert "The salary was not the deciding factor" in found


def test_the_cause_the_evidence_gives_passes() -> None:
    _passes(
        TRANSFER,
        "Brisk said Velt chose Northam over Eastfield because Northam offered him a place "
        "in the starting team.",
    )


def test_a_speaker_still_examining_a_cause_did_not_give_it() -> None:
    claim = "The regulator said the valve had caused the leak and cleared Pumpco of blame."
    found = _sunk(ENQUIRY, claim)
    assert "examining whether the valve explanation was correct" in found


def test_the_speaker_who_gave_the_cause_passes() -> None:
    _passes(ENQUIRY, "The pump maker said a faulty valve had caused the leak at the Kalder plant.")


# -- shares, sources, admissions -----------------------------------------------------------


def test_the_rest_swapped_with_the_share_is_caught() -> None:
    found = _sunk(
        BUDGET, "About 50 million euros will come from the health budget and the rest from a bond."
    )
    assert found.startswith("shares swapped")


def test_the_shares_in_their_order_pass() -> None:
    _passes(
        BUDGET,
        "About 50 million euros will come from a bond issue and the rest from the health budget.",
    )


def test_a_figure_according_to_another_source_is_caught() -> None:
    claim = "The sale of the tram depot drew seven offers, according to the council."
    found = _sunk(AUCTION, claim)
    assert "wrong source" in found
    assert "according to two people familiar with the sale" in found


def test_the_source_the_evidence_names_passes() -> None:
    _passes(
        AUCTION,
        "The sale of the old tram depot drew seven offers, according to people familiar "
        "with the sale.",
    )


def test_an_allegation_put_to_someone_is_no_admission() -> None:
    found = _sunk(HEARING, "Dahl admitted meeting the developer in 2022 before the vote.")
    assert 'the claim says "admitted"' in found
    assert "put it to her" in found


def test_the_allegation_reported_as_one_passes() -> None:
    _passes(HEARING, "Marr put it to Dahl that she had met the developer in 2022 before the vote.")


# -- polarity outside the window -----------------------------------------------------------


def test_a_negated_clause_the_speaker_states_is_caught() -> None:
    found = _sunk(CLINIC, "Holm said the inspectors had not known about the glass annexe.")
    assert "The inspectors knew this and approved it" in found


def test_the_clause_as_the_speaker_states_it_passes() -> None:
    _passes(CLINIC, "Holm said the inspectors had known about the glass annexe.")


def test_a_clause_the_evidence_denies_elsewhere_is_caught() -> None:
    found = _sunk(FESTIVAL, "Some visitors said the food stalls ran out of food by the evening.")
    assert "the stalls had not run out of food" in found


def test_what_the_window_says_passes() -> None:
    _passes(FESTIVAL, "Some visitors said the food stalls ran out of bread by the evening.")


def test_not_until_says_when_and_is_no_flip() -> None:
    text = "The line reopened at noon. Trains did not run until the signals were repaired."
    _passes(text, "Trains did not run until the signals were repaired.")


# -- the day of an event -------------------------------------------------------------------

SCHOOL = (
    "Kellby Primary School closed its main hall on Thursday after part of the ceiling fell "
    "in. Pupils had been moved to the gym on Wednesday, when cracks were first seen. The "
    "council said on Friday that repairs would take a month."
)


def test_an_event_dated_to_another_day_than_its_sentence_gives_is_caught() -> None:
    # the binding check reads it ("on Wednesday" where the sentence says "on Thursday")
    report = _claim(SCHOOL, "Kellby Primary School closed its main hall on Wednesday.")
    assert report.verdict == "unsupported", report.reasons
    assert "Thursday" in " ".join(report.reasons)


def test_the_day_the_sentence_gives_passes() -> None:
    _passes(SCHOOL, "Kellby Primary School closed its main hall on Thursday.")
    # a statement may be made on several days: not read
    _passes(SCHOOL, "The council said on Friday that repairs would take a month.")


# -- a denial that goes on with its subject, and approval of what was rejected ------------

HERONS = (
    "The grey heron is back on the Mell estuary. Its numbers there have risen since 2019, "
    "and egg theft has fallen in recent years but has not stopped, wardens said."
)


def test_a_verb_denied_in_a_clause_that_goes_on_with_its_subject_is_caught() -> None:
    # the scope check reads it (an end, "stopped", where the evidence has a fall)
    report = _claim(HERONS, "Egg theft on the Mell estuary has stopped in recent years.")
    assert report.verdict == "unsupported", report.reasons


def test_what_the_first_clause_says_passes() -> None:
    _passes(HERONS, "Egg theft on the Mell estuary has fallen in recent years.")


LEVY = (
    "The government will double the landfill levy from April. The trade group Waste Alliance "
    "said a higher levy was not the answer and that councils needed better recycling. "
    "Environmental groups welcomed the change."
)


def test_approval_of_what_the_body_rejected_is_caught() -> None:
    found = _sunk(LEVY, "The trade group Waste Alliance welcomed the higher levy.")
    assert found == (
        'the claim says "welcomed the higher levy" where the evidence says '
        '"a higher levy was not the answer"'
    )


def test_approval_the_evidence_reports_passes() -> None:
    _passes(LEVY, "Environmental groups welcomed the change to the levy.")


# -- kept from doing something, or free to -------------------------------------------------

INQUIRY = (
    "The cycling federation said its inquiry into Rhys Moran would take a month. It said "
    "Moran remained free to race in other events while the inquiry was under way."
)


def test_barred_where_the_evidence_says_free_is_caught() -> None:
    claim = "The federation has barred Moran from racing in other events during its inquiry."
    found = _sunk(INQUIRY, claim)
    assert found == (
        'the claim says "barred Moran from racing" where the evidence says "free to race"'
    )


def test_free_as_the_evidence_says_passes() -> None:
    _passes(INQUIRY, "Moran may still race in other events while the inquiry is under way.")


def test_a_cause_nobody_has_given_yet_is_invented() -> None:
    text = (
        "Power went out across the east of Varna for six hours on Friday. Engineers were "
        "investigating what caused the blackout, the grid operator said. A storm had crossed "
        "the region that morning."
    )
    found = _sunk(text, "The blackout in Varna was caused by the storm.")
    assert "investigating what caused the blackout" in found
    _passes(text, "A storm crossed the region on the morning of the blackout in Varna.")


def test_a_cause_it_is_too_early_to_name_with_certainty_is_invented() -> None:
    # "too early to say", and a word of how sure between the cue and what is asked
    text = (
        "Forty guests fell ill after a wedding at the Orla Hotel in Brenn on Saturday. "
        '"It is too early to say with certainty what caused these illnesses," said Dr Lena '
        "Voss of the county health office. Guests had been served oysters and a cream cake."
    )
    found = _sunk(text, "Dr Lena Voss said the illnesses had been caused by the oysters.")
    assert "too early to say with certainty what" in found
    _passes(text, "Voss said it was too early to say what caused the illnesses.")
    _passes(text, "Guests at the Brenn wedding had been served oysters and a cream cake.")


def test_a_deadline_the_evidence_never_gives_is_invented() -> None:
    text = (
        "A flood closed the Ostby paper mill on Monday. Owner Karin Lund said all 140 staff "
        "would be paid while the mill was shut. She declined to say when production would "
        "restart. The town council said it would publish a report on the flood once the "
        "inquiry was complete."
    )
    found = _sunk(text, "Lund said production would restart within a month.")
    assert found == (
        'the claim says "within a month" where the evidence says "She declined to say when '
        'production would restart"'
    )
    found = _sunk(text, "The council will publish its report on the flood by the end of the month.")
    assert "once the inquiry was complete" in found
    _passes(text, "Lund said all 140 staff would be paid while the Ostby mill was shut.")
    _passes(text, "The council will publish a report on the flood once the inquiry is complete.")


def test_a_deadline_the_evidence_gives_passes() -> None:
    text = (
        "The Ostby paper mill will reopen next month, owner Karin Lund said. She declined to "
        "say when the second line would restart."
    )
    _passes(text, "Lund said the Ostby mill would reopen next month.")


def test_the_two_sides_of_a_contrast_exchanged_are_caught() -> None:
    text = (
        "The Tarby water board said on Monday that the outage had been caused by a worker's "
        "error in fitting a new valve, not by the valve itself. Supply was back by noon."
    )
    found = _sunk(text, "The water board blamed the valve itself rather than a worker's error.")
    assert found.startswith('the claim says "The water board blamed the valve itself rather')
    assert "a worker's error in fitting a new valve, not by the valve itself" in found
    _passes(text, "The water board blamed a worker's error rather than the valve itself.")
    _passes(text, "The water board said a worker's error, not the valve, caused the outage.")


def test_a_figure_multiplied_by_another_factor_is_caught() -> None:
    text = (
        "Bus use in Harlow has doubled in three years, the transport office said. The city "
        "ambulance service took 180 calls on Friday, more than double a normal day."
    )
    found = _sunk(text, "Bus use in Harlow has tripled in three years.")
    assert found == (
        'the claim says "tripled" where the evidence says "Bus use in Harlow has doubled in '
        'three years"'
    )
    assert "more than double a normal day" in _sunk(
        text, "The ambulance service took 180 calls on Friday, triple a normal day."
    )
    _passes(text, "Bus use in Harlow has doubled in three years.")
    _passes(text, "Bus use in Harlow is twice what it was three years ago.")


def test_a_negated_verb_with_another_object_is_no_flip() -> None:
    text = "Landlord Omar Reyes said the tenants paid the rent for May on time."
    cluster = Cluster(cluster_id="c", articles=[Article(id="a1", title="t", text=text)])
    sentences = ClusterIndex(cluster).articles[0].sentences
    assert _flipped("Reyes said the tenants had not paid the noise fine.", sentences) is None
    found = _flipped("Reyes said the tenants had not paid the rent for May.", sentences)
    assert found is not None
    assert found[0] == (
        'the claim says "Reyes said the tenants had not paid the rent for May" where the '
        'evidence says "Landlord Omar Reyes said the tenants paid the rent for May on time"'
    )


# -- what the cued rules must let through --------------------------------------------------


def test_a_cause_a_sentence_gives_answers_the_open_question() -> None:
    text = (
        "A fire destroyed a bakery on Mill Road in Tarby on Sunday. The cause of the fire was "
        "under investigation on Monday. Fire officers blamed a faulty oven in a statement "
        "later that day."
    )
    _passes(text, "The fire at the Mill Road bakery was caused by a faulty oven.")


def test_an_open_question_about_something_else_is_not_read() -> None:
    text = (
        "Officers said a faulty oven was behind the fire that destroyed a bakery on Mill Road "
        "in Tarby on Sunday. Officers at the bakery said the cause of a second blaze was not "
        "yet known."
    )
    _passes(text, "The fire at the Mill Road bakery in Tarby was caused by a faulty oven.")


def test_a_source_named_in_full_is_its_acronym() -> None:
    text = (
        "Grain prices rose 12% in March, according to a report by the Food and Agriculture "
        "Organization. Wheat led the rise."
    )
    _passes(text, "Grain prices rose 12% in March, according to the FAO.")


def test_an_admission_the_evidence_reports_passes() -> None:
    text = (
        "Counsel Jorge Marr put it to Mayor Ilse Dahl that she had met the developer in 2022. "
        "Dahl admitted that she had met the developer in 2022, but said it was by chance."
    )
    _passes(text, "Dahl admitted meeting the developer in 2022.")


# -- a win where the evidence places them lower ---------------------------------------------

RACE = (
    "Mara Lind won the women's race at the Oslund Half Marathon on Sunday in 71 minutes. "
    "Lind, 31, had finished third in Oslund last year. She said the cool weather had helped."
)


def test_a_win_the_evidence_places_second_or_lower_is_caught() -> None:
    found = _sunk(RACE, "Lind, 31, had won the race in Oslund last year.")
    assert found.startswith('the claim says "won" where the evidence says "finished third"')


def test_the_win_the_evidence_reports_passes() -> None:
    _passes(RACE, "Lind won the women's race at the Oslund Half Marathon on Sunday.")


def test_a_claim_denying_through_its_object_is_no_flip() -> None:
    # "found no further breaches" says what "did not find further breaches" says
    cluster = Cluster(
        cluster_id="kiln",
        articles=[
            Article(
                id="k1",
                title="Kiln works cited",
                text=(
                    "The safety board cited the Orrow kiln works twice last year. "
                    "Board inspector Mara Lind said: our follow-up inspections did not find "
                    "further breaches at the site."
                ),
            )
        ],
    )
    report = verify(
        cluster,
        "Lind said the board's follow-up inspections found no further breaches at the site [k1].",
    )
    assert report.claims[0].verdict == "supported", report.claims[0].reasons


# -- views refused ---------------------------------------------------------------------------

FERRY = (
    "The ferry operator Norline cancelled 40 sailings last week after a software fault. Chief "
    'executive Mara Quist said the company would pay refunds. "But I do not accept that we '
    'were slow to warn passengers," she said. Union official Tor Beck warned that the '
    "fault could happen again. Norline's engineer, Lise Pohl, rejected that view."
)


def test_a_view_the_speaker_does_not_accept_is_no_concession() -> None:
    found = _sunk(FERRY, "Mara Quist conceded that the company had been slow to warn passengers.")
    assert '"conceded"' in found


def test_a_view_the_speaker_rejected_is_no_agreement() -> None:
    found = _sunk(FERRY, "Engineer Lise Pohl agreed that the fault could happen again.")
    assert "rejected that view" in found


def test_the_refusal_itself_passes() -> None:
    _passes(FERRY, "Mara Quist said she did not accept that Norline was slow to warn passengers.")
