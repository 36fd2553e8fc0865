"""The SQL behind the statistics: a few GROUP BY queries whose results are small.

Nothing here loops over reviews in Python. Times are bucketed into the learner's study days inside
the database: the UTC epoch of a row plus the UTC offset in force at that instant (a CASE over the
daylight-saving pieces of the span, see `domain.study_days`), minus the day-start hour, divided by
86,400. The same integer arithmetic runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Integer, case, cast, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.enums import CardState, Stage
from words_tui.domain.study_days import SECONDS_PER_DAY, StudyCalendar, day_number
from words_tui.infrastructure.models import Card, Lesson, Review, UserWord, Word

PASSING_RATING = 2
"""FSRS ratings Hard, Good and Easy (2–4) pass; Again (1) fails."""


def epoch_seconds(session: AsyncSession, column: Any) -> ColumnElement[int]:
    """Whole seconds since 1970 (UTC) of a `UTCDateTime` column."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.floor(func.extract("epoch", column)), BigInteger)
    return cast(func.strftime("%s", column), Integer)


def study_day(
    session: AsyncSession, column: Any, calendar: StudyCalendar, start: datetime, end: datetime
) -> ColumnElement[int]:
    """The study-day number of `column` for moments in [start, end] (exact across DST)."""
    seconds = epoch_seconds(session, column)
    pieces = calendar.offset_pieces(start, end)
    if len(pieces) == 1:
        offset: ColumnElement[int] = literal(pieces[0].offset_s)
    else:
        offset = case(
            *[
                (seconds < piece.starts_at, previous.offset_s)
                for previous, piece in zip(pieces, pieces[1:], strict=False)
            ],
            else_=pieces[-1].offset_s,
        )
    return (seconds + offset - calendar.day_start_hour * 3600) // SECONDS_PER_DAY


@dataclass(frozen=True)
class ReviewBucket:
    """Reviews of one study day with the same direction, mode, prior state and outcome."""

    day: int
    direction: int
    mode: int
    state_before: int
    passed: bool
    count: int


async def review_buckets(
    session: AsyncSession, profile_id: int, calendar: StudyCalendar, now: datetime
) -> list[ReviewBucket]:
    """The whole review log of a profile folded into per-day buckets (one scan)."""
    first = (
        await session.execute(
            select(func.min(col(Review.reviewed_at))).where(col(Review.profile_id) == profile_id)
        )
    ).scalar_one()
    if first is None:
        return []
    day = study_day(session, Review.reviewed_at, calendar, first, max(first, now))
    passed = case((col(Review.rating) >= PASSING_RATING, 1), else_=0)
    query = (
        select(day, Review.direction, Review.mode, Review.state_before, passed, func.count())
        .where(col(Review.profile_id) == profile_id)
        .group_by(day, Review.direction, Review.mode, Review.state_before, passed)
    )
    return [
        ReviewBucket(int(d), int(direction), int(mode), int(state), bool(ok), int(n))
        for d, direction, mode, state, ok, n in (await session.execute(query)).all()
    ]


async def status_counts(session: AsyncSession, profile_id: int) -> dict[int, int]:
    query = (
        select(col(UserWord.status), func.count())
        .where(col(UserWord.profile_id) == profile_id)
        .group_by(col(UserWord.status))
    )
    return {int(status): int(n) for status, n in (await session.execute(query)).all()}


async def finished_lessons(session: AsyncSession, profile_id: int) -> int:
    query = select(func.count()).where(
        col(Lesson.profile_id) == profile_id, col(Lesson.finished_at).is_not(None)
    )
    return int((await session.execute(query)).scalar_one())


