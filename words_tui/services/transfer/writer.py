"""Writing an import plan in batches: words, entries, user words and cards with Core statements.

`store.add_to_profile` does one word at a time with several round trips; a 100k-row list needs
batches. This is the same operation in bulk and keeps its rules: a word is shared by language,
normalised text and part of speech, every user word gets exactly its two direction cards, and an
imported entry is stored under the profile's own source so it never overwrites another learner's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import (
    Row,
    Select,
    Table,
    bindparam,
    insert,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from words_tui.infrastructure.db.bulk import LARGE_BATCH, chunks, insert_statement
from words_tui.infrastructure.db.models import ALL_TABLES, Profile
from words_tui.services.transfer.cards import (
    CARDS,
    card_values,
    create_default_cards,
    load_cards,
    update_cards,
)
from words_tui.services.transfer.plan import (
    Change,
    ExistingWord,
    Identity,
    Plan,
    dump_examples,
    dump_meanings,
    stored_key,
)

WORDS: Table = ALL_TABLES.tables["words"]
ENTRIES: Table = ALL_TABLES.tables["entries"]
USER_WORDS: Table = ALL_TABLES.tables["user_words"]
T = TypeVar("T")
AnyRow = Row[*tuple[Any, ...]]
Progress = Callable[[int, int], None]


def import_source(profile_id: int) -> str:
    """The entry source of words a profile imported: private to it, like its own notes."""
    return f"import:p{profile_id}"


async def load_existing(
    session: AsyncSession, profile_id: int, *, with_cards: bool = True
) -> list[ExistingWord]:
    """Every word of the profile with its entry (and cards, unless not needed), in two queries."""
    query = (
        select(
            USER_WORDS.c.id,
            USER_WORDS.c.word_id,
            USER_WORDS.c.entry_id,
            USER_WORDS.c.meanings,
            USER_WORDS.c.status,
            USER_WORDS.c.ext_key,
            USER_WORDS.c.notes,
            USER_WORDS.c.tags,
            USER_WORDS.c.added_at,
            WORDS.c.norm,
            WORDS.c.pos,
            WORDS.c.text,
            WORDS.c.cefr,
            ENTRIES.c.meanings.label("entry_meanings"),
            ENTRIES.c.examples,
            ENTRIES.c.forms,
        )
        .join(WORDS, WORDS.c.id == USER_WORDS.c.word_id)
        .outerjoin(ENTRIES, ENTRIES.c.id == USER_WORDS.c.entry_id)
        .where(USER_WORDS.c.profile_id == profile_id)
        .order_by(USER_WORDS.c.added_at, USER_WORDS.c.id)
    )
    words: dict[int, ExistingWord] = {}
    for row in await session.execute(query):
        uid, word_id, entry_id, chosen, status, key, notes, tags, added_at, *rest = row
        norm, pos, text, cefr, entry_meanings, examples, forms = rest
        words[uid] = ExistingWord(
            user_word_id=uid,
            word_id=word_id,
            norm=norm,
            pos=pos,
            ext_key=key,
            entry_id=entry_id,
            chosen=chosen,
            entry_meanings=entry_meanings or [],
            examples=examples or [],
            forms=forms or {},
            notes=notes,
            tags=tags,
            status=status,
            text=text,
            cefr=cefr,
            added_at=added_at,
        )
    if with_cards:
        await load_cards(session, profile_id, words)
    return list(words.values())


async def _select(
    session: AsyncSession, query: Callable[[Sequence[Any]], Select[Any]], values: Sequence[Any]
) -> list[AnyRow]:
    """Run `query` over `values` in chunks (an IN list per chunk) and gather the rows."""
    rows: list[AnyRow] = []
    for chunk in chunks(sorted(set(values)), LARGE_BATCH):
        rows.extend(await session.execute(query(chunk)))
    return rows


async def _insert(session: AsyncSession, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    for chunk in chunks(rows, LARGE_BATCH):
        await session.execute(insert(table), list(chunk))


async def _insert_returning(
    session: AsyncSession, statement: Any, rows: Sequence[dict[str, Any]]
) -> list[AnyRow]:
    """Batch insert handing back the RETURNING rows (in no particular order: each carries its
    natural key). Reading ids back with IN lists instead is slow on PostgreSQL right after a
    large insert, before the new rows have statistics."""
    returned: list[AnyRow] = []
    for chunk in chunks(rows, LARGE_BATCH):
        returned.extend(await session.execute(statement, list(chunk)))
    return returned


async def _ensure_words(
    session: AsyncSession, lang: str, wanted: dict[Identity, tuple[str, str | None]]
) -> tuple[dict[Identity, int], set[int]]:
    """Ids of the words (identity → display text, CEFR), inserting the missing ones; also the ids
    of the words inserted now.

    Inserting first and reading back only the words that were already there costs one statement
    for a list of new words. Inserts ignore conflicts: words are shared, another learner may
    have added the same one, or may add it meanwhile.
    """
    columns = (WORDS.c.id, WORDS.c.norm, WORDS.c.pos, WORDS.c.cefr)

    def query(norms: Sequence[Any]) -> Select[Any]:
        return select(*columns).where(WORDS.c.lang == lang, WORDS.c.norm.in_(norms))

    statement = insert_statement(session, WORDS).on_conflict_do_nothing().returning(*columns)
    rows = [
        {"lang": lang, "text": text, "norm": norm, "pos": pos, "cefr": cefr, "freq_rank": None}
        for (norm, pos), (text, cefr) in wanted.items()
    ]
    inserted = await _insert_returning(session, statement, rows)
    created = {row[0] for row in inserted}
    found = {(norm, pos): (word_id, cefr) for word_id, norm, pos, cefr in inserted}
    taken = [norm for norm, pos in wanted if (norm, pos) not in found]
    for word_id, norm, pos, cefr in await _select(session, query, taken):
        found[(norm, pos)] = (word_id, cefr)
    missing_cefr = [
        {"b_id": found[identity][0], "cefr": cefr}
        for identity, (_, cefr) in wanted.items()
        if cefr and found[identity][1] is None
    ]
    if missing_cefr:
        statement = (
            update(WORDS).where(WORDS.c.id == bindparam("b_id")).values(cefr=bindparam("cefr"))
        )
        await session.execute(statement, missing_cefr)
    return {identity: found[identity][0] for identity in wanted}, created


async def _write_entries(
    session: AsyncSession,
    profile: Profile,
    changes: list[Change],
    word_ids: dict[Identity, int],
    created: set[int],
    now: datetime,
) -> dict[Identity, int]:
    """The profile's imported entry for each changed word, updated in place or inserted.

    Only words that existed before this import can have an entry to update: the ones inserted
    now (`created`) are not looked up.
    """
    assert profile.id is not None
    source, lang = import_source(profile.id), profile.native_lang
    identities = {word_ids[c.identity]: c.identity for c in changes}

    def query(ids: Sequence[Any]) -> Select[Any]:
        return select(ENTRIES.c.id, ENTRIES.c.word_id).where(
            ENTRIES.c.word_id.in_(ids), ENTRIES.c.target_lang == lang, ENTRIES.c.source == source
        )

    known = [word_id for word_id in identities if word_id not in created]
    stored = {word_id: entry_id for entry_id, word_id in await _select(session, query, known)}
    updates, inserts = [], []
    for change in changes:
        word_id = word_ids[change.identity]
        meanings, examples = dump_meanings(change.meanings), dump_examples(change.examples)
        if word_id in stored:
            updates.append(
                {
                    "b_id": stored[word_id],
                    "meanings": meanings,
                    "examples": examples,
                    "forms": change.forms,
                }
            )
        else:
            inserts.append(
                {
                    "word_id": word_id,
                    "target_lang": lang,
                    "source": source,
                    "created_at": now,
                    "meanings": meanings,
                    "examples": examples,
                    "forms": change.forms,
                }
            )
    if updates:
        statement = update(ENTRIES).where(ENTRIES.c.id == bindparam("b_id"))
        await session.execute(statement, updates)
    add = insert(ENTRIES).returning(ENTRIES.c.id, ENTRIES.c.word_id)
    for entry_id, word_id in await _insert_returning(session, add, inserts):
        stored[word_id] = entry_id
    return {identities[word_id]: entry_id for word_id, entry_id in stored.items()}


async def write_plan(
    session: AsyncSession,
    profile: Profile,
    plan: Plan,
    now: datetime,
    progress: Progress | None = None,
) -> None:
    """Apply the plan inside the caller's transaction."""
    assert profile.id is not None
    wanted = {
        c.identity: (c.record.word, c.record.cefr)
        for c in plan.changes
        if c.existing is None or c.renamed
    }
    word_ids, created = await _ensure_words(session, profile.target_lang, wanted)
    for change in plan.changes:
        if change.existing is not None and not change.renamed:
            word_ids[change.identity] = change.existing.word_id
    entry_changes = [c for c in plan.changes if c.existing is None or c.entry_changed]
    entry_ids = await _write_entries(session, profile, entry_changes, word_ids, created, now)
    await _update_user_words(session, plan, word_ids, entry_ids)
    await update_cards(session, plan)
    await _create_user_words(session, profile, plan, word_ids, entry_ids, now, progress)


