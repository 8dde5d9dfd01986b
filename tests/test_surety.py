"""Surety: a claim that states as settled what its evidence leaves open (fictional articles
and claims written for these tests)."""

from __future__ import annotations

from llmbrief.types import Article, ClaimReport, Cluster
from llmbrief.verifier import verify

SPILL = (
    "Oil was found on the beach at Morrow Bay on Tuesday. The coastguard said a tanker that "
    "anchored offshore last week was the most likely source of the spill, but that it was too "
    "early to say how the oil had reached the shore. Volunteers cleaned two kilometres of sand."
)

TESTS = (
    "Eleven pupils at Garth School fell ill after lunch on Monday. The council said tests "
    "confirmed that the school's salad bar was the source of the illness. The kitchen has "
    "been closed."
)

GENES = (
    "Samples from nine patients in Oldbridge matched the same strain, which the health "
    "agency said suggests that the cases share a single source. Officials are tracing diners."
)


def _claim(text: str, claim: str) -> ClaimReport:
    cluster = Cluster(cluster_id="c", articles=[Article(id="a1", title="t", text=text)])
    return verify(cluster, f"{claim} [a1]").claims[0]


def _surety(report: ClaimReport) -> str:
    fired = [c.detail for c in report.checks if c.name == "surety" and c.fired]
    return fired[0] if fired else ""


def test_a_likely_source_stated_as_confirmed_is_sunk() -> None:
    report = _claim(SPILL, "The coastguard said the tanker was the confirmed source of the spill.")
    assert report.verdict == "unsupported", report.reasons
    assert '"confirmed"' in _surety(report)


def test_the_likely_source_itself_passes() -> None:
    report = _claim(
        SPILL, "The coastguard said the tanker was the most likely source of the spill."
    )
    assert report.verdict == "supported", report.reasons


def test_a_suggestion_stated_as_shown_is_sunk() -> None:
    report = _claim(
        GENES, "The agency said the matching strain showed that the cases share a single source."
    )
    assert report.verdict == "unsupported", report.reasons
    assert '"suggests"' in _surety(report)


def test_what_the_evidence_confirms_passes() -> None:
    report = _claim(
        TESTS, "The council said tests confirmed the school's salad bar was the source."
    )
    assert report.verdict == "supported", report.reasons
    assert not _surety(report)


CUTS = (
    "The mill will close in March. Manager Ola Brand said job losses could be kept low "
    "through early retirement, but he did not rule them out. Police said they were not "
    "ruling anything out in the fire inquiry."
)


def test_what_the_evidence_did_not_rule_out_is_not_ruled_out() -> None:
    report = _claim(CUTS, "Ola Brand ruled out job losses at the mill.")
    assert report.verdict == "unsupported", report.reasons
    assert "not rule them out" in _surety(report)


def test_nothing_ruled_out_passes() -> None:
    report = _claim(CUTS, "Police said nothing was being ruled out in the fire inquiry.")
    assert not _surety(report), report.reasons


PLANT = (
    "Norcast said it would build a recycling plant in Tove, which would create 300 jobs, but "
    "only if the region pays half of the cost. The firm already runs two plants. Its stores "
    "lend tools to members if they ask."
)


def test_a_plan_stated_without_its_condition_is_sunk() -> None:
    report = _claim(
        PLANT, "Norcast said it would build a recycling plant in Tove creating 300 jobs."
    )
    assert report.verdict == "unsupported", report.reasons
    assert "only if the region pays" in _surety(report)


def test_the_plan_with_its_condition_passes() -> None:
    report = _claim(
        PLANT,
        "Norcast would build a recycling plant in Tove, creating 300 jobs, if the region "
        "pays half of the cost.",
    )
    assert not _surety(report), report.reasons


def test_a_practice_on_request_is_no_plan() -> None:
    report = _claim(PLANT, "Norcast's stores lend tools to members.")
    assert not _surety(report), report.reasons


TALKS = (
    "The port authority said it was negotiating with two shipping lines to move their "
    'freight to Halm. A spokesperson said the firm would "look at all options" for the '
    "old quay. The council has agreed to repair the sea wall."
)


def test_a_negotiation_stated_as_a_deal_is_sunk() -> None:
    report = _claim(
        TALKS, "The port authority has persuaded two shipping lines to move their freight to Halm."
    )
    assert report.verdict == "unsupported", report.reasons
    assert "negotiating" in _surety(report)


def test_an_agreement_the_evidence_reports_passes() -> None:
    report = _claim(TALKS, "The council has agreed to repair the sea wall.")
    assert not _surety(report), report.reasons


PUMPS = (
    "Three pumping stations at Leaford failed on Friday night. The water board said a power "
    "cut at its Hale substation was the most likely cause of the failures. Its engineers said "
    "they could not rule out that the station at Corbin had been damaged. The wiring of the "
    "backup generators was still being examined, investigators said. A burst main caused "
    "flooding on Quay Street, the board said."
)


