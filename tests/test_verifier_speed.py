"""The verifier's shortcuts give the answers of the long way round.

Each shortcut of the speed work (issue 8, item 8) reads less of an article than the check it
stands for: these tests put the two side by side on hand-made and generated text, so that a
shortcut can only ever save time, never change a verdict.
"""

from __future__ import annotations

import gc
import random
import re
from collections import defaultdict

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llmbrief import Article, Cluster
from llmbrief.citations import CitationReader, _tidy, sentence_spans
from llmbrief.load import _single_spaced
from llmbrief.types import (
    Check,
    ClaimReport,
    Evidence,
    Span,
    new_check,
    new_claim_report,
    new_evidence,
    new_span,
)
from llmbrief.verifier import (
    ClusterIndex,
    checks,
    hard,
    lexicon,
    normalise,
    proportions,
    sentences,
    verdicts,
)
from llmbrief.verifier.hard import _name_found, _written_as_word
from llmbrief.verifier.lexicon import StemMemo, content_stems, flat, words, words_by_span
from llmbrief.verifier.normalise import _EDIT_RULES
from llmbrief.verifier.sentences import article_spans, lower_words
from llmbrief.verifier.support import _flat_of, _words_and_keys, collector_paused

_PIECES = [
    "The port handled 7,340 tonnes",
    "exports rose 73.4% to $12.5 million",
    "on Tuesday evening",
    "in May",
    "May we ask",
    "twelve people",
    "a dozen ships",
    "the 3rd quarter",
    "thousands of workers",
    "1.2 billion yuan",
    "at 0.05 percent",
    "w12345 and w7",
    "1,2345 units",
    "12,34 and 1.2.3",
    "999,999,999.6 dollars",
    "1000000000 euros",
    "Brandt-led talks",
    "O'Brien said",
    "Chelmsford's council",
    "AT&T and U.S. firms",
    "Tuesday-Wednesday talks",
    "_Monday notes",
    "in September 2024",
    "Sept. 3",
    "fifty-five million",
    "the first and last time",
]


def _article(rng: random.Random, n: int) -> str:
    sents = []
    for _ in range(n):
        k = rng.randint(1, 3)
        sents.append(" ".join(rng.choice(_PIECES) for _ in range(k)).capitalize() + ".")
    return " ".join(sents)


def _index(texts: list[str]) -> ClusterIndex:
    arts = [Article(id=str(100 + i), title=f"t{i}", text=t) for i, t in enumerate(texts)]
    return ClusterIndex(Cluster(cluster_id="c", articles=arts))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000))
def test_a_figure_is_found_where_the_whole_article_would_find_it(seed: int) -> None:
    rng = random.Random(seed)
    index = _index([_article(rng, rng.randint(1, 6))])
    art = index.articles[0]
    claims = " ".join(rng.choice(_PIECES) for _ in range(4))
    # figures the article states and figures near them: scaled, shifted, reworded
    figures = list(checks.quantities(claims)) + list(checks.quantities(art.text))
    figures += [
        checks.Quantity(q.value * f, q.unit, q.text)
        for q in list(figures)
        for f in (10, 0.1, 1 + 1e-10, 1 - 1e-10, 1.001)
    ]
    for q in figures:
        assert art.holds(q) == any(q.matches(o) for o in art.quantities), (q, art.text)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000))
def test_a_date_is_found_where_the_whole_article_would_find_it(seed: int) -> None:
    rng = random.Random(seed)
    art = _index([_article(rng, rng.randint(1, 6))]).articles[0]
    every = {*checks._DATE_WORD.values(), "may", "tue evening", "mon"}
    for d in sorted(every):
        assert art.holds_date(d) == (d in art.dates), (d, art.text)


