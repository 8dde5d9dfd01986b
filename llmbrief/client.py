"""The one module that talks to a model: the ``openai`` client, retries, cache and usage.

Retries have one owner: the SDK's own are switched off (``max_retries=0``) and tenacity
retries connection errors, timeouts and HTTP 408/409/429/5xx with exponential backoff and
jitter, honouring ``retry-after-ms`` / ``Retry-After`` up to 120 s, within a bounded number
of attempts and total time. Other 4xx and a 429 ``insufficient_quota`` (out of credit) are not
retried. Each retry logs one line; the API key is never logged, cached or printed.

Every attempt first asks the client's :class:`~llmbrief.ratelimit.RateLimiter` when it may go
(``--rpm`` / ``--tpm``), and a 429 that the retry layer waits out also pauses that limiter, so
every request sharing the client (a whole batch) slows down, not only the one refused.

One client per process is enough and safe to share between threads: the ``openai`` clients
are built once, under a lock with a second look (threads that miss at the same moment would
otherwise each build one, each with its own connection pool).
"""

from __future__ import annotations

import asyncio
import email.utils
import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_random_exponential,
)

from .config import ModelSettings
from .errors import ConfigError, ModelCallError, ModelOutputError, RetriesExhaustedError
from .load import write_text_atomically
from .model import ChatModel, Completion
from .ratelimit import RateLimiter
from .types import Usage

__all__ = [
    "PRICES",
    "ChatClient",
    "ChatModel",
    "Completion",
    "ReplyCache",
    "cache_key",
    "check_prices",
    "default_cache_dir",
]

log = logging.getLogger("llmbrief.client")

CACHE_VERSION = 1
#: USD per million (prompt, completion) tokens; override with LLMBRIEF_PRICES='{"m": [in, out]}'.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-5": (1.25, 10.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
}
_MAX_RETRY_AFTER = 120.0


def default_cache_dir() -> Path:
    """``$LLMBRIEF_CACHE_DIR``, else the user cache directory (``~/.cache/llmbrief/replies``)."""
    env = os.environ.get("LLMBRIEF_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("llmbrief")) / "replies"


def _normal_url(base_url: str | None) -> str:
    return (base_url or "https://api.openai.com/v1").rstrip("/").lower()


def cache_key(
    base_url: str | None,
    model: str,
    messages: Sequence[Mapping[str, str]],
    params: Mapping[str, Any],
    schema: Mapping[str, Any] | None,
    *,
    versions: Mapping[str, str] | None = None,
) -> str:
    """sha256 over everything that shapes a reply (never the key).

    ``versions`` names what else the reply is used with and must not outlive: the prompt
    (``name@hash``), the drafter, the verifier's version (``verifier@hash``), the eval cluster.
    A change to any of them is a different key, so no stale reply is reused across it.
    Without ``versions`` the key is what it always was (existing caches stay valid).
    """
    fields: dict[str, Any] = {
        "v": CACHE_VERSION,
        "url": _normal_url(base_url),
        "model": model,
        "messages": list(messages),
        "params": dict(params),
        "schema": schema,
    }
    if versions:
        fields["versions"] = dict(versions)
    blob = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


class ReplyCache:
    """Complete, successful replies on disk, one JSON file per request key."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_cache_dir()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> Completion | None:
        """The cached reply for ``key``, or None (a corrupt entry counts as a miss)."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return Completion(
                text=data["text"],
                finish_reason=data.get("finish_reason"),
                usage=Usage(**data.get("usage", {})),
                cached=True,
                model=data.get("model", ""),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, completion: Completion) -> None:
        """Store a reply (written atomically; a cache that cannot be written is skipped)."""
        path = self._path(key)
        entry = {
            "text": completion.text,
            "finish_reason": completion.finish_reason,
            "usage": completion.usage.model_dump(exclude={"cost_usd", "cache_hits"}),
            "model": completion.model,
        }
        try:
            write_text_atomically(path, json.dumps(entry))
        except OSError as err:
            log.warning("reply cache not written (%s): %s", self.directory, err.strerror)


