"""Small helpers every use case shares: the learner's row, and a stored entry read back as the
typed `WordEntry`. (Words join a profile through `words.add_words`.)"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.entries import WordEntry
from words_tui.infrastructure.db.models import Entry, User, Word


async def ensure_user(session: AsyncSession, name: str) -> User:
    """The learner called `name`, created on first sight."""
    user = (await session.execute(select(User).where(col(User.name) == name))).scalar_one_or_none()
    if user is None:
        user = User(name=name)
        session.add(user)
        await session.flush()
    return user


def entry_from_row(word: Word, row: Entry) -> WordEntry:
    """Rebuild the typed entry from its stored row."""
    return WordEntry.model_validate(
        {
            "word": word.text,
            "source_lang": word.lang,
            "target_lang": row.target_lang,
            "pos": word.pos,
            "meanings": row.meanings,
            "examples": row.examples,
            "forms": row.forms,
            "source": row.source,
        }
    )
