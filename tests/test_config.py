from __future__ import annotations

import pytest

from llmbrief import ConfigError, resolve_model
from llmbrief.config import EXTRACTIVE, OPENAI_BASE_URL

LOCAL = "http://localhost:11434/v1"


def test_a_key_or_base_url_never_turns_a_model_on() -> None:
    env = {"OPENAI_API_KEY": "sk-x", "OPENAI_BASE_URL": LOCAL}
    settings = resolve_model(env=env)
    assert settings.model == EXTRACTIVE and not settings.is_llm


def test_model_from_argument_then_llmbrief_model() -> None:
    env = {"LLMBRIEF_MODEL": "llama3.1", "OPENAI_BASE_URL": LOCAL}
    assert resolve_model(env=env).model == "llama3.1"
    assert resolve_model("qwen2.5", env=env).model == "qwen2.5"
    assert resolve_model("extractive", env=env).model == EXTRACTIVE


def test_endpoint_is_named_and_openai_recognised() -> None:
    openai = resolve_model("gpt-4o-mini", env={"OPENAI_API_KEY": "sk-x"})
    assert openai.endpoint == OPENAI_BASE_URL and openai.is_openai
    local = resolve_model("llama3.1", env={"OPENAI_BASE_URL": LOCAL})
    assert local.endpoint == LOCAL and not local.is_openai and local.api_key == "local"
    assert "sk-x" not in repr(openai)


@pytest.mark.parametrize(
    "url", ["notaurl", "localhost:11434", "ftp://h/v1", "http://", "http://[x"]
)
def test_base_url_must_be_http(url: str) -> None:
    with pytest.raises(ConfigError, match="is not a URL"):
        resolve_model("m", url, env={})
    with pytest.raises(ConfigError, match="OPENAI_BASE_URL"):
        resolve_model("m", env={"OPENAI_BASE_URL": url})
    assert resolve_model(env={"OPENAI_BASE_URL": url}).model == EXTRACTIVE  # not read


def test_an_llm_without_key_or_server_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        resolve_model("gpt-4o-mini", env={})


def test_timeout_and_attempt_errors_name_only_what_is_wrong() -> None:
    with pytest.raises(ConfigError) as e:
        resolve_model("extractive", env={"LLMBRIEF_TIMEOUT": "0"})
    assert str(e.value) == "LLMBRIEF_TIMEOUT must be more than 0 (seconds), not 0"
    with pytest.raises(ConfigError) as e:
        resolve_model("extractive", env={"LLMBRIEF_MAX_ATTEMPTS": "0"})
    assert str(e.value) == "LLMBRIEF_MAX_ATTEMPTS must be 1 or more, not 0"
    with pytest.raises(ConfigError) as e:
        resolve_model("extractive", env={"LLMBRIEF_MAX_ATTEMPTS": "two"})
    assert str(e.value) == "LLMBRIEF_MAX_ATTEMPTS must be a whole number, not 'two'"
    with pytest.raises(ConfigError) as e:
        resolve_model("extractive", timeout=-1.0, env={})
    assert str(e.value) == "timeout must be more than 0 (seconds), not -1"
