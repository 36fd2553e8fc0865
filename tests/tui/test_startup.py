"""Start-up through the CLI's path (a loader opening the database from the settings)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from tests.tui.pilot import SIZE, settle
from words_tui.settings import load_settings
from words_tui.tui.app import create_app
from words_tui.tui.boot import open_core
from words_tui.tui.screens.onboarding import OnboardingScreen


async def test_a_fresh_data_directory_opens_on_onboarding(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path / "fresh")
    app = create_app(loader=partial(open_core, settings))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, OnboardingScreen)
    assert (tmp_path / "fresh" / "words.db").exists()


async def test_a_database_file_that_is_not_sqlite_stops_the_app_with_its_path(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "words.db"
    broken.write_text("not a database")
    settings = load_settings(data_dir=tmp_path)
    app = create_app(loader=partial(open_core, settings))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert app.return_code == 1
    assert broken.read_text() == "not a database"
    assert app.exit_message.startswith(f"words-tui: {broken} is not a SQLite database")


async def test_a_bad_setting_stops_the_app_with_the_setting_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WORDS_LESSON_SIZE", "0")
    app = create_app(loader=open_core)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert app.return_code == 1
    assert app.exit_message.startswith("words-tui: invalid setting 'lesson_size'")
    assert "WORDS_LESSON_SIZE" in app.exit_message
