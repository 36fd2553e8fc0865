"""A database that refuses a lesson's writes: the learner is told in one line, keeps the card,
can always leave, and the lesson row is closed later — nothing committed before is lost.

The failure is real: a trigger in the SQLite file makes the write fail inside SQLite, as a full
disk or a corrupt page would.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import select
from textual.pilot import Pilot

from tests.builders import refusing_writes, row_count, spanish_learner
from tests.tui.pilot import current, open_screen, settle, text_of, words_app
from words_tui.infrastructure.db.models import Lesson as LessonRow
from words_tui.infrastructure.db.models import Review
from words_tui.services import Core
from words_tui.tui.screens.lesson import LessonScreen
from words_tui.tui.screens.summary import SummaryScreen


def notices(pilot: Pilot[Any]) -> list[str]:
    return [n.message for n in pilot.app._notifications]


async def choose_right(pilot: Pilot[Any], screen: LessonScreen) -> None:
    card = screen.lesson.current
    assert card is not None and card.is_choice
    await pilot.press(str(card.options.index(card.expected) + 1))
    await settle(pilot)


async def test_an_answer_the_database_refuses_is_told_and_the_card_asked_again(
    core: Core,
) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        card = screen.lesson.current
        with refusing_writes(core.database, "reviews", "INSERT"):
            await choose_right(pilot, screen)
        [notice] = notices(pilot)
        assert notice.startswith("Not saved — your answer was not saved to ")
        assert "disk I/O error" in notice and "Esc to leave" in notice
        assert screen.lesson.current is card and text_of(words_app(pilot), "#feedback") == ""
        assert await row_count(core.database, Review) == 0


async def test_the_same_answer_saves_once_the_database_works_again(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        with refusing_writes(core.database, "reviews", "INSERT"):
            await choose_right(pilot, screen)
        await choose_right(pilot, screen)
        assert text_of(words_app(pilot), "#feedback").startswith("✓ Correct")
        assert await row_count(core.database, Review) == 1


async def test_a_lesson_whose_end_cannot_be_saved_can_still_be_left(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        await choose_right(pilot, current(pilot, LessonScreen))
        with refusing_writes(core.database, "lessons", "UPDATE"):
            await pilot.press("escape", "enter")
            await settle(pilot)
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert any(n.startswith("The lesson's end was not saved") for n in notices(pilot))
    assert await row_count(core.database, Review) == 1


async def test_the_next_lesson_closes_one_left_open_at_its_last_answer(core: Core) -> None:
    profile_id = await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        await choose_right(pilot, current(pilot, LessonScreen))
        with refusing_writes(core.database, "lessons", "UPDATE"):
            await pilot.press("escape", "enter")
            await settle(pilot)
    await core.lessons.start_lesson(profile_id)
    async with core.database.session() as session:
        first = (await session.execute(select(LessonRow).order_by(LessonRow.id))).scalar()
        answered = (await session.execute(select(Review))).scalar_one()
    assert first is not None and first.finished_at == answered.reviewed_at
