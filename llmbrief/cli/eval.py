"""``llmbrief eval``: suites scored, prompts compared, replies recorded and replayed, the
baseline gate, and ``eval diff OLD.json NEW.json``. (``eval verifier`` has its own module.)

Which drafters run (the *variants*):

* ``--model M`` (or ``LLMBRIEF_MODEL``): M with ``--prompt`` (default ``cluster_summary``) and
  each ``--compare`` prompt; live, or ``--record DIR`` (live, replies stored), or
  ``--replay DIR`` (offline, from stored replies).
* else ``--baseline B``: the drafters B was made with (its ``runs``), whatever the environment:
  an exported ``OPENAI_API_KEY`` or ``OPENAI_BASE_URL`` never turns a model on.
* else ``--replay DIR``: the extractive drafter and every model and prompt recorded in DIR.
* else the offline extractive drafter.

``--judge llm``: the judge (``--judge-model``, else ``--model``) is calibrated on labelled
claims first (``--judge-cases``, default ``evals/verifier_dev.jsonl``), then reviews every
brief's report before it is scored (see :mod:`llmbrief.evals.judging`). With ``--record DIR``
its replies are stored too; with ``--replay DIR`` it answers from them, offline, unless
``--judge-base-url`` names a live judge.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .._version import __version__
from ..client import ChatClient, ReplyCache
from ..config import EXTRACTIVE, ModelSettings, resolve_model
from ..draft import Drafter, ExtractiveDrafter, LLMDrafter
from ..errors import ConfigError, InputError
from ..evals.diff import claim_changes
from ..evals.gate import Tolerances, base_run_for, common_clusters, gate_run, load_tolerances
from ..evals.judging import JudgeTally, judge_record, judged
from ..evals.recordings import (
    JudgeRecorder,
    JudgeReplay,
    NotRecorded,
    RecordingModel,
    ReplayModel,
    recorded_variants,
)
from ..evals.report import render_report
from ..evals.suites import run_suites, suite_clusters
from ..evals.verifier import load_cases
from ..evals.versions import RESULTS_SCHEMA_VERSION, verifier_version
from ..llm import reply_versions
from ..load import read_text
from ..pipeline import summarize
from ..prompts import load_prompt
from ..types import Brief, Cluster
from ..verifier.judge import LLMJudge, calibrate, default_style
from ._common import (
    EXIT_FAIL,
    EXIT_OK,
    UsageError,
    add_judge_model_options,
    add_model_options,
    add_output_options,
    announce,
    close,
    output_format,
    positive,
    refuse_model_options,
    write,
)

DEFAULT_SUITE = "evals/clusters"
DEFAULT_PROMPT = "cluster_summary"
DEFAULT_JUDGE_CASES = "evals/verifier_dev.jsonl"
JUDGE_PROMPTS = {"chat": "verify_judge", "minicheck": "verify_judge_minicheck"}
FORMATS = ("text", "json", "markdown", "html")
# flags that mean something only with --judge llm: refused without it, never ignored
_JUDGE_FLAGS = ("judge_model", "judge_base_url", "judge_style", "judge_cases")


def add_parser(sub: Any) -> None:
    """Register the ``eval`` subcommand."""
    e = sub.add_parser(
        "eval",
        help="score briefs on fixture clusters, or the verifier on labelled claims",
        description="eval [SUITE ...]: summarize each fixture cluster and score faithfulness and "
        "citations (default suite: evals/clusters). `eval diff OLD.json NEW.json` lists what "
        "changed claim by claim between two saved results (see `eval diff --help`). "
        "`eval verifier CASES.jsonl ...` scores the verifier on labelled claims (see "
        "`eval verifier --help`).",
    )
    e.add_argument("suites", nargs="*", metavar="SUITE", help="suite directories or cluster files")
    add_output_options(e, FORMATS)
    e.add_argument(
        "--baseline",
        metavar="RESULTS.json",
        help="exit 1 when a metric falls below this earlier result by its tolerance, or a "
        "cluster is not scored; drafts with what the baseline was made with",
    )
    e.add_argument(
        "--save",
        metavar="RESULTS.json",
        help="also write the JSON result here (without the gate: a baseline, or the NEW of "
        "eval diff), whatever --format says",
    )
    e.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="PROMPT",
        help="another prompt to score side by side (repeatable)",
    )
    rec = e.add_mutually_exclusive_group()
    rec.add_argument(
        "--record", metavar="DIR", help="draft live with --model and store every reply in DIR"
    )
    rec.add_argument(
        "--replay", metavar="DIR", help="draft from replies stored in DIR (offline, no key)"
    )
    e.add_argument(
        "--repeat",
        type=positive,
        default=1,
        metavar="N",
        help="drafts per cluster for a model (pass rate, spread, flaky clusters)",
    )
    add_model_options(e)
    j = e.add_argument_group("judge")
    j.add_argument(
        "--judge",
        choices=["lexical", "llm"],
        default="lexical",
        help="lexical (offline, default), or llm: a model, calibrated first on labelled claims, "
        "also reviews each brief's undecided claims before the metrics are computed (recorded "
        "with --record, replayed with --replay unless --judge-base-url is given)",
    )
    add_judge_model_options(j)
    j.add_argument(
        "--judge-cases",
        metavar="CASES.jsonl",
        help=f"labelled claims the judge is calibrated on (default {DEFAULT_JUDGE_CASES})",
    )
    e.set_defaults(run=run)


@dataclass
class Variant:
    """One drafter to score, and how to tell it which cluster (and draft) comes next."""

    label: str
    drafter: Drafter
    info: dict[str, Any]
    begin: Callable[[Cluster, int], None] | None = None
    repeat: int = 1
    #: a line naming what runs (replays), or the settings of a live model and its role
    announce: str = ""
    settings: ModelSettings | None = None
    role: str = ""
    closers: list[Any] = field(default_factory=list)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``eval`` (or ``eval diff``); the exit status."""
    if "diff" in args.suites[:1] or "verifier" in args.suites[:1]:
        raise UsageError(
            f"llmbrief eval: {args.suites[0]} must come right after eval: "
            f"llmbrief eval {args.suites[0]} ... (see llmbrief eval {args.suites[0]} --help)"
        )
    if args.judge != "llm":
        for name in _JUDGE_FLAGS:
            if getattr(args, name) is not None:
                flag = "--" + name.replace("_", "-")
                raise UsageError(f"llmbrief eval: {flag} needs --judge llm (see --help)")
    fmt = output_format(args, FORMATS)
    suites = args.suites or [DEFAULT_SUITE]
    files = suite_clusters(suites)
    cases = _judge_cases(args.judge_cases) if args.judge == "llm" else None
    baseline = read_results(args.baseline, "baseline") if args.baseline else None
    tolerances = load_tolerances(baseline)
    variants = _variants(args, baseline)
    if args.judge != "llm" and all(v.info["model"] == EXTRACTIVE for v in variants):
        refuse_model_options(args)  # nothing would read them: refused, never ignored
    if args.repeat > 1 and all(v.info["model"] == EXTRACTIVE for v in variants):
        raise UsageError(
            "llmbrief eval: --repeat needs a model (--model M, --replay DIR): the extractive "
            "drafter writes the same brief every time"
        )
    runs: dict[str, dict[str, Any]] = {}
    judge: _Judge | None = None
    try:
        for v in variants:
            if v.settings is not None:
                announce(v.settings, err, v.role)
            elif v.announce:
                err.write(v.announce + "\n")
        if cases is not None:
            judge = _calibrated_judge(args, cases, err)
        total = sum(len(files) * v.repeat for v in variants)
        with _Bar(err, total) as bar:
            for v in variants:
                bar.describe(v.label)
                make = _brief_maker(v.drafter)
                tally = JudgeTally()
                if judge is not None:
                    make = judged(make, judge.judge, tally)
                result = run_suites(
                    suites, make, repeat=v.repeat, begin=v.begin, on_draft=bar.advance
                )
                runs[v.label] = {"drafter": v.info, **result}
                if judge is not None:
                    runs[v.label]["judge"] = judge.record(tally)
    finally:
        for v in variants:
            close(v.drafter)
        if judge is not None:
            close(judge.judge.model)
    payload = _payload(runs, tolerances)
    if args.save:
        write(json.dumps(_keep_notes(payload, args.save), indent=2) + "\n", args.save, out)
    code = EXIT_OK
    if baseline is not None:
        payload["gate"] = gate_results(runs, baseline, tolerances, args.baseline)
        code = _report_gate(payload["gate"], args.baseline, tolerances, err)
    elif _report_unscored(runs, err):
        code = EXIT_FAIL  # a cluster that was not scored is never a silent pass
    if args.out and fmt == "json":
        # a result written to a file may become a baseline: the gate against the old one is
        # stale there, and a regenerated baseline keeps its note
        saved = {k: v for k, v in payload.items() if k != "gate"}
        write(json.dumps(_keep_notes(saved, args.out), indent=2) + "\n", args.out, out)
    else:
        write(render_report(payload, fmt), args.out, out)
    return code


