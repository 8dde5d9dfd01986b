"""Rendering a brief: text (the seed's shape), markdown, JSON and one self-contained HTML page.

Verdicts are shown where the reader looks (FORMATS section 6): the text brief stays clean and
:func:`findings_text` is what the CLI prints on stderr beside it; markdown marks failing
sentences and gives the reasons as footnotes; the HTML page colours every sentence by verdict
and shows reasons, evidence and suggested ids on hover or click. Claim numbers in human output
are 1-based (JSON ``index`` stays 0-based).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from typing import Literal
from urllib.parse import urlsplit

from .citations import place_marker
from .types import VERDICTS, Brief, ClaimReport, Cluster, Report
from .verifier.lexicon import stem, words

__all__ = [
    "FORMATS",
    "claim_reason",
    "findings_text",
    "plural",
    "render",
    "report_text",
    "verification_summary",
]

Format = Literal["text", "markdown", "json", "html"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "json", "html")

#: The id of the JSON copy of the brief inside the HTML page (read back by ``verify``).
HTML_DATA_ID = "llmbrief-brief"
_FAILING = tuple(v for v in VERDICTS if v != "supported")
_TERMINAL = re.compile(r"[.!?]+[\"'”’)]*$")
# reasons that list the claim's words by their stems: show the claim's own words instead
_STEM_LISTS = re.compile(r"(\(missing: |not in the cited ones: )([^)]*)")


def plural(n: int, word: str, words_: str | None = None) -> str:
    """``1 claim``, ``2 claims``."""
    return f"{n:,} {word if n == 1 else (words_ or word + 's')}"


def verification_summary(report: Report, score: bool = False) -> str:
    """One line: ``3 of 7 claims failed: 1 unsupported, 1 unknown_id, 1 misattributed``.

    The one summary of a report in every human output (summarize's stderr, verify's last
    line, the markdown and HTML headers); verdicts by their JSON names. ``score`` appends
    `` (score 0.57)``.
    """
    n = len(report.claims)
    tail = f" (score {report.score:.2f})" if score else ""
    failed = n - report.counts.get("supported", 0)
    if not failed:
        ok = f"all {plural(n, 'claim')} supported" if n != 1 else "the 1 claim is supported"
        return ok + tail
    parts = ", ".join(f"{report.counts[v]} {v}" for v in _FAILING if report.counts.get(v))
    return f"{failed} of {plural(n, 'claim')} failed: {parts}{tail}"


def _readable(reason: str, claim_text: str) -> str:
    """Replace stems listed in a reason ("surfac") by the claim's words ("surface")."""
    by_stem: dict[str, str] = {}
    for w in words(claim_text):
        by_stem.setdefault(stem(w), w)

    def repl(m: re.Match[str]) -> str:
        shown = [by_stem.get(s.strip(), s.strip()) for s in m.group(2).split(",")]
        return m.group(1) + ", ".join(shown)

    return _STEM_LISTS.sub(repl, reason)


# reasons about word overlap say less to an editor than a figure, name or negation that fails
_SOFT = ("only ", "words found in other articles")


def claim_reason(c: ClaimReport, short: bool = False) -> str:
    """Why a claim failed, in words; ``short``: the most telling reason only (see
    :func:`_short_reason` for how many more there are)."""
    reasons = [_readable(r, c.text) for r in c.reasons] or [c.verdict]
    if not short or len(reasons) == 1:
        return "; ".join(reasons)
    return next((r for r in reasons if not r.startswith(_SOFT)), reasons[0])


def _short_reason(c: ClaimReport) -> str:
    """The most telling reason, then support and how many more reasons in one parenthesis:
    ``number "$12 billion" not found in [43531] (support 0.03; 2 more reasons)``."""
    extra = []
    if c.score > 0:
        extra.append(f"support {c.score:.2f}")
    if len(c.reasons) > 1:
        extra.append(plural(len(c.reasons) - 1, "more reason"))
    return claim_reason(c, short=True) + (f" ({'; '.join(extra)})" if extra else "")


