"""The LLM stage of a bulk job: K words per request, enough requests in flight, item by item
bookkeeping, and a bounded answer to every way the endpoint can fail.

Every request's outcome is written to the job's items before the next decision, so a killed run
loses only the requests that were in flight. The rules:
- a word the model skipped or garbled in an otherwise good answer is retried alone; each such
  answer costs the word one attempt, and after `max_attempts` the word fails with the reason;
- an answer that cannot be read at all (after the client's one immediate retry) costs each of
  its words an attempt and splits the group in halves, once; a half that is garbled again fails
  its words. A batch therefore costs at most 2 + 2 × 2 HTTP requests however bad the model is
  (and the client's breaker opens when garbled answers keep coming);
- an outage (5xx, timeouts, 429s that outlived the client's retries, an open breaker) costs no
  attempt: the group waits (as long as the server or the breaker asks) and goes again, and the
  stage reports that it is waiting, since when and why;
- trouble longer than `give_up_after_s` without a single good answer pauses the stage, as does an
  endpoint nobody answers at (connection refused, unknown host); a rejected key or a refused
  request stops it as failed. Either way the remaining words stay pending for a later `resume`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from words_tui.domain.entries import WordEntry
from words_tui.domain.enums import JobStatus
from words_tui.i18n.said import Said
from words_tui.infrastructure.db.bulk import chunks
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.types import utcnow
from words_tui.infrastructure.llm.caching import TranslationCacheStore
from words_tui.infrastructure.llm.errors import (
    OUTAGE_ERRORS,
    CircuitOpen,
    LLMAuthError,
    LLMBadOutput,
    LLMConfigError,
    LLMError,
    LLMUnreachable,
)
from words_tui.infrastructure.llm.protocols import LLMService
from words_tui.infrastructure.llm.results import Usage
from words_tui.services.bulk.jobs import ItemUpdate, ItemWriter, JobItem
from words_tui.services.bulk.pacing import in_flight_target

MIN_PAUSE_S = 0.05
"""Shortest wait after an outage (the client already backed off; a probing breaker says 0 s)."""
MAX_SPLITS = 1
"""How often a garbled group is halved before its words fail: once (see the module docstring)."""


@dataclass
class Group:
    """Words that travel in one request; `depth` counts how often their batch was split."""

    items: list[JobItem]
    depth: int = 0


@dataclass(frozen=True)
class Waiting:
    """The endpoint is not answering (usably): since when (UTC) and the latest reason."""

    since: datetime
    reason: str


@dataclass
class StageOutcome:
    """What one request changed, for the dispatcher and the progress report."""

    done: int = 0
    failed: int = 0
    again: list[Group] = field(default_factory=list)
    pause_s: float = 0.0
    outage: str = ""
    garbled: str = ""
    stop: str = ""
    stop_status: JobStatus = JobStatus.PAUSED
    usage: Usage = field(default_factory=Usage)
    model: str = ""
    entries: dict[str, WordEntry] = field(default_factory=dict)
    """The words this request translated, so a front-end can show them before the job ends."""


@dataclass
class StageSettings:
    source_lang: str
    target_lang: str
    batch_size: int
    max_in_flight: int
    max_attempts: int
    give_up_after_s: float


class LLMStage:
    """Sends the pending words to the LLM; `on_outcome` hears about every finished request."""

    def __init__(
        self,
        database: Database,
        llm: LLMService,
        settings: StageSettings,
        on_outcome: Callable[[StageOutcome, int], None],
        clock: Callable[[], float],
    ) -> None:
        self._database = database
        self._llm = llm
        self._writer = ItemWriter(database, TranslationCacheStore(database, llm.model))
        self._settings = settings
        self._on_outcome = on_outcome
        self._clock = clock
        self._stop = asyncio.Event()
        self._trouble_since: float | None = None
        self.stop_reason = ""
        self.stop_status = JobStatus.CANCELLED
        self.waiting: Waiting | None = None
        self.requests = 0

    def stop(self, reason: str = "", status: JobStatus = JobStatus.CANCELLED) -> None:
        """Stop dispatching; the first reason given (and its status) is the one kept."""
        if not self.stop_reason:
            self.stop_reason, self.stop_status = reason, status
        self._stop.set()

    async def run(self, items: Sequence[JobItem]) -> None:
        size = self._settings.batch_size
        batches = deque(Group(list(chunk)) for chunk in chunks(items, size))
        retries: deque[Group] = deque()
        tasks: dict[asyncio.Task[StageOutcome], Group] = {}
        stopper = asyncio.ensure_future(self._stop.wait())
        paused_until = 0.0
        self._writer.start()
        try:
            while (batches or retries or tasks) and not self._stop.is_set():
                if self._writer.error:
                    self.stop(self._writer.error, JobStatus.FAILED)
                    break
                now = self._clock()
                while now >= paused_until and len(tasks) < self._target() and (retries or batches):
                    group = retries.popleft() if retries else batches.popleft()
                    tasks[asyncio.ensure_future(self._request(group))] = group
                    self.requests += 1
                timeout = max(paused_until - now, MIN_PAUSE_S) if now < paused_until else None
                done, _ = await asyncio.wait(
                    {*tasks, stopper}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
                )
                for task in [t for t in tasks if t in done]:
                    del tasks[task]
                    outcome = task.result()
                    retries.extend(outcome.again)
                    paused_until = max(paused_until, self._clock() + outcome.pause_s)
                    self._judge(outcome)
                    self._on_outcome(outcome, len(tasks))
        finally:
            stopper.cancel()
            for task in tasks:
                task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.gather(*tasks, stopper, return_exceptions=True)
            await self._writer.close()
            if self._writer.error:
                self.stop(self._writer.error, JobStatus.FAILED)

    def _judge(self, outcome: StageOutcome) -> None:
        """Track the trouble (waiting since when, for how long) and stop when it lasts."""
        if outcome.stop:
            self.stop(outcome.stop, outcome.stop_status)
            return
        if outcome.outage:
            since = self.waiting.since if self.waiting else utcnow()
            self.waiting = Waiting(since, outcome.outage)
        else:
            self.waiting = None
        if outcome.done:
            self._trouble_since = None
            return
        if not (outcome.outage or outcome.garbled):
            return
        now = self._clock()
        self._trouble_since = self._trouble_since if self._trouble_since is not None else now
        limit = self._settings.give_up_after_s
        if now - self._trouble_since > limit:
            why = outcome.outage or outcome.garbled
            self.stop(Said("bulk.paused.long", limit=_minutes(limit), why=why), JobStatus.PAUSED)

    def _target(self) -> int:
        return in_flight_target(
            self._llm.requests_per_minute,
            self._llm.observed_latency_s,
            self._settings.max_in_flight,
        )

    async def _request(self, group: Group) -> StageOutcome:
        settings = self._settings
        work = group.items
        try:
            batch = await self._llm.translate_batch(
                [item.word for item in work], settings.source_lang, settings.target_lang
            )
        except (LLMAuthError, LLMConfigError) as err:
            return StageOutcome(stop=Said("bulk.failed", error=err), stop_status=JobStatus.FAILED)
        except LLMUnreachable as err:
            return StageOutcome(stop=Said("bulk.paused", error=err), stop_status=JobStatus.PAUSED)
        except OUTAGE_ERRORS as err:
            pause = max(err.retry_after_s or 0.0, MIN_PAUSE_S)
            return StageOutcome(again=[group], pause_s=pause, outage=_why_waiting(err))
        except LLMBadOutput as err:
            return self._garbled(group, Said("bulk.failed", error=err))
        translated = {
            item.word: batch.entries[item.word] for item in work if item.word in batch.entries
        }
        finished = [
            ItemUpdate(item.id, JobStatus.DONE, item.attempts + 1, entry=translated[item.word])
            for item in work
            if item.word in translated
        ]
        self._writer.submit(finished, list(translated.values()))
        outcome = StageOutcome(
            done=len(finished), usage=batch.usage, model=batch.model, entries=translated
        )
        for item in work:
            if item.word not in batch.entries:
                item.attempts += 1
                again = [Group([item])] if item.attempts < settings.max_attempts else []
                reason = batch.errors.get(item.word) or Said("error.llm.missing_word")
                outcome.failed += self._settle([item], again, reason)
                outcome.again += again
        return outcome

    def _garbled(self, group: Group, reason: str) -> StageOutcome:
        """A whole answer could not be read: split the group once, then fail its words."""
        for item in group.items:
            item.attempts += 1
        alive = [item for item in group.items if item.attempts < self._settings.max_attempts]
        again: list[Group] = []
        if len(alive) > 1 and group.depth < MAX_SPLITS:
            middle, depth = (len(alive) + 1) // 2, group.depth + 1
            again = [Group(alive[:middle], depth), Group(alive[middle:], depth)]
        elif len(alive) == 1 and group.depth == 0:
            again = [Group(alive)]
        failed = self._settle(group.items, again, reason)
        return StageOutcome(failed=failed, again=again, garbled=reason)

    def _settle(self, work: list[JobItem], again: list[Group], reason: str) -> int:
        """Save the items' attempts and last error: those going `again` stay pending, the
        others fail. Returns how many failed."""
        pending = {id(item) for group in again for item in group.items}
        self._writer.submit(
            [
                ItemUpdate(
                    item.id,
                    JobStatus.PENDING if id(item) in pending else JobStatus.FAILED,
                    item.attempts,
                    error=reason,
                )
                for item in work
            ]
        )
        return len(work) - len(pending)


def _why_waiting(err: LLMError) -> str:
    """The reason to show while waiting (a `Said` line): an open breaker names what opened
    it."""
    if isinstance(err, CircuitOpen) and isinstance(err.last_failure, LLMBadOutput):
        return Said("bulk.unreadable", error=err.last_failure)
    if isinstance(err, CircuitOpen) and err.last_failure is not None:
        return Said("bulk.failed", error=err.last_failure)
    return Said("bulk.failed", error=err)


def _minutes(seconds: float) -> str:
    if seconds >= 90:
        return Said("bulk.minutes", count=round(seconds / 60))
    return Said("bulk.seconds", count=round(seconds))
