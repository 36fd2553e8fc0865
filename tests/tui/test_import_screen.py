"""Importing a word list from the TUI: progress, a report, and a clear message for a bad file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.builders import spanish_learner
from tests.tui.pilot import open_screen, settle, text_of, words_app
from words_tui.services import Core
from words_tui.services.vocabulary.browse import browse
from words_tui.tui.screens.import_file import ImportScreen


async def test_a_csv_file_is_imported_and_reported(core: Core, tmp_path: Path) -> None:
    profile_id = await spanish_learner(core.database, [])
    words = tmp_path / "words.csv"
    words.write_text("word,translations\nperro,dog\nmesa,table\n", encoding="utf-8")
    async with open_screen(core, "i") as pilot:
        app = words_app(pilot)
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one("#path", Input).value = str(words)
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#report").startswith("words.csv: 2 added, 0 updated")
    page = await browse(core.database, profile_id)
    assert sorted(item.word for item in page.items) == ["mesa", "perro"]


async def test_a_missing_file_imports_nothing_and_says_why(core: Core, tmp_path: Path) -> None:
    await spanish_learner(core.database, [])
    async with open_screen(core, "i") as pilot:
        app = words_app(pilot)
        app.screen.query_one("#path", Input).value = str(tmp_path / "nowhere.csv")
        await pilot.press("enter")
        await settle(pilot)
        report = text_of(app, "#report")
        assert report.startswith("Nothing was imported:") and "nowhere.csv" in report
