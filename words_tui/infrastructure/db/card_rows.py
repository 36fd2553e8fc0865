"""The card row ↔ `CardProgress` mapping, and the snapshot that makes an answer undoable.

An answer changes the card, maybe its sibling (mastery deactivates both directions) and its user
word (status, the "leech" tag). The snapshot stores exactly those values before the answer, as
JSON in `Review.card_before`, so undo and "I was right" restore them exactly.

Rows are read with Core and written with plain `UPDATE`s (an answer must cost a few
milliseconds, and ORM objects cost more than the statements), so everything here works on
column values (a mapping) and returns the values to write rather than changing objects.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime
from typing import Any

from words_tui.domain.enums import CardState, Stage
from words_tui.domain.scheduling import CardProgress

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
PROGRESS_FIELDS = tuple(f.name for f in fields(CardProgress))


def progress_from(values: Mapping[str, Any]) -> CardProgress:
    """The scheduling view of a card's column values."""
    progress = {name: values[name] for name in PROGRESS_FIELDS}
    progress["stage"] = Stage(progress["stage"])
    progress["state"] = CardState(progress["state"])
    return CardProgress(**progress)


def progress_of(card: Any) -> CardProgress:
    """The scheduling view of a card row (an ORM `Card` or a Core row of `cards`)."""
    return progress_from({name: getattr(card, name) for name in PROGRESS_FIELDS})


def progress_values(progress: CardProgress) -> dict[str, Any]:
    """The card columns that hold `progress` (an unknown due time leaves `due` as it is)."""
    values = {name: getattr(progress, name) for name in PROGRESS_FIELDS}
    values["stage"], values["state"] = int(progress.stage), int(progress.state)
    if progress.due is None:
        del values["due"]
    return values


def _card_values(card: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in CARD_FIELDS:
        value = card[name]
        if name in TIME_FIELDS and value is not None:
            value = value.isoformat()
        elif name == "accepted_extra":
            value = list(value)
        values[name] = value
    return values


def snapshot(
    card: Mapping[str, Any], status: int, tags: list[str], sibling_active: bool | None
) -> dict[str, Any]:
    """Everything an answer may change, as JSON-ready values: the card's columns, its user
    word's status and tags, and whether its sibling direction was active (None: no sibling)."""
    return {
        "card": _card_values(card),
        "user_word": {"status": status, "tags": list(tags)},
        "sibling": None if sibling_active is None else {"active": sibling_active},
    }


def saved_card(saved: Mapping[str, Any]) -> dict[str, Any]:
    """The card's column values as `snapshot` saved them, times parsed back."""
    values = dict(saved["card"])
    for name in TIME_FIELDS:
        if values.get(name) is not None:
            values[name] = datetime.fromisoformat(values[name])
    return values


def saved_user_word(saved: Mapping[str, Any]) -> dict[str, Any]:
    """The user word's status and tags as `snapshot` saved them."""
    return {"status": saved["user_word"]["status"], "tags": list(saved["user_word"]["tags"])}


def saved_sibling_active(saved: Mapping[str, Any]) -> bool | None:
    """Whether the sibling direction was active (None when there was no sibling)."""
    sibling = saved.get("sibling")
    return None if sibling is None else bool(sibling["active"])
