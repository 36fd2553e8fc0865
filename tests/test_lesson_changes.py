"""Undo in a lesson takes back the learner's last action, whatever it was — an answer, "I was
right", a suspension, an edit of a card's answers — in the database and in the running lesson;
and an edit changes the answers of the side the card asks for."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import col

from tests.builders import row_count
from tests.test_lessons import card_for, card_row, typing_lesson
from words_tui.domain.enums import Direction, Verdict, WordStatus
from words_tui.domain.scheduling import Rating
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Review, UserWord
from words_tui.infrastructure.db.models import Lesson as LessonRow
from words_tui.services.lessons import Lesson, LessonCard, LessonError, LessonService


def moving_parts(lesson: Lesson) -> tuple[Any, ...]:
    """What the learner's actions move in a running lesson."""
    return (
        list(lesson.cards),
        lesson.position,
        dict(lesson.again),
        lesson.rated,
        [*lesson.answered],
    )


async def counts(database: Database, lesson: Lesson) -> tuple[int, int]:
    async with database.session() as session:
        row = await session.get(LessonRow, lesson.id)
    assert row is not None
    return row.correct, row.wrong


async def word_state(database: Database, user_word_id: int) -> tuple[int, list[str], list[bool]]:
    async with database.session() as session:
        word = await session.get(UserWord, user_word_id)
        query = select(Card.active).where(col(Card.user_word_id) == user_word_id)
        active = list((await session.execute(query.order_by(Card.id))).scalars())
    assert word is not None
    return word.status, list(word.meanings), active


async def verdict_when_asked(
    lessons: LessonService, lesson: Lesson, asked: LessonCard, answer: str
) -> Verdict:
    """The verdict on `answer` to `asked`, once the cards before it are answered right."""
    while (card := lesson.current) is not None and card.card_id != asked.card_id:
        await lessons.answer(lesson, card, card.expected, 3)
    return (await lessons.answer(lesson, asked, answer, 3)).verdict


async def test_undo_of_an_answer_restores_the_card_its_review_log_and_the_queue(
    database: Database,
) -> None:
    lessons, lesson = await typing_lesson(database)
    card = lesson.cards[0]
    before, queue = await card_row(database, card.card_id), moving_parts(lesson)
    await lessons.answer(lesson, card, "nonsense", 4)
    assert await card_row(database, card.card_id) != before
    assert len(lesson.cards) > len(queue[0])  # the mistake brought the card back
    undone = await lessons.undo(lesson)
    assert (undone.kind, undone.card, undone.shown, lesson.current) == ("answer", card, None, card)
    assert await card_row(database, card.card_id) == before
    assert await row_count(database, Review) == 0
    assert await counts(database, lesson) == (0, 0)
    assert moving_parts(lesson) == queue
    with pytest.raises(LessonError, match="nothing to undo"):
        await lessons.undo(lesson)


async def test_undo_of_i_was_right_leaves_the_answer_as_first_judged(database: Database) -> None:
    lessons, lesson = await typing_lesson(database)
    card = lesson.cards[0]
    wrong = await lessons.answer(lesson, card, "kitty", 4)
    judged, queue = await card_row(database, card.card_id), moving_parts(lesson)
    await lessons.override(lesson)
    undone = await lessons.undo(lesson)
    assert (undone.kind, undone.shown) == ("override", wrong)
    assert await card_row(database, card.card_id) == judged
    assert "kitty" not in judged["accepted_extra"]
    async with database.session() as session:
        review = (await session.execute(select(Review))).scalar_one()
    assert (review.verdict, review.rating) == (str(Verdict.WRONG), int(Rating.Again))
    assert await counts(database, lesson) == (0, 1)
    assert moving_parts(lesson) == queue
    assert (await lessons.undo(lesson)).kind == "answer"
    assert await row_count(database, Review) == 0


