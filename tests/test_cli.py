from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from llmbrief import __version__
from llmbrief.cli import main

from .conftest import SEEDS, article

SEED_BRIEF = SEEDS / "000_d12c0a8b4ad67bd4.txt"
CHIPS = SEEDS / "china-chips.json"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_summarize_prints_a_brief() -> None:
    code, out, _ = run("summarize", str(CHIPS))
    assert code == 0
    assert out.rstrip().endswith("15 articles in this cluster")


def test_summarize_json_and_out_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.json"
    code, out, _ = run("summarize", str(CHIPS), "--format", "json", "--out", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["article_count"] == 15


def test_verify_seed_exit_codes_and_json() -> None:
    code, stdout, _ = run("verify", str(CHIPS), str(SEED_BRIEF), "--format", "json")
    report = json.loads(stdout)
    assert code == 1  # three uncited sentences
    assert len(report["claims"]) == 12
    assert report["counts"]["supported"] == 9
    assert report["counts"]["uncited"] == 3


def test_verify_ok_brief_exits_zero(tmp_path: Path) -> None:
    brief = tmp_path / "b.json"
    assert run("summarize", str(CHIPS), "--format", "json", "--out", str(brief))[0] == 0
    code, out, _ = run("verify", str(CHIPS), str(brief))
    assert code == 0, out


@pytest.mark.parametrize(
    "argv",
    [
        ["summarize", "does-not-exist.json"],
        ["summarize", str(CHIPS), "--format", "pdf"],
        ["summarize", str(CHIPS), "--headlines", "-1"],
        ["verify", str(CHIPS)],
        ["bogus"],
    ],
)
def test_bad_usage_exits_2_with_one_line(argv: list[str]) -> None:
    code, _, err = run(*argv)
    assert code == 2
    assert err.count("\n") == 1, err
    assert "Traceback" not in err


def test_bad_cluster_exits_2_naming_file_item_field(write_json) -> None:
    path = write_json({"articles": [article("a"), article("a")]})
    code, _, err = run("summarize", str(path))
    assert code == 2
    assert str(path) in err and "article 1" in err and "'id'" in err
    assert err.count("\n") == 1


def test_empty_brief_exits_2(tmp_path: Path) -> None:
    brief = tmp_path / "empty.txt"
    brief.write_text("")
    code, _, err = run("verify", str(CHIPS), str(brief))
    assert code == 2 and "empty" in err


def test_llm_model_without_key_names_the_variable() -> None:
    code, _, err = run("summarize", str(CHIPS), "--model", "gpt-4o-mini")
    assert code == 2
    assert "OPENAI_API_KEY" in err


def test_batch_writes_each_cluster_and_records_failures(tmp_path: Path) -> None:
    good = json.loads(CHIPS.read_text())
    inp = tmp_path / "in.jsonl"
    inp.write_text(
        json.dumps(good)
        + "\n"
        + json.dumps({"cluster_id": "bad", "articles": []})
        + "\n"
        + json.dumps(json.loads((SEEDS / "aurora-lander.json").read_text()))
        + "\n"
    )
    out = tmp_path / "out.jsonl"
    code, _, err = run("batch", str(inp), str(out), "--concurrency", "2")
    assert code == 1
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert {r["cluster_id"] for r in rows} == {"china-chips", "bad", "aurora-lander"}
    assert next(r for r in rows if "error" in r)["cluster_id"] == "bad"
    # fix the bad line and resume: the two done clusters are kept, the failed one retried
    fixed = inp.read_text().replace('"articles": []', f'"articles": [{json.dumps(article("z"))}]')
    inp.write_text(fixed)
    code, _, err = run("batch", str(inp), str(out), "--resume")
    assert code == 0
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == 3 and not any("error" in r for r in rows)
    assert "2 already done" in err


def test_version_and_help_via_python_m() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "llmbrief", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in res.stdout
    for sub in ("summarize", "verify", "eval", "batch"):
        res = subprocess.run(
            [sys.executable, "-m", "llmbrief", sub, "--help"], capture_output=True, text=True
        )
        assert res.returncode == 0 and "usage:" in res.stdout