def _ids(ids: Sequence[str]) -> str:
    return "".join(f"[{i}]" for i in ids)


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def findings_text(report: Report, repair: Sequence[str] = ()) -> str:
    """The verification block printed on stderr beside a text brief.

    One entry per failing claim (1-based number, verdict, reason, suggested ids), what repair
    did, and one summary line.
    """
    lines = []
    for c in report.claims:
        if c.verdict == "supported":
            continue
        lines.append(f"claim {c.index + 1}: {c.verdict}: {_short_reason(c)}")
        lines.append(f"    {_clip(c.text)}")
        if c.suggested_ids:
            lines.append(f"    suggested: {_ids(c.suggested_ids)}")
    lines += [f"repair: {a}" for a in repair]
    lines.append(verification_summary(report))
    return "\n".join(lines) + "\n"


# -- text ------------------------------------------------------------------------------------


def _text(brief: Brief) -> str:
    parts = [brief.title, "", brief.summary, ""]
    if brief.headlines:
        parts += [f"- {h.title} [{h.id}]" for h in brief.headlines]
        parts.append("")
    parts.append(f"{plural(brief.article_count, 'article')} in this cluster")
    return "\n".join(parts) + "\n"


# -- markdown --------------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    for ch in "\\`*_<>[]":
        text = text.replace(ch, "\\" + ch)
    return text


def _is_web(url: str) -> bool:
    """Only http(s) URLs become links: ``javascript:`` or ``data:`` would run in the reader's
    page."""
    return urlsplit(url.strip()).scheme.lower() in ("http", "https")


def _urls(cluster: Cluster | None) -> dict[str, str]:
    """Article id -> its URL, for the articles whose URL may be a link (http or https)."""
    if cluster is None:
        return {}
    return {a.id: a.url.strip() for a in cluster.articles if a.url and _is_web(a.url)}


def _other_urls(cluster: Cluster | None) -> dict[str, str]:
    """Article id -> a URL that is not http(s): shown as plain text, never a link."""
    if cluster is None:
        return {}
    return {a.id: a.url for a in cluster.articles if a.url and not _is_web(a.url)}


