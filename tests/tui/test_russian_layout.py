"""The keys work with the Russian (ЙЦУКЕН) layout on: the same physical keys, Cyrillic letters."""

from __future__ import annotations

from textual.widgets import Input

from tests.builders import promote_to_typing, row_count, spanish_learner
from tests.tui.pilot import current, open_screen, settle, text_of, words_app
from words_tui.infrastructure.db.models import Review
from words_tui.services import Core
from words_tui.services.vocabulary import ProfileKnobs
from words_tui.tui.keys import on_any_layout, twin_keys
from words_tui.tui.screens.browser import BrowserScreen
from words_tui.tui.screens.lesson import LessonScreen
from words_tui.tui.screens.statistics import StatisticsScreen
from words_tui.tui.screens.summary import SummaryScreen


def test_each_latin_key_has_the_letter_of_the_same_physical_key() -> None:
    assert twin_keys("u") == "г"
    assert twin_keys("r") == "к"
    assert twin_keys("pagedown,n") == "т"
    assert twin_keys("slash") == "full_stop"
    assert twin_keys("escape") == ""


def test_the_twins_stay_out_of_the_footer() -> None:
    bindings = on_any_layout([*LessonScreen.BINDINGS])
    shown = [b for b in bindings if not isinstance(b, tuple) and b.show]
    assert all(key.isascii() for b in shown for key in b.key)


async def test_a_lesson_is_driven_with_cyrillic_keys(core: Core) -> None:
    """The issue's learner: the answer typed in Russian, then г (u) and к (r) act at once."""
    profile_id = await spanish_learner(
        core.database,
        [("ventana", "noun", ("window",), {})],
        knobs=ProfileKnobs(interface_lang="ru"),
    )
    await promote_to_typing(core.database, profile_id)
    async with open_screen(core, "д") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None
        answer = screen.query_one("#answer", Input)
        answer.value = "окно" if card.expected == "ventana" else "вентана"
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✗")
        await pilot.press("г")
        await settle(pilot)
        assert await row_count(core.database, Review) == 0
        assert screen.lesson.current == card
        answer.value = "pane"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("к")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✓")
        assert await row_count(core.database, Review) == 1
        await pilot.press("escape", "enter")  # cards are left: Enter confirms the end
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("е")
        await settle(pilot)
        assert isinstance(app.screen, StatisticsScreen)


async def test_home_keys_work_on_the_russian_layout(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "и") as pilot:
        assert isinstance(pilot.app.screen, BrowserScreen)
        await pilot.press("escape", "е")
        await settle(pilot)
        assert isinstance(pilot.app.screen, StatisticsScreen)
