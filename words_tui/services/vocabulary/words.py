"""Adding words to a profile: the one path, for one word (add word) or 100,000 (an import).

The rules, whoever calls (add word, level bootstraps, the notebook's commit, imports):
- a `words` row is shared by language, normalised text and part of speech, inserted once whoever
  comes first ("insert, ignore conflicts": safe when learners or processes add the same word);
- the entry a word is learnt from is stored per (word, language, source) and refreshed; imports
  pass their profile's own source, so an import never rewrites another learner's entry;
- every new user word gets exactly its two direction cards: imported progress where a source had
  some, fresh cards otherwise;
- a word named twice in one call is merged (meanings, examples, tags united), and a word already
  in the profile is reported and left as it is — never doubled.

Rows travel in batches with `INSERT … RETURNING`, so 100k words cost a handful of statements; the
JSON of meanings and examples is built as plain dicts (pydantic's dump is slow at that size).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
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

from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.domain.enums import Direction, Stage, WordStatus
from words_tui.domain.text import clean_text, word_key
from words_tui.errors import InputError
from words_tui.infrastructure.db.bulk import (
    LARGE_BATCH,
    chunks,
    insert_many,
    insert_returning,
    insert_statement,
)
from words_tui.infrastructure.db.card_rows import CARD_FIELDS as CARD_STATE_FIELDS
from words_tui.infrastructure.db.models import ALL_TABLES, Profile
from words_tui.infrastructure.db.types import UTCDateTime
from words_tui.infrastructure.importers import ImportedCard

WORDS: Table = ALL_TABLES.tables["words"]
ENTRIES: Table = ALL_TABLES.tables["entries"]
USER_WORDS: Table = ALL_TABLES.tables["user_words"]
CARDS: Table = ALL_TABLES.tables["cards"]
CARD_FIELDS = tuple(name for name in CARD_STATE_FIELDS if name != "accepted_extra")
"""The card columns progress from elsewhere carries; answers accepted by override stay local."""
Identity = tuple[str, str]
"""(normalised text, part of speech) of a word in the profile's target language."""
Progress = Callable[[int, int], None]


@dataclass(slots=True)
class NewWord:
    """A headword to add (in the profile's target language) and what the learner keeps with it.

    `text` is display text (`clean_text`), `meanings` the entry's (with notes and parts of
    speech), `chosen` the translations to learn (default: all of them, in order). `norm` may carry
    the normalised text when the caller has it.
    """

    text: str
    meanings: Sequence[Meaning]
    source: str
    pos: str = ""
    chosen: Sequence[str] | None = None
    examples: Sequence[Example] = ()
    forms: Mapping[str, str] = field(default_factory=dict)
    cefr: str | None = None
    freq_rank: int | None = None
    notes: str = ""
    tags: Sequence[str] = ()
    ext_key: str | None = None
    status: int = int(WordStatus.NEW)
    added_at: datetime | None = None
    cards: Sequence[ImportedCard] = ()
    norm: str | None = None
    languages: tuple[str, str] | None = None
    """(word's, translations') languages when known, checked against the profile's."""

    @classmethod
    def from_entry(
        cls, entry: WordEntry, chosen: Sequence[str] | None = None, **details: Any
    ) -> NewWord:
        """The entry's headword, learnt with the `chosen` translations (default: all)."""
        return cls(
            text=clean_text(entry.word),
            meanings=entry.meanings,
            source=entry.source,
            pos=entry.pos,
            chosen=chosen,
            examples=entry.examples,
            forms=entry.forms,
            languages=(entry.source_lang, entry.target_lang),
            **details,
        )

    @property
    def identity(self) -> Identity:
        return (self.norm if self.norm is not None else word_key(self.text), self.pos)

    def learnt(self) -> list[str]:
        """The translations to learn, without repeats: the chosen ones cleaned and without
        blanks, or else the meanings' (clean already: `Meaning.text` is never blank)."""
        if self.chosen is None:
            return list(dict.fromkeys(m.text for m in self.meanings))
        return [text for text in dict.fromkeys(clean_text(t) for t in self.chosen) if text]


@dataclass(frozen=True)
class AddedWords:
    """The user word of every word given (new or already there) and which were new."""

    user_words: dict[Identity, int]
    created: frozenset[Identity]
    merged: int = 0

    @property
    def added(self) -> int:
        return len(self.created)

    @property
    def already(self) -> int:
        return len(self.user_words) - len(self.created)


IMPORT_SOURCE_PREFIX = "import:p"


