"""The reads behind the statistics: small results from rollups and indexes.

Review counts and learned words come from the rollups (`stats_rollup`), brought up to date first
so they include every review logged so far — unless the caller says it has just done that
(`refreshed=True`, saving a few queries when several reads follow one refresh); word statuses, lessons, the forecast and the hardest words come
from indexes on their own tables. Nothing here loops over reviews or cards in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.enums import CardState, Stage
from words_tui.domain.study_days import StudyCalendar, day_number
from words_tui.infrastructure.db.models import (
    Card,
    Lesson,
    StatsLearnedWord,
    StatsReviewDay,
    UserWord,
    Word,
)
from words_tui.infrastructure.db.rollups import refresh_rollups

HARDEST_SCAN_FACTOR = 4
"""Cards read per hardest word wanted: a word has two cards, and ties need room."""


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
    session: AsyncSession,
    profile_id: int,
    calendar: StudyCalendar,
    now: datetime,
    *,
    refreshed: bool = False,
) -> list[ReviewBucket]:
    """The profile's whole review log as per-day buckets (from the rollup, brought up to date).

    `now` is accepted for symmetry with the other reads; every review logged so far is counted.
    """
    if not refreshed:
        await refresh_rollups(session, profile_id, calendar)
    query = select(
        col(StatsReviewDay.day),
        col(StatsReviewDay.direction),
        col(StatsReviewDay.mode),
        col(StatsReviewDay.state_before),
        col(StatsReviewDay.passed),
        col(StatsReviewDay.count),
    ).where(col(StatsReviewDay.profile_id) == profile_id, col(StatsReviewDay.count) != 0)
    return [
        ReviewBucket(int(d), int(direction), int(mode), int(state), bool(ok), int(n))
        for d, direction, mode, state, ok, n in (await session.execute(query)).all()
    ]


async def daily_reviews(
    session: AsyncSession, profile_id: int, calendar: StudyCalendar, *, refreshed: bool = False
) -> dict[int, int]:
    """Reviews per study day, every day with at least one."""
    if not refreshed:
        await refresh_rollups(session, profile_id, calendar)
    day = col(StatsReviewDay.day)
    query = (
        select(day, func.sum(col(StatsReviewDay.count)))
        .where(col(StatsReviewDay.profile_id) == profile_id)
        .group_by(day)
    )
    return {int(d): int(n) for d, n in (await session.execute(query)).all() if n}


async def outcome_counts(
    session: AsyncSession, profile_id: int, calendar: StudyCalendar, *, refreshed: bool = False
) -> list[tuple[int, int, bool, int]]:
    """(direction, mode, passed, reviews) over the whole log."""
    if not refreshed:
        await refresh_rollups(session, profile_id, calendar)
    keys = (
        col(StatsReviewDay.direction),
        col(StatsReviewDay.mode),
        col(StatsReviewDay.passed),
    )
    query = (
        select(*keys, func.sum(col(StatsReviewDay.count)))
        .where(col(StatsReviewDay.profile_id) == profile_id)
        .group_by(*keys)
    )
    return [
        (int(d), int(m), bool(p), int(n)) for d, m, p, n in (await session.execute(query)).all()
    ]


async def retention_days(
    session: AsyncSession, profile_id: int, calendar: StudyCalendar, *, refreshed: bool = False
) -> list[tuple[int, bool, int]]:
    """(study day, passed, reviews) of typed reviews of cards that were in the review state:
    the material of true retention."""
    if not refreshed:
        await refresh_rollups(session, profile_id, calendar)
    day, passed = col(StatsReviewDay.day), col(StatsReviewDay.passed)
    query = (
        select(day, passed, func.sum(col(StatsReviewDay.count)))
        .where(
            col(StatsReviewDay.profile_id) == profile_id,
            col(StatsReviewDay.state_before) == int(CardState.REVIEW),
            col(StatsReviewDay.mode) == int(Stage.TYPING),
        )
        .group_by(day, passed)
    )
    return [(int(d), bool(p), int(n)) for d, p, n in (await session.execute(query)).all()]


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
    """Cards seen before and due in each of the next `days` study days (overdue ones count
    today), as {study-day number: cards}.

    One statement of range counts over the lesson index `(profile, active, stage, due,
    last_review)`: each day is an index range, no timestamp is parsed and nothing is sorted.
    """
    today = calendar.day_of(now)
    bounds = [calendar.start_of(today + timedelta(days=i)) for i in range(1, days + 1)]
    seen = [
        col(Card.profile_id) == profile_id,
        col(Card.active).is_(True),
        col(Card.stage).in_([int(stage) for stage in Stage]),
        col(Card.last_review).is_not(None),
    ]
    counts = [select(func.count()).where(*seen, col(Card.due) < bounds[0]).scalar_subquery()]
    counts += [
        select(func.count())
        .where(*seen, col(Card.due) >= start, col(Card.due) < end)
        .scalar_subquery()
        for start, end in pairwise(bounds)
    ]
    row = (await session.execute(select(*counts))).one()
    first = day_number(today)
    return {first + offset: int(n) for offset, n in enumerate(row) if n}


async def learned_by_level(
    session: AsyncSession,
    profile_id: int,
    calendar: StudyCalendar,
    now: datetime,
    *,
    refreshed: bool = False,
) -> list[tuple[int, str, int]]:
    """(study day, CEFR level or "", words) for the day each word was first recalled from
    long-term memory: its first passed typed review while in the review state."""
    if not refreshed:
        await refresh_rollups(session, profile_id, calendar)
    day, level = col(StatsLearnedWord.day), col(StatsLearnedWord.cefr)
    query = (
        select(day, level, func.count())
        .where(col(StatsLearnedWord.profile_id) == profile_id)
        .group_by(day, level)
    )
    return [(int(d), str(lvl), int(n)) for d, lvl, n in (await session.execute(query)).all()]


@dataclass(frozen=True)
class HardWord:
    """A word the learner keeps forgetting."""

    user_word_id: int
    word: str
    meanings: tuple[str, ...]
    lapses: int
    difficulty: float


async def hardest_words(session: AsyncSession, profile_id: int, limit: int) -> list[HardWord]:
    """Words forgotten at least once, ranked by their most-forgotten card's lapses, then by FSRS
    difficulty; `lapses` counts both directions. Read from the top of `ix_cards_profile_lapses`;
    the follow-up lookups go by word id (`profile_id + 0` keeps SQLite off the profile indexes,
    which would visit every card of the profile, while still checking the owner)."""
    top_cards = (
        select(col(Card.user_word_id))
        .where(col(Card.profile_id) == profile_id, col(Card.lapses) > 0)
        .order_by(col(Card.lapses).desc(), col(Card.difficulty).desc())
        .limit(limit * HARDEST_SCAN_FACTOR)
    )
    word_ids = list(dict.fromkeys((await session.execute(top_cards)).scalars()))[:limit]
    if not word_ids:
        return []
    totals = select(
        col(Card.user_word_id),
        func.sum(col(Card.lapses)),
        func.max(func.coalesce(col(Card.difficulty), 0.0)),
    ).where(col(Card.user_word_id).in_(word_ids), col(Card.profile_id) + 0 == profile_id)
    per_word = {
        uid: (int(n), float(d))
        for uid, n, d in (await session.execute(totals.group_by(col(Card.user_word_id)))).all()
    }
    texts = (
        select(col(UserWord.id), col(Word.text), col(UserWord.meanings))
        .join(Word, col(Word.id) == col(UserWord.word_id))
        .where(col(UserWord.id).in_(word_ids), col(UserWord.profile_id) + 0 == profile_id)
    )
    words = [
        HardWord(uid, text, tuple(meanings), *per_word[uid])
        for uid, text, meanings in (await session.execute(texts)).all()
        if uid is not None
    ]
    return sorted(words, key=lambda w: (-w.lapses, -w.difficulty, w.user_word_id))