def _md_url(url: str) -> str:
    """A URL safe inside a markdown link's parentheses."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")


def _claims_by_sentence(brief: Brief) -> list[ClaimReport | None]:
    """The verdict on each sentence (the report lists claims in sentence order)."""
    claims: list[ClaimReport | None] = [None] * len(brief.sentences)
    if brief.verification is not None:
        for c in brief.verification.claims:
            if 0 <= c.index < len(claims):
                claims[c.index] = c
    return claims


def _split_end(text: str) -> tuple[str, str]:
    m = _TERMINAL.search(text)
    return (text[: m.start()], text[m.start() :]) if m else (text, "")


def _markdown(brief: Brief, cluster: Cluster | None) -> str:
    urls = _urls(cluster)
    other = _other_urls(cluster)

    def cite(ids: list[str], unknown: list[str]) -> str:
        out = []
        for i in ids:
            if urls.get(i) and i not in unknown:
                out.append(f"[\\[{_md_escape(i)}\\]]({_md_url(urls[i])})")
            else:
                out.append(f"\\[{_md_escape(i)}\\]")
        return "".join(out)

    body = []
    notes = []
    for s, c in zip(brief.sentences, _claims_by_sentence(brief), strict=True):
        unknown = c.unknown_ids if c else []
        if c is None or c.verdict == "supported":
            body.append(place_marker(_md_escape(s.text), cite(s.citations, unknown)))
            continue
        n = c.index + 1
        text, end = _split_end(s.text)
        marker = cite(s.citations, unknown) + f"[^{n}]"
        body.append(f"⚠ *{_md_escape(text.strip())}* {marker}{_md_escape(end)}")
        note = f"[^{n}]: **Claim {n}, {c.verdict}**: {_md_escape(claim_reason(c))}."
        if c.score > 0:
            note += f" Support {c.score:.2f}."
        if c.suggested_ids:
            note += " Suggested: " + ", ".join(_md_escape(i) for i in c.suggested_ids) + "."
        if c.evidence:
            ev = c.evidence[0]
            note += f" Evidence ({_md_escape(ev.article_id)}): “{_md_escape(_clip(ev.sentence))}”"
        notes.append(note)
    parts = [f"# {_md_escape(brief.title)}", ""]
    if brief.verification is not None:
        v = brief.verification
        if v.ok:
            parts += [f"> ✓ Verified: {verification_summary(v)}.", ""]
        else:
            parts += [
                f"> ⚠ **{verification_summary(v)}.** Failing sentences are marked ⚠; the "
                "reasons are in the footnotes.",
                "",
            ]
    parts += [" ".join(body), ""]
    for h in brief.headlines:
        title = _md_escape(h.title)
        line = f"- [{title}]({_md_url(urls[h.id])})" if urls.get(h.id) else f"- {title}"
        line += f" \\[{_md_escape(h.id)}\\]"
        if h.id in other:
            line += f" ({_md_escape(other[h.id])})"  # not a web link: text only
        parts.append(line)
    if brief.headlines:
        parts.append("")
    parts.append(f"*{plural(brief.article_count, 'article')} in this cluster*")
    if brief.repair:
        parts += ["", "## Repair", ""] + [f"- {_md_escape(a)}" for a in brief.repair]
    if notes:
        parts += ["", *notes]
    return "\n".join(parts) + "\n"


# -- html ------------------------------------------------------------------------------------

_CSS = """
:root { --ok: #e3f4e6; --ok-line: #3f9b55; --bad: #fde2e1; --bad-line: #c62828;
  --mis: #fff0d6; --mis-line: #d9822b; --unk: #efe3fb; --unk-line: #7b3fc4;
  --unc: #eef0f2; --unc-line: #7a838c; }
* { box-sizing: border-box; }
body { font: 17px/1.6 Georgia, "Times New Roman", serif; max-width: 46em; margin: 0 auto;
  padding: 1.2em 1em 3em; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.55em; line-height: 1.25; margin: .6em 0 .5em; }
h2 { font: 600 1em/1.3 system-ui, sans-serif; margin: 2em 0 .6em; }
.verdicts { font: 14px/1.45 system-ui, sans-serif; border: 1px solid #d0d4d9;
  border-radius: 8px; padding: .7em .9em; background: #fafbfc; }
.verdicts.fail { border-color: var(--bad-line); background: #fff8f7; }
.verdicts .summary { margin: 0 0 .45em; font-weight: 600; }
.legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap;
  gap: .3em 1em; }
.legend li { white-space: nowrap; }
.sw { display: inline-block; width: .95em; height: .95em; border-radius: 3px;
  vertical-align: -.12em; margin-right: .3em; border-bottom: 3px solid; }
.meta { color: #5f6368; font: 13px/1.4 system-ui, sans-serif; margin: .5em 0 0; }
.claim { border-bottom: 2px solid; border-radius: 2px; padding: 0 .08em; cursor: pointer;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.claim:focus { outline: 2px solid #1a73e8; outline-offset: 1px; }
.v-supported { background: var(--ok); border-color: var(--ok-line); }
.claim.v-supported { background: none; border-bottom: 1px dotted var(--ok-line); }
.v-unsupported { background: var(--bad); border-color: var(--bad-line); }
.v-misattributed { background: var(--mis); border-color: var(--mis-line); }
.v-unknown_id { background: var(--unk); border-color: var(--unk-line); }
.v-uncited { background: var(--unc); border-color: var(--unc-line); }
.flag { font: 700 .72em/1 system-ui, sans-serif; vertical-align: super; margin-left: .1em;
  color: var(--bad-line); }
.cite { font-size: .8em; text-decoration: none; color: #0b57d0; white-space: nowrap; }
.cite.broken { color: var(--unk-line); text-decoration: line-through wavy; cursor: help; }
.headlines { padding-left: 1.2em; } .headlines small, footer { color: #5f6368; }
.findings ol { padding-left: 0; list-style: none; }
.finding { border-left-width: 4px; border-left-style: solid; padding: .5em .8em; margin: 0 0 .8em;
  font: 15px/1.5 system-ui, sans-serif; border-radius: 0 6px 6px 0; }
.detail p { margin: .25em 0; } .detail ul { margin: .25em 0; padding-left: 1.2em; }
.detail blockquote { margin: .35em 0; padding: .3em .6em; background: rgba(255,255,255,.7);
  border-left: 3px solid #9aa0a6; font-family: Georgia, serif; }
.detail .label { font-weight: 700; }
#pop { position: absolute; z-index: 10; max-width: min(30em, calc(100vw - 1.5em));
  background: #fff; border: 1px solid #c4c7cc; border-radius: 8px; padding: .6em .8em;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); font: 14px/1.45 system-ui, sans-serif; }
#pop[hidden] { display: none; }
#pop .close { float: right; margin: -.35em -.45em 0 .5em; border: 0; background: none;
  font: 22px/1 system-ui, sans-serif; color: #5f6368; cursor: pointer; padding: .2em .35em; }
.repair li { font: 15px/1.5 system-ui, sans-serif; }
@media (max-width: 600px) {
  body { font-size: 16px; padding-top: .6em; }
  #pop { position: fixed; left: .5em !important; right: .5em; bottom: .5em; top: auto !important;
    max-width: none; max-height: 55vh; overflow: auto; }
}
"""

# Hover (mouse) or click/tap/Enter shows the claim's detail; Escape or a click elsewhere hides.
_JS = """
(function () {
  var pop = document.getElementById("pop"), pinned = null;
  function show(el) {
    var d = document.getElementById("detail-" + el.dataset.claim);
    if (!d) return;
    pop.innerHTML = '<button class="close" aria-label="close">\u00d7</button>' + d.innerHTML;
    pop.querySelector(".close").addEventListener("click", hide);
    pop.hidden = false;
    var r = el.getBoundingClientRect();
    pop.style.left = Math.max(8, Math.min(window.scrollX + r.left,
      window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8)) + "px";
    pop.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  function hide() { pop.hidden = true; pinned = null; }
  document.querySelectorAll(".claim").forEach(function (el) {
    el.addEventListener("mouseenter", function () { if (!pinned) show(el); });
    el.addEventListener("mouseleave", function () { if (!pinned) pop.hidden = true; });
    el.addEventListener("click", function (e) {
      if (e.target.closest("a")) return;
      e.stopPropagation();
      if (pinned === el) { hide(); } else { pinned = el; show(el); }
    });
    el.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); el.click(); }
    });
  });
  document.addEventListener("click", function (e) { if (!pop.contains(e.target)) hide(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
"""


def _html_detail(c: ClaimReport) -> str:
    e = html.escape
    n = c.index + 1
    parts = [f'<p><span class="label">Claim {n}: {e(c.verdict)}</span>']
    if c.score > 0:
        parts.append(f" · support {c.score:.2f}")
    parts.append("</p>")
    if c.verdict != "supported":
        parts.append(
            "<ul>" + "".join(f"<li>{e(_readable(r, c.text))}</li>" for r in c.reasons) + "</ul>"
            if c.reasons
            else ""
        )
    if c.suggested_ids:
        parts.append("<p>Suggested ids: " + e(_ids(c.suggested_ids)) + "</p>")
    fired = [k for k in c.checks if k.fired]
    if fired:
        parts.append(
            '<p class="checks">Checks that fired: '
            + ", ".join(
                e(k.name) + (f" ({e(k.detail)})" if k.detail and k.detail not in c.reasons else "")
                for k in fired
            )
            + "</p>"
        )
    for ev in c.evidence[:2]:
        parts.append(
            f"<p>Evidence in [{e(ev.article_id)}]:</p><blockquote>{e(_clip(ev.sentence, 400))}"
            "</blockquote>"
        )
    for note in c.notes:
        parts.append(f"<p>{e(note)}</p>")
    return "".join(parts)


def _html(brief: Brief, cluster: Cluster | None) -> str:
    e = html.escape
    urls = _urls(cluster)
    other = _other_urls(cluster)
    titles = {a.id: a.title for a in cluster.articles} if cluster is not None else {}
    listed = {h.id for h in brief.headlines}
    known = set(titles) if cluster is not None else None

    def cite(ids: list[str], unknown: Sequence[str]) -> str:
        out = []
        for i in ids:
            label = f"[{e(i)}]"
            if i in unknown or (known is not None and i not in known):
                out.append(
                    f'<span class="cite broken" title="not an article of this cluster">'
                    f"{label}</span>"
                )
            elif urls.get(i):
                title = f' title="{e(titles[i])}"' if i in titles else ""
                out.append(f'<a class="cite" href="{e(urls[i])}"{title}>{label}</a>')
            elif i in listed:
                out.append(f'<a class="cite" href="#a-{e(i)}">{label}</a>')
            else:
                title = f' title="{e(titles[i])}"' if i in titles else ""
                out.append(f'<span class="cite"{title}>{label}</span>')
        return "".join(out)

    sentences = []
    details = []
    findings = []
    for s, c in zip(brief.sentences, _claims_by_sentence(brief), strict=True):
        if c is None:
            sentences.append(place_marker(e(s.text), cite(s.citations, [])))
            continue
        n = c.index + 1
        text = place_marker(e(s.text), cite(s.citations, c.unknown_ids))
        flag = f'<sup class="flag">{n}</sup>' if c.verdict != "supported" else ""
        sentences.append(
            f'<span class="claim v-{c.verdict}" id="claim-{n}" data-claim="{n}" tabindex="0" '
            f'aria-describedby="detail-{n}">{text}{flag}</span>'
        )
        detail = _html_detail(c)
        details.append(f'<div id="detail-{n}" hidden>{detail}</div>')
        if c.verdict != "supported":
            findings.append(
                f'<li class="finding detail v-{c.verdict}" id="finding-{n}">{detail}'
                f'<p><a href="#claim-{n}">show in the brief</a></p></li>'
            )
    header = ""
    if brief.verification is not None:
        v = brief.verification
        legend = "".join(
            f'<li><span class="sw v-{k}"></span>{e(k)} ({v.counts.get(k, 0)})</li>'
            for k in VERDICTS
        )
        icon = "✓" if v.ok else "⚠"
        hint = "" if v.ok else " Tap or hover a sentence for the reasons."
        header = (
            f'<section class="verdicts{"" if v.ok else " fail"}" aria-label="verification">'
            f'<p class="summary">{icon} {e(verification_summary(v))}.{hint}</p>'
            f'<ul class="legend">{legend}</ul></section>'
        )
    items = []
    for h in brief.headlines:
        href = urls.get(h.id)
        title = f'<a href="{e(href)}">{e(h.title)}</a>' if href else e(h.title)
        if h.id in other:
            title += f' <span class="url">{e(other[h.id])}</span>'  # not a web link: text only
        items.append(f'<li id="a-{e(h.id)}">{title} <small>[{e(h.id)}]</small></li>')
    meta = [f"model {e(brief.model)}", f"prompt {e(brief.prompt)}"]
    if brief.verification is not None:
        meta.append(f"score {brief.verification.score:.2f}")
    sections = ""
    if findings:
        sections += (
            '<section class="findings"><h2>Findings</h2><ol>'
            + "".join(findings)
            + "</ol></section>"
        )
    if brief.repair:
        sections += (
            '<section class="repair"><h2>Repair</h2><ul>'
            + "".join(f"<li>{e(a)}</li>" for a in brief.repair)
            + "</ul></section>"
        )
    # a JSON copy of the brief lets `llmbrief verify CLUSTER page.html` read it back exactly;
    # "<" is escaped so no text inside can close the script element
    data = json.dumps(brief.model_dump(mode="json"), ensure_ascii=False).replace("<", "\\u003c")
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="llmbrief">
<title>{e(brief.title)}</title>
<style>{_CSS}</style>
</head>
<body>
{header}
<article>
<h1>{e(brief.title)}</h1>
<p class="brief">{" ".join(sentences)}</p>
<ul class="headlines">
{chr(10).join(items)}
</ul>
<footer>{plural(brief.article_count, "article")} in this cluster</footer>
<p class="meta">{" · ".join(meta)}</p>
{sections}
</article>
<div id="pop" class="detail" role="dialog" hidden></div>
{"".join(details)}
<script type="application/json" id="{HTML_DATA_ID}">{data}</script>
<script>{_JS}</script>
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
        lines.append(f"{brief_path}: claim {c.index + 1}: {c.verdict}: {claim_reason(c)}")
        lines.append(f"    claim:    {c.text}")
        if c.suggested_ids:
            lines.append("    suggest:  " + _ids(c.suggested_ids))
        for ev in c.evidence[:2]:
            snippet = _clip(ev.sentence, 200)
            lines.append(f"    evidence: [{ev.article_id}] {ev.start}-{ev.end}: {snippet}")
    lines.append(verification_summary(report, score=True))
    return "\n".join(lines) + "\n"
