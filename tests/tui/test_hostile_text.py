"""Text from files, learners and LLMs is shown as typed on every screen: never markup, never an
action, never an escape code — whatever an import (or another learner's, on a shared database)
put into the vocabulary.

The hostile words go in through a real import, and one translation is also written straight into
the database with a raw escape code, as a database from before imports cleaned text could hold.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from sqlalchemy import select, update
from sqlmodel import col
from textual.content import Content
from textual.widgets import DataTable, Input, OptionList, Static

from tests.tui.pilot import current, open_screen, settle
from words_tui.infrastructure.db.models import UserWord, Word
from words_tui.services import Core
from words_tui.tui.dialogs.history import HistoryDialog
from words_tui.tui.screens.browser import BrowserScreen
from words_tui.tui.screens.lesson import LessonScreen

MARKUP = "[bold red]cat[/]"
BROKEN = "click me[/link]"
ACTION = "[@click=app.quit]casa[/]"
RTL = "abc\u202edef"
FAMILY = "👨\u200d👩\u200d👧"
LONG = "tren" + "e" * 190
HOSTILE_CSV = f"""word,translation
gato,{MARKUP}
perro,{BROKEN}
"{ACTION}",house
{RTL},{FAMILY}
{LONG},train
"""
ESCAPE = "\x1b[2J"


async def hostile_learner(core: Core, tmp_path: Path) -> int:
    """A Spanish profile filled by importing the hostile list; 'gato' also gets a raw escape."""
    profile = await core.profiles.create("en", "es", "A1")
    assert profile.id is not None
    path = tmp_path / "hostile.csv"
    path.write_text(HOSTILE_CSV, encoding="utf-8")
    report = await core.transfer.import_file(profile.id, path)
    assert report.created == 5, report.problems
    async with core.database.session() as session:
        gato = select(Word.id).where(col(Word.norm) == "gato").scalar_subquery()
        await session.execute(
            update(UserWord)
            .where(col(UserWord.profile_id) == profile.id, col(UserWord.word_id) == gato)
            .values(meanings=[f"{ESCAPE}{MARKUP}"])
        )
    return profile.id


def plain(value: object) -> str:
    if isinstance(value, Text):
        assert not value.spans, f"{value.plain!r} was styled: {value.spans}"
        return value.plain
    if isinstance(value, Content):
        return value.plain
    return str(value)


async def test_the_browser_shows_hostile_words_as_typed_and_clicking_one_runs_nothing(
    core: Core, tmp_path: Path
) -> None:
    await hostile_learner(core, tmp_path)
    async with open_screen(core, "b") as pilot:
        table = current(pilot, BrowserScreen).query_one(DataTable)
        cells = [plain(value) for row in range(table.row_count) for value in table.get_row_at(row)]
        assert f"[2J{MARKUP}" in cells, "the escape character is dropped, the rest shown as typed"
        assert BROKEN in cells and ACTION in cells and FAMILY in cells and LONG in cells
        assert not any("\x1b" in text or "\u202e" in text for text in cells)
        row = next(r for r in range(table.row_count) if plain(table.get_row_at(r)[0]) == ACTION)
        await pilot.click(DataTable, offset=(3, row + 1))
        await settle(pilot)
        assert pilot.app.is_running
        current(pilot, BrowserScreen)


async def test_a_hostile_answer_is_shown_as_typed_in_the_history(
    core: Core, tmp_path: Path
) -> None:
    profile_id = await hostile_learner(core, tmp_path)
    lesson = await core.lessons.start_lesson(profile_id)
    while (card := lesson.current) is not None:
        await core.lessons.answer(lesson, card, f"{ESCAPE}{MARKUP}", 1.0)
    await core.lessons.finish(lesson)
    async with open_screen(core, "b", "h") as pilot:
        table = current(pilot, HistoryDialog).query_one(DataTable)
        cells = [plain(value) for row in range(table.row_count) for value in table.get_row_at(row)]
        assert f"[2J{MARKUP}" in cells
        assert not any("\x1b" in text for text in cells)


async def test_choice_cards_show_hostile_options_as_typed_and_never_run_them(
    core: Core, tmp_path: Path
) -> None:
    await hostile_learner(core, tmp_path)
    seen: list[str] = []
    async with open_screen(core, "l") as pilot:
        current(pilot, LessonScreen)
        for _ in range(10):
            screen = pilot.app.screen
            if not isinstance(screen, LessonScreen):
                break
            seen.append(plain(screen.query_one("#prompt", Static).content))
            options = screen.query_one(OptionList)
            seen += [
                plain(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            ]
            await pilot.click(OptionList, offset=(4, 0))
            await settle(pilot)
            assert pilot.app.is_running
            await pilot.press("enter")
            await settle(pilot)
    text = "\n".join(seen)
    assert "\x1b" not in text and "\u202e" not in text
    assert MARKUP in text or ACTION in text or BROKEN in text


async def test_add_word_shows_a_stored_hostile_entry_as_typed(core: Core, tmp_path: Path) -> None:
    await hostile_learner(core, tmp_path)
    async with open_screen(core, "a") as pilot:
        pilot.app.screen.query_one("#query", Input).value = "perro"
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.is_running
        screen = pilot.app.screen
        shown = "\n".join(plain(s.content) for s in screen.query(Static))
        assert BROKEN in shown or BROKEN in screen.query_one("#translations", Input).value


async def test_a_hostile_profile_name_is_shown_as_typed(core: Core) -> None:
    from words_tui.services.vocabulary import ProfileKnobs

    await core.profiles.create("en", "es", "A1", ProfileKnobs(name=f"{ESCAPE}{MARKUP}"))
    async with open_screen(core) as pilot:
        line = plain(pilot.app.screen.query_one("#profile", Static).content)
        assert MARKUP in line and "\x1b" not in line
        await pilot.press("p")
        await settle(pilot)
        options = pilot.app.screen.query_one(OptionList)
        names = [plain(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(MARKUP in name and "\x1b" not in name for name in names)
