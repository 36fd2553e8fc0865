"""The few writes every use case shares: learners, words, entries, and a word joining a profile.

Importers, the lookup flow, the starter vocabulary and tests all add words through here, so a word
always gets exactly its two direction cards and is never duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.entries import WordEntry
from words_tui.domain.enums import Direction, WordStatus
from words_tui.domain.text import clean_text, word_key
from words_tui.infrastructure.db.models import Card, Entry, Profile, User, UserWord, Word
from words_tui.infrastructure.db.types import utcnow


@dataclass(frozen=True)
class Added:
    """The outcome of adding a word: the user word and whether it was new to the profile."""

    user_word: UserWord
    created: bool


async def ensure_user(session: AsyncSession, name: str) -> User:
    """The learner called `name`, created on first sight."""
    user = (await session.execute(select(User).where(col(User.name) == name))).scalar_one_or_none()
    if user is None:
        user = User(name=name)
        session.add(user)
        await session.flush()
    return user


async def ensure_word(
    session: AsyncSession,
    lang: str,
    text: str,
    pos: str = "",
    *,
    cefr: str | None = None,
    freq_rank: int | None = None,
) -> Word:
    """The shared `Word` row for (language, normalised text, part of speech)."""
    key = word_key(text)
    query = select(Word).where(col(Word.lang) == lang, col(Word.norm) == key, col(Word.pos) == pos)
    word = (await session.execute(query)).scalar_one_or_none()
    if word is None:
        word = Word(
            lang=lang, text=clean_text(text), norm=key, pos=pos, cefr=cefr, freq_rank=freq_rank
        )
        session.add(word)
        await session.flush()
    return word


async def save_entry(session: AsyncSession, word: Word, entry: WordEntry) -> Entry:
    """Store (or refresh) what `entry.source` says about `word` into `entry.target_lang`."""
    query = select(Entry).where(
        col(Entry.word_id) == word.id,
        col(Entry.target_lang) == entry.target_lang,
        col(Entry.source) == entry.source,
    )
    row = (await session.execute(query)).scalar_one_or_none()
    if row is None:
        assert word.id is not None
        row = Entry(word_id=word.id, target_lang=entry.target_lang, source=entry.source)
        session.add(row)
    row.meanings = [m.model_dump() for m in entry.meanings]
    row.examples = [e.model_dump() for e in entry.examples]
    row.forms = dict(entry.forms)
    await session.flush()
    return row


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


async def find_user_word(session: AsyncSession, profile_id: int, word_id: int) -> UserWord | None:
    query = select(UserWord).where(
        col(UserWord.profile_id) == profile_id, col(UserWord.word_id) == word_id
    )
    return (await session.execute(query)).scalar_one_or_none()


async def add_to_profile(
    session: AsyncSession,
    profile: Profile,
    entry: WordEntry,
    meanings: list[str] | None = None,
    *,
    ext_key: str | None = None,
    notes: str = "",
    tags: list[str] | None = None,
    now: datetime | None = None,
) -> Added:
    """Add the entry's headword (in the profile's target language) with both direction cards.

    `meanings` picks which translations to learn (default: all, in the entry's order). A word
    already in the profile is reported (`created=False`) and left as it is.
    """
    if entry.source_lang != profile.target_lang:
        raise ValueError(
            f"entry for '{entry.word}' is in '{entry.source_lang}', but the profile learns "
            f"'{profile.target_lang}'"
        )
    chosen = [clean_text(m) for m in (meanings if meanings is not None else entry.translations)]
    chosen = [m for m in dict.fromkeys(chosen) if m]
    if not chosen:
        raise ValueError(f"no translation chosen for '{entry.word}'")
    assert profile.id is not None
    word = await ensure_word(session, entry.source_lang, entry.word, entry.pos)
    assert word.id is not None
    existing = await find_user_word(session, profile.id, word.id)
    if existing is not None:
        return Added(existing, created=False)
    stored = await save_entry(session, word, entry)
    now = now or utcnow()
    user_word = UserWord(
        profile_id=profile.id,
        word_id=word.id,
        entry_id=stored.id,
        meanings=chosen,
        status=int(WordStatus.NEW),
        ext_key=ext_key,
        notes=notes,
        tags=list(tags or []),
        added_at=now,
    )
    session.add(user_word)
    await session.flush()
    assert user_word.id is not None
    for direction in Direction:
        session.add(
            Card(
                user_word_id=user_word.id, profile_id=profile.id, direction=int(direction), due=now
            )
        )
    await session.flush()
    return Added(user_word, created=True)
