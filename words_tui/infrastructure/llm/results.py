"""Plain result types of the LLM core, free of any SDK type."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

from words_tui.domain.entries import WordEntry

T = TypeVar("T")


@dataclass(frozen=True)
class Usage:
    """Tokens a call consumed, summed over its HTTP attempts (failed parses cost tokens too)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.prompt_tokens + other.prompt_tokens,
            self.completion_tokens + other.completion_tokens,
        )

    @property
    def total(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass(frozen=True)
class Reply(Generic[T]):
    """A parsed answer and what it cost."""

    value: T
    model: str
    usage: Usage
    attempts: int


@dataclass(frozen=True)
class Judgement:
    """The LLM judge's verdict on a typed answer, with a short comment for the learner."""

    is_correct: bool
    comment: str
    model: str = ""


@dataclass(frozen=True)
class BatchTranslation:
    """The answer to a batch request: an entry or a reason per input word, and the cost.

    Every input word is a key of exactly one of `entries` and `errors`.
    """

    entries: Mapping[str, WordEntry]
    errors: Mapping[str, str]
    model: str = ""
    usage: Usage = field(default_factory=Usage)
    attempts: int = 0


@dataclass(frozen=True)
class CallRecord:
    """One logical LLM call as the cost ledger stores it."""

    at: datetime
    model: str
    purpose: str
    usage: Usage
    latency_ms: int
    attempts: int
    outcome: str
    error: str = ""


CallObserver = Callable[[CallRecord], Awaitable[None]]
"""Told about every logical call after it ends (the ledger is one)."""
