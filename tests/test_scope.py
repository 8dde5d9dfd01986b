"""Claims that say more than the sentence carrying them, in scope or in certainty.

Each rule of :mod:`llmbrief.verifier.scope` has a claim the verifier passed before it (a
whole for a part, a maybe made sure...) and a paraphrase that must still pass. The
clusters are fictional.
"""

from __future__ import annotations

import pytest

from llmbrief import Article, Cluster, verify
from llmbrief.verifier.lexicon import data_json


def _cluster(text: str) -> Cluster:
    return Cluster(
        cluster_id="scope",
        articles=[Article(id="s1", title="Scope", text=text)],
    )


def _verdict(text: str, claim: str) -> tuple[str, list[str], list[str]]:
    c = verify(_cluster(text), claim).claims[0]
    return c.verdict, [x.name for x in c.checks if x.fired], c.reasons


FERRY = (
    "The Marrowby ferry ran aground off Tesk Point on Sunday night. "
    "Passengers from two of the four lifeboats were taken to hospital in Tesk, the coastguard "
    "said. "
    "The rest were brought ashore at Lunde harbour."
)
SCHOOLS = (
    "The education board met on Tuesday. "
    "The agreement includes a pledge to cut the largest class size in rural schools from 34 "
    "to 30 by 2029."
)
MILLS = (
    "Rivermouth Paper said sulphur emissions at its Orrick mill have fallen sharply since "
    "the scrubbers were fitted but have not stopped."
)
WATER = (
    "The Halsey water board said it may ask ministers for approval to raise charges to pay "
    "for the new reservoir at Crane Hill."
)
CHESS = (
    "Under the league's code, a referee found to have taken bribes can be suspended for up "
    "to five years."
)
REVIEW = "The port authority said it would examine the request from Kestrel Shipping carefully."
GUIDANCE = (
    "The athletics federation's guidance says matches should be postponed or abandoned when "
    "lightning is seen within ten kilometres."
)
CLINIC = (
    "Dr. Ines Varro said her clinic treated 14 climbers for frostbite after the storm. "
    "She said all but one had recovered."
)
TARIFF = (
    "The Lowmark Consumers' League said about 80,000 homes use storage heaters and that a "
    "typical household would save more than 300 crowns a year under the new tariff."
)
FLOOD = (
    "The Orm floods could cost insurers about 90 million crowns if the river stays above "
    "its banks until Friday, according to the Nordic Insurers Group."
)


@pytest.mark.parametrize(
    ("text", "claim", "said"),
    [
        # a whole for a part: "all four" where "two of the four"
        (FERRY, "Passengers from all four lifeboats were taken to hospital in Tesk [s1].", "all"),
        # "all of whom had recovered" where "all but one had recovered"
        (
            CLINIC,
            "Dr. Ines Varro said her clinic treated 14 climbers for frostbite, all of whom "
            "had recovered [s1].",
            "all but one",
        ),
        # "each of them would save" where "a typical household would save"
        (
            TARIFF,
            "The Lowmark Consumers' League said about 80,000 homes use storage heaters and "
            "that each of them would save more than 300 crowns a year under the new tariff "
            "[s1].",
            "typical",
        ),
        # a whole for a kind: "all schools" where "rural schools"
        (
            SCHOOLS,
            "The agreement includes a pledge to cut the largest class size in all schools "
            "from 34 to 30 by 2029 [s1].",
            "rural schools",
        ),
        # an end for a fall: "have stopped" where "have fallen ... have not stopped"
        (MILLS, "Sulphur emissions at the Orrick mill have stopped [s1].", "stopped"),
        # a maybe made sure: "will raise charges" where "may ask ... to raise charges"
        (
            WATER,
            "The Halsey water board will raise charges to pay for the new reservoir [s1].",
            "may",
        ),
        # "will be suspended for five years" where "can be suspended for up to five years"
        (
            CHESS,
            "Under the league's code, a referee found to have taken bribes will be suspended "
            "for five years [s1].",
            "can",
        ),
        # a review made a decision: "approve the request" where "examine the request"
        (
            REVIEW,
            "The port authority said it would approve the request from Kestrel Shipping [s1].",
            "examine",
        ),
        # one of two alternatives kept as the only one
        (
            GUIDANCE,
            "The athletics federation's guidance says matches should be abandoned when "
            "lightning is seen within ten kilometres [s1].",
            "postponed or abandoned",
        ),
        # a condition dropped
        (
            FLOOD,
            "The Nordic Insurers Group estimated that the Orm floods would cost insurers about "
            "90 million crowns by Friday [s1].",
            "if the river stays",
        ),
    ],
)
def test_a_claim_saying_more_than_its_sentence_is_flagged(text: str, claim: str, said: str) -> None:
    verdict, fired, reasons = _verdict(text, claim)
    assert verdict == "unsupported"
    assert fired == ["scope"]
    assert any(said in r for r in reasons), reasons


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (FERRY, "Passengers from two of the four lifeboats were taken to hospital in Tesk [s1]."),
        (FERRY, "Passengers from half of the lifeboats were taken to hospital in Tesk [s1]."),
        (
            CLINIC,
            "Dr. Ines Varro said all but one of the 14 climbers her clinic treated for "
            "frostbite had recovered [s1].",
        ),
        (
            TARIFF,
            "The Lowmark Consumers' League said a typical household with storage heaters "
            "would save more than 300 crowns a year under the new tariff [s1].",
        ),
        (
            SCHOOLS,
            "The agreement includes a pledge to cut the largest class size in rural schools "
            "from 34 to 30 by 2029 [s1].",
        ),
        (MILLS, "Sulphur emissions at the Orrick mill have fallen sharply [s1]."),
        (
            WATER,
            "The Halsey water board may seek approval to raise charges to pay for the new "
            "reservoir [s1].",
        ),
        (
            CHESS,
            "Under the league's code, a referee found to have taken bribes faces a suspension "
            "of up to five years [s1].",
        ),
        (
            REVIEW,
            "The port authority said it would consider the request from Kestrel Shipping [s1].",
        ),
        (
            GUIDANCE,
            "The athletics federation's guidance says matches should be postponed or called off "
            "when lightning is seen within ten kilometres [s1].",
        ),
        (
            FLOOD,
            "The Nordic Insurers Group said the Orm floods could cost insurers about 90 million "
            "crowns if the river stays above its banks until Friday [s1].",
        ),
    ],
)
def test_a_paraphrase_that_keeps_the_scope_passes(text: str, claim: str) -> None:
    verdict, fired, _ = _verdict(text, claim)
    assert verdict == "supported", fired
    assert "scope" not in fired


def test_a_window_that_writes_the_whole_itself_is_not_read_as_a_part() -> None:
    text = (
        "All 40 passengers of the Orla were rescued on Monday. "
        "Most of the passengers were from Tesk."
    )
    verdict, fired, _ = _verdict(text, "All 40 passengers of the Orla were rescued [s1].")
    assert verdict == "supported", fired


def test_a_question_is_no_condition() -> None:
    # "asked ... if the port would reopen": what was asked, not a condition of the asking
    text = (
        "Reporters at the Tesk briefing on Monday asked the harbour master if the port "
        "would reopen."
    )
    claim = "Reporters at the Tesk briefing on Monday questioned the harbour master [s1]."
    _, fired, _ = _verdict(text, claim)
    assert "scope" not in fired, fired


def test_the_word_lists_parse() -> None:
    d = data_json("scope.json")
    for key in ("universal", "part_words", "end_states", "degrees", "possibility", "review"):
        assert d[key] and all(isinstance(w, str) and w == w.lower() for w in d[key]), key
