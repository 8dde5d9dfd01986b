from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from llmbrief.citations import (
    _ABBREVIATIONS,
    attach_citations,
    format_citations,
    normalise_citations,
    parse_sentence,
    split_claims,
    split_sentences,
)


def test_forms_of_citation_are_read() -> None:
    for raw in (
        "Exports fell [51155][43531].",
        "Exports fell [51155, 43531].",
        "Exports fell [51155; 43531].",
        "Exports fell. [51155][43531]",
    ):
        p = parse_sentence(raw)
        assert p.citations == ["51155", "43531"], raw
        assert p.text == "Exports fell."


def test_normalise_rewrites_groups_only() -> None:
    assert normalise_citations("X [1, 2] and [sic] [citation needed].") == (
        "X [1][2] and [sic] [citation needed]."
    )


def test_sic_is_text_among_numeric_ids() -> None:
    p = parse_sentence("He said it [sic] twice [51155].", ["51155", "43531"])
    assert p.citations == ["51155"]
    assert "[sic]" in p.text


def test_unknown_id_of_cluster_shape_is_a_citation() -> None:
    p = parse_sentence("A claim [99999].", ["51155", "43531"])
    assert p.citations == ["99999"]


def test_splitter_keeps_abbreviations_decimals_and_quotes() -> None:
    text = (
        "Dr. Li met the U.S. envoy on Jan. 5 at No. 3 Road. Growth was 3.5 percent... "
        'Then it fell. He said "no." She left. J. R. Smith came [12]. The end.'
    )
    assert split_sentences(text) == [
        "Dr. Li met the U.S. envoy on Jan. 5 at No. 3 Road.",
        "Growth was 3.5 percent...",
        "Then it fell.",
        'He said "no."',
        "She left.",
        "J. R. Smith came [12].",
        "The end.",
    ]


def test_us_at_sentence_end_before_an_opener() -> None:
    assert split_sentences("Talks moved to the U.S. The deal followed.") == [
        "Talks moved to the U.S.",
        "The deal followed.",
    ]


def test_seed_paragraph_has_twelve_claims_and_a_headline_tail() -> None:
    from .conftest import SEEDS

    para = (SEEDS / "000_d12c0a8b4ad67bd4.txt").read_text().split("\n")[2]
    claims = split_claims(para)
    # 12 claims, plus the member headlines the seed appends (stripped by the brief loader)
    assert len(claims) == 13
    assert claims[1].citations == ["51155", "43531", "19492"]


ids = st.text(alphabet=string.ascii_letters + string.digits + "_.:-", min_size=1, max_size=12)


@given(st.text(max_size=300))
def test_parsing_never_crashes(text: str) -> None:
    for s in split_claims(text):
        assert isinstance(s.citations, list)
    normalise_citations(text)


@given(st.lists(ids, min_size=1, max_size=4, unique=True))
def test_format_then_parse_round_trips(id_list: list[str]) -> None:
    sentence = attach_citations("Prices rose sharply.", id_list)
    parsed = parse_sentence(sentence, id_list)
    assert parsed.citations == id_list
    assert parsed.text == "Prices rose sharply."
    assert format_citations(parsed.citations) == "".join(f"[{i}]" for i in id_list)


@given(
    st.lists(
        st.text(alphabet=string.ascii_lowercase + " ", min_size=3, max_size=40).filter(
            # a known abbreviation ("Gov.") or an initial ("A.") is ambiguous at a boundary
            lambda s: (
                bool(s.strip()) and s.split()[-1] not in _ABBREVIATIONS and len(s.split()[-1]) > 1
            )
        ),
        min_size=1,
        max_size=6,
    )
)
def test_splitter_recovers_simple_sentences(parts: list[str]) -> None:
    sentences = [p.strip().capitalize() + "." for p in parts]
    assert split_sentences(" ".join(sentences)) == sentences


def test_sentences_glued_without_a_space_are_split() -> None:
    text = "Stocks fell for longer.MSCI's index lost 1%. U.S. output rose 3.5% at Amazon.com."
    assert split_sentences(text) == [
        "Stocks fell for longer.",
        "MSCI's index lost 1%.",
        "U.S. output rose 3.5% at Amazon.com.",
    ]
