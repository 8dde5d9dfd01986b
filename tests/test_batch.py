"""``batch`` and ``summarize_many``: nothing lost, limits held, bad input refused in one line."""

from __future__ import annotations

import asyncio
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from llmbrief import Brief, FailedCluster, InputError, load_cluster, summarize_many
from llmbrief.batch import read_clusters
from llmbrief.cli import main
from llmbrief.ratelimit import RateLimiter

from .chat_server import ChatServer, Reply, error, ok
from .conftest import ROOT, SEEDS

CHIPS = json.loads((SEEDS / "china-chips.json").read_text())
GOOD = {
    "title": "Chinese Regions Pour Money Into Chips",
    "sentences": [
        {
            "text": "Shanghai's Pudong district launched a $10 billion investment plan this week.",
            "citations": ["43531"],
        },
        {
            "text": "Zhejiang announced a five-year plan to make AI chips as small as 3nm.",
            "citations": ["51155"],
        },
    ],
}


def write_clusters(path: Path, ids: list[str]) -> Path:
    path.write_text("".join(json.dumps(dict(CHIPS, cluster_id=i)) + "\n" for i in ids))
    return path


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def model_args(server: ChatServer) -> list[str]:
    return ["--model", "m", "--base-url", server.url, "--no-cache"]


def spawn(*argv: str, cache: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), LLMBRIEF_CACHE_DIR=str(cache))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLMBRIEF_MODEL"):
        env.pop(var, None)
    return subprocess.Popen(
        [sys.executable, "-m", "llmbrief", *argv],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_lines(path: Path, n: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists() and path.read_text().count("\n") >= n:
            return
        time.sleep(0.02)
    raise AssertionError(f"fewer than {n} lines before the deadline")


# -- nothing lost -------------------------------------------------------------------------


def test_sigkill_then_resume_gives_exactly_one_line_per_cluster(
    chat_server: ChatServer, tmp_path: Path
) -> None:
    ids = [f"c{i:02d}" for i in range(24)]
    inp = write_clusters(tmp_path / "in.jsonl", ids)
    out = tmp_path / "out.jsonl"
    chat_server.default = Reply(body=ok(json.dumps(GOOD)).body, delay=0.2)
    argv = ["batch", str(inp), str(out), *model_args(chat_server), "--concurrency", "4"]
    proc = spawn(*argv, cache=tmp_path / "cache")
    wait_for_lines(out, 5, proc)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    killed = out.read_text()
    assert killed.endswith("\n") and 5 <= killed.count("\n") < len(ids)
    # a kill in the middle of a write leaves half a line: resume must not keep it
    with out.open("a") as f:
        f.write('{"cluster_id": "c23", "title": "half a li')
    chat_server.default = ok(json.dumps(GOOD))
    code, _, err = cli(*argv, "--resume")
    assert code == 0, err
    got = [r["cluster_id"] for r in rows(out)]
    assert sorted(got) == ids, "exactly one line per cluster"
    assert f"{killed.count(chr(10))} already done" in err


def test_ctrl_c_leaves_a_valid_file_and_exits_130(chat_server: ChatServer, tmp_path: Path) -> None:
    ids = [f"c{i:02d}" for i in range(40)]
    inp = write_clusters(tmp_path / "in.jsonl", ids)
    out = tmp_path / "out.jsonl"
    body = ok(json.dumps(GOOD)).body
    # four quick answers, then requests that would hang for a minute
    chat_server.responder = lambda _: Reply(
        body=body, delay=0.05 if len(chat_server.requests) <= 4 else 60
    )
    proc = spawn(
        "batch", str(inp), str(out), *model_args(chat_server), "--concurrency", "4",
        cache=tmp_path / "cache",
    )  # fmt: skip
    wait_for_lines(out, 4, proc)
    time.sleep(0.2)  # the next four are in flight, hanging
    started = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert time.monotonic() - started < 10, "requests in flight are not waited for"
    assert "Traceback" not in err
    assert "batch: interrupted: " in err and "--resume" in err
    done = rows(out)  # every line whole, every one a finished brief
    assert len(done) == 4
    assert all(r["title"] == GOOD["title"] for r in done)


def test_a_cluster_that_always_fails_does_not_stop_the_others(
    chat_server: ChatServer, tmp_path: Path
) -> None:
    ids = ["a", "bad", "c", "d", "e"]
    inp = write_clusters(tmp_path / "in.jsonl", ids)
    out = tmp_path / "out.jsonl"

    def answer(request: dict[str, Any]) -> Reply:
        if 'Cluster "bad"' in request["body"]["messages"][1]["content"]:
            return error(400)
        return ok(json.dumps(GOOD))

    chat_server.responder = answer
    code, _, err = cli("batch", str(inp), str(out), *model_args(chat_server), "--concurrency", "2")
    assert code == 1
    by_id = {r["cluster_id"]: r for r in rows(out)}
    assert sorted(by_id) == ids
    assert "HTTP 400" in by_id["bad"]["error"]
    assert all("error" not in by_id[i] for i in ids if i != "bad")
    assert err.strip().splitlines()[-1] == (
        f"batch: 4 written, 1 failed, 0 already done -> {out} (640 tokens)"
    )


def test_each_line_carries_its_verification_and_the_summary_counts_failures(
    chat_server: ChatServer, tmp_path: Path
) -> None:
    inp = write_clusters(tmp_path / "in.jsonl", ["good", "wrong"])
    out = tmp_path / "out.jsonl"
    wrong = dict(
        GOOD, sentences=[{"text": "Beijing banned all chips in 1990.", "citations": ["1"]}]
    )

    def answer(request: dict[str, Any]) -> Reply:
        wanted = wrong if 'Cluster "wrong"' in request["body"]["messages"][1]["content"] else GOOD
        return ok(json.dumps(wanted))

    chat_server.responder = answer
    argv = ["batch", str(inp), str(out), *model_args(chat_server)]
    code, _, err = cli(*argv)
    assert code == 0, "a brief that fails verification is written, not a failure"
    assert "2 written (1 failed verification), 0 failed" in err
    ok_by_id = {r["cluster_id"]: r["verification"]["ok"] for r in rows(out)}
    assert ok_by_id == {"good": True, "wrong": False}
    code, _, err = cli(*argv, "--strict", "--overwrite")
    assert code == 1 and "(1 failed verification)" in err


# -- bad input: one line, exit 2 ----------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        json.dumps(CHIPS, indent=2),  # a single cluster file, pretty-printed
        "\n".join(json.dumps(a) for a in CHIPS["articles"]),  # one article per line
        json.dumps([CHIPS, CHIPS]),  # a JSON list of clusters on one line
    ],
    ids=["cluster-json", "articles-jsonl", "list"],
)
def test_input_that_is_not_one_cluster_per_line_is_refused(tmp_path: Path, content: str) -> None:
    inp = tmp_path / "cluster.json"
    inp.write_text(content)
    code, _, err = cli("batch", str(inp), str(tmp_path / "out.jsonl"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert str(inp) in err and "one cluster object per line" in err
    assert not (tmp_path / "out.jsonl").exists()


def test_duplicate_cluster_ids_are_refused(tmp_path: Path) -> None:
    inp = write_clusters(tmp_path / "in.jsonl", ["x", "y", "x"])
    code, _, err = cli("batch", str(inp), str(tmp_path / "out.jsonl"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "line 3" in err and "duplicate cluster_id 'x' (first at line 1)" in err


def test_a_bad_line_among_good_ones_is_recorded_and_retried(tmp_path: Path) -> None:
    inp = write_clusters(tmp_path / "in.jsonl", ["x"])
    with inp.open("a") as f:
        f.write('{"cluster_id": "y", "articles": [}\n')
    out = tmp_path / "out.jsonl"
    code, _, err = cli("batch", str(inp), str(out))
    assert code == 1 and "1 written, 1 failed" in err
    assert "invalid JSON at line 2" in next(r for r in rows(out) if "error" in r)["error"]


# -- limits -------------------------------------------------------------------------------


def test_rpm_spaces_requests_at_the_server(chat_server: ChatServer, tmp_path: Path) -> None:
    inp = write_clusters(tmp_path / "in.jsonl", [f"c{i}" for i in range(10)])
    chat_server.default = ok(json.dumps(GOOD))
    argv = ["batch", str(inp), str(tmp_path / "out.jsonl"), *model_args(chat_server)]
    code, _, err = cli(*argv, "--concurrency", "10", "--rpm", "240")
    assert code == 0, err
    times = sorted(chat_server.times)
    # 240/min is 4 a second, after at most one second's worth (4 + 1) at once: in any
    # stretch of the run, no more requests than that (one more for arrival jitter)
    for i, a in enumerate(times):
        for j in range(i + 1, len(times)):
            assert j - i + 1 <= 5 + 4 * (times[j] - a) + 1, (i, j, times)
    assert times[-1] - times[0] >= 1.0  # without --rpm all ten arrive at once


def test_tpm_is_fed_by_the_token_count_of_each_request() -> None:
    now = [100.0]
    limiter = RateLimiter(tpm=6000, clock=lambda: now[0])  # 100 tokens/s
    assert limiter.reserve(300) == 0  # within one second's worth ahead... and into debt
    assert limiter.reserve(300) == pytest.approx(2.0)  # waits for the debt to clear
    now[0] += 10
    assert limiter.reserve(50) == 0


def test_a_pause_holds_every_request() -> None:
    now = [0.0]
    limiter = RateLimiter(clock=lambda: now[0])
    assert limiter.reserve() == 0
    limiter.pause(1.5)
    assert limiter.reserve() == pytest.approx(1.5)
    now[0] += 2
    assert limiter.reserve() == 0


def test_rate_limits_without_a_model_are_refused(tmp_path: Path) -> None:
    inp = write_clusters(tmp_path / "in.jsonl", ["x"])
    out = tmp_path / "o.jsonl"
    out.write_text("kept\n")
    code, _, err = cli("batch", str(inp), str(out), "--rpm", "10")
    assert code == 2 and "--rpm applies to a model run: give -m MODEL" in err
    assert out.read_text() == "kept\n", "refused before the output is touched"


# -- progress -----------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_and_only_the_summary_otherwise(tmp_path: Path) -> None:
    inp = write_clusters(tmp_path / "in.jsonl", ["x", "y"])
    out, err = io.StringIO(), Terminal()
    assert main(["batch", str(inp), str(tmp_path / "o.jsonl")], out, err) == 0
    shown = err.getvalue()
    assert "2/2" in shown and "0 failed" in shown and "0 failed verification" in shown
    code, _, plain = cli("batch", str(inp), str(tmp_path / "o.jsonl"), "--overwrite")
    assert code == 0
    assert plain.splitlines() == [
        f"batch: 2 written, 0 failed, 0 already done -> {tmp_path}/o.jsonl"
    ]


# -- the library --------------------------------------------------------------------------


def test_summarize_many_yields_briefs_and_failures_as_they_finish() -> None:
    chips = load_cluster(SEEDS / "china-chips.json")
    aurora = load_cluster(SEEDS / "aurora-lander.json")
    items = [chips, FailedCluster("broken", "line 2: no articles"), aurora]

    async def collect() -> list[Brief | FailedCluster]:
        return [r async for r in summarize_many(items, concurrency=2)]

    got = asyncio.run(collect())
    assert sorted(r.cluster_id for r in got) == ["aurora-lander", "broken", "china-chips"]
    briefs = [r for r in got if isinstance(r, Brief)]
    assert len(briefs) == 2 and all(b.verification is not None for b in briefs)


def test_summarize_many_refuses_a_duplicate_id() -> None:
    chips = load_cluster(SEEDS / "china-chips.json")

    async def collect() -> None:
        async for _ in summarize_many([chips, chips]):
            pass

    with pytest.raises(InputError, match="duplicate cluster_id 'china-chips'"):
        asyncio.run(collect())


def test_the_reader_streams_and_skips_what_is_done(tmp_path: Path) -> None:
    inp = write_clusters(tmp_path / "in.jsonl", ["a", "b", "c"])
    lines = iter(read_clusters(inp, skip={"b"}))
    n, first = next(lines)
    assert n == 1 and first.cluster_id == "a"
    assert [c.cluster_id for _, c in lines] == ["c"]
