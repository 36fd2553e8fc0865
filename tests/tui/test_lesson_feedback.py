"""What the lesson screen says about a verdict: every verdict with its reason, words named with
their meanings, the right article, "I don't know" — and no judge mentioned when there is none."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.builders import promote_to_typing, row_count, spanish_learner
from tests.tui.pilot import current, open_screen, settle, text_of, words_app
from tests.tui.test_lesson_screen import type_answer
from words_tui.domain.enums import Direction
from words_tui.infrastructure.db.models import Review
from words_tui.services import Core
from words_tui.tui.app import WordsApp
from words_tui.tui.screens.lesson import LessonScreen

WORDS = [
    ("mujer", "noun", ("woman",), {"gender": "f", "plural": "mujeres"}),
    ("hermano", "noun", ("brother",), {"gender": "m", "plural": "hermanos"}),
]


async def typing_learner(core: Core) -> None:
    """A learner whose two words are due as typed answers."""
    profile_id = await spanish_learner(core.database, WORDS)
    await promote_to_typing(core.database, profile_id)


async def skip_to(app: WordsApp, pilot: Pilot[Any], screen: LessonScreen, headword: str) -> None:
    """Answer cards rightly until the Spanish answer to `headword` is asked."""
    while (card := screen.lesson.current) is not None and not (
        card.headword == headword and card.direction == Direction.NATIVE_TO_FOREIGN
    ):
        await type_answer(app, pilot, card.expected)
        await pilot.press("enter")
        await settle(pilot)


async def test_a_wrong_article_is_right_but_says_which_article(core: Core) -> None:
    await typing_learner(core)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        await skip_to(app, pilot, screen, "mujer")
        feedback = await type_answer(app, pilot, "el mujer")
        assert feedback.startswith("✓ Right, but: la mujer")


async def test_another_known_word_is_wrong_and_named_with_its_meaning(core: Core) -> None:
    await typing_learner(core)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        await skip_to(app, pilot, screen, "hermano")
        feedback = await type_answer(app, pilot, "abuelo")
        assert feedback.startswith("✗ Wrong")
        assert "That is another word: abuelo = grandfather" in feedback
        assert "Judge" not in feedback and "judge" not in feedback


async def test_a_real_word_near_miss_is_wrong_without_mentioning_a_judge(core: Core) -> None:
    await typing_learner(core)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        await skip_to(app, pilot, screen, "mujer")
        feedback = await type_answer(app, pilot, "mujeres, mejor")
        assert feedback.startswith("✗ Wrong")
        assert "Judge" not in feedback


async def test_enter_on_an_empty_answer_reveals_it_and_counts_as_a_miss(core: Core) -> None:
    await typing_learner(core)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None
        feedback = await type_answer(app, pilot, "")
        assert feedback.startswith("✗ Not known yet")
        assert f"The answer is: {card.expected}" in feedback
        assert await row_count(core.database, Review) == 1
        assert screen.service.summary(screen.lesson).wrong == 1


async def test_f2_means_i_do_not_know_on_a_choice_card(core: Core) -> None:
    await spanish_learner(core.database, WORDS)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None and card.is_choice
        await pilot.press("f2")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✗ Not known yet")
        assert screen.service.summary(screen.lesson).wrong == 1
