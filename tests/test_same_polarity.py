"""The same polarity in other words, and hedges read by what they govern: each reading
beside the flip it must still catch."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify


def _cluster(text: str) -> Cluster:
    return Cluster(cluster_id="c", articles=[Article(id="a1", title="Story", text=text)])


def _verdict(text: str, claim: str) -> tuple[str, list[str]]:
    c = verify(_cluster(text), claim).claims[0]
    return c.verdict, [x.name for x in c.checks if x.fired]


STEELWORKS = (
    "The Orvik steel group wants a funding agreement for its Tarnby plant by March 31. "
    "Asked what would happen if no deal was reached, the company said only that it would "
    "consider all options. Workers at the plant held a rally on Saturday. "
    '"Tarnby is not for sale," said spokeswoman Lise Dahl.'
)


def test_a_denial_quoted_outside_the_window_is_the_claims() -> None:
    claim = "Orvik says Tarnby is not for sale and wants a funding agreement by March 31 [a1]."
    assert _verdict(STEELWORKS, claim) == ("supported", [])


def test_a_denial_the_article_never_makes_is_still_caught() -> None:
    claim = "Orvik says Tarnby is not for lease and wants a funding agreement by March 31 [a1]."
    verdict, fired = _verdict(STEELWORKS, claim)
    assert verdict == "unsupported"
    assert "negation" in fired


SLIDE = (
    "A rockslide closed the road to Corvi on Monday. The driver of a delivery truck said he "
    "saw stones falling onto the road and reversed before the main mass came down. "
    "Engineers will inspect the slope on Wednesday. Nobody was injured."
)


def test_the_same_event_denied_in_another_form() -> None:
    claim = (
        "No one was hurt, and a delivery truck driver reversed when he saw stones falling onto "
        "the road [a1]."
    )
    assert _verdict(SLIDE, claim) == ("supported", [])


def test_a_denied_event_the_article_does_not_deny_is_caught() -> None:
    claim = (
        "No road was closed, and a delivery truck driver reversed when he saw stones falling "
        "onto the road [a1]."
    )
    assert _verdict(SLIDE, claim)[0] == "unsupported"


TRIAL = (
    "Dominic Varley, 46, is accused of taking a psalter from the cathedral library. "
    "Stefan Oakes, 39, an antiques dealer from Wexcombe, is accused of handling stolen goods. "
    "Both men deny the charges. The trial is expected to last three weeks."
)


def test_deny_the_charges_denies_what_the_sentence_before_charges() -> None:
    claim = "Antiques dealer Stefan Oakes, 39, of Wexcombe, denies handling stolen goods [a1]."
    assert _verdict(TRIAL, claim) == ("supported", [])


def test_a_denial_of_what_was_not_charged_is_caught() -> None:
    claim = "Antiques dealer Stefan Oakes, 39, of Wexcombe, denies selling the psalter abroad [a1]."
    assert _verdict(TRIAL, claim)[0] == "unsupported"


VERDICTS = (
    "A jury convicted Dominic Varley of theft on Tuesday after deliberating for 11 hours. "
    "The judge thanked the jurors for their patience. "
    "Stefan Oakes was found not guilty of handling stolen goods."
)


def test_a_denial_of_another_named_person_is_not_the_claims() -> None:
    claim = "A jury did not convict Dominic Varley of theft after deliberating for 11 hours [a1]."
    verdict, fired = _verdict(VERDICTS, claim)
    assert verdict == "unsupported"
    assert "negation" in fired


PENSION = (
    "Committee chair Martin Hale thanked Dunmore for her service and said the timing was a "
    "coincidence. He declined to say whether she would receive any payment on leaving."
)


def test_would_not_say_where_it_says_declined_to_say() -> None:
    claim = (
        "Committee chair Martin Hale called the timing a coincidence and would not say whether "
        "Dunmore would get a leaving payment [a1]."
    )
    assert _verdict(PENSION, claim) == ("supported", [])


def test_whether_or_not_is_no_denial_the_article_makes() -> None:
    text = (
        "A replacement could be ready in three years if the ministry approved the money, he "
        "said. Critics said the ministry had rushed to save money. The ministry rejected that "
        "claim."
    )
    claim = (
        "A replacement could be ready in three years whether or not the ministry approved "
        "the money [a1]."
    )
    assert _verdict(text, claim)[0] == "unsupported"
