"""The speed shortcuts of the checks give what the full reading gives.

Each shortcut skips work on a test that must never skip a real finding: these tests hold
the shortcut against the reading it stands for.
"""

from __future__ import annotations

import re
from dataclasses import astuple

from hypothesis import given
from hypothesis import strategies as st

from llmbrief.verifier import checks
from llmbrief.verifier import proportions as p
from llmbrief.verifier import restated as r
from llmbrief.verifier.lexicon import StemMemo, sentence_stems, words

_WORDS = sorted(p._NUMBER_LAST_WORDS)


@given(
    st.one_of(
        st.text(alphabet="(\"'“‘)0123456789²٣abenortxsy,.%", max_size=8),
        st.builds(
            lambda a, w, b: a + w + b,
            st.text(alphabet="(\"'“‘", max_size=2),
            st.sampled_from(_WORDS),
            st.text(alphabet="(\"'“‘s", max_size=2),
        ),
    )
)
def test_a_word_ending_otherwise_is_never_a_number(word: str) -> None:
    # the shortcut in _found_by: a word whose last character is no digit and none a number
    # word (or a stripped opener) ends with is not read as a number
    last = word[-1:] or " "
    if last not in p._NUMBER_WORD_ENDS and not last.isdigit():
        assert not p._number_word(word)


def test_numbers_before_of_and_in_are_found_after_openers_and_digits() -> None:
    found = [s.text for s in p._not_percentages("Of those polled, (22 of 31) agreed.")]
    assert found == ["22 of 31"]
    assert [s.text for s in p._not_percentages("Nearly nine in ten members agreed.")] == [
        "Nearly nine in ten"
    ]
    assert [s.text for s in p._not_percentages("In 2024, 1,200 out of 4,000 workers quit.")] == [
        "1,200 out of 4,000"
    ]


def test_each_plural_holds_the_fraction_word_it_is_skipped_without() -> None:
    for plural, singular in p._PLURAL_HOLDS.items():
        assert singular in plural
    assert p._PLURAL_HOLDS["thirds"] == "third"
    assert p._PLURAL_HOLDS["halves"] == ""  # looked for in any text with a fraction word


def test_fractions_are_found_beside_other_fraction_words() -> None:
    text = (
        "Quarterly output rose. Two-thirds of the staff agreed, three quarters of the "
        "members left, a majority of voters stayed and half the fleet sailed."
    )
    found = [s.text for s in p._fractions(text)]
    assert found == [
        "Two-thirds",
        "three quarters",
        "half",
        "a majority of",
    ]
    # the caller's lower-cased text reads the same as the text's own
    assert [astuple(s) for s in p._fractions(text, text.lower())] == [
        astuple(s) for s in p._fractions(text)
    ]


def test_fractions_without_their_words_are_none() -> None:
    assert list(p._fractions("Output rose 4.5% in the quarterly report.")) == []
    assert list(p._fractions("Nothing here counts.")) == []


def test_a_claims_percentages_read_once_are_its_percentages() -> None:
    text = "About 87 percent of members and 12.5% of staff agreed."
    assert p._claim_percents(text) == tuple(p._percents(text))
    assert [s.text for s in p._claim_percents(text)] == ["About 87 percent", "12.5%"]


def test_a_sentences_stems_are_its_tokens_stems() -> None:
    memo = StemMemo()
    for sentence in (
        "The regional port's w123 output grew 4.5% under Helena Marcus.",
        "Two-thirds of the dockers voted; the strike ended on Tuesday.",
        "",
    ):
        tokens = words(sentence)
        assert memo.sentence(tokens) == frozenset(sentence_stems(tokens))


def test_the_ratio_keys_need_a_space_before() -> None:
    # " in " at the very start of a text has no word before it: no number, no share
    assert list(p._ratios(" in ten")) == []
    assert [s.text for s in p._ratios("9 in 10")] == ["9 in 10"]
    assert re.fullmatch(r"\d in \d+", "9 in 10")