def test_a_name_written_as_a_word_is_a_name_found() -> None:
    text = "O'Brien met Brandt-led teams and Helena; A380 jets, Lee-Smith and Kwame_X left."
    words_ = lower_words(text)
    for name in ["Brien", "Brandt", "Brandt-led", "Helena", "A380", "Lee", "Kwame", "X", "AT&T"]:
        if _written_as_word(name, text):
            assert _name_found(name, words_), name
    assert _written_as_word("Helena", text)
    assert not _written_as_word("Brien", text)  # part of O'Brien
    assert not _written_as_word("Brandt", text)  # part of Brandt-led


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab Z-'’.,_9é", max_size=30))
def test_an_exact_match_key_from_tokens_is_the_flat_form(text: str) -> None:
    assert _flat_of(text, words(text)) == flat(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab Z9-'’.,_é\n!?", max_size=60))
def test_words_of_many_spans_are_the_words_of_each(text: str) -> None:
    spans = [*sentence_spans(text), (0, len(text)), (1, max(1, len(text) - 1))]
    assert words_by_span(text, spans) == [words(text[a:b]) for a, b in spans]
    memo = StemMemo()
    for a, b in spans:
        tokens = words(text[a:b])
        assert memo.sentence(tokens) == frozenset(content_stems(text[a:b], tokens))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aB Zy9-'’.,_é\n!?", max_size=60))
def test_index_words_are_the_words_lower_cased_with_the_same_stems_and_keys(text: str) -> None:
    spans = [*sentence_spans(text), (0, len(text)), (1, max(1, len(text) - 1))]
    tokens, keys = _words_and_keys(text, spans)
    memo = StemMemo()
    for (a, b), toks, key in zip(spans, tokens, keys, strict=True):
        written = words(text[a:b])
        assert toks == (written if not text.isascii() else [t.lower() for t in written])
        assert memo.sentence(toks) == memo.sentence(written)
        assert key == _flat_of(text[a:b], written) == flat(text[a:b])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='aB 9.!?…\n[]"', max_size=30))
def test_a_text_with_one_sentence_end_at_most_splits_as_the_full_loop(text: str) -> None:
    # the loop's answer for text with a second sentence after it, less that sentence
    tail = " Zed went."
    spans = sentence_spans(text + tail)
    if spans and spans[-1] == (len(text) + 1, len(text) + len(tail)):
        assert sentence_spans(text) == spans[:-1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a  \t\n.,;:!?\x1c\u00a0", max_size=20))
def test_tidy_closes_gaps_as_the_spaces_and_mark_replaced_by_the_mark(text: str) -> None:
    old = re.sub(r"\s{2,}", " ", re.sub(r"\s+([.,;:!?])", r"\1", text)).strip()
    assert _tidy(text) == old


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_search_ranks_candidates_as_a_pass_over_every_posting_would(seed: int) -> None:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(12)]
    texts = [
        " ".join(rng.sample(vocab, rng.randint(1, 8))) + "." for _ in range(rng.randint(1, 70))
    ]
    index = _index(texts)
    for _ in range(10):
        rare = sorted(rng.sample(vocab, rng.randint(1, 6)))
        weights = {s: rng.choice([1, 2, 3, 5, 8]) for s in rare}
        skip = set(rng.sample(range(len(texts)), rng.randint(0, min(3, len(texts)))))
        votes: dict[int, float] = defaultdict(float)
        for s in rare:
            for ai in index.article_postings.get(s, ()):
                if ai not in skip:
                    votes[ai] += weights[s]
        expected = sorted(votes, key=lambda ai: (-votes[ai], ai))[:5]
        assert index._top_voted(rare, weights, skip) == expected


def test_word_for_word_claims_skip_the_checks_and_wrong_figures_still_fail() -> None:
    text = (
        "Helena Brandt said on March 12 that exports at the coastal port rose 7.4% to "
        "$123.5 million. The port added 14 cranes."
    )
    index = _index([text, "The port added 14 cranes on March 12."])
    same = index.check(
        "Helena Brandt said on March 12 that exports at the coastal port rose "
        "7.4% to $123.5 million.",
        ["100"],
    )
    assert same.supported and same.coverage == 1.0
    wrong = index.check(re.sub("7.4%", "9.4%", same.evidence[0].sentence), ["100"])
    assert not wrong.supported
    assert any('"9.4%" not found' in r for r in wrong.reasons)
    assert index.search("The port added 14 cranes.", exclude=["101"])
    assert not index.search("The port added 15 cranes.", exclude=["101"])


