"""Many clusters at once: :func:`summarize_many` and the streaming batch-file reader.

The engine is a fixed set of worker threads, each running the ordinary :func:`summarize`
against one shared drafter (one ``openai`` client, one connection pool, one rate limiter).
Threads, not asyncio, because the pipeline is synchronous and CPU-bound around its one model
call, and because on this SDK the thread-pool client measured faster than ``AsyncOpenAI`` at
every concurrency tried (16, 64, 256; see ``benchmarks/batch_speed.py``).

Memory stays flat however long the input: clusters are read one at a time and at most
``2 * concurrency`` of them are in flight. Results come back as they finish, not in input
order. Worker threads are daemons: an interrupted batch returns at once instead of waiting
for the requests still in flight (their clusters are simply not done).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import queue
import threading
from collections.abc import AsyncIterable, AsyncIterator, Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .draft import Drafter, ExtractiveDrafter
from .errors import ConfigError, InputError, LLMBriefError
from .load import cluster_from_data
from .pipeline import HeadlineCount, summarize
from .ratelimit import RateLimiter
from .types import Brief, Cluster
from .verifier import RepairMode

__all__ = ["FailedCluster", "read_clusters", "summarize_many"]


@dataclass(frozen=True)
class FailedCluster:
    """A cluster that gave no brief, and why (a batch output line ``{cluster_id, error}``)."""

    cluster_id: str
    error: str

    def to_json(self) -> str:
        """The output line, without its newline."""
        return json.dumps({"cluster_id": self.cluster_id, "error": self.error}, ensure_ascii=False)


Result = Brief | FailedCluster


# -- reading a batch file -----------------------------------------------------------------


def read_clusters(
    path: str | Path, skip: Container[str] = ()
) -> Iterator[tuple[int, Cluster | FailedCluster]]:
    """Stream ``(line number, cluster)`` from a batch file, one cluster object per line.

    A line that is not a valid cluster comes back as a :class:`FailedCluster` (the batch
    records it and goes on); clusters whose id is in ``skip`` (done by an earlier run) are
    passed over but still count for the duplicate check.

    Raises:
        InputError: the file cannot be read, is not one cluster per line (a single cluster
            file, pretty-printed JSON, one article per line), or holds a ``cluster_id`` twice.
    """
    p = Path(path)
    seen: dict[str, int] = {}
    try:
        handle = p.open(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(p), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(p), "is a directory, not a file") from None
    except OSError as err:
        raise InputError(str(p), f"cannot read file: {err.strerror}") from None
    with handle:
        first = True
        n = 0
        while True:
            try:
                line = handle.readline()
            except UnicodeDecodeError as err:
                raise InputError(str(p), f"not UTF-8 text (line {n + 1})") from err
            if not line:
                break
            n += 1
            if not line.strip():
                continue
            try:
                data: Any = json.loads(line)
            except json.JSONDecodeError as err:
                if first:
                    raise _not_batch(p, f"line {n} is not a whole JSON object") from None
                default = f"{p.stem}-{n}"
                yield n, FailedCluster(default, f"{p}: invalid JSON at line {n}: {err.msg}")
                continue
            if first and not (isinstance(data, dict) and "articles" in data):
                what = "an article" if isinstance(data, dict) and "text" in data else "no cluster"
                raise _not_batch(p, f"line {n} holds {what}")
            first = False
            cid = f"{p.stem}-{n}"
            if isinstance(data, dict) and isinstance(data.get("cluster_id"), (str, int)):
                cid = str(data["cluster_id"])
            if cid in seen:
                raise InputError(
                    str(p),
                    f"duplicate cluster_id {cid!r} (first at line {seen[cid]})",
                    item=f"line {n}",
                    field="cluster_id",
                )
            seen[cid] = n
            if cid in skip:
                continue
            try:
                yield n, cluster_from_data(p, data, cid, line=n)
            except InputError as err:
                yield n, FailedCluster(cid, str(err))
    if first:
        raise InputError(str(p), "holds no cluster")


def _not_batch(p: Path, why: str) -> InputError:
    return InputError(
        str(p),
        f"{why}; batch input is one cluster object per line (JSONL): "
        "for a single cluster use 'llmbrief summarize'",
    )


# -- the engine ---------------------------------------------------------------------------


class _Workers:
    """Daemon threads that run one job at a time and hand each result to ``deliver``."""

    def __init__(
        self, size: int, job: Callable[[Cluster], Result], deliver: Callable[[Result], None]
    ) -> None:
        self.size = size
        self.job = job
        self.deliver = deliver
        self.jobs: queue.SimpleQueue[Cluster | None] = queue.SimpleQueue()
        self.threads: list[threading.Thread] = []

    def submit(self, cluster: Cluster) -> None:
        if len(self.threads) < self.size:  # start threads as work arrives, up to the size
            t = threading.Thread(target=self._loop, name="llmbrief-batch", daemon=True)
            t.start()
            self.threads.append(t)
        self.jobs.put(cluster)

    def _loop(self) -> None:
        while True:
            cluster = self.jobs.get()
            if cluster is None:
                return
            self.deliver(self.job(cluster))

    def stop(self) -> None:
        """Let idle workers end; busy ones end after their job (nobody waits for them)."""
        for _ in self.threads:
            self.jobs.put(None)


def _brief_job(make: Callable[[Cluster], Brief]) -> Callable[[Cluster], Result]:
    def job(cluster: Cluster) -> Result:
        try:
            return make(cluster)
        except LLMBriefError as err:
            return FailedCluster(cluster.cluster_id, str(err))
        except Exception as err:  # a bug in one cluster must not lose the rest of the batch
            return FailedCluster(cluster.cluster_id, f"{type(err).__name__}: {err}")

    return job


def _limited_client(drafter: Drafter, rpm: float | None, tpm: float | None) -> Any:
    """The drafter's ChatClient, when rate limits are asked for (they need one)."""
    if rpm is None and tpm is None:
        return None
    from .client import ChatClient

    client = getattr(drafter, "model", None)
    if not isinstance(client, ChatClient):
        raise ConfigError("--rpm/--tpm limit model requests: they need an LLM (--model NAME)")
    return client


