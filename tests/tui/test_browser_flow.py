"""The browser by keyboard: from the search to the results, word keys only on a visible
selection, a dash as the "Next" of words never studied, directions named by their languages."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Input, Static

from tests.builders import T0, cards_of, review, set_cards, spanish_learner
from tests.tui.pilot import current, open_screen, settle
from words_tui.services import Core
from words_tui.tui.dialogs.confirm import ConfirmDialog
from words_tui.tui.dialogs.history import HistoryDialog
from words_tui.tui.screens.browser import NOT_STUDIED, BrowserScreen


async def test_enter_in_the_search_moves_to_the_matching_results(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "b", "slash", *"mesa", "enter") as pilot:
        screen = current(pilot, BrowserScreen)
        table = screen.query_one(DataTable)
        assert screen.focused is table
        assert table.row_count == 1 and str(table.get_row_at(table.cursor_row)[0]) == "mesa"


async def test_down_in_the_search_moves_to_the_results(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "b", "slash", "down") as pilot:
        screen = current(pilot, BrowserScreen)
        assert screen.focused is screen.query_one(DataTable)


async def test_word_keys_are_not_offered_while_the_search_has_the_focus(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "b", "slash") as pilot:
        screen = current(pilot, BrowserScreen)
        assert isinstance(screen.focused, Input)
        assert "d" not in pilot.app.active_bindings and "s" not in pilot.app.active_bindings
        await pilot.press("tab")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        current(pilot, BrowserScreen)


async def test_delete_asks_about_the_highlighted_row(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "b", "down", "down") as pilot:
        table = current(pilot, BrowserScreen).query_one(DataTable)
        highlighted = str(table.get_row_at(table.cursor_row)[0])
        assert (table.cursor_row, highlighted) == (2, "ventana")
        await pilot.press("d")
        await settle(pilot)
        assert "“ventana”" in current(pilot, ConfirmDialog).question


async def test_a_word_never_studied_has_a_dash_as_next_review(core: Core) -> None:
    await spanish_learner(core.database, [("gato", "noun", ("cat",), {})])
    async with open_screen(core, "b") as pilot:
        table = current(pilot, BrowserScreen).query_one(DataTable)
        assert str(table.get_row_at(0)[4]) == NOT_STUDIED


async def test_a_studied_word_shows_its_next_review_date(core: Core) -> None:
    profile_id = await spanish_learner(core.database, [("gato", "noun", ("cat",), {})])
    await set_cards(core.database, profile_id, reps=1, due=T0 + timedelta(days=3))
    async with open_screen(core, "b") as pilot:
        table = current(pilot, BrowserScreen).query_one(DataTable)
        assert str(table.get_row_at(0)[4]) == "3/4/30"  # CLDR short date, English


async def test_accuracy_columns_name_the_directions_languages(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "b") as pilot:
        table = current(pilot, BrowserScreen).query_one(DataTable)
        labels = [str(column.label) for column in table.columns.values()]
        assert labels[-2:] == ["es→en %", "en→es %"]


async def test_history_names_each_direction_and_says_how_to_close(core: Core) -> None:
    profile_id = await spanish_learner(core.database, [("gato", "noun", ("cat",), {})])
    for card in await cards_of(core.database, profile_id, "gato"):
        await review(core.database, card, T0)
    async with open_screen(core, "b", "h") as pilot:
        dialog = current(pilot, HistoryDialog)
        table = dialog.query_one(DataTable)
        directions = {str(table.get_row_at(row)[1]) for row in range(table.row_count)}
        assert directions == {"Spanish → English", "English → Spanish"}
        assert "Esc" in str(dialog.query_one("#history-hint", Static).content)
        await pilot.press("escape")
        await settle(pilot)
        current(pilot, BrowserScreen)
