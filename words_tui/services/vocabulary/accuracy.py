"""How often each word was answered right, per direction: the browser's accuracy columns.

Counted in SQL for one page of words at a time: the page's cards by their (word, direction)
index, then their reviews by the review log's card index — two index lookups, so a page costs the
same at 100k words as at 100. The owner is checked as `profile_id + 0` (an expression): given a
plain `profile_id = ?`, SQLite picks a profile index and walks every card of the profile.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlmodel import col

from words_tui.domain.enums import Direction
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Review
from words_tui.infrastructure.db.study_day_sql import passed_answer


@dataclass(frozen=True)
class DirectionAccuracy:
    """Answers to one direction of a word: how many, and how many were right."""

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
    cards_query = select(col(Card.id), col(Card.user_word_id), col(Card.direction)).where(
        col(Card.user_word_id).in_(user_word_ids), col(Card.profile_id) + 0 == profile_id
    )
    passed = func.sum(case((passed_answer(col(Review.rating), col(Review.verdict)), 1), else_=0))
    found: dict[int, dict[Direction, DirectionAccuracy]] = {}
    async with database.session() as session:
        cards = {
            card_id: (word, Direction(direction))
            for card_id, word, direction in (await session.execute(cards_query)).all()
        }
        if not cards:
            return {}
        reviews_query = (
            select(col(Review.card_id), passed, func.count())
            .where(col(Review.card_id).in_(list(cards)))
            .group_by(col(Review.card_id))
        )
        for card_id, ok, total in (await session.execute(reviews_query)).all():
            word, direction = cards[card_id]
            found.setdefault(word, {})[direction] = DirectionAccuracy(int(ok or 0), int(total))
    return found
