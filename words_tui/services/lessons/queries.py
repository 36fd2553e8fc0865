"""The reads a lesson needs, kept to a few indexed queries so a lesson starts in milliseconds.

The candidates' query is in `candidates`; here are the profile, today's answers, the picked
cards' details and the words multiple-choice options are drawn from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    CursorResult,
    Result,
    Select,
    Table,
    and_,
    bindparam,
    func,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.enums import Stage
from words_tui.domain.lesson_policy import OptionWord
from words_tui.domain.text import word_key
from words_tui.errors import Explained
from words_tui.infrastructure.db.models import ALL_TABLES, Entry, Profile, Word

# Hot statements are built once with bound parameters: SQLAlchemy takes longer to construct a
# statement with subqueries than SQLite takes to run it.
CARDS: Table = ALL_TABLES.tables["cards"]
USER_WORDS: Table = ALL_TABLES.tables["user_words"]
WORDS: Table = ALL_TABLES.tables["words"]
ENTRIES: Table = ALL_TABLES.tables["entries"]
REVIEWS: Table = ALL_TABLES.tables["reviews"]
LESSONS: Table = ALL_TABLES.tables["lessons"]


def inserted_id(result: Result[Any]) -> int:
    """The id of the row an `INSERT` without RETURNING added (SQLite's lastrowid, or the id
    PostgreSQL returned): on SQLite this saves the fetch a RETURNING clause costs."""
    key = cast(CursorResult[Any], result).inserted_primary_key
    assert key is not None
    return int(key[0])


class LessonError(Explained, LookupError):
    """A lesson cannot go on as asked (unknown profile, a card not in the lesson, nothing to undo)."""


async def load_profile(session: AsyncSession, profile_id: int) -> Profile:
    profile = await session.get(Profile, profile_id)
    if profile is None:
        raise LessonError(f"no profile with id {profile_id}")
    return profile


_ANSWERS_TODAY = select(
    select(func.count(REVIEWS.c.id))
    .where(
        REVIEWS.c.profile_id == bindparam("profile"),
        REVIEWS.c.reviewed_at >= bindparam("since"),
        REVIEWS.c.mode == int(Stage.TYPING),
        REVIEWS.c.rating > 0,
    )
    .scalar_subquery(),
    select(func.coalesce(func.sum(LESSONS.c.new_words), 0))
    .where(LESSONS.c.profile_id == bindparam("profile"), LESSONS.c.started_at >= bindparam("since"))
    .scalar_subquery(),
)


async def answers_today(session: AsyncSession, profile_id: int, since: datetime) -> tuple[int, int]:
    """(typed reviews rated by FSRS, new cards introduced) since the start of the learner's
    day, in one query."""
    params = {"profile": profile_id, "since": since}
    reviews, new = (await session.execute(_ANSWERS_TODAY, params)).one()
    return int(reviews), int(new)


@dataclass(frozen=True, slots=True)
class CardDetails:
    """What a lesson shows of one card: its row's few fields, its word and its entry."""

    card_id: int
    user_word_id: int
    word_id: int
    direction: int
    stage: int
    last_review: datetime | None
    accepted_extra: list[str]
    meanings: list[str]
    headword: str
    lang: str
    pos: str
    level: str | None
    translations: list[str]
    examples: list[dict[str, str]]
    forms: dict[str, str]


_CARD_DETAILS = (
    select(
        CARDS.c.id,
        CARDS.c.user_word_id,
        USER_WORDS.c.word_id,
        CARDS.c.direction,
        CARDS.c.stage,
        CARDS.c.last_review,
        CARDS.c.accepted_extra,
        USER_WORDS.c.meanings,
        WORDS.c.text,
        WORDS.c.lang,
        WORDS.c.pos,
        WORDS.c.cefr,
        ENTRIES.c.meanings,
        ENTRIES.c.examples,
        ENTRIES.c.forms,
    )
    .join(USER_WORDS, USER_WORDS.c.id == CARDS.c.user_word_id)
    .join(WORDS, WORDS.c.id == USER_WORDS.c.word_id)
    .outerjoin(ENTRIES, ENTRIES.c.id == USER_WORDS.c.entry_id)
    .where(CARDS.c.id.in_(bindparam("cards", expanding=True)))
)


