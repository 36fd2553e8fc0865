"""Pacing of HTTP attempts: a concurrency cap, a request-rate bucket and an optional token budget.

`AsyncLimiter(rpm, 60)` would let a whole minute's quota through at once (twice the rate in the
first minute). Here the request bucket holds `burst_s` seconds of quota (at least one request), so
the rate is smooth at every scale. The default fifth of a second keeps any 10-second window within
~3 % of the configured rate (a one-second bucket measured 1.10× over the first 10 s; a bucket of a
single request lost ~7 % of the rate to timer lateness, since it has no slack to absorb it). The token budget works on estimates before the request and charges
the difference once `usage` reports the real figure.

asyncio primitives belong to one event loop, so a `Pacing` is created per loop (see `LoopLocal`).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiolimiter import AsyncLimiter

DEFAULT_BURST_S = 0.2
CHARS_PER_TOKEN = 4
COMPLETION_TO_PROMPT_GUESS = 2.0
"""Before the answer arrives we assume it is about twice the prompt (entries are verbose)."""


def request_limiter(requests_per_minute: float, burst_s: float = DEFAULT_BURST_S) -> AsyncLimiter:
    """A leaky bucket of `burst_s` seconds of quota (at least one request) at the given rate."""
    per_second = requests_per_minute / 60.0
    capacity = max(1.0, per_second * burst_s)
    return AsyncLimiter(capacity, capacity / per_second)


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
        burst_s: float = DEFAULT_BURST_S,
    ) -> None:
        self.slots = asyncio.Semaphore(max_concurrent)
        self.requests = request_limiter(requests_per_minute, burst_s)
        self.tokens = AsyncLimiter(tokens_per_minute / 60.0, 1.0) if tokens_per_minute else None

    @asynccontextmanager
    async def attempt(self, prompt_chars: int) -> AsyncIterator[TokenCharge]:
        """Hold a slot, wait for the rate (and the token budget), then let one request go."""
        async with self.slots:
            await self.requests.acquire()
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
