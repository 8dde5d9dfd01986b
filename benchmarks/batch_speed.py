"""Batch speed: many clusters against a loopback server that answers in 0.25 s.

    python benchmarks/batch_speed.py [--repeat 5] [--big-repeat 3] [--skip-big] [--flat N]

Every measurement runs in a fresh process (so peak memory is that case's own), against a
fast asyncio server in another process that answers every chat request after ``--latency``
seconds with a brief citing the benchmark clusters' articles:

1. the server itself, with raw concurrent HTTP requests (no SDK): it must not be the limit;
2. the HTTP layer alone at concurrency 16, 64 and 256: a bare ``AsyncOpenAI`` loop against a
   bare ``OpenAI`` client in as many threads (the measurement behind threads vs asyncio);
3. 64 small clusters at concurrency 16: ``summarize_many`` (prompt, budget, the model call,
   parsing, verification, the brief) against a bare ``AsyncOpenAI`` loop sending the same
   requests, interleaved, side by side: throughput and their ratio (target >= 0.90);
4. 1,000 clusters at concurrency 64 and 256: the ``batch`` command (file in, file out)
   against the bare loop: throughput, peak memory (target < 250 MB) and the library's own
   cost per brief (CPU seconds per brief above the bare client's, and wall time per brief
   above the bare client's);
5. with ``--flat N``: peak memory of ``batch`` over 1,000 and N clusters (flat if streamed).

Figures are medians over ``--repeat`` runs. The machine is shared: expect noise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLES = [
    (
        "a1",
        "Harbor Bridge Closes for Repairs",
        "The Lenhart Harbor Bridge closed on Monday for six weeks of repairs. City engineers "
        "found corrosion in two of its steel cables during a routine inspection in March. "
        "Commuters will use a ferry service that runs every 20 minutes. The repairs will cost "
        "$14 million, according to the transport office.",
    ),
    (
        "a2",
        "Ferries Replace Bridge Traffic in Lenhart",
        "Lenhart added three ferries to carry commuters while the Harbor Bridge is closed. The "
        "ferry service runs every 20 minutes from the old customs pier. Officials expect about "
        "9,000 riders a day. The bridge normally carries 40,000 vehicles a day.",
    ),
    (
        "a3",
        "Corrosion Found in Bridge Cables",
        "Inspectors found corrosion in two steel cables of the Harbor Bridge in March. The "
        "bridge opened in 1968 and was last repaired in 2004. Engineers said the bridge was "
        "safe but the cables must be replaced before winter storms.",
    ),
    (
        "a4",
        "Businesses Near Bridge Brace for Closure",
        "Shop owners near the Harbor Bridge said they expect fewer customers during the "
        "closure. The chamber of commerce asked the city for parking discounts. The city "
        "council will discuss the request on Thursday.",
    ),
    (
        "a5",
        "Repair Bill for Harbor Bridge Set at $14 Million",
        "The transport office put the cost of the Harbor Bridge repairs at $14 million. The "
        "money comes from a state infrastructure fund. Work crews will replace two cables and "
        "repaint the main towers.",
    ),
]
REPLY = json.dumps(
    {
        "title": "Lenhart Harbor Bridge Closes for Six Weeks of Cable Repairs",
        "sentences": [
            {
                "text": "The Lenhart Harbor Bridge closed on Monday for six weeks of repairs.",
                "citations": ["a1"],
            },
            {
                "text": "Inspectors found corrosion in two steel cables of the Harbor Bridge in "
                "March.",
                "citations": ["a3", "a1"],
            },
            {
                "text": "The ferry service runs every 20 minutes from the old customs pier.",
                "citations": ["a2"],
            },
            {
                "text": "The transport office put the cost of the Harbor Bridge repairs at $14 "
                "million.",
                "citations": ["a5", "a1"],
            },
        ],
    }
)


def cluster_dict(i: int) -> dict[str, Any]:
    return {
        "cluster_id": f"bridge-{i:06d}",
        "articles": [{"id": a, "title": t, "text": x} for a, t, x in ARTICLES],
    }


# -- the server (its own process) ---------------------------------------------------------


def serve(latency: float) -> None:
    body = json.dumps(
        {
            "id": "chatcmpl-bench",
            "object": "chat.completion",
            "created": 1_790_000_000,
            "model": "bench-model",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": REPLY},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 900, "completion_tokens": 120, "total_tokens": 1020},
        }
    ).encode()
    head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
    reply = head + str(len(body)).encode() + b"\r\n\r\n" + body
    loop = asyncio.new_event_loop()

    class Chat(asyncio.Protocol):
        def connection_made(self, transport: Any) -> None:
            self.transport = transport
            self.buf = b""

        def data_received(self, data: bytes) -> None:
            self.buf += data
            while (end := self.buf.find(b"\r\n\r\n")) >= 0:
                headers = self.buf[:end].lower()
                at = headers.find(b"content-length:")
                length = int(headers[at + 15 :].split(b"\r\n", 1)[0]) if at >= 0 else 0
                if len(self.buf) < end + 4 + length:
                    return
                self.buf = self.buf[end + 4 + length :]
                loop.call_later(latency, self.answer)

        def answer(self) -> None:
            if not self.transport.is_closing():
                self.transport.write(reply)

    server = loop.run_until_complete(loop.create_server(Chat, "127.0.0.1", 0, backlog=4096))
    print(f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/v1", flush=True)
    loop.run_forever()


# -- one case (its own process) -----------------------------------------------------------


def _requests(n: int) -> list[dict[str, Any]]:
    """The bodies summarize would send first for the benchmark clusters."""
    from llmbrief.batch_api import batch_drafter
    from llmbrief.types import Cluster

    drafter = batch_drafter("bench-model")
    client = drafter.model
    out = []
    for i in range(n):
        req = drafter.request(Cluster.model_validate(cluster_dict(i)))
        out.append(client.body(req.messages, req.params, req.schema))  # type: ignore[attr-defined]
    return out


async def _raw(url: str, body: bytes, n: int, conc: int) -> None:
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    request = (
        b"POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
        b"content-length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    left = [n]

    async def worker() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while left[0] > 0:
            left[0] -= 1
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
            await reader.readexactly(length)
        writer.close()

    await asyncio.gather(*(worker() for _ in range(conc)))


async def _bare_async(url: str, bodies: list[dict[str, Any]], conc: int) -> None:
    import openai

    client = openai.AsyncOpenAI(base_url=url, api_key="bench", max_retries=0)
    gate = asyncio.Semaphore(conc)

    async def one(body: dict[str, Any]) -> None:
        async with gate:
            await client.chat.completions.create(**body)

    await asyncio.gather(*(one(b) for b in bodies))
    await client.close()


def _bare_threads(url: str, bodies: list[dict[str, Any]], conc: int) -> None:
    import openai

    client = openai.OpenAI(base_url=url, api_key="bench", max_retries=0)
    with ThreadPoolExecutor(conc) as pool:
        list(pool.map(lambda b: client.chat.completions.create(**b), bodies))
    client.close()


async def _library(url: str, n: int, conc: int) -> None:
    from llmbrief import Brief, resolve_model, summarize_many
    from llmbrief.llm import make_llm_drafter
    from llmbrief.types import Cluster

    drafter = make_llm_drafter(resolve_model("bench-model", url, api_key="b"), use_cache=False)
    clusters = (Cluster.model_validate(cluster_dict(i)) for i in range(n))
    ok = 0
    async for result in summarize_many(clusters, drafter, concurrency=conc):
        ok += isinstance(result, Brief) and bool(result.verification and result.verification.ok)
    drafter.close()
    if ok != n:
        raise SystemExit(f"only {ok} of {n} briefs verified")


def _cli(url: str, n: int, conc: int, tmp: Path) -> None:
    from llmbrief.cli import main

    inp = tmp / "in.jsonl"
    with inp.open("w") as f:
        for i in range(n):
            f.write(json.dumps(cluster_dict(i)) + "\n")
    argv = [
        "batch", str(inp), str(tmp / "out.jsonl"), "--model", "bench-model",
        "--base-url", url, "--no-cache", "--concurrency", str(conc),
    ]  # fmt: skip
    code = main(argv, sys.stdout, open(os.devnull, "w"))  # noqa: SIM115
    with (tmp / "out.jsonl").open("rb") as f:  # counted line by line: memory is measured
        lines = sum(1 for _ in f)
    if code != 0 or lines != n:
        raise SystemExit(f"batch exit {code}, {lines} lines")


def case(kind: str, url: str, n: int, conc: int) -> None:
    """Run one case and print {wall, cpu, rss_mb} as JSON."""
    bodies = _requests(n if kind in ("bare_async", "bare_threads") else 1)
    raw_body = json.dumps(bodies[0]).encode()
    # imports and the tokenizer (once per process, ~0.3 s) are outside every timed region
    import openai  # noqa: F401

    import llmbrief.cli  # noqa: F401

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LLMBRIEF_CACHE_DIR"] = tmp
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        if kind == "raw":
            asyncio.run(_raw(url, raw_body, n, conc))
        elif kind == "bare_async":
            asyncio.run(_bare_async(url, bodies, conc))
        elif kind == "bare_threads":
            _bare_threads(url, bodies, conc)
        elif kind == "library":
            asyncio.run(_library(url, n, conc))
        elif kind == "cli":
            _cli(url, n, conc, Path(tmp))
        wall = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"wall": wall, "cpu": cpu, "rss_mb": rss}), flush=True)


# -- the driver ---------------------------------------------------------------------------


def run_case(kind: str, url: str, n: int, conc: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--case", kind, url, str(n), str(conc)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def med(rows: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--latency", type=float, default=0.25)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--big-repeat", type=int, default=3)
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument(
        "--flat", type=int, metavar="N", help="also compare peak memory at 1,000 and N clusters"
    )
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--case", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.latency)
        return
    if args.case:
        kind, url, n, conc = args.case
        case(kind, url, int(n), int(conc))
        return

    lat = args.latency
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--latency", str(lat)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        print(f"loopback server {url}, {lat} s per reply, {os.cpu_count()} cores (shared)")

        print("\n1. the server alone (raw HTTP, no SDK), median req/s vs ideal")
        for conc in (16, 64, 256):
            n = conc * 8
            rows = [run_case("raw", url, n, conc) for _ in range(args.repeat)]
            print(f"   concurrency {conc:3d}: {n / med(rows, 'wall'):6.0f}/s of {conc / lat:.0f}/s")

        print("\n2. HTTP layer only: bare AsyncOpenAI vs bare OpenAI in threads, median req/s")
        for conc, n in ((16, 64), (64, 640), (256, 1024)):
            a, t = [], []
            for _ in range(args.repeat):
                a.append(run_case("bare_async", url, n, conc))
                t.append(run_case("bare_threads", url, n, conc))
            print(
                f"   concurrency {conc:3d}, {n} requests: AsyncOpenAI {n / med(a, 'wall'):5.0f}/s"
                f", threads {n / med(t, 'wall'):5.0f}/s (ideal {conc / lat:.0f}/s)"
            )

        print("\n3. 64 small clusters at concurrency 16, side by side (medians)")
        bare, ours = [], []
        for _ in range(args.repeat):
            bare.append(run_case("bare_async", url, 64, 16))
            ours.append(run_case("library", url, 64, 16))
        ratios = [b["wall"] / o["wall"] for b, o in zip(bare, ours, strict=True)]
        print(
            f"   bare AsyncOpenAI {64 / med(bare, 'wall'):.1f}/s ({med(bare, 'wall'):.2f} s), "
            f"summarize_many {64 / med(ours, 'wall'):.1f}/s ({med(ours, 'wall'):.2f} s), "
            f"ideal {16 / lat:.0f}/s\n   ratio {statistics.median(ratios):.2f} "
            f"(runs: {', '.join(f'{r:.2f}' for r in ratios)}; target >= 0.90)"
        )

        if args.skip_big and not args.flat:
            return
        print("\n4. 1,000 clusters through `llmbrief batch` (file in, file out), medians")
        n = 1000
        for conc in () if args.skip_big else (64, 256):
            bare, ours = [], []
            for _ in range(args.big_repeat):
                bare.append(run_case("bare_async", url, n, conc))
                ours.append(run_case("cli", url, n, conc))
            cpu_extra = (med(ours, "cpu") - med(bare, "cpu")) / n * 1000
            wall_extra = (med(ours, "wall") - med(bare, "wall")) / n * 1000
            print(
                f"   concurrency {conc}: batch {n / med(ours, 'wall'):.0f}/s, "
                f"bare AsyncOpenAI {n / med(bare, 'wall'):.0f}/s (ideal {conc / lat:.0f}/s); "
                f"peak memory {med(ours, 'rss_mb'):.0f} MB (bare {med(bare, 'rss_mb'):.0f} MB)\n"
                f"      library cost per brief: {med(ours, 'cpu') / n * 1000:.1f} ms CPU "
                f"({cpu_extra:+.1f} ms above the bare client's), "
                f"{wall_extra:+.1f} ms wall above the bare client's"
            )
        if args.flat:
            print("\n5. memory over input length: `batch` at concurrency 64, peak memory")
            for n in (1000, args.flat):
                row = run_case("cli", url, n, 64)
                print(f"   {n:7,d} clusters: {row['rss_mb']:.0f} MB, {n / row['wall']:.0f}/s")
    finally:
        server.kill()
        server.wait()


if __name__ == "__main__":
    main()
