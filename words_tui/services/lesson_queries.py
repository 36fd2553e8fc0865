"""The reads a lesson needs, kept to a few indexed queries so a lesson starts in milliseconds.

Candidates come back already in priority order: due typing cards by lowest retrievability, due
choice cards by due time, new cards in the order they were added. FSRS retrievability falls
monotonically with (days since last review) / stability, so that ratio — computed by the
database — orders a backlog exactly as retrievability would, without loading every due card.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.enums import Stage
from words_tui.domain.lesson_policy import Candidate, OptionWord
from words_tui.domain.text import word_key
from words_tui.infrastructure.models import Card, Entry, Lesson, Profile, Review, UserWord, Word

UNIX_EPOCH_JULIAN_DAY = 2440587.5
SECONDS_PER_DAY = 86400.0
NEVER_REVIEWED_FIRST = 1e12
"""Sort key of a promoted card with no FSRS memory yet: retrievability 0, so it comes first."""


class LessonError(LookupError):
    """A lesson cannot go on as asked (unknown profile, a card not in the lesson, nothing to undo)."""


async def load_profile(session: AsyncSession, profile_id: int) -> Profile:
    profile = await session.get(Profile, profile_id)
    if profile is None:
        raise LessonError(f"no profile with id {profile_id}")
    return profile


async def answers_today(session: AsyncSession, profile_id: int, since: datetime) -> tuple[int, int]:
    """(typed reviews, new cards introduced) since the start of the learner's day, in one query."""
    reviews = select(func.count(col(Review.id))).where(
        col(Review.profile_id) == profile_id,
        col(Review.reviewed_at) >= since,
        col(Review.mode) == int(Stage.TYPING),
    )
    new = select(func.coalesce(func.sum(col(Lesson.new_words)), 0)).where(
        col(Lesson.profile_id) == profile_id, col(Lesson.started_at) >= since
    )
    row = (await session.execute(select(reviews.scalar_subquery(), new.scalar_subquery()))).one()
    return int(row[0]), int(row[1])


def _days_since(session: AsyncSession, now: datetime, moment: Any) -> ColumnElement[Any]:
    """Days from `moment` (a time column) to `now`, computed by the database."""
    if session.get_bind().dialect.name == "sqlite":
        now_julian = now.timestamp() / SECONDS_PER_DAY + UNIX_EPOCH_JULIAN_DAY
        return literal(now_julian) - func.julianday(moment)
    return (literal(now.timestamp()) - func.extract("epoch", moment)) / SECONDS_PER_DAY


@dataclass(frozen=True, slots=True)
class Candidates:
    """A lesson's candidates by kind, each in priority order."""

    typing: list[Candidate]
    choice: list[Candidate]
    new: list[Candidate]


def _due(profile_id: int, stage: Stage, now: datetime) -> Any:
    return and_(
        col(Card.profile_id) == profile_id,
        col(Card.active).is_(True),
        col(Card.stage) == int(stage),
        col(Card.due) <= now,
    )


def _due_typing(session: AsyncSession, profile_id: int, now: datetime, limit: int) -> Select[Any]:
    """Due typed cards, lowest retrievability first: the highest (days since the last review)
    / stability. The ranking reads only `ix_cards_profile_stage_due`, which holds every column
    the key needs; the table is visited for the `limit` winners alone."""
    key = func.coalesce(
        _days_since(session, now, col(Card.last_review)) / col(Card.stability),
        NEVER_REVIEWED_FIRST,
    )
    ranked = (
        select(col(Card.id).label("id"), key.label("key"))
        .where(_due(profile_id, Stage.TYPING, now))
        .order_by(key.desc(), col(Card.id))
        .limit(limit)
        .subquery()
    )
    return select(
        literal(0).label("kind"),
        col(Card.id),
        col(Card.user_word_id),
        (-ranked.c.key).label("rank"),
    ).join(ranked, ranked.c.id == col(Card.id))


def _due_choice(
    session: AsyncSession, profile_id: int, now: datetime, limit: int, *, seen: bool, kind: int
) -> Select[Any]:
    """Choice cards due, the longest waiting first: seen before, or new (never shown, in the
    order they were added — a new card is due when added). Ordered by `due` alone, so the
    query walks `ix_cards_profile_stage_due` in order and stops after `limit` cards."""
    last_review = col(Card.last_review)
    waiting = (
        select(col(Card.id), col(Card.user_word_id), col(Card.due))
        .where(
            _due(profile_id, Stage.CHOICE, now),
            last_review.is_not(None) if seen else last_review.is_(None),
        )
        .order_by(col(Card.due))
        .limit(limit)
        .subquery()
    )
    rank = -_days_since(session, now, waiting.c.due)
    return select(
        literal(kind).label("kind"), waiting.c.id, waiting.c.user_word_id, rank.label("rank")
    )


