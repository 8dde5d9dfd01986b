"""The Batch API path for the largest jobs: request file, submit, status, verified briefs.

``prepare`` writes one OpenAI batch request line per cluster::

    {"custom_id": "<cluster_id>", "method": "POST", "url": "/v1/chat/completions", "body": {...}}

with exactly the body a live ``summarize`` would send first (the same prompt, budget and
reply schema: :meth:`LLMDrafter.request` and :meth:`ChatClient.body` make both). OpenAI runs
the file through ``/v1/files`` and ``/v1/batches`` (``submit``, ``status``) at about half the
live price; vLLM runs the same file offline with ``vllm run-batch -i REQUESTS.jsonl -o
RESULTS.jsonl --model M``. ``collect`` joins the provider's output lines to the clusters by
``custom_id`` and makes each reply a verified brief, exactly as live; a request that failed,
a reply that cannot be read and a cluster with no result are kept as ``{cluster_id, error}``.

Result lines are read in both shapes: ``response.body`` holding the completion (OpenAI,
recent vLLM) and the completion directly under ``response`` (older vLLM).
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .batch import FailedCluster, read_clusters
from .client import ChatClient, cost_of
from .config import ModelSettings
from .draft import LLMDrafter, parse_reply
from .errors import ConfigError, InputError, LLMBriefError, ModelOutputError
from .model import Completion
from .pipeline import HeadlineCount, summarize
from .prompts import load_prompt
from .types import Brief, Cluster, Usage
from .verifier import RepairMode

__all__ = [
    "BATCH_PRICE_FACTOR",
    "Collected",
    "Prepared",
    "batch_drafter",
    "collect",
    "prepare",
]

#: Batch API tokens cost about half the live price.
BATCH_PRICE_FACTOR = 0.5
#: What OpenAI takes in one batch (vLLM's offline runner has no such limit).
OPENAI_MAX_REQUESTS = 50_000
OPENAI_MAX_BYTES = 200 * 1024 * 1024
ENDPOINT = "/v1/chat/completions"


def batch_drafter(
    model: str, prompt: str | None = None, *, max_input_tokens: int | None = None
) -> LLMDrafter:
    """The LLM drafter whose requests go into (and whose replies come out of) a batch.

    No key is needed: nothing is sent from here.
    """
    if not model or model == "extractive":
        raise ConfigError("the Batch API drafts with a model: give --model NAME")
    from .llm import DEFAULT_PROMPT

    client = ChatClient(ModelSettings(model=model))
    return LLMDrafter(
        client, load_prompt(prompt or DEFAULT_PROMPT), max_input_tokens=max_input_tokens
    )


def _client_of(drafter: LLMDrafter) -> ChatClient:
    if not isinstance(drafter.model, ChatClient):
        raise ConfigError("the Batch API needs an LLM drafter over a ChatClient")
    return drafter.model


# -- prepare --------------------------------------------------------------------------


@dataclass
class Prepared:
    """What ``prepare`` wrote."""

    requests: int = 0
    bytes: int = 0
    failed: list[FailedCluster] = field(default_factory=list)

    @property
    def over_openai_limits(self) -> bool:
        """More than one OpenAI batch takes (split the input; vLLM does not mind)."""
        return self.requests > OPENAI_MAX_REQUESTS or self.bytes > OPENAI_MAX_BYTES


def request_line(drafter: LLMDrafter, cluster: Cluster) -> str:
    """One batch request line (no newline) for ``cluster``, as live would send it."""
    req = drafter.request(cluster)
    body = _client_of(drafter).body(req.messages, req.params, req.schema)
    line = {"custom_id": cluster.cluster_id, "method": "POST", "url": ENDPOINT, "body": body}
    return json.dumps(line, ensure_ascii=False)


def prepare(in_path: str | Path, requests_path: str | Path, drafter: LLMDrafter) -> Prepared:
    """Write the batch request file for every cluster of ``in_path`` (streamed).

    Clusters that cannot be read are left out and listed in the result.

    Raises:
        InputError: input that is not one cluster per line, a duplicate ``cluster_id``, or
            an output that cannot be written.
    """
    out = Path(requests_path)
    tmp = out.with_name(out.name + ".tmp")
    done = Prepared()
    try:
        with tmp.open("w", encoding="utf-8") as f:
            for _, cluster in read_clusters(in_path):
                if isinstance(cluster, FailedCluster):
                    done.failed.append(cluster)
                    continue
                line = request_line(drafter, cluster) + "\n"
                f.write(line)
                done.requests += 1
                done.bytes += len(line.encode())
        os.replace(tmp, out)
    except OSError as err:
        raise InputError(str(out), f"cannot write: {err.strerror}") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return done


# -- collect --------------------------------------------------------------------------


class _Answered:
    """A ChatModel holding the one reply the batch has for a cluster."""

    def __init__(self, model: str, completion: Completion) -> None:
        self._model = model
        self.completion: Completion | None = completion

    @property
    def model(self) -> str:
        return self._model

    def complete(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        params: Mapping[str, Any] | None = None,
        schema: Mapping[str, Any] | None = None,
    ) -> Completion:
        if self.completion is None:
            raise ModelOutputError("a batch result holds one reply; it cannot be asked again")
        reply, self.completion = self.completion, None
        return reply


def _index(results: IO[bytes]) -> tuple[dict[str, int], int]:
    """``custom_id`` -> byte offset of its line (a success wins over a failure); bad lines."""
    offsets: dict[str, int] = {}
    succeeded: set[str] = set()
    bad = 0
    while True:
        at = results.tell()
        raw = results.readline()
        if not raw:
            break
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
            cid = str(row["custom_id"])
        except (ValueError, KeyError, TypeError):
            bad += 1
            continue
        if not isinstance(row, dict):
            bad += 1
            continue
        ok = _body(row)[0] is not None
        if cid not in offsets or (ok and cid not in succeeded):
            offsets[cid] = at
        if ok:
            succeeded.add(cid)
    return offsets, bad


def _body(row: Mapping[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """The completion object of a result line, or None and why not."""
    err = row.get("error")
    if err:
        if isinstance(err, dict):
            return None, f"batch error {err.get('code') or ''}: {err.get('message') or err}"
        return None, f"batch error: {err}"
    response = row.get("response")
    if not isinstance(response, dict):
        return None, "the result has no response"
    body = response.get("body")
    if not isinstance(body, dict) and "choices" in response:  # older vLLM: no envelope
        body = response
    if not isinstance(body, dict):
        return None, "the result's response has no body"
    status = response.get("status_code", 200)
    if status != 200:
        inner = body.get("error")
        msg = inner.get("message") if isinstance(inner, dict) else None
        return None, f"HTTP {status}" + (f": {msg}" if msg else "")
    return body, ""


def completion_of(body: Mapping[str, Any], model: str) -> Completion:
    """A batch reply as a :class:`Completion`, priced at the batch rate."""
    choices = body.get("choices") or []
    if not choices or not isinstance(choices[0], dict):
        raise ModelOutputError(f"{model}: the reply has no choices")
    message = choices[0].get("message") or {}
    u = body.get("usage") or {}
    usage = Usage(
        prompt_tokens=int(u.get("prompt_tokens") or 0),
        completion_tokens=int(u.get("completion_tokens") or 0),
        calls=1,
    )
    full = cost_of(model, usage.prompt_tokens, usage.completion_tokens)
    usage.cost_usd = None if full is None else round(full * BATCH_PRICE_FACTOR, 8)
    return Completion(
        text=(message.get("content") or "").strip(),
        finish_reason=choices[0].get("finish_reason"),
        usage=usage,
        refusal=message.get("refusal"),
        model=model,
    )


@dataclass
class Collected:
    """What ``collect`` wrote."""

    written: int = 0
    unverified: int = 0
    failed: int = 0
    unmatched: int = 0  # result lines for no cluster of the input
    unreadable: int = 0  # result lines that are not JSON with a custom_id


def collect(
    in_path: str | Path,
    results_path: str | Path,
    out_path: str | Path,
    drafter: LLMDrafter,
    *,
    verify: bool = True,
    repair_mode: RepairMode = "none",
    headlines: HeadlineCount = 5,
) -> Collected:
    """Turn a provider's batch output into verified briefs, one line per input cluster.

    Neither file is held in memory: the results are indexed by byte offset, then the
    clusters are streamed and each one's result read when its turn comes.

    Raises:
        InputError: unreadable files, input that is not one cluster per line, duplicates.
        ConfigError: ``repair_mode="regenerate"`` (a batch holds one reply per cluster).
    """
    if repair_mode == "regenerate":
        raise ConfigError("collect cannot --repair regenerate: a batch holds one reply per cluster")
    model = _client_of(drafter).model
    results = Path(results_path)
    out = Path(out_path)
    tally = Collected()
    try:
        res = results.open("rb")
    except OSError as err:
        raise InputError(str(results), f"cannot read file: {err.strerror}") from None
    with res:
        offsets, tally.unreadable = _index(res)
        seen: set[str] = set()
        try:
            handle = out.open("w", encoding="utf-8")
        except OSError as err:
            raise InputError(str(out), f"cannot write: {err.strerror}") from None
        with handle:
            items = _briefs(read_clusters(in_path), offsets, res, drafter, model, seen, results)
            for item in items:
                if isinstance(item, FailedCluster):
                    made: Brief | FailedCluster = item
                else:
                    made = _make(*item, verify=verify, repair_mode=repair_mode, headlines=headlines)
                if isinstance(made, FailedCluster):
                    tally.failed += 1
                    handle.write(made.to_json() + "\n")
                else:
                    tally.written += 1
                    if made.verification is not None and not made.verification.ok:
                        tally.unverified += 1
                    handle.write(made.model_dump_json() + "\n")
        tally.unmatched = len(set(offsets) - seen)
    return tally


def _briefs(
    clusters: Iterator[tuple[int, Cluster | FailedCluster]],
    offsets: Mapping[str, int],
    res: IO[bytes],
    drafter: LLMDrafter,
    model: str,
    seen: set[str],
    results: Path,
) -> Iterator[FailedCluster | tuple[Cluster, LLMDrafter]]:
    for _, cluster in clusters:
        seen.add(cluster.cluster_id)
        if isinstance(cluster, FailedCluster):
            yield cluster
            continue
        cid = cluster.cluster_id
        if cid not in offsets:
            yield FailedCluster(cid, f"no result for this cluster in {results}")
            continue
        res.seek(offsets[cid])
        body, why = _body(json.loads(res.readline()))
        if body is None:
            yield FailedCluster(cid, why)
            continue
        try:
            completion = completion_of(body, model)
            parse_reply(completion, cluster.ids)  # a reply that cannot be read: say why
        except ModelOutputError as err:
            yield FailedCluster(cid, str(err))
            continue
        answered = copy.copy(drafter)
        answered.model = _Answered(model, completion)
        yield cluster, answered


def _make(
    cluster: Cluster,
    drafter: LLMDrafter,
    *,
    verify: bool,
    repair_mode: RepairMode,
    headlines: HeadlineCount,
) -> Brief | FailedCluster:
    try:
        return summarize(
            cluster, drafter, verify=verify, repair_mode=repair_mode, headlines=headlines
        )
    except LLMBriefError as err:
        return FailedCluster(cluster.cluster_id, str(err))
