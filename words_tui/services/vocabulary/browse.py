"""A profile's vocabulary: browse, search and filter page by page; edit, suspend, delete, reset.

Paging is keyset-based (the page after the last row seen, never OFFSET), so the hundredth page
costs what the first does even at 100k words: the added order walks the primary key, the
alphabetical order walks the `(lang, norm)` unique index of `words`. Every query filters by the
profile, and a word id from another profile behaves as if it did not exist.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, Text, and_, cast, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.enums import CardState, Direction, Stage, WordStatus
from words_tui.domain.scheduling import CardProgress, SchedulingConfig, word_status
from words_tui.domain.text import clean_text, word_key
from words_tui.errors import Explained, InputError
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Profile, Review, UserWord, Word
from words_tui.infrastructure.db.rollups import discount_cards
from words_tui.infrastructure.db.tags import tagged
from words_tui.infrastructure.db.types import utcnow
from words_tui.services.vocabulary.progress import reset_words

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
LAST_CHAR = "\U0010ffff"


class WordNotFound(Explained, LookupError):
    """The word is not in this profile's vocabulary."""


class Order(StrEnum):
    """How a vocabulary listing is sorted."""

    ADDED = "added"
    ALPHABETICAL = "alphabetical"


@dataclass(frozen=True)
class VocabularyFilter:
    """Which words to list. `search` matches the start of the word or part of a chosen meaning."""

    search: str = ""
    status: WordStatus | None = None
    level: str | None = None
    tag: str | None = None
    """Only words carrying this tag (an import's file, a Kindle book, the learner's own)."""


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts (opaque: pass `Page.next_cursor` back as it is).

    The added order resumes after a user-word id; the alphabetical order after a
    (normalised word, part of speech, word id) position in the `words` index.
    """

    row_id: int
    norm: str = ""
    pos: str = ""


@dataclass(frozen=True)
class VocabularyItem:
    """One word of the vocabulary as a list shows it."""

    user_word_id: int
    word: str
    pos: str
    cefr: str | None
    meanings: tuple[str, ...]
    status: WordStatus
    added_at: datetime
    next_due: datetime | None
    reps: int
    lapses: int


@dataclass(frozen=True)
class Page:
    """One page of words and the cursor of the next page (None on the last page)."""

    items: tuple[VocabularyItem, ...]
    next_cursor: Cursor | None


@dataclass(frozen=True)
class ReviewRecord:
    """One answer from a word's history."""

    reviewed_at: datetime
    direction: Direction
    mode: Stage
    answer: str
    verdict: str
    rating: int
    duration_ms: int
    correction: str
    """The answer as it should have been typed, when it was right but not quite."""


def _meaning_contains(text: str) -> ColumnElement[bool]:
    """Whether a chosen meaning contains `text` (lower case), matched in the stored JSON text.

    SQLAlchemy stores JSON with `json.dumps`, non-ASCII letters as \\u escapes, so the needle
    is escaped the same way: one LIKE on both backends, no JSON parsing per row.
    """
    needle = json.dumps(text.lower())[1:-1]
    return cast(col(UserWord.meanings), Text).icontains(needle, autoescape=True)


def _conditions(profile_id: int, filters: VocabularyFilter) -> list[ColumnElement[bool]]:
    """The filters, with the owner checked as `profile_id + 0`: an expression, so the planner
    walks the order's own index (rowid or `words`) instead of every row of the profile."""
    conditions: list[ColumnElement[bool]] = [col(UserWord.profile_id) + 0 == profile_id]
    if filters.status is not None:
        conditions.append(col(UserWord.status) == int(filters.status))
    if filters.level is not None:
        conditions.append(col(Word.cefr) == filters.level.upper())
    if filters.tag:
        conditions.append(tagged(col(UserWord.tags), filters.tag))
    search = clean_text(filters.search)
    if search:
        key = word_key(search)
        prefix = and_(col(Word.norm) >= key, col(Word.norm) < key + LAST_CHAR)
        conditions.append(or_(prefix, _meaning_contains(search)))
    return conditions


