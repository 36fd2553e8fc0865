"""The cards side of an import: loading their memory state and writing imported progress over
stored cards (new words get theirs from `vocabulary.add_words`)."""

from __future__ import annotations

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from words_tui.domain.enums import Direction
from words_tui.infrastructure.db.models import ALL_TABLES
from words_tui.infrastructure.importers import ImportedCard
from words_tui.services.transfer.plan import ExistingCard, ExistingWord, Plan
from words_tui.services.vocabulary import CARD_FIELDS, card_values

CARDS: Table = ALL_TABLES.tables["cards"]


async def load_cards(
    session: AsyncSession, profile_id: int, words: dict[int, ExistingWord]
) -> None:
    """Attach each stored card's state to its word (`words` by user word id)."""
    columns = [CARDS.c[name] for name in ("user_word_id", "id", "direction", *CARD_FIELDS)]
    cards = select(*columns, CARDS.c.accepted_extra).where(CARDS.c.profile_id == profile_id)
    for user_word_id, card_id, direction, *values, accepted in await session.execute(cards):
        word = words.get(user_word_id)
        if word is not None:
            fields = dict(zip(CARD_FIELDS, values, strict=True))
            progress = ImportedCard(Direction(direction), **fields, accepted_extra=tuple(accepted))
            word.cards[progress.direction] = ExistingCard(card_id, progress)


async def update_cards(session: AsyncSession, plan: Plan) -> None:
    """Overwrite stored cards with the imported progress the plan accepted (newer or equal)."""
    rows = [
        {"b_id": card_id, **card_values(progress)}
        for change in plan.changes
        if change.existing is not None
        for progress, card_id in change.cards
        if card_id is not None
    ]
    if rows:
        await session.execute(update(CARDS).where(CARDS.c.id == bindparam("b_id")), rows)
