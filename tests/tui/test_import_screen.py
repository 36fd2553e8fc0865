"""Importing a word list from the TUI: progress, a report, and a clear message for a bad file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from tests.builders import spanish_learner
from tests.tui.pilot import open_screen, settle, text_of, words_app
from words_tui.services import Core
from words_tui.services.vocabulary.browse import Page, browse
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


async def test_a_header_naming_no_known_column_asks_which_column_is_which(
    core: Core, tmp_path: Path
) -> None:
    profile_id = await spanish_learner(core.database, [])
    words = tmp_path / "list.csv"
    words.write_text("Spanish;English;Note\nperro;dog;pet\nmesa;table;\n", encoding="utf-8")
    async with open_screen(core, "i") as pilot:
        app = words_app(pilot)
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#path", Input).value = str(words)
        await pilot.press("enter")
        await settle(pilot)
        question = text_of(app, "#columns-info")
        assert "Spanish, English, Note" in question and "perro | dog | pet" in question
        assert await browse(core.database, profile_id) == Page((), None)
        screen.query_one("#word-column", Select).value = "Spanish"
        screen.query_one("#translations-column", Select).value = "English"
        await pilot.click("#start-import")
        await settle(pilot)
        assert text_of(app, "#report").startswith("list.csv: 2 added")
        assert not screen.query_one("#columns").display
    page = await browse(core.database, profile_id)
    assert sorted((item.word, item.meanings) for item in page.items) == [
        ("mesa", ("table",)),
        ("perro", ("dog",)),
    ]
