"""Writing answers: one transaction per answer, with the snapshot undo and "I was right" use.

Each function runs inside the caller's session (one unit of work): it reads the card, its
sibling direction and their user word in one query, and writes with prebuilt Core statements —
the card, the review row, the lesson's counters, and the sibling or the user word only when they
change. An answer is on the learner's critical path, so it costs one read and three writes, with
no ORM objects to build and flush. Nothing is committed here; the caller's
`Database.session()` commits.

An unrated answer (`AnswerRecord.rated` False: a card asked again within a lesson, a review of
mistakes, practice ahead) is logged with rating 0 and leaves the card as it was: FSRS rates a
card's first answer in a sitting only, as Anki's FSRS keeps same-sitting learning steps and
previews out of the memory model. The optimiser and the daily review limit skip rating 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from words_tui.domain.enums import Stage, WordStatus
from words_tui.domain.scheduling import (
    CardProgress,
    Rating,
    Reviewed,
    SchedulingConfig,
    is_leech,
    review,
    word_status,
)
from words_tui.infrastructure.db.card_rows import (
    CARD_FIELDS,
    LEECH_TAG,
    progress_from,
    progress_of,
    progress_values,
    saved_card,
    saved_sibling_active,
    saved_user_word,
    snapshot,
)
from words_tui.infrastructure.db.models import ALL_TABLES
from words_tui.infrastructure.db.study_day_sql import UNRATED
from words_tui.services.lessons.checking import CheckedAnswer
from words_tui.services.lessons.queries import LessonError, inserted_id

MAX_STORED_ANSWER = 500
"""Answers are stored up to this length (longer ones were refused unread anyway)."""
MAX_CORRECTION = 120

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
_ADD_REVIEW = insert(REVIEWS)
_COUNT = (
    update(LESSONS)
    .where(LESSONS.c.id == bindparam("lesson"))
    .values(
        correct=LESSONS.c.correct + bindparam("add_correct"),
        wrong=LESSONS.c.wrong + bindparam("add_wrong"),
        new_words=LESSONS.c.new_words + bindparam("add_new"),
    )
)


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answer to record: which card of which lesson, what was typed or chosen, the verdict,
    how long the learner took and when."""

    lesson_id: int
    card_id: int
    answer: str
    checked: CheckedAnswer
    duration_s: float
    at: datetime
    rated: bool = True


@dataclass(frozen=True, slots=True)
class Recorded:
    """What recording an answer did to the card and its word (`rating` None: unrated)."""

    review_id: int
    rating: Rating | None
    next_due: datetime
    promoted: bool
    mastered: bool
    leech: bool


@dataclass(frozen=True, slots=True)
class AnswerState:
    """What an answer reads and changes: the card's columns, whether its sibling direction is
    active (None: no sibling) with the sibling's progress, and the user word's status and tags."""

    card: dict[str, Any]
    sibling: CardProgress | None
    sibling_active: bool | None
    status: int
    tags: list[str]

    def snapshot(self) -> dict[str, Any]:
        return snapshot(self.card, self.status, self.tags, self.sibling_active)


@dataclass(frozen=True, slots=True)
class LoadedCard:
    card_id: int
    user_word_id: int
    profile_id: int
    direction: int
    state: AnswerState


@dataclass(frozen=True, slots=True)
class AnswerChange:
    state: AnswerState
    outcome: Reviewed
    mastered: bool


async def load_card(session: AsyncSession, card_id: int) -> LoadedCard:
    """The card, its sibling direction and their user word, in one round trip."""
    rows = (await session.execute(_LOAD, {"card": card_id})).all()
    card = next((row for row in rows if row.id == card_id), None)
    if card is None:
        raise LessonError(key="error.lesson.card_gone", card=card_id)
    sibling = next((row for row in rows if row.id != card_id), None)
    state = AnswerState(
        card={name: getattr(card, name) for name in CARD_FIELDS},
        sibling=None if sibling is None else progress_of(sibling),
        sibling_active=None if sibling is None else bool(sibling.active),
        status=int(card.status),
        tags=list(card.tags),
    )
    return LoadedCard(card_id, card.user_word_id, card.profile_id, card.direction, state)


def restored_state(saved: Mapping[str, Any], current: AnswerState) -> AnswerState:
    """The state an answer's snapshot saved (the sibling's memory is not part of it)."""
    user_word = saved_user_word(saved)
    sibling_active = saved_sibling_active(saved)
    return replace(
        current,
        card=saved_card(saved),
        sibling_active=current.sibling_active if sibling_active is None else sibling_active,
        status=user_word["status"],
        tags=user_word["tags"],
    )


