"""Building the LLM parts from settings: the drafter and the judge over a ChatClient."""

from __future__ import annotations

from .client import ChatClient, ReplyCache
from .config import ModelSettings
from .draft import LLMDrafter
from .errors import ConfigError
from .prompts import load_prompt
from .verifier.judge import JudgeStyle, LLMJudge, default_style
from .verifier.version import verifier_version

__all__ = ["endpoint", "make_judge", "make_llm_drafter", "reply_versions"]

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
    loaded = load_prompt(prompt or DEFAULT_PROMPT)
    client = ChatClient(
        settings,
        cache=ReplyCache() if use_cache else None,
        max_attempts=settings.max_attempts,
        versions=reply_versions(loaded.id, "llm"),
    )
    return LLMDrafter(
        client,
        loaded,
        max_input_tokens=max_input_tokens,
        context_window=context_window,
        rounds=rounds,
    )


def make_judge(
    settings: ModelSettings,
    *,
    use_cache: bool = True,
    style: JudgeStyle | None = None,
    budget: int | None = None,
) -> LLMJudge:
    """An LLM judge (``verify --judge llm``) for ``settings``.

    Args:
        settings: the judge's model and endpoint (``--judge-model``, ``--judge-base-url``).
        use_cache: read and write the reply cache.
        style: ``chat`` or ``minicheck``; by default ``minicheck`` when the model's name says
            so (``bespoke-minicheck``), else ``chat``.
        budget: at most this many claims per brief go to the judge (None: no cap).

    Raises:
        ConfigError: the settings name no chat model.
    """
    if not settings.is_llm:
        raise ConfigError(
            "--judge llm needs a model: --judge-model (or --model) NAME with OPENAI_API_KEY, "
            "or --judge-base-url (or --base-url) for a local server"
        )
    style = style or default_style(settings.model)
    prompt = load_prompt("verify_judge_minicheck" if style == "minicheck" else "verify_judge")
    client = ChatClient(
        settings,
        cache=ReplyCache() if use_cache else None,
        max_attempts=settings.max_attempts,
        versions=reply_versions(prompt.id, f"judge:{style}"),
    )
    return LLMJudge(client, prompt, style=style, budget=budget)


def endpoint(settings: ModelSettings) -> str:
    """Where the settings' requests go, for the lines that name a model run."""
    return settings.base_url or "https://api.openai.com/v1"


def reply_versions(prompt_id: str, drafter: str) -> dict[str, str]:
    """What a cached reply must not outlive: the prompt, the drafter and the verifier."""
    return {"prompt": prompt_id, "drafter": drafter, "verifier": verifier_version()}