async def lesson_candidates(
    session: AsyncSession, profile_id: int, now: datetime, *, typing: int, choice: int, new: int
) -> Candidates:
    """Up to `typing` due typed cards, `choice` due choice cards and `new` new cards, in one
    round trip. Each kind is ranked and cut in its own subquery; its rank (and the row id for
    ties) carries that order through the UNION, which keeps no order of its own."""
    parts = [
        query
        for query, limit in (
            (_due_typing(session, profile_id, now, typing), typing),
            (_due_choice(session, profile_id, now, choice, seen=True, kind=1), choice),
            (_due_choice(session, profile_id, now, new, seen=False, kind=2), new),
        )
        if limit > 0
    ]
    found = Candidates([], [], [])
    if not parts:
        return found
    union = union_all(*parts).subquery()
    query = select(union.c.kind, union.c.id, union.c.user_word_id).order_by(
        union.c.kind, union.c.rank, union.c.id
    )
    kinds = (found.typing, found.choice, found.new)
    for kind, card_id, user_word_id in (await session.execute(query)).all():
        kinds[kind].append(Candidate(card_id, user_word_id))
    return found


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


async def card_details(session: AsyncSession, card_ids: Sequence[int]) -> dict[int, CardDetails]:
    """The cards' details by card id; plain columns, as ORM objects cost more than the query."""
    query = (
        select(
            col(Card.id),
            col(Card.user_word_id),
            col(UserWord.word_id),
            col(Card.direction),
            col(Card.stage),
            col(Card.last_review),
            col(Card.accepted_extra),
            col(UserWord.meanings),
            col(Word.text),
            col(Word.lang),
            col(Word.pos),
            col(Word.cefr),
            col(Entry.meanings),
            col(Entry.examples),
            col(Entry.forms),
        )
        .join(UserWord, col(UserWord.id) == col(Card.user_word_id))
        .join(Word, col(Word.id) == col(UserWord.word_id))
        .outerjoin(Entry, col(Entry.id) == col(UserWord.entry_id))
        .where(col(Card.id).in_(list(card_ids)))
    )
    found: dict[int, CardDetails] = {}
    for row in (await session.execute(query)).all():
        card_id, user_word_id, word_id, direction, stage, last_review, extra, meanings = row[:8]
        headword, lang, pos, level, entry_meanings, examples, forms = row[8:]
        if card_id is None:
            continue
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


def _vocabulary_query() -> Select[int, int | None, str, str, str | None, list[str]]:
    return select(
        col(UserWord.profile_id),
        col(Word.id),
        col(Word.text),
        col(Word.pos),
        col(Word.cefr),
        col(UserWord.meanings),
    ).join(Word, col(Word.id) == col(UserWord.word_id))


async def vocabulary_options(
    session: AsyncSession, profile_id: int, user_word_ids: Sequence[int]
) -> list[OptionWord]:
    """These user words of the profile as option words.

    Looked up by primary key only (the owner is checked on the rows): a filter on the profile
    would make SQLite walk the whole vocabulary through the profile index instead.
    """
    query = _vocabulary_query().where(col(UserWord.id).in_(list(user_word_ids)))
    return _option_words((await session.execute(query)).all(), profile_id)


async def vocabulary_near(
    session: AsyncSession, profile_id: int, after_id: int, limit: int
) -> list[OptionWord]:
    """Up to `limit` of the profile's words added after user word `after_id` (then from the
    start): a primary-key range, fast however large the vocabulary."""
    query = _vocabulary_query().order_by(col(UserWord.id)).limit(limit)
    rows = list((await session.execute(query.where(col(UserWord.id) > after_id))).all())
    if len(rows) < limit:
        rows += (await session.execute(query.where(col(UserWord.id) <= after_id))).all()
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


async def vocabulary_has(
    session: AsyncSession, profile_id: int, lang: str, texts: Sequence[str]
) -> bool:
    """Whether the profile has a word in `lang` stored under any of these texts."""
    keys = list({word_key(text) for text in texts if text.strip()})
    if not keys:
        return False
    query = (
        select(col(UserWord.id))
        .join(Word, col(Word.id) == col(UserWord.word_id))
        .where(col(UserWord.profile_id) == profile_id, col(Word.lang) == lang)
        .where(col(Word.norm).in_(keys))
        .limit(1)
    )
    return (await session.execute(query)).first() is not None
