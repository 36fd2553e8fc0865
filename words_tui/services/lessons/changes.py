"""The lesson's undo stack: whatever the learner did last in a lesson can be taken back.

An answer, "I was right", a suspension and an edit of a card's accepted answers each push a
`Change`: the running lesson as it was before (`Sitting`: queue, position, mistakes, answers),
what was on screen then (the card being asked, or a verdict), and how to revert its database
writes. `undo_last` reverts the database in one transaction and commits it before it puts the
lesson back, so the card shown again is the card as saved. Changes are taken back strictly last
first, so each saved sitting matches the database its revert leaves. The stack has no limit
but the lesson: a lesson holds a few hundred actions at most, each a handful of references.

The database side of suspending a word lives here too; an answer's revert is in `revising`, an
edit's in `editing`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.enums import WordStatus
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, UserWord
from words_tui.services.lessons.cards import LessonCard
from words_tui.services.lessons.feedback import Feedback
from words_tui.services.lessons.queries import LessonError
from words_tui.services.lessons.saving import saving
from words_tui.services.lessons.sitting import Lesson, Sitting

Revert = Callable[[AsyncSession], Awaitable[None]]
"""Writes back, in the caller's session, what one change wrote."""


class Kind(StrEnum):
    ANSWER = "answer"
    OVERRIDE = "override"
    SUSPEND = "suspend"
    EDIT = "edit"


@dataclass(frozen=True, slots=True)
class Change:
    """One thing the learner did: to `card`, with the lesson `before` it and the verdict
    `shown` at the time (None: `card` was being asked)."""

    kind: Kind
    card: LessonCard
    before: Sitting
    shown: Feedback | None
    revert: Revert


@dataclass(frozen=True, slots=True)
class Undone:
    """What undo took back, and what to show now: the verdict `shown` when the learner acted,
    or (None) the lesson's current card, asked again."""

    kind: Kind
    card: LessonCard
    shown: Feedback | None


def remember(
    lesson: Lesson,
    kind: Kind,
    card: LessonCard,
    before: Sitting,
    revert: Revert,
    shown: Feedback | None = None,
) -> None:
    lesson.changes.append(Change(kind, card, before, shown, revert))


async def undo_last(database: Database, lesson: Lesson) -> Undone:
    """Take back the lesson's most recent change: database first (committed), then the lesson."""
    if not lesson.changes:
        raise LessonError("nothing to undo in this lesson")
    last = lesson.changes[-1]
    async with saving("lesson.saving.undo", database.location), database.session() as session:
        await last.revert(session)
    lesson.changes.pop()
    lesson.rewind(last.before)
    return Undone(last.kind, last.card, last.shown)


async def suspend_word(session: AsyncSession, profile_id: int, user_word_id: int) -> Revert:
    """Suspend the word (both directions); returns how to bring back its status and cards."""
    status = (
        await session.execute(
            select(col(UserWord.status)).where(
                col(UserWord.id) == user_word_id, col(UserWord.profile_id) == profile_id
            )
        )
    ).scalar_one()
    rows = await session.execute(
        select(col(Card.id), col(Card.active)).where(
            col(Card.user_word_id) == user_word_id, col(Card.profile_id) == profile_id
        )
    )
    active = {card_id: bool(on) for card_id, on in rows if card_id is not None}
    await _set_word(session, user_word_id, int(WordStatus.SUSPENDED), dict.fromkeys(active, False))

    async def revert(s: AsyncSession) -> None:
        await _set_word(s, user_word_id, status, active)

    return revert


async def _set_word(
    session: AsyncSession, user_word_id: int, status: int, active: dict[int, bool]
) -> None:
    await session.execute(
        update(UserWord).where(col(UserWord.id) == user_word_id).values(status=status)
    )
    for card_id, is_active in active.items():
        await session.execute(update(Card).where(col(Card.id) == card_id).values(active=is_active))
