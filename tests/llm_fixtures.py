"""Pytest fixtures around the local OpenAI-compatible server (registered in conftest.py).

`llm_server` yields a running `FakeLLMServer` with `.base_url`, `.api_key` (a dummy), `.requests`,
`.script(...)`, `.set_faults(...)`, `.outage(s)`, `.set_judgement(...)`, `.stop()`/`.start()`;
it answers instantly unless a test sets a latency. `fast_retry` is a retry policy that waits
milliseconds instead of seconds (and records the waits it was asked for).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.llm_server import FakeLLMServer
from words_tui.infrastructure.llm.retry import RetryPolicy


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
