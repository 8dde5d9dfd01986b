"""Request and token rate limits shared by every worker of a batch, and the shared pause.

One :class:`RateLimiter` sits in front of a :class:`~llmbrief.client.ChatClient`; every
request, from any thread or event loop, asks it when it may go. Two token buckets, one for
requests per minute and one for tokens per minute (the tiktoken count of the request plus
the room it asks for the reply), are kept as "theoretical arrival times" (GCRA): a request
reserves its slot under a lock and then sleeps until it, so waiting never holds the lock.
A bucket lets at most one second's worth of its rate go at once; a request larger than that
still goes when the bucket is full and leaves the bucket in debt, so the long-run rate holds.

A 429 from the server (after the retry layer decides to wait) calls :meth:`pause`: every
request of the batch then waits until the pause ends, not only the one that was refused.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

__all__ = ["RateLimiter"]

# how far ahead of its steady rate a bucket may run: one second's worth of requests/tokens
_BURST_SECONDS = 1.0


class _Bucket:
    def __init__(self, per_minute: float) -> None:
        self.rate = per_minute / 60.0  # units per second
        self.tat = 0.0  # when the bucket would be empty again at the steady rate

    def earliest(self, now: float) -> float:
        return max(now, self.tat - _BURST_SECONDS)

    def take(self, at: float, cost: float) -> None:
        self.tat = max(self.tat, at) + cost / self.rate


class RateLimiter:
    """Requests-per-minute and tokens-per-minute limits, and a pause every request honours.

    Args:
        rpm: most requests per minute, or None for no limit.
        tpm: most tokens per minute (prompt plus requested reply), or None for no limit.
        clock: seconds, monotonic (tests may pass their own).
    """

    def __init__(
        self,
        rpm: float | None = None,
        tpm: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if (rpm is not None and rpm <= 0) or (tpm is not None and tpm <= 0):
            raise ValueError("rate limits must be positive")
        self.rpm = rpm
        self.tpm = tpm
        self._requests = _Bucket(rpm) if rpm else None
        self._tokens = _Bucket(tpm) if tpm else None
        self._paused_until = 0.0
        self._clock = clock
        self._lock = threading.Lock()
        self.pauses = 0  # how many times a 429 paused the batch

    @property
    def counts_tokens(self) -> bool:
        """Whether requests must be counted in tokens (a ``tpm`` limit is set)."""
        return self._tokens is not None

    def reserve(self, tokens: int = 0) -> float:
        """Reserve the next slot for one request of ``tokens`` tokens; seconds to wait for it."""
        with self._lock:
            now = self._clock()
            at = max(now, self._paused_until)
            if self._requests is not None:
                at = max(at, self._requests.earliest(now))
            if self._tokens is not None:
                at = max(at, self._tokens.earliest(now))
            if self._requests is not None:
                self._requests.take(at, 1)
            if self._tokens is not None:
                self._tokens.take(at, tokens)
            return at - now

    def wait(self, tokens: int = 0) -> None:
        """Block the calling thread until one request of ``tokens`` tokens may go."""
        delay = self.reserve(tokens)
        if delay > 0:
            time.sleep(delay)

    async def await_turn(self, tokens: int = 0) -> None:
        """:meth:`wait` for coroutines: sleeps without blocking the event loop."""
        delay = self.reserve(tokens)
        if delay > 0:
            await asyncio.sleep(delay)

    def pause(self, seconds: float) -> None:
        """Hold every request back for ``seconds`` from now (the server said 429)."""
        with self._lock:
            until = self._clock() + seconds
            if until > self._paused_until:
                self._paused_until = until
                self.pauses += 1
