"""Ctrl and Shift letters work on the Russian (ЙЦУКЕН) layout: a terminal with the kitty keyboard
protocol reports Ctrl+е as `ctrl+е` (Textual's own parser says so below), and each Ctrl binding
— the app's, the screens' and Textual's own (quit, the Ctrl+C hint, the palette) — has that twin.
"""

from __future__ import annotations

from textual import events
from textual._xterm_parser import XTermParser
from textual.command import CommandPalette
from textual.widgets import Input

from tests.builders import spanish_learner
from tests.tui.pilot import current, open_screen, settle, words_app
from words_tui.services import Core
from words_tui.services.vocabulary import ProfileKnobs
from words_tui.tui.keys import twin_keys
from words_tui.tui.screens.settings import SettingsScreen


def reported(sequence: str) -> list[str]:
    """The keys Textual reads from what a terminal sends."""
    parser = XTermParser(debug=False)
    return [
        event.key
        for event in [*parser.feed(sequence), *parser.feed("")]
        if isinstance(event, events.Key)
    ]


def test_a_kitty_protocol_terminal_reports_ctrl_with_the_cyrillic_letter() -> None:
    assert reported("\x1b[1077;5u") == ["ctrl+е"]
    assert reported("\x1b[1077;2u") == ["shift+е"]
    assert reported("Е") == ["Е"]


def test_modified_and_capital_letters_have_twins() -> None:
    assert twin_keys("ctrl+t") == "ctrl+е"
    assert twin_keys("ctrl+s,ctrl+p") == "ctrl+ы,ctrl+з"
    assert twin_keys("shift+r") == "shift+к"
    assert twin_keys("T") == "Е"
    assert twin_keys("ctrl+f1") == ""


async def test_ctrl_keys_work_with_cyrillic_letters(core: Core) -> None:
    await spanish_learner(core.database, knobs=ProfileKnobs(interface_lang="ru"))
    async with open_screen(core) as pilot:
        app = words_app(pilot)
        look = app.look
        await pilot.press("ctrl+е")
        await settle(pilot)
        assert app.look != look
        await pilot.press("ctrl+з")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("щ")
        await settle(pilot)
        settings = current(pilot, SettingsScreen)
        settings.query_one("#lesson_size", Input).value = "12"
        await pilot.press("ctrl+ы")
        await settle(pilot)
        assert await core.profiles.active() is not None
        profile = await core.profiles.active()
        assert profile is not None and profile.lesson_size == 12
        await pilot.press("ctrl+й")
        await settle(pilot)
    assert app.return_code == 0
