"""Rendering a brief: text (the seed's shape), markdown, JSON and one self-contained HTML page."""

from __future__ import annotations

import html
import json
from typing import Literal

from .citations import place_marker
from .types import Brief, Cluster, Report

__all__ = ["FORMATS", "render", "report_text"]

Format = Literal["text", "markdown", "json", "html"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "json", "html")


def _text(brief: Brief) -> str:
    parts = [brief.title, "", brief.summary, ""]
    if brief.headlines:
        parts += [f"- {h.title} [{h.id}]" for h in brief.headlines]
        parts.append("")
    parts.append(f"{brief.article_count} articles in this cluster")
    return "\n".join(parts) + "\n"


def _markdown(brief: Brief, cluster: Cluster | None) -> str:
    urls = _urls(cluster)

    def cite(ids: list[str]) -> str:
        return "".join(f"[[{i}]]({urls[i]})" if urls.get(i) else f"[{i}]" for i in ids)

    body = " ".join(place_marker(_md_escape(s.text), cite(s.citations)) for s in brief.sentences)
    parts = [f"# {_md_escape(brief.title)}", "", body, ""]
    for h in brief.headlines:
        title = _md_escape(h.title)
        line = f"- [{title}]({urls[h.id]})" if urls.get(h.id) else f"- {title}"
        parts.append(f"{line} [{h.id}]")
    if brief.headlines:
        parts.append("")
    parts.append(f"*{brief.article_count} articles in this cluster*")
    return "\n".join(parts) + "\n"


def _md_escape(text: str) -> str:
    for ch in "\\`*_<>":
        text = text.replace(ch, "\\" + ch)
    return text


def _urls(cluster: Cluster | None) -> dict[str, str]:
    if cluster is None:
        return {}
    return {a.id: a.url for a in cluster.articles if a.url}


def _html(brief: Brief, cluster: Cluster | None) -> str:
    urls = _urls(cluster)
    esc = html.escape

    def cite(ids: list[str]) -> str:
        out = []
        for i in ids:
            href = urls.get(i) or f"#a-{i}"
            out.append(f'<a class="cite" href="{esc(href, quote=True)}">[{esc(i)}]</a>')
        return "".join(out)

    body = " ".join(place_marker(esc(s.text), cite(s.citations)) for s in brief.sentences)
    items = []
    for h in brief.headlines:
        href = urls.get(h.id)
        title = f'<a href="{esc(href, quote=True)}">{esc(h.title)}</a>' if href else esc(h.title)
        items.append(
            f'<li id="a-{esc(h.id, quote=True)}">{title} <small>[{esc(h.id)}]</small></li>'
        )
    verification = ""
    if brief.verification is not None:
        v = brief.verification
        verification = (
            f'<p class="check">Verification: {v.counts.get("supported", 0)} of '
            f"{len(v.claims)} claims supported (score {v.score:.2f}).</p>"
        )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(brief.title)}</title>
<style>
body {{ font: 17px/1.55 Georgia, serif; max-width: 44em; margin: 2em auto; padding: 0 1em;
       color: #222; }}
h1 {{ font-size: 1.6em; line-height: 1.25; }}
a.cite {{ font-size: .8em; text-decoration: none; color: #06c; }}
ul {{ padding-left: 1.2em; }} small, .check, footer {{ color: #666; }}
</style>
</head>
<body>
<article>
<h1>{esc(brief.title)}</h1>
<p>{body}</p>
<ul>
{chr(10).join(items)}
</ul>
<footer>{brief.article_count} articles in this cluster</footer>
{verification}
</article>
</body>
</html>
"""


def render(brief: Brief, fmt: Format = "text", cluster: Cluster | None = None) -> str:
    """Render a brief as ``text``, ``markdown``, ``json`` or ``html``.

    Args:
        brief: the brief.
        fmt: output format.
        cluster: the source cluster, for article urls (markdown and html links).
    """
    if fmt == "text":
        return _text(brief)
    if fmt == "markdown":
        return _markdown(brief, cluster)
    if fmt == "json":
        return json.dumps(brief.model_dump(mode="json", exclude_none=False), indent=2) + "\n"
    if fmt == "html":
        return _html(brief, cluster)
    raise ValueError(f"unknown format {fmt!r}")


def report_text(report: Report, brief_path: str) -> str:
    """A verification report as linter-style lines: one block per failing claim, a summary."""
    lines = []
    for c in report.claims:
        if c.verdict == "supported":
            continue
        why = "; ".join(c.reasons) or c.verdict
        lines.append(f"{brief_path}: claim {c.index + 1}: {c.verdict}: {why}")
        lines.append(f"    claim:    {c.text}")
        if c.suggested_ids:
            lines.append("    suggest:  " + "".join(f"[{i}]" for i in c.suggested_ids))
        for ev in c.evidence[:2]:
            snippet = " ".join(ev.sentence.split())
            if len(snippet) > 200:
                snippet = snippet[:197] + "..."
            lines.append(f"    evidence: [{ev.article_id}] {ev.start}-{ev.end}: {snippet}")
    counts = ", ".join(f"{n} {k}" for k, n in report.counts.items() if n)
    lines.append(
        f"{len(report.claims)} claims: {counts} (score {report.score:.2f}) -> "
        + ("ok" if report.ok else "FAIL")
    )
    return "\n".join(lines) + "\n"
