"""Small enumerations persisted as integers.

The numeric values are stored in the database and must never be renumbered (py-fsrs style):
add new members with new values instead.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Direction(IntEnum):
    """Which side of a word the learner sees; each direction is its own card with its own memory."""

    FOREIGN_TO_NATIVE = 0
    NATIVE_TO_FOREIGN = 1

    @property
    def other(self) -> Direction:
        return Direction(1 - self.value)


class Stage(IntEnum):
    """How a card is asked: new cards start as multiple choice and graduate to typed answers."""

    CHOICE = 0
    TYPING = 1


class WordStatus(IntEnum):
    """Where a word of a profile's vocabulary stands."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    MASTERED = 3
    SUSPENDED = 4


class CardState(IntEnum):
    """FSRS memory state, with NEW for a card never reviewed (fsrs itself has no such state)."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


class Verdict(StrEnum):
    """How an answer was judged; the string is stored in the review log and shown to the learner."""

    EXACT = "exact"
    ACCENT = "accent"
    TYPO = "typo"
    FORM = "form"
    JUDGE_ACCEPTED = "llm"
    OVERRIDE = "override"
    WRONG = "wrong"
    NEEDS_JUDGE = "needs_judge"
    CHOICE_CORRECT = "choice_correct"
    CHOICE_WRONG = "choice_wrong"

    @property
    def is_correct(self) -> bool:
        return self not in (Verdict.WRONG, Verdict.NEEDS_JUDGE, Verdict.CHOICE_WRONG)


class Level(StrEnum):
    """CEFR levels, ordered from beginner to proficient."""

    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


class JobStatus(StrEnum):
    """Lifecycle of a bulk job and of each of its items."""

    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    PAUSED = "paused"
    """Stopped by the engine because the endpoint did not answer (usably); resumable."""
