"""What made a result: the verifier's version, the prompts' versions, the drafter.

The verifier's version is a content hash of its code and data (``llmbrief/verifier``), so no
one has to remember to bump a number: any change to how claims are judged changes it, and a
results file says which verifier scored it.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
from typing import TYPE_CHECKING

from ..prompts import list_prompts, load_prompt

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["RESULTS_SCHEMA_VERSION", "prompt_versions", "verifier_version"]

#: Version of the ``eval --format json`` results shape (2: runs, per-claim verdicts, statuses).
RESULTS_SCHEMA_VERSION = 2


def _files(folder: Traversable, prefix: str = "") -> list[tuple[str, bytes]]:
    out = []
    for item in folder.iterdir():
        name = prefix + item.name
        if item.is_dir():
            if item.name != "__pycache__":
                out.extend(_files(item, name + "/"))
        elif not item.name.endswith((".pyc", ".pyo")):
            out.append((name, item.read_bytes()))
    return out


@functools.lru_cache(maxsize=1)
def verifier_version() -> str:
    """``verifier@<hash>``: sha256 of the verifier package's files, in name order."""
    digest = hashlib.sha256()
    folder = importlib.resources.files("llmbrief").joinpath("verifier")
    for name, data in sorted(_files(folder)):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return f"verifier@{digest.hexdigest()[:10]}"


def prompt_versions() -> dict[str, str]:
    """``{name: name@hash}`` of every prompt shipped with the package."""
    return {name: load_prompt(name).id for name in list_prompts()}
