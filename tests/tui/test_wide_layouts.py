"""Layouts that use the terminal: from 140 columns home and statistics put their two panels side
by side and the lesson card is a centred column of at most 100 cells; narrower they stack, and at
80×24 all of home fits without scrolling, the browser's search field keeps a row of its own and
every settings label shows in full, in every interface language."""

from __future__ import annotations

from typing import Any

import pytest
from rich.cells import cell_len
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Label

from tests.builders import spanish_learner
from tests.tui.pilot import settle
from words_tui.services import Core
from words_tui.services.vocabulary import ProfileKnobs
from words_tui.tui.app import WIDE_COLUMNS, create_app
from words_tui.tui.screens.home import HomeScreen

WIDE = (200, 50)
SMALL = (80, 24)
CARD_COLUMNS = 100
LANGUAGES = ("en", "ru", "es")


def region(pilot: Pilot[Any], selector: str) -> Region:
    return pilot.app.screen.query_one(selector, Widget).region


def side_by_side(pilot: Pilot[Any], left: str, right: str) -> bool:
    """Both panels on screen, the second to the right of the first, sharing rows."""
    first, second = region(pilot, left), region(pilot, right)
    screen = pilot.app.screen.region
    return (
        screen.contains_region(first)
        and screen.contains_region(second)
        and second.x >= first.right
        and second.y < first.bottom
        and first.y < second.bottom
    )


def stacked(pilot: Pilot[Any], top: str, bottom: str) -> bool:
    """The second panel below the first, both as wide as each other."""
    first, second = region(pilot, top), region(pilot, bottom)
    return first.x == second.x and first.width == second.width and second.y >= first.bottom


async def open_at(pilot: Pilot[Any], *keys: str) -> None:
    await settle(pilot)
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def test_home_puts_today_beside_the_menu_on_a_wide_terminal(core: Core) -> None:
    await spanish_learner(core.database)
    async with create_app(core).run_test(size=WIDE) as pilot:
        await open_at(pilot)
        assert pilot.app.screen.has_class("-wide")
        assert side_by_side(pilot, "#today", "#actions")
        assert not stacked(pilot, "#today", "#actions")


async def test_home_stacks_its_panels_below_the_wide_breakpoint(core: Core) -> None:
    await spanish_learner(core.database)
    async with create_app(core).run_test(size=(WIDE_COLUMNS - 1, 40)) as pilot:
        await open_at(pilot)
        assert stacked(pilot, "#today", "#actions")


async def test_resizing_the_terminal_moves_the_panels_of_every_screen_on_the_stack(
    core: Core,
) -> None:
    """Home under statistics follows a resize too, and shows the new layout on return."""
    await spanish_learner(core.database)
    async with create_app(core).run_test(size=SMALL) as pilot:
        await open_at(pilot, "t")
        await pilot.resize_terminal(*WIDE)
        await settle(pilot)
        assert side_by_side(pilot, "#outlook", "#history")
        await open_at(pilot, "escape")
        assert isinstance(pilot.app.screen, HomeScreen)
        assert side_by_side(pilot, "#today", "#actions")
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        assert stacked(pilot, "#today", "#actions")


@pytest.mark.parametrize("language", LANGUAGES)
async def test_all_of_home_fits_an_80x24_terminal(core: Core, language: str) -> None:
    """No scrolling, the LLM line above the footer, the three counts as tall as each other and
    tall enough for their text."""
    await spanish_learner(core.database, knobs=ProfileKnobs(interface_lang=language))
    async with create_app(core).run_test(size=SMALL) as pilot:
        await open_at(pilot)
        home = pilot.app.screen.query_one("#home", Widget)
        assert home.max_scroll_y == 0
        assert region(pilot, "#llm").bottom <= region(pilot, "TranslatedFooter").y
        counts = list(pilot.app.screen.query(".count"))
        assert len({count.region.height for count in counts}) == 1
        for count in counts:
            inside = count.content_region
            assert count.get_content_height(inside.size, inside.size, inside.width) <= inside.height


async def test_statistics_puts_its_panels_side_by_side_on_a_wide_terminal(core: Core) -> None:
    await spanish_learner(core.database)
    async with create_app(core).run_test(size=WIDE) as pilot:
        await open_at(pilot, "t")
        assert side_by_side(pilot, "#outlook", "#history")


async def test_statistics_stacks_its_panels_at_120_columns(core: Core) -> None:
    await spanish_learner(core.database)
    async with create_app(core).run_test(size=(120, 40)) as pilot:
        await open_at(pilot, "t")
        assert stacked(pilot, "#outlook", "#history")


async def test_the_lesson_card_is_a_centred_column_on_a_wide_terminal(core: Core) -> None:
    await spanish_learner(core.database)
    async with create_app(core).run_test(size=WIDE) as pilot:
        await open_at(pilot, "l")
        screen = pilot.app.screen.region
        for part in ("#prompt", "#choices"):
            card = region(pilot, part)
            assert card.width == CARD_COLUMNS
            assert abs(card.x - (screen.right - card.right)) <= 1


async def test_the_lesson_card_takes_the_whole_width_of_a_small_terminal(core: Core) -> None:
    await spanish_learner(core.database)
    async with create_app(core).run_test(size=SMALL) as pilot:
        await open_at(pilot, "l")
        body = pilot.app.screen.query_one("#lesson-body", Widget).content_region
        assert region(pilot, "#prompt").width == body.width


async def test_the_browsers_search_field_has_a_row_of_its_own_at_80_columns(core: Core) -> None:
    await spanish_learner(core.database, tags=("El Principito",))
    async with create_app(core).run_test(size=SMALL) as pilot:
        await open_at(pilot, "b")
        search, status = region(pilot, "#search"), region(pilot, "#status")
        assert status.y > search.y and search.width > SMALL[0] - 4
        tag = region(pilot, "#tag")
        assert tag.width > 0 and tag.right <= SMALL[0]


async def test_the_browsers_filters_share_one_row_at_120_columns(core: Core) -> None:
    await spanish_learner(core.database, tags=("El Principito",))
    async with create_app(core).run_test(size=(120, 40)) as pilot:
        await open_at(pilot, "b")
        assert {region(pilot, part).y for part in ("#search", "#status", "#level", "#tag")} == {
            region(pilot, "#search").y
        }


@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_settings_label_shows_in_full_at_80_columns(core: Core, language: str) -> None:
    await spanish_learner(core.database, knobs=ProfileKnobs(interface_lang=language))
    async with create_app(core).run_test(size=SMALL) as pilot:
        await open_at(pilot, "o")
        labels = list(pilot.app.screen.query(Label))
        assert labels
        for label in labels:
            text = str(label.content)
            assert cell_len(text) <= label.content_region.width, text
            assert label.region.right <= SMALL[0], text
