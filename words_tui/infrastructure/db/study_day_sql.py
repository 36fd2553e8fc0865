"""SQL expressions for study days, the same integer arithmetic on SQLite and PostgreSQL.

A timestamp's study day is its UTC epoch plus the UTC offset in force at that instant (a CASE over
the daylight-saving pieces of the span, see `domain.study_days`), minus the day-start hour,
divided by 86,400 — exact across DST changes without any time zone support in the database.
"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Integer, and_, case, cast, func, literal, or_
from sqlalchemy.ext.asyncio import AsyncSession

from words_tui.domain.enums import Verdict
from words_tui.domain.study_days import SECONDS_PER_DAY, StudyCalendar

PASSING_RATING = 2
"""FSRS ratings Hard, Good and Easy (2–4) pass; Again (1) fails."""
UNRATED = 0
"""The rating of an answer FSRS did not hear (asked again in a lesson, practice)."""
WRONG_VERDICTS = [str(v) for v in Verdict if not v.is_correct]


def passed_answer(rating: Any, verdict: Any) -> ColumnElement[bool]:
    """A right answer: rated Hard or better, or unrated with a right verdict."""
    unrated_right = and_(rating == UNRATED, verdict.not_in(WRONG_VERDICTS))
    return or_(rating >= PASSING_RATING, unrated_right)


def epoch_seconds(session: AsyncSession, column: Any) -> ColumnElement[int]:
    """Whole seconds since 1970 (UTC) of a `UTCDateTime` column or aggregate."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.floor(func.extract("epoch", column)), BigInteger)
    return cast(func.strftime("%s", column), Integer)


def study_day(
    session: AsyncSession, column: Any, calendar: StudyCalendar, start: datetime, end: datetime
) -> ColumnElement[int]:
    """The study-day number of `column` for moments in [start, end]."""
    seconds = epoch_seconds(session, column)
    pieces = calendar.offset_pieces(start, end)
    offset: ColumnElement[int]
    if len(pieces) == 1:
        offset = literal(pieces[0].offset_s)
    else:
        offset = case(
            *[
                (seconds < piece.starts_at, previous.offset_s)
                for previous, piece in pairwise(pieces)
            ],
            else_=pieces[-1].offset_s,
        )
    return (seconds + offset - calendar.day_start_hour * 3600) // SECONDS_PER_DAY
