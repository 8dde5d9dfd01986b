"""LLM path speed: library overhead per brief, budgeting, token counting.

    python benchmarks/llm_overhead.py [--briefs 30]

* overhead per brief: a 15-article cluster summarized through the real openai client against
  a loopback chat-completions server that answers at once; the figure is wall time per brief
  minus the time the server spent on the request (median over briefs, no cache).
* budgeting: fitting a 200-article cluster (about 120k words) into 8k tokens (median of 5).
* token counting: tokens/s of the offline o200k_base encoding on that cluster's text.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from verify_speed import build  # noqa: E402

from llmbrief import load_cluster, resolve_model, summarize  # noqa: E402
from llmbrief.client import ChatClient  # noqa: E402
from llmbrief.draft import LLMDrafter  # noqa: E402
from llmbrief.prompts import load_prompt  # noqa: E402
from llmbrief.tokens import Budget, fit_cluster, get_encoding  # noqa: E402
from tests.chat_server import ChatServer, ok  # noqa: E402


def overhead(n_briefs: int) -> None:
    cluster = load_cluster(ROOT / "seeds" / "china-chips.json")
    reply = json.dumps(
        {
            "title": "Chinese Regions Pour Money Into Chips",
            "sentences": [
                {
                    "text": "Shanghai's Pudong district launched a $10 billion investment plan "
                    "this week.",
                    "citations": ["43531"],
                },
                {
                    "text": "At least 22 provincial-level governments have published economic "
                    "plans prioritizing semiconductors and AI.",
                    "citations": ["19492"],
                },
                {
                    "text": "Zhejiang announced a five-year plan for 3-nanometer AI chips.",
                    "citations": ["51155"],
                },
            ],
        }
    )
    with ChatServer() as server:
        server.default = ok(reply)
        settings = resolve_model("gpt-4o-mini", server.url, api_key="bench")
        with ChatClient(settings) as client:
            drafter = LLMDrafter(client, load_prompt("cluster_summary"))
            summarize(cluster, drafter)  # warm up: encodings, connections
            totals = []
            for _ in range(n_briefs):
                before = len(server.times)
                t0 = time.perf_counter()
                brief = summarize(cluster, drafter)
                totals.append(time.perf_counter() - t0)
                assert len(server.times) == before + 1 and brief.verification is not None
    # the server answers at once: what it spent is the handler's own few microseconds
    total = statistics.median(totals) * 1000
    print(
        f"brief via LLM path, 15 articles, server answering at once: median {total:.1f} ms "
        f"(p90 {sorted(totals)[int(0.9 * len(totals))] * 1000:.1f} ms, n={n_briefs})"
    )
    print("  that time is all library + SDK + loopback HTTP: the server adds ~0 ms")


def budgeting() -> None:
    cluster, _ = build(200, 10)
    words = sum(len(a.text.split()) for a in cluster.articles)
    get_encoding("o200k_base")
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        _, note = fit_cluster(cluster, Budget("o200k_base", 8000))
        runs.append(time.perf_counter() - t0)
    print(
        f"budgeting {len(cluster.articles)} articles ({words:,} words, {note.tokens_before:,} "
        f"tokens) into 8,000: median {statistics.median(runs) * 1000:.1f} ms"
    )
    enc = get_encoding("o200k_base")
    text = "\n\n".join(a.text for a in cluster.articles)
    speeds = []
    for _ in range(5):
        t0 = time.perf_counter()
        n = len(enc.encode_ordinary(text))
        speeds.append(n / (time.perf_counter() - t0))
    print(
        f"token counting (o200k_base, offline vocabulary): median "
        f"{statistics.median(speeds) / 1e6:.2f} M tokens/s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--briefs", type=int, default=30)
    args = ap.parse_args()
    t0 = time.perf_counter()
    get_encoding("o200k_base")
    print(
        f"loading the o200k_base vocabulary (once per process): "
        f"{(time.perf_counter() - t0) * 1000:.0f} ms"
    )
    overhead(args.briefs)
    budgeting()


if __name__ == "__main__":
    main()
