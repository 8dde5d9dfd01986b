from __future__ import annotations

import json
from pathlib import Path

import pytest

from llmbrief import PromptError
from llmbrief.prompts import list_prompts, load_prompt, render_template


def test_shipped_prompts_load_with_a_stable_hash() -> None:
    assert {"cluster_summary", "cluster_summary_terse", "verify_judge"} <= set(list_prompts())
    a, b = load_prompt("cluster_summary"), load_prompt("cluster_summary")
    assert a.id == b.id and a.id.startswith("cluster_summary@")
    assert a.response_schema["strict"] is True


def test_missing_variable_fails_loudly() -> None:
    with pytest.raises(PromptError, match="articles"):
        render_template("{{cluster_id}} {{articles}}", {"cluster_id": "x"})
    assert render_template("{{ a }}-{{b}}", {"a": 1, "b": 2}) == "1-2"


def test_file_prompt_hash_follows_content(tmp_path: Path) -> None:
    data = json.loads(
        (Path(__file__).parent.parent / "llmbrief" / "prompts" / "cluster_summary.json").read_text()
    )
    p1 = tmp_path / "v1.json"
    p1.write_text(json.dumps(data))
    data["system"] += " Be brief."
    p2 = tmp_path / "v2.json"
    p2.write_text(json.dumps(data))
    assert load_prompt(str(p1)).id == load_prompt("cluster_summary").id
    assert load_prompt(str(p2)).id != load_prompt(str(p1)).id


@pytest.mark.parametrize(
    ("content", "message"), [("{", "invalid JSON"), ('{"name": "x"}', "'system' is missing")]
)
def test_bad_prompt_files(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "bad.json"
    p.write_text(content)
    with pytest.raises(PromptError, match=message):
        load_prompt(str(p))


def test_unknown_prompt_name() -> None:
    with pytest.raises(PromptError, match="no prompt named"):
        load_prompt("nope")
