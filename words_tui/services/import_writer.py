"""Writing an import plan in batches: words, entries, user words and cards with Core statements.

`store.add_to_profile` does one word at a time with several round trips; a 100k-row list needs
batches. This is the same operation in bulk and keeps its rules: a word is shared by language,
normalised text and part of speech, every user word gets exactly its two direction cards, and an
imported entry is stored under the profile's own source so it never overwrites another learner's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from words_tui.domain.enums import Direction, Stage
from words_tui.infrastructure.importers import CardProgress
from words_tui.infrastructure.models import ALL_TABLES, Profile
from words_tui.services.import_plan import Change, ExistingCard, ExistingWord, Identity, Plan

BATCH = 5_000
WORDS: Table = ALL_TABLES.tables["words"]
ENTRIES: Table = ALL_TABLES.tables["entries"]
USER_WORDS: Table = ALL_TABLES.tables["user_words"]
CARDS: Table = ALL_TABLES.tables["cards"]
CARD_FIELDS = (
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
    "stage",
    "active",
    "consecutive_correct",
    "choice_correct",
)
T = TypeVar("T")
Progress = Callable[[int, int], None]


def import_source(profile_id: int) -> str:
    """The entry source of words a profile imported: private to it, like its own notes."""
    return f"import:p{profile_id}"


def _chunks(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _progress_of(row: Any) -> CardProgress:
    return CardProgress(
        direction=Direction(row.direction),
        **{name: getattr(row, name) for name in CARD_FIELDS},
        accepted_extra=tuple(row.accepted_extra or ()),
    )


async def load_existing(session: AsyncSession, profile_id: int) -> list[ExistingWord]:
    """Every word of the profile with its entry and cards, in two queries."""
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
    words = {
        row.id: ExistingWord(
            user_word_id=row.id,
            word_id=row.word_id,
            norm=row.norm,
            pos=row.pos,
            ext_key=row.ext_key,
            entry_id=row.entry_id,
            chosen=list(row.meanings),
            entry_meanings=list(row.entry_meanings or []),
            examples=list(row.examples or []),
            forms=dict(row.forms or {}),
            notes=row.notes,
            tags=list(row.tags),
            status=row.status,
            text=row.text,
            cefr=row.cefr,
            added_at=row.added_at,
        )
        for row in await session.execute(query)
    }
    cards = select(CARDS).where(CARDS.c.profile_id == profile_id)
    for row in await session.execute(cards):
        word = words.get(row.user_word_id)
        if word is not None:
            word.cards[Direction(row.direction)] = ExistingCard(row.id, _progress_of(row))
    return list(words.values())


async def _ensure_words(
    session: AsyncSession, lang: str, wanted: dict[Identity, tuple[str, str | None]]
) -> dict[Identity, int]:
    """Ids of the words (identity → display text, CEFR), inserting the missing ones."""
    ids: dict[Identity, int] = {}
    missing_cefr: list[dict[str, Any]] = []
    norms = sorted({norm for norm, _ in wanted})
    for chunk in _chunks(norms):
        query = select(WORDS.c.id, WORDS.c.norm, WORDS.c.pos, WORDS.c.cefr).where(
            WORDS.c.lang == lang, WORDS.c.norm.in_(chunk)
        )
        for row in await session.execute(query):
            identity = (row.norm, row.pos)
            if identity in wanted:
                ids[identity] = row.id
                cefr = wanted[identity][1]
                if row.cefr is None and cefr:
                    missing_cefr.append({"b_id": row.id, "cefr": cefr})
    if missing_cefr:
        statement = (
            update(WORDS).where(WORDS.c.id == bindparam("b_id")).values(cefr=bindparam("cefr"))
        )
        await session.execute(statement, missing_cefr)
    new = [
        {"lang": lang, "text": text, "norm": norm, "pos": pos, "cefr": cefr, "freq_rank": None}
        for (norm, pos), (text, cefr) in wanted.items()
        if (norm, pos) not in ids
    ]
    insert_words = insert(WORDS).returning(
        WORDS.c.id, WORDS.c.norm, WORDS.c.pos, sort_by_parameter_order=True
    )
    for batch in _chunks(new):
        for row in await session.execute(insert_words, list(batch)):
            ids[(row.norm, row.pos)] = row.id
    return ids


async def _write_entries(
    session: AsyncSession,
    profile: Profile,
    changes: list[Change],
    word_ids: dict[Identity, int],
    now: datetime,
) -> dict[Identity, int]:
    """The profile's imported entry for each changed word, updated in place or inserted."""
    assert profile.id is not None
    source = import_source(profile.id)
    content = {
        word_ids[c.identity]: {
            "meanings": [m.model_dump() for m in c.meanings],
            "examples": [e.model_dump() for e in c.examples],
            "forms": c.forms,
        }
        for c in changes
    }
    stored: dict[int, int] = {}
    for chunk in _chunks(sorted(content)):
        query = select(ENTRIES.c.id, ENTRIES.c.word_id).where(
            ENTRIES.c.word_id.in_(chunk),
            ENTRIES.c.target_lang == profile.native_lang,
            ENTRIES.c.source == source,
        )
        stored.update({row.word_id: row.id for row in await session.execute(query)})
    updates = [{"b_id": stored[w], **values} for w, values in content.items() if w in stored]
    if updates:
        statement = update(ENTRIES).where(ENTRIES.c.id == bindparam("b_id"))
        await session.execute(statement, updates)
    inserts = [
        {
            "word_id": w,
            "target_lang": profile.native_lang,
            "source": source,
            "created_at": now,
            **values,
        }
        for w, values in content.items()
        if w not in stored
    ]
    insert_entries = insert(ENTRIES).returning(
        ENTRIES.c.id, ENTRIES.c.word_id, sort_by_parameter_order=True
    )
    for batch in _chunks(inserts):
        rows = await session.execute(insert_entries, list(batch))
        stored.update({row.word_id: row.id for row in rows})
    by_word = {w: i for i, w in word_ids.items()}
    return {by_word[w]: entry for w, entry in stored.items()}


