"""A profile's answers and cards as plain records: what the notebook's tables and Anki-style
statistics (today, study time, answers by hour, young vs mature, interval/stability/difficulty/
retrievability distributions) are built from.

The rollups (`queries`) count; these records list. Each is one query returning a few columns per
answer or card, so a front-end can shape them however it likes (the notebook makes DataFrames)
without importing pandas here. Times are aware UTC; front-ends show them in local time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import aliased
from sqlmodel import col

from words_tui.domain.enums import CardState, Direction, Stage
from words_tui.domain.scheduling import SchedulingConfig, recall_curve
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Profile, Review, UserWord, Word
from words_tui.infrastructure.db.study_day_sql import PASSING_RATING
from words_tui.services.vocabulary import ReviewRecord

SECONDS_PER_DAY = 86_400.0


@dataclass(frozen=True)
class AnswerRecord(ReviewRecord):
    """One answer (a word's history line, with the word): `elapsed_days` is the time since the
    card's previous answer (None for its first): Anki calls a review "mature" when that interval
    is at least 21 days."""

    word: str
    state_before: CardState
    elapsed_days: float | None

    @property
    def passed(self) -> bool:
        return self.rating >= PASSING_RATING


@dataclass(frozen=True)
class CardRecord:
    """One card now: its FSRS memory state and `retrievability` (recall probability) at `now`,
    None for a card never answered by typing."""

    word: str
    direction: Direction
    stage: Stage
    state: CardState
    active: bool
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reps: int
    lapses: int
    retrievability: float | None

    @property
    def interval_days(self) -> float | None:
        """The interval FSRS chose at the last answer (due − last answer)."""
        if self.last_review is None:
            return None
        return (self.due - self.last_review).total_seconds() / SECONDS_PER_DAY


async def answers(
    database: Database, profile_id: int, since: datetime | None = None
) -> list[AnswerRecord]:
    """The profile's answers (from `since`), oldest first."""
    earlier = aliased(Review)
    previous = (
        select(func.max(col(earlier.reviewed_at)))
        .where(
            col(earlier.card_id) == col(Review.card_id),
            col(earlier.reviewed_at) < col(Review.reviewed_at),
        )
        .correlate(Review)
        .scalar_subquery()
    )
    query = (
        select(
            col(Review.reviewed_at),
            col(Review.direction),
            col(Review.mode),
            col(Review.answer),
            col(Review.verdict),
            col(Review.rating),
            col(Review.duration_ms),
            col(Review.correction),
            col(Review.state_before),
            previous,
            col(Word.text),
        )
        .join(Card, col(Card.id) == col(Review.card_id))
        .join(UserWord, col(UserWord.id) == col(Card.user_word_id))
        .join(Word, col(Word.id) == col(UserWord.word_id))
        .where(col(Review.profile_id) == profile_id)
        .order_by(col(Review.reviewed_at))
    )
    if since is not None:
        query = query.where(col(Review.reviewed_at) >= since)
    async with database.session() as session:
        rows = (await session.execute(query)).all()
    records = []
    for at, direction, mode, answer, verdict, rating, ms, correction, state, before, word in rows:
        elapsed = None if before is None else (at - before).total_seconds()
        records.append(
            AnswerRecord(
                reviewed_at=at,
                word=word,
                direction=Direction(direction),
                mode=Stage(mode),
                answer=answer,
                verdict=verdict,
                rating=int(rating),
                duration_ms=int(ms),
                correction=correction,
                state_before=CardState(state),
                elapsed_days=None if elapsed is None else elapsed / SECONDS_PER_DAY,
            )
        )
    return records


async def cards(database: Database, profile_id: int, now: datetime) -> list[CardRecord]:
    """The profile's cards with their recall probability at `now` (under the profile's own
    FSRS parameters when it has fitted them)."""
    fields = "direction stage state active stability difficulty due last_review reps lapses"
    query = (
        select(*(getattr(Card, name) for name in fields.split()), col(Word.text).label("word"))
        .join(UserWord, col(UserWord.id) == col(Card.user_word_id))
        .join(Word, col(Word.id) == col(UserWord.word_id))
        .where(col(Card.profile_id) == profile_id)
        .order_by(col(Card.id))
    )
    async with database.session() as session:
        profile = await session.get(Profile, profile_id)
        if profile is None:
            raise LookupError(f"no profile {profile_id}")
        rows = (await session.execute(query)).all()
    config = replace(SchedulingConfig(), desired_retention=profile.desired_retention)
    if profile.fsrs_parameters:
        config = replace(config, parameters=tuple(profile.fsrs_parameters))
    curve = recall_curve(config)
    records = []
    for row in rows:
        typed = row.state != CardState.NEW and row.stability and row.last_review is not None
        records.append(
            CardRecord(
                word=row.word,
                direction=Direction(row.direction),
                stage=Stage(row.stage),
                state=CardState(row.state),
                active=row.active,
                stability=row.stability,
                difficulty=row.difficulty,
                due=row.due,
                last_review=row.last_review,
                reps=row.reps,
                lapses=row.lapses,
                retrievability=curve(max(0, (now - row.last_review).days), row.stability)
                if typed
                else None,
            )
        )
    return records
