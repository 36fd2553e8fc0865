"""The LLM stage of a bulk job: K words per request, enough requests in flight, item by item
bookkeeping.

Every request's outcome is written to the job's items before the next decision, so a killed run
loses only the requests that were in flight. The rules:
- a word the model skipped or garbled is retried alone; a garbled answer to a whole batch sends
  its words again one by one; each such answer costs the word one attempt, and after
  `max_attempts` the word fails with the last reason;
- an outage (5xx, timeouts, 429s that outlived the client's retries, an open circuit breaker)
  costs no attempt: the batch waits (as long as the server or the breaker asks) and goes again;
- an outage longer than `give_up_after_s`, a rejected key or a refused request stop the stage,
  leaving the remaining words pending for a later `resume`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from words_tui.domain.enums import JobStatus
from words_tui.infrastructure.db.bulk import chunks
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.llm.caching import TranslationCacheStore
from words_tui.infrastructure.llm.errors import (
    OUTAGE_ERRORS,
    LLMAuthError,
    LLMBadOutput,
    LLMConfigError,
)
from words_tui.infrastructure.llm.protocols import LLMService
from words_tui.infrastructure.llm.results import Usage
from words_tui.services.bulk.jobs import ItemUpdate, ItemWriter, JobItem
from words_tui.services.bulk.pacing import in_flight_target

MIN_PAUSE_S = 0.05
"""Shortest wait after an outage (the client already backed off; a probing breaker says 0 s)."""


@dataclass
class StageOutcome:
    """What one request changed, for the dispatcher and the progress report."""

    done: int = 0
    failed: int = 0
    retry_alone: list[JobItem] = field(default_factory=list)
    retry_batch: list[JobItem] = field(default_factory=list)
    pause_s: float = 0.0
    fatal: str = ""
    outage: str = ""
    usage: Usage = field(default_factory=Usage)
    model: str = ""


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
        self.stop_reason = ""
        self.requests = 0

    def stop(self, reason: str = "") -> None:
        self.stop_reason = self.stop_reason or reason
        self._stop.set()

    async def run(self, items: Sequence[JobItem]) -> None:
        size = self._settings.batch_size
        batches = deque(list(chunk) for chunk in chunks(items, size))
        singles: deque[JobItem] = deque()
        tasks: dict[asyncio.Task[StageOutcome], list[JobItem]] = {}
        stopper = asyncio.ensure_future(self._stop.wait())
        paused_until = 0.0
        outage_since: float | None = None
        self._writer.start()
        try:
            while (batches or singles or tasks) and not self._stop.is_set():
                if self._writer.error:
                    self.stop(self._writer.error)
                    break
                now = self._clock()
                while now >= paused_until and len(tasks) < self._target() and (singles or batches):
                    work = [singles.popleft()] if singles else batches.popleft()
                    tasks[asyncio.ensure_future(self._request(work))] = work
                    self.requests += 1
                timeout = max(paused_until - now, MIN_PAUSE_S) if now < paused_until else None
                done, _ = await asyncio.wait(
                    {*tasks, stopper}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
                )
                for task in [t for t in tasks if t in done]:
                    del tasks[task]
                    outcome = task.result()
                    singles.extend(outcome.retry_alone)
                    if outcome.retry_batch:
                        batches.append(outcome.retry_batch)
                    paused_until = max(paused_until, self._clock() + outcome.pause_s)
                    outage_since = (outage_since or self._clock()) if outcome.outage else None
                    if outcome.fatal:
                        self.stop(outcome.fatal)
                    elif outage_since is not None and (
                        self._clock() - outage_since > self._settings.give_up_after_s
                    ):
                        self.stop(
                            f"gave up after the LLM was unavailable for more than "
                            f"{self._settings.give_up_after_s:.0f}s: {outcome.outage}"
                        )
                    self._on_outcome(outcome, len(tasks))
        finally:
            stopper.cancel()
            for task in tasks:
                task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.gather(*tasks, stopper, return_exceptions=True)
            await self._writer.close()
            if self._writer.error:
                self.stop(self._writer.error)

    def _target(self) -> int:
        return in_flight_target(
            self._llm.requests_per_minute,
            self._llm.observed_latency_s,
            self._settings.max_in_flight,
        )

    async def _request(self, work: list[JobItem]) -> StageOutcome:
        settings = self._settings
        try:
            batch = await self._llm.translate_batch(
                [item.word for item in work], settings.source_lang, settings.target_lang
            )
        except (LLMAuthError, LLMConfigError) as err:
            return StageOutcome(retry_batch=work, fatal=str(err))
        except OUTAGE_ERRORS as err:
            pause = max(err.retry_after_s or 0.0, MIN_PAUSE_S)
            return StageOutcome(retry_batch=work, pause_s=pause, outage=str(err))
        except LLMBadOutput as err:
            return self._spend_attempt(work, str(err), alone=len(work) > 1)
        entries = [batch.entries[item.word] for item in work if item.word in batch.entries]
        finished = [
            ItemUpdate(item.id, JobStatus.DONE, item.attempts + 1, entry=batch.entries[item.word])
            for item in work
            if item.word in batch.entries
        ]
        self._writer.submit(finished, entries)
        missed = [item for item in work if item.word not in batch.entries]
        outcome = StageOutcome(done=len(finished), usage=batch.usage, model=batch.model)
        for item in missed:
            reason = batch.errors.get(item.word, "missing from the model's answer")
            partial = self._spend_attempt([item], reason, alone=True)
            outcome.failed += partial.failed
            outcome.retry_alone += partial.retry_alone
        return outcome

    def _spend_attempt(self, work: list[JobItem], reason: str, *, alone: bool) -> StageOutcome:
        """Count one attempt for each item; fail those out of attempts, requeue the others."""
        updates: list[ItemUpdate] = []
        again: list[JobItem] = []
        for item in work:
            item.attempts += 1
            final = item.attempts >= self._settings.max_attempts
            status = JobStatus.FAILED if final else JobStatus.PENDING
            updates.append(ItemUpdate(item.id, status, item.attempts, error=reason))
            if not final:
                again.append(item)
        self._writer.submit(updates)
        outcome = StageOutcome(failed=len(work) - len(again))
        if alone:
            outcome.retry_alone = again
        else:
            outcome.retry_batch = again
        return outcome
