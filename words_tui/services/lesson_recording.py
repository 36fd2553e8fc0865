"""Writing answers: one transaction per answer, undo and "I was right" from the saved snapshot.

Each function runs inside the caller's session (one unit of work): it reads the card, its
sibling direction and their user word in one query, and writes with prebuilt Core statements —
the card, the review row, the lesson's counters, and the sibling or the user word only when they
change. An answer is on the learner's critical path, so it costs one read and three writes, with
no ORM objects to build and flush. Nothing is committed here; the caller's
`Database.session()` commits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Table, bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from words_tui.domain.enums import Stage, Verdict, WordStatus
from words_tui.domain.scheduling import (
    Rating,
    Reviewed,
    SchedulingConfig,
    is_leech,
    review,
    word_status,
)
from words_tui.infrastructure.models import ALL_TABLES
from words_tui.services.answer_checking import CheckedAnswer
from words_tui.services.card_rows import (
    CARD_FIELDS,
    LEECH_TAG,
    progress_of,
    progress_values,
    saved_card,
    saved_sibling_active,
    saved_user_word,
    snapshot,
)
from words_tui.services.lesson_cards import LessonCard
from words_tui.services.lesson_queries import LessonError

MAX_STORED_ANSWER = 500
"""Answers are stored up to this length (longer ones were refused unread anyway)."""

CARDS: Table = ALL_TABLES.tables["cards"]
USER_WORDS: Table = ALL_TABLES.tables["user_words"]
REVIEWS: Table = ALL_TABLES.tables["reviews"]
LESSONS: Table = ALL_TABLES.tables["lessons"]

# Built once: constructing a statement costs more Python than executing a cached one.
_LOAD = (
    select(*CARDS.c, USER_WORDS.c.status, USER_WORDS.c.tags)
    .join(USER_WORDS, USER_WORDS.c.id == CARDS.c.user_word_id)
    .where(
        CARDS.c.user_word_id
        == select(CARDS.c.user_word_id).where(CARDS.c.id == bindparam("card")).scalar_subquery()
    )
)
_WRITE_CARD = (
    update(CARDS)
    .where(CARDS.c.id == bindparam("card"))
    .values({name: bindparam(f"new_{name}") for name in CARD_FIELDS})
)
_WRITE_SIBLING = (
    update(CARDS)
    .where(CARDS.c.user_word_id == bindparam("word"), CARDS.c.id != bindparam("card"))
    .values(active=bindparam("new_active"))
)
_WRITE_USER_WORD = (
    update(USER_WORDS)
    .where(USER_WORDS.c.id == bindparam("word"))
    .values(status=bindparam("new_status"), tags=bindparam("new_tags"))
)
_ADD_REVIEW = insert(REVIEWS).returning(REVIEWS.c.id)
_COUNT = (
    update(LESSONS)
    .where(LESSONS.c.id == bindparam("lesson"))
    .values(
        correct=LESSONS.c.correct + bindparam("add_correct"),
        wrong=LESSONS.c.wrong + bindparam("add_wrong"),
        new_words=LESSONS.c.new_words + bindparam("add_new"),
    )
)
_REVIEW = select(REVIEWS).where(REVIEWS.c.id == bindparam("review"))
_REVIEW_VERDICT = (
    update(REVIEWS)
    .where(REVIEWS.c.id == bindparam("review"))
    .values(
        verdict=bindparam("new_verdict"),
        rating=bindparam("new_rating"),
        stability=bindparam("new_stability"),
        difficulty=bindparam("new_difficulty"),
    )
)
_DROP_REVIEW = delete(REVIEWS).where(REVIEWS.c.id == bindparam("review"))


@dataclass(frozen=True, slots=True)
class Recorded:
    """What recording an answer did to the card and its word."""

    review_id: int
    rating: Rating
    next_due: datetime
    promoted: bool
    mastered: bool
    leech: bool


@dataclass(frozen=True, slots=True)
class _Rows:
    """A card as read, its sibling direction, and their user word's status and tags."""

    card: Row[Any]
    sibling: Row[Any] | None

    @property
    def status(self) -> int:
        return int(self.card.status)

    @property
    def tags(self) -> list[str]:
        return list(self.card.tags)

    def snapshot(self) -> dict[str, Any]:
        sibling_active = None if self.sibling is None else bool(self.sibling.active)
        return snapshot(self.card, self.status, self.tags, sibling_active)


