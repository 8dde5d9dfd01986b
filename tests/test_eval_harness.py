"""eval: recorded replies, the gate on a degraded prompt, repeats, diffs and reports."""

from __future__ import annotations

import copy
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from llmbrief.cli import main
from llmbrief.client import cache_key
from llmbrief.evals.gate import load_tolerances
from llmbrief.evals.recordings import ReplayModel, recorded_variants
from llmbrief.load import load_cluster
from llmbrief.tokens import count_messages, get_encoding

from .chat_server import ChatServer, error, ok
from .conftest import ROOT
from .eval_scripted import record_scripted, scripted_replies

CLUSTERS = ROOT / "evals" / "clusters"
MUSEUM = str(CLUSTERS / "museum-theft.json")
FLOOD = str(CLUSTERS / "river-flood.json")
BASELINE = str(ROOT / "evals" / "baseline.json")
RECORDINGS = str(ROOT / "evals" / "recordings")
REPLIES = scripted_replies(ROOT / "evals" / "scripted")
GOOD = REPLIES["cluster_summary"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def brief(title: str, *sentences: tuple[str, list[str]]) -> dict[str, Any]:
    return {"title": title, "sentences": [{"text": t, "citations": c} for t, c in sentences]}


# A draft of museum-theft with a wrong figure, a flipped negation and a wrong citation.
BAD_MUSEUM = brief(
    "Crown Stolen in Lorne",
    (
        "Thieves stole a 14th-century gold crown from the Lorne City Museum early on Tuesday.",
        ["mt-1"],
    ),
    ("The crown is insured for 4 million euros, the museum said.", ["mt-1"]),
    ("Police said the alarm did not work.", ["mt-2"]),
    ("The crown was found undamaged in an abandoned van outside the city.", ["mt-1"]),
)


def degraded_prompt(tmp_path: Path) -> Path:
    """The shipped prompt with its rule about copying figures taken out."""
    data = json.loads((ROOT / "llmbrief" / "prompts" / "cluster_summary.json").read_text())
    data["system"] = data["system"].replace("Copy names, numbers, dates", "Round numbers; dates")
    p = tmp_path / "degraded.json"
    p.write_text(json.dumps(data))
    return p


# -- CI: the committed suites against the committed baseline ---------------------------------


def test_ci_extractive_and_replayed_llm_suites_pass_the_committed_baseline() -> None:
    code, out, err = run("eval", "--replay", RECORDINGS, "--baseline", BASELINE, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    labels = list(data["runs"])
    assert labels[0] == "extractive"
    assert {x.split(" ")[1].split("@")[0] for x in labels[1:]} == {
        "cluster_summary",
        "cluster_summary_terse",
    }
    for r in data["runs"].values():
        assert r["status"] == {"ok": 11, "not_recorded": 0, "error": 0, "judge_error": 0}
    assert all(not g["failed"] for g in data["gate"].values())


def test_baseline_drafts_with_what_made_it_whatever_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # an exported key and endpoint (unreachable: the test would fail on any request)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://10.255.255.1/v1")
    monkeypatch.setenv("LLMBRIEF_MODEL", "gpt-4o-mini")
    code, out, err = run("eval", "--baseline", BASELINE, "--format", "json")
    assert code == 0, err
    runs = json.loads(out)["runs"]
    assert [r["drafter"]["mode"] for r in runs.values()] == ["offline", "replay", "replay"]
    assert "replaying scripted" in err


# -- recordings --------------------------------------------------------------------------------


def test_record_then_replay_through_the_real_client(tmp_path: Path) -> None:
    rec = tmp_path / "rec"
    code, live, err, requests = record_scripted(
        rec, {"cluster_summary": GOOD}, [MUSEUM, FLOOD], extra=["--format", "json"]
    )
    assert code == 0, err
    assert len(requests) == 2 and requests[0]["path"] == "/v1/chat/completions"
    assert recorded_variants(rec) == [("scripted", json.loads(live)["drafter"]["prompt"])]
    files = sorted(p.name for p in rec.glob("scripted/*/*.json"))
    assert [f.split(".")[0] for f in files] == ["museum-theft", "river-flood"]
    code, replayed, err = run(
        "eval", MUSEUM, FLOOD, "--replay", str(rec), "--model", "scripted", "--format", "json"
    )
    assert code == 0, err
    assert json.loads(replayed)["metrics"] == json.loads(live)["metrics"]


def test_a_missing_recording_is_not_recorded_never_a_pass(tmp_path: Path) -> None:
    code, out, err = run(
        "eval", MUSEUM, "--replay", str(tmp_path), "--model", "scripted", "--format", "json"
    )
    assert code == 1
    data = json.loads(out)
    row = data["clusters"][0]
    assert row["status"] == "not_recorded" and "faithfulness" not in row
    assert data["metrics"] == {}  # nothing scored, nothing averaged
    assert "not scored: museum-theft: not recorded" in err


def test_a_changed_prompt_has_no_recording_and_fails_the_gate(tmp_path: Path) -> None:
    code, out, err = run(
        "eval",
        MUSEUM,
        "--replay",
        RECORDINGS,
        "--model",
        "scripted",
        "--prompt",
        str(degraded_prompt(tmp_path)),
        "--baseline",
        BASELINE,
    )
    assert code == 1
    assert "not scored: museum-theft: not recorded" in err
    assert "not recorded" in out


def test_replay_model_says_which_draft_is_missing(tmp_path: Path) -> None:
    rec = tmp_path / "rec"
    record_scripted(rec, {"cluster_summary": GOOD}, [MUSEUM])
    prompt_id = recorded_variants(rec)[0][1]
    model = ReplayModel(rec, "scripted", prompt_id)
    model.begin(load_cluster(MUSEUM), repeat=1)
    params = {"temperature": 0.2, "max_completion_tokens": 1000}
    from llmbrief.prompts import load_prompt

    schema = load_prompt("cluster_summary").response_schema
    with pytest.raises(Exception, match="1 draft\\(s\\) recorded, draft 2 asked for"):
        model.complete([], params=params, schema=schema)


# -- the gate on a degraded prompt ----------------------------------------------------------------


def test_gate_fails_on_a_degraded_prompt_listing_the_claims_that_broke(tmp_path: Path) -> None:
    with ChatServer() as server:
        server.script(ok(json.dumps(BAD_MUSEUM)), ok(json.dumps(GOOD["river-flood"][0])))
        code, out, err = run(
            "eval",
            MUSEUM,
            FLOOD,
            "--model",
            "scripted",
            "--base-url",
            server.url,
            "--prompt",
            str(degraded_prompt(tmp_path)),
            "--baseline",
            BASELINE,
            "--no-cache",
        )
    assert code == 1
    assert "regression: faithfulness fell from 1.0000" in err
    assert "claims that broke against scripted cluster_summary@" in err
    assert "museum-theft #2 supported -> unsupported" in err
    assert '"The crown is insured for 4 million euros, the museum said [mt-1]."' in err
    assert 'number "4 million euros" not found' in err
    assert "river-flood #" not in err  # the good draft broke nothing
    assert "BROKE museum-theft #2" in out


def test_eval_diff_of_two_saved_results(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    record_scripted(tmp_path / "g", {"cluster_summary": GOOD}, [MUSEUM])
    replies = {"cluster_summary": {"museum-theft": [BAD_MUSEUM]}}
    record_scripted(tmp_path / "b", replies, [MUSEUM])
    for folder, target in (("g", good), ("b", bad)):
        code, _, err = run(
            "eval", MUSEUM, "--replay", str(tmp_path / folder), "--model", "scripted",
            "--out", str(target), "--format", "json",
        )  # fmt: skip
        assert code == 0 or folder == "b", err
    code, out, err = run("eval", "diff", str(good), str(bad), "--format", "markdown")
    assert code == 1
    assert "| museum-theft | 2 | The crown is insured for 4 million euros" in out
    assert "supported → **unsupported** ❌" in out
    code, _, _ = run("eval", "diff", str(good), str(good))
    assert code == 0
    code, _, err = run("eval", "diff", str(good))
    assert code == 2 and "NEW.json" in err and err.startswith("llmbrief eval diff: ")
    code, _, err = run("eval", "diff", str(good), str(bad), "--baseline", str(good))
    assert code == 2 and "unrecognized arguments: --baseline" in err
    # text: the claim-by-claim diff and the metric deltas, not the whole of NEW's report
    code, out, _ = run("eval", "diff", str(good), str(bad))
    assert code == 1
    assert out.startswith(f"eval diff {good} -> {bad}: worse: ")
    assert 'BROKE museum-theft #2: supported -> unsupported: "The crown is insured' in out
    assert "faithfulness" in out and "FELL" in out
    assert "Briefs" not in out and "status" not in out
    code, out, _ = run("eval", "diff", str(good), str(bad), "-f", "json")
    data = json.loads(out)
    assert data["failed"] is True
    (only,) = data["runs"].values()
    assert only["broke"] >= 1 and any(m["fell"] for m in only["metrics"])
    code, out, _ = run("eval", "diff", str(good), str(bad), "-f", "html")
    assert code == 1 and out.startswith("<!doctype html>") and "eval diff" in out
    code, out, _ = run("eval", "diff", str(good), str(good))
    assert code == 0 and "nothing got worse" in out and "claims that changed verdict: none" in out


def test_eval_diff_has_its_own_help() -> None:
    code, out, _ = run("eval", "diff", "--help")
    assert code == 0 and out.startswith("usage: llmbrief eval diff ")
    assert "Exit status: 0 nothing got worse; 1 a metric fell" in " ".join(out.split())
    assert "--replay" not in out


# -- repeats ----------------------------------------------------------------------------------


def _repeat_recordings(tmp_path: Path, bad_drafts: int) -> Path:
    rec = tmp_path / f"rec{bad_drafts}"
    drafts = [BAD_MUSEUM] * bad_drafts + [GOOD["museum-theft"][0]] * (3 - bad_drafts)
    _, _, err, requests = record_scripted(
        rec, {"cluster_summary": {"museum-theft": drafts}}, [MUSEUM], repeat=3
    )
    assert len(requests) == 3, err
    return rec


def test_repeat_flags_a_flaky_cluster_and_one_bad_draft_does_not_fail_the_gate(
    tmp_path: Path,
) -> None:
    rec = _repeat_recordings(tmp_path, bad_drafts=1)
    base = tmp_path / "base.json"
    # a baseline of the good draft alone
    good = tmp_path / "good"
    record_scripted(good, {"cluster_summary": GOOD}, [MUSEUM])
    run("eval", MUSEUM, "--replay", str(good), "--model", "scripted", "--out", str(base))
    code, out, err = run(
        "eval", MUSEUM, "--replay", str(rec), "--model", "scripted", "--repeat", "3",
        "--baseline", str(base), "--format", "json",
    )  # fmt: skip
    row = json.loads(out)["clusters"][0]
    assert row["flaky"] is True
    assert row["pass_rate"] == pytest.approx(0.6667)
    assert row["spread"] > 0
    assert len(json.loads(out)["runs"]["scripted " + row["prompt"]]["clusters"][0]["drafts"]) == 3
    assert code == 0, err
    assert "only with each flaky cluster's worst draft; not failing" in err
    code, text, _ = run(
        "eval", MUSEUM, "--replay", str(rec), "--model", "scripted", "--repeat", "3"
    )  # fmt: skip
    assert "flaky" in text and "pass" in text and "spread" in text
    # two bad drafts of three: not one flaky draft any more, the gate fails
    rec2 = _repeat_recordings(tmp_path, bad_drafts=2)
    code, _, err = run(
        "eval", MUSEUM, "--replay", str(rec2), "--model", "scripted", "--repeat", "3",
        "--baseline", str(base),
    )  # fmt: skip
    assert code == 1 and "regression: faithfulness fell" in err


def test_repeat_beyond_the_recorded_drafts_is_not_recorded(tmp_path: Path) -> None:
    rec = tmp_path / "rec"
    record_scripted(rec, {"cluster_summary": GOOD}, [MUSEUM])
    code, out, err = run(
        "eval", MUSEUM, "--replay", str(rec), "--model", "scripted", "--repeat", "2"
    )  # fmt: skip
    assert code == 1 and "draft 2 asked for" in err and "not recorded" in out


# -- reports ----------------------------------------------------------------------------------


def test_html_report_is_one_escaped_page(tmp_path: Path) -> None:
    hostile = brief(
        "<b>Crown</b>",
        ("Thieves stole a crown <script>alert(1)</script> from the museum.", ["mt-1"]),
    )
    rec = tmp_path / "rec"
    record_scripted(rec, {"cluster_summary": {"museum-theft": [hostile]}}, [MUSEUM])
    code, out, _ = run(
        "eval", MUSEUM, "--replay", str(rec), "--model", "scripted", "--format", "html",
        "--baseline", BASELINE,
    )  # fmt: skip
    assert code == 1
    assert "<script>alert" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;b&gt;Crown&lt;/b&gt;" in out
    assert 'class="fail"' in out  # the failing metric is marked
    assert "<link" not in out and "src=" not in out  # self-contained


def test_markdown_has_every_variant_per_cluster_rows() -> None:
    code, out, _ = run("eval", "--replay", RECORDINGS, "--format", "markdown")
    assert code == 0
    assert out.count("<summary>") == 3  # a cluster table per variant
    assert out.count("| metro-line-four | passed |") == 3
    # the terse prompt against the full one (same model): the slips a reviewer must see
    assert "**Claims that changed verdict, scripted cluster\\_summary@" in out
    assert "| quarry-collapse-toll | 1 | Fourteen workers were killed" in out


def test_no_progress_bar_when_stderr_is_not_a_terminal() -> None:
    code, _, err = run("eval", MUSEUM)
    assert code == 0
    assert "━" not in err and "\r" not in err


# -- what made a result, and tolerances --------------------------------------------------------


def test_cache_key_covers_the_versions() -> None:
    args: tuple[Any, ...] = (None, "m", [{"role": "user", "content": "x"}], {}, None)
    plain = cache_key(*args)
    assert plain == cache_key(*args, versions=None)  # existing caches stay valid
    a = cache_key(*args, versions={"prompt": "p@1", "verifier": "verifier@a", "drafter": "llm"})
    b = cache_key(*args, versions={"prompt": "p@1", "verifier": "verifier@b", "drafter": "llm"})
    assert len({plain, a, b}) == 3


def test_tolerances_from_pyproject_and_kept_on_regeneration(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.llmbrief.eval]\ndefault_tolerance = 0.1\n"
        "[tool.llmbrief.eval.tolerances]\nfaithfulness = 0.3\n"
    )
    tol = load_tolerances(start=tmp_path)
    assert tol.of("faithfulness") == 0.3 and tol.of("coverage") == 0.1
    assert load_tolerances({"tolerances": {"coverage": 0.2}}, start=Path("/")).of("coverage") == 0.2
    out = tmp_path / "base.json"
    out.write_text(json.dumps({"metrics": {}, "note": "keep me"}))
    code, _, _ = run("eval", MUSEUM, "--out", str(out), "--format", "json")
    assert code == 0
    saved = json.loads(out.read_text())
    assert saved["note"] == "keep me" and saved["tolerances"]["faithfulness"] == 0.02


def test_results_are_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        env.pop("OPENAI_API_KEY", None)
        proc = subprocess.run(
            [sys.executable, "-m", "llmbrief", "eval", MUSEUM, FLOOD, "--replay", RECORDINGS,
             "--model", "scripted", "--format", "json"],
            cwd=ROOT, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        outs.append(proc.stdout)
    assert outs[0] == outs[1]


def test_flaky_row_copy_is_not_mutated() -> None:
    from llmbrief.evals.suites import without_worst_flaky_draft

    d_ok = {"ok": True, "faithfulness": 1.0, "claims": [{}], "counts": {"supported": 1}}
    d_bad = {"ok": False, "faithfulness": 0.0, "claims": [{}], "counts": {"unsupported": 1}}
    for name in ("citation_precision", "cited_share", "coverage"):
        d_ok[name], d_bad[name] = 1.0, 0.0
    d_ok["fact_recall"] = d_bad["fact_recall"] = None
    row = {"status": "ok", "flaky": True, "drafts": [d_ok, d_bad, d_ok], "faithfulness": 0.667}
    before = copy.deepcopy(row)
    kinder = without_worst_flaky_draft([row])[0]
    assert kinder["faithfulness"] == 1.0 and len(kinder["drafts"]) == 2
    assert row == before


def test_a_judge_below_the_threshold_is_shown_first_and_cannot_gate() -> None:
    from llmbrief.evals.gate import Tolerances, gate_run
    from llmbrief.evals.report import render_report

    calibration = {"tpr": 0.9, "tnr": 0.4, "kappa": 0.31, "can_gate": False, "errors": 2}
    run_ = {
        "drafter": {"model": "extractive"},
        "metrics": {"faithfulness": 0.5},
        "clusters": [],
        "judge": {"model": "judge-m", "calibration": calibration},
    }
    result = gate_run(run_, {"metrics": {"faithfulness": 1.0}}, Tolerances())
    assert not result.failed and "too little" in result.notes[0]
    text = render_report({"metrics": run_["metrics"], "runs": {"extractive": run_}}, "text")
    first = text.splitlines()[2]
    assert "kappa 0.310" in first and "CANNOT gate" in first and "2 error(s)" in first


def test_repeat_without_a_model_is_refused() -> None:
    code, _, err = run("eval", MUSEUM, "--repeat", "3")
    assert code == 2 and "--repeat needs a model" in err


# -- the LLM judge: calibrated first, then on every brief -------------------------------------

HARBOR = str(CLUSTERS / "harbor-bank-results.json")
# Labelled claims for calibration, written for these tests (a fictional town): two supported,
# two not, one sentence each, so the judge gets one request per case, in this order.
_TOWN = (
    "The town council of Marlow approved a budget of 40 million dollars on Tuesday. "
    "The plan pays for three new bridges over the river Wend."
)
_CASES = [
    ("j1", "Marlow's council approved a 40 million dollar budget.", "supported"),
    ("j2", "The plan pays for three bridges over the Wend.", "supported"),
    ("j3", "The council approved a budget of 60 million dollars.", "unsupported"),
    ("j4", "The council rejected the budget.", "unsupported"),
]


@pytest.fixture
def judge_cases(tmp_path: Path) -> str:
    path = tmp_path / "judge_cases.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {"id": i, "claim": c, "sources": [{"id": "t1", "text": _TOWN}], "label": lab}
            )
            + "\n"
            for i, c, lab in _CASES
        ),
        encoding="utf-8",
    )
    return str(path)


