"""Fixtures of the notebook tests: a small simulated learner built once, matplotlib's Agg core.

The demo history is built once per session into a SQLite file; each test opens its own
`Core` on it (in its own event loop) and leaves the learner's data as it found it, so the
tests stay independent and fast. Tests that change data build their own.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.services.demo import DEMO_USER, LearnerProfile, build_demo
from words_tui.settings import load_settings

NOW = datetime(2030, 3, 1, 12, 0, tzinfo=UTC)
SMALL_LEARNER = LearnerProfile(days=75, new_words_per_day=4, seed=11)


@dataclass(frozen=True)
class BuiltDemo:
    path: Path
    profile_id: int
    reviews: int

    @property
    def url(self) -> str:
        return f"sqlite+aiosqlite:///{self.path}"


@pytest.fixture(autouse=True)
def agg_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> BuiltDemo:
    """45 days of a learner (about 3,000 answers), ending at NOW."""

    async def build() -> BuiltDemo:
        core, demo = await build_demo(
            directory=tmp_path_factory.mktemp("demo"), learner=SMALL_LEARNER, now=NOW
        )
        await core.close()
        assert demo.path is not None
        return BuiltDemo(demo.path, demo.profile_id, demo.reviews)

    return asyncio.run(build())


@pytest.fixture
async def demo_core(built_demo: BuiltDemo) -> AsyncIterator[Core]:
    """A core on the demo learner's database, its clock standing at NOW."""
    settings = load_settings(database_url=built_demo.url, user=DEMO_USER)
    core = Core(Database(built_demo.url), settings, clock=lambda: NOW)
    yield core
    await core.close()
