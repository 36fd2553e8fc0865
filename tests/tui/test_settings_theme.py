"""The theme (Ctrl+T or Settings) is kept in the profile; Settings asks before dropping changes."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Select

from tests.builders import spanish_learner
from tests.tui.pilot import current, open_screen, settle, words_app
from words_tui.services import Core
from words_tui.services.vocabulary.profiles import active_profile
from words_tui.tui.dialogs.confirm import ConfirmDialog
from words_tui.tui.screens.home import HomeScreen
from words_tui.tui.screens.settings import SettingsScreen


async def test_ctrl_t_saves_the_light_theme_and_the_next_start_is_light(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "ctrl+t") as pilot:
        assert words_app(pilot).theme == "textual-light"
    profile = await active_profile(core.database, core.user)
    assert profile is not None and profile.theme == "light"
    async with open_screen(core) as pilot:
        assert words_app(pilot).theme == "textual-light"


async def test_the_theme_chosen_in_settings_is_saved_and_shown(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "o") as pilot:
        app = words_app(pilot)
        assert app.screen.query_one("#theme", Select).value == "dark"
        app.screen.query_one("#theme", Select).value = "light"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.theme == "textual-light"
    profile = await active_profile(core.database, core.user)
    assert profile is not None and profile.theme == "light"


async def test_ctrl_t_in_settings_shows_the_new_theme_without_asking_to_save(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "o", "ctrl+t") as pilot:
        assert pilot.app.screen.query_one("#theme", Select).value == "light"
        await pilot.press("escape")
        await settle(pilot)
        current(pilot, HomeScreen)


async def change_the_lesson_size_then_escape(pilot: Pilot[int], save: bool = False) -> None:
    pilot.app.screen.query_one("#lesson_size", Input).value = "12"
    if save:
        await pilot.press("ctrl+s")
        await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)


async def test_escape_with_unsaved_changes_asks_and_cancel_keeps_them(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "o") as pilot:
        await change_the_lesson_size_then_escape(pilot)
        current(pilot, ConfirmDialog)
        await pilot.press("escape")
        await settle(pilot)
        settings = current(pilot, SettingsScreen)
        assert settings.query_one("#lesson_size", Input).value == "12"


async def test_escape_with_unsaved_changes_leaves_without_them_once_confirmed(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "o") as pilot:
        await change_the_lesson_size_then_escape(pilot)
        await pilot.press("y")
        await settle(pilot)
        current(pilot, HomeScreen)
    profile = await active_profile(core.database, core.user)
    assert profile is not None and profile.lesson_size != 12


async def test_escape_after_saving_leaves_at_once(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "o") as pilot:
        await change_the_lesson_size_then_escape(pilot, save=True)
        current(pilot, HomeScreen)
