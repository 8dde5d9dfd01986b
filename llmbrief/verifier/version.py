"""The verifier's version: a content hash of its code and data.

No one has to remember to bump a number: any change to how claims are judged changes it, and
results files and the reply cache say which verifier they were made with.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["verifier_version"]


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