def import_source(profile_id: int) -> str:
    """The entry source of words a profile imported: private to it, like its own notes."""
    return f"{IMPORT_SOURCE_PREFIX}{profile_id}"


def dump_meanings(meanings: Sequence[Meaning]) -> list[dict[str, str]]:
    """The stored JSON of meanings."""
    return [{"text": m.text, "pos": m.pos, "note": m.note} for m in meanings]


def dump_examples(examples: Sequence[Example]) -> list[dict[str, str]]:
    return [{"source": e.source, "target": e.target} for e in examples]


def card_values(progress: ImportedCard) -> dict[str, Any]:
    """The `cards` columns a progress record sets."""
    values = {name: getattr(progress, name) for name in CARD_FIELDS}
    values["accepted_extra"] = list(progress.accepted_extra)
    return values


def _merged(first: NewWord, other: NewWord) -> NewWord:
    meanings = {m.text: m for m in (*first.meanings, *other.meanings)}
    return replace(
        first,
        meanings=tuple(meanings.values()),
        chosen=[*first.learnt(), *other.learnt()],
        examples=tuple(dict.fromkeys((*first.examples, *other.examples))),
        forms={**other.forms, **first.forms},
        notes="\n".join(dict.fromkeys(n for n in (first.notes, other.notes) if n)),
        tags=tuple(dict.fromkeys((*first.tags, *other.tags))),
    )


def _unique(
    profile: Profile, words: Sequence[NewWord]
) -> tuple[dict[Identity, tuple[NewWord, list[str]]], int]:
    """One word per identity with the translations to learn, repeats merged into the first;
    checks languages and that every word has a translation."""
    unique: dict[Identity, tuple[NewWord, list[str]]] = {}
    merged = 0
    pair = (profile.target_lang, profile.native_lang)
    for word in words:
        if word.languages is not None and word.languages != pair:
            source, target = word.languages
            raise InputError(
                key="error.word.wrong_pair",
                word=word.text,
                source=source,
                target=target,
                learnt=pair[0],
                native=pair[1],
            )
        identity = (word.norm if word.norm is not None else word_key(word.text), word.pos)
        if identity in unique:
            word = _merged(unique[identity][0], word)
            merged += 1
        chosen = word.learnt()
        if not chosen:
            raise InputError(key="error.word.no_translation_chosen", word=word.text)
        unique[identity] = (word, chosen)
    return unique, merged


async def add_words(
    session: AsyncSession,
    profile: Profile,
    words: Sequence[NewWord],
    now: datetime,
    progress: Progress | None = None,
) -> AddedWords:
    """Add the words, in the given order (new words are introduced in it), inside the caller's
    transaction; `progress(done, total)` after each batch of user words."""
    assert profile.id is not None
    unique, merged = _unique(profile, words)
    wanted = {key: (w.text, w.cefr, w.freq_rank) for key, (w, _) in unique.items()}
    word_ids, _ = await ensure_words(session, profile.target_lang, wanted)
    entry_ids = await save_entries(
        session,
        [
            {
                "word_id": word_ids[key],
                "target_lang": profile.native_lang,
                "source": word.source,
                "created_at": now,
                "meanings": dump_meanings(word.meanings),
                "examples": dump_examples(word.examples),
                "forms": dict(word.forms),
            }
            for key, (word, _) in unique.items()
        ],
    )
    user_words, created = await _insert_user_words(
        session, profile.id, unique, word_ids, entry_ids, now, progress
    )
    if created:
        await _fresh_cards(session, profile.id, min(created.values()), now)
    return AddedWords(user_words, frozenset(created), merged)


