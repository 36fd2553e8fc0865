"""Plain result types of the LLM core, free of any SDK type."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, Protocol, TypeVar

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


IN_FLIGHT = "in_flight"
"""The outcome of a call whose request was sent and whose end was never recorded (yet): the
process may have died with the request in flight, which the server still served and billed."""


@dataclass
class CallRecord:
    """One logical LLM call as the cost ledger stores it; `attempts` counts the HTTP requests
    sent so far. `ledger_id` is the observer's handle on the record once it has stored it."""

    at: datetime
    model: str
    purpose: str
    usage: Usage = field(default_factory=Usage)
    latency_ms: int = 0
    attempts: int = 0
    outcome: str = IN_FLIGHT
    error: str = ""
    ledger_id: int | None = None


class CallObserver(Protocol):
    """Told about every HTTP request before it is sent, and about the logical call when it ends
    (the ledger is one): a process killed mid-request still leaves the request recorded."""

    async def sent(self, record: CallRecord) -> None:
        """A request of the call is about to go out (`record.attempts` already counts it)."""

    async def ended(self, record: CallRecord) -> None:
        """The call ended with `record.outcome` (called only when at least one was sent)."""
