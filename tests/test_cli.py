from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from llmbrief import __version__
from llmbrief.cli import main
from llmbrief.tokens import count_messages, get_encoding

from .chat_server import ChatServer, error, ok
from .conftest import ROOT, SEEDS, article

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


# -- a failing brief, drafted through the real openai client against the loopback server --------

BAD = {
    "title": "China Pours Billions Into Chips",
    "sentences": [
        {  # a wrong figure
            "text": "Shanghai's Pudong district launched a $12 billion investment plan this week.",
            "citations": ["43531"],
        },
        {  # an id that is not in the cluster
            "text": "At least 22 provincial-level governments in China have published economic "
            "plans prioritizing semiconductors and AI.",
            "citations": ["99999"],
        },
        {  # the wrong article cited
            "text": "Shanghai's Pudong district launched a $10 billion investment plan this week.",
            "citations": ["58831"],
        },
        {  # a flipped negation
            "text": "Japanese makers of chipmaking equipment did not sell machines to China "
            "last year.",
            "citations": ["39024"],
        },
        {
            "text": "Zhejiang province's target of making 3-nanometer AI chips within five years "
            "has divided industry analysts.",
            "citations": ["58831"],
        },
        {
            "text": "A leading Chinese chipmaker has improved yields on its most advanced "
            "manufacturing process.",
            "citations": ["35518"],
        },
        {
            "text": "Chinese cities are building public computing centres for artificial "
            "intelligence at a record pace.",
            "citations": ["44617"],
        },
    ],
}
BAD_SUMMARY = "4 of 7 claims failed: 2 unsupported, 1 misattributed, 1 unknown_id"


@pytest.fixture
def bad_model(chat_server: ChatServer) -> list[str]:
    """Options that draft with a model whose every reply is the BAD brief."""
    chat_server.default = ok(json.dumps(BAD))
    return ["-m", "gpt-4o-mini", "--base-url", chat_server.url, "--no-cache"]


def test_text_brief_stays_clean_and_the_failing_claims_go_to_stderr(bad_model: list[str]) -> None:
    code, out, err = run("summarize", str(CHIPS), *bad_model)
    assert code == 0
    assert out.startswith("China Pours Billions Into Chips\n\n") and "claim" not in out
    lines = err.splitlines()
    assert lines[-1] == BAD_SUMMARY
    assert any(
        ln.startswith('claim 1: unsupported: number "$12 billion" not found in [43531]')
        for ln in lines
    )
    assert any(ln.startswith("claim 2: unknown_id: not an article") for ln in lines)
    claim3 = next(ln for ln in lines if ln.startswith("claim 3: misattributed: "))
    assert re.search(r" \(support \d\.\d\d; \d more reasons?\)$", claim3), claim3
    assert "(and " not in err
    assert any(ln.startswith("claim 4: unsupported: ") and "negat" in ln for ln in lines)
    assert "    suggested: [19492]" in lines and "    suggested: [43531]" in lines
    assert not any(ln.startswith(("claim 5", "claim 6", "claim 7")) for ln in lines)
    code, _, _ = run("summarize", str(CHIPS), *bad_model, "--strict")
    assert code == 1


def test_one_claim_is_singular(chat_server: ChatServer) -> None:
    chat_server.default = ok(json.dumps({"title": "T", "sentences": BAD["sentences"][:1]}))
    options = ["-m", "m", "--base-url", chat_server.url, "--no-cache"]
    code, _, err = run("summarize", str(CHIPS), *options)
    assert err.splitlines()[-1] == "1 of 1 claim failed: 1 unsupported"
    good = {"title": "T", "sentences": BAD["sentences"][4:5]}
    chat_server.default = ok(json.dumps(good))
    code, _, err = run("summarize", str(CHIPS), *options)
    assert code == 0 and err.splitlines()[-1] == "the 1 claim is supported"


