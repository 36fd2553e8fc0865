"""Bulk translation: thousands of words for one language pair, at the API's rate limit, resumable.

    translator = BulkTranslator(database, llm)
    result = await translator.run(words, "de", "en", progress=show)   # or .resume(job_id)
    result.entries["Haus"], result.failures, result.pending

The engine is the LLM end of the word-source chain (`services.vocabulary.WordSources`, which asks
the free sources first and hands it only what they lack). Words are cleaned and deduplicated, then
sent to the LLM in batches (see `llm_stage`), which also fills the translation cache. Every word
is stored as an item of a `BulkJob` with its own status, so `resume(job_id)` after a crash, a
cancel or an outage continues with exactly the unfinished words. `progress` (sync or async)
receives a `BulkProgress` after each request and once at the end, with the job's state (running,
waiting for the endpoint, stopped, failed, done); `cancel()` stops the run, leaving the rest
pending. Every word ends in `entries`, `failures` (with the reason) or `pending` — none is dropped.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence

from words_tui.domain.entries import WordEntry
from words_tui.domain.enums import JobStatus
from words_tui.i18n.said import Said
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.llm.ledger import Prices
from words_tui.infrastructure.llm.protocols import LLMService
from words_tui.services.bulk import jobs as bulk_jobs
from words_tui.services.bulk import liveness
from words_tui.services.bulk.jobs import ItemUpdate, JobItem
from words_tui.services.bulk.llm_stage import LLMStage, StageOutcome, StageSettings
from words_tui.services.bulk.progress import (
    BulkResult,
    BulkState,
    ItemFailure,
    ProgressCallback,
    Tally,
)

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 25
DEFAULT_MAX_IN_FLIGHT = 64
DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_GIVE_UP_AFTER_S = 120.0
NO_SOURCE = Said("error.llm.none")
STOPPED = "stopped before it finished"


class BulkTranslator:
    """The bulk engine. One instance runs one job at a time."""

    def __init__(
        self,
        database: Database,
        llm: LLMService | None,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        give_up_after_s: float = DEFAULT_GIVE_UP_AFTER_S,
        prices: Prices | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._database = database
        self._llm = llm
        self._batch_size = batch_size
        self._max_in_flight = max_in_flight
        self._max_attempts = max_attempts
        self._give_up_after_s = give_up_after_s
        self._prices = prices or {}
        self._clock = clock
        self._stage: LLMStage | None = None
        self._cancelled = False

    @property
    def model(self) -> str | None:
        """The LLM's model (the translation cache's key), None without an LLM."""
        return self._llm.model if self._llm is not None else None

    def cancel(self) -> None:
        """Stop the running job (call from its event loop); unfinished words stay pending."""
        self._cancelled = True
        if self._stage is not None:
            self._stage.stop()

    async def run(
        self,
        words: Sequence[str],
        source_lang: str,
        target_lang: str,
        *,
        progress: ProgressCallback | None = None,
        profile_id: int | None = None,
    ) -> BulkResult:
        """Translate `words` as a new job."""
        distinct, duplicates = bulk_jobs.distinct_words(words)
        model = self._llm.model if self._llm is not None else ""
        job_id = await bulk_jobs.create_job(
            self._database, distinct, source_lang, target_lang, model, profile_id
        )
        return await self._process(job_id, progress, duplicates=duplicates)

    async def resume(
        self, job_id: int, *, progress: ProgressCallback | None = None, retry_failed: bool = False
    ) -> BulkResult:
        """Continue an interrupted job: only its unfinished words are translated (and its failed
        ones again if `retry_failed`)."""
        return await self._process(job_id, progress, retry_failed=retry_failed)

    async def _process(
        self,
        job_id: int,
        progress: ProgressCallback | None,
        *,
        retry_failed: bool = False,
        duplicates: int = 0,
    ) -> BulkResult:
        self._cancelled = False
        job = await liveness.claim(self._database, job_id)
        tally = Tally(job_id, job.total, self._clock, progress, self._prices)
        status, error = JobStatus.CANCELLED, STOPPED
        try:
            async with liveness.heartbeat(self._database, job_id):
                if retry_failed:
                    await bulk_jobs.reset_failed(self._database, job_id)
                items = await bulk_jobs.pending_items(self._database, job_id)
                tally.seed(await bulk_jobs.status_counts(self._database, job_id))
                status, error = await self._translate(
                    items, job.source_lang, job.target_lang, tally
                )
        except BaseException as err:
            if not isinstance(err, asyncio.CancelledError):
                status, error = JobStatus.FAILED, str(err) or type(err).__name__
            raise
        finally:
            await asyncio.shield(bulk_jobs.set_job_status(self._database, job_id, status, error))
        if error:
            log.warning("bulk translation of job %d stopped: %s", job_id, error)
        await tally.advance(state=BulkState.of(status), reason=error)
        return await self._result(job_id, status, error, duplicates, tally)

    async def _translate(
        self, items: list[JobItem], source_lang: str, target_lang: str, tally: Tally
    ) -> tuple[JobStatus, str]:
        """Run the pending items; how the run ended and why it stopped early (if it did)."""
        if items and not self._cancelled:
            if self._llm is None:
                await self._fail(items, NO_SOURCE, tally)
            else:
                stage = await self._from_llm(self._llm, items, source_lang, target_lang, tally)
                if stage.stop_reason and not self._cancelled:
                    return stage.stop_status, stage.stop_reason
        if self._cancelled:
            return JobStatus.CANCELLED, "stopped by you"
        return JobStatus.DONE, ""

    async def _from_llm(
        self,
        llm: LLMService,
        items: list[JobItem],
        source_lang: str,
        target_lang: str,
        tally: Tally,
    ) -> LLMStage:
        settings = StageSettings(
            source_lang=source_lang,
            target_lang=target_lang,
            batch_size=self._batch_size,
            max_in_flight=self._max_in_flight,
            max_attempts=self._max_attempts,
            give_up_after_s=self._give_up_after_s,
        )
        reports: list[asyncio.Future[None]] = []

        def on_outcome(outcome: StageOutcome, in_flight: int) -> None:
            tally.record(
                done=outcome.done,
                usage=outcome.usage,
                model=outcome.model,
                in_flight=in_flight,
                requests=stage.requests,
            )
            waiting = stage.waiting
            report = tally.advance(
                done=outcome.done,
                failed=outcome.failed,
                state=BulkState.WAITING if waiting else BulkState.RUNNING,
                since=waiting.since if waiting else None,
                reason=waiting.reason if waiting else "",
                translated=outcome.entries,
            )
            reports.append(asyncio.ensure_future(report))

        stage = self._stage = LLMStage(self._database, llm, settings, on_outcome, self._clock)
        if self._cancelled:
            stage.stop()
        try:
            await stage.run(items)
        finally:
            await asyncio.gather(*reports)
            tally.requests = stage.requests
            self._stage = None
        return stage

    async def _fail(self, items: list[JobItem], reason: str, tally: Tally) -> None:
        updates = [ItemUpdate(i.id, JobStatus.FAILED, i.attempts, error=reason) for i in items]
        await bulk_jobs.save_items(self._database, updates)
        await tally.advance(failed=len(items))

    async def _result(
        self, job_id: int, status: JobStatus, error: str, duplicates: int, tally: Tally
    ) -> BulkResult:
        rows = await bulk_jobs.job_items(self._database, job_id)
        return BulkResult(
            job_id=job_id,
            status=status,
            total=len(rows),
            entries={
                r.word: WordEntry.model_validate(r.payload)
                for r in rows
                if r.status == JobStatus.DONE and r.payload
            },
            failures=[
                ItemFailure(r.word, bulk_jobs.item_reason(r.error))
                for r in rows
                if r.status == JobStatus.FAILED
            ],
            pending=[r.word for r in rows if r.status == JobStatus.PENDING],
            duplicates=duplicates,
            from_llm=tally.from_llm,
            requests=tally.requests,
            usage=tally.usage,
            cost_usd=tally.cost,
            error=error,
        )