def _judge_cases(given: str | None) -> list[Any]:
    path = given or DEFAULT_JUDGE_CASES
    if not Path(path).is_file():
        raise InputError(
            path,
            "no such file: the labelled claims the judge is calibrated on "
            + ("" if given else "(run from the repository root, or give --judge-cases FILE)"),
        )
    return list(load_cases(path))


@dataclass
class _Judge:
    """The calibrated judge of a run, and what the report says about it."""

    judge: LLMJudge
    record: Callable[[JudgeTally], dict[str, Any]]


def _calibrated_judge(args: argparse.Namespace, cases: list[Any], err: TextIO) -> _Judge:
    """The ``--judge llm`` judge, measured against the labelled cases: live, or recorded into
    ``--record DIR``, or replayed from ``--replay DIR`` (offline)."""
    from ..llm import endpoint, make_judge

    where = args.judge_cases or DEFAULT_JUDGE_CASES
    first = f"calibrated on {len(cases)} labelled claims first"
    name = args.judge_model or args.model or os.environ.get("LLMBRIEF_MODEL")
    if args.replay and not args.judge_base_url and name and name != EXTRACTIVE:
        # offline: no key, no endpoint, only the model's name to find its replies by (an
        # explicit --judge-base-url asks a live judge beside replayed drafts)
        style = args.judge_style or default_style(name)
        prompt = load_prompt(JUDGE_PROMPTS[style])
        judge = LLMJudge(JudgeReplay(args.replay, name, prompt.id), prompt, style=style)
        source = f"replayed from {args.replay}"
        err.write(f"llmbrief: judging with {name} {source} (offline; {first})\n")
    else:
        settings = resolve_model(
            args.judge_model or args.model,
            args.judge_base_url or args.base_url,
            timeout=args.timeout,
        )
        # a recording holds what the judge says now, not what the cache remembers
        use_cache = not (args.no_cache or args.record)
        judge = make_judge(settings, use_cache=use_cache, style=args.judge_style)
        source = endpoint(settings)
        if args.record:
            judge.model = JudgeRecorder(judge.model, args.record, judge.prompt.id)
            first += f", recorded into {args.record}"
        announce(settings, err, f"judging ({first})")
    try:
        calibration = calibrate(judge, cases)
    except NotRecorded as e:
        raise NotRecorded(
            f"{e}; record the judge: eval --record DIR --judge llm --judge-model "
            f"{judge.model.model} --judge-base-url URL"
        ) from None
    except BaseException:
        close(judge.model)
        raise
    can = "can gate" if calibration.can_gate else "cannot gate"
    err.write(
        f"judge calibration on {where}: TPR {calibration.true_positive_rate:.3f}, "
        f"TNR {calibration.true_negative_rate:.3f}, kappa {calibration.kappa:.3f}, "
        f"{calibration.errors} error(s) of {calibration.n}: {can}\n"
    )
    return _Judge(judge, lambda tally: judge_record(calibration, where, source, tally))


