"""The cards side of an import: loading their memory state, writing imported progress, and
creating the two direction cards of every new word in one statement."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Table,
    bindparam,
    exists,
    insert,
    literal,
    literal_column,
    select,
    true,
    union_all,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from words_tui.domain.enums import Direction, Stage
from words_tui.infrastructure.db.card_rows import CARD_FIELDS as CARD_STATE_FIELDS
from words_tui.infrastructure.db.models import ALL_TABLES
from words_tui.infrastructure.db.types import UTCDateTime
from words_tui.infrastructure.importers import ImportedCard
from words_tui.services.transfer.plan import ExistingCard, ExistingWord, Plan

CARDS: Table = ALL_TABLES.tables["cards"]
USER_WORDS: Table = ALL_TABLES.tables["user_words"]
CARD_FIELDS = tuple(name for name in CARD_STATE_FIELDS if name != "accepted_extra")
"""The card columns an import carries; answers accepted by override stay local."""


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


def card_values(progress: ImportedCard) -> dict[str, Any]:
    """The `cards` columns a progress record sets."""
    values = {name: getattr(progress, name) for name in CARD_FIELDS}
    values["accepted_extra"] = list(progress.accepted_extra)
    return values


async def create_default_cards(session: AsyncSession, profile_id: int, now: datetime) -> None:
    """Both direction cards for every user word of the profile still missing one, in SQL.

    One INSERT ... SELECT instead of 2 rows per word through Python: most imported words start
    fresh, and this keeps the "every user word has its two cards" rule whatever came before.
    """
    directions = union_all(*(select(literal(int(d)).label("direction")) for d in Direction))
    direction = directions.subquery("d")
    missing = ~exists().where(
        CARDS.c.user_word_id == USER_WORDS.c.id, CARDS.c.direction == direction.c.direction
    )
    fresh = ImportedCard(Direction.FOREIGN_TO_NATIVE, 0, due=now, stage=int(Stage.CHOICE))
    values = {name: getattr(fresh, name) for name in CARD_FIELDS if name not in ("due", "active")}
    source = (
        select(
            USER_WORDS.c.id,
            USER_WORDS.c.profile_id,
            direction.c.direction,
            bindparam("due", now, type_=UTCDateTime),
            true(),
            literal_column("'[]'"),
            *(literal(value, CARDS.c[name].type) for name, value in values.items()),
        )
        .select_from(USER_WORDS.join(direction, true()))
        .where(USER_WORDS.c.profile_id == profile_id, missing)
    )
    columns = [
        "user_word_id",
        "profile_id",
        "direction",
        "due",
        "active",
        "accepted_extra",
        *values,
    ]
    await session.execute(insert(CARDS).from_select(columns, source))


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
