"""The client through the real openai SDK against a loopback chat-completions server."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from llmbrief import ModelCallError, RetriesExhaustedError, resolve_model
from llmbrief.client import ChatClient, ReplyCache, cache_key, cost_of, retry_after

from .chat_server import ChatServer, Reply, error, ok

MESSAGES = [{"role": "user", "content": "hello"}]


_OPEN: list[ChatClient] = []


@pytest.fixture(autouse=True)
def _close_clients() -> Iterator[None]:
    yield
    while _OPEN:
        _OPEN.pop().close()


def client(server: ChatServer, **kw: object) -> ChatClient:
    settings = resolve_model("gpt-4o-mini", server.url, api_key="sk-secret-123", timeout=5)
    kw.setdefault("backoff", 0.01)
    kw.setdefault("max_backoff", 0.05)
    c = ChatClient(settings, **kw)  # type: ignore[arg-type]
    _OPEN.append(c)
    return c


def test_reply_usage_and_cost(chat_server: ChatServer) -> None:
    chat_server.script(ok("hi there", prompt_tokens=1000, completion_tokens=500))
    c = client(chat_server)
    out = c.complete(MESSAGES, params={"temperature": 0}, schema={"name": "x", "schema": {}})
    assert out.text == "hi there" and out.finish_reason == "stop"
    assert out.usage.prompt_tokens == 1000 and out.usage.completion_tokens == 500
    assert out.usage.cost_usd == pytest.approx(1000 * 0.15e-6 + 500 * 0.60e-6)
    body = chat_server.requests[0]["body"]
    assert body["model"] == "gpt-4o-mini" and body["temperature"] == 0
    assert body["response_format"]["type"] == "json_schema"
    assert chat_server.requests[0]["headers"]["authorization"] == "Bearer sk-secret-123"


def test_429_retry_after_is_honoured(
    chat_server: ChatServer, caplog: pytest.LogCaptureFixture
) -> None:
    chat_server.script(error(429, headers={"retry-after": "0.4"}), ok("done"))
    c = client(chat_server)
    with caplog.at_level(logging.WARNING, logger="llmbrief.client"):
        out = c.complete(MESSAGES)
    assert out.text == "done"
    assert len(chat_server.requests) == 2
    gap = chat_server.times[1] - chat_server.times[0]
    assert gap >= 0.38, gap  # the server's wait, not the 0.01 s backoff
    retries = [r for r in caplog.records if "retry 1" in r.getMessage()]
    assert len(retries) == 1 and "HTTP 429" in retries[0].getMessage()
    assert "sk-secret-123" not in caplog.text


def test_retry_after_ms_wins_and_insane_values_are_ignored() -> None:
    class R:
        def __init__(self, h: dict[str, str]) -> None:
            self.headers = h

    class E(Exception):
        def __init__(self, h: dict[str, str]) -> None:
            self.response = R(h)

    assert retry_after(E({"retry-after-ms": "250", "retry-after": "9"})) == 0.25
    assert retry_after(E({"retry-after": "3"})) == 3.0
    assert retry_after(E({"retry-after": "600"})) is None  # over 120 s: use our own backoff
    assert retry_after(E({"retry-after": "-1"})) is None


def test_500_until_retries_run_out(chat_server: ChatServer) -> None:
    chat_server.default = error(500)
    c = client(chat_server, max_attempts=3)
    with pytest.raises(RetriesExhaustedError, match="3 attempt"):
        c.complete(MESSAGES)
    assert len(chat_server.requests) == 3


def test_timeout_is_retried(chat_server: ChatServer) -> None:
    chat_server.script(Reply(body={}, delay=1.5), ok("after timeout"))
    settings = resolve_model("gpt-4o-mini", chat_server.url, api_key="k", timeout=0.3)
    c = ChatClient(settings, backoff=0.01, max_backoff=0.05)
    _OPEN.append(c)
    t0 = time.monotonic()
    assert c.complete(MESSAGES).text == "after timeout"
    assert time.monotonic() - t0 < 1.4
    assert len(chat_server.requests) == 2


@pytest.mark.parametrize(
    ("status", "code"), [(400, None), (401, None), (429, "insufficient_quota")]
)
def test_non_retryable_errors_fail_at_once(
    chat_server: ChatServer, status: int, code: str | None
) -> None:
    chat_server.default = error(status, code)
    with pytest.raises(ModelCallError) as err:
        client(chat_server).complete(MESSAGES)
    assert not isinstance(err.value, RetriesExhaustedError)
    assert len(chat_server.requests) == 1
    if code:
        assert "out of credit" in str(err.value)
    assert "sk-secret-123" not in str(err.value)


def test_server_down_gives_retries_exhausted() -> None:
    settings = resolve_model("m", "http://127.0.0.1:9/v1", api_key="k", timeout=0.5)
    with (
        ChatClient(settings, max_attempts=2, backoff=0.01, max_backoff=0.02) as c,
        pytest.raises(RetriesExhaustedError, match="connection error"),
    ):
        c.complete(MESSAGES)


def test_cache_hit_makes_no_request(chat_server: ChatServer, tmp_path: Path) -> None:
    chat_server.script(ok("cached answer"))
    c = client(chat_server, cache=ReplyCache(tmp_path))
    first = c.complete(MESSAGES)
    second = c.complete(MESSAGES)
    assert first.text == second.text == "cached answer"
    assert second.cached and len(chat_server.requests) == 1
    assert c.usage.calls == 1 and c.usage.cache_hits == 1
    stored = "".join(p.read_text() for p in tmp_path.rglob("*.json"))
    assert "sk-secret-123" not in stored


def test_incomplete_replies_are_not_cached(chat_server: ChatServer, tmp_path: Path) -> None:
    chat_server.script(ok("cut", finish_reason="length"), ok("cut", finish_reason="length"))
    c = client(chat_server, cache=ReplyCache(tmp_path))
    c.complete(MESSAGES)
    c.complete(MESSAGES)
    assert len(chat_server.requests) == 2
    assert not list(tmp_path.rglob("*.json"))


def test_cache_key_covers_url_model_messages_params_schema() -> None:
    base = cache_key("http://h/v1", "m", MESSAGES, {"t": 0}, None)
    assert base == cache_key("HTTP://H/v1/", "m", MESSAGES, {"t": 0}, None)
    assert base != cache_key("http://h/v1", "m2", MESSAGES, {"t": 0}, None)
    assert base != cache_key("http://h/v1", "m", MESSAGES, {"t": 1}, None)
    assert base != cache_key("http://h/v1", "m", MESSAGES, {"t": 0}, {"s": 1})


def test_async_path_runs_concurrently(chat_server: ChatServer) -> None:
    n = 8
    chat_server.script(*[ok(f"reply {i}", prompt_tokens=10, completion_tokens=5) for i in range(n)])
    for r in chat_server.replies:
        r.delay = 0.5  # long enough that a loaded machine cannot hide serial requests
    c = client(chat_server)

    async def run() -> list[str]:
        outs = await asyncio.gather(
            *[c.acomplete([{"role": "user", "content": f"q{i}"}]) for i in range(n)]
        )
        await c.aclose()
        return [o.text for o in outs]

    t0 = time.monotonic()
    texts = asyncio.run(run())
    elapsed = time.monotonic() - t0
    assert sorted(texts) == sorted(f"reply {i}" for i in range(n))
    assert elapsed < n * 0.5 * 0.75, elapsed  # overlapped, not one after another
    assert c.usage.calls == n and c.usage.prompt_tokens == 10 * n


def test_async_retries_too(chat_server: ChatServer) -> None:
    chat_server.script(error(503), ok("ok"))
    c = client(chat_server)

    async def run() -> str:
        out = await c.acomplete(MESSAGES)
        await c.aclose()
        return out.text

    assert asyncio.run(run()) == "ok"
    assert len(chat_server.requests) == 2


def test_prices_known_and_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cost_of("gpt-4o-mini-2024-07-18", 1_000_000, 0) == pytest.approx(0.15)
    assert cost_of("llama3", 100, 100) is None
    monkeypatch.setenv("LLMBRIEF_PRICES", json.dumps({"llama3": [1, 2]}))
    assert cost_of("llama3", 1_000_000, 1_000_000) == pytest.approx(3.0)


def test_a_429_pauses_every_request_sharing_the_client(chat_server: ChatServer) -> None:
    import threading

    chat_server.script(error(429, headers={"retry-after": "0.6"}))
    chat_server.default = ok("fine")
    c = client(chat_server)
    first = threading.Thread(target=c.complete, args=(MESSAGES,))
    first.start()
    while not chat_server.times:
        time.sleep(0.005)
    refused_at = chat_server.times[0]
    time.sleep(0.1)
    others = [threading.Thread(target=c.complete, args=(MESSAGES,)) for _ in range(3)]
    for t in [*others]:
        t.start()
    for t in [first, *others]:
        t.join()
    assert len(chat_server.times) == 5
    # nobody, not only the refused request, asked again before the server's 0.6 s were up
    assert min(chat_server.times[1:]) - refused_at >= 0.55, chat_server.times
    assert c.limiter.pauses == 1


def test_the_openai_client_is_built_once_by_many_threads(chat_server: ChatServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    chat_server.default = ok("fine")
    c = client(chat_server)
    built = []
    real = c._build

    def counting(cls: object) -> object:
        built.append(cls)
        time.sleep(0.05)  # widen the window in which other threads miss too
        return real(cls)

    c._build = counting  # type: ignore[method-assign]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: c.complete(MESSAGES), range(8)))
    assert len(built) == 1


def test_encodings_are_built_once_by_many_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from llmbrief import tokens

    built = []
    real = tokens._build_encoding

    def counting(name: str) -> tokens.Encoder:
        built.append(name)
        time.sleep(0.05)
        return real(name)

    monkeypatch.setattr(tokens, "_encodings", {})
    monkeypatch.setattr(tokens, "_build_encoding", counting)
    with ThreadPoolExecutor(8) as pool:
        encs = list(pool.map(lambda _: tokens.get_encoding("cl100k_base"), range(8)))
    assert built == ["cl100k_base"] and all(e is encs[0] for e in encs)


def test_tpm_counts_each_request_with_tiktoken_and_spaces_them(chat_server: ChatServer) -> None:
    from llmbrief.ratelimit import RateLimiter
    from llmbrief.tokens import count_messages, get_encoding

    chat_server.default = ok("fine")
    c = client(chat_server)
    c.limiter = RateLimiter(tpm=3000)  # 50 tokens a second
    weight = count_messages(MESSAGES, get_encoding("o200k_base")) + 50
    assert c._tokens(c.body(MESSAGES, {"max_completion_tokens": 50})) == weight
    for _ in range(3):
        c.complete(MESSAGES, params={"max_completion_tokens": 50})
    t = chat_server.times
    # one second's worth may run ahead; after that each request waits for its tokens: the
    # third goes when the first two (2 x weight at 50/s) are paid for, less that second
    assert t[2] - t[0] >= 2 * weight / 50 - 1.0 - 0.1, (weight, t)
    assert t[1] - t[0] < 0.5


def test_the_reply_cache_key_covers_prompt_drafter_and_verifier() -> None:
    from llmbrief.llm import make_judge, make_llm_drafter
    from llmbrief.verifier.version import verifier_version

    settings = resolve_model("gpt-4o-mini", base_url="http://127.0.0.1:9/v1")
    drafter = make_llm_drafter(settings, prompt="cluster_summary_terse")
    judge = make_judge(settings, style="minicheck")
    versions = drafter.model.versions  # type: ignore[attr-defined]
    assert versions["prompt"] == drafter.prompt_id and versions["drafter"] == "llm"
    assert versions["verifier"] == verifier_version()
    assert judge.model.versions["drafter"] == "judge:minicheck"  # type: ignore[attr-defined]
    messages = [{"role": "user", "content": "q"}]
    plain = cache_key(settings.base_url, settings.model, messages, {}, None)
    keyed = cache_key(settings.base_url, settings.model, messages, {}, None, versions=versions)
    assert plain != keyed
