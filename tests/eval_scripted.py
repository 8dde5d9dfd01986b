"""Recording eval replies from the loopback chat server with replies written in advance.

``record_scripted`` is how the committed recordings (``evals/recordings``) were made, by
``evals/record_scripted.py``, and how tests make recordings of their own: it queues one reply
per request in the order ``eval`` sends them (prompt by prompt, cluster by cluster, draft by
draft), then runs ``eval --record`` through the real ``openai`` client against the server.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from llmbrief.cli import main
from llmbrief.evals import suite_clusters
from llmbrief.load import load_cluster

from .chat_server import ChatServer, ok

Replies = Mapping[str, Mapping[str, Sequence[Any]]]


def record_scripted(
    directory: str | Path,
    replies: Replies,
    suites: Sequence[str],
    *,
    model: str = "scripted",
    repeat: int = 1,
    extra: Sequence[str] = (),
) -> tuple[int, str, str, list[dict[str, Any]]]:
    """Record ``replies[prompt][cluster_id][draft]`` with ``eval --record``.

    Returns:
        The exit status, stdout, stderr and the requests the server received.
    """
    prompts = list(replies)
    clusters = [load_cluster(f).cluster_id for f in suite_clusters(suites)]
    with ChatServer() as server:
        for prompt in prompts:
            for cid in clusters:
                for r in range(repeat):
                    reply = replies[prompt][cid][r]
                    server.script(ok(reply if isinstance(reply, str) else json.dumps(reply)))
        argv = ["eval", *suites, "--record", str(directory), "--model", model]
        argv += ["--base-url", server.url, "--prompt", prompts[0], "--repeat", str(repeat)]
        for prompt in prompts[1:]:
            argv += ["--compare", prompt]
        out, err = io.StringIO(), io.StringIO()
        code = main([*argv, *extra], stdout=out, stderr=err)
        return code, out.getvalue(), err.getvalue(), list(server.requests)


def scripted_replies(folder: str | Path) -> dict[str, dict[str, list[Any]]]:
    """The replies written for each shipped prompt: ``evals/scripted/<prompt>.json``."""
    out = {}
    for f in sorted(Path(folder).glob("*.json")):
        out[f.stem] = json.loads(f.read_text(encoding="utf-8"))
    return out
