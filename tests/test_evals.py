from __future__ import annotations

import io
import json
from pathlib import Path

from llmbrief.cli import main
from llmbrief.evals import compare_baseline

from .chat_server import ChatServer, ok
from .conftest import ROOT


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


SUITE = str(ROOT / "evals" / "clusters")


def test_eval_json_metrics_are_numbers() -> None:
    code, out, _ = run("eval", SUITE, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data["metrics"]) >= {"faithfulness", "citation_precision", "fact_recall"}
    assert all(isinstance(v, float | int) for v in data["metrics"].values())
    assert len(data["clusters"]) == 11
    assert data["schema_version"] == 2
    assert data["verifier"].startswith("verifier@")
    assert data["drafter"]["model"] == "extractive"
    claims = data["runs"]["extractive"]["clusters"][0]["drafts"][0]["claims"]
    assert {"n", "text", "citations", "verdict", "reasons", "evidence"} <= set(claims[0])


def test_baseline_gate_passes_on_the_committed_baseline() -> None:
    code, _, err = run("eval", SUITE, "--baseline", str(ROOT / "evals" / "baseline.json"))
    assert code == 0, err


def test_baseline_gate_fails_on_regression(tmp_path: Path) -> None:
    base = json.loads((ROOT / "evals" / "baseline.json").read_text())
    base["runs"]["extractive"]["metrics"]["fact_recall"] = 0.99
    p = tmp_path / "base.json"
    p.write_text(json.dumps(base))
    code, _, err = run("eval", SUITE, "--baseline", str(p))
    assert code == 1
    assert "regression: fact_recall fell from 0.9900" in err


def test_compare_baseline_tolerances() -> None:
    base = {"metrics": {"a": 0.9, "b": 0.5}, "tolerances": {"a": 0.1}}
    assert compare_baseline({"a": 0.85, "b": 0.49}, base) == []
    assert len(compare_baseline({"a": 0.7, "b": 0.4}, base)) == 2


def test_prompt_versions_side_by_side(chat_server: ChatServer) -> None:
    reply = json.dumps(
        {"title": "T", "sentences": [{"text": "Police found the crown.", "citations": ["mt-3"]}]}
    )
    chat_server.default = ok(reply)
    code, out, err = run(
        "eval",
        str(ROOT / "evals" / "clusters" / "museum-theft.json"),
        "--model",
        "m",
        "--base-url",
        chat_server.url,
        "--compare",
        "cluster_summary_terse",
        "--no-cache",
        "--format",
        "json",
    )
    assert code == 0, err
    data = json.loads(out)
    labels = list(data["variants"])
    assert len(labels) == 2
    assert labels[0].startswith("m cluster_summary@")
    assert labels[1].startswith("m cluster_summary_terse@")
    systems = {r["body"]["messages"][0]["content"][:40] for r in chat_server.requests}
    assert len(systems) == 2  # two different prompts were sent


def test_eval_verifier_json_shape() -> None:
    code, out, _ = run(
        "eval", "verifier", str(ROOT / "evals" / "verifier_dev.jsonl"), "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    for key in ("n", "balanced_accuracy", "precision_unsupported", "recall_unsupported"):
        assert key in data
    assert set(data["confusion"]) == {"supported", "unsupported"}
    assert set(data["confusion"]["supported"]) == {"supported", "unsupported"}


def test_eval_verifier_bad_case_file_is_exit_2(tmp_path: Path) -> None:
    p = tmp_path / "cases.jsonl"
    p.write_text('{"id": "c1", "claim": "x", "sources": [], "label": "supported"}\n')
    code, _, err = run("eval", "verifier", str(p))
    assert code == 2 and "line 1" in err and "sources" in err
