"""A lesson that meets a database failure says so in one line and can always be left.

The quiz commits each answer before it shows the next card, so when a write fails (the disk is
full, another program holds a lock too long, a server went away for good) nothing answered
before is lost: the learner needs to hear what was not saved and why, then retry or leave. The
lesson row of a sitting that could not be closed (a failure at the end, a killed terminal) is
closed when the profile's next lesson starts, at the time of its last answer, so streaks and
lesson counts stay right.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.errors import DatabaseError, UserError
from words_tui.i18n.said import Said
from words_tui.infrastructure.db.models import Lesson as LessonRow
from words_tui.infrastructure.db.models import Review


class LessonNotSaved(DatabaseError):
    """A lesson's write failed; what was committed before it is intact."""


def _reason(error: BaseException) -> str:
    """The driver's own first line, never the SQL statement or its parameters (which hold the
    learner's text)."""
    cause = getattr(error, "orig", None) or error
    lines = str(cause).strip().splitlines()
    return lines[0] if lines else type(cause).__name__


@asynccontextmanager
async def saving(what: str, location: str) -> AsyncIterator[None]:
    """Turn a failed write of `what` (a catalogue key: `lesson.saving.*`) into one
    `LessonNotSaved` line naming the database."""
    said = Said(what)
    try:
        yield
    except UserError as err:
        raise LessonNotSaved(key="error.lesson.not_saved", what=said, problem=err) from err
    except (SQLAlchemyError, OSError) as err:
        raise LessonNotSaved(
            key="error.lesson.not_saved_to", what=said, location=location, reason=_reason(err)
        ) from err


async def close_abandoned(session: AsyncSession, profile_id: int) -> None:
    """Close the profile's lessons left open, at their last answer (or start when none).

    A lesson another quiz process is still giving is closed too; its own end overwrites the
    time when it comes, so only the running count of finished lessons is early.
    """
    last_answer = (
        select(func.max(Review.reviewed_at))
        .where(col(Review.lesson_id) == LessonRow.id)
        .scalar_subquery()
    )
    await session.execute(
        update(LessonRow)
        .where(col(LessonRow.profile_id) == profile_id)
        .where(col(LessonRow.finished_at).is_(None))
        .values(finished_at=func.coalesce(last_answer, LessonRow.started_at))
    )
