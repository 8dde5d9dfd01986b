"""``llmbrief eval verifier``: the verifier scored on labelled claims (FORMATS section 5).

It has a parser of its own (``llmbrief eval verifier --help``): its options are not those of
``eval`` over fixture suites. Several case files (or folders of them) make a suite: one row per
set for ours and one for the ROUGE-L baseline, the macro average last.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError
from ..evals.briefs import BriefCase, BriefSetResult, evaluate_briefs, is_brief_set, load_brief_set
from ..evals.verifier import (
    SuiteResult,
    check_counts,
    compare_verifier_baseline,
    evaluate_suite,
    load_briefs_baseline,
    load_case_sets,
    load_verifier_baseline,
)
from ..verifier.support import DEFAULT_MIN_SUPPORT
from ._common import (
    EXIT_FAIL,
    EXIT_OK,
    Parser,
    Progress,
    add_output_options,
    output_format,
    share,
    write,
)

FORMATS = ("text", "json", "markdown")


def build_parser() -> Parser:
    """The parser of ``llmbrief eval verifier``."""
    p = Parser(
        prog="llmbrief eval verifier",
        description="Score the verifier on labelled claims (JSONL, FORMATS section 5): per set "
        "n, balanced accuracy, AUC of the per-claim score, precision/recall and speed, beside "
        "a ROUGE-L precision baseline (one threshold chosen on all the sets given), and the "
        "macro average over the sets.",
        epilog="Exit status: 0 ok, 1 a set fell below --baseline, 2 bad input or usage.",
    )
    p.add_argument(
        "cases",
        nargs="+",
        metavar="CASES.jsonl|DIR",
        help="labelled claims; a folder means every *.jsonl in it; each file is a set "
        "named by its stem. A folder of hand-made briefs (NAME.txt beside "
        "NAME.expected.json) is a brief set named by the folder: exact verdicts, supported "
        "sentences flagged, slips found",
    )
    add_output_options(p, FORMATS)
    p.add_argument("--errors", action="store_true", help="list the misjudged cases per set")
    p.add_argument(
        "--by-check",
        action="store_true",
        help="per check and set: catches, false alarms, and how often it was the only reason",
    )
    p.add_argument(
        "--baseline",
        metavar="VERIFIER_BASELINE.json",
        help="an earlier --format json result; exit 1 when a set's balanced accuracy (a brief "
        "set's exact-verdict rate) fell by more than 1 point (sets it lacks, or this run "
        "lacks, are noted and skipped)",
    )
    p.add_argument(
        "--min-support",
        type=share,
        metavar="X",
        help=f"the verifier's strictness, 0 to 1, as in verify --min-support (default "
        f"{DEFAULT_MIN_SUPPORT:g}): higher flags more",
    )
    return p


def _brief_sets(paths: Sequence[str]) -> dict[str, tuple[Path, list[BriefCase]]]:
    sets: dict[str, tuple[Path, list[BriefCase]]] = {}
    for p in map(Path, paths):
        name = p.resolve().name
        if name in sets:
            raise InputError(
                str(p), f"a brief set named {name!r} is already given ({sets[name][0]})"
            )
        sets[name] = (p, load_brief_set(p))
    return sets


def main(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Parse ``argv`` (what follows ``eval verifier``) and run; the exit status."""
    # Intermixed: options may come before, between or after the case files.
    args = build_parser().parse_intermixed_args(list(argv))
    fmt = output_format(args, FORMATS)
    brief_paths = [p for p in args.cases if is_brief_set(p)]
    claim_paths = [p for p in args.cases if p not in brief_paths]
    sets = load_case_sets(claim_paths) if claim_paths else {}
    brief_sets = _brief_sets(brief_paths)
    baseline = load_verifier_baseline(args.baseline) if args.baseline else None
    brief_baseline = load_briefs_baseline(args.baseline) if args.baseline else None
    result = None
    if sets:
        result = evaluate_suite(
            sets, lambda name: Progress(f"{name}: claims", err), min_support=args.min_support
        )
    briefs = {
        name: (
            str(path),
            evaluate_briefs(cases, Progress(f"{name}: briefs", err), args.min_support),
        )
        for name, (path, cases) in brief_sets.items()
    }
    gate: dict[str, Any] | None = None
    if baseline is not None and brief_baseline is not None:
        failures: list[str] = []
        notes: list[str] = []
        if result is not None:
            now = {name: r.balanced_accuracy for name, r in result.sets.items()}
            failures, notes = compare_verifier_baseline(now, baseline)
        if briefs:
            rates = {name: r.exact_rate for name, (_, r) in briefs.items()}
            f2, n2 = compare_verifier_baseline(rates, brief_baseline, what="exact-verdict rate")
            failures, notes = failures + f2, notes + n2
        gate = {"baseline": args.baseline, "failures": failures, "notes": notes}
    if fmt == "json":
        data = result.as_dict(args.errors, args.by_check) if result is not None else {}
        if briefs:
            data["briefs"] = {
                name: {"set": name, "file": path, **r.as_dict(args.errors)}
                for name, (path, r) in briefs.items()
            }
        if gate is not None:
            data["gate"] = gate
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    elif fmt == "markdown":
        text = _markdown(result, args.errors, args.by_check) if result is not None else ""
        text += _briefs_markdown(briefs, args.errors) + _gate_markdown(gate)
    else:
        parts = [_text(result, args.errors, args.by_check)] if result is not None else []
        parts += [_briefs_text(name, path, r, args.errors) for name, (path, r) in briefs.items()]
        if args.by_check and result is None:
            parts.append("--by-check counts checks on labelled claim sets; none was given\n")
        text = "\n".join(parts) + _gate_text(gate)
    write(text, args.out, out)
    if gate is None:
        return EXIT_OK
    if args.out or fmt == "json":  # a text report on stdout already holds the notes
        for note in gate["notes"]:
            err.write(f"note: {note}\n")
    for failure in gate["failures"]:
        err.write(f"regression: {failure}\n")
    return EXIT_FAIL if gate["failures"] else EXIT_OK


