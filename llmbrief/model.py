"""The seam to a model: a Protocol and the reply type, with no dependency on any SDK.

:class:`llmbrief.client.ChatClient` implements it over the ``openai`` client; tests and
offline tools can pass anything with the same ``complete`` method.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from .types import Usage

__all__ = ["ChatModel", "Completion"]


@dataclass
class Completion:
    """One model reply: its text, why it stopped, and what it cost."""

    text: str
    finish_reason: str | None
    usage: Usage = field(default_factory=Usage)
    refusal: str | None = None
    cached: bool = False
    model: str = ""


class ChatModel(Protocol):
    """Messages in, a completion out."""

    @property
    def model(self) -> str:
        """The model name requests go to."""
        ...

    def complete(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        params: Mapping[str, Any] | None = None,
        schema: Mapping[str, Any] | None = None,
    ) -> Completion:
        """Send one chat request and return the reply."""
        ...
