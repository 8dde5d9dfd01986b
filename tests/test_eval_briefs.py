"""``eval verifier`` on a folder of hand-made briefs with expected verdicts (FORMATS section 7)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from llmbrief.cli import main
from llmbrief.evals.briefs import evaluate_briefs, load_brief_set

from .conftest import ROOT

MUSEUM = ROOT / "evals" / "clusters" / "museum-theft.json"
# Three sentences a careful reader judges: supported, misattributed (mt-3 reports the find),
# and one with no citation.
BRIEF = (
    "Crown Stolen in Lorne\n\n"
    "Two masked men broke a window at about 3 a.m. and smashed the display case [mt-1]. "
    "The crown was found undamaged in an abandoned van outside the city [mt-2]. "
    "It was a daring raid.\n"
)
EXPECTED = {
    "cluster": str(MUSEUM),
    "verdicts": ["supported", "misattributed", "uncited"],
    "suggested": {"1": ["mt-3"]},
    "why": {"1": "the find is in mt-3"},
}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def write_brief(folder: Path, name: str, text: str, expected: dict[str, object]) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(text)
    (folder / f"{name}.expected.json").write_text(json.dumps(expected))
    return folder


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    return write_brief(tmp_path / "mine", "museum", BRIEF, EXPECTED)


def test_a_folder_of_briefs_is_a_brief_set(briefs: Path) -> None:
    code, out, err = run("eval", "verifier", str(briefs), "--format", "json")
    assert code == 0, err
    block = json.loads(out)["briefs"]["mine"]
    assert block["kind"] == "briefs" and block["briefs"] == 1 and block["n"] == 3
    assert block["exact"] == 3 and block["exact_rate"] == 1.0
    assert block["supported"] == 1 and block["supported_flagged"] == 0
    assert block["found"]["misattributed"] == {"expected": 1, "found": 1}
    assert block["found"]["uncited"] == {"expected": 1, "found": 1}
    assert block["suggested_right"] == 1
    assert block["confusion"]["misattributed"]["misattributed"] == 1
    assert block["by_brief"] == {
        "museum": {"n": 3, "exact": 3, "supported": 1, "supported_flagged": 0}
    }


def test_text_report_and_errors_name_the_brief_and_sentence(briefs: Path) -> None:
    wrong = dict(EXPECTED, verdicts=["supported", "supported", "uncited"])
    write_brief(briefs, "museum", BRIEF, wrong)
    code, out, _ = run("eval", "verifier", str(briefs), "--errors")
    assert code == 0
    assert "exact verdicts (5 classes)   2 of 3: 66.7%" in out
    assert "supported sentences flagged  1 of 2: 50.0% (target: at most 1 in 20)" in out
    # claims are numbered from 1 in human output
    assert "museum #2: expected supported, got misattributed" in out
    assert "The crown was found undamaged" in out


def test_a_wrong_suggestion_is_listed_though_the_verdict_is_right(briefs: Path) -> None:
    write_brief(briefs, "museum", BRIEF, dict(EXPECTED, suggested={"1": ["mt-1"]}))
    result = evaluate_briefs(load_brief_set(briefs))
    assert result.exact == 3 and result.suggested_right == 0
    assert [e["index"] for e in result.errors] == [1] and result.errors[0]["suggestion_missed"]


def test_brief_sets_go_beside_claim_sets_and_through_the_gate(briefs: Path, tmp_path: Path) -> None:
    cases = tmp_path / "claims.jsonl"
    cases.write_text(
        json.dumps(
            {
                "id": "c1",
                "claim": "Police hunt two men.",
                "sources": [{"id": "s1", "text": "Police hunt two men."}],
                "label": "supported",
            }
        )
        + "\n"
    )
    code, out, _ = run("eval", "verifier", str(cases), str(briefs), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["n"] == 1 and data["briefs"]["mine"]["exact_rate"] == 1.0
    base = tmp_path / "base.json"
    base.write_text(json.dumps({"briefs": {"mine": {"exact_rate": 1.0}}}))
    assert run("eval", "verifier", str(briefs), "--baseline", str(base))[0] == 0
    # a fall of more than a point fails the gate, named by its measure
    write_brief(briefs, "museum", BRIEF, dict(EXPECTED, verdicts=["supported"] * 3))
    code, out, err = run("eval", "verifier", str(briefs), "--baseline", str(base))
    assert code == 1
    assert "regression: exact-verdict rate on mine fell from 1.0000 to 0.3333" in err
    # a baseline of claim sets only says the brief set was not compared
    base.write_text(json.dumps({"sets": {"claims": {"balanced_accuracy": None}}}))
    code, out, _ = run("eval", "verifier", str(briefs), "--baseline", str(base))
    assert code == 0 and "mine: not in the baseline, not compared" in out


def test_bad_expected_files_are_exit_2_in_one_line(briefs: Path) -> None:
    bad = [
        (dict(EXPECTED, verdicts=["supported"]), "1 verdicts for the 3 sentences"),
        (dict(EXPECTED, verdicts=["supported", "true", "uncited"]), "sentence 1"),
        (dict(EXPECTED, suggested={"7": ["mt-3"]}), "field 'suggested'"),
        ({"verdicts": ["supported"] * 3}, "field 'cluster'"),
    ]
    for expected, words in bad:
        write_brief(briefs, "museum", BRIEF, expected)
        code, out, err = run("eval", "verifier", str(briefs))
        assert code == 2 and out == "", expected
        assert len(err.strip().splitlines()) == 1 and words in err, err
        assert "museum.expected.json" in err


def test_the_committed_brief_set_loads_and_every_brief_names_a_fixture_cluster() -> None:
    cases = load_brief_set(ROOT / "evals" / "briefs")
    assert len(cases) >= 14 and sum(len(c.verdicts) for c in cases) >= 150
    # every slip a newsroom plants is in the set
    planted = {v for c in cases for v in c.verdicts}
    assert planted == {"supported", "unsupported", "misattributed", "unknown_id", "uncited"}
    # a misattributed sentence says which articles do support it
    for c in cases:
        for i, v in enumerate(c.verdicts):
            if v == "misattributed":
                assert c.suggested.get(i), (c.name, i)