# ---- text and markdown ---------------------------------------------------------------------

_COLUMNS = ("BA", "AUC", "P(uns)", "R(uns)", "R(sup)", "claims/s")
_NO_CHECKS = "no per-check data available: the verifier reported no checks for any claim"


def _num(x: float | None, digits: int = 3) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def _rows(result: SuiteResult) -> list[list[str]]:
    """Table rows: per set ours then the baseline; the macro pair last."""
    label = f"ROUGE-L>={result.threshold:.3f}"
    rows = []
    blocks = [(name, r.n, r.as_dict(), result.baseline[name]) for name, r in result.sets.items()]
    if len(blocks) > 1:
        m = result.macro
        blocks.append((f"macro ({m['sets']} sets)", m["n"], m, m["baseline"]))
    for name, n, ours, base in blocks:
        rows.append([name, str(n), "llmbrief", *_metric_cells(ours), _speed(ours)])
        rows.append(["", "", label, *_metric_cells(base), ""])
    return rows


_METRICS = (
    "balanced_accuracy",
    "auc",
    "precision_unsupported",
    "recall_unsupported",
    "recall_supported",
)


def _metric_cells(d: dict[str, Any]) -> list[str]:
    return [_num(d.get(k)) for k in _METRICS]


def _speed(d: dict[str, Any]) -> str:
    return f"{d['claims_per_second']:.0f}"


def _notes(result: SuiteResult) -> list[str]:
    k = len(result.sets)
    out = [
        f"baseline: ROUGE-L precision of the claim against its cited text, supported when "
        f">= {result.threshold:.4f} (one threshold, chosen "
        + (
            f"on the {k} sets of this run for the best macro"
            if k > 1
            else "on this set for the best"
        )
        + " balanced accuracy)"
    ]
    for name, r in result.sets.items():
        if r.outcomes and len({o.score for o in r.outcomes}) == 1:
            out.append(
                f"{name}: every claim has the same score ({r.outcomes[0].score:g}), so its "
                "AUC says nothing yet"
            )
    strictness = next(iter(result.sets.values())).min_support
    if strictness is not None:
        out.append(f"--min-support {strictness:g}: the verifier's strictness for this run")
    return out


