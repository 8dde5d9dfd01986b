"""An eval result rendered for people: text (terminal), markdown (a pull-request comment) and
one self-contained HTML page; ``json`` is the result itself.

Every form shows, in this order: the judge's calibration (when an LLM judge scored), the
metrics of every variant with their deltas against the baseline (failing ones marked), what
the gate found, the claims that changed verdict (between variants, and against the
baseline), and each variant's per-cluster rows. The HTML page adds every brief, its claims
coloured by verdict with their reasons and evidence. All article and claim text is escaped.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any

from .suites import METRICS

__all__ = ["render_diff", "render_report"]

_VERDICT_ORDER = ("supported", "unsupported", "misattributed", "unknown_id", "uncited")


def render_report(payload: Mapping[str, Any], fmt: str) -> str:
    """The result in ``fmt``: ``text``, ``markdown``, ``html`` or ``json``."""
    if fmt == "json":
        return json.dumps(payload, indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(payload)
    if fmt == "html":
        return _html(payload)
    return _text(payload)


# -- what every form shows ----------------------------------------------------------------


def _runs(payload: Mapping[str, Any]) -> dict[str, Any]:
    runs = payload.get("runs")
    if isinstance(runs, dict) and runs:
        return runs
    # an older result: one variant's metrics and rows
    label = str(payload.get("variant", "result"))
    return {label: {"metrics": payload["metrics"], "clusters": payload.get("clusters", [])}}


def _names(runs: Mapping[str, Any]) -> list[str]:
    seen = {m for r in runs.values() for m in r["metrics"]}
    return [m for m in METRICS if m in seen] + sorted(seen - set(METRICS))


def _failing(gate: Mapping[str, Any] | None) -> set[str]:
    if not gate:
        return set()
    return {line.split(" ")[0] for line in gate.get("regressions", [])}


def _delta(new: float | None, old: Any) -> float | None:
    if new is None or not isinstance(old, (int, float)):
        return None
    return round(new - float(old), 4)


def _fmt(x: Any, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def _signed(d: float | None) -> str:
    return "" if d is None else f"{d:+.3f}"


def _status_word(row: Mapping[str, Any]) -> str:
    """The ``brief`` column: ``passed`` only when the brief passed verification; ``failed``
    when it was drafted and scored but a claim failed; else why it was not scored."""
    if row.get("status", "ok") != "ok":
        return str(row["status"]).replace("_", " ")
    if row.get("flaky"):
        return "flaky"
    if "ok" not in row:  # an older result: drafted and scored, verdict unknown
        return "scored"
    return "passed" if row["ok"] else "failed"


def _counts(row: Mapping[str, Any]) -> str:
    counts = row.get("counts") or {}
    return " ".join(f"{k}={counts[k]}" for k in _VERDICT_ORDER if counts.get(k))


def _repeats(runs: Mapping[str, Any]) -> bool:
    return any(int(r.get("repeat", 1)) > 1 for r in runs.values())


def _change_pairs(payload: Mapping[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    pairs = [(str(k), list(v)) for k, v in (payload.get("changes") or {}).items()]
    for label, g in (payload.get("gate") or {}).items():
        if g.get("changes"):
            pairs.append((f"{g['against']} (baseline) -> {label}", list(g["changes"])))
    return pairs


def _unchanged_against_baseline(payload: Mapping[str, Any]) -> str:
    """One line for the variants whose claims all kept their baseline verdicts."""
    same = [k for k, g in (payload.get("gate") or {}).items() if not g.get("changes")]
    if not same:
        return ""
    return "No claim changed verdict against the baseline: " + ", ".join(same) + "."


def _judge_lines(payload: Mapping[str, Any]) -> list[str]:
    """One line per judge calibration: shared by every variant (one judge, one line), or
    each variant's own."""
    runs = _runs(payload)
    judged = {label: run["judge"] for label, run in runs.items() if run.get("judge")}
    keys = {json.dumps(j.get("calibration"), sort_keys=True) for j in judged.values()}
    shared = len(judged) == len(runs) > 1 and len(keys) == 1
    lines: list[str] = []
    for label, judge in judged.items():
        if shared and lines:
            break
        who = "every variant" if shared else label
        cal = judge.get("calibration") or {}
        can = "can gate" if cal.get("can_gate") else "CANNOT gate (below the threshold)"
        lines.append(
            f"judge {judge.get('model', '?')} for {who}: agreement with human labels on "
            f"{judge.get('cases', 'evals/verifier_dev.jsonl')}: TPR {_fmt(cal.get('tpr'))}, "
            f"TNR {_fmt(cal.get('tnr'))}, kappa {_fmt(cal.get('kappa'))}, "
            f"{cal.get('errors', 0)} error(s); {can}"
        )
    return lines