async def _items(
    clusters: Iterable[Cluster | FailedCluster] | AsyncIterable[Cluster | FailedCluster],
) -> AsyncIterator[Cluster | FailedCluster]:
    if isinstance(clusters, AsyncIterable):
        async for c in clusters:
            yield c
    else:
        for c in clusters:
            yield c


async def summarize_many(
    clusters: Iterable[Cluster | FailedCluster] | AsyncIterable[Cluster | FailedCluster],
    drafter: Drafter | None = None,
    *,
    concurrency: int = 8,
    rpm: float | None = None,
    tpm: float | None = None,
    verify: bool = True,
    repair_mode: RepairMode = "none",
    headlines: HeadlineCount = 5,
    make: Callable[[Cluster], Brief] | None = None,
) -> AsyncIterator[Brief | FailedCluster]:
    """Brief many clusters at once; yield each brief (or failure) as it finishes.

    >>> async for result in llmbrief.summarize_many(clusters, drafter, concurrency=16):
    ...     print(result.cluster_id, isinstance(result, llmbrief.Brief))

    Args:
        clusters: clusters, read lazily (a generator over a huge file is fine); a
            :class:`FailedCluster` in the input (a line that did not parse) passes through.
        drafter: shared by every worker; the offline extractive drafter by default.
        concurrency: clusters in progress at once (worker threads).
        rpm: most model requests per minute, across all workers.
        tpm: most tokens per minute (prompt plus reply room, counted with tiktoken).
        verify: attach a verification report to each brief.
        repair_mode: as :func:`summarize`.
        headlines: as :func:`summarize`.
        make: how to brief one cluster, instead of :func:`summarize` with ``drafter`` and the
            three options above (the command line passes its own, with every option).

    Yields:
        A :class:`Brief` or a :class:`FailedCluster` per cluster, in the order they finish.
        Verification failures are briefs (``brief.verification.ok`` is false), not failures.

    Raises:
        InputError: a ``cluster_id`` seen twice (what was yielded before stays valid).
        ConfigError: impossible settings (``rpm`` without an LLM drafter...).
    """
    if concurrency < 1:
        raise ConfigError("concurrency must be 1 or more")
    drafter = drafter or ExtractiveDrafter()
    client = _limited_client(drafter, rpm, tpm)
    previous = client.limiter if client is not None else None
    if client is not None:
        client.limiter = RateLimiter(rpm, tpm)
    loop = asyncio.get_running_loop()
    finished: asyncio.Queue[Result] = asyncio.Queue()

    def deliver(result: Result) -> None:  # in a worker thread: hand over to the loop
        with contextlib.suppress(RuntimeError):  # the loop is gone: the run was interrupted
            loop.call_soon_threadsafe(finished.put_nowait, result)

    if make is None:
        make = functools.partial(
            summarize, drafter=drafter, verify=verify, repair_mode=repair_mode, headlines=headlines
        )
    workers = _Workers(concurrency, _brief_job(make), deliver)
    window = 2 * concurrency  # enough queued that no worker idles while we write
    in_flight = 0
    seen: dict[str, int] = {}
    source = _items(clusters).__aiter__()
    more = True
    try:
        while True:
            while more and in_flight < window:
                try:
                    item = await source.__anext__()
                except StopAsyncIteration:
                    more = False
                    break
                cid = item.cluster_id
                if cid in seen:
                    raise InputError(
                        "clusters",
                        f"duplicate cluster_id {cid!r} (also item {seen[cid]})",
                        item=f"item {len(seen)}",
                        field="cluster_id",
                    )
                seen[cid] = len(seen)
                if isinstance(item, FailedCluster):
                    yield item
                else:
                    workers.submit(item)
                    in_flight += 1
            if not in_flight:
                return
            result = await finished.get()
            in_flight -= 1
            yield result
    finally:
        workers.stop()
        if client is not None:
            client.limiter = previous
