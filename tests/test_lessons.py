"""Lessons end to end on real SQLite files and PostgreSQL, with the judge on a local server.

Behaviour that depends on the core (queries, JSON snapshots, times, transactions) runs on both
through the `database` fixture; pure bookkeeping runs on SQLite only to keep the suite fast.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlmodel import col

from tests.builders import (
    T0,
    Clock,
    entry,
    promote_to_typing,
    row_count,
    set_cards,
    spanish_learner,
)
from tests.llm_fixtures import RecordedSleep
from tests.llm_server import FakeLLMServer
from words_tui.domain.enums import CardState, Direction, Stage, Verdict, WordStatus
from words_tui.domain.scheduling import CardProgress, Rating, SchedulingConfig, retrievability
from words_tui.infrastructure.db.card_rows import CARD_FIELDS
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Profile, Review, UserWord
from words_tui.infrastructure.db.models import Lesson as LessonRow
from words_tui.infrastructure.db.types import utcnow
from words_tui.infrastructure.llm import LLMClient
from words_tui.infrastructure.llm.retry import RetryPolicy
from words_tui.services.lessons.checking import COULD_NOT_CHECK
from words_tui.services.lessons.service import Lesson, LessonCard, LessonError, LessonService
from words_tui.services.vocabulary import NewWord, ProfileKnobs, add_words

SCHEDULING = SchedulingConfig(enable_fuzzing=False)
WORDS = [
    ("gato", "noun", ["cat"], {"plural": "gatos"}),
    ("perro", "noun", ["dog"], {"plural": "perros"}),
    ("casa", "noun", ["house"], {}),
    ("mesa", "noun", ["table"], {}),
    ("árbol", "noun", ["tree"], {}),
    ("comer", "verb", ["to eat"], {}),
]


async def make_profile(database: Database, **knobs: Any) -> int:
    return await spanish_learner(database, WORDS, knobs=ProfileKnobs(**knobs))


async def typing_cards(database: Database, profile_id: int, *, due: datetime = T0) -> None:
    """Every card promoted to typing, reviewed once ten days ago and due now."""
    await promote_to_typing(database, profile_id, last_review=due - timedelta(days=10), due=due)


async def card_row(database: Database, card_id: int) -> dict[str, Any]:
    async with database.session() as session:
        card = await session.get(Card, card_id)
        assert card is not None
        return {name: getattr(card, name) for name in CARD_FIELDS}


def service(database: Database, clock: Clock | None = None, **kwargs: Any) -> LessonService:
    return LessonService(database, clock=clock or Clock(), scheduling=SCHEDULING, **kwargs)


async def typing_lesson(
    database: Database, *, cards: dict[str, Any] | None = None, **service_kwargs: Any
) -> tuple[LessonService, Lesson]:
    """A lesson on a profile whose cards are all due typing cards (with `cards` values set)."""
    profile_id = await make_profile(database)
    await typing_cards(database, profile_id)
    if cards:
        await set_cards(database, profile_id, **cards)
    lessons = service(database, **service_kwargs)
    return lessons, await lessons.start_lesson(profile_id)


def card_for(cards: list[LessonCard], headword: str, direction: Direction) -> LessonCard:
    return next(c for c in cards if c.headword == headword and c.direction == direction)


async def test_a_first_lesson_introduces_new_words_as_multiple_choice(database: Database) -> None:
    profile_id = await make_profile(database)
    lesson = await service(database).start_lesson(profile_id)
    first_asks = list({c.card_id: c for c in reversed(lesson.cards)}.values())[::-1]
    assert [c.headword for c in first_asks] == [w[0] for w in WORDS]
    for card in first_asks:
        assert card.stage == Stage.CHOICE and card.is_new
        assert len(card.options) == 4 and card.expected in card.options
        assert len(set(card.options)) == 4


async def test_a_first_lesson_asks_new_words_in_both_directions(database: Database) -> None:
    profile_id = await make_profile(database)
    lesson = await service(database).start_lesson(profile_id)
    directions = {c.card_id: c.direction for c in lesson.cards}
    assert list(directions.values()) == [Direction(i % 2) for i in range(len(WORDS))]


async def test_new_cards_are_capped_by_the_profiles_daily_limit(sqlite_database: Database) -> None:
    profile_id = await make_profile(sqlite_database, new_per_day=3)
    lessons = service(sqlite_database)
    first = await lessons.start_lesson(profile_id)
    while (card := first.current) is not None:
        await lessons.answer(first, card, card.expected, 3)
    second = await lessons.start_lesson(profile_id)
    assert len({card.card_id for card in first.cards}) == 3
    assert not any(card.is_new for card in second.cards)


async def test_an_answer_is_committed_before_the_next_card_is_returned(database: Database) -> None:
    profile_id = await make_profile(database)
    lessons = service(database)
    lesson = await lessons.start_lesson(profile_id)
    card = lesson.cards[0]
    feedback = await lessons.answer(lesson, card, card.expected, 2.5)
    assert (feedback.verdict, feedback.rating) == (Verdict.CHOICE_CORRECT, Rating.Good)
    assert lesson.current == lesson.cards[1]
    async with database.session() as session:
        review = (await session.execute(select(Review))).scalar_one()
        stored = await session.get(Card, card.card_id)
        lesson_row = await session.get(LessonRow, lesson.id)
    assert (review.card_id, review.verdict, review.duration_ms) == (
        card.card_id,
        "choice_correct",
        2500,
    )
    assert stored is not None and stored.choice_correct == 1
    assert lesson_row is not None and (lesson_row.correct, lesson_row.new_words) == (1, 1)


async def test_two_correct_choices_promote_a_new_card_to_typing_in_its_first_lesson(
    database: Database,
) -> None:
    profile_id = await make_profile(database)
    lessons = service(database)
    lesson = await lessons.start_lesson(profile_id)
    gato = card_for(lesson.cards, "gato", Direction.FOREIGN_TO_NATIVE)
    asked = []
    while (card := lesson.current) is not None:
        feedback = await lessons.answer(lesson, card, card.expected, 3)
        if card.card_id == gato.card_id:
            asked.append((card.stage, feedback.promoted))
    assert asked == [(Stage.CHOICE, False), (Stage.CHOICE, True), (Stage.TYPING, False)]


async def test_due_typing_cards_come_before_choice_and_new_cards(database: Database) -> None:
    profile_id = await make_profile(database)
    async with database.session() as session:
        gato = (await session.execute(select(Card).order_by(col(Card.id)))).scalars().first()
        assert gato is not None
        gato.stage, gato.state, gato.stability = int(Stage.TYPING), int(CardState.REVIEW), 3.0
        gato.last_review, gato.due = T0 - timedelta(days=3), T0
    lesson = await service(database).start_lesson(profile_id)
    assert lesson.cards[0].card_id == gato.id and lesson.cards[0].stage == Stage.TYPING
    assert all(card.stage == Stage.CHOICE for card in lesson.cards[1:])


async def test_a_backlog_is_ordered_by_lowest_retrievability_and_capped_per_day(
    database: Database,
) -> None:
    profile_id = await make_profile(database, reviews_per_day=5)
    await typing_cards(database, profile_id)
    async with database.session() as session:
        cards = (await session.execute(select(Card).order_by(col(Card.id)))).scalars().all()
        for i, card in enumerate(cards):
            card.stability = 1.0 + 7 * ((i * 5) % 12)  # scrambled stabilities
            card.last_review = T0 - timedelta(days=3 + i)
    lesson = await service(database).start_lesson(profile_id)

    def recall(card: Card) -> float:
        progress = CardProgress(stage=Stage.TYPING, state=CardState.REVIEW,
                                stability=card.stability, last_review=card.last_review)  # fmt: skip
        return retrievability(progress, T0, SCHEDULING)

    by_recall = sorted(cards, key=recall)
    assert len(lesson.cards) == 5
    assert [c.card_id for c in lesson.cards] == [c.id for c in by_recall[:5]]


async def test_both_directions_of_a_word_wait_for_separate_lessons_while_others_are_due(
    database: Database,
) -> None:
    profile_id = await make_profile(database, lesson_size=6)
    await typing_cards(database, profile_id)
    lesson = await service(database).start_lesson(profile_id)
    words = [card.user_word_id for card in lesson.cards]
    assert len(words) == len(set(words)) == 6


async def test_typed_answers_are_rated_by_their_verdict(database: Database) -> None:
    lessons, lesson = await typing_lesson(database)
    results = {}
    typed = {"gato": "el gato", "perro": "pero", "casa": "caas", "árbol": "arbol", "mesa": "mesas"}
    while (card := lesson.current) is not None:
        if card.direction == Direction.NATIVE_TO_FOREIGN and card.headword in typed:
            feedback = await lessons.answer(lesson, card, typed[card.headword], 30)
            results.setdefault(
                card.headword, (feedback.verdict, feedback.rating, feedback.expected)
            )
        else:
            await lessons.answer(lesson, card, card.expected, 30)
    assert results["gato"] == (Verdict.EXACT, Rating.Good, "gato")
    assert results["perro"][:2] == (Verdict.WRONG, Rating.Again)  # "pero" is another word
    assert results["casa"][:2] == (Verdict.TYPO, Rating.Hard)
    assert results["árbol"] == (Verdict.ACCENT, Rating.Hard, "árbol")
    assert results["mesa"][:2] == (Verdict.FORM, Rating.Hard)


async def test_a_near_miss_on_a_word_of_the_learners_vocabulary_is_not_a_typo(
    database: Database,
) -> None:
    profile_id = await make_profile(database)
    async with database.session() as session:
        profile = await session.get(Profile, profile_id)
        assert profile is not None
        added = await add_words(
            session, profile, [NewWord.from_entry(entry("gajo", "noun", ["segment"], {}))], utcnow()
        )
        assert added.added == 1
    await typing_cards(database, profile_id)
    await set_cards(database, profile_id, due=T0 + timedelta(days=30))
    async with database.session() as session:  # only "gato" is due; "gajo" is not in the lesson
        await session.execute(
            update(Card)
            .where(
                col(Card.user_word_id) == 1, col(Card.direction) == int(Direction.NATIVE_TO_FOREIGN)
            )
            .values(due=T0)
        )
    lessons = service(database)
    lesson = await lessons.start_lesson(profile_id)
    assert [c.headword for c in lesson.cards] == ["gato"]
    feedback = await lessons.answer(lesson, lesson.cards[0], "gajo", 4)
    assert feedback.verdict == Verdict.WRONG
    assert "another word" in feedback.note


async def test_without_a_judge_an_unknown_answer_is_wrong_and_can_be_overridden(
    database: Database,
) -> None:
    lessons, lesson = await typing_lesson(database)
    card = lesson.cards[0]
    feedback = await lessons.answer(lesson, card, "felino", 4)
    assert (feedback.verdict, feedback.note, feedback.can_override) == (
        Verdict.WRONG, COULD_NOT_CHECK, True,
    )  # fmt: skip
    assert feedback.examples and feedback.examples[0].source.startswith("Veo")


async def test_i_was_right_remembers_the_answer_and_re_rates_the_review(
    database: Database,
) -> None:
    clock = Clock()
    lessons, lesson = await typing_lesson(database, clock=clock)
    card = lesson.cards[0]
    wrong = await lessons.answer(lesson, card, "kitty", 4)
    right = await lessons.override(lesson)
    assert (right.verdict, right.rating, right.correct) == (Verdict.OVERRIDE, Rating.Good, True)
    assert right.next_due > wrong.next_due
    stored = await card_row(database, card.card_id)
    assert stored["accepted_extra"] == ["kitty"] and stored["lapses"] == 0
    async with database.session() as session:
        review = (await session.execute(select(Review))).scalar_one()
        lesson_row = await session.get(LessonRow, lesson.id)
    assert (review.verdict, review.rating) == ("override", int(Rating.Good))
    assert lesson_row is not None and (lesson_row.correct, lesson_row.wrong) == (1, 0)
    clock.advance(days=400)
    later = await lessons.start_lesson(lesson.profile_id)
    again = next(c for c in later.cards if c.card_id == card.card_id)
    assert (await lessons.checker.check(again.question(), "kitty")).verdict == Verdict.EXACT


async def test_a_word_is_mastered_with_its_last_direction_and_leaves_practice_until_undone(
    database: Database,
) -> None:
    lessons, lesson = await typing_lesson(database, cards={"consecutive_correct": 29})
    gato = [c for c in lesson.cards if c.headword == "gato"]
    mastered = []
    while len(mastered) < 2 and (card := lesson.current) is not None:
        feedback = await lessons.answer(lesson, card, card.expected, 5)
        if card.headword == "gato":
            mastered.append(feedback.mastered)
    assert mastered == [False, True]
    async with database.session() as session:
        word = await session.get(UserWord, gato[0].user_word_id)
        query = select(Card.active).where(col(Card.user_word_id) == gato[0].user_word_id)
        active = (await session.execute(query)).scalars().all()
    assert word is not None and word.status == int(WordStatus.MASTERED)
    assert active == [False, False]
    await lessons.undo(lesson)
    assert (await card_row(database, gato[0].card_id))["active"] is True
    assert (await card_row(database, gato[1].card_id))["active"] is True


async def test_eight_lapses_flag_the_word_as_a_leech(sqlite_database: Database) -> None:
    lessons, lesson = await typing_lesson(sqlite_database, cards={"lapses": 7})
    feedback = await lessons.answer(lesson, lesson.cards[0], "nonsense", 5)
    async with sqlite_database.session() as session:
        word = await session.get(UserWord, lesson.cards[0].user_word_id)
    assert feedback.leech
    assert word is not None and "leech" in word.tags


async def test_the_summary_counts_answers_new_words_and_time(sqlite_database: Database) -> None:
    profile_id = await make_profile(sqlite_database)
    clock = Clock()
    lessons = service(sqlite_database, clock)
    lesson = await lessons.start_lesson(profile_id)
    missed = False
    while (card := lesson.current) is not None:
        answer = card.expected
        if card.headword == "gato" and not missed:
            answer, missed = next(o for o in card.options if o != card.expected), True
        await lessons.answer(lesson, card, answer, 4)
        clock.advance(seconds=5)
    summary = await lessons.finish(lesson)
    # gato: wrong, right, right (promoted), typed; the five others: two choices and one typed
    assert (summary.answered, summary.correct, summary.wrong, summary.new_words) == (19, 18, 1, 6)
    assert summary.time_spent == timedelta(seconds=76)
    assert summary.elapsed == timedelta(seconds=95)
    async with sqlite_database.session() as session:
        row = await session.get(LessonRow, lesson.id)
    assert row is not None and row.finished_at == clock.now


async def test_answering_a_card_that_is_not_current_is_refused(sqlite_database: Database) -> None:
    profile_id = await make_profile(sqlite_database)
    lessons = service(sqlite_database)
    lesson = await lessons.start_lesson(profile_id)
    with pytest.raises(LessonError, match="not the current card"):
        await lessons.answer(lesson, lesson.cards[1], "x", 1)


async def test_nothing_due_and_no_new_words_left_gives_an_empty_lesson(database: Database) -> None:
    profile_id = await make_profile(database, new_per_day=0)
    lesson = await service(database).start_lesson(profile_id)
    assert (lesson.id, lesson.current, lesson.cards) == (None, None, [])
    assert await row_count(database, LessonRow) == 0


def judge_for(server: FakeLLMServer, sleep: RecordedSleep | None = None) -> LLMClient:
    retry = RetryPolicy(sleep=sleep or RecordedSleep())
    return LLMClient(
        api_key=server.api_key, model="gpt-4o-mini", base_url=server.base_url, retry=retry
    )


async def test_the_judge_accepts_a_synonym_with_its_comment(
    database: Database, llm_server: FakeLLMServer
) -> None:
    llm_server.set_judgement("felino", True, "Accepted, though 'gato' is the usual word.")
    lessons, lesson = await typing_lesson(database, judge=judge_for(llm_server))
    card = card_for(lesson.cards, "gato", Direction.NATIVE_TO_FOREIGN)
    while lesson.current != card:
        await lessons.answer(lesson, lesson.current, lesson.current.expected, 4)  # type: ignore[arg-type]
    feedback = await lessons.answer(lesson, card, "felino", 4)
    assert (feedback.verdict, feedback.rating) == (Verdict.JUDGE_ACCEPTED, Rating.Good)
    assert "usual word" in feedback.note
    assert llm_server.requests == 1


async def test_when_the_judge_is_down_the_answer_is_wrong_with_a_way_out(
    database: Database, llm_server: FakeLLMServer
) -> None:
    lessons, lesson = await typing_lesson(database, judge=judge_for(llm_server))
    llm_server.stop()
    feedback = await lessons.answer(lesson, lesson.cards[0], "felino", 4)
    assert (feedback.verdict, feedback.note) == (Verdict.WRONG, COULD_NOT_CHECK)
    assert (await lessons.override(lesson)).correct


async def test_a_judge_slower_than_the_time_limit_counts_as_could_not_check(
    sqlite_database: Database, llm_server: FakeLLMServer
) -> None:
    llm_server.set_latency(2.0)
    lessons, lesson = await typing_lesson(
        sqlite_database, judge=judge_for(llm_server), judge_timeout_s=0.2
    )
    feedback = await lessons.answer(lesson, lesson.cards[0], "felino", 4)
    assert (feedback.verdict, feedback.note) == (Verdict.WRONG, COULD_NOT_CHECK)
