"""Changing an answer already recorded: "I was right" re-rates it, undo takes it back.

Like `recording`, every function runs inside the caller's session and commits nothing. Each
change can itself be taken back: `rerate` returns the values it replaced (the card, its word,
the review row's verdict and rating), which `unrerate` writes back — undoing "I was right"
leaves the answer as it was first judged; `unrecord` removes an answer altogether, restoring
the card from the snapshot its review row keeps.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Row, bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from words_tui.domain.enums import Verdict
from words_tui.domain.scheduling import SchedulingConfig
from words_tui.infrastructure.db.study_day_sql import UNRATED
from words_tui.services.lessons.checking import CheckedAnswer
from words_tui.services.lessons.queries import LessonError
from words_tui.services.lessons.recording import (
    REVIEWS,
    Recorded,
    apply_verdict,
    count_answer,
    load_card,
    recorded_of,
    restored_state,
    unchanged,
    was_new,
    write_card,
)

_VERDICT_FIELDS = ("verdict", "rating", "stability", "difficulty")
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


async def _review_row(session: AsyncSession, review_id: int) -> Row[Any]:
    row = (await session.execute(_REVIEW, {"review": review_id})).first()
    if row is None:
        raise LessonError(key="error.lesson.review_gone", review=review_id)
    return row


@dataclass(frozen=True, slots=True)
class Rerated:
    """What "I was right" did, and what it replaced: the card, its sibling's activity and its
    word as `snapshot` keeps them, and the review row's verdict, rating and memory."""

    recorded: Recorded
    replaced: dict[str, Any]


async def rerate(
    session: AsyncSession,
    review_id: int,
    answer: str,
    checked: CheckedAnswer,
    config: SchedulingConfig,
) -> Rerated:
    """Re-judge a recorded answer as `checked` (the learner was right): the card goes back to
    its state before the answer, `answer` becomes one of its accepted answers, and the answer
    is scheduled again as if it had been accepted at the time."""
    review_row = await _review_row(session, review_id)
    loaded = await load_card(session, review_row.card_id)
    replaced = {
        "state": loaded.state.snapshot(),
        "review": {name: getattr(review_row, name) for name in _VERDICT_FIELDS},
    }
    rated = review_row.rating != UNRATED
    before = restored_state(review_row.card_before, loaded.state) if rated else loaded.state
    extra = before.card["accepted_extra"]
    if answer and answer not in extra:
        before.card["accepted_extra"] = [*extra, answer]
    duration_s = review_row.duration_ms / 1000
    if rated:
        change = apply_verdict(before, checked, review_row.reviewed_at, duration_s, config)
    else:
        change = unchanged(before)
    await write_card(session, loaded, change.state)
    await session.execute(
        _REVIEW_VERDICT,
        {
            "review": review_id,
            "new_verdict": str(checked.verdict),
            "new_rating": int(change.outcome.rating) if rated else UNRATED,
            "new_stability": change.state.card["stability"],
            "new_difficulty": change.state.card["difficulty"],
        },
    )
    if not Verdict(review_row.verdict).is_correct:
        await count_answer(session, review_row.lesson_id, correct=1, wrong=-1, new=0)
    recorded = recorded_of(review_id, change, config)
    return Rerated(recorded if rated else replace(recorded, rating=None), replaced)


async def unrerate(session: AsyncSession, review_id: int, replaced: dict[str, Any]) -> None:
    """Take "I was right" back: the card, its word and the review row as first judged."""
    review_row = await _review_row(session, review_id)
    loaded = await load_card(session, review_row.card_id)
    await write_card(session, loaded, restored_state(replaced["state"], loaded.state))
    first = replaced["review"]
    await session.execute(
        _REVIEW_VERDICT,
        {"review": review_id, **{f"new_{name}": first[name] for name in _VERDICT_FIELDS}},
    )
    if not Verdict(first["verdict"]).is_correct:
        await count_answer(session, review_row.lesson_id, correct=-1, wrong=1, new=0)


async def unrecord(session: AsyncSession, review_id: int) -> None:
    """Take an answer back: restore what it changed and delete its review row."""
    review_row = await _review_row(session, review_id)
    loaded = await load_card(session, review_row.card_id)
    saved = review_row.card_before
    await write_card(session, loaded, restored_state(saved, loaded.state))
    right = Verdict(review_row.verdict).is_correct
    await count_answer(
        session,
        review_row.lesson_id,
        correct=-int(right),
        wrong=-int(not right),
        new=-int(review_row.rating != UNRATED and was_new(saved)),
    )
    await session.execute(_DROP_REVIEW, {"review": review_id})