def check_prices(env: Mapping[str, str] | None = None) -> dict[str, tuple[float, float]]:
    """The price table with ``LLMBRIEF_PRICES`` applied; call it before any request.

    Raises:
        ConfigError: ``LLMBRIEF_PRICES`` is not ``{"model": [in, out]}`` JSON with two
            non-negative numbers per model (one line naming the model).
    """
    env = os.environ if env is None else env
    table = dict(PRICES)
    raw = env.get("LLMBRIEF_PRICES")
    if not raw:
        return table
    shape = 'LLMBRIEF_PRICES must be JSON like {"gpt-4o-mini": [0.15, 0.60]} (USD per 1M tokens)'
    try:
        extra = json.loads(raw)
    except json.JSONDecodeError as err:
        raise ConfigError(f"{shape}; invalid JSON at character {err.pos}") from None
    if not isinstance(extra, dict):
        raise ConfigError(f"{shape}; got a JSON {type(extra).__name__}")
    for k, v in extra.items():
        if (
            not isinstance(v, list)
            or len(v) != 2
            or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v)
            or min(v) < 0
        ):
            raise ConfigError(f"{shape}; {k!r} has {json.dumps(v)}")
        table[str(k)] = (float(v[0]), float(v[1]))
    return table


def _prices() -> dict[str, tuple[float, float]]:
    return check_prices()


def cost_of(model: str, prompt_tokens: int, completion_tokens: int) -> float | None:
    """USD cost where the model's price is known, else None."""
    table = _prices()
    price = table.get(model)
    if price is None:
        # dated snapshots ("gpt-4o-mini-2024-07-18") cost what their family costs
        family = max((k for k in table if model.startswith(k + "-")), key=len, default=None)
        price = table.get(family) if family else None
    if price is None:
        return None
    return round((prompt_tokens * price[0] + completion_tokens * price[1]) / 1e6, 8)


# -- retry policy -------------------------------------------------------------------------


def _is_retryable(err: BaseException) -> bool:
    if isinstance(err, openai.APIConnectionError):  # includes APITimeoutError
        return True
    if isinstance(err, openai.APIStatusError):
        if err.status_code == 429 and _error_code(err) == "insufficient_quota":
            return False  # out of credit: waiting will not help
        return err.status_code in (408, 409, 429) or err.status_code >= 500
    return False


def _error_code(err: openai.APIStatusError) -> str | None:
    code = getattr(err, "code", None)
    if code:
        return str(code)
    body = err.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("code"):
            return str(inner["code"])
    return None


