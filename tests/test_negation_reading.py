"""Negations read by the clause they govern: abbreviations, denial verbs that open the next
clause, "without it", questions, and each reading beside a flip it must still catch."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify
from llmbrief.verifier import checks


def _cluster(text: str) -> Cluster:
    return Cluster(cluster_id="c", articles=[Article(id="a1", title="Story", text=text)])


def _verdict(text: str, claim: str) -> tuple[str, list[str]]:
    c = verify(_cluster(text), claim).claims[0]
    return c.verdict, [x.name for x in c.checks if x.fired]


RANKING = (
    "Tributes poured in on Monday for the cyclist Ilse Varn. World No. 1 Tomas Brecht called "
    "her the reason half of the riders in the peloton train at altitude."
)


def test_number_abbreviation_is_no_negation() -> None:
    assert not any(c.negated for c in checks.clauses("World No. 1 Tomas Brecht called her."))
    claim = (
        "World No. 1 Tomas Brecht called Ilse Varn the reason half the riders in the peloton "
        "train at altitude [a1]."
    )
    assert _verdict(RANKING, claim)[0] == "supported"


def test_no_before_a_word_is_still_a_negation() -> None:
    assert any(c.negated for c in checks.clauses("There was no answer. Then it rang."))


FUND = (
    "A spokesperson for the Orlen pension fund denied that the audit had been ignored, saying "
    "it had been carefully weighed by the trustees' panel."
)


def test_denial_verb_negates_the_clause_it_opens_not_its_own() -> None:
    text = "A spokesperson for the fund denied that the audit had been ignored."
    found = checks.clauses(text)
    # "A spokesperson for the fund denied": the verb alone, not the clause it ends
    assert found[0].scope is not None
    assert text[found[0].scope[0] : found[0].scope[1]] == "denied"
    assert found[1].scope is not None  # "that the audit had been ignored"
    claim = (
        "A spokesperson for the Orlen pension fund said the audit had been carefully weighed "
        "by the trustees' panel [a1]."
    )
    assert _verdict(FUND, claim)[0] == "supported"


def test_the_denied_clause_stated_is_still_caught() -> None:
    verdict, fired = _verdict(FUND, "The Orlen pension fund's audit had been ignored [a1].")
    assert verdict == "unsupported"
    assert "negation" in fired


LAND = (
    "The Ridgeway Trust said it had instructed lawyers to examine whether the council could "
    "charge for parking on land it does not own."
)


def test_a_verb_after_the_cue_is_no_ellipsis() -> None:
    text = "They may charge for parking on land it does not own."
    (clause,) = [c for c in checks.clauses(text) if c.negated]
    assert text[clause.scope[0] : clause.scope[1]] == "not own."  # type: ignore[index]
    claim = (
        "The Ridgeway Trust has instructed lawyers to examine whether the council could charge "
        "for parking [a1]."
    )
    assert _verdict(LAND, claim)[0] == "supported"
    verdict, _ = _verdict(LAND, "The Ridgeway Trust said the council owns the land [a1].")
    assert verdict == "unsupported"


def test_elliptical_negation_still_reads_its_clause() -> None:
    text = "The board promised a refund, which it did not."
    assert any(c.scope == (c.start, c.end) for c in checks.clauses(text))


WITHOUT = (
    "Analyst Rhea Stott called the rescue plan overdue and said that without it the mill "
    "could close altogether within three years."
)


def test_without_a_pronoun_is_a_condition() -> None:
    claim = "Rhea Stott warned the mill could otherwise close altogether within three years [a1]."
    assert _verdict(WITHOUT, claim)[0] == "supported"


def test_without_a_noun_still_denies() -> None:
    text = "The mill could close within three years without new orders, said Rhea Stott."
    verdict, _ = _verdict(text, "Rhea Stott said the mill had new orders [a1].")
    assert verdict == "unsupported"


FEE = (
    "The park authority plans a daily parking fee. Its chief said she did not believe the fee "
    "would put off visitors."
)


def test_a_claim_asking_whether_states_neither_answer() -> None:
    claim = (
        "The daily parking fee planned by the park authority has split opinion over whether "
        "it will put off visitors [a1]."
    )
    assert _verdict(FEE, claim)[0] == "supported"


def test_a_claim_stating_the_denied_effect_is_caught() -> None:
    claim = "The park authority's chief said the daily parking fee would put off visitors [a1]."
    verdict, fired = _verdict(FEE, claim)
    assert verdict == "unsupported"
    assert "negation" in fired


BEETLE = (
    "Officials said it was not yet clear how the beetle reached the forest. It may have arrived "
    "in imported timber, and an inquiry is under way."
)


def test_not_clear_how_meets_a_claim_of_a_possibility() -> None:
    claim = "Officials said the beetle may have arrived in imported timber [a1]."
    assert _verdict(BEETLE, claim)[0] == "supported"


def test_not_known_whether_is_no_support_for_a_fact() -> None:
    text = "The company said it did not yet know whether the trapped miners were injured."
    verdict, fired = _verdict(text, "The company said the trapped miners were injured [a1].")
    assert verdict == "unsupported"
    assert "negation" in fired


def test_did_not_say_whether_is_no_support_for_said() -> None:
    text = "The sponsor Kellan Bank did not say whether it would withdraw its sponsorship."
    verdict, _ = _verdict(
        text, "The sponsor Kellan Bank said it would withdraw its sponsorship [a1]."
    )
    assert verdict == "unsupported"


REVIEW = (
    "The harbour review will be led by a former coastguard chief, Ada Renn, and will cover the "
    "alarms. The harbour master said the loss of one ferry would not on its own cause delays."
)


def test_to_be_led_by_is_a_plan_as_will_be_led_is() -> None:
    claim = "The harbour review is to be led by former coastguard chief Ada Renn [a1]."
    assert _verdict(REVIEW, claim)[0] == "supported"


def test_a_plan_stated_as_done_is_still_a_dropped_hedge() -> None:
    verdict, fired = _verdict(
        REVIEW, "The harbour review was led by former coastguard chief Ada Renn [a1]."
    )
    assert verdict == "unsupported"
    assert "hedges" in fired


def test_have_not_yet_states_nothing_done() -> None:
    claim = (
        "The harbour master said the loss of one ferry will not by itself cause delays, and "
        "fares have not yet moved [a1]."
    )
    fired = _verdict(REVIEW, claim)[1]
    assert "hedges" not in fired


BOARD = (
    "Two members of the board voted against the cut, warning that strong wage growth could "
    "keep inflation above target. In a statement, the two members said wages were rising by "
    "about 4.6% a year, well above what was consistent with 2% inflation."
)


def test_a_hedge_in_a_neighbouring_sentence_is_no_hedge_of_the_claim() -> None:
    claim = (
        "In a statement, the two dissenting board members warned that wages rising by about "
        "4.6% a year were too fast for 2% inflation [a1]."
    )
    assert _verdict(BOARD, claim) == ("supported", [])


def test_a_hedge_in_the_claims_own_sentence_still_fires() -> None:
    claim = (
        "Two members of the board warned that strong wage growth kept inflation above target [a1]."
    )
    verdict, fired = _verdict(BOARD, claim)
    assert verdict == "unsupported"
    assert "hedges" in fired


RETURN = (
    "Detectives from the UK who are in Marrow reviewing the inquiry have completed their work, "
    "the police said in a statement. They will now be returning to the UK to compile a report."
)


def test_a_hedged_act_the_claim_states_fires_wherever_it_is() -> None:
    claim = "Detectives reviewing the inquiry in Marrow have returned to the UK [a1]."
    verdict, fired = _verdict(RETURN, claim)
    assert verdict == "unsupported"
    assert "hedges" in fired


def test_a_question_both_ask_keeps_the_denial_of_knowing() -> None:
    text = "Evacuees from the Brae fire said they did not know whether their homes were standing."
    claim = "Evacuees from the Brae fire had been told whether their homes were standing [a1]."
    verdict, fired = _verdict(text, claim)
    assert verdict == "unsupported"
    assert "negation" in fired