async def due_forecast(
    session: AsyncSession, profile_id: int, calendar: StudyCalendar, now: datetime, days: int
) -> dict[int, int]:
    """Cards seen before and due in the next `days` study days, by day; overdue ones count today."""
    today = calendar.day_of(now)
    today_start = calendar.start_of(today)
    end = calendar.start_of(today + timedelta(days=days))
    seen = [
        col(Card.profile_id) == profile_id,
        col(Card.active).is_(True),
        col(Card.reps) > 0,
    ]
    overdue = (
        await session.execute(select(func.count()).where(*seen, col(Card.due) < today_start))
    ).scalar_one()
    day = study_day(session, Card.due, calendar, today_start, end)
    query = (
        select(day, func.count())
        .where(*seen, col(Card.due) >= today_start, col(Card.due) < end)
        .group_by(day)
    )
    counts = {int(d): int(n) for d, n in (await session.execute(query)).all()}
    first = day_number(today)
    counts[first] = counts.get(first, 0) + int(overdue)
    return counts


async def learned_by_level(
    session: AsyncSession, profile_id: int, calendar: StudyCalendar, now: datetime
) -> list[tuple[int, str, int]]:
    """(study day, CEFR level or "", words) for the day each word was first recalled from
    long-term memory: its first passed typed review while in the review state."""
    first_recall = (
        select(
            col(Card.user_word_id).label("user_word_id"),
            func.min(col(Review.reviewed_at)).label("learned_at"),
        )
        .join(Card, col(Card.id) == col(Review.card_id))
        .where(
            col(Review.profile_id) == profile_id,
            col(Review.state_before) == int(CardState.REVIEW),
            col(Review.mode) == int(Stage.TYPING),
            col(Review.rating) >= PASSING_RATING,
        )
        .group_by(col(Card.user_word_id))
        .subquery()
    )
    bounds = (await session.execute(select(func.min(first_recall.c.learned_at)))).scalar_one()
    if bounds is None:
        return []
    start = _aware(bounds)
    day = study_day(session, first_recall.c.learned_at, calendar, start, max(start, now))
    level = func.coalesce(col(Word.cefr), "")
    query = (
        select(day, level, func.count())
        .select_from(first_recall)
        .join(UserWord, col(UserWord.id) == first_recall.c.user_word_id)
        .join(Word, col(Word.id) == col(UserWord.word_id))
        .group_by(day, level)
    )
    return [(int(d), str(lvl), int(n)) for d, lvl, n in (await session.execute(query)).all()]


def _aware(value: Any) -> datetime:
    """A MIN() over a subquery column loses the column type on SQLite: parse and mark UTC."""
    from words_tui.infrastructure.db_types import UTCDateTime

    result = UTCDateTime().process_result_value(value, None)  # type: ignore[arg-type]
    assert result is not None
    return result


@dataclass(frozen=True)
class HardWord:
    """A word the learner keeps forgetting."""

    user_word_id: int
    word: str
    meanings: tuple[str, ...]
    lapses: int
    difficulty: float


async def hardest_words(session: AsyncSession, profile_id: int, limit: int) -> list[HardWord]:
    """Words with the most lapses, then the highest FSRS difficulty (suspended ones included)."""
    lapses = func.sum(col(Card.lapses))
    difficulty = func.max(func.coalesce(col(Card.difficulty), 0.0))
    query = (
        select(col(Card.user_word_id), lapses, difficulty)
        .where(col(Card.profile_id) == profile_id, col(Card.reps) > 0)
        .group_by(col(Card.user_word_id))
        .order_by(lapses.desc(), difficulty.desc(), col(Card.user_word_id))
        .limit(limit)
    )
    top = (await session.execute(query)).all()
    if not top:
        return []
    words = {
        user_word_id: (text, meanings)
        for user_word_id, text, meanings in await session.execute(
            select(col(UserWord.id), col(Word.text), col(UserWord.meanings))
            .join(Word, col(Word.id) == col(UserWord.word_id))
            .where(col(UserWord.id).in_([row[0] for row in top]))
        )
    }
    return [
        HardWord(uid, words[uid][0], tuple(words[uid][1]), int(n), float(d)) for uid, n, d in top
    ]
