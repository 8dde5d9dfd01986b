from __future__ import annotations

import json
from pathlib import Path

import pytest

from llmbrief import Article, Brief, Cluster, InputError, Sentence, load_cluster, render, verify
from llmbrief.load import iter_cluster_lines, load_brief
from llmbrief.render import Format
from llmbrief.verifier import summary_text

from .conftest import SEEDS, article


def test_seed_cluster_loads() -> None:
    c = load_cluster(SEEDS / "china-chips.json")
    assert c.cluster_id == "china-chips"
    assert len(c.articles) == 15
    for i in ("51155", "43531", "19492", "54934", "30085", "33059"):
        assert c.article(i) is not None


def test_numeric_id_is_read_as_string(write_json) -> None:
    c = load_cluster(write_json({"articles": [article(51155)]}))
    assert c.ids == ["51155"]


def test_bare_list_and_default_cluster_id(write_json) -> None:
    c = load_cluster(write_json([article("a1"), article("a2")], name="my-topic.json"))
    assert c.cluster_id == "my-topic"
    assert c.ids == ["a1", "a2"]


def test_jsonl_of_articles(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join(json.dumps(article(i)) for i in range(3)) + "\n")
    assert load_cluster(p).ids == ["0", "1", "2"]


@pytest.mark.parametrize(
    ("data", "fragments"),
    [
        ({"articles": []}, ["no articles", "articles"]),
        ({"cluster_id": "x"}, ["is missing", "articles"]),
        ({"articles": [article("a"), article("a")]}, ["article 1 (id 'a')", "'id'", "duplicate"]),
        ({"articles": [article("a b")]}, ["article 0 (id 'a b')", "'id'"]),
        ({"articles": [article("x" * 65)]}, ["article 0", "'id'"]),
        ({"articles": [article("a", text="   ")]}, ["article 0 (id 'a')", "'text'", "empty"]),
        ({"articles": [article("a"), {"id": "b", "text": "t"}]}, ["article 1 (id 'b')", "'title'"]),
        ({"articles": [article("a", published="not a date")]}, ["article 0", "'published'"]),
        ({"articles": ["just a string"]}, ["article 0", "JSON object"]),
        ({"articles": {"a": 1}}, ["'articles'", "list"]),
    ],
)
def test_bad_cluster_names_file_item_and_field(write_json, data, fragments) -> None:
    path = write_json(data)
    with pytest.raises(InputError) as err:
        load_cluster(path)
    msg = str(err.value)
    assert str(path) in msg
    assert "\n" not in msg
    for f in fragments:
        assert f in msg


def test_invalid_json_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"articles": [')
    with pytest.raises(InputError, match="invalid JSON at line 1"):
        load_cluster(bad)
    with pytest.raises(InputError, match="no such file"):
        load_cluster(tmp_path / "absent.json")
    empty = tmp_path / "empty.json"
    empty.write_text("  \n")
    with pytest.raises(InputError, match="empty"):
        load_cluster(empty)


def test_batch_lines_yield_errors_without_stopping(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(
        json.dumps({"cluster_id": "ok1", "articles": [article("a")]})
        + "\n{broken\n"
        + json.dumps({"cluster_id": "ok2", "articles": [article("b")]})
        + "\n"
    )
    rows = list(iter_cluster_lines(p))
    assert [r[1] for r in rows] == ["ok1", "in-2", "ok2"]
    assert isinstance(rows[1][2], InputError)
    assert "line 2" in str(rows[1][2])


def test_brief_text_form_strips_headline_and_member_headlines() -> None:
    c = load_cluster(SEEDS / "china-chips.json")
    b = load_brief(SEEDS / "000_d12c0a8b4ad67bd4.txt", c)
    assert b.title and b.title.startswith("China Pours Billions")
    assert len(b.claims) == 12
    assert sum(bool(x.citations) for x in b.claims) == 9


def test_brief_json_without_sentences_reads_summary(tmp_path: Path) -> None:
    p = tmp_path / "b.json"
    p.write_text(json.dumps({"title": "T", "summary": "A fact [1]. Another fact [2]."}))
    b = load_brief(p)
    assert [x.citations for x in b.claims] == [["1"], ["2"]]


def test_empty_brief_is_bad_input(tmp_path: Path) -> None:
    p = tmp_path / "b.txt"
    p.write_text("\n\n")
    with pytest.raises(InputError, match="empty"):
        load_brief(p)


def _brief_of_two() -> tuple[Cluster, Brief]:
    """A brief whose text needs escaping in every form, with a failing claim and an unknown id."""
    cluster = Cluster(
        cluster_id="c",
        articles=[
            Article(
                id="a1",
                title="Council",
                url="https://e.org/a1",
                text="The council approved a *new* budget of $5 million on Monday.",
            ),
            Article(id="a2", title="Mayor", text="The mayor said schools [and roads] gain."),
        ],
    )
    sentences = [
        Sentence(
            text="The council approved a *new* budget of $7 million on Monday.", citations=["a1"]
        ),
        Sentence(text="The mayor said schools [and roads] gain.", citations=["a2", "zz9"]),
    ]
    brief = Brief(
        cluster_id="c",
        title="Budget_passes <b>",
        summary=summary_text(sentences),
        sentences=sentences,
        headlines=[],
        article_count=2,
        model="extractive",
        prompt="p",
    )
    brief.verification = verify(cluster, brief)
    return cluster, brief


@pytest.mark.parametrize("fmt", ["markdown", "html", "json", "text"])
def test_our_own_outputs_read_back_exactly(tmp_path: Path, fmt: Format) -> None:
    cluster, brief = _brief_of_two()
    path = tmp_path / f"brief.{fmt}"
    path.write_text(render(brief, fmt, cluster))
    back = load_brief(path, cluster)
    assert [(c.text, c.citations) for c in back.claims] == [
        ("The council approved a *new* budget of $7 million on Monday.", ["a1"]),
        ("The mayor said schools [and roads] gain.", ["a2", "zz9"]),
    ]


def test_html_we_did_not_write_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "x.html"
    page.write_text("<html><body>The council met [a1].</body></html>")
    with pytest.raises(InputError, match="HTML page llmbrief did not write"):
        load_brief(page)


def test_standard_input_is_named_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"articles": [{"id": "a"}]})))
    with pytest.raises(InputError, match=r"^<stdin>: article 0 \(id 'a'\)"):
        load_cluster("-")
