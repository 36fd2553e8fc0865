"""`services.word_details`: a word's entry, its two direction cards and its answers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from tests.notebook.conftest import NOW
from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.domain.enums import CardState, Direction
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Review
from words_tui.services import Core
from words_tui.services.vocabulary import NewWord, add_words
from words_tui.services.vocabulary.browse import WordNotFound
from words_tui.services.vocabulary.details import word_details
from words_tui.services.vocabulary.profiles import create_profile

ENTRY = WordEntry(
    word="banco",
    source_lang="es",
    target_lang="en",
    pos="noun",
    meanings=(Meaning(text="bank", note="money"), Meaning(text="bench")),
    examples=(Example(source="Voy al banco.", target="I am going to the bank."),),
    forms={"gender": "m", "plural": "bancos"},
    source="user",
)


async def _word(database: Database, user: str = "ann") -> tuple[int, int]:
    profile = await create_profile(database, user, "en", "es")
    async with database.session() as session:
        word = NewWord.from_entry(ENTRY, ["bank"])
        added = await add_words(session, profile, [word], NOW)
    assert profile.id is not None
    return profile.id, added.user_words[word.identity]


async def test_a_new_word_shows_its_whole_entry_and_two_unseen_cards(database: Database) -> None:
    profile_id, word_id = await _word(database)
    details = await word_details(database, profile_id, word_id, NOW)
    assert details.entry == ENTRY
    assert details.item.meanings == ("bank",)
    assert [card.direction for card in details.cards] == list(Direction)
    assert all(c.progress.state == CardState.NEW and c.recall_now == 0.0 for c in details.cards)
    assert details.history == ()


async def test_another_learners_word_is_not_found(database: Database) -> None:
    _, word_id = await _word(database, "ann")
    other = await create_profile(database, "bob", "en", "es")
    assert other.id is not None
    with pytest.raises(WordNotFound):
        await word_details(database, other.id, word_id, NOW)


async def test_a_reviewed_card_has_a_recall_chance_and_its_answers(demo_core: Core) -> None:
    async with demo_core.database.session() as session:
        card = (
            await session.execute(
                select(Card)
                .where(
                    Card.state == int(CardState.REVIEW),
                    Card.last_review < NOW - timedelta(days=3),
                )
                .order_by(Card.id)
                .limit(1)
            )
        ).scalar_one()
        answers = (
            await session.execute(
                select(func.count())
                .select_from(Review)
                .join(Card, Card.id == Review.card_id)
                .where(Card.user_word_id == card.user_word_id)
            )
        ).scalar_one()
    details = await demo_core.vocabulary.details(card.profile_id, card.user_word_id)
    reviewed = next(c for c in details.cards if c.direction == card.direction)
    assert 0.0 < reviewed.recall_now < 1.0
    assert len(details.history) == answers
    assert [r.reviewed_at for r in details.history] == sorted(
        r.reviewed_at for r in details.history
    )
