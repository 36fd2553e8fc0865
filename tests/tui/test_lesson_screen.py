"""The lesson screen driven by keys: choices, typed answers, typos, wrong answers, undo, override,
suspend, and the summary at the end."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tests.builders import Clock, core_on, promote_to_typing, row_count, spanish_learner
from tests.no_language_data import GatedLanguageData
from tests.tui.pilot import current, open_screen, settle, text_of, words_app
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Review
from words_tui.services import Core
from words_tui.tui.app import WordsApp
from words_tui.tui.screens.home import HomeScreen
from words_tui.tui.screens.lesson import LessonScreen
from words_tui.tui.screens.summary import SummaryScreen


async def type_answer(app: WordsApp, pilot: Pilot[Any], text: str) -> str:
    """Type `text` into the answer box, submit it, and return the feedback shown."""
    app.screen.query_one("#answer", Input).value = text
    await pilot.press("enter")
    await settle(pilot)
    return text_of(app, "#feedback")


async def test_choosing_the_right_option_by_number_is_correct(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None and card.is_choice
        await pilot.press(str(card.options.index(card.expected) + 1))
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✓ Correct")
        assert await row_count(core.database, Review) == 1


async def test_a_wrong_choice_shows_the_right_answer_and_enter_moves_on(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        first = screen.lesson.current
        assert first is not None
        wrong = next(i for i, text in enumerate(first.options) if text != first.expected)
        await pilot.press(str(wrong + 1))
        await settle(pilot)
        feedback = text_of(app, "#feedback")
        assert feedback.startswith("✗ Wrong")
        assert f"The answer is: {first.expected}" in feedback
        await pilot.press("enter")
        await settle(pilot)
        assert screen.lesson.current is not first
        assert text_of(app, "#prompt") == screen.lesson.current.prompt


async def test_clicking_an_option_answers_like_its_key(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None
        index = card.options.index(card.expected)
        await pilot.click("#choices", offset=(4, index))
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✓ Correct")


async def test_an_exact_typed_answer_is_correct(core: Core) -> None:
    profile_id = await spanish_learner(core.database)
    await promote_to_typing(core.database, profile_id)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None and not card.is_choice
        assert (await type_answer(app, pilot, card.expected)).startswith("✓ Correct")


async def test_a_typo_is_accepted_and_the_right_spelling_is_shown(core: Core) -> None:
    profile_id = await spanish_learner(core.database, [("ventana", "noun", ("window",), {})])
    await promote_to_typing(core.database, profile_id)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None
        typo = {"ventana": "ventanna", "window": "windoww"}[card.expected]
        feedback = await type_answer(app, pilot, typo)
        assert feedback.startswith("✓ Accepted with a typo")
        assert f"Spelled: {card.expected}" in feedback


async def test_a_wrong_answer_without_a_judge_can_be_overridden(core: Core) -> None:
    profile_id = await spanish_learner(core.database, [("ventana", "noun", ("window",), {})])
    await promote_to_typing(core.database, profile_id)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None
        feedback = await type_answer(app, pilot, "pane")
        assert feedback.startswith("✗ Wrong")
        assert "Could not check: press r if you were right." in feedback
        await pilot.press("r")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✓ Counted as right")
        assert await row_count(core.database, Review) == 1


async def test_undo_takes_the_answer_back_and_asks_the_card_again(core: Core) -> None:
    profile_id = await spanish_learner(core.database)
    await promote_to_typing(core.database, profile_id)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None
        await type_answer(app, pilot, card.expected)
        assert await row_count(core.database, Review) == 1
        await pilot.press("u")
        await settle(pilot)
        assert await row_count(core.database, Review) == 0
        assert screen.lesson.current == card
        assert text_of(app, "#prompt") == card.prompt
        assert app.focused is screen.query_one("#answer")


async def test_suspending_the_asked_word_skips_to_the_next_card(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        first = screen.lesson.current
        assert first is not None
        await pilot.press("s")
        await settle(pilot)
        upcoming = screen.lesson.cards[screen.lesson.position :]
        assert upcoming and all(card.headword != first.headword for card in upcoming)


async def test_the_last_answer_leads_to_the_summary(core: Core) -> None:
    await spanish_learner(core.database, [("gato", "noun", ("cat",), {})])
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        while (card := screen.lesson.current) is not None:
            if card.is_choice:
                await pilot.press(str(card.options.index(card.expected) + 1))
                await settle(pilot)
            else:
                await type_answer(app, pilot, card.expected)
            await pilot.press("enter")
            await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.summary.correct == 3  # two choices, then typed
        assert text_of(app, "#streak-line") == "Day streak: 1"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_editing_a_word_in_a_lesson_changes_the_cards_still_to_come(
    core: Core,
) -> None:
    profile_id = await spanish_learner(core.database, [("ventana", "noun", ("window",), {})])
    await promote_to_typing(core.database, profile_id)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None and len(screen.lesson.cards) == 2
        await type_answer(app, pilot, card.expected)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#edit-meanings", Input).value = "pane; window"
        await pilot.press("enter")
        await settle(pilot)
        upcoming = screen.lesson.current
        assert upcoming is not None and upcoming.meanings == ("pane", "window")
        assert "pane" in (upcoming.prompt + " ".join(upcoming.accepted))


async def test_the_first_card_is_on_screen_before_the_language_data_and_starts_its_load(
    sqlite_database: Database, clock: Clock
) -> None:
    data = GatedLanguageData()
    core = core_on(sqlite_database, clock, language_data=data)
    await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        assert screen.lesson.current is not None
        assert text_of(pilot.app, "#prompt") == screen.lesson.current.prompt
        assert data.loads == [["en", "es"]] and not data.loaded
        data.release.set()
