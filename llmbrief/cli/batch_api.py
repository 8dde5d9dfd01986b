"""``llmbrief batch-api prepare|submit|status|collect``: the Batch API (or vLLM run-batch) path.

llmbrief batch-api prepare IN.jsonl REQUESTS.jsonl --model M
llmbrief batch-api submit REQUESTS.jsonl              # prints the batch id
llmbrief batch-api status BATCH_ID [--out RESULTS.jsonl]
llmbrief batch-api collect IN.jsonl RESULTS.jsonl OUT.jsonl --model M
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any, TextIO

from ..batch_api import batch_drafter, collect, prepare
from ..client import ChatClient
from ..config import resolve_model
from ..errors import ConfigError
from ._common import (
    EXIT_FAIL,
    EXIT_OK,
    Parser,
    headline_count,
    positive,
    positive_float,
    refuse_writing_over_input,
)

# batch states after which nothing more will happen
_FINAL_BAD = ("failed", "expired", "cancelled", "cancelling")


def add_parser(sub: Any) -> None:
    """Register the ``batch-api`` subcommand and its four actions."""
    top = sub.add_parser(
        "batch-api",
        help="many clusters through the OpenAI Batch API or vllm run-batch",
        description="prepare a batch request file, submit it, follow its status and collect "
        "the results as verified briefs (the same prompts and budgets as live).",
    )
    acts = top.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    acts.required = True

    def drafting(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "-m", "--model", help="the model the requests name (else $LLMBRIEF_MODEL); required"
        )
        p.add_argument(
            "--prompt",
            help="prompt name (e.g. cluster_summary) or a prompt file; give the same to "
            "prepare and collect",
        )
        p.add_argument(
            "--max-input-tokens",
            type=positive,
            metavar="N",
            help="hard cap on the tokens of each request, as in summarize (the same for "
            "prepare and collect)",
        )

    def endpoint(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--base-url",
            metavar="URL",
            help="OpenAI-compatible server with /v1/files and /v1/batches (default: "
            "$OPENAI_BASE_URL, else OpenAI's own, with $OPENAI_API_KEY)",
        )
        p.add_argument(
            "--timeout",
            type=positive_float,
            metavar="SECONDS",
            help="seconds per request (default 60)",
        )

    p = acts.add_parser(
        "prepare",
        help="write one batch request line per cluster",
        description="Write REQUESTS.jsonl: one OpenAI batch request line per cluster of IN.jsonl "
        "(custom_id = cluster_id), with the prompts and token budgets a live run would send. "
        "No network. vLLM's `vllm run-batch -i REQUESTS.jsonl -o RESULTS.jsonl` reads it too.",
        epilog="Exit status: 0 written, 1 a cluster was left out (named on stderr), 2 bad input or "
        "usage.",
    )
    p.add_argument("input", metavar="IN.jsonl", help="clusters, one JSON object per line")
    p.add_argument("requests", metavar="REQUESTS.jsonl", help="the request file to write")
    drafting(p)

    s = acts.add_parser(
        "submit",
        help="upload REQUESTS.jsonl and start a batch; prints its id",
        description="Upload REQUESTS.jsonl to /v1/files and start a batch on /v1/batches "
        "(24 h window); the batch id goes to stdout, for `batch-api status`.",
        epilog="Exit status: 0 submitted, 1 the server refused, 2 bad input or usage.",
    )
    s.add_argument(
        "requests", metavar="REQUESTS.jsonl", help="the request file `batch-api prepare` wrote"
    )
    endpoint(s)

    st = acts.add_parser(
        "status",
        help="show a batch; --out downloads its results when done",
        description="Show a batch's state and request counts; with --out, download its output "
        "(and error) lines once it has completed; with --wait, ask again until it ends.",
        epilog="Exit status: 0 (completed, or still running without --wait), 1 the batch "
        "failed, expired or was cancelled, 2 bad input or usage.",
    )
    st.add_argument("batch_id", metavar="BATCH_ID", help="the id `batch-api submit` printed")
    st.add_argument(
        "--out",
        metavar="RESULTS.jsonl",
        help="when the batch has completed, write its output and error lines here "
        "(the RESULTS.jsonl of collect)",
    )
    st.add_argument(
        "--wait",
        type=positive_float,
        metavar="SECONDS",
        help="ask again every SECONDS until the batch ends",
    )
    endpoint(st)

    c = acts.add_parser(
        "collect",
        help="turn the provider's results into verified briefs",
        description="Read the provider's RESULTS.jsonl (OpenAI batch output or vllm run-batch "
        "output) against IN.jsonl and write one verified brief JSON per cluster to OUT.jsonl, "
        "as `batch` does; a cluster whose request failed is written as {cluster_id, error}.",
        epilog="Exit status: 0 ok, 1 a cluster failed (or, with --strict, a brief failed "
        "verification), 2 bad input or usage.",
    )
    c.add_argument("input", metavar="IN.jsonl", help="the clusters given to prepare")
    c.add_argument(
        "results", metavar="RESULTS.jsonl", help="the provider's output lines (status --out)"
    )
    c.add_argument("output", metavar="OUT.jsonl", help="briefs, one JSON object per line")
    drafting(c)
    c.add_argument(
        "--repair",
        choices=["none", "drop", "retarget"],
        default="none",
        help="what to do with claims that fail verification (default: none; regenerate needs "
        "a live model: use batch)",
    )
    c.add_argument("--no-verify", action="store_true", help="skip verification")
    c.add_argument(
        "--headlines",
        type=headline_count,
        default=5,
        metavar="N",
        help="member headlines to list, most-cited first (default 5; 0 for none; 'all')",
    )
    c.add_argument("--strict", action="store_true", help="exit 1 when any brief fails verification")
    top.set_defaults(run=run)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _model(args: argparse.Namespace) -> str:
    return str(args.model or os.environ.get("LLMBRIEF_MODEL") or "")


def _client(args: argparse.Namespace) -> ChatClient:
    # the files and batches endpoints name no model; the settings only say where to go
    if not (args.base_url or os.environ.get("OPENAI_BASE_URL") or os.environ.get("OPENAI_API_KEY")):
        raise ConfigError(
            f"batch-api {args.action} talks to the Batch API: set OPENAI_API_KEY, or --base-url "
            "for a server with /v1/files and /v1/batches (vLLM has none: use vllm run-batch)"
        )
    return ChatClient(resolve_model("batch-api", args.base_url, timeout=args.timeout))


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``batch-api ACTION``; the exit status."""
    if args.action == "prepare":
        refuse_writing_over_input(args.requests, [args.input], "batch-api prepare")
    if args.action == "collect":
        refuse_writing_over_input(args.output, [args.input, args.results], "batch-api collect")
    if args.action in ("prepare", "collect"):
        drafter = batch_drafter(_model(args), args.prompt, max_input_tokens=args.max_input_tokens)
        if args.action == "prepare":
            return _prepare(args, drafter, err)
        return _collect(args, drafter, err)
    with _client(args) as client:
        if args.action == "submit":
            batch = client.submit_batch(Path(args.requests))
            out.write(f"{batch['id']}\n")
            err.write(f"batch-api: {batch['id']} {batch['status']} ({args.requests})\n")
            return EXIT_OK
        return _status(args, client, out, err)


