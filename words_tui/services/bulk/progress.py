"""What a bulk job tells its watchers: progress snapshots (with the endpoint's state) and results.

Every front-end shows the same `BulkProgress`: how far the job is, how fast, what it costs, and
its state — running; waiting for the endpoint (since when, and why); stopped (by the learner, or
paused because the endpoint did not answer: resumable); failed (a rejected key, a refused request:
fix it, then resume); done.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from words_tui.domain.entries import WordEntry
from words_tui.domain.enums import JobStatus
from words_tui.domain.text import word_key
from words_tui.infrastructure.llm.ledger import cost_usd
from words_tui.infrastructure.llm.results import Usage
from words_tui.services.bulk.pacing import RateMeter

log = logging.getLogger(__name__)


class BulkState(StrEnum):
    """Where a bulk job stands, as a progress bar shows it."""

    RUNNING = "running"
    WAITING = "waiting"
    """The endpoint is not answering (usably); the job retries by itself until the limit."""
    STOPPED = "stopped"
    """Stopped by the learner, or paused by the engine after an outage: resumable."""
    FAILED = "failed"
    """Stopped by a problem retrying cannot fix (a rejected key, a refused request)."""
    DONE = "done"

    @classmethod
    def of(cls, status: JobStatus) -> BulkState:
        """The state a job that ended with `status` is in."""
        return {
            JobStatus.DONE: cls.DONE,
            JobStatus.FAILED: cls.FAILED,
            JobStatus.RUNNING: cls.RUNNING,
        }.get(status, cls.STOPPED)


@dataclass(frozen=True)
class BulkProgress:
    """A snapshot for progress bars; `done`/`failed` count the whole job, resumed runs included.

    `since` (aware UTC) and `reason` say since when and why the job waits (WAITING), or why it
    stopped or failed.
    """

    done: int
    failed: int
    total: int
    words_per_minute: float
    eta_s: float | None
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float | None
    requests: int
    in_flight: int
    state: BulkState = BulkState.RUNNING
    since: datetime | None = None
    reason: str = ""
    job_id: int = 0
    translated: Mapping[str, WordEntry] = field(default_factory=dict)
    """The words translated since the previous snapshot (as the job spells them), so a review
    grid fills in as batches finish instead of at the end."""

    @property
    def fraction(self) -> float:
        return (self.done + self.failed) / self.total if self.total else 1.0


@dataclass(frozen=True)
class ItemFailure:
    word: str
    reason: str


@dataclass(frozen=True)
class BulkResult:
    """Where every word of the job ended up, and what this run did and cost."""

    job_id: int
    status: JobStatus
    total: int
    entries: dict[str, WordEntry]
    failures: list[ItemFailure]
    pending: list[str]
    duplicates: int = 0
    from_llm: int = 0
    requests: int = 0
    usage: Usage = field(default_factory=Usage)
    cost_usd: float | None = 0.0
    error: str = ""

    def entry_for(self, word: str) -> WordEntry | None:
        """The entry for `word` however it is spelled (case, spacing)."""
        key = word_key(word)
        return next((e for w, e in self.entries.items() if word_key(w) == key), None)


ProgressCallback = Callable[[BulkProgress], object]


class Tally:
    """Counters of a run, and the progress reports built from them."""

    def __init__(
        self,
        job_id: int,
        total: int,
        clock: Callable[[], float],
        progress: ProgressCallback | None,
        prices: Mapping[str, tuple[float, float]],
    ) -> None:
        self.job_id = job_id
        self.total = total
        self.done = self.failed = 0
        self.from_llm = self.requests = self.in_flight = 0
        self.usage = Usage()
        self.cost: float | None = 0.0
        self._meter = RateMeter(clock)
        self._progress = progress
        self._prices = prices

    def seed(self, counts: Mapping[str, int]) -> None:
        """Count what earlier runs of the job finished."""
        self.done = counts.get(JobStatus.DONE.value, 0)
        self.failed = counts.get(JobStatus.FAILED.value, 0)

    def record(self, *, done: int, usage: Usage, model: str, in_flight: int, requests: int) -> None:
        self.from_llm += done
        self.in_flight = in_flight
        self.requests = requests
        if usage.total:
            self.usage += usage
            price = cost_usd(self._prices, model, usage)
            self.cost = None if price is None or self.cost is None else self.cost + price

    async def advance(
        self,
        *,
        done: int = 0,
        failed: int = 0,
        state: BulkState = BulkState.RUNNING,
        since: datetime | None = None,
        reason: str = "",
        translated: Mapping[str, WordEntry] | None = None,
    ) -> None:
        """Count finished words and report a snapshot in `state` (with the words just translated)."""
        self.done += done
        self.failed += failed
        self._meter.add(done + failed)
        if self._progress is None:
            return
        snapshot = BulkProgress(
            done=self.done,
            failed=self.failed,
            total=self.total,
            words_per_minute=self._meter.per_minute(),
            eta_s=self._meter.eta_s(self.total - self.done - self.failed),
            prompt_tokens=self.usage.prompt_tokens,
            completion_tokens=self.usage.completion_tokens,
            cost_usd=self.cost,
            requests=self.requests,
            in_flight=self.in_flight,
            state=state,
            since=since,
            reason=reason,
            job_id=self.job_id,
            translated=dict(translated or {}),
        )
        try:
            reported = self._progress(snapshot)
            if inspect.isawaitable(reported):
                await reported
        except Exception:  # a broken progress bar must not lose the job
            log.warning("bulk translation progress callback failed", exc_info=True)
