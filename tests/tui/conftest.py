"""Fixtures of the TUI tests: a core on a temporary SQLite file with a fixed clock, and helpers
to drive the app with Textual's pilot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from tests.llm_server import FakeLLMServer
from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.settings import load_settings

T0 = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)
SIZE = (100, 30)


class Clock:
    """A settable clock: tests move time instead of sleeping."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def core(sqlite_database: Database, clock: Clock) -> AsyncIterator[Core]:
    """No LLM configured: the first-run path of a learner without an API key."""
    settings = load_settings(database_url=sqlite_database.url)
    yield Core(database=sqlite_database, settings=settings, clock=clock)


@pytest.fixture
async def judged_core(
    sqlite_database: Database, clock: Clock, llm_server: FakeLLMServer
) -> AsyncIterator[Core]:
    """An LLM judge on the local OpenAI-compatible test server, its client built up front."""
    settings = load_settings(
        database_url=sqlite_database.url,
        openai_api_key=llm_server.api_key,
        openai_base_url=llm_server.base_url,
        judge_timeout_s=2.0,
        llm_timeout_s=1.0,
    )
    core = Core(database=sqlite_database, settings=settings, clock=clock)
    core.connect_llm()
    yield core
    await core.close()