def test_markdown_marks_failing_sentences_with_footnotes(bad_model: list[str]) -> None:
    code, md, err = run("summarize", str(CHIPS), *bad_model, "-f", "markdown")
    assert code == 0 and err.splitlines()[-1] == BAD_SUMMARY
    assert f"> ⚠ **{BAD_SUMMARY}.**" in md
    assert "⚠ *Shanghai's Pudong district launched a $12 billion investment plan this week*" in md
    assert md.split("\n\n")[2].count("⚠ *") == 4  # failing sentences only
    assert '[^1]: **Claim 1, unsupported**: number "$12 billion" not found in \\[43531\\]' in md
    assert "[^2]: **Claim 2, unknown_id**" in md and "Suggested: 19492." in md
    assert "\\[99999\\][^2]" in md  # the unknown id is not a link
    assert "(https://news.example.org/example-wire/43531)[^1]." in md


def test_html_is_one_page_coloured_by_verdict(bad_model: list[str], tmp_path: Path) -> None:
    page_path = tmp_path / "brief.html"
    code, out, err = run("summarize", str(CHIPS), *bad_model, "-o", str(page_path))
    assert code == 0 and out == "" and err.splitlines()[-1] == BAD_SUMMARY
    page = page_path.read_text()
    assert page.startswith("<!doctype html>")
    # self-contained: no external stylesheet, script or image
    assert "<link" not in page and "src=" not in page and "@import" not in page
    # the counts and a legend at the top, before the brief
    top = page.index('class="verdicts fail"')
    assert top < page.index("<h1>")
    assert "⚠ 4 of 7 claims failed: 2 unsupported, 1 misattributed, 1 unknown_id." in page
    for label in ("supported (3)", "unsupported (2)", "misattributed (1)", "unknown_id (1)"):
        assert label in page
    # each sentence coloured by its verdict, with its reasons, evidence and suggested ids
    for n, verdict in enumerate(
        ["unsupported", "unknown_id", "misattributed", "unsupported", "supported"], 1
    ):
        assert f'class="claim v-{verdict}" id="claim-{n}"' in page
    detail = page.split('<div id="detail-3" hidden>')[1].split("</div>")[0]
    # reasons show the claim's words, never their stems
    assert "(missing: launched, investment, Pudong, district)" in detail
    assert "Claim 3: misattributed" in detail and "Suggested ids: [43531]" in detail
    assert "Evidence in [43531]" in detail and "$10 billion investment plan" in detail
    # the unknown id is shown broken, never as a dead link
    assert '<span class="cite broken" title="not an article of this cluster">[99999]' in page
    assert "#a-99999" not in page and 'href="#a-' not in page.replace('href="#a-58831"', "")


def test_json_carries_every_verdict(bad_model: list[str]) -> None:
    code, out, _ = run("summarize", str(CHIPS), *bad_model, "--format", "json")
    assert code == 0
    claims = json.loads(out)["verification"]["claims"]
    assert [c["index"] for c in claims] == list(range(7))  # JSON index stays 0-based
    assert [c["verdict"] for c in claims][:4] == [
        "unsupported",
        "unknown_id",
        "misattributed",
        "unsupported",
    ]
    assert claims[1]["unknown_ids"] == ["99999"] and claims[2]["suggested_ids"] == ["43531"]


# -- repair made honest -------------------------------------------------------------------------


def test_repair_drop_that_leaves_nothing_exits_1_with_one_line(chat_server: ChatServer) -> None:
    chat_server.default = ok(json.dumps({"title": "T", "sentences": BAD["sentences"][:4]}))
    code, out, err = run(
        "summarize", str(CHIPS), "-m", "m", "--base-url", chat_server.url, "--repair", "drop"
    )
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "llmbrief: --repair drop dropped every sentence of the brief (4 failed verification; "
        f"drafted with m at {chat_server.url}); nothing written"
    ]


def test_repair_retarget_re_cites_and_never_deletes(bad_model: list[str]) -> None:
    code, out, err = run("summarize", str(CHIPS), *bad_model, "--repair", "retarget")
    assert code == 0
    for s in BAD["sentences"]:  # every sentence is still there
        assert s["text"].rstrip(".") in out
    assert "plan this week [43531]. " in out.replace("$10 billion investment", "")  # re-cited
    assert "[99999]" not in out and "semiconductors and AI [19492]." in out
    assert "repair: sentence 3 of the draft (misattributed): cited [43531] for [58831]" in err
    assert "repair: sentence 2 of the draft (unknown_id): cited [19492] for [99999]" in err
    assert (
        "repair: sentence 1 of the draft (unsupported): kept as written, nothing to re-cite it "
        "to (no article of the cluster supports it)" in err
    )
    assert err.splitlines()[-1] == "2 of 7 claims failed: 2 unsupported"


