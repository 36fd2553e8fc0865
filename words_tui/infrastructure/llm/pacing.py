"""Pacing of HTTP attempts: a concurrency cap, a strict request schedule and an optional token budget.

A leaky bucket (aiolimiter's `AsyncLimiter`) lets its capacity through at once on top of the
rate, and wakes its waiters late and then together: at 1,200 requests a minute it measured 1.03×
the rate over a minute and 1.055× in the busiest 10 s. `RequestSchedule` instead gives every
request its own send time, evenly spaced, and never lets more than rpm requests go within any
60 s (counted at the moments they actually went); and no 10 s ever hold more than a sixth of
the minute's requests, so turns missed while the event loop was stalled are made up without
breaking the promise at that scale either. What a server counts is arrivals, which lag the
sends by a varying fraction of a second on a busy machine (a request "sent" just before a stall
reaches the wire with those sent after it), so a window of arrivals can hold what a slightly
longer window of sends did: the spacing is 2 % wider than the rate's, and the windows hold
1 % less than the rate allows (room for 0.3 s of uneven lag over a minute, 0.6 s over 10 s;
the 1 % between the spacing and the caps is what turns missed in a stall are made up with).
The token budget (estimates before the request, the difference charged once `usage` reports
the real figure) stays an `AsyncLimiter`: token counts are estimates anyway.

asyncio primitives belong to one event loop, so a `Pacing` is created per loop (see `LoopLocal`).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from aiolimiter import AsyncLimiter

WINDOW_S = 60.0
"""The window a per-minute rate is a promise about."""
HEADROOM = 0.02
"""The spacing is this much longer than the rate's: arrivals lag sends unevenly."""
WINDOW_HEADROOM = 0.01
"""Each window holds this much less than the rate allows it (see the module's note)."""
SHORT_WINDOW_S = 10.0
"""No window this long holds more than its share of the rate (less `WINDOW_HEADROOM`)."""
MIN_WAIT_S = 1e-6
"""The shortest wait for the window: a float rounding's worth would not move the clock past it."""
CHARS_PER_TOKEN = 4
COMPLETION_TO_PROMPT_GUESS = 2.0
"""Before the answer arrives we assume it is about twice the prompt (entries are verbose)."""


class RequestSchedule:
    """Send times for requests at `requests_per_minute`: evenly spaced, first come first served.

    A caller's slot is reserved when it asks (no lock: the event loop runs one caller at a time),
    so the spacing holds however many wait; after waking, it also waits while the last 60 s
    already hold `limit` requests or the last 10 s their share (both a little under the rate),
    counted at the real send times.
    `clock` and `sleep` are the event loop's by default; tests pass a controllable pair.
    """

    def __init__(
        self,
        requests_per_minute: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if requests_per_minute <= 0:
            raise ValueError("requests_per_minute must be positive")
        self.interval = WINDOW_S / requests_per_minute * (1 + HEADROOM)
        self.limit = max(1, int(requests_per_minute * (1 - WINDOW_HEADROOM)))
        share = requests_per_minute * SHORT_WINDOW_S / WINDOW_S
        share = max(1, int(share * (1 - WINDOW_HEADROOM)))
        self._clock = clock
        self._sleep = sleep
        self._next = float("-inf")
        self._windows = ((WINDOW_S, deque[float](maxlen=self.limit)),
                         (SHORT_WINDOW_S, deque[float](maxlen=share)))  # fmt: skip
        """Per window: the moments the last requests (as many as it may hold) went."""

    async def acquire(self) -> None:
        """Wait for this request's turn; return when it may be sent."""
        now = self._clock()
        slot = max(now, self._next)
        self._next = slot + self.interval
        if slot > now:
            await self._sleep(slot - now)
        while (wait := self._window_wait()) > 0:
            await self._sleep(max(wait, MIN_WAIT_S))
        went = self._clock()
        for _, sent in self._windows:
            sent.append(went)

    def _window_wait(self) -> float:
        """How long until every window has room for one more request."""
        now, wait = self._clock(), 0.0
        for seconds, sent in self._windows:
            if len(sent) == sent.maxlen and (since := now - sent[0]) < seconds:
                wait = max(wait, seconds - since)
        return wait


def estimate_tokens(prompt_chars: int) -> int:
    """A rough token count for a prompt and its expected answer."""
    prompt = prompt_chars // CHARS_PER_TOKEN + 1
    return int(prompt * (1 + COMPLETION_TO_PROMPT_GUESS))


class Pacing:
    """The per-loop gatekeeper every HTTP attempt passes through."""

    def __init__(
        self,
        *,
        max_concurrent: int,
        requests_per_minute: float,
        tokens_per_minute: float | None = None,
    ) -> None:
        self.slots = asyncio.Semaphore(max_concurrent)
        self.requests = RequestSchedule(requests_per_minute)
        self.tokens = AsyncLimiter(tokens_per_minute / 60.0, 1.0) if tokens_per_minute else None

    @asynccontextmanager
    async def attempt(self, prompt_chars: int) -> AsyncIterator[TokenCharge]:
        """Hold a slot and wait for the token budget; the request waits for its turn in
        `requests` when it is about to go out (see `RateLimitedLLMClient._http_client`)."""
        async with self.slots:
            charge = TokenCharge(self.tokens, estimate_tokens(prompt_chars))
            await charge.reserve()
            yield charge


class TokenCharge:
    """The tokens one request reserved; `settle` charges what the estimate missed."""

    def __init__(self, limiter: AsyncLimiter | None, estimate: int) -> None:
        self._limiter = limiter
        self.estimate = estimate

    async def reserve(self) -> None:
        if self._limiter is not None:
            await self._limiter.acquire(min(self.estimate, self._limiter.max_rate))

    async def settle(self, actual: int) -> None:
        if self._limiter is not None and actual > self.estimate:
            await self._limiter.acquire(min(actual - self.estimate, self._limiter.max_rate))
