"""How many requests a bulk job keeps in flight, and how fast it is going.

Little's law: to sustain λ requests per second when each takes W seconds, about λ·W must be in
flight. The client's rate limiter does the pacing; this only keeps enough requests waiting at the
limiter to use the whole quota (×1.1 for latency jitter) — and no more, so interactive calls made
meanwhile (the lesson's answer judge) do not queue behind hundreds of bulk requests.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable

HEADROOM = 1.1
INITIAL_LATENCY_GUESS_S = 2.0
"""Used until a latency is observed; guessing high only queues a few extra requests at start."""
RATE_WINDOW_S = 60.0


def in_flight_target(requests_per_minute: float | None, latency_s: float | None, cap: int) -> int:
    """Requests to keep in flight: ⌈1.1 × rate × latency⌉, at least 1, at most `cap`."""
    if requests_per_minute is None:
        return cap
    latency = latency_s if latency_s is not None else INITIAL_LATENCY_GUESS_S
    wanted = math.ceil(HEADROOM * requests_per_minute / 60.0 * latency)
    return max(1, min(cap, wanted))


class RateMeter:
    """Words finished per minute over the last minute, and the time left at that pace."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._events: deque[tuple[float, int]] = deque()
        self._started = clock()

    def add(self, count: int) -> None:
        if count:
            self._events.append((self._clock(), count))

    def per_minute(self) -> float:
        now = self._clock()
        while self._events and now - self._events[0][0] > RATE_WINDOW_S:
            self._events.popleft()
        span = min(RATE_WINDOW_S, now - self._started)
        if span <= 0 or not self._events:
            return 0.0
        return sum(count for _, count in self._events) * 60.0 / span

    def eta_s(self, remaining: int) -> float | None:
        rate = self.per_minute()
        if remaining == 0:
            return 0.0
        return remaining * 60.0 / rate if rate > 0 else None
