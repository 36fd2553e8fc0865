"""The learning loop within and around a lesson: mistakes come back, new words reach typing in
their first lesson, the lesson's size is its number of questions, and there is always a way on
(more new words, practice ahead, or how to add words)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from tests.builders import (
    T0,
    Clock,
    core_on,
    promote_to_typing,
    row_count,
    set_cards,
    spanish_learner,
)
from words_tui.domain.enums import Stage
from words_tui.infrastructure.db.card_rows import CARD_FIELDS
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Review
from words_tui.services import Core
from words_tui.services.lessons import Feedback, Lesson, LessonCard, LessonService
from words_tui.services.vocabulary import ProfileKnobs


def wrong_answer(card: LessonCard) -> str:
    """An answer that is wrong: another option, or a word no checker takes for the answer."""
    if card.is_choice:
        return next(option for option in card.options if option != card.expected)
    return "zzz"


async def answer(lessons: LessonService, lesson: Lesson, *, right: bool = True) -> Feedback:
    card = lesson.current
    assert card is not None
    return await lessons.answer(lesson, card, card.expected if right else wrong_answer(card), 3)


async def finish_right(lessons: LessonService, lesson: Lesson) -> None:
    while lesson.current is not None:
        await answer(lessons, lesson)


async def card_state(database: Database, card_id: int) -> dict[str, Any]:
    async with database.session() as session:
        card = await session.get(Card, card_id)
        assert card is not None
        return {name: getattr(card, name) for name in CARD_FIELDS}


async def typed_lesson(core: Core) -> Lesson:
    """A lesson of six due typed cards, one per word (the other directions not yet due)."""
    profile_id = await spanish_learner(core.database)
    await promote_to_typing(core.database, profile_id, last_review=T0 - timedelta(days=10), due=T0)
    async with core.database.session() as session:
        later = select(Card).where(col(Card.direction) == 1)
        for card in (await session.execute(later)).scalars():
            card.due = T0 + timedelta(days=5)
    return await core.lessons.start_lesson(profile_id)


async def test_a_card_answered_wrong_comes_back_after_three_other_cards(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    lesson = await typed_lesson(core)
    missed = lesson.current
    assert missed is not None and len(lesson.cards) == 6
    feedback = await answer(core.lessons, lesson, right=False)
    assert feedback.comes_back
    upcoming = [card.card_id for card in lesson.cards[lesson.position :]]
    assert upcoming.index(missed.card_id) == 3
    assert len(lesson.cards) == 7


async def test_a_card_comes_back_at_most_twice_after_mistakes(sqlite_database: Database) -> None:
    core = core_on(sqlite_database)
    lesson = await typed_lesson(core)
    missed = lesson.current
    assert missed is not None
    asked = 0
    while (card := lesson.current) is not None:
        await answer(core.lessons, lesson, right=card.card_id != missed.card_id)
        asked += card.card_id == missed.card_id
    assert asked == 3


async def test_only_the_first_answer_of_a_typed_card_in_a_lesson_is_rated_by_fsrs(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    lesson = await typed_lesson(core)
    missed = lesson.current
    assert missed is not None
    first = await answer(core.lessons, lesson, right=False)
    after_first = await card_state(sqlite_database, missed.card_id)
    while (card := lesson.current) is not None and card.card_id != missed.card_id:
        await answer(core.lessons, lesson)
    again = await answer(core.lessons, lesson)
    assert (first.rating is not None, again.rating, again.correct) == (True, None, True)
    assert await card_state(sqlite_database, missed.card_id) == after_first
    async with sqlite_database.session() as session:
        ratings = (
            await session.execute(
                select(Review.rating).where(col(Review.card_id) == missed.card_id)
            )
        ).scalars()
        assert list(ratings) == [1, 0]


async def test_unrated_answers_do_not_count_against_the_daily_review_limit(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    lesson = await typed_lesson(core)
    await answer(core.lessons, lesson, right=False)
    await finish_right(core.lessons, lesson)
    async with sqlite_database.session() as session:
        rated = (await session.execute(select(Review).where(col(Review.rating) > 0))).scalars()
        assert len(list(rated)) == 6
    assert await row_count(sqlite_database, Review) == 7


async def test_undo_takes_back_a_mistake_and_the_card_it_brought_back(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    lesson = await typed_lesson(core)
    queue = list(lesson.cards)
    await answer(core.lessons, lesson, right=False)
    await core.lessons.undo(lesson)
    assert (lesson.cards, lesson.position, lesson.again) == (queue, 0, {})


async def test_the_summary_lists_every_mistake_with_the_right_answer(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    lesson = await typed_lesson(core)
    missed = []
    for _ in range(2):
        card = lesson.current
        assert card is not None
        missed.append(card)
        await answer(core.lessons, lesson, right=False)
    await finish_right(core.lessons, lesson)
    summary = await core.lessons.finish(lesson)
    assert [(m.card_id, m.prompt, m.expected, m.answer) for m in summary.mistakes] == [
        (card.card_id, card.prompt, card.expected, "zzz") for card in missed
    ]


async def test_a_review_of_mistakes_asks_just_those_cards_and_reschedules_nothing(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    lesson = await typed_lesson(core)
    card = lesson.current
    assert card is not None
    await answer(core.lessons, lesson, right=False)
    await finish_right(core.lessons, lesson)
    summary = await core.lessons.finish(lesson)
    before = await card_state(sqlite_database, card.card_id)
    review = await core.lessons.start_practice(lesson.profile_id, [summary.mistakes[0].card_id])
    assert [c.card_id for c in review.cards] == [card.card_id] and review.practice
    feedback = await answer(core.lessons, review)
    assert (feedback.rating, review.current) == (None, None)
    assert await card_state(sqlite_database, card.card_id) == before


async def test_a_lesson_asks_as_many_questions_as_its_size_when_words_allow(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    words = [(f"palabra{i}", "noun", (f"word{i}",), {}) for i in range(15)]
    profile_id = await spanish_learner(core.database, words)
    lesson = await core.lessons.start_lesson(profile_id)
    new_cards = {card.card_id for card in lesson.cards}
    assert (len(lesson.cards), len(new_cards)) == (30, 10)


async def test_a_new_word_is_asked_typed_in_its_first_lesson_after_two_right_choices(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    profile_id = await spanish_learner(core.database)
    lesson = await core.lessons.start_lesson(profile_id)
    first = lesson.current
    assert first is not None and first.is_new
    stages = []
    while (card := lesson.current) is not None:
        feedback = await answer(core.lessons, lesson)
        if card.card_id == first.card_id:
            stages.append((card.stage, feedback.promoted))
    assert stages == [(Stage.CHOICE, False), (Stage.CHOICE, True), (Stage.TYPING, False)]


async def test_the_home_counts_say_how_much_of_the_daily_new_limit_is_used(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    profile_id = await spanish_learner(core.database, knobs=ProfileKnobs(new_per_day=4))
    lesson = await core.lessons.start_lesson(profile_id)
    await finish_right(core.lessons, lesson)
    today = await core.lessons.today(profile_id)
    assert (today.new_done, today.new_limit, today.new) == (4, 4, 0)


async def test_learning_more_new_words_goes_past_the_daily_limit(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    profile_id = await spanish_learner(core.database, knobs=ProfileKnobs(new_per_day=2))
    lesson = await core.lessons.start_lesson(profile_id)
    await finish_right(core.lessons, lesson)
    assert not (await core.lessons.start_lesson(profile_id)).cards
    outlook = await core.lessons.outlook(profile_id)
    assert (outlook.unseen, outlook.more_new) == (10, 10)
    more = await core.lessons.start_lesson(profile_id, extra_new=3)
    assert len({card.card_id for card in more.cards if card.is_new}) == 3


async def test_practice_ahead_asks_the_cards_due_soonest_without_rescheduling_them(
    sqlite_database: Database,
) -> None:
    clock = Clock()
    core = core_on(sqlite_database, clock)
    profile_id = await spanish_learner(core.database)
    await promote_to_typing(core.database, profile_id, last_review=T0 - timedelta(days=1))
    async with sqlite_database.session() as session:
        cards = list((await session.execute(select(Card).order_by(col(Card.id)))).scalars())
        for days, card in enumerate(cards, start=1):
            card.due = T0 + timedelta(days=days)
    assert not (await core.lessons.start_lesson(profile_id)).cards
    ahead = await core.lessons.practise_ahead(profile_id, size=3)
    assert [card.card_id for card in ahead.cards] == [card.id for card in cards[:3]]
    before = await card_state(sqlite_database, ahead.cards[0].card_id)
    feedback = await answer(core.lessons, ahead)
    assert feedback.rating is None
    assert await card_state(sqlite_database, ahead.cards[0].card_id) == before


async def test_an_exhausted_vocabulary_leaves_nothing_but_adding_words(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    profile_id = await spanish_learner(core.database)
    await set_cards(sqlite_database, profile_id, active=False)
    outlook = await core.lessons.outlook(profile_id)
    assert outlook.exhausted and (outlook.unseen, outlook.ahead) == (0, 0)


async def test_the_first_lesson_of_a_starter_level_mixes_parts_of_speech(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    profile = await core.profiles.create("en", "es", "A1")
    assert profile.id is not None
    await core.vocabulary.fill_from_starter(profile.id)
    lesson = await core.lessons.start_lesson(profile.id)
    words = {card.card_id: card.pos for card in lesson.cards}
    assert len(words) == 10 and len(set(words.values())) >= 3


async def test_i_was_right_takes_back_the_return_a_mistake_brought(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    lesson = await typed_lesson(core)
    queue = list(lesson.cards)
    await core.lessons.answer(lesson, queue[0], "cat-ish", 3)
    assert len(lesson.cards) == 7
    feedback = await core.lessons.override(lesson)
    assert (feedback.correct, feedback.comes_back) == (True, False)
    assert [c.card_id for c in lesson.cards] == [c.card_id for c in queue]
    assert lesson.position == 1