async def card_details(session: AsyncSession, card_ids: Sequence[int]) -> dict[int, CardDetails]:
    """The cards' details by card id; plain columns, as ORM objects cost more than the query."""
    found: dict[int, CardDetails] = {}
    for row in (await session.execute(_CARD_DETAILS, {"cards": list(card_ids)})).all():
        card_id, user_word_id, word_id, direction, stage, last_review, extra, meanings = row[:8]
        headword, lang, pos, level, entry_meanings, examples, forms = row[8:]
        found[card_id] = CardDetails(
            card_id=card_id,
            user_word_id=user_word_id,
            word_id=word_id,
            direction=direction,
            stage=stage,
            last_review=last_review,
            accepted_extra=list(extra),
            meanings=list(meanings),
            headword=headword,
            lang=lang,
            pos=pos,
            level=level,
            translations=[m["text"] for m in entry_meanings or [] if m.get("text")],
            examples=list(examples or []),
            forms=dict(forms or {}),
        )
    return found


def _option_words(rows: Sequence[Any], profile_id: int) -> list[OptionWord]:
    return [
        OptionWord(word_id, text, tuple(meanings), pos, cefr)
        for owner, word_id, text, pos, cefr, meanings in rows
        if owner == profile_id and word_id is not None
    ]


def _vocabulary_query() -> Select[Any]:
    return select(
        USER_WORDS.c.profile_id,
        WORDS.c.id,
        WORDS.c.text,
        WORDS.c.pos,
        WORDS.c.cefr,
        USER_WORDS.c.meanings,
    ).join(WORDS, WORDS.c.id == USER_WORDS.c.word_id)


_VOCABULARY_OPTIONS = _vocabulary_query().where(
    USER_WORDS.c.id.in_(bindparam("user_words", expanding=True))
)


async def vocabulary_options(
    session: AsyncSession, profile_id: int, user_word_ids: Sequence[int]
) -> list[OptionWord]:
    """These user words of the profile as option words.

    Looked up by primary key only (the owner is checked on the rows): a filter on the profile
    would make SQLite walk the whole vocabulary through the profile index instead.
    """
    rows = await session.execute(_VOCABULARY_OPTIONS, {"user_words": list(user_word_ids)})
    return _option_words(rows.all(), profile_id)


async def vocabulary_near(
    session: AsyncSession, profile_id: int, after_id: int, limit: int
) -> list[OptionWord]:
    """Up to `limit` of the profile's words added after user word `after_id` (then from the
    start): a primary-key range, fast however large the vocabulary."""
    query = _vocabulary_query().order_by(USER_WORDS.c.id).limit(limit)
    rows = list((await session.execute(query.where(USER_WORDS.c.id > after_id))).all())
    if len(rows) < limit:
        rows += (await session.execute(query.where(USER_WORDS.c.id <= after_id))).all()
    return _option_words(rows, profile_id)


async def shared_options(
    session: AsyncSession, target_lang: str, native_lang: str, after: str, limit: int
) -> list[OptionWord]:
    """Option words from the shared dictionary (the starter vocabulary, other learners' words)
    for a vocabulary still too small to make four options: the words alphabetically after
    `after` (a word key), which walks the (lang, norm) index and yields look-alike options."""
    query = (
        select(col(Word.id), col(Word.text), col(Word.pos), col(Word.cefr), col(Entry.meanings))
        .join(
            Entry, and_(col(Entry.word_id) == col(Word.id), col(Entry.target_lang) == native_lang)
        )
        .where(col(Word.lang) == target_lang)
    )
    rows = list(
        (
            await session.execute(
                query.where(col(Word.norm) > after).order_by(col(Word.norm)).limit(limit)
            )
        ).all()
    )
    if len(rows) < limit:
        rows += (
            await session.execute(query.order_by(col(Word.norm)).limit(limit - len(rows)))
        ).all()
    return [
        OptionWord(w, text, tuple(m["text"] for m in meanings if m.get("text")), pos, cefr)
        for w, text, pos, cefr, meanings in rows
        if w is not None
    ]


_VOCABULARY_WORD = (
    select(WORDS.c.text, USER_WORDS.c.meanings)
    .join(WORDS, WORDS.c.id == USER_WORDS.c.word_id)
    .where(
        USER_WORDS.c.profile_id == bindparam("profile"),
        WORDS.c.lang == bindparam("lang"),
        WORDS.c.norm.in_(bindparam("keys", expanding=True)),
    )
    .limit(1)
)


async def vocabulary_word(
    session: AsyncSession, profile_id: int, lang: str, texts: Sequence[str]
) -> tuple[str, list[str]] | None:
    """The profile's word in `lang` stored under any of these texts, with its chosen meanings."""
    keys = sorted({word_key(text) for text in texts if text.strip()})
    if not keys:
        return None
    params = {"profile": profile_id, "lang": lang, "keys": keys}
    row = (await session.execute(_VOCABULARY_WORD, params)).first()
    return None if row is None else (str(row[0]), list(row[1]))
