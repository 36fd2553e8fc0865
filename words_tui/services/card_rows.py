"""The `Card` row ↔ `CardProgress` mapping, and the snapshot that makes an answer undoable.

An answer changes the card, maybe its sibling (mastery deactivates both directions) and its user
word (status, the "leech" tag). The snapshot stores exactly those values before the answer, as
JSON in `Review.card_before`, so undo and "I was right" restore them exactly.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from words_tui.domain.enums import CardState, Stage
from words_tui.domain.scheduling import CardProgress
from words_tui.infrastructure.models import Card, UserWord

CARD_FIELDS = (
    "stage",
    "active",
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
    "consecutive_correct",
    "choice_correct",
    "accepted_extra",
)
TIME_FIELDS = frozenset({"due", "last_review"})
LEECH_TAG = "leech"


def progress_of(card: Card) -> CardProgress:
    """The scheduling view of a card row."""
    return CardProgress(
        stage=Stage(card.stage),
        state=CardState(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reps=card.reps,
        lapses=card.lapses,
        consecutive_correct=card.consecutive_correct,
        choice_correct=card.choice_correct,
    )


def apply_progress(card: Card, progress: CardProgress) -> None:
    """Write new scheduling values into the card row."""
    card.stage = int(progress.stage)
    card.state = int(progress.state)
    card.step = progress.step
    card.stability = progress.stability
    card.difficulty = progress.difficulty
    if progress.due is not None:
        card.due = progress.due
    card.last_review = progress.last_review
    card.reps = progress.reps
    card.lapses = progress.lapses
    card.consecutive_correct = progress.consecutive_correct
    card.choice_correct = progress.choice_correct


def _card_values(card: Card) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in CARD_FIELDS:
        value = getattr(card, name)
        if name in TIME_FIELDS and value is not None:
            value = value.isoformat()
        elif name == "accepted_extra":
            value = list(value)
        values[name] = value
    return values


def snapshot(card: Card, user_word: UserWord, sibling: Card | None) -> dict[str, Any]:
    """Everything an answer may change, as JSON-ready values."""
    return {
        "card": _card_values(card),
        "user_word": {"status": user_word.status, "tags": list(user_word.tags)},
        "sibling": None if sibling is None else {"active": sibling.active},
    }


def restore(saved: dict[str, Any], card: Card, user_word: UserWord, sibling: Card | None) -> None:
    """Put back the values `snapshot` saved."""
    for name, value in saved["card"].items():
        if name in TIME_FIELDS and value is not None:
            value = datetime.fromisoformat(value)
        setattr(card, name, value)
    user_word.status = saved["user_word"]["status"]
    user_word.tags = list(saved["user_word"]["tags"])
    if sibling is not None and saved.get("sibling") is not None:
        sibling.active = saved["sibling"]["active"]
