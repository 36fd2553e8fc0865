"""Everything known about one word of a profile: its entry, each direction's card, its history.

The vocabulary list shows a line per word (`vocabulary.browse`); a detail view (the notebook's
Explorer) needs the dictionary entry the word was learnt from — meanings with their notes,
examples, word forms — and the memory state of each direction, with how likely the learner is to
recall it right now.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlmodel import col

from words_tui.domain.entries import WordEntry
from words_tui.domain.enums import Direction
from words_tui.domain.scheduling import CardProgress, SchedulingConfig, retrievability
from words_tui.infrastructure.db.card_rows import progress_of
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Entry, Profile, UserWord, Word
from words_tui.infrastructure.db.types import utcnow
from words_tui.services.vocabulary.browse import (
    ReviewRecord,
    VocabularyItem,
    WordNotFound,
    get_word,
    review_history,
)
from words_tui.services.vocabulary.store import entry_from_row


@dataclass(frozen=True)
class DirectionCard:
    """One direction of the word: its memory state, whether lessons ask it, recall chance now."""

    direction: Direction
    progress: CardProgress
    active: bool
    recall_now: float


@dataclass(frozen=True)
class WordDetails:
    """A word as the detail view shows it."""

    item: VocabularyItem
    entry: WordEntry | None
    cards: tuple[DirectionCard, ...]
    history: tuple[ReviewRecord, ...]


async def word_details(
    database: Database, profile_id: int, user_word_id: int, now: datetime | None = None
) -> WordDetails:
    """The word's entry, cards and answers; `WordNotFound` for a word not in the profile."""
    now = now or utcnow()
    item = await get_word(database, profile_id, user_word_id)
    async with database.session() as session:
        profile = await session.get(Profile, profile_id)
        user_word = await session.get(UserWord, user_word_id)
        if profile is None or user_word is None:
            raise WordNotFound(key="error.word.not_found", word=user_word_id, profile=profile_id)
        entry = None
        if user_word.entry_id is not None:
            row = await session.get(Entry, user_word.entry_id)
            word = await session.get(Word, user_word.word_id)
            if row is not None and word is not None:
                entry = entry_from_row(word, row)
        cards = (
            await session.execute(
                select(Card)
                .where(col(Card.profile_id) == profile_id, col(Card.user_word_id) == user_word_id)
                .order_by(col(Card.direction))
            )
        ).scalars()
        config = _config(profile)
        directions = tuple(
            DirectionCard(
                direction=Direction(card.direction),
                progress=progress_of(card),
                active=card.active,
                recall_now=retrievability(progress_of(card), now, config),
            )
            for card in cards
        )
    history = await review_history(database, profile_id, user_word_id)
    return WordDetails(item, entry, directions, tuple(history))


def _config(profile: Profile) -> SchedulingConfig:
    """The profile's scheduling: its retention target and personal parameters when it has them."""
    config = replace(SchedulingConfig(), desired_retention=profile.desired_retention)
    if profile.fsrs_parameters:
        config = replace(config, parameters=tuple(profile.fsrs_parameters))
    return config