def retry_after(err: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (``retry-after-ms`` then ``retry-after``), if sane."""
    response = getattr(err, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    value: float | None = None
    raw_ms = headers.get("retry-after-ms")
    raw = headers.get("retry-after")
    try:
        if raw_ms is not None:
            value = float(raw_ms) / 1000
        elif raw is not None:
            try:
                value = float(raw)
            except ValueError:
                when = email.utils.parsedate_to_datetime(raw)
                value = when.timestamp() - time.time()
    except (ValueError, TypeError):
        return None
    if value is not None and 0 < value <= _MAX_RETRY_AFTER:
        return value
    return None


class _Wait:
    """The server's Retry-After when it gives a sane one, else exponential backoff with jitter."""

    def __init__(self, multiplier: float, max_wait: float) -> None:
        self.backoff = wait_random_exponential(multiplier=multiplier, max=max_wait)

    def __call__(self, state: RetryCallState) -> float:
        err = state.outcome.exception() if state.outcome else None
        asked = retry_after(err)
        return asked if asked is not None else float(self.backoff(state))


def _log_retry(state: RetryCallState) -> None:
    err = state.outcome.exception() if state.outcome else None
    wait = state.next_action.sleep if state.next_action else 0.0
    log.warning(
        "model call failed (%s); retry %d in %.2fs", _describe(err), state.attempt_number, wait
    )


def _is_rate_limited(err: BaseException | None) -> bool:
    return isinstance(err, openai.APIStatusError) and err.status_code == 429


def _describe(err: BaseException | None) -> str:
    if isinstance(err, openai.APIStatusError):
        return f"HTTP {err.status_code}"
    if isinstance(err, openai.APITimeoutError):
        return "timeout"
    if isinstance(err, openai.APIConnectionError):
        return "connection error"
    return type(err).__name__ if err else "unknown error"


# -- the client ---------------------------------------------------------------------------


@dataclass
class ChatClient:
    """Chat completions against OpenAI or any OpenAI-compatible server.

    Args:
        settings: model, base URL, key and timeout (see :func:`llmbrief.resolve_model`).
        cache: reply cache, or None for no cache.
        max_attempts: attempts per request, retries included.
        max_total_seconds: stop retrying once this much time has passed.
        backoff: base of the exponential backoff (seconds).
        max_backoff: cap of one backoff wait (seconds).
        limiter: rate limits every request waits for, and the pause a 429 sets; shared by
            everything that uses this client.
        versions: what the replies are used with and must not outlive (prompt ``name@hash``,
            drafter, verifier version), part of the reply cache key.
    """

    settings: ModelSettings
    cache: ReplyCache | None = None
    max_attempts: int = 4
    max_total_seconds: float = 120.0
    backoff: float = 0.5
    max_backoff: float = 20.0
    usage: Usage = field(default_factory=Usage)
    limiter: RateLimiter = field(default_factory=RateLimiter)
    versions: dict[str, str] | None = None
    _sync: Any = None
    _async: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _build_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def model(self) -> str:
        """The model name requests go to."""
        return self.settings.model

    def close(self) -> None:
        """Close the HTTP connections of the sync client (the async one: :meth:`aclose`)."""
        if self._sync is not None:
            self._sync.close()
            self._sync = None

    async def aclose(self) -> None:
        """Close the async client's connections (call inside the loop that used it)."""
        if self._async is not None:
            await self._async.close()
            self._async = None

    def __enter__(self) -> ChatClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _client_kwargs(self) -> dict[str, Any]:
        return {
            "api_key": self.settings.api_key,
            "base_url": self.settings.base_url,
            "timeout": self.settings.timeout,
            "max_retries": 0,  # tenacity owns retries
        }

    def _sync_client(self) -> openai.OpenAI:
        if self._sync is None:
            with self._build_lock:
                if self._sync is None:  # second look: another thread may have built it
                    self._sync = self._build(openai.OpenAI)
        return self._sync  # type: ignore[no-any-return]

    def _async_client(self) -> openai.AsyncOpenAI:
        if self._async is None:
            with self._build_lock:
                if self._async is None:
                    self._async = self._build(openai.AsyncOpenAI)
        return self._async  # type: ignore[no-any-return]

    def _build(self, cls: Any) -> Any:
        try:
            return cls(**self._client_kwargs())
        except openai.OpenAIError as err:
            raise ConfigError(f"cannot set up the OpenAI client: {err}") from err

    def body(
        self,
        messages: Sequence[Mapping[str, str]],
        params: Mapping[str, Any] | None = None,
        schema: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The JSON body of the chat-completions request (as sent live, or in a batch file)."""
        body: dict[str, Any] = {"model": self.model, "messages": [dict(m) for m in messages]}
        body.update(params or {})
        if schema is not None:
            body["response_format"] = {"type": "json_schema", "json_schema": dict(schema)}
        return body

    def _tokens(self, body: Mapping[str, Any]) -> int:
        """What a request weighs against ``--tpm``: its prompt tokens and the reply room."""
        if not self.limiter.counts_tokens:
            return 0
        # imported here: only --tpm needs the tokenizer (and what tokens.py pulls in)
        from .tokens import count_messages, encoding_for_model, get_encoding

        enc = get_encoding(encoding_for_model(self.model)[0])
        reply = body.get("max_completion_tokens") or body.get("max_tokens") or 0
        return count_messages(body["messages"], enc) + int(reply)

    def _request(
        self,
        messages: Sequence[Mapping[str, str]],
        params: Mapping[str, Any] | None,
        schema: Mapping[str, Any] | None,
    ) -> tuple[dict[str, Any], str | None]:
        body = self.body(messages, params, schema)
        key = None
        if self.cache is not None:
            key = cache_key(
                self.settings.base_url,
                self.model,
                messages,
                params or {},
                schema,
                versions=self.versions,
            )
        return body, key

    def _retrying_kwargs(self) -> dict[str, Any]:
        return {
            "retry": retry_if_exception(_is_retryable),
            "wait": _Wait(self.backoff, self.max_backoff),
            "stop": stop_after_attempt(self.max_attempts)
            | stop_after_delay(self.max_total_seconds),
            "before_sleep": self._before_retry,
            "reraise": True,
        }

    def _before_retry(self, state: RetryCallState) -> None:
        _log_retry(state)
        err = state.outcome.exception() if state.outcome else None
        if _is_rate_limited(err) and state.next_action is not None:
            # the server is refusing all of us: everyone sharing this client waits it out
            self.limiter.pause(state.next_action.sleep)

    def complete(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        params: Mapping[str, Any] | None = None,
        schema: Mapping[str, Any] | None = None,
    ) -> Completion:
        """Send one chat request (or answer it from the cache).

        Raises:
            RetriesExhaustedError: transient failures outlasted the retry budget.
            ModelCallError: the server refused the request (4xx, out of credit).
        """
        body, key = self._request(messages, params, schema)
        if key is not None and self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                return self._account(hit, cached=True)
        started = time.monotonic()
        attempts = 0
        tokens = self._tokens(body)
        try:
            for attempt in Retrying(**self._retrying_kwargs()):
                with attempt:
                    attempts += 1
                    client = self._sync_client()  # built before the slot, so none is missed
                    self.limiter.wait(tokens)
                    raw = client.chat.completions.create(**body)
        except openai.OpenAIError as err:
            raise self._wrap(err, attempts, time.monotonic() - started) from err
        return self._finish(raw, key)

    async def acomplete(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        params: Mapping[str, Any] | None = None,
        schema: Mapping[str, Any] | None = None,
    ) -> Completion:
        """Async :meth:`complete`, for many requests at once."""
        body, key = self._request(messages, params, schema)
        if key is not None and self.cache is not None:
            hit = await asyncio.to_thread(self.cache.get, key)
            if hit is not None:
                return self._account(hit, cached=True)
        started = time.monotonic()
        attempts = 0
        tokens = self._tokens(body)
        try:
            async for attempt in AsyncRetrying(**self._retrying_kwargs()):
                with attempt:
                    attempts += 1
                    aclient = self._async_client()
                    await self.limiter.await_turn(tokens)
                    raw = await aclient.chat.completions.create(**body)
        except openai.OpenAIError as err:
            raise self._wrap(err, attempts, time.monotonic() - started) from err
        return self._finish(raw, key)

    # -- the Batch API: files and batches (the same retries and error wrapping) ----------

    def _call(self, what: Any) -> Any:
        started = time.monotonic()
        attempts = 0
        try:
            for attempt in Retrying(**self._retrying_kwargs()):
                with attempt:
                    attempts += 1
                    return what(self._sync_client())
        except openai.OpenAIError as err:
            raise self._wrap(err, attempts, time.monotonic() - started) from err
        raise AssertionError("unreachable: tenacity reraises")  # pragma: no cover

    def submit_batch(
        self, requests: Path, metadata: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """Upload a batch request file and start the batch; the batch object as a dict."""

        def upload(c: openai.OpenAI) -> Any:
            with requests.open("rb") as f:
                return c.files.create(file=f, purpose="batch")

        uploaded = self._call(upload)
        extra = {"metadata": dict(metadata)} if metadata else {}
        batch = self._call(
            lambda c: c.batches.create(
                input_file_id=uploaded.id,
                endpoint="/v1/chat/completions",
                completion_window="24h",
                **extra,
            )
        )
        return batch.model_dump()  # type: ignore[no-any-return]

    def batch_status(self, batch_id: str) -> dict[str, Any]:
        """The batch object (status, request counts, output and error file ids) as a dict."""
        batch = self._call(lambda c: c.batches.retrieve(batch_id))
        return batch.model_dump()  # type: ignore[no-any-return]

    def download_file(self, file_id: str, dest: Path, append: bool = False) -> None:
        """Stream a file's content (a batch's output or errors) to ``dest``."""

        def fetch(c: openai.OpenAI) -> None:
            with (
                c.files.with_streaming_response.content(file_id) as response,
                dest.open("ab" if append else "wb") as f,
            ):
                for chunk in response.iter_bytes():
                    f.write(chunk)

        self._call(fetch)

    def _wrap(self, err: openai.OpenAIError, attempts: int, elapsed: float) -> ModelCallError:
        where = self.settings.base_url or "api.openai.com"
        if _is_retryable(err):
            return RetriesExhaustedError(
                f"{self.model} at {where}: gave up after {attempts} attempt(s) in "
                f"{elapsed:.1f}s; last error: {_describe(err)}"
            )
        if isinstance(err, openai.APIStatusError):
            code = _error_code(err)
            if err.status_code == 429 and code == "insufficient_quota":
                return ModelCallError(
                    f"{self.model} at {where}: out of credit (insufficient_quota)"
                )
            # OPENAI_API_KEY is the key to check only on OpenAI's own endpoint
            key_hint = (
                " (check OPENAI_API_KEY)"
                if self.settings.is_openai
                else " (the server refused the key; check the key it expects)"
            )
            hint = {401: key_hint, 404: " (unknown model or wrong base URL?)"}
            return ModelCallError(
                f"{self.model} at {where}: HTTP {err.status_code}"
                + (f" {code}" if code else "")
                + hint.get(err.status_code, "")
            )
        return ModelCallError(f"{self.model} at {where}: {type(err).__name__}")

    def _finish(self, raw: Any, key: str | None) -> Completion:
        choices = getattr(raw, "choices", None) or []
        if not choices:
            raise ModelOutputError(f"{self.model}: the reply has no choices")
        message = choices[0].message
        text = (getattr(message, "content", None) or "").strip()
        refusal = getattr(message, "refusal", None)
        finish = getattr(choices[0], "finish_reason", None)
        u = getattr(raw, "usage", None)
        usage = Usage(
            prompt_tokens=int(getattr(u, "prompt_tokens", 0) or 0),
            completion_tokens=int(getattr(u, "completion_tokens", 0) or 0),
            calls=1,
        )
        completion = Completion(
            text=text, finish_reason=finish, usage=usage, refusal=refusal, model=self.model
        )
        complete = bool(text) and not refusal and finish in (None, "stop")
        if complete and key is not None and self.cache is not None:
            self.cache.put(key, completion)
        return self._account(completion, cached=False)

    def _account(self, c: Completion, cached: bool) -> Completion:
        if cached:  # nothing was spent: the ledger counts the hit, not the tokens
            c.usage = Usage(calls=0, cache_hits=1)
        c.usage.cost_usd = (
            0.0 if cached else cost_of(self.model, c.usage.prompt_tokens, c.usage.completion_tokens)
        )
        with self._lock:
            self.usage.add(c.usage)
        return c
