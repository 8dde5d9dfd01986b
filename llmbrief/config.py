"""Settings resolved once: arguments > environment > defaults (FORMATS section 6)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit

from .errors import ConfigError

__all__ = ["EXTRACTIVE", "OPENAI_BASE_URL", "ModelSettings", "resolve_model"]

_N = TypeVar("_N", int, float)

EXTRACTIVE = "extractive"
#: Where requests go when no base URL is given (the openai SDK's own default).
OPENAI_BASE_URL = "https://api.openai.com/v1"


@dataclass(frozen=True)
class ModelSettings:
    """Which drafter to use and, for an LLM, where and how to reach it."""

    model: str
    base_url: str | None = None
    api_key: str | None = None
    timeout: float = 60.0
    max_attempts: int = 4

    @property
    def is_llm(self) -> bool:
        """Whether this is a chat model rather than the offline drafter."""
        return self.model != EXTRACTIVE

    @property
    def endpoint(self) -> str:
        """The server requests go to (OpenAI's own when no base URL is set)."""
        return self.base_url or OPENAI_BASE_URL

    @property
    def is_openai(self) -> bool:
        """Whether requests go to OpenAI's own API (where OPENAI_API_KEY is the key to check)."""
        return urlsplit(self.endpoint).hostname == "api.openai.com"

    def __repr__(self) -> str:  # never show the key
        key = "set" if self.api_key else None
        return f"ModelSettings(model={self.model!r}, base_url={self.base_url!r}, api_key={key})"


def resolve_model(
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
) -> ModelSettings:
    """Pick the model: ``model`` > ``LLMBRIEF_MODEL`` > the offline ``extractive`` drafter.

    A key or base URL in the environment never turns a model on by itself: it only tells a
    chosen model where to go. ``extractive`` needs neither.

    Raises:
        ConfigError: an LLM is asked for with neither ``OPENAI_API_KEY`` nor a base URL, or the
            base URL is not an http(s) URL.
    """
    env = os.environ if env is None else env
    from_env = not base_url
    base_url = base_url or env.get("OPENAI_BASE_URL") or None
    api_key = api_key or env.get("OPENAI_API_KEY") or None
    chosen = model or env.get("LLMBRIEF_MODEL") or EXTRACTIVE
    t = timeout if timeout is not None else _env_number(env, "LLMBRIEF_TIMEOUT", 60.0, float)
    attempts = _env_number(env, "LLMBRIEF_MAX_ATTEMPTS", 4, int)
    if not t > 0:
        where = "timeout" if timeout is not None else "LLMBRIEF_TIMEOUT"
        raise ConfigError(f"{where} must be more than 0 (seconds), not {t:g}")
    if attempts < 1:
        raise ConfigError(f"LLMBRIEF_MAX_ATTEMPTS must be 1 or more, not {attempts}")
    if chosen == EXTRACTIVE:
        return ModelSettings(model=EXTRACTIVE, timeout=t, max_attempts=attempts)
    if base_url is not None:
        _check_url(base_url, "OPENAI_BASE_URL" if from_env else "--base-url")
    if not api_key and not base_url:
        raise ConfigError(
            f"model {chosen!r} needs OPENAI_API_KEY (or --base-url / OPENAI_BASE_URL for a "
            "local OpenAI-compatible server); use --model extractive to stay offline"
        )
    # Local servers (Ollama, vLLM, llama.cpp) accept any key string.
    return ModelSettings(
        model=chosen,
        base_url=base_url,
        api_key=api_key or "local",
        timeout=t,
        max_attempts=attempts,
    )


def _env_number(env: Mapping[str, str], name: str, default: _N, kind: type[_N]) -> _N:
    """A number from the environment (empty or unset: ``default``)."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return kind(raw)
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise ConfigError(f"{name} must be {what}, not {raw!r}") from None


def _check_url(url: str, name: str) -> None:
    """A base URL must be http(s)://host...; anything else is a usage error, not a retry loop."""
    try:
        parts = urlsplit(url)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. "http://[bad"
        ok = False
    if not ok:
        raise ConfigError(f"{name} {url!r} is not a URL; give one like http://localhost:11434/v1")
