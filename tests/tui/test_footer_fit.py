"""Footers that fit: every key in full at 80 and 120 columns in English, Russian and Spanish, the
palette key given up first, then spacing, and only then keys (behind "More keys", never Esc)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.builders import promote_to_typing, spanish_learner
from tests.tui.pilot import settle, words_app
from words_tui.services import Core
from words_tui.services.vocabulary import ProfileKnobs
from words_tui.tui.app import create_app
from words_tui.tui.widgets.footer import ShownKey, TranslatedFooter, fit

LESSON = ShownKey("l", "l", "Lesson", "start_lesson")
BACK = ShownKey("escape", "esc", "Back", "back")
HELP = ShownKey("f1", "f1", "Help", "help")
PALETTE = ShownKey("ctrl+p", "^p", "Commands", "command_palette")
SCREENS = {
    "home": (),
    "lesson": ("l",),
    "feedback": ("l", "1"),
    "browser": ("b",),
    "statistics": ("t",),
    "settings": ("o",),
    "add word": ("a",),
    "import": ("i",),
}
LANGUAGES = ("en", "ru", "es")
SIZES = ((80, 24), (120, 40))


def test_a_wide_terminal_keeps_the_palette_key_and_normal_spacing() -> None:
    layout = fit((LESSON, HELP), PALETTE, 120, "More")
    assert (layout.compact, layout.palette, layout.cut) == (False, True, False)


def test_a_narrow_terminal_gives_up_the_palette_key_then_spacing() -> None:
    keys = (LESSON, BACK, HELP)
    assert fit(keys, PALETTE, 30, "More") == fit(keys, None, 30, "More")
    assert not fit(keys, PALETTE, 30, "More").palette
    assert fit(keys, PALETTE, 27, "More").compact


def test_keys_left_out_are_behind_more_keys_and_esc_stays() -> None:
    keys = (BACK, LESSON, ShownKey("t", "t", "Statistics", "statistics"), HELP)
    layout = fit(keys, PALETTE, 26, "More")
    assert layout.cut
    assert [key.display for key in layout.keys] == ["esc", "l", "f1"]
    assert layout.keys[-1].description == "More"


def footer_line(pilot: Pilot[Any]) -> str:
    """The bottom line of the screen as the terminal shows it."""
    lines = [strip.text for strip in pilot.app.screen._compositor.render_strips()]
    return lines[-1]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_footer_shows_its_keys_in_full(
    core: Core, language: str, size: tuple[int, int]
) -> None:
    await spanish_learner(core.database, knobs=ProfileKnobs(interface_lang=language))
    for screen, keys in SCREENS.items():
        async with create_app(core).run_test(size=size) as pilot:
            await settle(pilot)
            for key in keys:
                await pilot.press(key)
                await settle(pilot)
            footer = pilot.app.screen.query_one(TranslatedFooter)
            more = words_app(pilot).texts("key.more")
            line = footer_line(pilot)
            where = f"{screen} ({language}, {size[0]}×{size[1]}): {line!r}"
            for key in footer.fitted.keys:
                assert f"{key.display} {key.description}" in line, where
            shown, _ = footer.keys_of(pilot.app.screen)
            assert not footer.fitted.cut and more not in line, where
            assert footer.fitted.keys == shown, where


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_typed_verdict_shows_every_lesson_key_in_80_columns(
    core: Core, language: str
) -> None:
    profile_id = await spanish_learner(core.database, knobs=ProfileKnobs(interface_lang=language))
    await promote_to_typing(core.database, profile_id)
    async with create_app(core).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        pilot.app.screen.query_one("#answer", Input).value = "zzz"
        await pilot.press("enter")
        await settle(pilot)
        footer = pilot.app.screen.query_one(TranslatedFooter)
        shown, _ = footer.keys_of(pilot.app.screen)
        lesson_keys = {"next", "undo", "override", "edit", "suspend", "leave"}
        assert lesson_keys <= {key.action for key in shown}
        assert not footer.fitted.cut and footer.fitted.keys == shown
        line = footer_line(pilot)
        for key in shown:
            assert f"{key.display} {key.description}" in line, line