def test_the_collector_is_left_as_found_and_frozen_objects_stay_frozen() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            _index(["The port added 14 cranes."])
        assert gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "one",
                "Twenty",
                "a dozen",
                "dozens",
                "5th",
                "First",
                "ten",
                "often",
                "7",
                "x",
                "Millions",
                "last",
                " ",
                "-",
                "_",
                "1",
                "rd",
                "TH",
                ".",
                "tenth",
                "sixty-two",
            ]
        ),
        max_size=12,
    )
)
def test_ascii_text_skips_a_figure_pattern_only_when_it_cannot_match(pieces: list[str]) -> None:
    text = "".join(pieces)
    low = text.lower()
    if not checks._may_have_number_word(low):
        assert all(m.group(0)[0].isdigit() for m in checks._NUM_START.finditer(text)), text
    if not checks._may_have_magnitude(low):
        assert checks._MAGNITUDE_RE.search(text) is None, text
    if not checks._may_have_ordinal(low):
        assert checks._ORDINAL_RE.search(text) is None, text


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "$",
                "#",
                " m",
                "bn",
                "€",
                " ",
                "5",
                "a",
                "A",
                "'",
                "’",
                "n't",
                "`",
                "*",
                "_",
                "[",
                "]",
                "(",
                "<unk>",
                "UNK",
                ",",
                ".",
                ";",
                ":",
                "%",
                "—",
                "http",
                "-lrb-",
                "\n",
                "Ab",
                "www.",
                "000",
                "-RRB-",
                '"',
                "UNK ",
            ]
        ),
        max_size=14,
    )
)
def test_normalisation_skips_an_edit_only_when_its_pattern_cannot_match(pieces: list[str]) -> None:
    text = "".join(pieces)
    for name, (pattern, maybe) in _EDIT_RULES.items():
        if re.search(pattern, text):
            assert maybe(text), (name, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZw09s'-’é", min_size=1, max_size=6))
def test_the_memo_stems_a_token_as_content_stems_does(token: str) -> None:
    for t in (token, token + "2", "2" + token):
        assert StemMemo()[t] == tuple(content_stems(t, [t])), t


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000))
def test_what_a_sentence_states_its_article_holds(seed: int) -> None:
    # the hard checks take a figure or date of the evidence window as held and placed
    rng = random.Random(seed)
    art = _index([_article(rng, rng.randint(1, 6))]).articles[0]
    for x in art.sentences:
        for d in x.dates:
            assert art.holds_date(d), (d, art.text)
        for q in x.quantities:
            assert art.holds(q), (q, art.text)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "He",
                " ",
                "said",
                "not",
                "No",
                "no",
                ". ",
                "3",
                ", ",
                "never",
                "-",
                "before",
                "didn't",
                "can’t",
                "disputed",
                "Dismissed",
                "that",
                "which",
                "only",
                "; ",
                "nothing",
                "knot",
                "(",
                "yet to",
                "fail",
            ]
        ),
        max_size=14,
    )
)
def test_a_text_said_to_negate_nothing_has_no_negated_clause(pieces: list[str]) -> None:
    text = "".join(pieces)
    if not checks.may_negate(text):
        assert not any(c.negated for c in checks.clauses(text)), text


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "It",
                " ",
                "MAY",
                "may",
                "could",
                "Might",
                "will",
                "plans",
                "to",
                "be",
                "is",
                "due",
                "expected",
                "ſ",
                "rise",
                "The",
                "fog",
                "ſet",
                "set",
                "é",
                ",",
            ]
        ),
        max_size=12,
    )
)
def test_hedge_cues_are_skipped_only_when_ascii_text_cannot_hold_one(pieces: list[str]) -> None:
    text = "".join(pieces)
    if not text.isascii():
        return
    low = text.lower()
    if not any(c in low for c in hard._EVIDENCE_CUES):
        assert hard._HEDGE_NEAR.search(text) is None, text
    if "may" not in low and "might" not in low and "could" not in low:
        assert hard._SUBJECT_HEDGE.search(text) is None, text


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "It",
                " ",
                "plans",
                "to",
                "PLANS TO",
                "Expects",
                "expected",
                "is",
                "due",
                "will",
                "may",
                "set",
                "reportedly",
                "ſet",
                "é",
                ",",
                "-",
                "likely",
                "would",
                "x",
            ]
        ),
        max_size=12,
    )
)
def test_hedges_skip_the_pattern_only_when_it_cannot_match(pieces: list[str]) -> None:
    text = "".join(pieces)
    long_way = (
        [h.lower() for h in checks._HEDGE.findall(text)]
        if checks._has_any(text, checks._HEDGE_HEADS)
        else []
    )
    assert checks.hedges(text) == long_way, text


