"""Turning an Anki card's review history into FSRS memory state, so known words stay known.

Anki's revlog keeps every answer (time, ease 1–4); replaying it through `fsrs` gives the state
our scheduler would have reached. Where Anki ran FSRS itself, the card's `data` JSON holds its
stability (`s`) and difficulty (`d`) and those win. A package exported without history but with
intervals still says how well a card is known: its interval stands in for stability.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

from words_tui.domain.enums import CardState, Direction, Stage
from words_tui.infrastructure.importers.records import ImportedCard

ANSWER_TYPES = {0, 1, 2, 3}
"""revlog.type: learn, review, relearn, filtered; 4 (manual) and 5 (rescheduled) are no answers."""
ANKI_REVIEW_TYPE = 2
ANKI_SUSPENDED_QUEUE = -1
DEFAULT_DIFFICULTY = 5.0
SECONDS_PER_DAY = 86_400


@dataclass(frozen=True)
class AnkiCard:
    """The columns of `cards` that matter for memory state."""

    id: int
    type: int
    queue: int
    due: int
    interval: int
    reps: int
    lapses: int
    data: str


@dataclass(frozen=True)
class AnkiReview:
    at_ms: int
    ease: int
    type: int


def _moment(epoch_ms: int) -> datetime:
    return datetime.fromtimestamp(epoch_ms / 1000, UTC)


def _memory_from_data(data: str) -> tuple[float, float] | None:
    try:
        values = json.loads(data) if data else {}
        stability, difficulty = float(values["s"]), float(values["d"])
    except (ValueError, KeyError, TypeError):
        return None
    return (stability, difficulty) if stability > 0 else None


def _replay(reviews: list[AnkiReview], scheduler: Scheduler) -> FsrsCard | None:
    answers = [r for r in reviews if 1 <= r.ease <= 4 and r.type in ANSWER_TYPES]
    if not answers:
        return None
    card = FsrsCard(card_id=1, due=_moment(answers[0].at_ms))
    last = answers[0].at_ms
    for review in answers:
        last = max(last, review.at_ms)
        card, _ = scheduler.review_card(card, Rating(review.ease), review_datetime=_moment(last))
    return card


def card_progress(
    direction: Direction,
    card: AnkiCard,
    reviews: list[AnkiReview],
    collection_created: int,
    scheduler: Scheduler,
) -> ImportedCard | None:
    """The card's memory state, or None for a card never studied (it starts fresh here)."""
    replayed = _replay(reviews, scheduler)
    memory = _memory_from_data(card.data)
    active = card.queue != ANKI_SUSPENDED_QUEUE
    if replayed is not None:
        stability, difficulty = memory or (replayed.stability, replayed.difficulty)
        state = int(replayed.state)
        return ImportedCard(
            direction=direction,
            state=state,
            due=replayed.due,
            step=replayed.step,
            stability=stability,
            difficulty=difficulty,
            last_review=replayed.last_review,
            reps=max(card.reps, len(reviews)),
            lapses=card.lapses,
            stage=int(Stage.TYPING if state == CardState.REVIEW else Stage.CHOICE),
            active=active,
        )
    if card.type == ANKI_REVIEW_TYPE and card.interval > 0:
        due = datetime.fromtimestamp(collection_created + card.due * SECONDS_PER_DAY, UTC)
        stability, difficulty = memory or (float(card.interval), DEFAULT_DIFFICULTY)
        return ImportedCard(
            direction=direction,
            state=int(CardState.REVIEW),
            due=due,
            stability=stability,
            difficulty=difficulty,
            last_review=due - timedelta(days=card.interval),
            reps=card.reps,
            lapses=card.lapses,
            stage=int(Stage.TYPING),
            active=active,
        )
    if not active:
        created = datetime.fromtimestamp(collection_created, UTC)
        return ImportedCard(direction, int(CardState.NEW), due=created, active=False)
    return None
