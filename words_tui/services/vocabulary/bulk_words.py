"""Adding thousands of words to a profile in a handful of statements.

`store.add_to_profile` is the one-word path (a few queries per word). A level bootstrap adds up to a
few thousand words at once, so it inserts words, entries, user words and cards as lists of rows with
"insert, ignore conflicts" — which also makes two learners bootstrapping the same language on one
PostgreSQL database safe: the shared `words` rows are created once whoever comes first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.entries import WordEntry
from words_tui.domain.enums import Direction, WordStatus
from words_tui.domain.text import clean_text, word_key
from words_tui.infrastructure.db.bulk import chunks, insert_ignoring_conflicts, upsert
from words_tui.infrastructure.db.models import Card, Entry, Profile, UserWord, Word


@dataclass(frozen=True)
class NewWord:
    """A headword to add with the entry it is learnt from and where it sits in the curriculum."""

    entry: WordEntry
    cefr: str | None = None
    freq_rank: int | None = None


@dataclass(frozen=True)
class BulkAdded:
    """How many words joined the profile and how many were in it already."""

    added: int
    already: int


async def _ids(
    session: AsyncSession,
    query: Callable[[list[Any]], Select[*tuple[Any, ...]]],
    values: Sequence[Any],
) -> dict[Any, int]:
    """Run `query` over `values` in chunks; each row is (key columns..., id) → {key: id}."""
    found: dict[Any, int] = {}
    for chunk in chunks(values):
        for row in (await session.execute(query(list(chunk)))).all():
            *key, row_id = row
            found[key[0] if len(key) == 1 else tuple(key)] = row_id
    return found


async def _entry_ids(
    session: AsyncSession, pairs: list[tuple[int, WordEntry]], target_lang: str, source: str
) -> dict[int, int]:
    return await _ids(
        session,
        lambda ids: select(col(Entry.word_id), col(Entry.id)).where(
            col(Entry.word_id).in_(ids),
            col(Entry.target_lang) == target_lang,
            col(Entry.source) == source,
        ),
        [word_id for word_id, _ in pairs],
    )


async def _user_word_ids(
    session: AsyncSession, profile_id: int, word_ids: list[int]
) -> dict[int, int]:
    return await _ids(
        session,
        lambda ids: select(col(UserWord.word_id), col(UserWord.id)).where(
            col(UserWord.profile_id) == profile_id, col(UserWord.word_id).in_(ids)
        ),
        word_ids,
    )


async def add_words(
    session: AsyncSession, profile: Profile, words: Sequence[NewWord], now: datetime
) -> BulkAdded:
    """Add every word (headwords in the profile's target language) with both direction cards.

    Words are added in the given order (which the lesson engine follows when it introduces new
    words); repeated headwords keep their first entry; words already in the profile are counted,
    not touched. Entries are refreshed per source so a newer starter table replaces the old text.
    """
    assert profile.id is not None
    unique: dict[tuple[str, str], NewWord] = {}
    for item in words:
        entry = item.entry
        if (entry.source_lang, entry.target_lang) != (profile.target_lang, profile.native_lang):
            raise ValueError(
                f"'{entry.word}' ({entry.source_lang}→{entry.target_lang}) does not fit a profile "
                f"learning {profile.target_lang} from {profile.native_lang}"
            )
        if not entry.translations:
            raise ValueError(f"'{entry.word}' has no translation to learn")
        unique.setdefault((word_key(item.entry.word), item.entry.pos), item)
    keys = list(unique)
    lang = profile.target_lang
    await insert_ignoring_conflicts(
        session,
        Word,
        [
            {
                "lang": lang,
                "text": clean_text(item.entry.word),
                "norm": norm,
                "pos": pos,
                "cefr": item.cefr,
                "freq_rank": item.freq_rank,
            }
            for (norm, pos), item in unique.items()
        ],
    )
    word_ids = await _ids(
        session,
        lambda norms: select(col(Word.norm), col(Word.pos), col(Word.id)).where(
            col(Word.lang) == lang, col(Word.norm).in_(norms)
        ),
        sorted({norm for norm, _ in keys}),
    )
    ordered = [word_ids[key] for key in keys]
    existing = await _user_word_ids(session, profile.id, ordered)
    fresh = [(key, word_ids[key]) for key in keys if word_ids[key] not in existing]
    by_source: dict[str, list[tuple[int, WordEntry]]] = {}
    for key, word_id in fresh:
        entry = unique[key].entry
        by_source.setdefault(entry.source, []).append((word_id, entry))
    entry_ids: dict[int, int] = {}
    for source, pairs in by_source.items():
        await upsert(
            session,
            Entry,
            [
                {
                    "word_id": word_id,
                    "target_lang": entry.target_lang,
                    "source": source,
                    "meanings": [m.model_dump() for m in entry.meanings],
                    "examples": [e.model_dump() for e in entry.examples],
                    "forms": dict(entry.forms),
                    "created_at": now,
                }
                for word_id, entry in pairs
            ],
            keys=("word_id", "target_lang", "source"),
            refresh=("meanings", "examples", "forms"),
        )
        entry_ids.update(await _entry_ids(session, pairs, profile.native_lang, source))
    await insert_ignoring_conflicts(
        session,
        UserWord,
        [
            {
                "profile_id": profile.id,
                "word_id": word_id,
                "entry_id": entry_ids.get(word_id),
                "meanings": unique[key].entry.translations,
                "status": int(WordStatus.NEW),
                "notes": "",
                "tags": [],
                "added_at": now,
            }
            for key, word_id in fresh
        ],
    )
    created = await _user_word_ids(session, profile.id, [word_id for _, word_id in fresh])
    await insert_ignoring_conflicts(
        session,
        Card,
        [
            {
                "user_word_id": created[word_id],
                "profile_id": profile.id,
                "direction": int(direction),
                "due": now,
                "accepted_extra": [],
            }
            for _, word_id in fresh
            for direction in Direction
        ],
    )
    return BulkAdded(added=len(fresh), already=len(existing))