def test_the_first_sentence_with_every_word_is_the_best_window() -> None:
    index = _index(
        [
            "Brandt said exports rose. Lindqvist spoke. Brandt said exports rose at the port. "
            "Brandt said exports rose at the port again."
        ]
    )
    claim = set(content_stems("Brandt said exports rose at the port"))
    weights = index._weights(claim)
    covered, first, last, stems = index._best_window(index.articles[0], claim, weights)
    assert (covered, first, last) == (sum(weights.values()), 2, 2)
    assert stems == index.articles[0].sentences[2].stems
    assert index._best_window(index.articles[0], set(), weights)[1:3] == (-1, -1)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "Ab", "!", "?", ".", '"', "'", " ", "5", ")"]), max_size=10))
def test_glued_sentences_are_looked_for_whatever_ends_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    pattern, maybe = _EDIT_RULES["glue"]
    if re.search(pattern, text):
        assert maybe(text), text


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "The",
                "port",
                " ",
                "  ",
                ".",
                ". ",
                "A",
                "a",
                "5",
                "3.5",
                "Mr",
                "No",
                "co",
                "U.S",
                "J",
                "x",
                "%",
                "$",
                "(",
                ")",
                '"',
                "'",
                "!",
                "?",
                "\n",
                "[12]",
                "…",
                "Inc",
                "etc",
                "Tuesday",
                "w12",
                "-",
                ",",
                "\t",
            ]
        ),
        max_size=24,
    )
)
def test_an_article_is_split_as_sentence_spans_splits_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert article_spans(text) == sentence_spans(text), text


def test_plain_prose_takes_the_fast_split_and_splits_as_sentence_spans() -> None:
    rng = random.Random(3)
    words_ = ["Mr", "Dr", "Inc", "etc", "co", "J", "a", "Brandt", "port", "7.4%", "$12.5", "w12"]
    fast = 0
    for _ in range(300):
        text = " ".join(
            " ".join(rng.choice(words_) for _ in range(rng.randint(1, 5))) + "."
            for _ in range(rng.randint(1, 6))
        )
        fast += not sentences._SPLIT_HARD.search(text)
        assert article_spans(text) == sentence_spans(text), text
    assert fast > 100  # most of them took the fast path


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "US$",
                "us$",
                "$",
                "RMB",
                "Rmb ",
                "5",
                "12",
                ",000",
                ".5",
                " ",
                "-",
                "Million",
                "MILLION",
                "bn",
                "BN",
                "m",
                "Percent",
                "%",
                "Twenty",
                "one",
                "Seven",
                "Dozen",
                "Thousands",
                "5th",
                "First",
                "Last",
                "km",
                "KM",
                "Euros",
                "dollars",
                "w12",
                "a",
            ]
        ),
        max_size=12,
    )
)
def test_ascii_figures_read_lower_cased_are_the_figures_read_ignoring_case(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    assert checks._quantities(text, text.lower()) == checks._quantities(text, None), text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="AbÉé _'’-&.1x\n", max_size=30))
def test_names_are_found_where_a_word_boundary_pattern_finds_them(text: str) -> None:
    by_boundary = re.compile(r"\b([A-ZÀ-ÖØ-Þ][^\W_]*(?:[’'\-&.][^\W_]+)*)")
    assert [m.span(1) for m in checks._NAME_TOKEN.finditer(text)] == [
        m.span(1) for m in by_boundary.finditer(text)
    ], text