def _report_unscored(runs: dict[str, dict[str, Any]], err: TextIO) -> bool:
    found = False
    for label, r in runs.items():
        rows = [row for row in r["clusters"] if row["status"] != "ok"]
        found = found or bool(rows)
        _write_unscored(label, rows, err)
    return found


def _write_unscored(label: str, rows: list[dict[str, Any]], err: TextIO) -> None:
    """One line per status: which clusters, and the first one's reason."""
    for status in ("not_recorded", "error", "judge_error"):
        hit = [r for r in rows if r["status"] == status]
        if not hit:
            continue
        names = ", ".join(r["cluster"] for r in hit)
        word = status.replace("_", " ")
        err.write(f"not scored: {names}: {word} ({hit[0]['error']}) [{label}]\n")
        if status == "not_recorded":
            model = label.split(" ")[0]
            err.write(f"  record them: eval --record DIR --model {model} [--base-url URL]\n")


# -- variants -------------------------------------------------------------------------------


def _variants(args: argparse.Namespace, baseline: dict[str, Any] | None) -> list[Variant]:
    # a baseline says what drafted it: only --model on the command line overrides it, never
    # the environment (LLMBRIEF_MODEL, OPENAI_API_KEY, OPENAI_BASE_URL)
    env_model = os.environ.get("LLMBRIEF_MODEL") if baseline is None else None
    model = args.model or env_model or None
    if args.record and not model:
        raise UsageError("llmbrief eval: --record DIR needs --model M (and a live endpoint)")
    if model and model != EXTRACTIVE:
        prompts = [args.prompt or DEFAULT_PROMPT, *args.compare]
        mode = "record" if args.record else "replay" if args.replay else "live"
        return [_llm_variant(args, model, p, mode, args.replay or args.record) for p in prompts]
    if args.prompt or args.compare:
        raise ConfigError("--prompt and --compare need an LLM (--model NAME); extractive has none")
    if model == EXTRACTIVE or (baseline is None and not args.replay):
        return [_extractive()]
    if baseline is not None:
        return _from_baseline(args, baseline)
    found = recorded_variants(args.replay)
    if not found:
        raise InputError(
            args.replay, "no recordings in it (eval --record DIR --model M makes them)"
        )
    seen: list[tuple[str, str]] = []
    for m, prompt_id in found:
        name = prompt_id.split("@")[0]
        if (m, name) not in seen:
            seen.append((m, name))
    return [_extractive()] + [_llm_variant(args, m, n, "replay", args.replay) for m, n in seen]


