from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from llmbrief.cli import main

from .chat_server import ChatServer, error, ok
from .test_judge import A1, A2, BRIEF

# The fictional Marlow cluster of test_judge: claim 1 fails on coverage alone, claim 2 passes
# with words its evidence lacks, claim 3 is a source sentence, claim 4 has a wrong figure.


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    cluster = {
        "cluster_id": "marlow",
        "articles": [
            {"id": "a1", "title": "Marlow budget", "text": A1},
            {"id": "a2", "title": "Harbour reopens", "text": A2},
        ],
    }
    c = tmp_path / "marlow.json"
    c.write_text(json.dumps(cluster), encoding="utf-8")
    b = tmp_path / "brief.txt"
    b.write_text(BRIEF + "\n", encoding="utf-8")
    return str(c), str(b)


def verdicts(stdout: str) -> list[str]:
    return [c["verdict"] for c in json.loads(stdout)["claims"]]


def test_judge_llm_minicheck_reports_on_stderr_and_in_checks(
    chat_server: ChatServer, files: tuple[str, str]
) -> None:
    chat_server.script(ok("Yes"), ok("No"))
    code, out, err = run(
        "verify", *files, "-f", "json", "--judge", "llm", "--judge-model", "bespoke-minicheck",
        "--judge-base-url", chat_server.url, "--no-cache",
    )  # fmt: skip
    assert code == 1  # claim 2 now fails, and claim 4 still does
    assert err == (
        f"judge: 2 claims sent to bespoke-minicheck at {chat_server.url}: "
        "2 overturned, 0 upheld, 0 errors\n"
    )
    assert verdicts(out) == ["supported", "unsupported", "supported", "unsupported"]
    claims: list[dict[str, Any]] = json.loads(out)["claims"]
    assert claims[0]["checks"][-1] == {
        "name": "llm_judge",
        "fired": False,
        "detail": "bespoke-minicheck: Yes",
        "spans": [],
    }
    assert claims[1]["checks"][-1]["fired"] is True
    assert len(chat_server.requests) == 2
    assert all(
        "messages" in r["body"] and r["body"]["temperature"] == 0 for r in chat_server.requests
    )


def test_judge_model_falls_back_to_model_and_base_url(
    chat_server: ChatServer, files: tuple[str, str]
) -> None:
    chat_server.script(ok("Yes"), ok("Yes"))
    code, _, err = run(
        "verify", *files, "--judge", "llm", "--model", "bespoke-minicheck",
        "--base-url", chat_server.url, "--no-cache",
    )  # fmt: skip
    assert code == 1  # the wrong figure of claim 4 is decided without the judge
    assert err.startswith(f"judge: 2 claims sent to bespoke-minicheck at {chat_server.url}: ")
    assert err.endswith(": 1 overturned, 1 upheld, 0 errors\n")


def test_judge_error_leaves_verdicts_and_is_counted(
    chat_server: ChatServer, files: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLMBRIEF_MAX_ATTEMPTS", "2")
    fast = {"retry-after-ms": "1"}
    chat_server.script(error(500, headers=fast), error(500, headers=fast))
    _, lexical, _ = run("verify", *files, "-f", "json")
    code, out, err = run(
        "verify", *files, "-f", "json", "--judge", "llm", "--judge-model", "bespoke-minicheck",
        "--judge-base-url", chat_server.url, "--no-cache",
    )  # fmt: skip
    assert code == 1
    assert verdicts(out) == verdicts(lexical)
    assert err == (
        f"judge: 2 claims sent to bespoke-minicheck at {chat_server.url}: "
        "0 overturned, 0 upheld, 2 errors\n"
    )
    first = json.loads(out)["claims"][0]
    assert first["checks"][-1]["detail"].startswith("error: bespoke-minicheck at ")
    assert any(n.startswith("llm judge error: ") for n in first["notes"])


def test_judge_budget_caps_requests_at_the_server(
    chat_server: ChatServer, files: tuple[str, str]
) -> None:
    chat_server.script(ok("Yes"))
    code, _, err = run(
        "verify", *files, "--judge", "llm", "--judge-model", "bespoke-minicheck",
        "--judge-base-url", chat_server.url, "--judge-budget", "1", "--no-cache",
    )  # fmt: skip
    assert code == 1
    assert len(chat_server.requests) == 1
    assert err.endswith(
        "1 overturned, 0 upheld, 0 errors; 1 more undecided over --judge-budget 1\n"
    )


def test_judge_style_chat_for_a_minicheck_named_model(
    chat_server: ChatServer, files: tuple[str, str]
) -> None:
    reply = {"verdicts": [{"claim": 1, "supported": True, "explanation": "said"}]}
    chat_server.script(ok(json.dumps(reply)))
    run(
        "verify", *files, "--judge", "llm", "--judge-model", "bespoke-minicheck",
        "--judge-base-url", chat_server.url, "--judge-style", "chat", "--no-cache",
    )  # fmt: skip
    body = chat_server.requests[0]["body"]
    assert len(chat_server.requests) == 1 and body["messages"][0]["role"] == "system"


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--judge-model", "m"], "--judge-model needs --judge llm"),
        (["--judge-budget", "3"], "--judge-budget needs --judge llm"),
        (["--judge-budget", "-1"], "--judge-budget: must be 0 or more"),
        (["--min-support", "1.5"], "--min-support: must be a number from 0 to 1"),
        (["--min-support", "high"], "--min-support: must be a number from 0 to 1"),
        (["--judge-style", "vibes"], "--judge-style"),
    ],
)
def test_bad_judge_and_strictness_flags_are_usage_errors(
    files: tuple[str, str], flags: list[str], message: str
) -> None:
    code, out, err = run("verify", *files, *flags)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_min_support_fails_supported_claims_below_it(files: tuple[str, str]) -> None:
    code, out, _ = run("verify", *files, "-f", "json", "--min-support", "0.6")
    assert code == 1
    claims = json.loads(out)["claims"]
    # claim 2 covers 57% of its words: the verifier itself fails it at this strictness
    assert claims[1]["verdict"] == "unsupported"
    assert claims[1]["reasons"] == [
        "only 57% of the claim's content found in the cited text "
        "(missing: chief, dismissed, police)"
    ]
    assert claims[2]["verdict"] == "supported"
    # the strictness works both ways: at 0 the paraphrase of claim 1 passes too, while the
    # wrong figure of claim 4 (a hard check) fails whatever the strictness
    _, loose, _ = run("verify", *files, "-f", "json", "--min-support", "0")
    assert verdicts(loose) == ["supported", "supported", "supported", "unsupported"]


