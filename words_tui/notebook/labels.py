"""Names shown to the learner that both the tables and the widgets use (never an enum's name)."""

from __future__ import annotations

from datetime import datetime, tzinfo

from words_tui.domain.enums import CardState, Direction, Stage, WordStatus

RATINGS = {1: "again", 2: "hard", 3: "good", 4: "easy"}
"""FSRS's ratings as words (the review log stores 1–4)."""
STATUSES = {
    WordStatus.NEW: "new",
    WordStatus.LEARNING: "learning",
    WordStatus.REVIEW: "in review",
    WordStatus.MASTERED: "mastered",
    WordStatus.SUSPENDED: "suspended",
}
STATES = {
    CardState.NEW: "new",
    CardState.LEARNING: "learning",
    CardState.REVIEW: "review",
    CardState.RELEARNING: "relearning",
}
MODES = {Stage.CHOICE: "multiple choice", Stage.TYPING: "typed"}
VERDICTS = {
    "exact": "right",
    "accent": "right but for an accent",
    "typo": "right with a typo",
    "form": "right: another form",
    "llm": "accepted by the judge",
    "override": "accepted by you",
    "wrong": "wrong",
    "needs_judge": "waiting for the judge",
    "choice_correct": "right",
    "choice_wrong": "wrong",
}
WIDE_LABEL = {"description_width": "initial"}
"""A widget style whose description takes the width its text needs ("Unfinished jobs", not
"Unfinishe…"): ipywidgets cuts descriptions at a fixed width by default."""
ANY = ""
"""The value of a dropdown's "any …" / "none" choice: a `None` value renders as a blank box
once the options change, so the placeholder is an ordinary value."""


def direction_label(direction: Direction, native: str, target: str) -> str:
    """'es → en' for a card that shows the Spanish word and asks an English speaker for English."""
    if direction == Direction.FOREIGN_TO_NATIVE:
        return f"{target} → {native}"
    return f"{native} → {target}"


def rating_label(rating: int) -> str:
    return RATINGS.get(rating, "—")


def status_label(status: WordStatus | int) -> str:
    return STATUSES[WordStatus(status)]


def state_label(state: CardState | int) -> str:
    return STATES[CardState(state)]


def mode_label(mode: Stage | int) -> str:
    return MODES[Stage(mode)]


def verdict_label(verdict: str) -> str:
    return VERDICTS.get(verdict, verdict)


def local_time(moment: datetime | None, zone: tzinfo | None = None) -> str:
    """An aware UTC time in the learner's time zone (`zone`, else the computer's), as
    "2030-03-01 13:00"; blank for none."""
    return "" if moment is None else f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"