def _extractive() -> Variant:
    info = {"model": EXTRACTIVE, "prompt": "extractive@v1", "mode": "offline"}
    return Variant(EXTRACTIVE, ExtractiveDrafter(), info)


def _from_baseline(args: argparse.Namespace, baseline: dict[str, Any]) -> list[Variant]:
    runs = baseline.get("runs")
    if not isinstance(runs, dict) or not runs:
        # an older baseline (schema 1): made by the drafter it names, extractive by default
        made_by = str(baseline.get("variant", EXTRACTIVE)).split(" ")
        if made_by[0] == EXTRACTIVE:
            return [_extractive()]
        prompt = made_by[1].split("@")[0] if len(made_by) > 1 else DEFAULT_PROMPT
        return [_llm_variant(args, made_by[0], prompt, "live", None)]
    out = []
    for label, made in runs.items():
        d = made.get("drafter") or {}
        model = str(d.get("model") or "")
        if not model:
            raise InputError(args.baseline, f"run {label!r} names no model", field="drafter")
        if model == EXTRACTIVE:
            out.append(_extractive())
            continue
        source = str(d.get("prompt_source") or str(d.get("prompt", "")).split("@")[0])
        replay = args.replay or d.get("replay")
        mode = "replay" if replay else "live"
        out.append(_llm_variant(args, model, source, mode, replay))
    return out


