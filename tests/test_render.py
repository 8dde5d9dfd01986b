from __future__ import annotations

import json

from llmbrief import Article, Cluster, load_cluster, render, summarize

from .conftest import SEEDS


def test_text_form_has_the_seed_shape() -> None:
    cluster = load_cluster(SEEDS / "china-chips.json")
    text = render(summarize(cluster), "text")
    blocks = text.strip().split("\n\n")
    assert len(blocks) == 4
    assert "\n" not in blocks[0]
    assert blocks[1].count("[") >= 3
    assert all(line.startswith("- ") for line in blocks[2].splitlines())
    assert blocks[3] == "15 articles in this cluster"


def test_json_has_every_field_of_section_3() -> None:
    cluster = load_cluster(SEEDS / "china-chips.json")
    data = json.loads(render(summarize(cluster), "json"))
    for key in (
        "cluster_id",
        "title",
        "summary",
        "sentences",
        "headlines",
        "article_count",
        "model",
        "prompt",
        "usage",
        "verification",
    ):
        assert key in data
    assert data["article_count"] == 15
    assert set(data["usage"]) >= {"prompt_tokens", "completion_tokens", "calls"}
    assert set(data["verification"]) >= {"ok", "score", "claims", "counts"}
    assert data["sentences"][0]["citations"]


def test_html_escapes_article_text_and_links_citations() -> None:
    evil = "<script>alert(1)</script>"
    cluster = Cluster(
        cluster_id="x",
        articles=[
            Article(
                id="a1",
                title=f"Title {evil}",
                url="https://example.org/a1?x=1&y=2",
                text=f"The council approved the new budget of the city on Monday {evil}. "
                "The mayor said the plan would fund schools and roads across the region.",
            )
        ],
    )
    page = render(summarize(cluster), "html", cluster)
    assert evil not in page  # the page has scripts of its own, never the article's
    assert "&lt;script&gt;" in page
    assert 'href="https://example.org/a1?x=1&amp;y=2"' in page
    assert page.startswith("<!doctype html>")


def test_markdown_links_citations() -> None:
    cluster = load_cluster(SEEDS / "aurora-lander.json")
    md = render(summarize(cluster), "markdown", cluster)
    assert md.startswith("# ")
    assert "](https://news.example.org/space/" in md
    assert md.rstrip().endswith("*5 articles in this cluster*")


def _cluster_with_url(url: str) -> Cluster:
    return Cluster(
        cluster_id="x",
        articles=[
            Article(
                id="a1",
                title="Council approves budget",
                url=url,
                text="The council approved the new budget of the city on Monday. "
                "The mayor said the plan would fund schools and roads across the region.",
            )
        ],
    )


def test_only_web_urls_become_links() -> None:
    for url in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>"):
        cluster = _cluster_with_url(url)
        brief = summarize(cluster)
        page = render(brief, "html", cluster)
        assert "href=" not in page.replace('href="#', "")  # no link out of the page at all
        assert 'class="url"' in page  # the url is shown, as text
        assert "<b>x</b>" not in page
        md = render(brief, "markdown", cluster)
        assert f"]({url.strip()})" not in md and "](javascript" not in md.lower()
        assert "](data:" not in md
    cluster = _cluster_with_url("http://example.org/a (1)")
    md = render(summarize(cluster), "markdown", cluster)
    assert "](http://example.org/a%20%281%29)" in md  # parentheses cannot end the link early
