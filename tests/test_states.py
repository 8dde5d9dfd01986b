"""A state said to have ended where the evidence says it goes on, and a whole where the
evidence gives a part (checks.state_clash, checks.quantifier_clash)."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify
from llmbrief.verifier import checks
from llmbrief.verifier.lexicon import stem, words

TARN = Cluster(
    cluster_id="tarn",
    articles=[
        Article(
            id="t1",
            title="Tarn flood",
            text=(
                "Water levels on the river Tarn fell overnight in the town of Oslet. "
                "The boil-water notice for Oslet remains in force. "
                "Entry to the harbour car park stays free on weekdays. "
                "The Brenn bridge reopened to lorries in one lane on Tuesday. "
                "The council hired 40 more wardens, most of them for the riverside."
            ),
        )
    ],
)


def _verdict(claim: str) -> tuple[str, list[str]]:
    c = verify(TARN, claim).claims[0]
    return c.verdict, c.reasons


def _toks(text: str) -> list[str]:
    return [stem(w.lower()) for w in words(text)]


def test_an_ended_state_where_the_evidence_says_it_remains() -> None:
    verdict, reasons = _verdict("The boil-water notice for Oslet was lifted on Tuesday [t1].")
    assert verdict == "unsupported"
    assert 'the claim says "lifted" where the evidence says "remains"' in reasons


def test_no_longer_where_the_evidence_says_it_stays() -> None:
    verdict, reasons = _verdict("Entry to the harbour car park is no longer free on weekdays [t1].")
    assert verdict == "unsupported"
    assert 'the claim says "no longer" where the evidence says "stays"' in reasons


def test_the_state_going_on_agrees() -> None:
    assert _verdict("The boil-water notice for Oslet remains in force [t1].")[0] == "supported"


def test_a_continuing_word_said_of_something_else_does_not_clash() -> None:
    claim = _toks("The curfew in Oslet was lifted")
    evidence = [_toks("Shops in Brenn remain shut")]
    assert checks.state_clash(claim, evidence) is None


def test_evidence_that_states_the_change_does_not_clash() -> None:
    claim = _toks("The boil-water notice for Oslet was lifted")
    evidence = [_toks("The boil-water notice for Oslet was lifted, but a curfew remains")]
    assert checks.state_clash(claim, evidence) is None


def test_all_where_the_evidence_says_most() -> None:
    claim = "The council hired 40 more wardens, all of them for the riverside [t1]."
    verdict, reasons = _verdict(claim)
    assert verdict == "unsupported"
    assert 'the claim says "all" where the evidence says "most"' in reasons


def test_both_where_the_evidence_says_one() -> None:
    claim = "The Brenn bridge reopened to lorries in both lanes on Tuesday [t1]."
    verdict, reasons = _verdict(claim)
    assert verdict == "unsupported"
    assert 'the claim says "both" where the evidence says "one"' in reasons


def test_a_whole_in_another_slot_does_not_clash() -> None:
    claim = _toks("All of the wardens work in one district")
    evidence = [_toks("Most wardens said some of them work nights")]
    assert checks.quantifier_clash(claim, evidence) is None


def test_after_where_the_evidence_says_before_the_same_event() -> None:
    cluster = Cluster(
        cluster_id="quill",
        articles=[
            Article(
                id="q1",
                title="Quill mill",
                text=(
                    "The mill opened two weeks after the harvest ended. Owner Rhea Tolm said "
                    "milling would begin before any inspection so the mill could ship early."
                ),
            )
        ],
    )
    claim = "Rhea Tolm said milling would start only after the new flour inspection [q1]."
    c = verify(cluster, claim).claims[0]
    assert c.verdict == "unsupported"
    assert 'the claim says "after" where the evidence says "before"' in c.reasons


def test_after_of_another_event_does_not_clash() -> None:
    claim = _toks("Tolm said milling would begin after the harvest")
    evidence = [_toks("Tolm said milling would begin after the harvest, before the inspection")]
    assert checks.order_clash(claim, evidence) is None


def test_a_whole_where_the_evidence_gives_a_part_with_a_word_added_between() -> None:
    evidence = [_toks("Rents rose by a fifth in some villages last year")]
    claim = _toks("Rents rose by a fifth in every coastal village last year")
    assert checks.quantifier_clash(claim, evidence) == ("every", "som")
    evidence = [_toks("Rents rose by a fifth in some coastal villages last year")]
    assert checks.quantifier_clash(_toks("Rents rose in every village"), evidence) is not None
    # a whole of another thing after the same word does not clash
    evidence = [_toks("Rents rose in some villages")]
    assert checks.quantifier_clash(_toks("Rents rose in every town hall"), evidence) is None


def test_ended_where_the_evidence_says_it_goes_on_under_another_word_for_it() -> None:
    claim = _toks("The park rangers called off the hunt for the lynx on Monday")
    evidence = [
        _toks(
            "The park rangers narrowed the hunt for the lynx on Monday, sending two dog "
            "teams home, but said it would continue until the animal was found"
        )
    ]
    assert checks.state_clash(claim, evidence) == ("call off", "continu")
    other = [_toks("Hikers on the ridge path, sending two teams home, said it would continue")]
    assert checks.state_clash(claim, other) is None