_APPROX = sorted(p._KIND_OF)
_PIECES = [*_APPROX, *(a.upper() for a in _APPROX), "xabout", "Thank", "w123", "5", "_", "é", "ſo"]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_PIECES), st.sampled_from(["", " ", "  ", "\n", "\t", "-", " \n"])
        ),
        max_size=8,
    )
)
def test_the_approximator_shortcut_finds_what_the_pattern_finds(
    parts: list[tuple[str, str]],
) -> None:
    text = "".join(w + sep for w, sep in parts) + "87%"
    m = re.compile("87%").search(text)
    assert m is not None
    a = p._APPROX_BEFORE.search(text, max(0, m.start() - 40), m.start())
    want = (None, m.start()) if a is None else (a.group(0).strip(), a.start())
    assert p._approximator(m) == want


def test_an_approximator_is_found_before_a_share_and_a_plain_word_is_not() -> None:
    m = re.compile("87%").search("sales rose almost\n87% in the year")
    assert m is not None and p._approximator(m) == ("almost", 11)
    m = re.compile("87%").search("sales rose by 87% in the year")
    assert m is not None and p._approximator(m) == (None, 14)


_CUES = sorted(checks._MODAL_LEVEL)


@given(
    st.lists(
        st.tuples(
            st.sampled_from([*_CUES, "Q", "maybe", "planned", "5", "_"]),
            st.sampled_from(["lower", "upper", "title"]),
            st.sampled_from([" ", "  ", "-", "\n", ", ", "_"]),
        ),
        max_size=6,
    )
)
def test_ascii_hedges_read_lower_cased_are_the_cues_the_pattern_finds(
    parts: list[tuple[str, str, str]],
) -> None:
    text = "".join(getattr(w, case)() + sep for w, case, sep in parts)
    found = [h.lower() for h in checks._HEDGE.findall(text)]
    heads = checks._HEDGE_HEADS.intersection(checks._TOKEN_SPLIT.split(text.lower()))
    assert checks.hedges(text) == (found if heads else [])


def _ordinal_long_way(tok: str) -> int | None:
    found = checks._DIGIT_ORDINAL.fullmatch(tok)
    return int(found.group(1)) if found else checks._RANK_ORDINALS.get(tok)


@given(
    st.one_of(
        st.text(alphabet="0123456789٣²stndrhfi-", max_size=6),
        st.sampled_from(sorted(checks._RANK_ORDINALS)),
    )
)
def test_an_ordinal_read_only_after_a_digit_is_the_patterns(tok: str) -> None:
    assert checks._ordinal(tok) == _ordinal_long_way(tok)


def test_order_clash_without_before_or_after_finds_nothing_to_skip() -> None:
    # the precondition skips claims with no "before"/"after": those the loop never enters
    claim = tuple(map(checks.stem, words("The port reopened after the storm passed on Monday")))
    other = tuple(map(checks.stem, words("The port reopened before the storm passed on Monday")))
    assert checks.order_clash(claim, [other]) is not None
    plain = tuple(map(checks.stem, words("The port reopened once the storm passed on Monday")))
    assert checks.order_clash(plain, [other]) is None
    assert not any(t in checks._ORDER for t in plain)


_REFUSALS = [
    "The council declined to comment on the plan.",
    "A spokesman would  not\nsay how much it cost.",
    "Halvern Therapeutics could not be reached.",
    "The mayor did not respond to calls; aides refused to say more.",
    "Nothing was said, and nobody was not happy.",
    "Output grew 5% at the quarterly fair, helped by w123 deals.",
    "She DECLINES TO SAY.",
]


def _refuses_long_way(text: str) -> bool:
    flat = " ".join(text.lower().split())
    if not any(cue in flat for cue in r._REFUSAL_CUES):
        return False
    return r._ANY_REFUSAL.search(text) is not None


@given(st.lists(st.sampled_from([*_REFUSALS, " ", "not", "declined"]), max_size=4))
def test_a_refusal_looked_for_by_its_key_words_first_is_found_as_before(parts: list[str]) -> None:
    text = " ".join(parts)
    assert r._refuses.__wrapped__(text) == _refuses_long_way(text)


def test_every_refusal_cue_holds_one_of_the_key_words() -> None:
    assert all(any(k in cue for k in r._REFUSAL_KEYS) for cue in r._REFUSAL_CUES)
    assert [r._refuses.__wrapped__(t) for t in _REFUSALS] == list(map(_refuses_long_way, _REFUSALS))
