"""`RateLimitedLLMClient`: `LLMClient` that stays within the endpoint's limits and degrades fast.

- every HTTP attempt (retries included) takes a concurrency slot, waits for its turn in the
  request schedule and passes the optional token budget (see `pacing.py`), created per loop;
- every logical call runs under a per-model circuit breaker (see `breaker.py`): while it is open,
  calls fail in microseconds with `CircuitOpen` (an `LLMUnavailable`), so callers fall back at once;
- when the primary model is unavailable, the fallback model is tried once.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

import openai
from pydantic import SecretStr

from words_tui.infrastructure.llm import prompts
from words_tui.infrastructure.llm.breaker import (
    FAILURE_THRESHOLD,
    RECOVERY_TIMEOUT_S,
    Clock,
    OutageBreaker,
)
from words_tui.infrastructure.llm.client import CallSpec, LLMClient, T
from words_tui.infrastructure.llm.errors import OUTAGE_ERRORS
from words_tui.infrastructure.llm.loop_local import LoopLocal
from words_tui.infrastructure.llm.pacing import Pacing
from words_tui.infrastructure.llm.results import CallObserver, CallRecord, Reply
from words_tui.infrastructure.llm.retry import RetryPolicy

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletion

log = logging.getLogger("words_tui.llm")


class RateLimitedLLMClient(LLMClient):
    """An `LLMClient` with pacing, a circuit breaker per model and an optional fallback model."""

    def __init__(
        self,
        api_key: str | SecretStr | None,
        model: str,
        max_concurrent: int = 10,
        requests_per_minute: float = 2500,
        *,
        base_url: str | None = None,
        fallback_model: str | None = None,
        tokens_per_minute: float | None = None,
        failure_threshold: int = FAILURE_THRESHOLD,
        recovery_timeout_s: float = RECOVERY_TIMEOUT_S,
        clock: Clock = time.monotonic,
        timeout_s: float = 30.0,
        retry: RetryPolicy | None = None,
        on_call: CallObserver | None = None,
    ) -> None:
        super().__init__(
            api_key, model, base_url, timeout_s=timeout_s, retry=retry, on_call=on_call
        )
        if max_concurrent < 1 or requests_per_minute <= 0:
            raise ValueError("max_concurrent and requests_per_minute must be positive")
        self.max_concurrent = max_concurrent
        self.requests_per_minute = requests_per_minute
        self.fallback_model = fallback_model if fallback_model != model else None
        self._pacing: LoopLocal[Pacing] = LoopLocal(
            lambda: Pacing(
                max_concurrent=max_concurrent,
                requests_per_minute=requests_per_minute,
                tokens_per_minute=tokens_per_minute,
            )
        )
        self._breakers = {
            name: OutageBreaker(
                f"llm:{name}",
                failure_threshold=failure_threshold,
                recovery_timeout_s=recovery_timeout_s,
                clock=clock,
            )
            for name in filter(None, (model, self.fallback_model))
        }

    def _http_client(self) -> openai.DefaultAsyncHttpxClient:
        """The SDK's default HTTP client, with every request waiting for its turn in the
        schedule when the SDK has built it, just before it goes out: a first request slowed by
        the SDK's one-time set-up then cannot bunch the requests after it on the wire."""
        pacing = self._pacing

        async def wait_for_turn(_request: object) -> None:
            await pacing.get().requests.acquire()

        return openai.DefaultAsyncHttpxClient(event_hooks={"request": [wait_for_turn]})

    def breaker(self, model: str | None = None) -> OutageBreaker:
        """The breaker of `model` (default: the primary), for status displays and tests."""
        return self._breakers[model or self.model]

    async def _call(self, spec: CallSpec[Any, T]) -> Reply[T]:
        try:
            return await self._guarded(self.model, spec)
        except OUTAGE_ERRORS as err:
            if self.fallback_model is None:
                raise
            log.warning(
                "llm model %s unavailable (%s); trying %s", self.model, err, self.fallback_model
            )
            return await self._guarded(self.fallback_model, spec)

    async def _guarded(self, model: str, spec: CallSpec[Any, T]) -> Reply[T]:
        with self._breakers[model].guard():
            return await self._call_model(model, spec)

    async def _send(
        self,
        model: str,
        messages: prompts.Messages,
        response_format: dict[str, Any],
        record: CallRecord,
    ) -> ChatCompletion:
        breaker = self._breakers[model]
        breaker.refuse_if_open()  # another call opened it while this one was backing off
        prompt_chars = sum(len(m["content"]) for m in messages)
        async with self._pacing.get().attempt(prompt_chars) as charge:
            completion = await super()._send(model, messages, response_format, record)
            if completion.usage is not None:
                await charge.settle(completion.usage.total_tokens)
        return completion
