"""On the lesson screen, a typed answer's verdict waits for the language data only when it needs
it: loading is held back by a gate the test opens, so "shown before the data" and "shown once
the data came" are facts about order, not about time."""

from __future__ import annotations

from textual.widgets import Input

from tests.builders import Clock, core_on, promote_to_typing, spanish_learner
from tests.no_language_data import GatedRealLanguageData
from tests.tui.pilot import current, open_screen, settle, text_of, words_app
from words_tui.infrastructure.db.database import Database
from words_tui.tui.screens.lesson import LessonScreen

VENTANA = [("ventana", "noun", ("window",), {})]


async def test_a_typed_answer_right_as_typed_shows_its_verdict_while_the_data_loads(
    sqlite_database: Database, clock: Clock
) -> None:
    data = GatedRealLanguageData()  # never released before the verdict
    core = core_on(sqlite_database, clock, language_data=data)
    await promote_to_typing(core.database, await spanish_learner(core.database, VENTANA))
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None and not card.is_choice
        app.screen.query_one("#answer", Input).value = card.expected
        await pilot.press("enter")
        await settle(pilot)

        assert text_of(app, "#feedback").startswith("✓ Correct") and not data.loaded
        data.release.set()


async def test_a_near_miss_shows_its_verdict_once_the_data_has_loaded(
    sqlite_database: Database, clock: Clock
) -> None:
    data = GatedRealLanguageData()  # using it before it loaded fails the test
    core = core_on(sqlite_database, clock, language_data=data)
    await promote_to_typing(core.database, await spanish_learner(core.database, VENTANA))
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None
        typo = {"ventana": "ventanna", "window": "windoww"}[card.expected]
        app.screen.query_one("#answer", Input).value = typo
        await pilot.press("enter")
        await pilot.pause()
        shown_before = text_of(app, "#feedback")
        data.release.set()
        await settle(pilot)

        assert not shown_before.startswith(("✓", "✗")) and data.loaded
        assert text_of(app, "#feedback").startswith("✓ Accepted with a typo")
