"""The only retry layer of the LLM core (the SDK's own retries are switched off).

At most `attempts` HTTP requests per logical call. Transient failures (408, 409, 429, 5xx,
timeouts, dropped connections) wait with exponential backoff and jitter, or exactly as long as the
server's `Retry-After` asks — unless it asks for more than `max_retry_after_s`, in which case we
give up at once and let the caller decide. A reply that does not match the schema is retried
`bad_output_retries` times, immediately. An endpoint nobody answers at (connection refused,
unknown host) is tried again after short waits only (`unreachable_wait_s`, doubling): a server
that is not running should be reported within seconds, not after a long backoff. Everything else
is raised at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from tenacity import AsyncRetrying, RetryCallState, stop_after_attempt, wait_exponential_jitter
from tenacity.retry import retry_base

from words_tui.infrastructure.llm.errors import (
    OUTAGE_ERRORS,
    CircuitOpen,
    LLMBadOutput,
    LLMUnreachable,
)

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class RetryPolicy:
    """How hard one logical call tries. Tests shrink the waits instead of sleeping for real."""

    attempts: int = 3
    wait_min_s: float = 2.0
    wait_max_s: float = 10.0
    jitter_s: float = 1.0
    max_retry_after_s: float = 120.0
    bad_output_retries: int = 1
    unreachable_wait_s: float = 0.5
    sleep: Sleep = asyncio.sleep


class _RetryDecision(retry_base):
    """Decides per failed attempt; counts schema failures so they are retried only so often."""

    def __init__(self, policy: RetryPolicy) -> None:
        self._policy = policy
        self._bad_outputs = 0

    def __call__(self, retry_state: RetryCallState) -> bool:
        outcome = retry_state.outcome
        err = outcome.exception() if outcome is not None else None
        if isinstance(err, LLMBadOutput):
            self._bad_outputs += 1
            return self._bad_outputs <= self._policy.bad_output_retries
        if isinstance(err, CircuitOpen) or not isinstance(err, OUTAGE_ERRORS):
            return False
        hint = err.retry_after_s
        return hint is None or hint <= self._policy.max_retry_after_s


def _wait(policy: RetryPolicy) -> Callable[[RetryCallState], float]:
    backoff = wait_exponential_jitter(
        multiplier=policy.wait_min_s,
        max=policy.wait_max_s,
        jitter=policy.jitter_s,
        min=policy.wait_min_s,
    )

    def wait(retry_state: RetryCallState) -> float:
        outcome = retry_state.outcome
        err = outcome.exception() if outcome is not None else None
        if isinstance(err, LLMBadOutput):
            return 0.0
        if isinstance(err, LLMUnreachable):
            return policy.unreachable_wait_s * 2.0 ** (retry_state.attempt_number - 1)
        hint = getattr(err, "retry_after_s", None)
        if hint is not None:
            return float(hint)
        return backoff(retry_state)

    return wait


def retrying(policy: RetryPolicy) -> AsyncRetrying:
    """A fresh tenacity loop for one logical call (it holds that call's counters)."""
    return AsyncRetrying(
        stop=stop_after_attempt(policy.attempts),
        wait=_wait(policy),
        retry=_RetryDecision(policy),
        sleep=policy.sleep,
        reraise=True,
    )
