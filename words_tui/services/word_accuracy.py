"""How often each word was answered right, per direction: the browser's accuracy columns.

Counted in SQL for one page of words at a time (the review log is indexed by card), so it costs
the same on the first page as at 100k words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlmodel import col

from words_tui.domain.enums import Direction
from words_tui.domain.scheduling import Rating
from words_tui.infrastructure.database import Database
from words_tui.infrastructure.models import Card, Review


@dataclass(frozen=True)
class DirectionAccuracy:
    """Answers to one direction of a word: how many, and how many passed (rated above Again)."""

    passed: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None


async def direction_accuracy(
    database: Database, profile_id: int, user_word_ids: Sequence[int]
) -> dict[int, dict[Direction, DirectionAccuracy]]:
    """Accuracy by direction of each given word (words never answered are left out)."""
    if not user_word_ids:
        return {}
    passed = func.sum(case((col(Review.rating) > int(Rating.Again), 1), else_=0))
    query = (
        select(col(Card.user_word_id), col(Card.direction), passed, func.count())
        .join(Review, col(Review.card_id) == col(Card.id))
        .where(col(Card.profile_id) == profile_id, col(Card.user_word_id).in_(user_word_ids))
        .group_by(col(Card.user_word_id), col(Card.direction))
    )
    found: dict[int, dict[Direction, DirectionAccuracy]] = {}
    async with database.session() as session:
        for user_word_id, direction, ok, total in (await session.execute(query)).all():
            found.setdefault(user_word_id, {})[Direction(direction)] = DirectionAccuracy(
                int(ok or 0), int(total)
            )
    return found