def _card_values(progress: CardProgress) -> dict[str, Any]:
    values = {name: getattr(progress, name) for name in CARD_FIELDS}
    values["accepted_extra"] = list(progress.accepted_extra)
    return values


def _new_cards(
    change: Change, user_word_id: int, profile_id: int, now: datetime
) -> list[dict[str, Any]]:
    given = {progress.direction: progress for progress, _ in change.cards}
    rows = []
    for direction in Direction:
        progress = given.get(direction) or CardProgress(
            direction, 0, due=now, stage=int(Stage.CHOICE)
        )
        rows.append(
            {
                "user_word_id": user_word_id,
                "profile_id": profile_id,
                "direction": int(direction),
                **_card_values(progress),
            }
        )
    return rows


async def write_plan(
    session: AsyncSession,
    profile: Profile,
    plan: Plan,
    now: datetime,
    progress: Progress | None = None,
) -> None:
    """Apply the plan inside the caller's transaction."""
    assert profile.id is not None
    changed_words = [c for c in plan.changes if c.existing is None or c.renamed]
    wanted = {c.identity: (c.record.word, c.record.cefr) for c in changed_words}
    word_ids = await _ensure_words(session, profile.target_lang, wanted)
    for change in plan.changes:
        if change.existing is not None and not change.renamed:
            word_ids[change.identity] = change.existing.word_id
    entry_changes = [c for c in plan.changes if c.existing is None or c.entry_changed]
    entry_ids = await _write_entries(session, profile, entry_changes, word_ids, now)
    await _update_user_words(session, plan, word_ids, entry_ids)
    await _update_cards(session, plan)
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


async def _update_cards(session: AsyncSession, plan: Plan) -> None:
    rows = [
        {"b_id": card_id, **_card_values(progress)}
        for change in plan.changes
        if change.existing is not None
        for progress, card_id in change.cards
        if card_id is not None
    ]
    if rows:
        await session.execute(update(CARDS).where(CARDS.c.id == bindparam("b_id")), rows)


async def _create_user_words(
    session: AsyncSession,
    profile: Profile,
    plan: Plan,
    word_ids: dict[Identity, int],
    entry_ids: dict[Identity, int],
    now: datetime,
    progress: Progress | None,
) -> None:
    assert profile.id is not None
    new = [c for c in plan.changes if c.existing is None]
    statement = insert(USER_WORDS).returning(USER_WORDS.c.id, sort_by_parameter_order=True)
    done = len(plan.changes) - len(new)
    for chunk in _chunks(new):
        rows = [
            {
                "profile_id": profile.id,
                "word_id": word_ids[c.identity],
                "entry_id": entry_ids[c.identity],
                "meanings": [m.text for m in c.meanings],
                "status": c.status,
                "ext_key": c.record.key,
                "notes": c.notes,
                "tags": c.tags,
                "added_at": c.record.added_at or now,
            }
            for c in chunk
        ]
        ids = [row.id for row in await session.execute(statement, rows)]
        cards = [
            row
            for c, uid in zip(chunk, ids, strict=True)
            for row in _new_cards(c, uid, profile.id, now)
        ]
        await session.execute(insert(CARDS), cards)
        done += len(chunk)
        if progress is not None:
            progress(done, len(plan.changes))
