"""Keeping the statistics rollups in step with the review log.

Aggregating a million reviews costs seconds on SQLite (a GROUP BY sorts every row), so the review
log is folded incrementally into `stats_review_days` (counts per study day and kind) and
`stats_learned_words` (the day each word was first recalled from long-term memory). Each refresh
reads only the reviews after the profile's watermark — on the primary key, not the profile index —
so statistics cost what the reviews since the last look cost.

The watermark moves by compare-and-set before anything is added, so two refreshes racing for the
same profile cannot both count the same reviews. Reviews of a deleted word are subtracted
(`discount_cards`); "start over" drops the rollups (`forget_rollups`); a changed time zone or day
start rebuilds them, since study days depend on both.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import case, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.enums import CardState, Stage
from words_tui.domain.study_days import StudyCalendar
from words_tui.infrastructure.db.bulk import insert_ignoring_conflicts, insert_statement
from words_tui.infrastructure.db.models import (
    Card,
    Review,
    StatsLearnedWord,
    StatsReviewDay,
    StatsWatermark,
    UserWord,
    Word,
)
from words_tui.infrastructure.db.study_day_sql import PASSING_RATING, passed_answer, study_day
from words_tui.infrastructure.db.types import utcnow

BUCKET_KEY = ("day", "direction", "mode", "state_before", "passed")


async def forget_rollups(session: AsyncSession, profile_id: int) -> None:
    """Drop a profile's rollups; the next refresh rebuilds them from the whole log."""
    for model in (StatsReviewDay, StatsLearnedWord, StatsWatermark):
        await session.execute(delete(model).where(col(model.profile_id) == profile_id))


async def _watermark(session: AsyncSession, profile_id: int, calendar: StudyCalendar) -> int:
    """The last review id already counted under `calendar` (0 after a calendar change)."""
    query = select(StatsWatermark).where(col(StatsWatermark.profile_id) == profile_id)
    mark = (await session.execute(query)).scalar_one_or_none()
    if mark is not None and (mark.timezone, mark.day_start_hour) == (
        calendar.timezone,
        calendar.day_start_hour,
    ):
        return mark.last_review_id
    if mark is not None:
        await forget_rollups(session, profile_id)
    await insert_ignoring_conflicts(
        session,
        StatsWatermark,
        [
            {
                "profile_id": profile_id,
                "last_review_id": 0,
                "timezone": calendar.timezone,
                "day_start_hour": calendar.day_start_hour,
                "updated_at": utcnow(),
            }
        ],
    )
    return 0


def _new_reviews(profile_id: int, after: int, upto: int) -> list[Any]:
    """Reviews in the id range (after, upto] of one profile.

    `profile_id + 0` keeps SQLite on the primary-key range instead of the profile index, which
    would visit the profile's whole log.
    """
    return [
        col(Review.id) > after,
        col(Review.id) <= upto,
        col(Review.profile_id) + 0 == profile_id,
    ]


async def refresh_rollups(session: AsyncSession, profile_id: int, calendar: StudyCalendar) -> None:
    """Fold the reviews added since the last refresh into the profile's rollups."""
    after = await _watermark(session, profile_id, calendar)
    newest = (await session.execute(select(func.max(col(Review.id))))).scalar_one()
    if newest is None or newest <= after:
        return  # nothing logged since: one primary-key lookup, the usual case
    span = (
        await session.execute(
            select(
                func.max(col(Review.id)),
                func.min(col(Review.reviewed_at)),
                func.max(col(Review.reviewed_at)),
            ).where(*_new_reviews(profile_id, after, newest))
        )
    ).one()
    upto, first, last = span
    if upto is None:
        return
    moved = await session.execute(
        update(StatsWatermark)
        .where(
            col(StatsWatermark.profile_id) == profile_id,
            col(StatsWatermark.last_review_id) == after,
        )
        .values(last_review_id=upto, updated_at=utcnow())
    )
    if getattr(moved, "rowcount", 0) != 1:
        return  # another refresh counted these reviews first
    conditions = _new_reviews(profile_id, after, upto)
    await _add_buckets(session, profile_id, calendar, conditions, first, last, sign=1)
    await _add_learned(session, profile_id, calendar, conditions, first, last)