def test_regenerate_that_never_fixes_says_so(bad_model: list[str], chat_server: ChatServer) -> None:
    argv = ["summarize", str(CHIPS), *bad_model, "--repair", "regenerate", "--rounds", "2"]
    code, _, err = run(*argv, "--strict")
    assert code == 1 and len(chat_server.requests) == 3
    assert (
        "repair: regenerate: 2 rounds did not fix the brief: 4 of 7 claims still fail (4 before)"
        in err
    )


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_repair_actions_are_in_every_format(bad_model: list[str], fmt: str) -> None:
    code, out, err = run("summarize", str(CHIPS), *bad_model, "--repair", "retarget", "-f", fmt)
    action = "sentence 3 of the draft (misattributed): cited [43531] for [58831]"
    assert code == 0
    assert f"llmbrief: repair: {action}" in err
    if fmt == "json":
        assert action in json.loads(out)["repair"]
    elif fmt == "markdown":
        assert "## Repair" in out and action.replace("[", "\\[").replace("]", "\\]") in out
    else:
        assert '<section class="repair"><h2>Repair</h2>' in out and action in out


# -- defaults that never surprise ---------------------------------------------------------------


def test_openai_environment_never_turns_a_model_on(
    chat_server: ChatServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-the-environment")
    monkeypatch.setenv("OPENAI_BASE_URL", chat_server.url)
    code, out, err = run("summarize", str(CHIPS))  # the README's command
    assert code == 0 and out.rstrip().endswith("15 articles in this cluster")
    assert chat_server.requests == []
    assert "drafted with" not in err
    code, out, _ = run("summarize", str(CHIPS), "--format", "json")
    assert json.loads(out)["model"] == "extractive" and chat_server.requests == []


def test_readme_command_in_a_process_makes_no_request(chat_server: ChatServer) -> None:
    env = {
        **os.environ,
        "OPENAI_API_KEY": "sk-from-the-environment",
        "OPENAI_BASE_URL": chat_server.url,
        "PYTHONPATH": str(ROOT),
    }
    env.pop("LLMBRIEF_MODEL", None)
    res = subprocess.run(
        [sys.executable, "-m", "llmbrief", "summarize", "seeds/china-chips.json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    assert chat_server.requests == []


def test_llmbrief_model_turns_a_model_on_and_the_run_names_it(
    chat_server: ChatServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat_server.default = ok(json.dumps(BAD))
    monkeypatch.setenv("OPENAI_BASE_URL", chat_server.url)
    monkeypatch.setenv("LLMBRIEF_MODEL", "llama3.1")
    code, _, err = run("summarize", str(CHIPS), "--no-cache")
    assert code == 0 and len(chat_server.requests) == 1
    assert chat_server.requests[0]["body"]["model"] == "llama3.1"
    assert f"llmbrief: drafted with llama3.1 at {chat_server.url}: 1 call" in err


# -- the token budget is a hard cap on the whole request ---------------------------------------


def _sent_tokens(server: ChatServer) -> list[int]:
    enc = get_encoding("o200k_base")
    return [count_messages(r["body"]["messages"], enc) for r in server.requests]


def test_max_input_tokens_too_small_for_the_prompt_sends_nothing(chat_server: ChatServer) -> None:
    code, out, err = run(
        "summarize", str(CHIPS), "-m", "gpt-4o-mini", "--base-url", chat_server.url,
        "--max-input-tokens", "100",
    )  # fmt: skip
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "the prompt alone takes" in err and "100" in err
    assert chat_server.requests == []


def test_budget_caps_the_request_and_drops_the_least_central(
    chat_server: ChatServer, write_json
) -> None:
    base = json.loads(CHIPS.read_text())["articles"]
    articles = [
        {**a, "id": f"{a['id']}-{k}", "text": f"Report number {k} of the day. {a['text']}"}
        for k in range(10)
        for a in base
    ]
    big = write_json({"cluster_id": "big", "articles": articles}, "big.json")
    chat_server.default = ok(json.dumps(BAD))
    common = ["-m", "gpt-4o-mini", "--base-url", chat_server.url, "--no-cache"]
    code, _, err = run("summarize", str(big), *common, "--max-input-tokens", "1500")
    assert code == 0
    assert len(_sent_tokens(chat_server)) == 1 and _sent_tokens(chat_server)[0] <= 1500
    line = next(ln for ln in err.splitlines() if ln.startswith("llmbrief: token budget"))
    assert "token budget 1,500 per request (gpt-4o-mini, context window 128,000)" in line
    assert "articles (the least central)" in line
    # with regenerate, every request (the findings included) stays within the cap
    code, _, err = run(
        "summarize", str(big), *common, "--max-input-tokens", "1500", "--repair", "regenerate",
        "--rounds", "2",
    )  # fmt: skip
    sent = _sent_tokens(chat_server)
    assert len(sent) == 4 and max(sent) <= 1500


def test_unknown_model_gets_the_default_window_or_context_window(chat_server: ChatServer) -> None:
    chat_server.default = ok(json.dumps(BAD))
    common = ["-m", "llama3.1", "--base-url", chat_server.url, "--no-cache"]
    code, _, err = run("summarize", str(CHIPS), *common, "--context-window", "2500")
    assert code == 0 and _sent_tokens(chat_server)[0] <= 2500 - 1000  # room for the reply
    assert "context window 2,500, counted with o200k_base as a proxy" in err
    code, out, err = run("summarize", str(CHIPS), *common, "-f", "json")
    budget = json.loads(out)["budget"]
    assert budget["context_window"] == 8192 and budget["request_tokens"] <= 8192 - 1000
    assert _sent_tokens(chat_server)[1] == budget["request_tokens"]


# -- our own markdown and html read back by verify ---------------------------------------------


@pytest.mark.parametrize("suffix", [".md", ".html", ".json", ".txt"])
def test_verify_reads_our_own_outputs_back(
    bad_model: list[str], tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"brief{suffix}"
    assert run("summarize", str(CHIPS), *bad_model, "-o", str(path))[0] == 0
    code, out, _ = run("verify", str(CHIPS), str(path), "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert [c["verdict"] for c in report["claims"]] == [
        "unsupported",
        "unknown_id",
        "misattributed",
        "unsupported",
        "supported",
        "supported",
        "supported",
    ]
    assert report["claims"][0]["text"] == (
        "Shanghai's Pudong district launched a $12 billion investment plan this week [43531]."
    )


def test_verify_refuses_html_it_did_not_write(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><body><p>China launched a plan [43531].</p></body></html>"
    )
    code, _, err = run("verify", str(CHIPS), str(page))
    assert code == 2 and err.count("\n") == 1
    assert str(page) in err and "HTML page llmbrief did not write" in err


# -- conventions --------------------------------------------------------------------------------


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(CHIPS.read_text()))
    code, out, _ = run("summarize", "-", "-f", "json")
    assert code == 0 and json.loads(out)["article_count"] == 15
    jsonl = "\n".join(json.dumps(a) for a in json.loads(CHIPS.read_text())["articles"])
    monkeypatch.setattr("sys.stdin", io.StringIO(jsonl))
    code, out, _ = run("summarize", "-", "-f", "json")
    assert code == 0 and json.loads(out)["article_count"] == 15
    monkeypatch.setattr("sys.stdin", io.StringIO(SEED_BRIEF.read_text()))
    code, out, _ = run("verify", str(CHIPS), "-", "--format", "json")
    assert code == 1 and len(json.loads(out)["claims"]) == 12
    monkeypatch.setattr("sys.stdin", io.StringIO("{"))
    code, _, err = run("summarize", "-")
    assert code == 2 and err.startswith("llmbrief: error: <stdin>: invalid JSON")


@pytest.mark.parametrize(
    ("argv", "starts"),
    [
        (["-o", "b.html"], "<!doctype html>"),
        (["--out", "b.md"], "# "),
        (["-o", "b.json"], "{"),
        (["-o", "b.html", "-f", "json"], "{"),
        (["-o", "b.txt", "--format", "markdown"], "# "),
        (["-o", "b.brief", "-f", "text"], "China"),
    ],
)
def test_out_extension_picks_the_format(tmp_path: Path, argv: list[str], starts: str) -> None:
    argv = [str(tmp_path / a) if a.startswith("b.") else a for a in argv]
    code, out, _ = run("summarize", str(CHIPS), "-m", "extractive", *argv)
    assert code == 0 and out == ""
    target = next(Path(a) for a in argv if a.startswith(str(tmp_path)))
    assert target.read_text().startswith(starts)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--no-verify", "--strict"], "--strict needs verification"),
        (["--no-verify", "--repair", "drop"], "--repair drop works from the verification"),
        (["--rounds", "3"], "--rounds applies to --repair regenerate only"),
        (["-m", "gpt-4o-mini", "--base-url", "notaurl"], "--base-url 'notaurl' is not a URL"),
        (["-m", "gpt-4o-mini", "--base-url", "ftp://x/v1"], "is not a URL"),
    ],
)
def test_conflicting_or_bad_flags_are_usage_errors(argv: list[str], says: str) -> None:
    code, out, err = run("summarize", str(CHIPS), *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and says in err


def test_bad_base_url_in_the_environment_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "localhost:11434")
    code, _, err = run("summarize", str(CHIPS), "-m", "llama3.1")
    assert code == 2 and "OPENAI_BASE_URL 'localhost:11434' is not a URL" in err
    assert run("summarize", str(CHIPS))[0] == 0  # no model asked: the variable is not read


def test_bad_prices_are_refused_before_any_call(
    chat_server: ChatServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat_server.default = ok(json.dumps(BAD))
    common = ["summarize", str(CHIPS), "-m", "m", "--base-url", chat_server.url, "--no-cache"]
    for bad in ('{"m": [1]}', "[1, 2]", '{"m": ["a", 1]}', "{nope", '{"m": [-1, 2]}'):
        monkeypatch.setenv("LLMBRIEF_PRICES", bad)
        code, _, err = run(*common)
        assert code == 2 and err.count("\n") == 1 and "LLMBRIEF_PRICES must be JSON" in err
    assert chat_server.requests == []
    monkeypatch.setenv("LLMBRIEF_PRICES", '{"m": [1.0, 2.0]}')
    code, out, err = run(*common, "-f", "json")
    assert code == 0 and json.loads(out)["usage"]["cost_usd"] == pytest.approx(0.0002)


def test_401_names_openai_api_key_only_for_openai(chat_server: ChatServer) -> None:
    from llmbrief import resolve_model

    chat_server.script(error(401))
    code, _, err = run("summarize", str(CHIPS), "-m", "m", "--base-url", chat_server.url)
    assert code == 1 and "HTTP 401" in err and "OPENAI_API_KEY" not in err
    assert resolve_model("gpt-4o-mini", api_key="k").is_openai
    assert not resolve_model("m", chat_server.url).is_openai


def test_short_flags_on_summarize() -> None:
    code, out, _ = run("summarize", str(CHIPS), "-m", "extractive", "-f", "json")
    assert code == 0 and json.loads(out)["model"] == "extractive"


def test_one_summary_line_in_every_human_output(bad_model: list[str], tmp_path: Path) -> None:
    """summarize's stderr, verify's last line and verify's markdown say the same thing."""
    brief = tmp_path / "bad.json"
    code, _, err = run("summarize", str(CHIPS), *bad_model, "-o", str(brief))
    assert code == 0 and err.splitlines()[-1] == BAD_SUMMARY
    code, text, _ = run("verify", str(CHIPS), str(brief))
    assert code == 1
    assert re.fullmatch(re.escape(BAD_SUMMARY) + r" \(score \d\.\d\d\)", text.splitlines()[-1])
    code, md, _ = run("verify", str(CHIPS), str(brief), "-f", "markdown")
    assert f"**{BAD_SUMMARY} (score " in md
    page = tmp_path / "bad.html"
    run("summarize", str(CHIPS), *bad_model, "-o", str(page))
    assert BAD_SUMMARY in page.read_text() and "unknown id" not in page.read_text()
    good = tmp_path / "good.json"
    code, _, err = run("summarize", str(CHIPS), "-o", str(good))
    passing = err.splitlines()[-1]
    assert passing.startswith("all ") and passing.endswith(" claims supported")
    code, text, _ = run("verify", str(CHIPS), str(good))
    assert code == 0 and text.splitlines()[-1] == passing + " (score 1.00)"
