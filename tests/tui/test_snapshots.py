"""Snapshots of the main screens at 100×30, after the keys that lead to them.

Run `pytest tests/tui/test_snapshots.py --snapshot-update` after an intended change of looks and
review the SVGs in tests/tui/__snapshots__/ before committing them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.builders import Clock, promote_to_typing, spanish_learner
from tests.tui.pilot import SIZE, ready
from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.settings import load_settings
from words_tui.tui.app import create_app

SnapCompare = Callable[..., bool]


@pytest.fixture
def sync_core(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Core]:
    """A core for snapshot tests, which run the app in their own event loop; the config file
    path the settings screen shows is fixed, so the picture does not depend on the temp dir."""
    monkeypatch.setenv("WORDS_CONFIG_FILE", "/home/learner/.config/words-tui/config.toml")
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'snap.db'}")
    asyncio.run(database.init())
    settings = load_settings(database_url=database.url)
    yield Core(database=database, settings=settings, clock=Clock())
    asyncio.run(database.close())


def test_onboarding(snap_compare: SnapCompare, sync_core: Core) -> None:
    app = create_app(sync_core)
    assert snap_compare(app, terminal_size=SIZE, run_before=ready())


def test_home(snap_compare: SnapCompare, sync_core: Core) -> None:
    asyncio.run(spanish_learner(sync_core.database))
    assert snap_compare(create_app(sync_core), terminal_size=SIZE, run_before=ready())


def test_lesson_choice_card(snap_compare: SnapCompare, sync_core: Core) -> None:
    asyncio.run(spanish_learner(sync_core.database))
    assert snap_compare(create_app(sync_core), terminal_size=SIZE, run_before=ready("l"))


def test_lesson_typo_feedback(snap_compare: SnapCompare, sync_core: Core) -> None:
    async def prepare() -> None:
        words = [("ventana", "noun", ("window",), {"plural": "ventanas", "gender": "f"})]
        profile_id = await spanish_learner(sync_core.database, words)
        await promote_to_typing(sync_core.database, profile_id)

    async def typo(pilot: Pilot[Any]) -> None:
        pilot.app.screen.query_one("#answer", Input).value = "windoww"
        await pilot.press("enter")

    asyncio.run(prepare())
    app = create_app(sync_core)
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("l", then=typo))


def test_add_word_entry(snap_compare: SnapCompare, sync_core: Core) -> None:
    async def house(pilot: Pilot[Any]) -> None:
        pilot.app.screen.query_one("#query", Input).value = "house"
        await pilot.press("enter")

    asyncio.run(spanish_learner(sync_core.database, []))
    app = create_app(sync_core)
    assert snap_compare(app, terminal_size=SIZE, run_before=ready("a", then=house))


def test_browser(snap_compare: SnapCompare, sync_core: Core) -> None:
    asyncio.run(spanish_learner(sync_core.database))
    assert snap_compare(create_app(sync_core), terminal_size=SIZE, run_before=ready("b"))


def test_statistics_after_a_lesson(snap_compare: SnapCompare, sync_core: Core) -> None:
    asyncio.run(spanish_learner(sync_core.database))
    keys = ("l", "1", "enter", "2", "enter", "escape", "enter", "t")
    assert snap_compare(create_app(sync_core), terminal_size=SIZE, run_before=ready(*keys))


def test_settings(snap_compare: SnapCompare, sync_core: Core) -> None:
    asyncio.run(spanish_learner(sync_core.database))
    assert snap_compare(create_app(sync_core), terminal_size=SIZE, run_before=ready("o"))
