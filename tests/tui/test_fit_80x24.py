"""The statistics' numbers and the help at 80×24 in every interface language: a number stays on
the row of its word (Textual would part "0" from "исключённых", "100" from "%"), and all of the
help shows without scrolling."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from textual.containers import VerticalScroll
from textual.geometry import Offset, Region
from textual.pilot import Pilot
from textual.selection import Selection
from textual.widget import Widget

from tests.builders import T0, cards_of, review, spanish_learner
from tests.tui.pilot import current, settle
from words_tui.services import Core
from words_tui.services.vocabulary import ProfileKnobs
from words_tui.tui.app import create_app
from words_tui.tui.screens.help import HelpScreen
from words_tui.tui.screens.statistics import StatisticsScreen

SMALL = (80, 24)
LANGUAGES = ("en", "ru", "es")
LESSON_THEN_STATISTICS = ("l", "1", "enter", "2", "enter", "escape", "enter", "enter", "t")
"""Two choices answered, the lesson ended early, home, statistics — after two typed answers to
"gato" on the days before (the snapshot matrix's learner): every count line has numbers, the
accuracy line a percentage for each direction and mode."""
ENDS_WITH_NUMBER = re.compile(r"\d$")
HELP_FROM = {
    "home": (),
    "lesson": ("l",),
    "browser": ("b",),
    "statistics": ("t",),
    "settings": ("o",),
    "add word": ("a",),
    "import": ("i",),
}


async def opened(pilot: Pilot[Any], *keys: str) -> None:
    await settle(pilot)
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def rendered_rows(widget: Widget) -> list[str]:
    """The rows `widget` shows, as the terminal draws them, without trailing blanks."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [strip.text.strip() for strip in strips if strip.text.strip()]


@pytest.mark.parametrize("columns", [80, 52])
@pytest.mark.parametrize("language", LANGUAGES)
async def test_statistics_never_part_a_number_from_its_word(
    core: Core, language: str, columns: int
) -> None:
    """No row ends with a number its line goes on after, none starts with "%"; at 80 columns,
    then at the narrower width the terminal is resized to."""
    knobs = ProfileKnobs(interface_lang=language)
    profile_id = await spanish_learner(core.database, knobs=knobs)
    for days, card in enumerate(await cards_of(core.database, profile_id, "gato"), start=1):
        await review(core.database, card, T0 - timedelta(days=days), rating=3 - days % 2)
    async with create_app(core, language=language).run_test(size=SMALL) as pilot:
        await opened(pilot, *LESSON_THEN_STATISTICS)
        if columns != SMALL[0]:
            await pilot.resize_terminal(columns, SMALL[1])
            await settle(pilot)
        counts = current(pilot, StatisticsScreen).query_one("#counts", Widget)
        lines = str(counts.render()).split("\n")
        assert lines[2].count("%") == 4 and any(character.isdigit() for character in lines[0])
        rows = rendered_rows(counts)
        assert len(rows) > len(lines) or columns == SMALL[0]
        for row in rows:
            assert not row.startswith("%"), rows
            if ENDS_WITH_NUMBER.search(row):
                assert any(line.endswith(row) for line in lines), rows
        assert " ".join(rows).split() == " ".join(lines).split()


async def test_the_statistics_numbers_are_copied_as_their_rows_show_them(core: Core) -> None:
    await spanish_learner(core.database, knobs=ProfileKnobs(interface_lang="ru"))
    async with create_app(core, language="ru").run_test(size=SMALL) as pilot:
        await opened(pilot, *LESSON_THEN_STATISTICS)
        screen = current(pilot, StatisticsScreen)
        counts = screen.query_one("#counts", Widget)
        rows = rendered_rows(counts)
        screen.selections = {counts: Selection(None, None)}
        assert screen.get_selected_text() == "\n".join(rows)
        screen.selections = {counts: Selection(Offset(0, 1), Offset(len(rows[1]), 1))}
        assert screen.get_selected_text() == rows[1]


@pytest.mark.parametrize("screen", HELP_FROM)
@pytest.mark.parametrize("language", LANGUAGES)
async def test_all_of_the_help_fits_an_80x24_terminal(
    core: Core, language: str, screen: str
) -> None:
    """Opened from any screen, the help needs no scrolling and shows every key line whole."""
    await spanish_learner(core.database, knobs=ProfileKnobs(interface_lang=language))
    async with create_app(core, language=language).run_test(size=SMALL) as pilot:
        await opened(pilot, *HELP_FROM[screen], "f1")
        help_screen = current(pilot, HelpScreen)
        scroll = help_screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y == 0
        assert scroll.virtual_size.height <= scroll.scrollable_content_region.height
        shown = "\n".join(
            row for key in help_screen.query(".help-key") for row in rendered_rows(key)
        )
        for key, description in help_screen.key_lines():
            assert f"{key} " in shown and description in shown, (key, description)
