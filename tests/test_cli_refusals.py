"""What a new user trips on: inputs never destroyed, options never silently ignored, bad
files named in one line (exit 2), never a traceback."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from llmbrief.cli import main

from .conftest import ROOT, SEEDS

CHIPS = SEEDS / "china-chips.json"
CLUSTERS = ROOT / "evals" / "clusters"
SMALL = {"cluster_id": "c1", "articles": [{"id": "1", "title": "T", "text": "Rain fell."}]}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and "Traceback" not in err


def jsonl(path: Path, n: int = 2) -> Path:
    path.write_text(
        "".join(json.dumps(dict(SMALL, cluster_id=f"c{i}")) + "\n" for i in range(n)),
        encoding="utf-8",
    )
    return path


# -- 1. an output that is an input is refused ------------------------------------------------


def test_batch_into_its_own_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    small = jsonl(tmp_path / "small.jsonl")
    before = small.read_bytes()
    for out in (str(small), str(tmp_path / "." / "small.jsonl")):
        code, _, err = run("batch", str(small), out)
        assert code == 2 and one_line(err) and "would destroy the input" in err
        code, _, err = run("batch", str(small), out, "--overwrite")
        assert code == 2 and "would destroy the input" in err
    assert small.read_bytes() == before


def test_summarize_and_verify_never_write_over_an_input(tmp_path: Path) -> None:
    cluster = tmp_path / "X.json"
    shutil.copy(CHIPS, cluster)
    before = cluster.read_bytes()
    code, _, err = run("summarize", str(cluster), "-o", str(cluster))
    assert code == 2 and one_line(err) and f"{cluster} is also the input" in err
    brief = tmp_path / "b.txt"
    assert run("summarize", str(cluster), "-o", str(brief))[0] == 0
    brief_before = brief.read_bytes()
    for target in (cluster, brief):
        code, _, err = run("verify", str(cluster), str(brief), "-o", str(target), "-f", "text")
        assert code == 2 and one_line(err) and "is also the input" in err
    assert cluster.read_bytes() == before and brief.read_bytes() == brief_before


# -- 2. batch never overwrites an existing OUT silently -------------------------------------


def test_batch_refuses_an_existing_out_without_resume_or_overwrite(tmp_path: Path) -> None:
    small = jsonl(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    out.write_text("earlier work\n")
    code, _, err = run("batch", str(small), str(out))
    assert code == 2 and one_line(err)
    assert "exists and is not empty: --resume goes on with it, --overwrite replaces it" in err
    assert out.read_text() == "earlier work\n"
    code, _, err = run("batch", str(small), str(out), "--overwrite")
    assert code == 0, err
    assert [json.loads(x)["cluster_id"] for x in out.read_text().splitlines()] == ["c0", "c1"]
    code, _, err = run("batch", str(small), str(out), "--resume", "--overwrite")
    assert code == 2 and "not allowed with argument" in err
    code, help_text, _ = run("batch", "--help")
    assert "resuming with a different IN adds its clusters" in " ".join(help_text.split())


# -- 3 and 9. encodings: not UTF-8 is one line; a byte-order mark is fine ---------------------


@pytest.fixture
def binary(tmp_path: Path) -> Path:
    path = tmp_path / "binary.json"
    path.write_bytes(b"\xff\xfe\x00bad\x80")
    return path


def test_files_that_are_not_utf8_are_one_line_errors(binary: Path, tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_bytes(b"\x80\x81")
    good = [str(ROOT / "evals" / "verifier_dev.jsonl")]
    for argv in (
        ["eval", "verifier", str(cases)],
        ["eval", "verifier", *good, "--baseline", str(binary)],
        ["eval", str(CLUSTERS / "museum-theft.json"), "--baseline", str(binary)],
        ["eval", "diff", str(binary), str(binary)],
    ):
        code, out, err = run(*argv)
        assert code == 2 and out == "" and one_line(err), (argv, err)
        assert ": not UTF-8 text (byte " in err, err


def test_a_byte_order_mark_is_read_past(tmp_path: Path) -> None:
    cluster = tmp_path / "bom.json"
    cluster.write_bytes(b"\xef\xbb\xbf" + CHIPS.read_bytes())
    code, out, err = run("summarize", str(cluster))
    assert code == 0, err
    assert out.rstrip().endswith("15 articles in this cluster")
    lines = tmp_path / "bom.jsonl"
    lines.write_bytes(b"\xef\xbb\xbf" + json.dumps(SMALL).encode() + b"\n")
    code, _, err = run("batch", str(lines), str(tmp_path / "o.jsonl"))
    assert code == 0 and "1 written" in err


# -- 5. nothing to evaluate is an error -----------------------------------------------------


def test_eval_of_an_empty_folder_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "emptydir"
    empty.mkdir()
    code, out, err = run("eval", str(empty))
    assert code == 2 and out == "" and one_line(err)
    assert f"no cluster files in {empty}" in err
    code, out, err = run("eval", "--replay", str(empty))
    assert code == 2 and out == "" and one_line(err) and "no recordings in it" in err


# -- 7 and 8. model options without a model; a timeout of 0 ----------------------------------


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["--base-url", "ftp://x"], "--base-url"),
        (["--no-cache"], "--no-cache"),
        (["--timeout", "5"], "--timeout"),
        (["--max-input-tokens", "10"], "--max-input-tokens"),
        (["--context-window", "10"], "--context-window"),
    ],
)
def test_model_options_without_a_model_are_refused(
    argv: list[str], flag: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LLMBRIEF_MODEL", raising=False)
    code, out, err = run("summarize", str(CHIPS), *argv)
    assert code == 2 and out == "" and one_line(err)
    assert f"{flag} applies to a model run: give -m MODEL" in err
    small = jsonl(tmp_path / "in.jsonl")
    code, _, err = run("batch", str(small), str(tmp_path / "o.jsonl"), *argv)
    assert code == 2 and f"{flag} applies to a model run" in err
    assert not (tmp_path / "o.jsonl").exists()


def test_model_options_apply_when_the_environment_names_a_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # LLMBRIEF_MODEL turns a model on: then --timeout is its own (an unusable URL is refused
    # as a URL, which shows the option was read, not refused as model-only)
    monkeypatch.setenv("LLMBRIEF_MODEL", "gpt-4o-mini")
    code, _, err = run("summarize", str(CHIPS), "--timeout", "5", "--base-url", "ftp://x")
    assert code == 2 and "is not a URL" in err and "applies to a model run" not in err


def test_a_timeout_of_zero_is_a_usage_error() -> None:
    code, _, err = run("summarize", str(CHIPS), "--timeout", "0")
    assert code == 2 and one_line(err)
    assert "argument --timeout: must be more than 0" in err
    code, _, err = run("verify", str(CHIPS), str(CHIPS), "--timeout", "-1")
    assert code == 2 and "argument --timeout: must be more than 0" in err


# -- 10. facts files name the field ---------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "says"),
    [
        ({"fact": []}, "field 'facts': is missing"),
        ({"facts": 3}, "field 'facts': must be a list of facts"),
        ({"facts": [{"all": 3}]}, "fact 0: field 'all': must be a list of words"),
        ({"facts": [{"all": ["ok"]}, "x"]}, "fact 1: field 'all': must be a list of words"),
    ],
)
def test_facts_file_errors_name_the_field(tmp_path: Path, facts: object, says: str) -> None:
    shutil.copy(CLUSTERS / "museum-theft.json", tmp_path / "m.json")
    (tmp_path / "m.facts.json").write_text(json.dumps(facts))
    code, _, err = run("eval", str(tmp_path))
    assert code == 2 and one_line(err) and says in err, err
    assert "object is not iterable" not in err and "not a facts file: 'facts'" not in err


# -- 11. no command ---------------------------------------------------------------------------


def test_no_command_is_a_short_usage_error_on_stderr() -> None:
    code, out, err = run()
    assert code == 2 and out == ""
    assert err.startswith("usage: llmbrief ")
    assert err.splitlines()[-1] == "llmbrief: error: give a command (see llmbrief --help)"
    assert "positional arguments" not in err
    code, out, err = run("--help")
    assert code == 0 and out.startswith("usage: llmbrief ") and err == ""


# -- 15. an --out extension that names no format ---------------------------------------------


def test_an_unknown_out_extension_needs_a_format(tmp_path: Path) -> None:
    target = tmp_path / "brief.xyz"
    code, _, err = run("summarize", str(CHIPS), "-o", str(target))
    assert code == 2 and one_line(err) and ".xyz names no format" in err
    assert not target.exists()
    code, _, err = run("summarize", str(CHIPS), "-o", str(target), "-f", "markdown")
    assert code == 0 and target.read_text().startswith("# ")


def test_eval_refuses_model_options_when_only_the_extractive_drafter_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LLMBRIEF_MODEL", raising=False)
    museum = str(CLUSTERS / "museum-theft.json")
    code, out, err = run("eval", museum, "--no-cache")
    assert code == 2 and out == "" and one_line(err)
    assert "--no-cache applies to a model run: give -m MODEL" in err
    code, _, err = run("eval", museum, "--timeout", "3")
    assert code == 2 and "--timeout applies to a model run" in err
