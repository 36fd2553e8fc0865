"""Writing answers: one transaction per answer, undo and "I was right" from the saved snapshot.

Each function runs inside the caller's session (one unit of work): it loads the card, its
sibling direction and its user word, changes them, and writes or edits the review row and the
lesson's counters. Nothing is committed here; the caller's `Database.session()` commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.enums import Stage, Verdict, WordStatus
from words_tui.domain.scheduling import (
    Rating,
    Reviewed,
    SchedulingConfig,
    is_leech,
    review,
    word_status,
)
from words_tui.infrastructure.models import Card, Lesson, Review, UserWord
from words_tui.services.answer_checking import CheckedAnswer
from words_tui.services.card_rows import (
    LEECH_TAG,
    apply_progress,
    progress_of,
    restore,
    snapshot,
)
from words_tui.services.lesson_cards import LessonCard
from words_tui.services.lesson_queries import LessonError

MAX_STORED_ANSWER = 500
"""Answers are stored up to this length (longer ones were refused unread anyway)."""


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
    card: Card
    user_word: UserWord
    sibling: Card | None


async def _load(session: AsyncSession, card_id: int) -> _Rows:
    """The card, its sibling direction and their user word, in one round trip."""
    siblings = select(col(Card.user_word_id)).where(col(Card.id) == card_id).scalar_subquery()
    query = (
        select(Card, UserWord)
        .join(UserWord, col(UserWord.id) == col(Card.user_word_id))
        .where(col(Card.user_word_id) == siblings)
    )
    rows = (await session.execute(query)).all()
    card = next((c for c, _ in rows if c.id == card_id), None)
    if card is None:
        raise LessonError(f"card {card_id} no longer exists")
    sibling = next((c for c, _ in rows if c.id != card_id), None)
    return _Rows(card, rows[0][1], sibling)


def _apply(
    rows: _Rows,
    checked: CheckedAnswer,
    now: datetime,
    duration_s: float,
    config: SchedulingConfig,
) -> tuple[Reviewed, bool]:
    """Schedule the card, then derive its word's status; returns (outcome, newly mastered)."""
    outcome = review(
        progress_of(rows.card),
        checked.verdict,
        now,
        config,
        duration_s=duration_s,
        expected=checked.expected,
        judge_hard=checked.judge_hard,
    )
    apply_progress(rows.card, outcome.progress)
    cards = [outcome.progress] + ([progress_of(rows.sibling)] if rows.sibling else [])
    status = word_status(cards, config)
    newly_mastered = status == WordStatus.MASTERED and rows.user_word.status != status
    if status == WordStatus.MASTERED:
        rows.card.active = False
        if rows.sibling is not None:
            rows.sibling.active = False
    rows.user_word.status = int(status)
    if is_leech(outcome.progress, config) and LEECH_TAG not in rows.user_word.tags:
        rows.user_word.tags = [*rows.user_word.tags, LEECH_TAG]
    return outcome, newly_mastered


def _was_new(before: dict[str, Any]) -> bool:
    card = before["card"]
    return card["last_review"] is None and card["stage"] == int(Stage.CHOICE)


async def _count(
    session: AsyncSession, lesson_id: int | None, *, correct: int, wrong: int, new: int
) -> None:
    if lesson_id is None:
        return
    await session.execute(
        update(Lesson)
        .where(col(Lesson.id) == lesson_id)
        .values(
            correct=col(Lesson.correct) + correct,
            wrong=col(Lesson.wrong) + wrong,
            new_words=col(Lesson.new_words) + new,
        )
    )


def _recorded(
    review_id: int, outcome: Reviewed, mastered: bool, rows: _Rows, config: SchedulingConfig
) -> Recorded:
    return Recorded(
        review_id=review_id,
        rating=outcome.rating,
        next_due=rows.card.due,
        promoted=outcome.promoted,
        mastered=mastered,
        leech=is_leech(outcome.progress, config),
    )


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
    before = snapshot(rows.card, rows.user_word, rows.sibling)
    state_before, stage_before = rows.card.state, rows.card.stage
    outcome, mastered = _apply(rows, checked, now, duration_s, config)
    row = {
        "card_id": lesson_card.card_id,
        "profile_id": rows.card.profile_id,
        "lesson_id": lesson_id,
        "reviewed_at": now,
        "direction": rows.card.direction,
        "mode": stage_before,
        "answer": answer[:MAX_STORED_ANSWER],
        "verdict": str(checked.verdict),
        "rating": int(outcome.rating),
        "duration_ms": round(duration_s * 1000),
        "state_before": state_before,
        "stability": rows.card.stability,
        "difficulty": rows.card.difficulty,
        "card_before": before,
    }
    # A Core insert: building an ORM `Review` costs more than the statement itself.
    inserted = await session.execute(insert(Review).values(row).returning(col(Review.id)))
    right = checked.verdict.is_correct
    await _count(
        session, lesson_id, correct=int(right), wrong=int(not right), new=int(_was_new(before))
    )
    review_id = inserted.scalar_one()
    assert review_id is not None
    return _recorded(review_id, outcome, mastered, rows, config)


async def _review_row(session: AsyncSession, review_id: int) -> Review:
    row = await session.get(Review, review_id)
    if row is None:
        raise LessonError(f"review {review_id} no longer exists")
    return row


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
    restore(review_row.card_before, rows.card, rows.user_word, rows.sibling)
    if answer and answer not in rows.card.accepted_extra:
        rows.card.accepted_extra = [*rows.card.accepted_extra, answer]
    duration_s = review_row.duration_ms / 1000
    outcome, mastered = _apply(rows, checked, review_row.reviewed_at, duration_s, config)
    was_right = Verdict(review_row.verdict).is_correct
    review_row.verdict = str(checked.verdict)
    review_row.rating = int(outcome.rating)
    review_row.stability = rows.card.stability
    review_row.difficulty = rows.card.difficulty
    if not was_right:
        await _count(session, review_row.lesson_id, correct=1, wrong=-1, new=0)
    await session.flush()
    assert review_row.id is not None
    return _recorded(review_row.id, outcome, mastered, rows, config)


async def unrecord(session: AsyncSession, review_id: int) -> None:
    """Take an answer back: restore what it changed and delete its review row."""
    review_row = await _review_row(session, review_id)
    rows = await _load(session, review_row.card_id)
    restore(review_row.card_before, rows.card, rows.user_word, rows.sibling)
    right = Verdict(review_row.verdict).is_correct
    new = _was_new(review_row.card_before)
    await _count(
        session, review_row.lesson_id, correct=-int(right), wrong=-int(not right), new=-int(new)
    )
    await session.delete(review_row)
    await session.flush()
