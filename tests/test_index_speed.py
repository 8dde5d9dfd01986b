"""The index's shortcuts (session 6 speed work) give the answers of the long way round."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from llmbrief.verifier.lexicon import (
    SEVERAL,
    OneStemMemo,
    StemMemo,
    content_stems,
    sentence_stem_sets,
    words,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aBZw09s'-’é ,.", max_size=40), max_size=5))
def test_sentence_stem_sets_are_each_sentences_content_stems(texts: list[str]) -> None:
    tokens = [words(t) for t in texts]
    memo, one = StemMemo(), OneStemMemo()
    sets, union = sentence_stem_sets(tokens, one, memo)
    assert sets == [
        frozenset(content_stems(t, toks)) for t, toks in zip(texts, tokens, strict=True)
    ]
    assert union == frozenset().union(*sets)
    assert SEVERAL not in union


def test_a_token_of_several_stems_is_read_the_long_way() -> None:
    tokens = [["The", "state-owned", "port"], ["its", "w123", "output", "grew"], []]
    sets, union = sentence_stem_sets(tokens, OneStemMemo(), StemMemo())
    assert sets == [
        frozenset({"stat", "own", "port"}),
        frozenset({"w123", "output", "grow"}),
        frozenset(),
    ]
    assert union == sets[0] | sets[1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZw09s'-’é", min_size=1, max_size=6))
def test_the_one_stem_memo_agrees_with_the_memo(token: str) -> None:
    for t in (token, token + "2", "2" + token):
        found = StemMemo()[t]
        expected = found[0] if len(found) == 1 else SEVERAL if found else ""
        assert OneStemMemo()[t] == expected, t