async def _update_user_words(
    session: AsyncSession, plan: Plan, word_ids: dict[Identity, int], entry_ids: dict[Identity, int]
) -> None:
    rows = []
    for change in plan.changes:
        word = change.existing
        if word is None or not change.word_changed:
            continue
        rows.append(
            {
                "b_id": word.user_word_id,
                "word_id": word_ids[change.identity],
                "entry_id": entry_ids.get(change.identity, word.entry_id),
                "meanings": [m.text for m in change.meanings],
                "notes": change.notes,
                "tags": change.tags,
                "status": change.status,
            }
        )
    rows_by_key = [{"b_id": uid, "ext_key": key} for uid, key in plan.adopted_keys]
    for values in (rows, rows_by_key):
        if values:
            await session.execute(
                update(USER_WORDS).where(USER_WORDS.c.id == bindparam("b_id")), values
            )


async def _create_user_words(
    session: AsyncSession,
    profile: Profile,
    plan: Plan,
    word_ids: dict[Identity, int],
    entry_ids: dict[Identity, int],
    now: datetime,
    progress: Progress | None,
) -> None:
    """Insert the new user words; their cards come from the imported progress where a record has
    some, else from `create_default_cards` (one statement for all of them)."""
    profile_id = profile.id
    assert profile_id is not None
    new = [c for c in plan.changes if c.existing is None]
    done = len(plan.changes) - len(new)
    plain = insert(USER_WORDS)
    returning_ids = plain.returning(USER_WORDS.c.id, USER_WORDS.c.word_id)
    for chunk in chunks(new, LARGE_BATCH):
        rows = [
            {
                "profile_id": profile_id,
                "word_id": word_ids[c.identity],
                "entry_id": entry_ids[c.identity],
                "meanings": [m.text for m in c.meanings],
                "status": c.status,
                "ext_key": stored_key(c.record.key),
                "notes": c.notes,
                "tags": c.tags,
                "added_at": c.record.added_at or now,
            }
            for c in chunk
        ]
        with_progress = [c for c in chunk if c.cards]
        if not with_progress:
            await session.execute(plain, rows)
        else:
            returned = await session.execute(returning_ids, rows)
            ids = {word_id: user_word_id for user_word_id, word_id in returned}
            cards = [
                {
                    "user_word_id": ids[word_ids[c.identity]],
                    "profile_id": profile_id,
                    "direction": int(card.direction),
                    **card_values(card),
                }
                for c in with_progress
                for card, _ in c.cards
            ]
            await _insert(session, CARDS, cards)
        done += len(chunk)
        if progress is not None:
            progress(done, len(plan.changes))
    if new:
        await create_default_cards(session, profile_id, now)