async def _card_summaries(
    session: AsyncSession, profile_id: int, user_word_ids: Sequence[int]
) -> dict[int, tuple[datetime | None, int, int]]:
    """Next due time and review counts of the shown words, looked up by word id (`+ 0` keeps
    SQLite off the profile index, which would visit every card of the profile)."""
    query = (
        select(
            col(Card.user_word_id),
            func.min(col(Card.due)),
            func.sum(col(Card.reps)),
            func.sum(col(Card.lapses)),
        )
        .where(col(Card.user_word_id).in_(user_word_ids), col(Card.profile_id) + 0 == profile_id)
        .group_by(col(Card.user_word_id))
    )
    rows = (await session.execute(query)).all()
    return {row[0]: (row[1], int(row[2] or 0), int(row[3] or 0)) for row in rows}


def _after(order: Order, cursor: Cursor) -> list[ColumnElement[bool]]:
    if order is Order.ADDED:
        return [col(UserWord.id) > cursor.row_id]
    norm, pos, word_id = col(Word.norm), col(Word.pos), col(Word.id)
    later = or_(
        norm > cursor.norm,
        and_(
            norm == cursor.norm,
            or_(pos > cursor.pos, and_(pos == cursor.pos, word_id > cursor.row_id)),
        ),
    )
    return [norm >= cursor.norm, later]


async def browse(
    database: Database,
    profile_id: int,
    filters: VocabularyFilter | None = None,
    *,
    order: Order = Order.ADDED,
    after: Cursor | None = None,
    limit: int = DEFAULT_PAGE_SIZE,
) -> Page:
    """One page of the profile's words; pass the returned `next_cursor` to get the next one.

    The added order walks `user_words` by id; the alphabetical one walks the `(lang, norm, pos)`
    index of `words` in the profile's language — a page reads about a page of rows either way.
    """
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    conditions = _conditions(profile_id, filters or VocabularyFilter())
    if after is not None:
        conditions += _after(order, after)
    async with database.session() as session:
        if order is Order.ALPHABETICAL:
            lang = select(col(Profile.target_lang)).where(col(Profile.id) == profile_id)
            conditions.append(col(Word.lang) == lang.scalar_subquery())
            sort = [col(Word.norm), col(Word.pos), col(Word.id)]
        else:
            sort = [col(UserWord.id)]
        query = (
            select(UserWord, Word)
            .join(Word, col(Word.id) == col(UserWord.word_id))
            .where(*conditions)
            .order_by(*sort)
            .limit(limit + 1)
        )
        rows = (await session.execute(query)).all()
        shown = rows[:limit]
        ids = [user_word.id for user_word, _ in shown if user_word.id is not None]
        cards = await _card_summaries(session, profile_id, ids)
    items = tuple(_item(user_word, word, cards) for user_word, word in shown)
    next_cursor = None
    if len(rows) > limit and items:
        user_word, word = shown[-1]
        assert user_word.id is not None and word.id is not None
        next_cursor = (
            Cursor(word.id, word.norm, word.pos)
            if order is Order.ALPHABETICAL
            else Cursor(user_word.id)
        )
    return Page(items, next_cursor)


def _item(
    user_word: UserWord, word: Word, cards: dict[int, tuple[datetime | None, int, int]]
) -> VocabularyItem:
    assert user_word.id is not None
    due, reps, lapses = cards.get(user_word.id, (None, 0, 0))
    return VocabularyItem(
        user_word_id=user_word.id,
        word=word.text,
        pos=word.pos,
        cefr=word.cefr,
        meanings=tuple(user_word.meanings),
        status=WordStatus(user_word.status),
        added_at=user_word.added_at,
        next_due=due,
        reps=reps,
        lapses=lapses,
    )


async def count_words(
    database: Database, profile_id: int, filters: VocabularyFilter | None = None
) -> int:
    """How many words match `filters` (for "1,234 words" above a list)."""
    async with database.session() as session:
        query = (
            select(func.count())
            .select_from(UserWord)
            .join(Word, col(Word.id) == col(UserWord.word_id))
            .where(*_conditions(profile_id, filters or VocabularyFilter()))
        )
        return int((await session.execute(query)).scalar_one())


async def _owned_word(session: AsyncSession, profile_id: int, user_word_id: int) -> UserWord:
    query = select(UserWord).where(
        col(UserWord.id) == user_word_id, col(UserWord.profile_id) == profile_id
    )
    user_word = (await session.execute(query)).scalar_one_or_none()
    if user_word is None:
        raise WordNotFound(key="error.word.not_found", word=user_word_id, profile=profile_id)
    return user_word