def test_a_most_likely_cause_stated_as_the_cause_is_sunk() -> None:
    report = _claim(
        PUMPS, "The water board said a power cut at its Hale substation had caused the failures."
    )
    assert report.verdict == "unsupported", report.reasons
    assert "most likely cause" in _surety(report)


def test_an_open_examination_stated_as_a_finding_is_sunk() -> None:
    report = _claim(
        PUMPS, "Investigators concluded that the wiring of the backup generators was at fault."
    )
    assert report.verdict == "unsupported", report.reasons
    assert "still being examined" in _surety(report)


def test_what_could_not_be_ruled_out_stated_as_confirmed_is_sunk() -> None:
    report = _claim(
        PUMPS, "The board's engineers had confirmed that the station at Corbin had been damaged."
    )
    assert report.verdict == "unsupported", report.reasons
    assert '"confirmed"' in _surety(report)


def test_a_cause_as_hedged_as_its_source_passes() -> None:
    report = _claim(
        PUMPS,
        "The water board said a power cut at its Hale substation had most likely caused the "
        "failures.",
    )
    assert not _surety(report), report.reasons


def test_another_cause_the_source_states_passes() -> None:
    report = _claim(PUMPS, "A burst main caused flooding on Quay Street, the board said.")
    assert report.verdict == "supported", report.reasons
    assert not _surety(report)


REPAIRS = (
    "Dock gates at Wenlow jammed on Monday. The harbour master said rust was probably to "
    "blame. On Wednesday the harbour master said divers had found that a snapped cable caused "
    "the jam."
)


def test_a_cause_the_articles_settle_elsewhere_passes() -> None:
    report = _claim(REPAIRS, "The harbour master said a snapped cable caused the jam at Wenlow.")
    assert not _surety(report), report.reasons


BOARD = (
    "The rail regulator has asked all operators of the Vexa 200 train to check their brake "
    "pads within 14 days. Finance director Ruth Gale agreed to step aside temporarily while "
    "auditors review the pads contract. The drivers' union was taking legal advice over the "
    "new rosters. A court ordered Northway Rail to withdraw two older trains."
)


def test_a_request_stated_as_an_order_is_sunk() -> None:
    report = _claim(
        BOARD,
        "The rail regulator ordered all operators of the Vexa 200 to check their brake pads "
        "within 14 days.",
    )
    assert report.verdict == "unsupported", report.reasons
    assert '"ordered" where the evidence says only "asked"' in _surety(report)


def test_a_temporary_step_aside_stated_as_a_dismissal_is_sunk() -> None:
    report = _claim(
        BOARD, "Finance director Ruth Gale has been dismissed while auditors review the contract."
    )
    assert report.verdict == "unsupported", report.reasons
    assert "temporary step aside" in _surety(report)


def test_legal_advice_stated_as_a_challenge_lodged_is_sunk() -> None:
    report = _claim(BOARD, "The drivers' union has lodged a legal challenge over the new rosters.")
    assert report.verdict == "unsupported", report.reasons
    assert "taking legal advice" in _surety(report)


def test_the_request_as_the_source_tells_it_passes() -> None:
    report = _claim(
        BOARD,
        "The regulator asked operators of the Vexa 200 to check their brake pads within 14 days.",
    )
    assert not _surety(report), report.reasons


def test_an_order_the_source_tells_of_another_act_passes() -> None:
    report = _claim(BOARD, "A court ordered Northway Rail to withdraw two older trains.")
    assert report.verdict == "supported", report.reasons
    assert not _surety(report)


RECALL = (
    "The food agency asked the maker to recall its Sunny Oats bars on Monday. When the maker "
    "refused, the food agency ordered the recall of all Sunny Oats bars on Wednesday."
)


def test_an_order_the_articles_tell_after_a_request_passes() -> None:
    report = _claim(RECALL, "The food agency ordered the maker to recall its Sunny Oats bars.")
    assert not _surety(report), report.reasons


COURT = (
    "The tribunal is not expected to sit before March. If it rules for the tenants, it could "
    "order the landlord to repay a year's rent. The landlord will appeal any ruling against "
    "it, its lawyer said. Its lawyer said the landlord may sell the Mill Road flats."
)


def test_a_possibility_stated_as_sure_is_sunk() -> None:
    report = _claim(
        COURT,
        "The tribunal is not expected to sit before March, and if it rules for the tenants it "
        "will order the landlord to repay a year's rent.",
    )
    assert report.verdict == "unsupported", report.reasons
    assert '"could order"' in _surety(report)


def test_the_possibility_as_the_source_tells_it_passes() -> None:
    report = _claim(
        COURT,
        "The tribunal is not expected to sit before March, and if it rules for the tenants it "
        "could order the landlord to repay a year's rent.",
    )
    assert not _surety(report), report.reasons


def test_what_the_source_states_as_sure_passes() -> None:
    report = _claim(COURT, "The landlord will appeal any ruling against it, its lawyer said.")
    assert report.verdict == "supported", report.reasons
    assert not _surety(report)
