"""Textual's own texts and the services' errors speak the interface language."""

from __future__ import annotations

from typing import Any

from textual.command import CommandInput, CommandList
from textual.pilot import Pilot
from textual.widgets import Input

from tests.builders import spanish_learner
from tests.tui.pilot import open_screen, settle, words_app
from words_tui.services import Core
from words_tui.services.vocabulary import ProfileKnobs


def notifications(pilot: Pilot[Any]) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in words_app(pilot)._notifications]


async def test_ctrl_c_says_how_to_quit_in_spanish(core: Core) -> None:
    await spanish_learner(core.database, knobs=ProfileKnobs(interface_lang="es"))
    async with open_screen(core, "ctrl+c") as pilot:
        assert ("¿Quieres salir?", "Pulsa ctrl+q para salir de words-tui.") in notifications(pilot)


async def test_the_command_palette_prompts_in_russian(core: Core) -> None:
    await spanish_learner(core.database, knobs=ProfileKnobs(interface_lang="ru"))
    async with open_screen(core, "ctrl+p") as pilot:
        prompt = pilot.app.screen.query_one(CommandInput)
        assert prompt.placeholder == "Поиск команд…"


async def test_a_setting_out_of_range_is_refused_in_russian(core: Core) -> None:
    await spanish_learner(core.database, knobs=ProfileKnobs(interface_lang="ru"))
    async with open_screen(core, "o") as pilot:
        pilot.app.screen.query_one("#lesson_size", Input).value = "0"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (
            "Что-то пошло не так",
            "Карточек в уроке: значение 0 вне допустимых пределов; укажите от 1 до 500.",
        ) in notifications(pilot)


async def test_a_palette_search_that_finds_nothing_says_so_in_russian(core: Core) -> None:
    await spanish_learner(core.database, knobs=ProfileKnobs(interface_lang="ru"))
    async with open_screen(core, "ctrl+p") as pilot:
        await pilot.press(*"zzzqqq")
        palette = pilot.app.screen
        options = palette.query_one(CommandList)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(palette._NO_MATCHES_COUNTDOWN * 2)
        await settle(pilot)
        [option] = [options.get_option_at_index(i) for i in range(options.option_count)]
        assert option.id == palette._NO_MATCHES
        assert "Ничего не найдено" in str(option.prompt.renderable)