async def _insert_user_words(
    session: AsyncSession,
    profile_id: int,
    unique: dict[Identity, tuple[NewWord, list[str]]],
    word_ids: dict[Identity, int],
    entry_ids: dict[int, int],
    now: datetime,
    progress: Progress | None,
) -> tuple[dict[Identity, int], dict[Identity, int]]:
    """Insert the user words not in the profile yet (with any imported progress cards); return
    every word's user word id, and those of the words created now."""
    statement = (
        insert_statement(session, USER_WORDS)
        .on_conflict_do_nothing()
        .returning(USER_WORDS.c.id, USER_WORDS.c.word_id)
    )
    by_word = {word_ids[key]: key for key in unique}
    user_words: dict[Identity, int] = {}
    done = 0
    for chunk in chunks(list(unique.items()), LARGE_BATCH):
        rows = [
            {
                "profile_id": profile_id,
                "word_id": word_ids[key],
                "entry_id": entry_ids.get(word_ids[key]),
                "meanings": chosen,
                "status": word.status,
                "ext_key": word.ext_key,
                "notes": word.notes,
                "tags": list(word.tags),
                "added_at": word.added_at or now,
            }
            for key, (word, chosen) in chunk
        ]
        returned = {
            by_word[word_id]: uid
            for uid, word_id in await insert_returning(session, statement, USER_WORDS, rows)
        }
        user_words.update(returned)
        cards = [
            {
                "user_word_id": returned[key],
                "profile_id": profile_id,
                "direction": int(card.direction),
                **card_values(card),
            }
            for key, (word, _) in chunk
            if key in returned
            for card in word.cards
        ]
        if cards:
            await insert_many(session, CARDS, cards)
        done += len(chunk)
        if progress is not None:
            progress(done, len(unique))
    created = dict(user_words)
    taken = [word_ids[key] for key in unique if key not in user_words]
    for ids in chunks(taken, LARGE_BATCH):
        query = select(USER_WORDS.c.id, USER_WORDS.c.word_id).where(
            USER_WORDS.c.profile_id == profile_id, USER_WORDS.c.word_id.in_(ids)
        )
        user_words.update({by_word[word_id]: uid for uid, word_id in await session.execute(query)})
    return user_words, created


async def _fresh_cards(
    session: AsyncSession, profile_id: int, first_user_word: int, now: datetime
) -> None:
    """Both direction cards for every user word of the profile from `first_user_word` on that
    still misses one, in one INSERT … SELECT instead of two rows per word through Python."""
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
        .where(USER_WORDS.c.profile_id == profile_id, USER_WORDS.c.id >= first_user_word, missing)
    )
    columns = ["user_word_id", "profile_id", "direction", "due", "active", "accepted_extra"]
    await session.execute(insert(CARDS).from_select([*columns, *values], source))


async def ensure_words(
    session: AsyncSession,
    lang: str,
    wanted: Mapping[Identity, tuple[str, str | None, int | None]],
) -> tuple[dict[Identity, int], set[int]]:
    """Ids of the shared words (identity → display text, CEFR band, frequency rank), inserting
    the missing ones; also the ids inserted now.

    Inserting first and reading back only the words that were already there costs one statement
    for a list of new words. A band the stored word lacks is filled in.
    """
    columns = (WORDS.c.id, WORDS.c.norm, WORDS.c.pos, WORDS.c.cefr)
    statement = insert_statement(session, WORDS).on_conflict_do_nothing().returning(*columns)
    rows = [
        {"lang": lang, "text": text, "norm": norm, "pos": pos, "cefr": cefr, "freq_rank": rank}
        for (norm, pos), (text, cefr, rank) in wanted.items()
    ]
    found: dict[Identity, tuple[int, str | None]] = {}
    for chunk in chunks(rows, LARGE_BATCH):
        for word_id, norm, pos, cefr in await insert_returning(session, statement, WORDS, chunk):
            found[(norm, pos)] = (word_id, cefr)
    created = {word_id for word_id, _ in found.values()}
    taken = sorted({norm for norm, pos in wanted if (norm, pos) not in found})
    for norms in chunks(taken, LARGE_BATCH):
        query = select(*columns).where(WORDS.c.lang == lang, WORDS.c.norm.in_(norms))
        for word_id, norm, pos, cefr in await session.execute(query):
            found[(norm, pos)] = (word_id, cefr)
    missing_band = [
        {"b_id": found[key][0], "cefr": cefr}
        for key, (_, cefr, _) in wanted.items()
        if cefr and found[key][1] is None
    ]
    if missing_band:
        statement = (
            update(WORDS).where(WORDS.c.id == bindparam("b_id")).values(cefr=bindparam("cefr"))
        )
        await session.execute(statement, missing_band)
    return {key: found[key][0] for key in wanted}, created


async def save_entries(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> dict[int, int]:
    """Store entries (a row per word: word_id, target_lang, source, meanings, examples, forms,
    created_at), refreshing the content of those already stored; word id → entry id."""
    statement = insert_statement(session, ENTRIES)
    statement = statement.on_conflict_do_update(
        index_elements=["word_id", "target_lang", "source"],
        set_={name: statement.excluded[name] for name in ("meanings", "examples", "forms")},
    ).returning(ENTRIES.c.id, ENTRIES.c.word_id)
    stored: dict[int, int] = {}
    for chunk in chunks(rows, LARGE_BATCH):
        returned = await insert_returning(session, statement, ENTRIES, chunk)
        stored.update({word_id: entry_id for entry_id, word_id in returned})
    return stored