@dataclass(frozen=True, slots=True)
class _Change:
    """The new values an answer gives the card, its sibling and its user word."""

    card: dict[str, Any]
    sibling_active: bool | None
    status: int
    tags: list[str]
    outcome: Reviewed
    mastered: bool


async def _load(session: AsyncSession, card_id: int) -> _Rows:
    """The card, its sibling direction and their user word, in one round trip."""
    rows = (await session.execute(_LOAD, {"card": card_id})).all()
    card = next((row for row in rows if row.id == card_id), None)
    if card is None:
        raise LessonError(f"card {card_id} no longer exists")
    return _Rows(card, next((row for row in rows if row.id != card_id), None))


def _apply(
    card: Mapping[str, Any],
    rows: _Rows,
    user_word: Mapping[str, Any],
    checked: CheckedAnswer,
    now: datetime,
    duration_s: float,
    config: SchedulingConfig,
) -> _Change:
    """Schedule the card (as `card` gives its values), then derive its word's status."""
    before = progress_of(_Columns(card))
    outcome = review(
        before,
        checked.verdict,
        now,
        config,
        duration_s=duration_s,
        expected=checked.expected,
        judge_hard=checked.judge_hard,
    )
    values = {**card, **progress_values(outcome.progress)}
    siblings = [progress_of(rows.sibling)] if rows.sibling is not None else []
    status = word_status([outcome.progress, *siblings], config)
    newly_mastered = status == WordStatus.MASTERED and user_word["status"] != status
    sibling_active = None if rows.sibling is None else bool(rows.sibling.active)
    if status == WordStatus.MASTERED:
        values["active"] = False
        sibling_active = None if sibling_active is None else False
    tags = list(user_word["tags"])
    if is_leech(outcome.progress, config) and LEECH_TAG not in tags:
        tags.append(LEECH_TAG)
    return _Change(values, sibling_active, int(status), tags, outcome, newly_mastered)


class _Columns:
    """Attribute access to a mapping of card columns, for `progress_of`."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None


async def _write(
    session: AsyncSession,
    rows: _Rows,
    change: _Change,
    *,
    sibling_before: bool | None,
    status_before: int,
    tags_before: list[str],
) -> None:
    """Write the card, and the sibling and user word where they differ from what was read."""
    card_id, word_id = rows.card.id, rows.card.user_word_id
    params = {f"new_{name}": change.card[name] for name in CARD_FIELDS}
    await session.execute(_WRITE_CARD, {"card": card_id, **params})
    if change.sibling_active is not None and change.sibling_active != sibling_before:
        await session.execute(
            _WRITE_SIBLING, {"word": word_id, "card": card_id, "new_active": change.sibling_active}
        )
    if change.status != status_before or change.tags != tags_before:
        await session.execute(
            _WRITE_USER_WORD, {"word": word_id, "new_status": change.status, "new_tags": change.tags}
        )


def _was_new(before: Mapping[str, Any]) -> bool:
    card = before["card"]
    return card["last_review"] is None and card["stage"] == int(Stage.CHOICE)


async def _count(
    session: AsyncSession, lesson_id: int | None, *, correct: int, wrong: int, new: int
) -> None:
    if lesson_id is None:
        return
    await session.execute(
        _COUNT, {"lesson": lesson_id, "add_correct": correct, "add_wrong": wrong, "add_new": new}
    )


def _recorded(review_id: int, change: _Change, config: SchedulingConfig) -> Recorded:
    return Recorded(
        review_id=review_id,
        rating=change.outcome.rating,
        next_due=change.card["due"],
        promoted=change.outcome.promoted,
        mastered=change.mastered,
        leech=is_leech(change.outcome.progress, config),
    )


def _as_read(rows: _Rows) -> tuple[dict[str, Any], dict[str, Any]]:
    """The card's columns and its user word's status and tags, as read."""
    card = {name: getattr(rows.card, name) for name in CARD_FIELDS}
    return card, {"status": rows.status, "tags": rows.tags}


async def record_answer(
    session: AsyncSession,
    lesson_id: int,
    lesson_card: LessonCard,
    answer: str,
    checked: CheckedAnswer,
    duration_s: float,
    now: datetime,
    config: SchedulingConfig,
) -> Recorded:
    """Schedule the card for this answer and append the review row with the card's snapshot."""
    rows = await _load(session, lesson_card.card_id)
    before = rows.snapshot()
    card, user_word = _as_read(rows)
    change = _apply(card, rows, user_word, checked, now, duration_s, config)
    await _write(
        session,
        rows,
        change,
        sibling_before=None if rows.sibling is None else bool(rows.sibling.active),
        status_before=rows.status,
        tags_before=rows.tags,
    )
    review_row = {
        "card_id": lesson_card.card_id,
        "profile_id": rows.card.profile_id,
        "lesson_id": lesson_id,
        "reviewed_at": now,
        "direction": rows.card.direction,
        "mode": rows.card.stage,
        "answer": answer[:MAX_STORED_ANSWER],
        "verdict": str(checked.verdict),
        "rating": int(change.outcome.rating),
        "duration_ms": round(duration_s * 1000),
        "state_before": rows.card.state,
        "stability": change.card["stability"],
        "difficulty": change.card["difficulty"],
        "card_before": before,
    }
    review_id = (await session.execute(_ADD_REVIEW, review_row)).scalar_one()
    right = checked.verdict.is_correct
    await _count(
        session, lesson_id, correct=int(right), wrong=int(not right), new=int(_was_new(before))
    )
    return _recorded(review_id, change, config)