def _judge_argv(server: ChatServer, cases: str) -> list[str]:
    return [
        "--replay", RECORDINGS, "--model", "scripted", "--judge", "llm",
        "--judge-model", "bespoke-minicheck", "--judge-base-url", server.url,
        "--judge-style", "minicheck", "--judge-cases", cases, "--no-cache",
    ]  # fmt: skip


def _no_nan(text: str) -> dict[str, Any]:
    def refuse(name: str) -> Any:
        raise AssertionError(f"{name} in the JSON result")

    data: dict[str, Any] = json.loads(text, parse_constant=refuse)
    return data


def test_judge_is_calibrated_first_and_its_verdicts_are_scored(
    chat_server: ChatServer, judge_cases: str, tmp_path: Path
) -> None:
    # calibration: a judge that agrees with every label; then "No" to harbor's one undecided
    # claim (a pass with content words its evidence lacks)
    chat_server.script(ok("Yes"), ok("Yes"), ok("No"), ok("No"), ok("No"))
    saved = tmp_path / "judged.json"
    code, out, err = run(
        "eval", HARBOR, *_judge_argv(chat_server, judge_cases), "--save", str(saved)
    )
    assert len(chat_server.requests) == 5
    first = chat_server.requests[0]["body"]["messages"][0]["content"]
    assert first.endswith("Claim: Marlow's council approved a 40 million dollar budget.")
    assert code == 0, err
    named = "llmbrief: judging (calibrated on 4 labelled claims first) with bespoke-minicheck"
    assert f"{named} at {chat_server.url}\n" in err
    assert "kappa 1.000, 0 error(s) of 4: can gate" in err
    lines = out.splitlines()
    assert lines[2].startswith("judge bespoke-minicheck for scripted cluster_summary@")
    assert "TPR 1.000, TNR 1.000, kappa 1.000, 0 error(s); can gate" in lines[2]
    judge = _no_nan(saved.read_text(encoding="utf-8"))["runs"]
    (run_,) = judge.values()
    assert run_["judge"]["calibration"]["can_gate"] is True
    assert run_["judge"]["briefs"]["sent"] == 1 and run_["judge"]["briefs"]["overturned"] == 1
    # the metrics use the judged verdicts: without the judge the claim passes
    _, lexical, _ = run("eval", HARBOR, "--replay", RECORDINGS, "--model", "scripted", "-f", "json")
    before = json.loads(lexical)["metrics"]["faithfulness"]
    assert run_["metrics"]["faithfulness"] < before
    claims = run_["clusters"][0]["drafts"][0]["claims"]
    assert sum("llm judge bespoke-minicheck: No" in " ".join(c["reasons"]) for c in claims) == 1


