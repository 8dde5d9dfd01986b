"""Exceptions raised by llmbrief.

Every error the library raises on purpose derives from one root::

    LLMBriefError
    ├── InputError            bad cluster, brief or case file (names file, item and field)
    ├── ConfigError           missing key, unknown option, impossible settings
    ├── PromptError           a prompt file that is missing, malformed or lacks a variable
    └── ModelCallError        the model could not give a usable reply
        ├── RetriesExhaustedError   transient failures outlasted the retry budget
        └── ModelOutputError        a reply that cannot be used (refusal, truncated, bad JSON)

Content failures (a claim the articles do not support) are never exceptions: they are
verdicts in a :class:`llmbrief.types.Report`.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "InputError",
    "LLMBriefError",
    "ModelCallError",
    "ModelOutputError",
    "PromptError",
    "RetriesExhaustedError",
]


class LLMBriefError(Exception):
    """Root of every error llmbrief raises on purpose."""


class InputError(LLMBriefError):
    """A file could not be read as the format it should have.

    The message names the file, the item (index and id, when there is one) and the field.
    """

    def __init__(
        self,
        path: str,
        message: str,
        *,
        item: str | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.item = item
        self.field = field
        self.detail = message
        where = path
        if item:
            where += f": {item}"
        if field:
            where += f": field '{field}'"
        super().__init__(f"{where}: {message}")


class ConfigError(LLMBriefError):
    """Settings that cannot work (a missing API key, an unknown model option...)."""


class PromptError(LLMBriefError):
    """A prompt file is missing, malformed, or a template variable is not supplied."""


class ModelCallError(LLMBriefError):
    """The model could not produce a usable reply."""


class RetriesExhaustedError(ModelCallError):
    """Transient failures (timeouts, 429, 5xx, connection errors) outlasted the retry budget."""


class ModelOutputError(ModelCallError):
    """A reply arrived but cannot be used: refusal, truncation, empty or invalid structure."""
