"""Building the LLM parts from settings: the drafter and the judge over a ChatClient."""

from __future__ import annotations

from .client import ChatClient, ReplyCache
from .config import ModelSettings
from .draft import LLMDrafter
from .prompts import load_prompt
from .verifier.judge import LLMJudge

__all__ = ["make_judge", "make_llm_drafter"]

DEFAULT_PROMPT = "cluster_summary"


def make_llm_drafter(
    settings: ModelSettings,
    prompt: str | None = None,
    *,
    use_cache: bool = True,
    max_input_tokens: int | None = None,
    context_window: int | None = None,
    rounds: int = 1,
) -> LLMDrafter:
    """An LLM drafter for ``settings`` with a shipped prompt name or a prompt file path."""
    client = ChatClient(
        settings, cache=ReplyCache() if use_cache else None, max_attempts=settings.max_attempts
    )
    return LLMDrafter(
        client,
        load_prompt(prompt or DEFAULT_PROMPT),
        max_input_tokens=max_input_tokens,
        context_window=context_window,
        rounds=rounds,
    )


def make_judge(settings: ModelSettings, *, use_cache: bool = True) -> LLMJudge:
    """An LLM judge (``verify --judge llm``) for ``settings``."""
    if not settings.is_llm:
        from .errors import ConfigError

        raise ConfigError(
            "--judge llm needs a model: --model NAME with OPENAI_API_KEY, or --base-url"
        )
    client = ChatClient(
        settings, cache=ReplyCache() if use_cache else None, max_attempts=settings.max_attempts
    )
    return LLMJudge(client, load_prompt("verify_judge"))