def test_posting_bits_are_the_articles_that_have_the_stem() -> None:
    rng = random.Random(5)
    texts = [" ".join(rng.sample(["port", "dock", "crane", "ship", "quay"], 2)) for _ in range(90)]
    index = _index([t + "." for t in texts])
    for stem_ in ("port", "dock", "crane", "ship", "quay", "absent"):
        holders = index.article_postings.get(stem_, ())
        assert index._posting_bits(stem_) == sum(1 << ai for ai in holders)
    assert any(len(v) >= 16 for v in index.article_postings.values())  # the bytes path ran


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ9 '-.,’é_\n", max_size=30))
def test_an_exact_match_key_is_the_flat_form(text: str) -> None:
    assert hard.flat_key(text) == flat(text)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "Prices rose.",
                    "Prices rose.",
                    "The port closed.",
                    "LONDON (Example Wire) — Prices rose.",
                    "LONDON (Example Wire) — The mill shut.",
                    "The mill shut.",
                    "Ships wait at the O'Neill dock.",
                    "A well-known firm left.",
                ]
            ),
            min_size=1,
            max_size=5,
        ),
        min_size=1,
        max_size=4,
    )
)
def test_exact_keys_list_each_sentence_in_order_whatever_repeats(texts: list[list[str]]) -> None:
    from llmbrief.citations import strip_dateline

    cluster = Cluster(
        cluster_id="c",
        articles=[
            Article(id=str(100 + i), title=f"Report {i}", text=" ".join(sents))
            for i, sents in enumerate(texts)
        ],
    )
    index = ClusterIndex(cluster)
    expected: dict[str, tuple[tuple[int, int], ...]] = {}
    for ai, art in enumerate(index.articles):
        for si, sent in enumerate(art.sentences):
            expected[flat(sent.text)] = (*expected.get(flat(sent.text), ()), (ai, si))
            if si == 0:
                key = flat(strip_dateline(sent.text))
                expected[key] = (*expected.get(key, ()), (ai, si))
    assert index._exact == expected


def test_one_search_finds_what_any_edit_test_finds() -> None:
    import itertools

    from llmbrief.verifier.normalise import _MAYBE_ANY

    pieces = [
        *"aBC ,.;:!?'’\"[]($€£¥#%*_`—m1",
        *["Cd", "234", "<unk>", "UNK", "-lrb-", "-RRB-", "http", "www.", "n't", "bn"],
    ]
    tests = [maybe for _, maybe in _EDIT_RULES.values()]
    for parts in itertools.product(pieces, repeat=3):  # every trigger is three pieces at most
        text = "".join(parts)
        if any(maybe(text) for maybe in tests):
            assert _MAYBE_ANY.search(text), text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="a1 half third ONE nine\u0663.-", max_size=40))
def test_a_text_may_hold_a_share_exactly_when_the_whole_pattern_says_so(text: str) -> None:
    assert proportions._may_hold(text) == (proportions._MAY_HOLD.search(text) is not None)