async def _add_buckets(
    session: AsyncSession,
    profile_id: int,
    calendar: StudyCalendar,
    conditions: Sequence[Any],
    first: datetime,
    last: datetime,
    sign: int,
) -> None:
    day = study_day(session, Review.reviewed_at, calendar, first, last)
    passed = case((passed_answer(col(Review.rating), col(Review.verdict)), True), else_=False)
    kinds = (col(Review.direction), col(Review.mode), col(Review.state_before))
    query = (
        select(day, *kinds, passed, func.count()).where(*conditions).group_by(day, *kinds, passed)
    )
    rows = [
        {
            "profile_id": profile_id,
            "day": int(d),
            "direction": int(direction),
            "mode": int(mode),
            "state_before": int(state),
            "passed": bool(ok),
            "count": sign * int(n),
        }
        for d, direction, mode, state, ok, n in (await session.execute(query)).all()
    ]
    if not rows:
        return
    table = StatsReviewDay.__table__  # type: ignore[attr-defined]
    statement = insert_statement(session, StatsReviewDay)
    statement = statement.on_conflict_do_update(
        index_elements=["profile_id", *BUCKET_KEY],
        set_={"count": table.c.count + statement.excluded.count},
    )
    await session.execute(statement, rows)


async def _add_learned(
    session: AsyncSession,
    profile_id: int,
    calendar: StudyCalendar,
    conditions: Sequence[Any],
    first: datetime,
    last: datetime,
) -> None:
    """Record the first passed typed review from the review state of each word, keeping the
    earliest day when an imported history reaches further back than what was counted."""
    learned_at = func.min(col(Review.reviewed_at))
    day = study_day(session, learned_at, calendar, first, last)
    query = (
        select(col(Card.user_word_id), func.coalesce(col(Word.cefr), ""), day)
        .join(Card, col(Card.id) == col(Review.card_id))
        .join(UserWord, col(UserWord.id) == col(Card.user_word_id))
        .join(Word, col(Word.id) == col(UserWord.word_id))
        .where(
            *conditions,
            col(Review.state_before) == int(CardState.REVIEW),
            col(Review.mode) == int(Stage.TYPING),
            col(Review.rating) >= PASSING_RATING,
        )
        .group_by(col(Card.user_word_id), col(Word.cefr))
    )
    rows = [
        {"profile_id": profile_id, "user_word_id": uid, "cefr": cefr, "day": int(d)}
        for uid, cefr, d in (await session.execute(query)).all()
    ]
    if not rows:
        return
    table = StatsLearnedWord.__table__  # type: ignore[attr-defined]
    statement = insert_statement(session, StatsLearnedWord)
    statement = statement.on_conflict_do_update(
        index_elements=["profile_id", "user_word_id"],
        set_={
            "day": case(
                (statement.excluded.day < table.c.day, statement.excluded.day),
                else_=table.c.day,
            )
        },
    )
    await session.execute(statement, rows)


async def discount_cards(session: AsyncSession, profile_id: int, card_ids: Sequence[int]) -> None:
    """Subtract the counted reviews of cards about to be deleted from the day rollup.

    (Their learned-word rows go with the word through the foreign key.)
    """
    mark = (
        await session.execute(
            select(StatsWatermark).where(col(StatsWatermark.profile_id) == profile_id)
        )
    ).scalar_one_or_none()
    if mark is None or not card_ids:
        return
    conditions = [
        col(Review.profile_id) == profile_id,
        col(Review.card_id).in_(list(card_ids)),
        col(Review.id) <= mark.last_review_id,
    ]
    first, last = (
        await session.execute(
            select(func.min(col(Review.reviewed_at)), func.max(col(Review.reviewed_at))).where(
                *conditions
            )
        )
    ).one()
    if first is None:
        return
    calendar = StudyCalendar(mark.timezone, mark.day_start_hour)
    await _add_buckets(session, profile_id, calendar, conditions, first, last, sign=-1)
