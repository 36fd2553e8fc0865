"""The lesson service when the database refuses a write: one `LessonNotSaved` line that names
the database and the driver's reason — never the SQL or what the learner typed — and the lesson
exactly as it was, so the same answer can be sent again."""

from __future__ import annotations

import pytest

from tests.builders import (
    core_on,
    promote_to_typing,
    refusing_writes,
    row_count,
    spanish_learner,
)
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Review
from words_tui.services import Core
from words_tui.services.lessons.saving import LessonNotSaved


@pytest.fixture
def core(sqlite_database: Database) -> Core:
    return core_on(sqlite_database)


async def test_a_refused_answer_names_the_database_and_not_the_answer(core: Core) -> None:
    profile_id = await spanish_learner(core.database)
    await promote_to_typing(core.database, profile_id)
    lesson = await core.lessons.start_lesson(profile_id)
    card = lesson.current
    assert card is not None and not card.is_choice
    with refusing_writes(core.database, "reviews", "INSERT"), pytest.raises(LessonNotSaved) as err:
        await core.lessons.answer(lesson, card, "my-private-answer", 2.0)
    message = str(err.value)
    assert message == f"your answer was not saved to {core.database.location}: disk I/O error"
    assert "my-private-answer" not in message and "INSERT" not in message


async def test_a_refused_answer_leaves_the_lesson_where_it_was(core: Core) -> None:
    profile_id = await spanish_learner(core.database)
    lesson = await core.lessons.start_lesson(profile_id)
    card = lesson.current
    assert card is not None
    with refusing_writes(core.database, "reviews", "INSERT"), pytest.raises(LessonNotSaved):
        await core.lessons.answer(lesson, card, card.expected, 2.0)
    assert lesson.current is card and lesson.answered == []
    assert (await core.lessons.answer(lesson, card, card.expected, 2.0)).correct
    assert await row_count(core.database, Review) == 1


async def test_a_refused_undo_keeps_the_answer_it_could_not_take_back(core: Core) -> None:
    profile_id = await spanish_learner(core.database)
    lesson = await core.lessons.start_lesson(profile_id)
    card = lesson.current
    assert card is not None
    await core.lessons.answer(lesson, card, card.expected, 2.0)
    with refusing_writes(core.database, "reviews", "DELETE"), pytest.raises(LessonNotSaved):
        await core.lessons.undo(lesson)
    assert len(lesson.answered) == 1 and lesson.position == 1
    assert await row_count(core.database, Review) == 1
