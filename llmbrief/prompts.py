"""Versioned prompt files: loading, rendering with strict variables, and their content hash.

A prompt is a JSON file (``llmbrief/prompts/NAME.json``, shipped in the wheel) with a system
text, a user template, a repair and a re-ask template, a response schema and default
parameters. Templates use ``{{name}}``; a variable that is not supplied is an error, never an
empty string. Every brief records ``name@hash`` of the prompt that made it.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import PromptError

__all__ = ["Prompt", "list_prompts", "load_prompt", "render_template"]

_VAR = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_REQUIRED = ("name", "system", "user", "response_schema")


def render_template(template: str, variables: dict[str, Any], where: str = "prompt") -> str:
    """Replace ``{{name}}`` with ``variables[name]``; a missing variable raises PromptError."""
    missing = sorted({m.group(1) for m in _VAR.finditer(template)} - set(variables))
    if missing:
        raise PromptError(f"{where}: no value for template variable(s) {', '.join(missing)}")
    return _VAR.sub(lambda m: str(variables[m.group(1)]), template)


@dataclass(frozen=True)
class Prompt:
    """A loaded prompt file."""

    name: str
    version: int
    system: str
    user: str
    repair: str
    reask: str
    response_schema: dict[str, Any]
    defaults: dict[str, Any]
    digest: str
    source: str

    @property
    def id(self) -> str:
        """``name@hash``: what made a brief, recorded in it."""
        return f"{self.name}@{self.digest}"

    def messages(self, **variables: Any) -> list[dict[str, str]]:
        """System and user messages with the variables filled in."""
        return [
            {"role": "system", "content": render_template(self.system, variables, self.id)},
            {"role": "user", "content": render_template(self.user, variables, self.id)},
        ]


def list_prompts() -> list[str]:
    """Names of the prompts shipped with the package."""
    folder = importlib.resources.files("llmbrief").joinpath("prompts")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


def load_prompt(name_or_path: str) -> Prompt:
    """Load a shipped prompt by name (``cluster_summary``) or a prompt file by path.

    Raises:
        PromptError: no such prompt, invalid JSON, or a required field missing.
    """
    if name_or_path.endswith(".json") or "/" in name_or_path or "\\" in name_or_path:
        path = Path(name_or_path)
        try:
            raw = path.read_bytes()
        except OSError as err:
            raise PromptError(f"{path}: cannot read prompt file: {err.strerror}") from None
        source = str(path)
    else:
        res = (
            importlib.resources.files("llmbrief")
            .joinpath("prompts")
            .joinpath(f"{name_or_path}.json")
        )
        if not res.is_file():
            raise PromptError(
                f"no prompt named {name_or_path!r}; shipped: {', '.join(list_prompts())}"
            )
        raw = res.read_bytes()
        source = f"llmbrief/prompts/{name_or_path}.json"
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise PromptError(f"{source}: invalid JSON: {err}") from None
    if not isinstance(data, dict):
        raise PromptError(f"{source}: a prompt file holds one JSON object")
    for key in _REQUIRED:
        if key not in data:
            raise PromptError(f"{source}: field '{key}' is missing")
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
    return Prompt(
        name=str(data["name"]),
        version=int(data.get("version", 1)),
        system=str(data["system"]),
        user=str(data["user"]),
        repair=str(data.get("repair", "")),
        reask=str(data.get("reask", "")),
        response_schema=dict(data["response_schema"]),
        defaults=dict(data.get("defaults", {})),
        digest=hashlib.sha256(canonical).hexdigest()[:10],
        source=source,
    )
