"""Claim cues of modality read from data/modality.txt: "faces up to" states the most a court
could give, a possibility, as "could face up to" does."""

from __future__ import annotations

from llmbrief import Article, Cluster, verify
from llmbrief.verifier import checks

COURT = Cluster(
    cluster_id="court",
    articles=[
        Article(
            id="c1",
            title="Court",
            text="Ms Orla Penn could face up to 12 years in prison when she is sentenced in May.",
        )
    ],
)


def test_faces_up_to_is_the_possibility_could_face_up_to_states() -> None:
    assert checks.claim_modality("She faces up to 12 years in prison") == 2
    claim = "Orla Penn faces up to 12 years in prison when she is sentenced in May [c1]."
    assert verify(COURT, claim).claims[0].verdict == "supported"


def test_a_term_stated_as_hers_is_still_surer_than_could_face() -> None:
    claim = "Orla Penn will face 12 years in prison [c1]."
    assert verify(COURT, claim).claims[0].verdict == "unsupported"


FILING = Cluster(
    cluster_id="filing",
    articles=[
        Article(
            id="f1",
            title="Filing",
            text="Corla Pharma will file for approval of its asthma inhaler next year.",
        )
    ],
)


def test_looking_to_is_a_plan() -> None:
    assert checks.claim_modality("It is looking to file for approval") == 1
    claim = "Corla Pharma is looking to file for approval of its asthma inhaler [f1]."
    assert verify(FILING, claim).claims[0].verdict == "supported"
    done = "Corla Pharma has filed for approval of its asthma inhaler [f1]."
    assert verify(FILING, done).claims[0].verdict == "unsupported"