def _prepare(args: argparse.Namespace, drafter: Any, err: TextIO) -> int:
    done = prepare(args.input, args.requests, drafter)
    for f in done.failed:
        err.write(f"batch-api: left out {f.cluster_id}: {f.error}\n")
    err.write(
        f"batch-api: {_n(done.requests, 'request')} ({done.bytes:,} bytes) -> {args.requests}"
        + (f"; {_n(len(done.failed), 'cluster')} left out" if done.failed else "")
        + "\n"
    )
    if done.over_openai_limits:
        err.write(
            "batch-api: more than OpenAI takes in one batch (50,000 requests or 200 MB): split "
            "the input for OpenAI; vllm run-batch takes it whole\n"
        )
    return EXIT_FAIL if done.failed else EXIT_OK


def _status(args: argparse.Namespace, client: ChatClient, out: TextIO, err: TextIO) -> int:
    while True:
        batch = client.batch_status(args.batch_id)
        counts = batch.get("request_counts") or {}
        out.write(
            f"{batch['id']} {batch['status']}: {counts.get('completed', 0)} of "
            f"{counts.get('total', 0)} done, {counts.get('failed', 0)} failed\n"
        )
        out.flush()
        if not args.wait or batch["status"] == "completed" or batch["status"] in _FINAL_BAD:
            break
        time.sleep(args.wait)
    if batch["status"] in _FINAL_BAD:
        return EXIT_FAIL  # still running is 0: ask again, or --wait
    if args.out and batch["status"] == "completed":
        dest = Path(args.out)
        dest.write_bytes(b"")
        for key in ("output_file_id", "error_file_id"):  # errors are kept, after the output
            if batch.get(key):
                client.download_file(batch[key], dest, append=True)
        err.write(f"batch-api: results -> {dest}\n")
    return EXIT_OK


def _collect(args: argparse.Namespace, drafter: Any, err: TextIO) -> int:
    got = collect(
        args.input,
        args.results,
        args.output,
        drafter,
        verify=not args.no_verify,
        repair_mode=args.repair,
        headlines=args.headlines,
    )
    checked = f" ({got.unverified} failed verification)" if got.unverified else ""
    extra = ""
    if got.unmatched:
        extra += f"; {_n(got.unmatched, 'result')} for no cluster of {args.input}"
    if got.unreadable:
        extra += f"; {_n(got.unreadable, 'unreadable result line')}"
    err.write(
        f"batch-api: {got.written} written{checked}, {got.failed} failed -> {args.output}{extra}\n"
    )
    if got.failed or (args.strict and got.unverified):
        return EXIT_FAIL
    return EXIT_OK
