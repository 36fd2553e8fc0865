"""Writing an import plan: the profile's words read in two queries, then the plan's changes.

New words go through the one way of adding words (`vocabulary.add_words`: shared word rows, two
direction cards, batches for 100k rows); changes to words already in the profile are updates here.
An imported entry is stored under the profile's own source (`import_source`), so it never
overwrites another learner's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from words_tui.infrastructure.db.models import ALL_TABLES, Profile
from words_tui.services.transfer.cards import load_cards, update_cards
from words_tui.services.transfer.plan import Change, ExistingWord, Plan, stored_key
from words_tui.services.vocabulary import (
    NewWord,
    add_words,
    dump_examples,
    dump_meanings,
    ensure_words,
    import_source,
    save_entries,
)

WORDS: Table = ALL_TABLES.tables["words"]
ENTRIES: Table = ALL_TABLES.tables["entries"]
USER_WORDS: Table = ALL_TABLES.tables["user_words"]
Progress = Callable[[int, int], None]


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


async def write_plan(
    session: AsyncSession,
    profile: Profile,
    plan: Plan,
    now: datetime,
    progress: Progress | None = None,
) -> None:
    """Apply the plan inside the caller's transaction: changes to the profile's words first, then
    the new words through the one way of adding words (`vocabulary.add_words`)."""
    assert profile.id is not None
    changed = [c for c in plan.changes if c.existing is not None]
    await _update_words(session, profile, changed, plan.adopted_keys, now)
    await update_cards(session, plan)
    new = [_new_word(c, import_source(profile.id)) for c in plan.changes if c.existing is None]
    if not new:
        return

    def written(done: int, _total: int) -> None:
        if progress is not None:
            progress(len(changed) + done, len(plan.changes))

    await add_words(session, profile, new, now, written)


def _new_word(change: Change, source: str) -> NewWord:
    record = change.record
    return NewWord(
        text=record.word,
        meanings=change.meanings,
        source=source,
        pos=change.identity[1],
        norm=change.identity[0],
        examples=change.examples,
        forms=change.forms,
        cefr=record.cefr,
        notes=change.notes,
        tags=change.tags,
        ext_key=stored_key(record.key),
        status=change.status,
        added_at=record.added_at,
        cards=[card for card, _ in change.cards] if change.cards else (),
    )


async def _update_words(
    session: AsyncSession,
    profile: Profile,
    changes: list[Change],
    adopted_keys: list[tuple[int, str]],
    now: datetime,
) -> None:
    """Write what changed in words already in the profile: a renamed word's shared row, the
    profile's imported entry, the user word's meanings, notes, tags and status, adopted keys."""
    assert profile.id is not None
    renamed = {c.identity: (c.record.word, c.record.cefr, None) for c in changes if c.renamed}
    word_ids = {c.identity: c.existing.word_id for c in changes if c.existing and not c.renamed}
    if renamed:
        word_ids.update((await ensure_words(session, profile.target_lang, renamed))[0])
    entry_ids = await save_entries(
        session,
        [
            {
                "word_id": word_ids[c.identity],
                "target_lang": profile.native_lang,
                "source": import_source(profile.id),
                "created_at": now,
                "meanings": dump_meanings(c.meanings),
                "examples": dump_examples(c.examples),
                "forms": c.forms,
            }
            for c in changes
            if c.entry_changed
        ],
    )
    rows = [
        {
            "b_id": c.existing.user_word_id,
            "word_id": word_ids[c.identity],
            "entry_id": entry_ids.get(word_ids[c.identity], c.existing.entry_id),
            "meanings": [m.text for m in c.meanings],
            "notes": c.notes,
            "tags": c.tags,
            "status": c.status,
        }
        for c in changes
        if c.existing is not None and c.word_changed
    ]
    rows_by_key = [{"b_id": uid, "ext_key": key} for uid, key in adopted_keys]
    for values in (rows, rows_by_key):
        if values:
            await session.execute(
                update(USER_WORDS).where(USER_WORDS.c.id == bindparam("b_id")), values
            )
