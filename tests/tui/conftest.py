"""Fixtures of the TUI tests: a core on a temporary SQLite file with a settable clock, without an
LLM or with one on the local test server. Driving the app: `tests.tui.pilot`."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.builders import Clock, core_on
from tests.llm_server import FakeLLMServer
from words_tui.infrastructure.db.database import Database
from words_tui.services import Core


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def core(sqlite_database: Database, clock: Clock) -> AsyncIterator[Core]:
    """No LLM configured: the first-run path of a learner without an API key."""
    yield core_on(sqlite_database, clock)


@pytest.fixture
async def judged_core(
    sqlite_database: Database, clock: Clock, llm_server: FakeLLMServer
) -> AsyncIterator[Core]:
    """An LLM judge on the local OpenAI-compatible test server, its client built up front."""
    core = core_on(
        sqlite_database,
        clock,
        openai_api_key=llm_server.api_key,
        openai_base_url=llm_server.base_url,
        judge_timeout_s=2.0,
        llm_timeout_s=1.0,
    )
    core.connect_llm()
    yield core
    await core.close()
