from __future__ import annotations

import io
import itertools
import json
import re
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llmbrief.citations import (
    _ABBREVIATIONS,
    _EDITORIAL,
    CitationReader,
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


# -- the citation grammar (FORMATS section 2) ---------------------------------------------

AB = ["a1", "a2"]


@pytest.mark.parametrize("marker", ["[43531]", "[zz9]", "[zz]", "[1]", "[2024-05-01]"])
def test_any_id_shaped_marker_in_citation_position_is_an_unknown_id(marker: str) -> None:
    p = parse_sentence(f"Exports fell sharply {marker}.", AB)
    inner = marker.strip("[]")
    assert p.citations == [inner]
    assert p.unknown_ids == [inner]
    assert p.text == "Exports fell sharply."


def test_unknown_and_known_ids_together() -> None:
    p = parse_sentence("Exports fell [a1][43531], officials said [a2; 7].", AB)
    assert p.citations == ["a1", "43531", "a2", "7"]
    assert p.unknown_ids == ["43531", "7"]
    assert p.text == "Exports fell, officials said."


@pytest.mark.parametrize(
    "editorial", ["[sic]", "[Sic]", "[...]", "[citation needed]", "[ed.]", "[sic!]", "[ed]"]
)
def test_editorial_brackets_are_text(editorial: str) -> None:
    p = parse_sentence(f"He called it a tradgedy {editorial} [a1].", AB)
    assert p.citations == ["a1"]
    assert p.unknown_ids == []
    assert editorial in p.text


def test_bracketed_words_inside_a_quotation_or_before_a_word_are_text() -> None:
    p = parse_sentence('"[We] will not back down [now]," she said [a1].', AB)
    assert p.citations == ["a1"]
    assert p.text.startswith('"[We] will not back down [now],"')
    p = parse_sentence("The [draft] bill passed [a2].", AB)
    assert (p.citations, p.text) == (["a2"], "The [draft] bill passed.")


def test_marker_with_a_digit_is_a_citation_anywhere() -> None:
    p = parse_sentence("Exports fell [99999] while imports rose [a1].", AB)
    assert p.citations == ["99999", "a1"]
    assert p.unknown_ids == ["99999"]
    assert p.text == "Exports fell while imports rose."


def test_footnote_markers_are_exposed_for_removal() -> None:
    """Text that is not ours: the markers naming no article are listed with their spans."""
    reader = CitationReader(["s1"])
    text = "Output rose 4% [1, 2], the ministry said [3]. It fell in May [s1]."
    marks = reader.markers(text)
    assert [(text[m.start : m.end], m.ids, m.unknown) for m in marks] == [
        ("[1, 2]", ["1", "2"], ["1", "2"]),
        ("[3]", ["3"], ["3"]),
        ("[s1]", ["s1"], []),
    ]
    claims = reader.split(text)
    assert [(c.text, c.unknown_ids) for c in claims] == [
        ("Output rose 4%, the ministry said.", ["1", "2", "3"]),
        ("It fell in May.", []),
    ]


def test_no_known_ids_reads_every_id_and_reports_none_unknown() -> None:
    p = parse_sentence("Exports fell [43531][zz].")
    assert p.citations == ["43531", "zz"]
    assert p.unknown_ids == []


def test_reader_normalises_groups_like_the_function() -> None:
    reader = CitationReader(AB)
    text = "X [a1, a2] and [sic] [43531; a1]."
    assert (
        reader.normalise(text)
        == normalise_citations(text, AB)
        == ("X [a1][a2] and [sic] [43531][a1].")
    )


plain_sentence = st.text(
    alphabet=string.ascii_letters + string.digits + " ,'%$", min_size=1, max_size=60
).map(lambda s: "W" + s.replace("  ", " ").strip() + ".")


@given(
    st.lists(ids, min_size=1, max_size=6, unique=True),
    st.lists(ids, min_size=1, max_size=4, unique=True),
    plain_sentence,
)
def test_cited_ids_come_back_and_unknown_ones_are_named(
    known: list[str], cited: list[str], sentence: str
) -> None:
    # an editorial mark ("[sic]") or a run of dots ("[...]") is text unless it is a known id
    cited = [c for c in cited if c in known or (c.strip(".") and c.lower() not in _EDITORIAL)]
    parsed = parse_sentence(attach_citations(sentence, cited), known)
    assert parsed.citations == cited
    assert parsed.unknown_ids == [c for c in cited if c not in known]
    # taking a marker out tidies the space it leaves before punctuation ("W0 ,." -> "W0,.")
    assert parsed.text == re.sub(r"\s+([,.;:])", r"\1", " ".join(sentence.split()))


@given(st.text(max_size=200), st.lists(ids, max_size=4))
def test_parse_invariants(text: str, known: list[str]) -> None:
    reader = CitationReader(known)
    parsed = reader.parse(text)
    assert set(parsed.unknown_ids) <= set(parsed.citations)
    assert not set(parsed.unknown_ids) & set(known)
    assert len(parsed.citations) == len(set(parsed.citations))
    marks = reader.markers(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(marks))
    # each marker is taken out whole; other brackets stay
    assert parsed.text.count("[") == text.count("[") - len(marks)
    assert parsed.citations == list(dict.fromkeys(i for m in marks for i in m.ids))
    assert reader.parse(reader.normalise(text)).citations == parsed.citations


@given(
    st.lists(
        st.tuples(
            st.text(alphabet=string.ascii_lowercase + " ", min_size=3, max_size=40).filter(
                lambda s: (
                    bool(s.strip())
                    and s.split()[-1] not in _ABBREVIATIONS
                    and len(s.split()[-1]) > 1
                )
            ),
            st.lists(st.sampled_from(["a1", "a2", "43531", "zz9"]), max_size=2, unique=True),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_split_claims_recovers_cited_sentences(parts: list[tuple[str, list[str]]]) -> None:
    sentences = [(" ".join(p.split()).capitalize() + ".", cited) for p, cited in parts]
    paragraph = " ".join(attach_citations(s, cited) for s, cited in sentences)
    claims = CitationReader(AB).split(paragraph)
    assert [(c.text, c.citations) for c in claims] == sentences
    assert [c.unknown_ids for c in claims] == [
        [i for i in cited if i not in AB] for _, cited in sentences
    ]


def test_splitter_keeps_abbreviations_numbers_and_ellipses_with_citations() -> None:
    paragraph = (
        "The U.S. envoy met Dr. Sato on No. 3 Road [a1]. Output grew 3.5% to $4.2 billion [a2]. "
        "Talks stalled... then resumed [a1]. Prices rose … again [a2]."
    )
    claims = CitationReader(AB).split(paragraph)
    assert [c.text for c in claims] == [
        "The U.S. envoy met Dr. Sato on No. 3 Road.",
        "Output grew 3.5% to $4.2 billion.",
        "Talks stalled... then resumed.",
        "Prices rose … again.",
    ]
    assert [c.citations for c in claims] == [["a1"], ["a2"], ["a1"], ["a2"]]


def test_cli_verify_reports_an_unknown_numeric_id(tmp_path: Path) -> None:
    from llmbrief.cli import main

    cluster = tmp_path / "cluster.json"
    cluster.write_text(
        json.dumps(
            {
                "articles": [
                    {"id": "a1", "title": "Port", "text": "The port handled 4 million boxes."},
                    {"id": "a2", "title": "Mill", "text": "The mill closed on Tuesday."},
                ]
            }
        )
    )
    brief = tmp_path / "brief.txt"
    brief.write_text("The port handled 4 million boxes [43531]. The mill closed on Tuesday [zz9].")
    out, err = io.StringIO(), io.StringIO()
    code = main(["verify", str(cluster), str(brief), "--format", "json"], stdout=out, stderr=err)
    assert code == 1, err.getvalue()
    claims = json.loads(out.getvalue())["claims"]
    assert [c["verdict"] for c in claims] == ["unknown_id", "unknown_id"]
    assert [c["unknown_ids"] for c in claims] == [["43531"], ["zz9"]]
    assert claims[0]["suggested_ids"] == ["a1"]