async def get_word(database: Database, profile_id: int, user_word_id: int) -> VocabularyItem:
    """One word as a list shows it."""
    async with database.session() as session:
        user_word = await _owned_word(session, profile_id, user_word_id)
        word = await session.get(Word, user_word.word_id)
        assert word is not None
        cards = await _card_summaries(session, profile_id, [user_word_id])
    return _item(user_word, word, cards)


async def edit_meanings(
    database: Database, profile_id: int, user_word_id: int, meanings: Sequence[str]
) -> VocabularyItem:
    """Replace the translations the learner is asked for (order kept, blanks and repeats dropped)."""
    cleaned = list(dict.fromkeys(m for m in (clean_text(text) for text in meanings) if m))
    if not cleaned:
        raise InputError(key="error.word.keep_one_translation")
    async with database.session() as session:
        user_word = await _owned_word(session, profile_id, user_word_id)
        user_word.meanings = cleaned
        session.add(user_word)
    return await get_word(database, profile_id, user_word_id)


async def set_suspended(
    database: Database, profile_id: int, user_word_id: int, suspended: bool
) -> WordStatus:
    """Suspend a word (lessons skip it) or bring it back with the status its cards imply."""
    async with database.session() as session:
        user_word = await _owned_word(session, profile_id, user_word_id)
        card_rows = (
            await session.execute(
                select(Card).where(
                    col(Card.profile_id) == profile_id, col(Card.user_word_id) == user_word_id
                )
            )
        ).scalars()
        cards = list(card_rows)
        for card in cards:
            card.active = not suspended
            session.add(card)
        status = WordStatus.SUSPENDED if suspended else _status_of(cards)
        user_word.status = int(status)
        session.add(user_word)
        return status


def _status_of(cards: Sequence[Card]) -> WordStatus:
    progress = [
        CardProgress(
            stage=Stage(card.stage),
            state=CardState(card.state),
            stability=card.stability,
            reps=card.reps,
            consecutive_correct=card.consecutive_correct,
        )
        for card in cards
    ]
    return word_status(progress, SchedulingConfig())


async def delete_word(database: Database, profile_id: int, user_word_id: int) -> None:
    """Remove a word with its cards and their review history (statistics forget them too)."""
    async with database.session() as session:
        await _owned_word(session, profile_id, user_word_id)
        card_ids = (
            await session.execute(
                select(col(Card.id)).where(
                    col(Card.profile_id) == profile_id, col(Card.user_word_id) == user_word_id
                )
            )
        ).scalars()
        await discount_cards(session, profile_id, [i for i in card_ids if i is not None])
        await session.execute(
            delete(UserWord).where(
                col(UserWord.id) == user_word_id, col(UserWord.profile_id) == profile_id
            )
        )


async def reset_word(
    database: Database, profile_id: int, user_word_id: int, now: datetime | None = None
) -> None:
    """Start a word again from multiple choice. Its past reviews stay in the history and the
    statistics; the FSRS fit starts the card afresh at its next review from state new."""
    async with database.session() as session:
        await _owned_word(session, profile_id, user_word_id)
        await reset_words(session, profile_id, [user_word_id], now or utcnow())


async def review_history(
    database: Database, profile_id: int, user_word_id: int
) -> list[ReviewRecord]:
    """Every answer given for the word, in both directions, oldest first."""
    async with database.session() as session:
        await _owned_word(session, profile_id, user_word_id)
        query = (
            select(Review)
            .join(Card, col(Card.id) == col(Review.card_id))
            .where(col(Review.profile_id) == profile_id, col(Card.user_word_id) == user_word_id)
            .order_by(col(Review.reviewed_at), col(Review.id))
        )
        reviews = (await session.execute(query)).scalars().all()
    return [
        ReviewRecord(
            reviewed_at=review.reviewed_at,
            direction=Direction(review.direction),
            mode=Stage(review.mode),
            answer=review.answer,
            verdict=review.verdict,
            rating=review.rating,
            duration_ms=review.duration_ms,
            correction=review.correction,
        )
        for review in reviews
    ]
