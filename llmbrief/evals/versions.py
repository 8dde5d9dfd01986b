"""What made a result: the verifier's version, the prompts' versions, the drafter.

The verifier's version is a content hash of its code and data (``llmbrief/verifier``), so no
one has to remember to bump a number: any change to how claims are judged changes it, and a
results file says which verifier scored it.
"""

from __future__ import annotations

from ..prompts import list_prompts, load_prompt
from ..verifier.version import verifier_version

__all__ = ["RESULTS_SCHEMA_VERSION", "prompt_versions", "verifier_version"]

#: Version of the ``eval --format json`` results shape (2: runs, per-claim verdicts, statuses).
RESULTS_SCHEMA_VERSION = 2


def prompt_versions() -> dict[str, str]:
    """``{name: name@hash}`` of every prompt shipped with the package."""
    return {name: load_prompt(name).id for name in list_prompts()}