def apply_verdict(
    before: AnswerState,
    checked: CheckedAnswer,
    now: datetime,
    duration_s: float,
    config: SchedulingConfig,
) -> AnswerChange:
    """Schedule the card, then derive its word's status, mastery and leech tag."""
    outcome = review(
        progress_from(before.card),
        checked.verdict,
        now,
        config,
        duration_s=duration_s,
        expected=checked.expected,
        judge_hard=checked.judge_hard,
    )
    card = {**before.card, **progress_values(outcome.progress)}
    siblings = [] if before.sibling is None else [before.sibling]
    status = word_status([outcome.progress, *siblings], config)
    sibling_active = before.sibling_active
    if status == WordStatus.MASTERED:
        card["active"] = False
        sibling_active = None if sibling_active is None else False
    tags = before.tags
    if is_leech(outcome.progress, config) and LEECH_TAG not in tags:
        tags = [*tags, LEECH_TAG]
    after = AnswerState(card, before.sibling, sibling_active, int(status), tags)
    newly_mastered = status == WordStatus.MASTERED and before.status != status
    return AnswerChange(after, outcome, newly_mastered)


async def write_card(session: AsyncSession, loaded: LoadedCard, new: AnswerState) -> None:
    """Write the card, and its sibling and user word where they differ from what was read."""
    old = loaded.state
    params = {f"new_{name}": new.card[name] for name in CARD_FIELDS}
    await session.execute(_WRITE_CARD, {"card": loaded.card_id, **params})
    if new.sibling_active is not None and new.sibling_active != old.sibling_active:
        await session.execute(
            _WRITE_SIBLING,
            {"word": loaded.user_word_id, "card": loaded.card_id, "new_active": new.sibling_active},
        )
    if new.status != old.status or new.tags != old.tags:
        await session.execute(
            _WRITE_USER_WORD,
            {"word": loaded.user_word_id, "new_status": new.status, "new_tags": new.tags},
        )


def was_new(before: Mapping[str, Any]) -> bool:
    card = before["card"]
    return card["last_review"] is None and card["stage"] == int(Stage.CHOICE)


async def count_answer(
    session: AsyncSession, lesson_id: int | None, *, correct: int, wrong: int, new: int
) -> None:
    if lesson_id is None:
        return
    await session.execute(
        _COUNT, {"lesson": lesson_id, "add_correct": correct, "add_wrong": wrong, "add_new": new}
    )


def recorded_of(review_id: int, change: AnswerChange, config: SchedulingConfig) -> Recorded:
    return Recorded(
        review_id=review_id,
        rating=change.outcome.rating,
        next_due=change.state.card["due"],
        promoted=change.outcome.promoted,
        mastered=change.mastered,
        leech=is_leech(change.outcome.progress, config),
    )


async def record_answer(
    session: AsyncSession, record: AnswerRecord, config: SchedulingConfig
) -> Recorded:
    """Schedule the card for this answer and append the review row with the card's snapshot."""
    checked = record.checked
    loaded = await load_card(session, record.card_id)
    before = loaded.state
    if record.rated:
        change = apply_verdict(before, checked, record.at, record.duration_s, config)
        await write_card(session, loaded, change.state)
    else:
        change = unchanged(before)
    saved = before.snapshot()
    review_row = {
        "card_id": loaded.card_id,
        "profile_id": loaded.profile_id,
        "lesson_id": record.lesson_id,
        "reviewed_at": record.at,
        "direction": loaded.direction,
        "mode": before.card["stage"],
        "answer": record.answer[:MAX_STORED_ANSWER],
        "verdict": str(checked.verdict),
        "rating": int(change.outcome.rating) if record.rated else UNRATED,
        "duration_ms": round(record.duration_s * 1000),
        "state_before": before.card["state"],
        "stability": change.state.card["stability"],
        "difficulty": change.state.card["difficulty"],
        "card_before": saved,
        "correction": checked.correction[:MAX_CORRECTION],
    }
    review_id = inserted_id(await session.execute(_ADD_REVIEW, review_row))
    right = checked.verdict.is_correct
    await count_answer(
        session,
        record.lesson_id,
        correct=int(right),
        wrong=int(not right),
        new=int(record.rated and was_new(saved)),
    )
    recorded = recorded_of(review_id, change, config)
    return recorded if record.rated else replace(recorded, rating=None)


def unchanged(before: AnswerState) -> AnswerChange:
    """The outcome of an unrated answer: the card as it was."""
    progress = progress_from(before.card)
    return AnswerChange(before, Reviewed(progress, Rating.Again), mastered=False)