async def _review_row(session: AsyncSession, review_id: int) -> Row[Any]:
    row = (await session.execute(_REVIEW, {"review": review_id})).first()
    if row is None:
        raise LessonError(f"review {review_id} no longer exists")
    return row


def _restored(saved: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    return saved_card(saved), saved_user_word(saved)


async def rerate(
    session: AsyncSession,
    review_id: int,
    answer: str,
    checked: CheckedAnswer,
    config: SchedulingConfig,
) -> Recorded:
    """Re-judge a recorded answer as `checked` (the learner was right): the card goes back to
    its state before the answer, `answer` becomes one of its accepted answers, and the answer
    is scheduled again as if it had been accepted at the time."""
    review_row = await _review_row(session, review_id)
    rows = await _load(session, review_row.card_id)
    card, user_word = _restored(review_row.card_before)
    if answer and answer not in card["accepted_extra"]:
        card["accepted_extra"] = [*card["accepted_extra"], answer]
    sibling_saved = saved_sibling_active(review_row.card_before)
    restored_rows = rows if sibling_saved is None or rows.sibling is None else rows
    duration_s = review_row.duration_ms / 1000
    change = _apply(
        card, restored_rows, user_word, checked, review_row.reviewed_at, duration_s, config
    )
    if change.sibling_active is None and sibling_saved is not None:
        change = _with_sibling(change, sibling_saved)
    await _write(
        session,
        rows,
        change,
        sibling_before=None if rows.sibling is None else bool(rows.sibling.active),
        status_before=rows.status,
        tags_before=rows.tags,
    )
    await session.execute(
        _REVIEW_VERDICT,
        {
            "review": review_id,
            "new_verdict": str(checked.verdict),
            "new_rating": int(change.outcome.rating),
            "new_stability": change.card["stability"],
            "new_difficulty": change.card["difficulty"],
        },
    )
    if not Verdict(review_row.verdict).is_correct:
        await _count(session, review_row.lesson_id, correct=1, wrong=-1, new=0)
    return _recorded(review_id, change, config)


def _with_sibling(change: _Change, active: bool) -> _Change:
    return _Change(
        change.card, active, change.status, change.tags, change.outcome, change.mastered
    )


async def unrecord(session: AsyncSession, review_id: int) -> None:
    """Take an answer back: restore what it changed and delete its review row."""
    review_row = await _review_row(session, review_id)
    rows = await _load(session, review_row.card_id)
    saved = review_row.card_before
    card, user_word = _restored(saved)
    sibling_saved = saved_sibling_active(saved)
    params = {f"new_{name}": card[name] for name in CARD_FIELDS}
    await session.execute(_WRITE_CARD, {"card": rows.card.id, **params})
    if rows.sibling is not None and sibling_saved is not None:
        await session.execute(
            _WRITE_SIBLING,
            {"word": rows.card.user_word_id, "card": rows.card.id, "new_active": sibling_saved},
        )
    await session.execute(
        _WRITE_USER_WORD,
        {
            "word": rows.card.user_word_id,
            "new_status": user_word["status"],
            "new_tags": user_word["tags"],
        },
    )
    right = Verdict(review_row.verdict).is_correct
    new = _was_new(saved)
    await _count(
        session, review_row.lesson_id, correct=-int(right), wrong=-int(not right), new=-int(new)
    )
    await session.execute(_DROP_REVIEW, {"review": review_id})
