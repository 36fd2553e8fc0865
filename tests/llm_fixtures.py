"""Pytest fixtures around the local OpenAI-compatible server (registered in conftest.py).

`llm_server` yields a running `FakeLLMServer` with `.base_url`, `.api_key` (a dummy), `.requests`,
`.script(...)`, `.set_faults(...)`, `.outage(s)`, `.set_judgement(...)`, `.stop()`/`.start()`;
it answers instantly unless a test sets a latency. `fast_retry` is a retry policy that waits
milliseconds instead of seconds (and records the waits it was asked for); `llm_clients` builds
fast, paced clients for any server and closes them after the test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from tests.llm_server import FakeLLMServer
from words_tui.infrastructure.llm.rate_limited import RateLimitedLLMClient
from words_tui.infrastructure.llm.retry import RetryPolicy

TINY_WAITS = RetryPolicy(wait_min_s=0.01, wait_max_s=0.02, jitter_s=0.01, max_retry_after_s=1.0)
"""The production retry shape with millisecond waits, for tests that run many calls."""


class RecordedSleep:
    """An async sleep that records what it was asked to wait and sleeps (almost) not at all."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        import asyncio

        self.waits.append(seconds)
        await asyncio.sleep(0)


@pytest.fixture
def llm_server() -> Iterator[FakeLLMServer]:
    """A fresh local LLM server on a free port, stopped after the test."""
    with FakeLLMServer() as server:
        yield server


@pytest.fixture
def recorded_sleep() -> RecordedSleep:
    return RecordedSleep()


@pytest.fixture
def fast_retry(recorded_sleep: RecordedSleep) -> RetryPolicy:
    """The production policy's shape (3 attempts, one schema retry) without real waiting."""
    return RetryPolicy(sleep=recorded_sleep)


class ClientPool:
    """Builds `RateLimitedLLMClient`s with tiny waits and a 0.2 s breaker; closes them later."""

    def __init__(self) -> None:
        self.clients: list[RateLimitedLLMClient] = []

    def rate_limited(
        self, server: FakeLLMServer, api_key: str | None = None, **overrides: Any
    ) -> RateLimitedLLMClient:
        options: dict[str, Any] = {
            "max_concurrent": 20,
            "requests_per_minute": 60_000,
            "recovery_timeout_s": 0.2,
            "retry": TINY_WAITS,
            **overrides,
        }
        client = RateLimitedLLMClient(
            api_key or server.api_key, "m1", base_url=server.base_url, **options
        )
        self.clients.append(client)
        return client


@pytest.fixture
async def llm_clients() -> AsyncIterator[ClientPool]:
    pool = ClientPool()
    yield pool
    for client in pool.clients:
        await client.aclose()
