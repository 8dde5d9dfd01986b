from __future__ import annotations

import pytest

from llmbrief.verifier.normalise import is_lowercased, normalise


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Sales hit 735, 000 units.", "Sales hit 735,000 units."),
        ("growth of 2. 4 % in kilmarnock 's port", "growth of 2.4% in kilmarnock's port"),
        ("we do n't know , he said .", "we don't know, he said."),
        ("they ca n't and we 're not", "they can't and we're not"),
        ("a $ 5 fee", "a $5 fee"),
        # a tokeniser that wrote the pound sign as "#" and split the magnitude off
        ("a # 10.25 m loan and a # 20 fine", "a £10.25m loan and a £20 fine"),
        ("a $ 2 bn fund", "a $2bn fund"),
        ("``no heroes'' -lrb- cnn -rrb-", '"no heroes" ( cnn )'),
        ("“Curly” and ‘single’ quotes", "\"Curly\" and 'single' quotes"),
        ("in 2010–2012 – then", "in 2010-2012 — then"),
        ("It rose[2][3] and fell [1, 2].", "It rose and fell."),
        ("Found.[1] Next [12] line.", "Found. Next line."),
        ("the roof of hmp UNK in <unk> liverpool .", "the roof of hmp in liverpool."),
        (
            "The **port** reopened ([source](https://x.org/a/2024/05)) see https://x.org/7.",
            "The port reopened (source) see.",
        ),
        (
            'at sea.Australia said "stop".Then it."In May',
            'at sea. Australia said "stop". Then it." In May',
        ),
    ],
)
def test_artefacts_are_undone(text: str, want: str) -> None:
    assert normalise(text).text == want


@pytest.mark.parametrize(
    "text",
    [
        "He won in 2014, 500 people came.",  # a year and a count, not 2014,500
        "It ended in 2010. 4 Men were hired.",  # a sentence end, not a decimal
        "Exports rose [51155] as planned.",  # an article id is a citation, not a footnote
        "Editorial brackets [sic] and [...] stay.",
        "Plain text with nothing to do, 'quoted' fine.",
        "The #1 seed, issue #12 and a 5 m wall stay.",
        "The U.S.A. and Amazon.com stay whole, as does 3.5.",
    ],
)
def test_what_is_not_an_artefact_stays(text: str) -> None:
    assert normalise(text).text == text
    assert not normalise(text).changed


def test_footnotes_are_listed_and_kept_when_they_name_articles() -> None:
    out = normalise("A [1] and B [2][3] and C [1, 2].")
    assert out.footnotes == ("[1]", "[2][3]", "[1, 2]")
    kept = normalise("A [1] and B [7].", keep=lambda m: m == "[1]")
    assert kept.text == "A [1] and B." and kept.footnotes == ("[7]",)


def test_offsets_map_back_to_the_original() -> None:
    original = "First [1] one. Sales hit 735, 000 [2][3] units. Last do n't [4]."
    out = normalise(original)
    assert out.text == "First one. Sales hit 735,000 units. Last don't."
    for piece in ("First one.", "Sales hit 735,000 units.", "Last don't."):
        a = out.text.index(piece)
        start, end = out.span(a, a + len(piece))
        # the span covers the same sentence as written, markers and all
        got = original[start:end]
        assert got.split()[0] == piece.split()[0]
        assert got.endswith(piece[-1])
    assert original[slice(*out.span(0, len(out.text)))] == original


def test_lowercased_text_is_told_apart() -> None:
    assert is_lowercased("the fbi said on monday .")
    assert not is_lowercased("The FBI said")
    assert not is_lowercased("123 456")


def test_a_thousands_group_split_before_its_comma_is_rejoined() -> None:
    # "5 ,000": the pre-test must let every separator the pattern takes through
    assert normalise("It cost 5 ,000 dollars").text == "It cost 5,000 dollars"
    assert normalise("It cost 5 , 000 dollars").text == "It cost 5,000 dollars"