def test_a_claim_failed_by_the_strictness_goes_to_the_judge(
    chat_server: ChatServer, files: tuple[str, str]
) -> None:
    # the judge's soft reasons must match how the verifier words a failure on strictness
    chat_server.script(ok("Yes"), ok("Yes"))
    code, out, err = run(
        "verify", *files, "-f", "json", "--min-support", "0.6", "--judge", "llm",
        "--judge-model", "bespoke-minicheck", "--judge-base-url", chat_server.url, "--no-cache",
    )  # fmt: skip
    assert code == 1  # claim 4's wrong figure is decided without the judge
    assert len(chat_server.requests) == 2
    assert "2 overturned" in err
    assert verdicts(out) == ["supported", "supported", "supported", "unsupported"]


def test_out_extension_picks_the_format_unless_format_says(
    files: tuple[str, str], tmp_path: Path
) -> None:
    as_json, as_md, forced = tmp_path / "r.json", tmp_path / "r.md", tmp_path / "forced.json"
    code, out, _ = run("verify", *files, "-o", str(as_json))
    assert code == 1 and out == ""
    assert verdicts(as_json.read_text(encoding="utf-8"))[3] == "unsupported"
    run("verify", *files, "--out", str(as_md))
    md = as_md.read_text(encoding="utf-8")
    assert md.startswith(f"### Verification of `{files[1]}`\n\n**2 of 4 claims failed: ")
    assert "| 4 | unsupported | The council approved a budget of 50 million dollars" in md
    assert "\\[a1\\]" in md  # markers escaped: no link syntax in a PR comment
    run("verify", *files, "-f", "text", "-o", str(forced))
    last = forced.read_text(encoding="utf-8").splitlines()[-1]
    assert last.startswith("2 of 4 claims failed: ") and last.endswith(" (score 0.50)")


def test_stdin_for_both_cluster_and_brief_is_refused(
    files: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run("verify", "-", "-")
    assert code == 2 and out == ""
    assert err == (
        "llmbrief verify: CLUSTER and BRIEF cannot both be '-': standard input is read once\n"
    )
    # one of them from standard input is fine
    monkeypatch.setattr("sys.stdin", io.StringIO(Path(files[0]).read_text(encoding="utf-8")))
    code, out, _ = run("verify", "-", files[1], "-f", "json")
    assert code == 1 and len(verdicts(out)) == 4


def test_out_extension_of_a_form_verify_lacks_is_refused(
    files: tuple[str, str], tmp_path: Path
) -> None:
    page = tmp_path / "report.html"
    code, out, err = run("verify", *files, "-o", str(page))
    assert code == 2 and out == "" and not page.exists()
    assert err == (
        f"llmbrief: error: {page}: there is no html form here; -f text|json|markdown says which "
        "to write\n"
    )
    code, _, _ = run("verify", *files, "-o", str(page), "-f", "markdown")
    assert code == 1 and page.read_text(encoding="utf-8").startswith("### Verification")


@pytest.mark.parametrize("flag", [["-m", "gpt-4o-mini"], ["--base-url", "http://x/v1"]])
def test_model_options_without_judge_llm_are_refused(
    files: tuple[str, str], flag: list[str]
) -> None:
    code, out, err = run("verify", *files, *flag)
    assert code == 2 and out == ""
    assert "needs --judge llm" in err and err.count("\n") == 1


def test_model_in_the_environment_is_not_used_without_judge_llm(
    chat_server: ChatServer, files: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLMBRIEF_MODEL", "bespoke-minicheck")
    monkeypatch.setenv("OPENAI_BASE_URL", chat_server.url)
    code, _, err = run("verify", *files)
    assert code == 1 and err == "" and chat_server.requests == []


def test_judge_with_nothing_undecided_still_names_the_model(
    chat_server: ChatServer, tmp_path: Path, files: tuple[str, str]
) -> None:
    brief = tmp_path / "clean.txt"
    brief.write_text("The plan pays for three new bridges over the river Wend [a1].\n")
    code, _, err = run(
        "verify", files[0], str(brief), "--judge", "llm", "--judge-model", "gpt-4o-mini",
        "--judge-base-url", chat_server.url,
    )  # fmt: skip
    assert code == 0 and chat_server.requests == []
    assert err == (
        f"judge: 0 claims sent to gpt-4o-mini at {chat_server.url}: "
        "0 overturned, 0 upheld, 0 errors\n"
    )


def test_judge_llm_without_a_model_is_a_usage_error(files: tuple[str, str]) -> None:
    code, out, err = run("verify", *files, "--judge", "llm")
    assert code == 2 and out == ""
    assert err.startswith("llmbrief: error: --judge llm needs a model: --judge-model")
    assert err.count("\n") == 1