def _llm_variant(
    args: argparse.Namespace, model: str, prompt_source: str, mode: str, folder: str | None
) -> Variant:
    prompt = load_prompt(prompt_source)
    repeat = args.repeat
    info: dict[str, Any] = {
        "model": model,
        "prompt": prompt.id,
        "prompt_source": prompt_source,
        "mode": mode,
    }
    budget = {"max_input_tokens": args.max_input_tokens, "context_window": args.context_window}
    if mode == "replay":
        assert folder is not None
        if not Path(folder).is_dir():
            raise InputError(folder, "no such recordings directory (made by eval --record DIR)")
        replay = ReplayModel(folder, model, prompt.id)
        info["replay"] = Path(folder).as_posix()
        return Variant(
            f"{model} {prompt.id}",
            LLMDrafter(replay, prompt, **budget),
            info,
            begin=replay.begin,
            repeat=repeat,
            announce=f"llmbrief: replaying {model} with {prompt.id} from {folder} (offline)",
        )
    settings = resolve_model(model, args.base_url, timeout=args.timeout)
    info["base_url"] = settings.base_url
    # repeats must be fresh drafts, and a recording must hold what the model said now
    cache = None if (mode == "record" or repeat > 1 or args.no_cache) else ReplyCache()
    client = ChatClient(
        settings,
        cache=cache,
        max_attempts=settings.max_attempts,
        versions=reply_versions(prompt.id, "llm"),
    )
    if mode == "record":
        assert folder is not None
        recorder = RecordingModel(client, folder, prompt.id)
        info["replay"] = Path(folder).as_posix()
        return Variant(
            f"{model} {prompt.id}",
            LLMDrafter(recorder, prompt, **budget),
            info,
            begin=recorder.begin,
            repeat=repeat,
            settings=settings,
            role=f"drafting ({prompt.id}, recorded into {folder})",
        )
    return Variant(
        f"{model} {prompt.id}",
        LLMDrafter(client, prompt, **budget),
        info,
        repeat=repeat,
        settings=settings,
        role=f"drafting ({prompt.id})",
    )


def _brief_maker(d: Drafter) -> Callable[[Cluster], Brief]:
    return lambda cluster: summarize(cluster, d)


# -- results, gate, diff --------------------------------------------------------------------


def read_results(path: str, what: str) -> dict[str, Any]:
    try:
        data = json.loads(read_text(path, f"the {what}"))
    except json.JSONDecodeError as e:
        raise InputError(
            path, f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg} (the {what})"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("metrics"), dict):
        raise InputError(path, "must be an eval JSON result", field="metrics")
    return data


def _compact(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "drafts"}


def _payload(runs: dict[str, dict[str, Any]], tolerances: Tolerances) -> dict[str, Any]:
    labels = list(runs)
    first = runs[labels[0]]
    prompts = sorted(
        {r["drafter"]["prompt"] for r in runs.values() if r["drafter"]["model"] != EXTRACTIVE}
    )
    payload: dict[str, Any] = {
        "schema_version": RESULTS_SCHEMA_VERSION,
        "llmbrief": __version__,
        "verifier": verifier_version(),
        "prompts": prompts,
        "drafter": first["drafter"],
        "metrics": first["metrics"],
        "variant": labels[0],
        "variants": {k: v["metrics"] for k, v in runs.items()},
        "clusters": [_compact(r) for r in first["clusters"]],
        "runs": runs,
        "tolerances": dict(sorted(tolerances.per_metric.items())),
    }
    if len(labels) > 1:
        payload["changes"] = {
            f"{ref} -> {other}": [
                c.as_dict() for c in claim_changes(runs[ref]["clusters"], runs[other]["clusters"])
            ]
            for ref, other in _compared(runs)
        }
    return payload