def _text(result: SuiteResult, errors: bool, by_check: bool) -> str:
    header = ["set", "n", "scorer", *_COLUMNS]
    rows = [header, *_rows(result)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for i, row in enumerate(rows):
        cells = [
            c.ljust(widths[j]) if j in (0, 2) else c.rjust(widths[j]) for j, c in enumerate(row)
        ]
        if i > 1 and row[0]:
            lines.append("")  # a blank line before each set
        lines.append("  ".join(cells).rstrip())
    lines += ["", *_notes(result)]
    if len(result.sets) == 1:
        r = next(iter(result.sets.values()))
        c = r.confusion
        lines += [
            "",
            "confusion (rows: label, columns: prediction)",
            f"{'':14}{'supported':>12}{'unsupported':>13}",
        ]
        for t in ("supported", "unsupported"):
            lines.append(f"{t:14}{c[t]['supported']:>12}{c[t]['unsupported']:>13}")
        if len(r.by_type) > 1:
            lines += ["", "by type (predicted supported / unsupported)"]
            for k, v in r.by_type.items():
                lines.append(f"  {k:28} {v.get('supported', 0):>4} / {v.get('unsupported', 0):<4}")
    if by_check:
        lines += ["", *_check_text(result)]
    if errors:
        for name, r in result.sets.items():
            lines += ["", f"misjudged in {name}: {len(r.errors)}"]
            for e in r.errors:
                why = "; ".join(e["reasons"][:2]) or "no reason given"
                lines.append(
                    f"  {e['id']}: label {e['label']}, got {e['verdict']} "
                    f"(score {e['score']:.2f}): {why}"
                )
                lines.append(f"    {e['claim']}")
    return "\n".join(lines) + "\n"


def _gate_text(gate: dict[str, Any] | None) -> str:
    if gate is None:
        return ""
    lines = ["", f"gate against {gate['baseline']} (a set may fall by 1 point at most):"]
    lines += [f"  FAIL {f}" for f in gate["failures"]] or ["  ok: no set fell"]
    lines += [f"  note: {n}" for n in gate["notes"]]
    return "\n".join(lines) + "\n"


def _gate_markdown(gate: dict[str, Any] | None) -> str:
    if gate is None:
        return ""
    verdict = "**fails**" if gate["failures"] else "passes"
    lines = ["", f"Gate against `{gate['baseline']}`: {verdict}."]
    lines += [f"- {f}" for f in gate["failures"]] + [f"- note: {n}" for n in gate["notes"]]
    return "\n".join(lines) + "\n"


_TARGET = "target: at most 1 in 20"


def _brief_rows(r: BriefSetResult) -> list[tuple[str, str]]:
    d = r.as_dict()
    found = d["found"]
    rows = [
        ("sentences", f"{r.n} in {r.briefs} briefs"),
        ("exact verdicts (5 classes)", f"{r.exact} of {r.n}: {_pct(d['exact_rate'])}"),
        (
            "supported sentences flagged",
            f"{r.supported_flagged} of {r.supported}: {_pct(d['supported_flagged_rate'])} "
            f"({_TARGET})",
        ),
    ]
    for slip, c in found.items():
        extra = ""
        if slip == "misattributed":
            extra = f" (first suggested id right: {r.suggested_right})"
        rows.append((f"{slip} found", f"{c['found']} of {c['expected']}{extra}"))
    rows.append(("claims/s", f"{d['claims_per_second']:.0f}"))
    return rows


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x * 100:.1f}%"


def _briefs_text(name: str, path: str, r: BriefSetResult, errors: bool) -> str:
    lines = [f"hand-made briefs {name} ({path})"]
    rows = _brief_rows(r)
    width = max(len(k) for k, _ in rows)
    lines += [f"  {k.ljust(width)}  {v}" for k, v in rows]
    verdicts = list(r.confusion)
    w = max(len(v) for v in verdicts)
    lines += ["", "  verdicts (rows: expected, columns: given)"]
    lines.append("  " + " " * w + "".join(f"{v:>15}" for v in verdicts))
    for v in verdicts:
        lines.append(f"  {v.ljust(w)}" + "".join(f"{r.confusion[v][g]:>15}" for g in verdicts))
    lines += ["", "  by brief (exact of sentences; supported flagged of supported)"]
    w = max(len(b) for b in r.by_brief)
    for brief, t in r.by_brief.items():
        lines.append(
            f"  {brief.ljust(w)}  {t['exact']:>3} of {t['n']:<3}  "
            f"{t['supported_flagged']:>2} of {t['supported']}"
        )
    if errors:
        lines += ["", f"misjudged in {name}: {len(r.errors)}"]
        for e in r.errors:
            why = "; ".join(e["reasons"][:2]) or "no reason given"
            got = e["verdict"]
            if e["suggestion_missed"]:
                got += f" suggesting {e['suggested_ids']}, not one of {e['expected_ids']}"
            lines.append(
                f"  {e['brief']} #{e['index'] + 1}: expected {e['expected']}, got {got} "
                f"(score {e['score']:.2f}): {why}"
            )
            lines.append(f"    {e['claim']}")
            if e["why"]:
                lines.append(f"    (expected because: {e['why']})")
    return "\n".join(lines) + "\n"


