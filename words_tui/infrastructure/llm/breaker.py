"""A circuit breaker that opens on outages and unreadable answers, built on `circuitbreaker`.

The package supplies the state machine (closed → open after N failures → half-open after the
recovery timeout → closed on success). Three things are added here:
- an injectable clock, so tests advance time instead of sleeping for the recovery timeout;
- exactly one trial call while half-open (the package lets every caller through);
- cancellation neither counts as a failure nor closes the breaker.
What counts as a failure: `LLMUnavailable`, `LLMRateLimited` and `LLMBadOutput` that survived the
retries — a model that garbles every answer is as useless as one that is down, and each garbled
answer is paid for. A 400 or a bad key proves the server is up, so they close the breaker like a
success (retrying them cannot help, and the caller stops on them anyway).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Literal

from circuitbreaker import STATE_HALF_OPEN, STATE_OPEN, CircuitBreaker

from words_tui.i18n.said import Said
from words_tui.infrastructure.llm.errors import BREAKER_FAILURES, CircuitOpen, LLMError

Clock = Callable[[], float]

FAILURE_THRESHOLD = 5
RECOVERY_TIMEOUT_S = 60.0


def is_failure(_: type[BaseException], err: BaseException) -> bool:
    """The breaker's failure predicate: the service did not answer, or not usably (a refusal by
    the breaker itself is not)."""
    return isinstance(err, BREAKER_FAILURES) and not isinstance(err, CircuitOpen)


class OutageBreaker(CircuitBreaker):  # type: ignore[misc]
    """One breaker per model; fails calls fast (`CircuitOpen`) while the endpoint is down or its
    answers cannot be read."""

    def __init__(
        self,
        name: str,
        *,
        failure_threshold: int = FAILURE_THRESHOLD,
        recovery_timeout_s: float = RECOVERY_TIMEOUT_S,
        clock: Clock = time.monotonic,
    ) -> None:
        super().__init__(
            failure_threshold=failure_threshold,
            recovery_timeout=recovery_timeout_s,
            expected_exception=is_failure,
            name=name,
        )
        self._clock = clock
        self._opened = clock()
        self._trial_running = False
        self.last_error: LLMError | None = None

    @property
    def open_remaining(self) -> float:
        """Seconds until a trial call is allowed (≤ 0 once it is)."""
        return float(self._opened + self._recovery_timeout - self._clock())

    def refuse_if_open(self) -> None:
        """Raise `CircuitOpen` at once while the breaker is open (no request is made)."""
        if self.state == STATE_OPEN:
            last = self.last_error
            wait = max(0.0, self.open_remaining)
            raise CircuitOpen(
                retry_after_s=wait,
                last_failure=last,
                key="error.llm.circuit_open",
                name=self.name,
                count=self.failure_count,
                last="" if last is None else Said("error.llm.circuit_last", error=last),
                wait=f"{wait:.1f}",
            )

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Run one logical call under the breaker: refused, trial, or counted."""
        self.refuse_if_open()
        trial = self.state == STATE_HALF_OPEN
        if trial:
            if self._trial_running:
                raise CircuitOpen(
                    retry_after_s=0.0,
                    last_failure=self.last_error,
                    key="error.llm.probing",
                    name=self.name,
                )
            self._trial_running = True
        try:
            with self:
                yield
        finally:
            if trial:
                self._trial_running = False

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> Literal[False]:
        if isinstance(exc, CircuitOpen) or (exc is not None and not isinstance(exc, Exception)):
            return False  # refused by us, cancelled or interrupted: tells nothing about the service
        if exc_type is not None and exc is not None and self.is_failure(exc_type, exc):
            self._last_failure = exc
            self.last_error = exc if isinstance(exc, LLMError) else None
            self._failure_count += 1
            if self._failure_count >= self._failure_threshold:
                self._state = STATE_OPEN
                self._opened = self._clock()
        else:
            self.reset()
        return False