def _compared(runs: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    """Each variant against the first earlier one of the same model (prompts compared), else
    against the first variant."""
    labels = list(runs)
    pairs = []
    for k, label in enumerate(labels[1:], 1):
        model = runs[label]["drafter"]["model"]
        same = [x for x in labels[:k] if runs[x]["drafter"]["model"] == model]
        pairs.append((same[0] if same else labels[0], label))
    return pairs


def _keep_notes(payload: dict[str, Any], path: str) -> dict[str, Any]:
    """Regenerating a baseline in place keeps its note (and, with no pyproject table, its
    tolerances)."""
    try:
        old = json.loads(read_text(path))
    except (InputError, ValueError):
        return payload
    if not isinstance(old, dict):
        return payload
    kept = dict(payload)
    if old.get("note"):
        kept["note"] = old["note"]
    if not kept.get("tolerances") and isinstance(old.get("tolerances"), dict):
        kept["tolerances"] = old["tolerances"]
    return kept


def gate_results(
    runs: dict[str, dict[str, Any]],
    baseline: dict[str, Any],
    tolerances: Tolerances,
    source: str,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for label, new in runs.items():
        against, base = base_run_for(baseline, label, new["drafter"])
        base, left_out = common_clusters(base, new)
        result = gate_run(new, base, tolerances)
        result.notes[:0] = left_out
        # an older baseline has no per-claim verdicts: nothing to pair the claims with
        has_claims = any(r.get("drafts") for r in base.get("clusters", []))
        changes = claim_changes(base["clusters"], new["clusters"]) if has_claims else []
        base_metrics = base.get("metrics", {})
        out[label] = {
            "against": against or f"{source} (metrics)",
            "failed": result.failed,
            "regressions": result.regressions,
            "forgiven": result.forgiven,
            "unscored": result.unscored,
            "unscored_rows": [_compact(r) for r in new["clusters"] if r["status"] != "ok"],
            "notes": result.notes,
            "base_metrics": base_metrics,
            "changes": [c.as_dict() for c in changes],
        }
    return out


def _report_gate(gate: dict[str, Any], source: str, tol: Tolerances, err: TextIO) -> int:
    failed = False
    for label, g in gate.items():
        for line in g["notes"]:
            err.write(f"{label}: {line}\n")
        for line in g["forgiven"]:
            err.write(f"{label}: flaky: {line}\n")
        if not g["failed"]:
            continue
        failed = True
        for line in g["regressions"]:
            err.write(f"regression: {line} [{label}]\n")
        _write_unscored(label, g["unscored_rows"], err)
        # clusters not scored are listed once above, not again as broken claims
        broke = [c for c in g["changes"] if c["broke"] and (c["new_n"] or c["old_n"])]
        if broke:
            err.write(f"claims that broke against {g['against']}:\n")
            for c in broke:
                err.write("  " + _change_line(c) + "\n")
    if failed:
        return EXIT_FAIL
    err.write(
        f"baseline {source}: no metric fell beyond its tolerance (tolerances from {tol.source})\n"
    )
    return EXIT_OK


def _change_line(c: dict[str, Any]) -> str:
    where = c["cluster"] + (f" #{c['new_n'] or c['old_n']}" if c["old_n"] or c["new_n"] else "")
    text = f' "{c["sentence"]}"' if c["sentence"] else ""
    old = "(new claim)" if c["old"] == "-" else c["old"]
    return f"{where} {old} -> {c['new']}:{text} ({c['reason']})"


# -- progress ---------------------------------------------------------------------------------


class _Bar:
    """A progress bar on stderr when it is a terminal (done, failed, rate, ETA); else silent.

    ``rich`` draws it: its Progress handles terminal width, refresh and clean-up, which a
    hand-written ``\\r`` line did not (no rate, no ETA, garbled by warnings).
    """

    def __init__(self, stream: TextIO, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        console = Console(file=stream)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(bar_width=20),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=console,
            disable=not console.is_terminal,
            transient=False,
        )
        self.task = self.progress.add_task("eval", total=total, failed=0, rate="")
        self.failed = 0

    def __enter__(self) -> _Bar:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def describe(self, label: str) -> None:
        short = label if len(label) <= 32 else label[:31] + "…"
        self.progress.update(self.task, description=short)

    def advance(self, failed: bool, count: int = 1) -> None:
        self.failed += count if failed else 0
        self.progress.advance(self.task, count)
        speed = self.progress.tasks[0].speed
        rate = f"{speed:.1f} drafts/s" if speed else ""
        self.progress.update(self.task, failed=self.failed, rate=rate)