def test_a_judge_below_min_kappa_cannot_gate_and_the_run_says_so(
    chat_server: ChatServer, judge_cases: str
) -> None:
    chat_server.default = ok("Yes")  # says yes to everything: kappa 0
    code, out, err = run(
        "eval", HARBOR, *_judge_argv(chat_server, judge_cases), "--baseline", BASELINE
    )
    assert code == 0, err
    assert "kappa 0.000, 0 error(s) of 4: cannot gate" in err
    assert "the LLM judge agrees too little with human labels to gate: metrics not gated" in err
    assert "CANNOT gate" in out.splitlines()[2]
    code, out, _ = run(
        "eval", HARBOR, *_judge_argv(chat_server, judge_cases), "--baseline", BASELINE,
        "-f", "json",
    )  # fmt: skip
    data = _no_nan(out)
    (judged,) = data["runs"].values()
    assert judged["judge"]["calibration"]["kappa"] == 0.0
    assert judged["judge"]["calibration"]["can_gate"] is False
    assert next(iter(data["gate"].values()))["notes"] == [
        "compared over the 1 of the baseline's 11 clusters this run has",
        "the LLM judge agrees too little with human labels to gate: metrics not gated",
    ]


def test_a_judge_that_errors_is_an_error_status_never_a_score(
    chat_server: ChatServer, judge_cases: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLMBRIEF_MAX_ATTEMPTS", "2")
    chat_server.default = error(500, headers={"retry-after-ms": "1"})
    code, out, err = run("eval", HARBOR, *_judge_argv(chat_server, judge_cases), "-f", "json")
    assert code == 1
    data = _no_nan(out)
    (judged,) = data["runs"].values()
    cal = judged["judge"]["calibration"]
    assert (cal["errors"], cal["judged"], cal["can_gate"]) == (4, 0, False)
    assert (cal["tpr"], cal["tnr"], cal["kappa"]) == (0.0, 0.0, 0.0)
    row = judged["clusters"][0]
    assert row["status"] == "judge_error" and "faithfulness" not in row
    assert row["error"].startswith("the judge erred on 1 of 1 claim(s): bespoke-minicheck at ")
    assert judged["metrics"] == {} and judged["status"]["judge_error"] == 1
    assert "not scored: harbor-bank-results: judge error (the judge erred on 1 of 1" in err
    assert "4 error(s) of 4: cannot gate" in err


@pytest.mark.parametrize(
    "flags", [["--judge-model", "m"], ["--judge-cases", "x.jsonl"], ["--judge-style", "chat"]]
)
def test_judge_options_without_judge_llm_are_refused(flags: list[str]) -> None:
    code, out, err = run("eval", HARBOR, *flags)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "needs --judge llm" in err


def test_judge_llm_with_no_model_is_a_usage_error(
    judge_cases: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LLMBRIEF_MODEL", raising=False)
    code, out, err = run("eval", HARBOR, "--judge", "llm", "--judge-cases", judge_cases)
    assert code == 2 and out == ""
    assert err.startswith("llmbrief: error: --judge llm needs a model") and err.count("\n") == 1


# -- output options -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "starts"),
    [
        (["-o", "r.html"], "<!doctype html>"),
        (["-o", "r.md"], "### llmbrief eval"),
        (["--out", "r.json"], "{"),
        (["-o", "r.json", "-f", "markdown"], "### llmbrief eval"),
        (["-o", "r.txt"], "llmbrief eval ("),
    ],
)
def test_eval_out_extension_picks_the_format(
    tmp_path: Path, argv: list[str], starts: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("eval", MUSEUM, *argv)
    assert code == 0 and out == ""
    assert (tmp_path / argv[1]).read_text(encoding="utf-8").startswith(starts)


def test_live_model_runs_are_named_on_stderr(chat_server: ChatServer) -> None:
    chat_server.script(ok(json.dumps(GOOD["museum-theft"][0])))
    code, _, err = run(
        "eval", MUSEUM, "-m", "scripted", "--base-url", chat_server.url, "--no-cache"
    )
    assert code == 0, err
    assert err.startswith("llmbrief: drafting (cluster_summary@")
    assert err.splitlines()[0].endswith(f") with scripted at {chat_server.url}")


def test_a_run_of_some_clusters_is_gated_against_those_of_the_baseline() -> None:
    # the baseline holds all eleven clusters; one cluster's figures differ from their mean
    code, out, err = run("eval", HARBOR, "--baseline", BASELINE, "-f", "json")
    assert code == 0, err
    assert "extractive: compared over the 1 of the baseline's 11 clusters this run has" in err
    gate = json.loads(out)["gate"]["extractive"]
    assert gate["regressions"] == [] and gate["changes"] == []  # no "ok -> absent" rows
    assert gate["base_metrics"]["coverage"] == json.loads(out)["metrics"]["coverage"]


def test_judge_cases_missing_is_one_line_naming_the_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("eval", HARBOR, "--judge", "llm", "-m", "gpt-4o-mini")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("llmbrief: error: evals/verifier_dev.jsonl: no such file: ")
    assert "--judge-cases FILE" in err


def test_judge_replies_are_recorded_and_replayed_offline(
    chat_server: ChatServer, judge_cases: str, tmp_path: Path
) -> None:
    rec = tmp_path / "rec"
    # calibration (4), then harbor's draft, then the judge on its one undecided claim
    chat_server.script(ok("Yes"), ok("Yes"), ok("No"), ok("No"))
    chat_server.script(ok(json.dumps(GOOD["harbor-bank-results"][0])), ok("No"))
    judge = [
        "--judge", "llm", "--judge-model", "bespoke-minicheck", "--judge-cases", judge_cases,
        "--judge-base-url", chat_server.url,
    ]  # fmt: skip
    code, live, err = run(
        "eval", HARBOR, "--record", str(rec), "-m", "scripted", "--base-url", chat_server.url,
        *judge, "-f", "json",
    )  # fmt: skip
    assert code == 0, err
    assert len(chat_server.requests) == 6
    assert "recorded into" in err
    assert len(list(rec.glob("judge/bespoke-minicheck/*/replies.json"))) == 1
    assert recorded_variants(rec) == [("scripted", json.loads(live)["drafter"]["prompt"])]
    # offline: no endpoint at all (a --judge-base-url would ask a live judge)
    judge = judge[:-2]
    code, replayed, err = run(
        "eval", HARBOR, "--replay", str(rec), "-m", "scripted", *judge, "-f", "json"
    )
    assert code == 0, err
    assert len(chat_server.requests) == 6
    assert "llmbrief: judging with bespoke-minicheck replayed from" in err
    (a,), (b,) = json.loads(live)["runs"].values(), json.loads(replayed)["runs"].values()
    assert a["metrics"] == b["metrics"] and a["metrics"]["faithfulness"] < 1.0
    assert a["judge"]["calibration"] == b["judge"]["calibration"]
    assert b["judge"]["briefs"]["overturned"] == 1
    # nothing recorded for this judge: one line, never a pass
    code, out, err = run(
        "eval", HARBOR, "--replay", str(rec), "-m", "scripted", *judge, "--judge-model",
        "other-minicheck",
    )  # fmt: skip
    assert code == 1 and out == "" and err.count("\n") == 3, err  # two replay lines, the error
    assert "judge other-minicheck (verify_judge_minicheck@" in err
    assert "record the judge: eval --record DIR --judge llm" in err


def test_html_report_cluster_rows_say_passed_only_for_passing_briefs() -> None:
    code, page, _ = run("eval", "--replay", RECORDINGS, "-f", "html")
    assert code == 0
    assert '<th class="l">brief</th>' in page and '<th class="l">status</th>' not in page
    assert '<td class="l ">passed</td>' in page
    assert '<td class="l st-bad">failed</td>' in page  # the terse prompt has failing briefs
    assert ">ok</td>" not in page
    # metrics: each cell names its metric, so a phone shows a card per variant, no scrolling
    assert '<table class="metrics">' in page and 'data-label="faithfulness"' in page


def test_live_drafts_keep_to_the_context_window_given(chat_server: ChatServer) -> None:
    metro = str(CLUSTERS / "metro-line-four.json")
    chat_server.default = ok(json.dumps(GOOD["metro-line-four"][0]))
    argv = ["eval", metro, "-m", "scripted", "--base-url", chat_server.url, "--no-cache"]
    code, _, err = run(*argv, "--context-window", "3000")
    assert code in (0, 1), err
    enc = get_encoding("o200k_base")
    sent = [count_messages(r["body"]["messages"], enc) for r in chat_server.requests]
    assert sent and max(sent) <= 3000 - 1000  # room for the reply
    # the default window of an unknown model lets far more of the 64 articles through
    code, _, err = run(*argv)
    assert count_messages(chat_server.requests[-1]["body"]["messages"], enc) > 3000, err
