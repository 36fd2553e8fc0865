"""The two small services the TUI added: today's counts for home, accuracy per direction for the
browser — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from tests.builders import T0, spanish_learner
from words_tui.domain.enums import Direction
from words_tui.infrastructure.db.database import Database
from words_tui.services.lessons.service import LessonService
from words_tui.services.lessons.today import today_counts
from words_tui.services.vocabulary.accuracy import DirectionAccuracy, direction_accuracy
from words_tui.services.vocabulary.profiles import ProfileKnobs, update_profile


async def test_a_fresh_profile_has_nothing_due_and_new_cards_up_to_the_daily_limit(
    database: Database,
) -> None:
    profile_id = await spanish_learner(database)
    await update_profile(database, "tester", profile_id, ProfileKnobs(new_per_day=5))
    counts = await today_counts(database, profile_id, T0)
    assert (counts.due, counts.new) == (0, 5)


async def test_answered_cards_count_as_due_and_use_up_the_new_allowance(
    database: Database,
) -> None:
    profile_id = await spanish_learner(database)
    await update_profile(database, "tester", profile_id, ProfileKnobs(new_per_day=5))
    lessons = LessonService(database, clock=lambda: T0)
    lesson = await lessons.start_lesson(profile_id)
    for card in list(lesson.cards[:2]):
        await lessons.answer(lesson, card, card.expected, 2.0)
    counts = await today_counts(database, profile_id, T0 + timedelta(hours=1))
    assert (counts.due, counts.new) == (2, 3)


async def test_accuracy_is_counted_per_word_and_direction(database: Database) -> None:
    profile_id = await spanish_learner(database)
    lessons = LessonService(database, clock=lambda: T0)
    lesson = await lessons.start_lesson(profile_id)
    first, second = lesson.cards[0], lesson.cards[1]
    await lessons.answer(lesson, first, first.expected, 2.0)
    wrong = next(option for option in second.options if option != second.expected)
    await lessons.answer(lesson, second, wrong, 2.0)
    found = await direction_accuracy(
        database, profile_id, [first.user_word_id, second.user_word_id, 999]
    )
    assert found == {
        first.user_word_id: {first.direction: DirectionAccuracy(1, 1)},
        second.user_word_id: {second.direction: DirectionAccuracy(0, 1)},
    }
    assert first.direction == Direction.FOREIGN_TO_NATIVE
