"""The Batch API path: prepare and collect on files, submit and status through the real openai
client against the loopback server's /v1/files and /v1/batches."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import Any

import pytest

from llmbrief import load_cluster, resolve_model
from llmbrief.batch_api import batch_drafter
from llmbrief.cli import _parser, main
from llmbrief.client import ChatClient
from llmbrief.draft import LLMDrafter
from llmbrief.prompts import load_prompt

from .chat_server import ChatServer, Reply, chat_body, error, ok
from .conftest import SEEDS
from .test_batch import CHIPS, GOOD


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def clusters(path: Path, ids: list[str]) -> Path:
    path.write_text("".join(json.dumps(dict(CHIPS, cluster_id=i)) + "\n" for i in ids))
    return path


def result_line(cid: str, body: dict[str, Any], status: int = 200, vllm_old: bool = False) -> str:
    response: dict[str, Any] = {"status_code": status, "request_id": "r", "body": body}
    if vllm_old:
        response = body  # older vLLM: the completion directly under "response"
    return json.dumps({"id": f"b-{cid}", "custom_id": cid, "response": response, "error": None})


def test_prepare_writes_what_live_would_send(chat_server: ChatServer, tmp_path: Path) -> None:
    inp = clusters(tmp_path / "in.jsonl", ["a", "b"])
    req = tmp_path / "requests.jsonl"
    code, _, err = cli(
        "batch-api", "prepare", str(inp), str(req), "--model", "gpt-4o-mini",
        "--max-input-tokens", "3000",
    )  # fmt: skip
    assert code == 0, err
    assert "2 requests (" in err
    lines = [json.loads(x) for x in req.read_text().splitlines()]
    assert [x["custom_id"] for x in lines] == ["a", "b"]
    assert all(x["method"] == "POST" and x["url"] == "/v1/chat/completions" for x in lines)
    # the live request for the same cluster, through the real client, is the same body
    chat_server.script(ok(json.dumps(GOOD)))
    settings = resolve_model("gpt-4o-mini", chat_server.url, api_key="k")
    with ChatClient(settings) as client:
        live = LLMDrafter(client, load_prompt("cluster_summary"), max_input_tokens=3000)
        live.draft(load_cluster(SEEDS / "china-chips.json"), None)  # type: ignore[arg-type]
    sent = chat_server.requests[0]["body"]
    assert lines[0]["body"]["messages"][1]["content"] == sent["messages"][1]["content"].replace(
        'Cluster "china-chips"', 'Cluster "a"'
    )
    assert {k: v for k, v in lines[0]["body"].items() if k != "messages"} == {
        k: v for k, v in sent.items() if k != "messages"
    }


def test_prepare_needs_a_model_and_refuses_a_cluster_file(tmp_path: Path) -> None:
    inp = clusters(tmp_path / "in.jsonl", ["a"])
    code, _, err = cli("batch-api", "prepare", str(inp), str(tmp_path / "r.jsonl"))
    assert code == 2 and "--model" in err
    single = tmp_path / "one.json"
    single.write_text(json.dumps(CHIPS, indent=2))
    argv = ["batch-api", "prepare", str(single), str(tmp_path / "r.jsonl"), "--model", "m"]
    code, _, err = cli(*argv)
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_collect_makes_verified_briefs_and_keeps_errors(tmp_path: Path) -> None:
    inp = clusters(tmp_path / "in.jsonl", ["good", "old-vllm", "refused", "garbled", "missing"])
    results = tmp_path / "results.jsonl"
    body = chat_body(json.dumps(GOOD), prompt_tokens=1000, completion_tokens=100)
    results.write_text(
        "\n".join(
            [
                result_line("refused", error(429, "rate_limit_exceeded").body, status=429),
                result_line("good", body),
                result_line("old-vllm", body, vllm_old=True),
                result_line("garbled", chat_body('{"title": "x", "sentences": [')),
                result_line("stranger", body),
                "not json",
            ]
        )
        + "\n"
    )
    out = tmp_path / "out.jsonl"
    code, _, err = cli(
        "batch-api", "collect", str(inp), str(results), str(out), "--model", "gpt-4o-mini"
    )
    assert code == 1
    rows = {r["cluster_id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert list(rows) == ["good", "old-vllm", "refused", "garbled", "missing"]
    for cid in ("good", "old-vllm"):
        brief = rows[cid]
        assert brief["title"] == GOOD["title"] and brief["verification"]["ok"]
        assert brief["model"] == "gpt-4o-mini" and brief["prompt"].startswith("cluster_summary@")
        live = 1000 * 0.15e-6 + 100 * 0.60e-6
        assert brief["usage"]["cost_usd"] == pytest.approx(live / 2)  # the batch price
    assert "HTTP 429" in rows["refused"]["error"]
    assert "invalid JSON" in rows["garbled"]["error"]
    assert "no result" in rows["missing"]["error"]
    assert "2 written, 3 failed" in err
    assert "1 result for no cluster" in err and "1 unreadable result line" in err


def test_submit_status_and_collect_round_trip(chat_server: ChatServer, tmp_path: Path) -> None:
    inp = clusters(tmp_path / "in.jsonl", ["a", "b", "c"])
    req = tmp_path / "requests.jsonl"
    assert cli("batch-api", "prepare", str(inp), str(req), "--model", "gpt-4o-mini")[0] == 0

    def answer(request: dict[str, Any]) -> Reply:
        if 'Cluster "c"' in request["body"]["messages"][1]["content"]:
            return error(400, "invalid_request")
        return ok(json.dumps(GOOD))

    chat_server.responder = answer
    endpoint = ["--base-url", chat_server.url]
    code, out, err = cli("batch-api", "submit", str(req), *endpoint)
    assert code == 0, err
    batch_id = out.strip()
    uploaded = next(iter(chat_server.files.values()))
    assert uploaded["meta"]["purpose"] == "batch" and uploaded["data"] == req.read_bytes()
    assert chat_server.batches[batch_id]["endpoint"] == "/v1/chat/completions"
    assert chat_server.batches[batch_id]["completion_window"] == "24h"

    results = tmp_path / "results.jsonl"
    code, out, _ = cli("batch-api", "status", batch_id, *endpoint, "--out", str(results))
    assert code == 0 and "in_progress" in out and not results.exists()
    code, out, _ = cli("batch-api", "status", batch_id, *endpoint, "--out", str(results))
    assert code == 0 and "completed: 2 of 3 done, 1 failed" in out
    assert len(results.read_text().splitlines()) == 3  # output lines, then the error line

    final = tmp_path / "out.jsonl"
    code, _, err = cli(
        "batch-api", "collect", str(inp), str(results), str(final), "--model", "gpt-4o-mini"
    )
    assert code == 1, err
    rows = {r["cluster_id"]: r for r in map(json.loads, final.read_text().splitlines())}
    assert rows["a"]["verification"]["ok"] and rows["b"]["verification"]["ok"]
    assert "HTTP 400" in rows["c"]["error"]


def test_status_of_an_unknown_batch_is_a_failed_call(chat_server: ChatServer) -> None:
    code, _, err = cli("batch-api", "status", "batch_nope", "--base-url", chat_server.url)
    assert code == 1 and "HTTP 404" in err


def test_batch_drafter_needs_no_key() -> None:
    drafter = batch_drafter("gpt-4o-mini")
    line = drafter.request(load_cluster(SEEDS / "china-chips.json"))
    assert line.messages[0]["role"] == "system" and line.schema is not None


def test_submit_without_a_key_or_server_names_what_to_set(tmp_path: Path) -> None:
    code, _, err = cli("batch-api", "submit", str(tmp_path / "r.jsonl"))
    assert code == 2 and "OPENAI_API_KEY" in err and "--base-url" in err


def test_prepare_leaves_out_a_bad_cluster_and_says_so(tmp_path: Path) -> None:
    inp = clusters(tmp_path / "in.jsonl", ["a"])
    with inp.open("a") as f:
        f.write(json.dumps({"cluster_id": "empty", "articles": []}) + "\n")
    req = tmp_path / "r.jsonl"
    code, _, err = cli("batch-api", "prepare", str(inp), str(req), "--model", "gpt-4o-mini")
    assert code == 1
    assert "left out empty" in err and "1 request (" in err
    assert [json.loads(x)["custom_id"] for x in req.read_text().splitlines()] == ["a"]


def test_every_batch_api_action_describes_itself_and_each_argument() -> None:
    def sub_parsers(p: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        (group,) = [a for a in p._actions if isinstance(a, argparse._SubParsersAction)]
        return dict(group.choices)

    actions = sub_parsers(sub_parsers(_parser())["batch-api"])
    assert set(actions) == {"prepare", "submit", "status", "collect"}
    for name, p in actions.items():
        assert p.description, name
        assert p.epilog and p.epilog.startswith("Exit status:"), name
        for a in p._actions:
            assert a.help, f"batch-api {name} {a.dest}: no help"
    out = io.StringIO()
    assert main(["batch-api", "collect", "--help"], out, io.StringIO()) == 0
    assert "the provider's output lines" in out.getvalue()