def _header(payload: Mapping[str, Any]) -> str:
    parts = [f"schema {payload.get('schema_version', 1)}"]
    if payload.get("verifier"):
        parts.append(str(payload["verifier"]))
    if payload.get("prompts"):
        parts.append("prompts " + ", ".join(payload["prompts"]))
    return " · ".join(parts)


# -- text -----------------------------------------------------------------------------------


def _text(payload: Mapping[str, Any]) -> str:
    runs = _runs(payload)
    gate = payload.get("gate") or {}
    names = _names(runs)
    width = max(12, *(len(x) + 2 for x in runs))
    short = {
        "faithfulness": "faithful",
        "citation_precision": "cit.prec",
        "cited_share": "cited",
        "briefs_ok": "ok",
        "fact_recall": "facts",
    }
    lines = [f"llmbrief eval ({_header(payload)})", ""]
    lines += _judge_lines(payload)
    lines.append(f"{'variant':{width}}" + "".join(f"{short.get(n, n)[:9]:>10}" for n in names))
    for label, r in runs.items():
        lines.append(
            f"{label:{width}}" + "".join(f"{_fmt(r['metrics'].get(n)):>10}" for n in names)
        )
        g = gate.get(label)
        if g:
            bad = _failing(g)
            cells = []
            for n in names:
                d = _signed(_delta(r["metrics"].get(n), g["base_metrics"].get(n)))
                cells.append(f"{d + ('!' if n in bad else ''):>10}")
            lines.append(f"{'  vs baseline':{width}}" + "".join(cells))
    for label, r in runs.items():
        lines += ["", f"{label}:", _text_rows(r["clusters"], _repeats(runs))]
    for title, changes in _change_pairs(payload):
        lines += ["", f"claims that changed verdict, {title}: {len(changes) or 'none'}"]
        lines += ["  " + _text_change(c) for c in changes]
    if _unchanged_against_baseline(payload):
        lines += ["", _unchanged_against_baseline(payload)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _text_rows(rows: Sequence[Mapping[str, Any]], repeats: bool) -> str:
    head = f"  {'cluster':26}{'brief':>13}{'claims':>7}{'faithful':>9}{'cit.prec':>9}{'facts':>7}"
    if repeats:
        head += f"{'pass':>6}{'spread':>7}"
    out = [head + "  counts"]
    for r in rows:
        line = f"  {r['cluster'][:25]:26}{_status_word(r):>13}"
        if r.get("status", "ok") != "ok":
            out.append(line + f"  {r.get('error', '')}")
            continue
        line += (
            f"{r['claims']:>7}{_fmt(r['faithfulness'], 2):>9}"
            f"{_fmt(r['citation_precision'], 2):>9}{_fmt(r.get('fact_recall'), 2):>7}"
        )
        if repeats:
            line += f"{_fmt(r.get('pass_rate'), 2):>6}{_fmt(r.get('spread'), 2):>7}"
        out.append(line + "  " + _counts(r))
    return "\n".join(out)


def _text_change(c: Mapping[str, Any]) -> str:
    if c["old_n"] is None and c["new_n"] is None:
        return f"{c['cluster']}: {c['old']} -> {c['new']} ({c['reason']})"
    n = c["new_n"] or c["old_n"]
    mark = "BROKE " if c.get("broke") else ""
    old = "(new claim)" if c["old"] == "-" else c["old"]
    new = "(gone)" if c["new"] == "-" else c["new"]
    return f'{mark}{c["cluster"]} #{n}: {old} -> {new}: "{c["sentence"]}" ({c["reason"]})'


# -- markdown -------------------------------------------------------------------------------


def _md(text: Any) -> str:
    """Text safe inside a markdown table cell."""
    s = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for ch in "*_`[]<>":
        s = s.replace(ch, "\\" + ch)
    return s


def _markdown(payload: Mapping[str, Any]) -> str:
    runs = _runs(payload)
    gate = payload.get("gate") or {}
    names = _names(runs)
    out = ["### llmbrief eval", "", f"_{_md(_header(payload))}_", ""]
    for line in _judge_lines(payload):
        out += [f"> {_md(line)}", ""]
    if gate:
        failed = [k for k, g in gate.items() if g["failed"]]
        out += [
            "**Gate: failed** (" + ", ".join(_md(k) for k in failed) + ")"
            if failed
            else "**Gate: passed**",
            "",
        ]
        items = []
        for label, g in gate.items():
            items += [f"- ❌ {_md(label)}: {_md(x)}" for x in g["regressions"] + g["unscored"]]
            items += [f"- ⚠️ {_md(label)}: {_md(x)}" for x in g["forgiven"] + g["notes"]]
        out += [*items, ""] if items else []
    out.append("| variant | " + " | ".join(names) + " |")
    out.append("|---|" + "---:|" * len(names))
    for label, r in runs.items():
        g = gate.get(label)
        bad = _failing(g)
        cells = []
        for n in names:
            v = _fmt(r["metrics"].get(n))
            if g:
                d = _delta(r["metrics"].get(n), g["base_metrics"].get(n))
                v += f" ({_signed(d)})" if d is not None else ""
                v = f"**{v}** ❌" if n in bad else v
            cells.append(v)
        out.append(f"| {_md(label)} | " + " | ".join(cells) + " |")
    repeats = _repeats(runs)
    for label, r in runs.items():
        out += ["", f"<details><summary>{html.escape(label)}: clusters</summary>", ""]
        head = "| cluster | brief | claims | faithful | cit.prec | facts |"
        sep = "|---|---|---:|---:|---:|---:|"
        if repeats:
            head += " pass rate | spread |"
            sep += "---:|---:|"
        out += [head + " counts |", sep + "---|"]
        for row in r["clusters"]:
            if row.get("status", "ok") != "ok":
                fill = " | ".join(["-"] * (6 if repeats else 4))
                out.append(
                    f"| {_md(row['cluster'])} | **{_status_word(row)}** | {fill} | "
                    f"{_md(row.get('error', ''))} |"
                )
                continue
            cells = [
                _md(row["cluster"]),
                _status_word(row),
                str(row["claims"]),
                _fmt(row["faithfulness"], 2),
                _fmt(row["citation_precision"], 2),
                _fmt(row.get("fact_recall"), 2),
            ]
            if repeats:
                cells += [_fmt(row.get("pass_rate"), 2), _fmt(row.get("spread"), 2)]
            out.append("| " + " | ".join(cells) + f" | {_counts(row)} |")
        out += ["", "</details>"]
    if _unchanged_against_baseline(payload):
        out += ["", _md(_unchanged_against_baseline(payload))]
    for title, changes in _change_pairs(payload):
        out += ["", f"**Claims that changed verdict, {_md(title)}**: {len(changes) or 'none'}"]
        out += _md_changes(changes)
    return "\n".join(out) + "\n"


def _md_changes(changes: Sequence[Mapping[str, Any]]) -> list[str]:
    if not changes:
        return []
    out = ["", "| cluster | # | sentence | verdict | reason |", "|---|---:|---|---|---|"]
    for c in changes:
        n = c["new_n"] or c["old_n"] or ""
        verdict = f"{c['old']} → **{c['new']}**" + (" ❌" if c.get("broke") else "")
        out.append(
            f"| {_md(c['cluster'])} | {n} | {_md(c['sentence'])} | {verdict} | {_md(c['reason'])} |"
        )
    return out


# -- html -----------------------------------------------------------------------------------

_CSS = """
:root{--ok:#1a7f37;--bad:#cf222e;--mis:#bc4c00;--unk:#8250df;--unc:#6e7781;--line:#d0d7de}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:0;
padding:16px;max-width:1100px;margin:auto}
h1,h2,h3,summary,p{overflow-wrap:anywhere}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid
var(--line);padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
.meta{color:#59636e;font-size:13px;overflow-wrap:anywhere}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-size:13px;margin:6px 0}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:right;vertical-align:top}
th:first-child,td:first-child,td.l{text-align:left}
th{background:#f6f8fa}th.l{text-align:left}
td.fail{background:#ffebe9;color:var(--bad);font-weight:600}
td .d{display:block;font-size:11px;color:#59636e}td.fail .d{color:var(--bad)}
.banner{padding:8px 12px;border-radius:6px;margin:12px 0;font-weight:600}
.banner.pass{background:#dafbe1;color:var(--ok)}.banner.fail{background:#ffebe9;color:var(--bad)}
ul.lines{margin:4px 0;padding-left:20px;font-size:14px}
.v{display:inline-block;padding:0 6px;border-radius:10px;font-size:12px;color:#fff;
white-space:nowrap}
.v-supported{background:var(--ok)}.v-unsupported{background:var(--bad)}
.v-misattributed{background:var(--mis)}.v-unknown_id{background:var(--unk)}
.v-uncited{background:var(--unc)}.v-other{background:#57606a}
.st-flaky{color:var(--mis);font-weight:600}.st-bad{color:var(--bad);font-weight:600}
details{border:1px solid var(--line);border-radius:6px;margin:6px 0;padding:4px 10px}
summary{cursor:pointer;font-weight:600}
ol.claims{padding-left:22px}ol.claims li{margin:6px 0;padding-left:8px;border-left:4px solid
var(--unc)}
li.c-supported{border-color:var(--ok)!important}li.c-unsupported{border-color:var(--bad)!important}
li.c-misattributed{border-color:var(--mis)!important}li.c-unknown_id{border-color:var(--unk)!important}
.why{font-size:13px;color:var(--bad)}.ev{font-size:13px;color:#59636e;font-style:italic}
.cite{font-size:12px;color:#0969da}
.legend span{margin-right:6px}
@media (max-width:640px){table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;
width:100%}table.cards tr:first-child{display:none}table.cards tr{border:1px solid var(--line);
border-radius:6px;margin:8px 0;padding:4px 0}table.cards td{border:none;text-align:left;
padding:2px 8px}table.cards td.n::before{content:"claim #"}
table.metrics,table.metrics tbody,table.metrics tr,table.metrics td{display:block;width:100%}
table.metrics tr:first-child{display:none}table.metrics tr{border:1px solid var(--line);
border-radius:6px;margin:8px 0}table.metrics td{border:none;border-top:1px solid var(--line);
display:flex;justify-content:space-between;gap:8px;padding:3px 8px}
table.metrics td.name{border-top:none;background:#f6f8fa;font-weight:600;overflow-wrap:anywhere}
table.metrics td[data-label]::before{content:attr(data-label);color:#59636e;text-align:left}
table.metrics td .d{display:inline;margin-left:6px}
table.diff td.name{overflow-wrap:anywhere}table.diff td,table.diff th{padding:4px 5px}}
"""


def _e(x: Any) -> str:
    return html.escape(str(x), quote=True)


def _badge(verdict: str, side: str = "") -> str:
    if verdict == "-":
        return f'<span class="v v-other">{"new claim" if side == "old" else "gone"}</span>'
    cls = verdict if verdict in _VERDICT_ORDER else "other"
    return f'<span class="v v-{cls}">{_e(verdict.replace("_", " "))}</span>'


def _html(payload: Mapping[str, Any]) -> str:
    runs = _runs(payload)
    gate = payload.get("gate") or {}
    names = _names(runs)
    body = [
        "<h1>llmbrief eval</h1>",
        f'<div class="meta">{_e(_header(payload))}</div>',
    ]
    for line in _judge_lines(payload):
        cls = "fail" if "CANNOT gate" in line else "pass"
        body.append(f'<div class="banner {cls}">{_e(line)}</div>')
    if gate:
        failed = [k for k, g in gate.items() if g["failed"]]
        word = "failed: " + ", ".join(failed) if failed else "passed"
        body.append(f'<div class="banner {"fail" if failed else "pass"}">Gate {_e(word)}</div>')
        items = []
        for label, g in gate.items():
            items += [f"{_e(label)}: {_e(x)}" for x in g["regressions"] + g["unscored"]]
            items += [f"{_e(label)}: ⚠ {_e(x)}" for x in g["forgiven"] + g["notes"]]
        if items:
            body.append('<ul class="lines">' + "".join(f"<li>{x}</li>" for x in items) + "</ul>")
    body.append("<h2>Metrics</h2>" + _html_metrics(runs, gate, names))
    if gate:
        body.append(
            '<p class="meta">Δ: change against the baseline run of the same drafter; red: '
            "fell by more than its tolerance.</p>"
        )
    if _unchanged_against_baseline(payload):
        body.append(f"<p>{_e(_unchanged_against_baseline(payload))}</p>")
    for title, changes in _change_pairs(payload):
        body.append(f"<h2>Claims that changed verdict: {_e(title).replace(' -&gt; ', ' → ')}</h2>")
        body.append(_html_changes(changes))
    repeats = _repeats(runs)
    for label, r in runs.items():
        body.append(f"<h2>Clusters: {_e(label)}</h2>")
        body.append(_html_rows(r["clusters"], repeats))
    body.append("<h2>Briefs</h2>")
    body.append('<p class="legend">' + " ".join(_badge(v) for v in _VERDICT_ORDER) + "</p>")
    for label, r in runs.items():
        body.append(f"<h3>{_e(label)}</h3>")
        body += [_html_brief(row) for row in r["clusters"]]
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>llmbrief eval</title><style>{_CSS}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _html_metrics(runs: Mapping[str, Any], gate: Mapping[str, Any], names: list[str]) -> str:
    head = "<tr><th>variant</th>" + "".join(f"<th>{_e(n)}</th>" for n in names) + "</tr>"
    rows = []
    for label, r in runs.items():
        g = gate.get(label)
        bad = _failing(g)
        cells = []
        for n in names:
            value = _fmt(r["metrics"].get(n))
            d = _delta(r["metrics"].get(n), g["base_metrics"].get(n)) if g else None
            sub = f'<span class="d">Δ {_e(_signed(d))}</span>' if d is not None else ""
            cls = ' class="fail"' if n in bad else ""
            cells.append(f'<td{cls} data-label="{_e(n)}"><span>{value}{sub}</span></td>')
        rows.append(f'<tr><td class="name">{_e(label)}</td>{"".join(cells)}</tr>')
    # on a phone each variant is a card of metric: value lines (no sideways scrolling)
    return f'<table class="metrics">{head}{"".join(rows)}</table>'


def _html_changes(changes: Sequence[Mapping[str, Any]]) -> str:
    if not changes:
        return "<p>None.</p>"
    rows = []
    for c in changes:
        n = c["new_n"] or c["old_n"] or ""
        sentence = _e(c["sentence"])
        if c.get("old_sentence"):
            sentence += f'<div class="ev">was: {_e(c["old_sentence"])}</div>'
        broke = ' class="fail"' if c.get("broke") else ""
        rows.append(
            f'<tr><td class="l">{_e(c["cluster"])}</td><td class="n">{n}</td>'
            f'<td class="l">{sentence}</td>'
            f'<td class="l">{_badge(c["old"], "old")} → {_badge(c["new"], "new")}</td>'
            f'<td class="l"{broke}>{_e(c["reason"])}</td></tr>'
        )
    head = (
        '<tr><th>cluster</th><th>#</th><th class="l">sentence</th><th class="l">verdict</th>'
        '<th class="l">reason</th></tr>'
    )
    return f'<table class="cards">{head}{"".join(rows)}</table>'


def _html_rows(rows: Sequence[Mapping[str, Any]], repeats: bool) -> str:
    cols = ["cluster", "status", "claims", "faithful", "cit.prec", "facts"]
    if repeats:
        cols += ["pass rate", "spread"]
    head = (
        '<tr><th>cluster</th><th class="l">brief</th>'
        + "".join(f"<th>{c}</th>" for c in cols[2:])
        + '<th class="l">counts</th></tr>'
    )
    out = []
    for r in rows:
        word = _status_word(r)
        cls = "st-flaky" if word == "flaky" else "" if word in ("passed", "scored") else "st-bad"
        first = f'<td class="l">{_e(r["cluster"])}</td><td class="l {cls}">{_e(word)}</td>'
        if r.get("status", "ok") != "ok":
            span = len(cols) - 1
            out.append(
                f'<tr>{first}<td class="l" colspan="{span}">{_e(r.get("error", ""))}</td></tr>'
            )
            continue
        cells = [
            str(r["claims"]),
            _fmt(r["faithfulness"], 2),
            _fmt(r["citation_precision"], 2),
            _fmt(r.get("fact_recall"), 2),
        ]
        if repeats:
            cells += [_fmt(r.get("pass_rate"), 2), _fmt(r.get("spread"), 2)]
        out.append(
            f"<tr>{first}"
            + "".join(f"<td>{c}</td>" for c in cells)
            + f'<td class="l">{_e(_counts(r))}</td></tr>'
        )
    return f'<div class="scroll"><table>{head}{"".join(out)}</table></div>'


def _html_brief(row: Mapping[str, Any]) -> str:
    if row.get("status", "ok") != "ok" or not row.get("drafts"):
        return (
            f"<details><summary>{_e(row['cluster'])}: "
            f'<span class="st-bad">{_e(_status_word(row))}</span></summary>'
            f"<p>{_e(row.get('error', ''))}</p></details>"
        )
    parts = []
    drafts = row["drafts"]
    failing = any(c["verdict"] != "supported" for d in drafts for c in d["claims"])
    for i, d in enumerate(drafts):
        if len(drafts) > 1:
            parts.append(f"<h4>draft {i + 1} of {len(drafts)}</h4>")
        parts.append(f"<p><strong>{_e(d.get('title', ''))}</strong></p><ol class='claims'>")
        for c in d["claims"]:
            # the claim's text usually carries its markers already; show only the others
            cites = "".join(f"[{_e(x)}]" for x in c["citations"] if f"[{x}]" not in c["text"])
            extra = ""
            if c["reasons"]:
                extra += f'<div class="why">{_e("; ".join(c["reasons"]))}</div>'
            if c.get("suggested_ids"):
                extra += f'<div class="why">supported by {_e(", ".join(c["suggested_ids"]))}</div>'
            for ev in c.get("evidence", []):
                extra += f'<div class="ev">[{_e(ev["article_id"])}] {_e(ev["sentence"])}</div>'
            parts.append(
                f'<li class="c-{_e(c["verdict"])}">{_e(c["text"])} '
                f'<span class="cite">{cites}</span> {_badge(c["verdict"])}{extra}</li>'
            )
        parts.append("</ol>")
    summary = f"{_e(row['cluster'])} · {_e(_counts(row))}"
    if row.get("flaky"):
        summary += ' · <span class="st-flaky">flaky</span>'
    opened = " open" if failing else ""
    return f"<details{opened}><summary>{summary}</summary>{''.join(parts)}</details>"


# -- eval diff ------------------------------------------------------------------------------


def render_diff(data: Mapping[str, Any], fmt: str) -> str:
    """``eval diff``'s result in ``fmt``: per variant, the metric changes (with tolerances)
    and the claims that changed verdict."""
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return _diff_markdown(data)
    if fmt == "html":
        return _diff_html(data)
    return _diff_text(data)


def _diff_verdict(data: Mapping[str, Any]) -> str:
    if not data["failed"]:
        return "nothing got worse"
    bad = [k for k, r in data["runs"].items() if r["failed"]]
    return "worse: " + ", ".join(bad)


def _metric_cells(m: Mapping[str, Any]) -> tuple[str, str, str, str]:
    mark = " FELL" if m["fell"] else ""
    return (
        str(m["metric"]),
        f"{_fmt(m['old'])} -> {_fmt(m['new'])}",
        _signed(m["delta"]) or "-",
        f"±{m['tolerance']:g}{mark}",
    )


def _diff_problems(r: Mapping[str, Any]) -> list[str]:
    lines = [f"fell: {x}" for x in r["regressions"]] + [f"not scored: {x}" for x in r["unscored"]]
    lines += [f"flaky: {x}" for x in r["forgiven"]] + [f"note: {x}" for x in r["notes"]]
    return lines


def _diff_text(data: Mapping[str, Any]) -> str:
    lines = [f"eval diff {data['old']} -> {data['new']}: {_diff_verdict(data)}"]
    for label, r in data["runs"].items():
        against = "" if r["against"] == label else f" (against {r['against']})"
        lines += ["", f"{label}{against}:"]
        rows = [("metric", "old -> new", "change", "tolerance")]
        rows += [_metric_cells(m) for m in r["metrics"]]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in rows:
            lines.append(
                "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
            )
        lines += ["  " + x for x in _diff_problems(r)]
        n = len(r["changes"])
        lines.append(
            f"  claims that changed verdict: {n}" if n else "  claims that changed verdict: none"
        )
        lines += ["    " + _text_change(c) for c in r["changes"]]
    return "\n".join(lines) + "\n"


def _diff_markdown(data: Mapping[str, Any]) -> str:
    head = "**fails**" if data["failed"] else "passes"
    out = [f"### eval diff `{data['old']}` → `{data['new']}`: {head}", ""]
    for label, r in data["runs"].items():
        against = "" if r["against"] == label else f" (against {_md(r['against'])})"
        out += [f"#### {_md(label)}{against}", ""]
        out += ["| metric | old → new | change | tolerance |", "|---|---:|---:|---:|"]
        for m in r["metrics"]:
            name, values, delta, tol = _metric_cells(m)
            if m["fell"]:
                delta = f"**{delta}** ❌"
            out.append(f"| {_md(name)} | {values.replace('->', '→')} | {delta} | {tol} |")
        problems = _diff_problems(r)
        out += ["", *(f"- {_md(x)}" for x in problems)] if problems else []
        out += ["", f"**Claims that changed verdict**: {len(r['changes']) or 'none'}"]
        out += _md_changes(r["changes"])
        out.append("")
    return "\n".join(out)


def _diff_html(data: Mapping[str, Any]) -> str:
    cls = "fail" if data["failed"] else "pass"
    body = [
        "<h1>llmbrief eval diff</h1>",
        f'<div class="meta">{_e(data["old"])} → {_e(data["new"])}</div>',
        f'<div class="banner {cls}">{_e(_diff_verdict(data).capitalize())}</div>',
    ]
    for label, r in data["runs"].items():
        body.append(f"<h2>{_e(label)}</h2>")
        if r["against"] != label:
            body.append(f'<p class="meta">against {_e(r["against"])}</p>')
        rows = []
        for m in r["metrics"]:
            bad = ' class="fail"' if m["fell"] else ""
            delta = (_signed(m["delta"]) or "-") + (" fell" if m["fell"] else "")
            rows.append(
                f'<tr><td class="name">{_e(m["metric"])}</td><td>{_fmt(m["old"])}</td>'
                f"<td>{_fmt(m['new'])}</td><td{bad}>{_e(delta)}</td>"
                f"<td>±{m['tolerance']:g}</td></tr>"
            )
        head = "<tr><th>metric</th><th>old</th><th>new</th><th>change</th><th>tol.</th></tr>"
        body.append(f'<div class="scroll"><table class="diff">{head}{"".join(rows)}</table></div>')
        problems = _diff_problems(r)
        if problems:
            body.append('<ul class="lines">' + "".join(f"<li>{_e(x)}</li>" for x in problems))
            body.append("</ul>")
        body.append("<h3>Claims that changed verdict</h3>" + _html_changes(r["changes"]))
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>llmbrief eval diff</title><style>{_CSS}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
