"""``llmbrief batch``: many clusters, JSONL in, JSONL out."""

from __future__ import annotations

import argparse
import json
import os
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError, LLMBriefError
from ..load import iter_cluster_lines
from ..types import Cluster
from ._common import (
    EXIT_FAIL,
    EXIT_OK,
    Progress,
    add_summary_options,
    brief_maker,
    close,
    make_drafter,
    positive,
)


def add_parser(sub: Any) -> None:
    """Register the ``batch`` subcommand."""
    b = sub.add_parser(
        "batch",
        help="summarize many clusters (JSONL in, JSONL out)",
        description="One cluster per input line; one brief JSON per output line, "
        "written as each finishes. Failures are written as {cluster_id, error} and "
        "retried by --resume.",
    )
    b.add_argument("input", metavar="IN.jsonl")
    b.add_argument("output", metavar="OUT.jsonl")
    b.add_argument("--concurrency", type=positive, default=4, help="clusters at once (default 4)")
    b.add_argument("--resume", action="store_true", help="skip clusters already done in OUT")
    add_summary_options(b)
    b.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``batch``; the exit status."""
    out_path = Path(args.output)
    done: set[str] = set()
    kept: list[str] = []
    if args.resume and out_path.exists():
        for line in out_path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by a crash: that cluster runs again
            if isinstance(row, dict) and "error" not in row and "cluster_id" in row:
                done.add(str(row["cluster_id"]))
                kept.append(line)
    todo = [(cid, c) for _, cid, c in iter_cluster_lines(args.input) if cid not in done]
    drafter = make_drafter(args)
    make = brief_maker(args, drafter)

    def run(item: tuple[str, Cluster | InputError]) -> tuple[str, bool]:
        cid, cluster = item
        if isinstance(cluster, InputError):
            return json.dumps({"cluster_id": cid, "error": str(cluster)}), False
        try:
            return make(cluster).model_dump_json(), True
        except LLMBriefError as e:
            return json.dumps({"cluster_id": cid, "error": str(e)}), False
        except Exception as e:  # a bug must not lose the rest of the batch
            return json.dumps({"cluster_id": cid, "error": f"{type(e).__name__}: {e}"}), False

    try:
        if args.resume:  # keep what finished, atomically, then append the rest
            tmp = out_path.with_name(out_path.name + ".tmp")
            tmp.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
            os.replace(tmp, out_path)
        handle = out_path.open("a" if args.resume else "w", encoding="utf-8")
    except OSError as e:
        close(drafter)
        raise InputError(str(out_path), f"cannot write: {e.strerror}") from None
    failures = 0
    progress = Progress("clusters", err)
    try:
        with handle, ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            futures = [pool.submit(run, item) for item in todo]
            for i, fut in enumerate(as_completed(futures), 1):
                line, ok = fut.result()
                handle.write(line + "\n")
                handle.flush()  # what finished is on disk, whatever happens next
                failures += not ok
                progress(i, len(todo))
    finally:
        close(drafter)
    err.write(
        f"batch: {len(todo) - failures} written, {failures} failed, {len(done)} already done"
        f" -> {out_path}\n"
    )
    return EXIT_FAIL if failures else EXIT_OK
