"""llmbrief: cited news briefs from article clusters, with citation checks and evals.

>>> import llmbrief
>>> cluster = llmbrief.load_cluster("seeds/china-chips.json")
>>> brief = llmbrief.summarize(cluster)          # offline extractive drafter
>>> print(llmbrief.render(brief, "text"))
>>> report = llmbrief.verify(cluster, brief)     # or verify(cluster, "paragraph [id]...")
"""

from __future__ import annotations

from ._version import __version__
from .batch import FailedCluster, summarize_many
from .config import ModelSettings, resolve_model
from .draft import Draft, Drafter, ExtractiveDrafter
from .errors import (
    ConfigError,
    InputError,
    LLMBriefError,
    ModelCallError,
    ModelOutputError,
    PromptError,
    RetriesExhaustedError,
)
from .evals import evaluate_verifier, load_cases, run_suites
from .load import load_brief, load_cluster
from .pipeline import summarize
from .render import render
from .types import (
    Article,
    Brief,
    ClaimReport,
    Cluster,
    Evidence,
    Headline,
    Report,
    Sentence,
    Usage,
)
from .verifier import Verifier, repair, verify
from .verifier.support import ClusterIndex

__all__ = [
    "Article",
    "Brief",
    "ClaimReport",
    "Cluster",
    "ClusterIndex",
    "ConfigError",
    "Draft",
    "Drafter",
    "Evidence",
    "ExtractiveDrafter",
    "FailedCluster",
    "Headline",
    "InputError",
    "LLMBriefError",
    "ModelCallError",
    "ModelOutputError",
    "ModelSettings",
    "PromptError",
    "Report",
    "RetriesExhaustedError",
    "Sentence",
    "Usage",
    "Verifier",
    "__version__",
    "evaluate_verifier",
    "load_brief",
    "load_cases",
    "load_cluster",
    "render",
    "repair",
    "resolve_model",
    "run_suites",
    "summarize",
    "summarize_many",
    "verify",
]