def test_the_claims_percentage_is_read_only_when_the_cited_text_states_a_share() -> None:
    q = checks.quantities("grew 87.5% in May")[0]
    plain = _index(["Sales grew 12% in May."]).articles
    worded = _index(["Nearly nine in ten members voted. Sales grew 12% in May."]).articles
    assert not proportions.share_stated("grew 87.5% in May", q, plain)
    assert proportions.share_stated("nearly 87.5% of members voted", q, worded)
    assert not proportions.share_stated("grew 97.5% in May", checks.quantities("97.5%")[0], worded)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab  \t\n\x0b\x1c\x85\u00a0é.", max_size=20))
def test_a_single_spaced_block_is_left_as_the_split_and_join_would_leave_it(text: str) -> None:
    assert _single_spaced(text) == " ".join(text.split())


def _durations_by_the_pattern_alone(text: str) -> tuple[proportions.Share, ...]:
    days = proportions._DAYS
    return tuple(
        proportions._duration(
            m,
            days[m.group("unit").lower()],
            proportions._DURATION_T * days[m.group("unit").lower()],
        )
        for m in proportions._WORDED_DURATION.finditer(text)
        if m.group("approx")
    )


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                "an",
                "One",
                "up to",
                "nearly",
                "within",
                "for",
                "year",
                "Years",
                "yearly",
                "day",
                "weeks",
                "hour-long",
                "century",
                "the",
                "at least",
                "\n",
                "  ",
                "\t",
            ]
        ),
        max_size=8,
    )
)
def test_a_length_of_time_in_words_is_read_only_where_the_pattern_can_match(
    pieces: list[str],
) -> None:
    text = " ".join(pieces)
    assert proportions.approximate_durations(text) == _durations_by_the_pattern_alone(text)


def test_a_sentence_with_one_marker_reads_as_one_with_several() -> None:
    reader = CitationReader(["101", "102"])
    one = reader.parse("Exports rose 4% [101, 102, 101].")
    two = reader.parse("Exports rose 4% [101][102].")
    assert (
        (one.text, one.citations)
        == (two.text, two.citations)
        == ("Exports rose 4%.", ["101", "102"])
    )
    odd = reader.parse("Exports rose [7] 4% [101].")
    assert (odd.citations, odd.unknown_ids) == (["7", "101"], ["7"])


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ09 .,_é\n\t!?\"()\x00\x7f'-", max_size=30))
def test_the_words_of_a_text_are_those_the_pattern_finds(text: str) -> None:
    pattern = lexicon.ASCII_WORD if text.isascii() else lexicon.WORD
    assert words(text) == pattern.findall(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abz AZ09.,'-\n\té’", max_size=30))
def test_the_runs_of_letters_are_the_patterns_pieces_as_a_set(text: str) -> None:
    pieces = set(re.split(r"[^a-z]+", text)) - {""}
    assert set(checks._TOKEN_SPLIT.split(text)) - {""} == pieces
    assert "" not in checks._TOKEN_SPLIT.split(text) or not text.isascii()


# normalise's one-look test as first written, every alternative on its own
_MAYBE_ANY_UNGROUPED = re.compile(
    r"\[|UNK|<unk>|, \d\d\d|\. \d|\$ |€ |£ |¥ |# | %| '| ’| n't| n’t|``|''"
    r"|-lrb-|-LRB-|-rrb-|-RRB-| ,| \.| ;| :|—\d"
    r"|\.[\"']?[A-Z][a-z]|![\"']?[A-Z][a-z]|\?[\"']?[A-Z][a-z]|\]\(|http|www\.|\*\*|__"
)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"[]U<unkK,.03 $€£¥#%'’nt`-lrbLRB—!?\"AaZz(hwp*_:;",
                "http",
                "www.",
                "UNK",
                "<unk>",
                "-lrb-",
                "-RRB-",
                " n't",
                "``",
                "''",
                "**",
                "__",
            ]
        ),
        max_size=12,
    )
)
def test_the_grouped_one_look_test_finds_what_each_alternative_would(pieces: list[str]) -> None:
    text = "".join(pieces)
    grouped = normalise._MAYBE_ANY.search(text) is not None
    assert grouped == (_MAYBE_ANY_UNGROUPED.search(text) is not None)


