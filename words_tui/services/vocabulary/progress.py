"""Resetting and re-deriving a word's progress: shared by "start over", "reset" and "suspend".

A reset keeps the word and its chosen meanings but puts both cards back to a never-seen card, so
the lesson engine introduces the word again from multiple choice.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.enums import CardState, Stage, WordStatus
from words_tui.infrastructure.db.models import Card, UserWord


def fresh_card_values(now: datetime) -> dict[str, Any]:
    """The columns of a card that has never been reviewed, due `now`."""
    return {
        "stage": int(Stage.CHOICE),
        "state": int(CardState.NEW),
        "step": None,
        "stability": None,
        "difficulty": None,
        "due": now,
        "last_review": None,
        "reps": 0,
        "lapses": 0,
        "consecutive_correct": 0,
        "choice_correct": 0,
    }


def _words_filter(
    profile_id: int, user_word_ids: Collection[int] | None
) -> list[ColumnElement[bool]]:
    conditions = [col(UserWord.profile_id) == profile_id]
    if user_word_ids is not None:
        conditions.append(col(UserWord.id).in_(list(user_word_ids)))
    return conditions


async def reset_words(
    session: AsyncSession, profile_id: int, user_word_ids: Collection[int] | None, now: datetime
) -> int:
    """Reset the given words (all of the profile's when None); returns how many words matched.

    Suspended words keep their status (suspending is the learner's choice, not progress).
    """
    words = select(col(UserWord.id)).where(*_words_filter(profile_id, user_word_ids))
    await session.execute(
        update(Card)
        .where(col(Card.profile_id) == profile_id, col(Card.user_word_id).in_(words))
        .values(**fresh_card_values(now))
    )
    await session.execute(
        update(UserWord)
        .where(
            *_words_filter(profile_id, user_word_ids),
            col(UserWord.status) != int(WordStatus.SUSPENDED),
        )
        .values(status=int(WordStatus.NEW))
    )
    count = (
        select(func.count()).select_from(UserWord).where(*_words_filter(profile_id, user_word_ids))
    )
    return int((await session.execute(count)).scalar_one())
