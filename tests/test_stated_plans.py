"""A claim that states a plan itself: a verb of planning or a decision the source reports
("voted to let her keep", "planned strikes"), a future whose subject the source plans
("half the money will go to"), an infinitive or a question that states nothing as done.
Each beside the dropped hedge it must still catch."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify


def _verdict(text: str, claim: str) -> tuple[str, list[str]]:
    cluster = Cluster(cluster_id="c", articles=[Article(id="a1", title="Story", text=text)])
    c = verify(cluster, claim).claims[0]
    return c.verdict, [x.name for x in c.checks if x.fired]


PRIZE = (
    "Mira Solt will keep the Brennan Medal for poetry, the medal's trustees said on Friday. "
    "The trustees met on Thursday and voted four to three against withdrawing the medal. "
    "Her publisher has paused sales of the collection."
)


def test_a_decision_the_source_reports_states_its_object_as_a_plan() -> None:
    claim = "The trustees voted four to three to let Solt keep the Brennan Medal [a1]."
    assert _verdict(PRIZE, claim) == ("supported", [])


def test_what_was_decided_stated_as_done_is_still_a_dropped_hedge() -> None:
    claim = "Solt kept the Brennan Medal after the trustees met on Thursday [a1]."
    verdict, fired = _verdict(PRIZE, claim)
    assert verdict == "unsupported"
    assert "hedges" in fired


ASSEMBLY = (
    "A motion to reform the ferry fares will go before the island assembly next month. "
    "The reform will cut fares for residents by a third, the transport minister said."
)


def test_a_decision_the_source_never_reports_keeps_the_hedge() -> None:
    # the vote is still to come: "has voted to" states the decision as made
    claim = "The island assembly has voted to cut ferry fares for residents by a third [a1]."
    verdict, fired = _verdict(ASSEMBLY, claim)
    assert verdict == "unsupported"
    assert "hedges" in fired


STRIKE = (
    "Tram drivers backed strikes by 81% on a turnout of 64%, the union said on Monday. "
    "Drivers will strike for 24 hours on Tuesday May 5 and will refuse overtime from May 2."
)


def test_planned_states_a_plan() -> None:
    claim = "Drivers planned a 24-hour strike on Tuesday May 5, along with an overtime ban [a1]."
    assert "hedges" not in _verdict(STRIKE, claim)[1]


def test_a_strike_stated_as_held_is_still_a_dropped_hedge() -> None:
    claim = "Drivers held a 24-hour strike on Tuesday May 5 and refused overtime from May 2 [a1]."
    assert "hedges" in _verdict(STRIKE, claim)[1]


FUND = (
    "The government will put half of the proceeds from the port sale into a fund for "
    "coastal towns, the finance ministry said on Tuesday. The sale raised 900 million."
)


def test_a_future_plans_its_subject_too() -> None:
    claim = "Half the proceeds of the port sale will go to a fund for coastal towns [a1]."
    assert "hedges" not in _verdict(FUND, claim)[1]


def test_the_same_subject_stated_as_paid_is_still_a_dropped_hedge() -> None:
    claim = "Half the proceeds of the port sale went to a fund for coastal towns [a1]."
    assert "hedges" in _verdict(FUND, claim)[1]


WATER = (
    "Elmside Water said vulnerable customers, about 1,800 households, would have bottled "
    "water delivered to their homes. Schools in the town closed on Tuesday."
)


def test_were_to_have_states_nothing_as_done() -> None:
    claim = "About 1,800 households were to have bottled water delivered to their homes [a1]."
    assert "hedges" not in _verdict(WATER, claim)[1]


def test_water_stated_as_delivered_is_still_a_dropped_hedge() -> None:
    claim = "Bottled water has been delivered to about 1,800 households at their homes [a1]."
    assert "hedges" in _verdict(WATER, claim)[1]


INQUIRY = (
    "The inspectorate said it would examine whether the operator had properly maintained "
    "the pipeline and whether its alarms met safety rules."
)


def test_a_perfect_inside_whether_states_nothing_as_done() -> None:
    claim = (
        "The inspectorate said it would examine whether the pipeline had been properly "
        "maintained [a1]."
    )
    assert _verdict(INQUIRY, claim) == ("supported", [])


def test_a_perfect_stated_outright_is_still_a_dropped_hedge() -> None:
    claim = "The inspectorate has examined whether the pipeline had been properly maintained [a1]."
    assert "hedges" in _verdict(INQUIRY, claim)[1]
