"""``llmbrief batch``: many clusters, JSONL in, JSONL out, nothing lost.

Each result is appended and flushed as it finishes, one whole line per write, so whatever
stops the run (Ctrl-C, a crash, SIGKILL) leaves every finished brief on disk. ``--resume``
keeps the briefs already written (dropping failure lines, which it retries, and a last line
cut short by a kill) and runs the rest, so the output ends with exactly one line per cluster.

A ``cluster_id`` seen twice stops the run with exit 2 as soon as the reader meets it: the
briefs written before that point are kept (they are right, and ``--resume`` after fixing the
input goes on from there).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ..batch import FailedCluster, read_clusters, summarize_many
from ..errors import InputError
from ..types import Brief
from ._common import (
    EXIT_FAIL,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    add_summary_options,
    announce,
    brief_maker,
    check_summary_options,
    close,
    make_drafter,
    model_settings,
    positive,
    positive_float,
    refuse_model_options,
    refuse_writing_over_input,
)

EXIT_INTERRUPTED = 130


def add_parser(sub: Any) -> None:
    """Register the ``batch`` subcommand."""
    b = sub.add_parser(
        "batch",
        help="summarize many clusters (JSONL in, JSONL out)",
        description="One cluster per input line; one brief JSON per output line, written and "
        "flushed as each finishes (in the order they finish). Failures are written as "
        "{cluster_id, error} and retried by --resume. An existing OUT is never replaced "
        "silently: give --resume to go on with it, or --overwrite to start afresh. OUT must not "
        "be IN.",
        epilog="--resume keeps every brief line of OUT whose cluster_id is not a failure, "
        "whatever input wrote it, and runs the clusters of IN whose ids are not among them: "
        "resuming with a different IN adds its clusters to OUT and keeps the old ones. "
        "Exit status: 0 ok, 1 a cluster failed (or, with --strict, a brief failed "
        "verification), 2 bad input or usage, 130 interrupted.",
    )
    b.add_argument("input", metavar="IN.jsonl", help="clusters, one JSON object per line")
    b.add_argument(
        "output",
        metavar="OUT.jsonl",
        help="briefs (and failures), one JSON object per line; not IN",
    )
    b.add_argument("--concurrency", type=positive, default=8, help="clusters at once (default 8)")
    b.add_argument(
        "--rpm", type=positive_float, help="most model requests per minute, across all workers"
    )
    b.add_argument(
        "--tpm",
        type=positive_float,
        help="most tokens per minute (prompt + reply room, counted with tiktoken)",
    )
    again = b.add_mutually_exclusive_group()
    again.add_argument(
        "--resume",
        action="store_true",
        help="keep the briefs already in OUT (failure lines are retried); run the rest",
    )
    again.add_argument(
        "--overwrite", action="store_true", help="replace an existing OUT (its briefs are lost)"
    )
    b.add_argument(
        "-f",
        "--format",
        choices=["json"],
        default="json",
        help="OUT holds one brief JSON per line (FORMATS section 3); the only format",
    )
    add_summary_options(b)
    # summarize's --strict; suppressed if it has become one of the shared summary options
    with contextlib.suppress(argparse.ArgumentError):
        b.add_argument(
            "--strict", action="store_true", help="exit 1 when any brief fails verification"
        )
    b.set_defaults(run=run)


def _resume(out_path: Path) -> set[str]:
    """Rewrite OUT keeping one brief line per finished cluster; the ids kept.

    Streams line by line (a 100k-line file is never held in memory) into a temporary file
    that replaces OUT atomically. Dropped: failure lines (retried now), a last line cut short
    by a kill, anything unreadable, and a second line for a cluster already kept.
    """
    done: set[str] = set()
    if not out_path.exists():
        return done
    tmp = out_path.with_name(out_path.name + ".tmp")
    try:
        with (
            out_path.open(encoding="utf-8", errors="replace") as src,
            tmp.open("w", encoding="utf-8") as dst,
        ):
            for line in src:
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue  # cut short by a crash: that cluster runs again
                if not isinstance(row, dict) or "error" in row or "cluster_id" not in row:
                    continue
                cid = str(row["cluster_id"])
                if cid in done:
                    continue
                done.add(cid)
                dst.write(line if line.endswith("\n") else line + "\n")
        os.replace(tmp, out_path)
    except OSError as e:
        raise InputError(str(out_path), f"cannot resume: {e.strerror}") from None
    return done


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _count_lines(path: Path) -> int | None:
    """Non-empty lines of the input, for the progress bar's total (read in chunks)."""
    try:
        n = 0
        last = b"\n"
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                n += chunk.count(b"\n")
                last = chunk[-1:]
        return n + (last != b"\n")
    except OSError:
        return None