def _briefs_markdown(briefs: dict[str, tuple[str, BriefSetResult]], errors: bool) -> str:
    lines: list[str] = []
    for name, (path, r) in briefs.items():
        lines += ["", f"Hand-made briefs **{name}** (`{path}`):", "", "| measure | value |"]
        lines.append("|---|---|")
        lines += [f"| {k} | {v} |" for k, v in _brief_rows(r)]
        if errors:
            lines += ["", f"<details><summary>Misjudged in {name}: {len(r.errors)}</summary>", ""]
            for e in r.errors:
                claim = " ".join(e["claim"].split()).replace("|", "\\|")
                lines.append(
                    f"- `{e['brief']}` #{e['index'] + 1} expected {e['expected']}, got "
                    f"{e['verdict']}: {claim}"
                )
            lines += ["", "</details>"]
    return "\n".join(lines) + "\n" if lines else ""


_CHECK_HEADER = ("check", "ran", "catches", "false alarms", "only: catch", "only: false alarm")
_CHECK_KEYS = ("ran", "catches", "false_alarms", "only_catches", "only_false_alarms")


def _check_tables(result: SuiteResult) -> list[tuple[str, dict[str, dict[str, int]]]]:
    tables = [(name, check_counts(r.outcomes)) for name, r in result.sets.items()]
    if len(tables) > 1:
        every = check_counts(o for r in result.sets.values() for o in r.outcomes)
        tables.append(("all sets", every))
    return tables


def _check_text(result: SuiteResult) -> list[str]:
    tables = _check_tables(result)
    if not any(counts for _, counts in tables):
        return [_NO_CHECKS]
    lines = [
        "checks (catch: fired on an unsupported claim; false alarm: fired on a supported one; "
        "only: the only check that fired)"
    ]
    for name, counts in tables:
        rows = [list(_CHECK_HEADER)]
        rows += [[check, *(str(c[k]) for k in _CHECK_KEYS)] for check, c in counts.items()]
        widths = [max(len(r[i]) for r in rows) for i in range(len(_CHECK_HEADER))]
        lines += ["", f"{name}:"]
        for r in rows:
            cells = [c.ljust(widths[0]) if j == 0 else c.rjust(widths[j]) for j, c in enumerate(r)]
            lines.append("  " + "  ".join(cells))
        if not counts:
            lines.append("  (no checks reported)")
    return lines


def _markdown(result: SuiteResult, errors: bool, by_check: bool) -> str:
    header = ["set", "n", "scorer", *_COLUMNS]
    lines = [
        "| " + " | ".join(header) + " |",
        "|---|--:|---|" + "--:|" * len(_COLUMNS),
    ]
    for row in _rows(result):
        name = f"**{row[0]}**" if row[0].startswith("macro") else row[0]
        lines.append("| " + " | ".join([name, *row[1:]]) + " |")
    lines += [""] + [f"- {n}" for n in _notes(result)]
    if by_check:
        tables = _check_tables(result)
        if not any(counts for _, counts in tables):
            tables = []
            lines += ["", _NO_CHECKS[0].upper() + _NO_CHECKS[1:] + "."]
        for name, counts in tables:
            lines += ["", f"Checks on **{name}**:", ""]
            lines += ["| " + " | ".join(_CHECK_HEADER) + " |", "|---|" + "--:|" * 5]
            for check, c in counts.items():
                lines.append(f"| {check} | " + " | ".join(str(c[k]) for k in _CHECK_KEYS) + " |")
    if errors:
        for name, r in result.sets.items():
            lines += ["", f"<details><summary>Misjudged in {name}: {len(r.errors)}</summary>", ""]
            for e in r.errors:
                claim = " ".join(e["claim"].split()).replace("|", "\\|")
                lines.append(f"- `{e['id']}` label {e['label']}, got {e['verdict']}: {claim}")
            lines += ["", "</details>"]
    return "\n".join(lines) + "\n"
