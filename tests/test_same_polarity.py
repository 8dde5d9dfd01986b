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


VIADUCT = (
    "The Lydgate Viaduct has been closed after engineers found a crack in a pier. The agency "
    "said the crack was discovered during a routine inspection on Monday afternoon. The "
    'viaduct was closed at 7pm the same day and will remain shut "until further notice".'
)


def test_will_remain_shut_plans_only_the_lasting() -> None:
    claim = (
        "The agency said the crack was found during a routine inspection on Monday afternoon, "
        "and the viaduct was shut at 7pm that day [a1]."
    )
    assert _verdict(VIADUCT, claim) == ("supported", [])


def test_the_lasting_stated_as_done_is_still_a_dropped_hedge() -> None:
    claim = "The Lydgate Viaduct closed at 7pm on Monday and remained shut for a week [a1]."
    verdict, fired = _verdict(VIADUCT, claim)
    assert verdict == "unsupported"
    assert "hedges" in fired


APPEAL = (
    "Detective Inspector Kerry Dunn said one of the missing leaves had been recovered in "
    'Antwerp. "Two leaves are still missing, and we would urge anyone in the trade who is '
    'offered them to contact us," she said.'
)


def test_we_would_urge_is_a_request_made() -> None:
    claim = (
        "Two leaves remain missing, and police have urged anyone in the trade who is offered "
        "them to come forward [a1]."
    )
    assert _verdict(APPEAL, claim) == ("supported", [])


def test_a_third_persons_would_is_still_a_plan() -> None:
    text = (
        "Detective Inspector Kerry Dunn said the force would urge dealers in Antwerp to check "
        "their stock for the missing leaves."
    )
    claim = (
        "The force has urged dealers in Antwerp to check their stock for the missing leaves [a1]."
    )
    verdict, fired = _verdict(text, claim)
    assert verdict == "unsupported"
    assert "hedges" in fired


LEAVES = (
    "Dr Pryce said that among the three leaves cut from the manuscript was the Crucifixion "
    "miniature, which she described as the heart of the book. She told the jury that repairs "
    "could cost about 120,000 pounds, and that the missing leaves could not be replaced."
)


def test_could_not_is_no_possibility_of_its_subject() -> None:
    claim = (
        "Dr Pryce told the jury that the missing leaves included the Crucifixion miniature, "
        "which she called the heart of the book [a1]."
    )
    assert _verdict(LEAVES, claim) == ("supported", [])


def test_could_of_the_claims_subject_still_fires() -> None:
    text = LEAVES.replace("could not be replaced", "could be replaced")
    claim = "Dr Pryce told the jury that the missing leaves had been replaced [a1]."
    verdict, fired = _verdict(text, claim)
    assert verdict == "unsupported"
    assert "hedges" in fired


CULL = (
    "Bird flu has been confirmed at a large egg farm near Dunmore, and all 210,000 hens on "
    "the site will be culled, the ministry said on Monday."
)


def test_in_line_for_culling_names_the_plan() -> None:
    claim = "Bird flu at a farm near Dunmore has put 210,000 hens in line for culling [a1]."
    assert _verdict(CULL, claim) == ("supported", [])


def test_the_cull_stated_as_done_is_still_a_dropped_hedge() -> None:
    claim = (
        "All 210,000 hens at the egg farm near Dunmore have been culled, the ministry said [a1]."
    )
    verdict, fired = _verdict(CULL, claim)
    assert verdict == "unsupported"
    assert "hedges" in fired


def test_a_refusal_that_goes_on_to_say_something_is_speech() -> None:
    text = (
        "Orrin Line denied that its vessel was at fault. Boreal Tankers declined to comment on "
        "the cause, saying it would wait for the official investigation."
    )
    claim = "Boreal Tankers said it would wait for the official investigation [a1]."
    assert _verdict(text, claim) == ("supported", [])


def test_a_bare_refusal_still_fires_on_a_statement_put_in_its_mouth() -> None:
    text = (
        "Orrin Line said the tanker had turned across its path. Boreal Tankers declined to "
        "comment on the cause of the collision."
    )
    claim = "Boreal Tankers said the tanker had turned across the path [a1]."
    verdict, fired = _verdict(text, claim)
    assert verdict == "unsupported"
    assert "negation" in fired


def test_cleared_where_it_says_found_not_guilty() -> None:
    claim = "Stefan Oakes was cleared of handling stolen goods [a1]."
    assert _verdict(VERDICTS, claim) == ("supported", [])


def test_convicted_where_it_says_found_not_guilty_is_caught() -> None:
    claim = "Stefan Oakes was convicted of handling stolen goods [a1]."
    verdict, fired = _verdict(VERDICTS, claim)
    assert verdict == "unsupported"
    assert "negation" in fired