def test_report_makers_equal_the_models_made_the_long_way() -> None:
    """``new_check({...})`` and the others (the model's validator, called directly) make the
    same object as ``Check(...)``: equal, the same fields set, the same JSON, and they
    validate and default as the model does."""
    span = {"where": "a1", "start": 3, "end": 9}
    check = {"name": "figures", "fired": True, "detail": "x", "spans": [Span(**span)]}
    evidence = {"article_id": "a1", "sentence": "It rose.", "start": 0, "end": 8, "score": 1.0}
    report = {"index": 2, "text": "It rose [a1].", "citations": ["a1"], "verdict": "supported"}
    cases = [
        (Span, new_span, span),
        (Check, new_check, check),
        (Check, new_check, {"name": "coverage", "fired": False}),  # defaults
        (Evidence, new_evidence, evidence),
        (ClaimReport, new_claim_report, report),
    ]
    for model, make, fields in cases:
        long_way, short = model(**fields), make(dict(fields))
        assert type(short) is model
        assert short == long_way
        assert short.model_fields_set == long_way.model_fields_set
        assert short.model_dump_json() == long_way.model_dump_json()
    # defaults are fresh lists, never shared between objects
    a, b = new_check({"name": "n", "fired": False}), new_check({"name": "n", "fired": False})
    a.spans.append(Span(**span))
    assert b.spans == []
    with pytest.raises(pydantic.ValidationError):
        new_claim_report({**report, "verdict": "maybe"})


def _ranks_long_way(toks: list[str]) -> list[tuple[int, int, str, int, str]]:
    """:func:`checks._ranks` without its pre-test: every token weighed."""
    out = []
    for i, t in enumerate(toks):
        head, _, tail = t.partition("-")
        if tail in checks._SUPERLATIVES and (n := checks._ordinal(head)) is not None:
            rank, sup, end = n, tail, i + 1
        elif t in checks._SUPERLATIVES and not (i and checks._ordinal(toks[i - 1]) is not None):
            rank, sup, end = 1, t, i + 1
        elif (n := checks._ordinal(t)) is not None:
            if i + 1 < len(toks) and toks[i + 1] in checks._SUPERLATIVES:
                rank, sup, end = n, toks[i + 1], i + 2
            else:
                rank, sup, end = n, "", i + 1
        else:
            continue
        if (
            end < len(toks)
            and toks[end] not in checks._FUNCTION_STEMS
            and checks._ordinal(toks[end]) is None
        ):
            out.append((i, rank, sup, end, toks[end]))
    return out


_RANK_PIECES = [
    "the second-largest airline",
    "the 5th time the Greens won",
    "the 1234th visitor",
    "its 21st birthday and 3rd win",
    "the largest port",
    "first quarter output",
    "w123 and 12 deals",
    "a 3-storey block",
    "ranked 2nd largest exporter",
    "the 12th",
    "quarterly revenue at the regional port grew 12.5%",
]


@given(st.lists(st.sampled_from(_RANK_PIECES), min_size=1, max_size=4))
@settings(max_examples=150, deadline=None)
def test_ranks_pre_test_finds_what_every_token_weighed_finds(pieces: list[str]) -> None:
    toks = [lexicon.stem(w) for w in words(" ".join(pieces))]
    assert checks._ranks(toks) == _ranks_long_way(toks)


@given(st.lists(st.sampled_from([*_RANK_PIECES, "fifth", "thirds", "secondly"]), max_size=4))
@settings(max_examples=100, deadline=None)
def test_ordinal_anywhere_is_any_ordinal_in_the_text(pieces: list[str]) -> None:
    low = " ".join(pieces).lower()
    found = verdicts._ORDINAL_ANYWHERE.search(low) is not None
    assert found == any(w in low for w in verdicts._ORDINALS)
