"""The index's shortcuts (session 6 speed work) give the answers of the long way round."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from llmbrief import Article, Cluster, ClusterIndex
from llmbrief.citations import CitationReader, ParsedSentence, _tidy
from llmbrief.verifier.lexicon import (
    SEVERAL,
    OneStemMemo,
    StemMemo,
    content_stems,
    sentence_stem_sets,
    stem,
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


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abiwxz0129", min_size=1, max_size=7))
def test_a_lower_case_code_is_stemmed_as_the_memo_stems_it(token: str) -> None:
    # OneStemMemo decides "w123"-like tokens with one pattern; StemMemo reads them the
    # long way (token kinds, word lists)
    for t in (token, token + "7", "w" + token, token.upper(), "ii" + token):
        found = StemMemo()[t]
        expected = found[0] if len(found) == 1 else SEVERAL if found else ""
        assert OneStemMemo()[t] == expected, t


def test_listed_words_are_never_taken_for_codes() -> None:
    from llmbrief.verifier.lexicon import _IRREGULAR, _NUMBER_WORDS, STOPWORDS

    for w in [*STOPWORDS, *_NUMBER_WORDS, *_IRREGULAR]:
        found = StemMemo()[w]
        assert OneStemMemo()[w] == (found[0] if len(found) == 1 else SEVERAL if found else "")


def test_what_a_sentence_computes_is_computed_once() -> None:
    index = ClusterIndex(
        Cluster(
            cluster_id="c",
            articles=[Article(id="1", title="t", text="Exports did not rise 4.5% on May 2.")],
        )
    )
    sent = index.articles[0].sentences[0]
    for name in ("lower", "negations", "toks", "dates", "quantities", "clauses"):
        first = getattr(sent, name)
        assert getattr(sent, name) is first, name
    assert sent.negations == 1 and sent.dates and sent.quantities
    assert sent.may_write("45") and not sent.may_write("77")
    assert sent.may_write("45")  # the second look reads what the first kept


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from("port mill bank rose fell exports quarter Helena".split()), max_size=6
        ),
        min_size=1,
        max_size=12,
    ),
    st.lists(
        st.sampled_from("port mill bank rose fell export quarter helena absent".split()), max_size=6
    ),
    st.sets(st.integers(0, 11), max_size=3),
)
def test_search_candidates_are_the_articles_with_most_rare_weight(
    texts: list[list[str]], rare: list[str], skip: set[int]
) -> None:
    # the ranking is by the summed weight of the stems each article has, ties to the first
    cluster = Cluster(
        cluster_id="c",
        articles=[
            Article(id=str(i), title="t", text=" ".join(["Zed", *t]) + ".")
            for i, t in enumerate(texts)
        ],
    )
    index = ClusterIndex(cluster)
    stems = list(dict.fromkeys(stem(w) for w in rare))
    weights = index._weights(set(stems))
    score = {
        ai: sum(weights[s] for s in stems if s in art.stems or s in content_stems(art.title))
        for ai, art in enumerate(index.articles)
        if ai not in skip
    }
    expected = sorted((ai for ai in score if score[ai] > 0), key=lambda ai: (-score[ai], ai))
    assert index._top_voted(stems, weights, skip) == expected[:5]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Port",
                "rose",
                "[51155]",
                "[ 51155 ]",
                "[1]",
                "[sic]",
                "[51155, 2]",
                "[]",
                ".",
                ",",
                " ",
                "2",
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_a_sentence_with_one_id_marker_is_parsed_as_its_markers_read_it(raw: str) -> None:
    reader = CitationReader(["51155", "2"])
    found = reader.markers(raw) if "[" in raw else []
    if not found:
        expected = ParsedSentence(raw=raw.strip(), text=_tidy(raw))
    elif len(found) == 1:
        mk = found[0]
        expected = ParsedSentence(
            raw=raw.strip(),
            text=_tidy(raw[: mk.start] + raw[mk.end :]),
            citations=list(mk.ids),
            unknown_ids=list(mk.unknown),
        )
    else:
        return  # several markers: the general reading, unchanged
    assert reader.parse(raw) == expected


def _add_exact_long_way(
    exact: dict[str, tuple[tuple[int, int], ...]], ai: int, text: str, spans: list[tuple[int, int]]
) -> None:
    """Each sentence's flat key, then the first sentence's again without its dateline."""
    from llmbrief.citations import strip_dateline
    from llmbrief.verifier.support import _flat

    for si, (a, b) in enumerate(spans):
        key = _flat(text[a:b])
        exact[key] = (*exact.get(key, ()), (ai, si))
        if si == 0:
            undated = _flat(strip_dateline(text[a:b]))
            exact[undated] = (*exact.get(undated, ()), (ai, si))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "BEIJING (Example Wire) — Exports rose.",
                    "LAGOS — Port w12 grew 4%.",
                    "Exports rose.",
                    "Port w12 grew 4%.",
                    "It's state-owned.",
                    "Mill closed.",
                ]
            ),
            min_size=1,
            max_size=4,
        ),
        min_size=1,
        max_size=4,
    )
)
def test_exact_keys_are_each_sentence_and_the_first_without_its_dateline(
    articles: list[list[str]],
) -> None:
    from llmbrief.verifier.sentences import article_spans
    from llmbrief.verifier.support import _add_exact, _words_and_keys

    fast: dict[str, tuple[tuple[int, int], ...]] = {}
    slow: dict[str, tuple[tuple[int, int], ...]] = {}
    for ai, sents in enumerate(articles):
        text = " ".join(sents)
        spans = article_spans(text)
        _add_exact(fast, ai, _words_and_keys(text, spans)[1], text, spans)
        _add_exact_long_way(slow, ai, text, spans)
    assert fast == slow