async def test_undo_of_a_suspension_brings_the_word_back_to_practice_and_the_lesson(
    database: Database,
) -> None:
    lessons, lesson = await typing_lesson(database)
    card = lesson.cards[0]
    before, queue = await word_state(database, card.user_word_id), moving_parts(lesson)
    await lessons.suspend(lesson, card)
    assert (await word_state(database, card.user_word_id))[::2] == (
        int(WordStatus.SUSPENDED), [False, False],
    )  # fmt: skip
    undone = await lessons.undo(lesson)
    assert (undone.kind, undone.shown, lesson.current) == ("suspend", None, card)
    assert await word_state(database, card.user_word_id) == before
    assert moving_parts(lesson) == queue


async def test_undo_of_a_suspension_after_an_answer_shows_that_verdict_again(
    sqlite_database: Database,
) -> None:
    lessons, lesson = await typing_lesson(sqlite_database)
    card = lesson.cards[0]
    verdict = await lessons.answer(lesson, card, card.expected, 4)
    await lessons.suspend(lesson, card, shown=verdict)
    undone = await lessons.undo(lesson)
    assert (undone.kind, undone.shown, lesson.position) == ("suspend", verdict, 1)
    assert await row_count(sqlite_database, Review) == 1


async def test_editing_a_foreign_to_native_card_changes_the_word_s_meanings_both_ways(
    database: Database,
) -> None:
    lessons, lesson = await typing_lesson(database)
    asked = card_for(lesson.cards, "gato", Direction.FOREIGN_TO_NATIVE)
    edited = await lessons.edit_answers(lesson, asked, ["kitty", "cat"])
    assert (edited.accepted[:2], edited.meanings) == (("kitty", "cat"), ("kitty", "cat"))
    other = card_for(lesson.cards, "gato", Direction.NATIVE_TO_FOREIGN)
    assert other.prompt == "kitty, cat"
    assert (await word_state(database, asked.user_word_id))[1] == ["kitty", "cat"]
    assert await verdict_when_asked(lessons, lesson, edited, "kitty") == Verdict.EXACT


async def test_editing_a_native_to_foreign_card_changes_its_foreign_answers(
    database: Database,
) -> None:
    lessons, lesson = await typing_lesson(database)
    asked = card_for(lesson.cards, "gato", Direction.NATIVE_TO_FOREIGN)
    edited = await lessons.edit_answers(lesson, asked, ["gato", "minino", " "])
    assert (edited.accepted, edited.prompt) == (("gato", "minino"), "cat")
    assert (await card_row(database, asked.card_id))["accepted_extra"] == ["minino"]
    assert (await word_state(database, asked.user_word_id))[1] == ["cat"]
    assert await verdict_when_asked(lessons, lesson, edited, "minino") == Verdict.EXACT


async def test_undo_of_an_edit_puts_the_answers_back_then_undo_takes_the_answer_back(
    database: Database,
) -> None:
    lessons, lesson = await typing_lesson(database)
    card = lesson.cards[0]
    verdict = await lessons.answer(lesson, card, card.expected, 3)
    queue = moving_parts(lesson)
    await lessons.edit_answers(lesson, card, ["new meaning"], shown=verdict)
    undone = await lessons.undo(lesson)
    assert (undone.kind, undone.shown) == ("edit", verdict)
    assert (await word_state(database, card.user_word_id))[1] == ["cat"]
    assert moving_parts(lesson) == queue
    again = await lessons.undo(lesson)
    assert (again.kind, lesson.current) == ("answer", card)

    n2f = card_for(lesson.cards, "gato", Direction.NATIVE_TO_FOREIGN)
    await lessons.edit_answers(lesson, n2f, ["gato", "minino"])
    await lessons.undo(lesson)
    assert (await card_row(database, n2f.card_id))["accepted_extra"] == []
    assert card_for(lesson.cards, "gato", Direction.NATIVE_TO_FOREIGN) == n2f
