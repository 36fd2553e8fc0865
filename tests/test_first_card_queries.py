"""A lesson's first card and home's counts cost what the lesson holds, not what the vocabulary
holds: the due reviews come from the partial index of seen cards, so a vocabulary of many new
cards is never walked to find them, and new cards are counted only up to today's allowance."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlmodel import col

from tests.builders import T0, cards_of, core_on, spanish_learner
from tests.statements import plan, recorded
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card

SEEN_INDEX = "ix_cards_profile_seen_due"


async def test_due_reviews_are_found_without_walking_the_new_cards(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    profile_id = await spanish_learner(sqlite_database)
    seen = [card.id for card in await cards_of(sqlite_database, profile_id, "gato")]
    async with sqlite_database.session() as session:
        await session.execute(
            update(Card)
            .where(col(Card.id).in_(seen))
            .values(last_review=T0 - timedelta(days=3), due=T0 - timedelta(days=1), reps=1)
        )
    with recorded(sqlite_database) as statements:
        today = await core.lessons.today(profile_id)
        lesson = await core.lessons.start_lesson(profile_id)
    assert today.due == 2
    assert {card.card_id for card in lesson.cards} >= set(seen)
    on_cards = [(s, p) for s, p in statements if " cards" in s and "last_review IS NOT NULL" in s]
    assert len(on_cards) == 2  # home's count and the lesson's candidates
    for statement, parameters in on_cards:
        steps = plan(sqlite_database, statement, parameters)
        assert [step for step in steps if SEEN_INDEX in step], (statement, steps)
        assert not [step for step in steps if step.startswith("SCAN cards")], (statement, steps)
