"""Negations that state something other than a denial, and denials said in other words."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify
from llmbrief.verifier import checks

FERRY = Cluster(
    cluster_id="ferry",
    articles=[
        Article(
            id="f1",
            title="Ferry service",
            text=(
                "The Marlow ferry service stopped at dawn on Tuesday after a power fault and "
                "sailings resumed shortly after lunch, the operator said. The harbour master "
                "said the ferries were not safe to sail until the fault was repaired."
            ),
        )
    ],
)


def _verdict(claim: str) -> tuple[str, list[str]]:
    c = verify(FERRY, claim).claims[0]
    return c.verdict, [x.name for x in c.checks if x.fired]


def test_not_until_says_when_it_happened() -> None:
    claim = "The Marlow ferry service did not resume until shortly after lunch [f1]."
    assert _verdict(claim)[0] == "supported"


def test_a_plain_denial_still_fires() -> None:
    verdict, fired = _verdict("The Marlow ferry service did not resume on Tuesday [f1].")
    assert verdict == "unsupported"
    assert "negation" in fired


def test_until_in_the_claim_reads_the_reverse_of_not_until() -> None:
    # "not safe until repaired" is no "safe until repaired"
    verdict, fired = _verdict(
        "The harbour master said the ferries were safe to sail until the fault was repaired [f1]."
    )
    assert verdict == "unsupported"
    assert "negation" in fired


def test_evidence_not_until_is_no_denial_of_the_later_state() -> None:
    claim = (
        "The harbour master said the ferries were safe to sail once the fault was repaired [f1]."
    )
    assert _verdict(claim)[0] == "supported"


COUNCIL = Cluster(
    cluster_id="council",
    articles=[
        Article(
            id="c1",
            title="Council talks",
            text=(
                "Party leader Ruth Kell said the Farmers would lead the opposition if the "
                "Liberals formed a coalition without it. Liberal leader Odd Brann held coalition "
                "talks with the Greens on Friday."
            ),
        )
    ],
)


def test_without_and_a_pronoun_denies_no_clause() -> None:
    # "formed a coalition without it" denies nothing of a coalition with the Greens
    claim = (
        "Liberal leader Odd Brann held coalition talks with the Greens on Friday, after the "
        "Liberals formed a coalition [c1]."
    )
    c = verify(COUNCIL, claim).claims[0]
    assert "negation" not in [x.name for x in c.checks if x.fired]


def test_without_and_a_word_still_denies() -> None:
    cluster = Cluster(
        cluster_id="c2",
        articles=[
            Article(id="c2", title="t", text="The Liberals formed a coalition without the Greens.")
        ],
    )
    c = verify(cluster, "The Liberals formed a coalition with the Greens [c2].").claims[0]
    assert c.verdict == "unsupported"


def test_the_same_denial_of_another_verb_agrees() -> None:
    cluster = Cluster(
        cluster_id="c3",
        articles=[
            Article(
                id="c3",
                title="t",
                text=(
                    "Brell Rail said it had emailed every ticket holder. "
                    "Some riders said they never received one."
                ),
            )
        ],
    )
    claim = (
        "Brell Rail said it had emailed every ticket holder, but some riders said they never "
        "got one [c3]."
    )
    assert verify(cluster, claim).claims[0].verdict == "supported"
    # a denial the evidence does not make still fires
    claim = "Brell Rail said it had never emailed any ticket holder [c3]."
    c = verify(cluster, claim).claims[0]
    assert "negation" in [x.name for x in c.checks if x.fired]


MILL = Cluster(
    cluster_id="mill",
    articles=[
        Article(
            id="m1",
            title="Mill fire",
            text=(
                "The mill's owner, Petra Lindqvist, was interviewed by fire inspectors on "
                "Monday. She has not been fined. The mill will reopen in June."
            ),
        )
    ],
)


def test_a_pronoun_led_denial_speaks_of_the_sentence_before() -> None:
    # "She has not been fined": she is Petra Lindqvist of the sentence before
    c = verify(MILL, "Fire inspectors fined the mill's owner, Petra Lindqvist, on Monday [m1].")
    assert c.claims[0].verdict == "unsupported"
    assert "negation" in [x.name for x in c.claims[0].checks if x.fired]


def test_a_pronoun_led_denial_leaves_what_it_does_not_deny() -> None:
    claim = "Fire inspectors interviewed the mill's owner, Petra Lindqvist, on Monday [m1]."
    assert verify(MILL, claim).claims[0].verdict == "supported"


def _storm(text: str) -> Cluster:
    return Cluster(cluster_id="storm", articles=[Article(id="s1", title="Storm", text=text)])


def test_no_and_a_noun_denies_the_verb_of_the_same_event() -> None:
    # "No arrests" denies "were arrested": one event, a noun and a verb
    storm = _storm(
        "Police broke up a protest outside the Velmar town hall on Sunday. "
        "No arrests were made, a police spokesman said."
    )
    c = verify(
        storm, "Police broke up a protest in Velmar on Sunday, and two men were arrested [s1]."
    )
    assert c.claims[0].verdict == "unsupported"
    assert 'says "arrested"' in " ".join(c.claims[0].reasons)


def test_no_and_a_noun_is_no_denial_when_the_event_is_stated_too() -> None:
    # the first march had no arrests, the second had two: the article states the event
    storm = _storm(
        "Police broke up a protest outside the Velmar town hall on Sunday. "
        "No arrests were made at a first march on Saturday. Two men were arrested on Sunday."
    )
    c = verify(
        storm, "Police broke up a protest in Velmar on Sunday, and two men were arrested [s1]."
    )
    assert c.claims[0].verdict == "supported"


GALLERY = Cluster(
    cluster_id="gallery",
    articles=[
        Article(
            id="g1",
            title="Gallery trial",
            text=(
                "Ines Varga denied that she had hired her cousin's catering firm for the "
                "gallery, as lawyers for the Courier asked her about fees of 90,000 euros to "
                "the firm. Varga said the contracts with Brisk Catering, which is run by her "
                "cousin Paul Varga, had been approved by the board."
            ),
        )
    ],
)


def test_a_denial_of_words_the_window_states_elsewhere_denies_nothing() -> None:
    claim = (
        "Lawyers for the Courier asked her about fees of 90,000 euros to Brisk Catering, "
        "which is run by her cousin Paul Varga [g1]."
    )
    assert verify(GALLERY, claim).claims[0].verdict == "supported"


def test_the_denied_statement_itself_still_fires() -> None:
    claim = "Ines Varga hired her cousin's catering firm for the gallery [g1]."
    report = verify(GALLERY, claim).claims[0]
    assert report.verdict == "unsupported"
    assert any("negated" in r for r in report.reasons)


LEVY = Cluster(
    cluster_id="levy",
    articles=[
        Article(
            id="v1",
            title="Toll",
            text=(
                "The new toll will raise about 40 million marks a year, not the 55 million "
                "the transport office has forecast, the audit board said on Friday."
            ),
        )
    ],
)


def test_a_comparison_with_what_the_source_denies_is_no_denial() -> None:
    claim = (
        "The audit board said the toll would raise about 40 million marks a year, "
        "15 million less than the transport office's forecast [v1]."
    )
    assert verify(LEVY, claim).claims[0].verdict == "supported"


def test_stating_what_the_source_denies_still_fires() -> None:
    claim = "The toll will raise 55 million marks a year, as the transport office forecast [v1]."
    assert verify(LEVY, claim).claims[0].verdict == "unsupported"


DROUGHT = Cluster(
    cluster_id="drought",
    articles=[
        Article(
            id="r1",
            title="Drought",
            text=(
                "The hydrologist said the drought had eased but had not ended, and that "
                "rationing could return in August. The group did not say how much it was "
                "asking for."
            ),
        )
    ],
)


def test_a_negated_clause_with_the_subject_of_the_one_before_denies_its_verb() -> None:
    claim = "The hydrologist said the drought had ended [r1]."
    report = verify(DROUGHT, claim).claims[0]
    assert report.verdict == "unsupported"
    assert any("negated" in r for r in report.reasons)
    assert (
        verify(DROUGHT, "The hydrologist said the drought had eased [r1].").claims[0].verdict
        == "supported"
    )


def test_a_negation_scope_stops_where_as_opens_a_clause() -> None:
    text = "It did not get much better as the visitors made their worst start of the season."
    (clause,) = [c for c in checks.clauses(text) if c.negated]
    assert clause.scope is not None
    scoped = text[clause.scope[0] : clause.scope[1]]
    assert "visitors" not in scoped and "better" in scoped
    # "as" before a figure or an adjective is no clause: "not as large as"
    text = "The loss was not as large as the bank had feared."
    (clause,) = [c for c in checks.clauses(text) if c.negated]
    assert clause.scope is not None
    assert "large" in text[clause.scope[0] : clause.scope[1]]


REBATE = Cluster(
    cluster_id="rebate",
    articles=[
        Article(
            id="s1",
            title="Rebate",
            text=(
                "Tenants who have never missed a payment will get a 5% rent rebate from June, "
                "the housing board said."
            ),
        )
    ],
)


def test_a_negated_relative_clause_of_a_noun_the_claim_lacks_denies_nothing() -> None:
    claim = "The housing board said a 5% rent rebate would be paid from June [s1]."
    assert verify(REBATE, claim).claims[0].verdict == "supported"


def test_a_negated_relative_clause_of_the_claims_noun_still_denies() -> None:
    claim = "Tenants who have missed a payment will get a 5% rent rebate from June [s1]."
    assert verify(REBATE, claim).claims[0].verdict == "unsupported"