@dataclass
class _Tally:
    written: int = 0
    unverified: int = 0
    failed: int = 0
    tokens: int = 0
    cost: float = 0.0
    priced: bool = False

    def add(self, result: Brief | FailedCluster) -> None:
        if isinstance(result, FailedCluster):
            self.failed += 1
            return
        self.written += 1
        if result.verification is not None and not result.verification.ok:
            self.unverified += 1
        self.tokens += result.usage.prompt_tokens + result.usage.completion_tokens
        if result.usage.cost_usd is not None:
            self.cost += result.usage.cost_usd
            self.priced = True


class _Bar:
    """A rich progress bar on stderr when it is a terminal; nothing otherwise."""

    def __init__(self, err: TextIO, total: int | None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        console = Console(file=err, stderr=True)
        self.progress = Progress(
            TextColumn("batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TextColumn("{task.fields[unverified]} failed verification"),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[spend]}"),
            console=console,
            disable=not console.is_terminal,
        )
        self.task = self.progress.add_task(
            "batch", total=total, failed=0, unverified=0, rate="", spend=""
        )

    def __enter__(self) -> _Bar:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def update(self, tally: _Tally) -> None:
        speed = self.progress.tasks[0].speed
        spend = f"{tally.tokens:,} tokens" + (f" ${tally.cost:.4f}" if tally.priced else "")
        self.progress.update(
            self.task,
            advance=1,
            failed=tally.failed,
            unverified=tally.unverified,
            rate=f"{speed:.1f} clusters/s" if speed else "",
            spend=spend if tally.tokens else "",
        )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``batch``; the exit status."""
    check_summary_options(args)
    if args.output == "-":
        raise UsageError("llmbrief batch: OUT must be a file (it is appended to as briefs finish)")
    refuse_writing_over_input(args.output, [args.input], "batch")
    in_path, out_path = Path(args.input), Path(args.output)
    settings = model_settings(args)
    if not settings.is_llm:
        refuse_model_options(args)  # before OUT is touched
    if not (args.resume or args.overwrite) and _has_content(out_path):
        raise UsageError(
            f"llmbrief batch: {out_path} exists and is not empty: --resume goes on with it, "
            "--overwrite replaces it"
        )
    done = _resume(out_path) if args.resume else set()
    clusters = read_clusters(in_path, skip=done)
    first = next(clusters, None)  # refuse input that is not one cluster per line before work
    drafter = make_drafter(args)
    announce(settings, err)
    try:
        handle = out_path.open("a" if args.resume else "w", encoding="utf-8")
    except OSError as e:
        close(drafter)
        raise InputError(str(out_path), f"cannot write: {e.strerror}") from None

    def items() -> Any:
        if first is not None:
            yield first[1]
        for _, c in clusters:
            yield c

    tally = _Tally()

    async def consume(bar: _Bar) -> None:
        async for result in summarize_many(
            items(),
            drafter,
            concurrency=args.concurrency,
            rpm=args.rpm,
            tpm=args.tpm,
            make=brief_maker(args, drafter),  # every summarize option, as summarize uses them
        ):
            if isinstance(result, FailedCluster):
                line = result.to_json()
            else:
                line = result.model_dump_json()
            handle.write(line + "\n")  # one write per line: a kill never splits two lines
            handle.flush()  # what finished is on disk, whatever happens next
            tally.add(result)
            bar.update(tally)

    total = _count_lines(in_path) if err.isatty() else None
    try:
        with handle, _Bar(err, None if total is None else max(0, total - len(done))) as bar:
            asyncio.run(consume(bar))
    except KeyboardInterrupt:
        err.write(_summary(tally, done, out_path, "interrupted: ") + "; --resume finishes it\n")
        return EXIT_INTERRUPTED
    except InputError as e:  # a duplicate cluster_id met on the way: what is written stays
        kept = f"{tally.written + tally.failed} lines written before it kept in {out_path}"
        err.write(f"llmbrief: error: {e}; {kept}\n")
        return EXIT_USAGE
    finally:
        close(drafter)
    err.write(_summary(tally, done, out_path, "") + "\n")
    if tally.failed or (getattr(args, "strict", False) and tally.unverified):
        return EXIT_FAIL
    return EXIT_OK


def _summary(tally: _Tally, done: set[str], out_path: Path, how: str) -> str:
    checked = f" ({tally.unverified} failed verification)" if tally.unverified else ""
    spend = ""
    if tally.tokens:
        cost = f", ${tally.cost:.4f}" if tally.priced else ""
        spend = f" ({tally.tokens:,} tokens{cost})"
    return (
        f"batch: {how}{tally.written} written{checked}, {tally.failed} failed, "
        f"{len(done)} already done -> {out_path}{spend}"
    )
