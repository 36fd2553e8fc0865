"""Bulk translation: thousands of words for one language pair, at the API's rate limit, resumable.

    translator = BulkTranslator(database, llm)
    result = await translator.run(words, "de", "en", progress=show)   # or .resume(job_id)
    result.entries["Haus"], result.failures, result.pending

The engine is the LLM end of the word-source chain (`services.vocabulary.WordSources`, which asks
the free sources first and hands it only what they lack). Words are cleaned and deduplicated, then
sent to the LLM in batches (see `llm_stage`), which also fills the translation cache. Every word
is stored as an item of a `BulkJob` with its own status, so `resume(job_id)` after a crash, a
cancel or an outage continues with exactly the unfinished words. `progress` (sync or async) receives a `BulkProgress`
after each step; `cancel()` stops the run, leaving the rest pending. Every word ends in `entries`,
`failures` (with the reason) or `pending` — none is dropped.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from words_tui.domain.entries import WordEntry
from words_tui.domain.enums import JobStatus
from words_tui.domain.text import word_key
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.llm.ledger import Prices, cost_usd
from words_tui.infrastructure.llm.protocols import LLMService
from words_tui.infrastructure.llm.results import Usage
from words_tui.services.bulk import jobs as bulk_jobs
from words_tui.services.bulk.jobs import ItemUpdate, JobItem
from words_tui.services.bulk.llm_stage import LLMStage, StageOutcome, StageSettings
from words_tui.services.bulk.pacing import RateMeter

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 25
DEFAULT_MAX_IN_FLIGHT = 64
DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_GIVE_UP_AFTER_S = 600.0
NO_SOURCE = "no LLM is configured"


@dataclass(frozen=True)
class BulkProgress:
    """A snapshot for progress bars; `done`/`failed` count the whole job, resumed runs included."""

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
        job = await bulk_jobs.load_job(self._database, job_id)
        if retry_failed:
            await bulk_jobs.reset_failed(self._database, job_id)
        items = await bulk_jobs.pending_items(self._database, job_id)
        tally = _Tally(job.total, self._clock, progress, self._prices)
        tally.seed(await bulk_jobs.status_counts(self._database, job_id))
        await bulk_jobs.set_job_status(self._database, job_id, JobStatus.RUNNING)
        error = ""
        if items and not self._cancelled:
            if self._llm is None:
                await self._fail(items, NO_SOURCE, tally)
            else:
                error = await self._from_llm(
                    self._llm, items, job.source_lang, job.target_lang, tally
                )
        status = (
            JobStatus.CANCELLED
            if self._cancelled
            else JobStatus.FAILED
            if error
            else JobStatus.DONE
        )
        await bulk_jobs.set_job_status(self._database, job_id, status)
        return await self._result(job_id, status, error, duplicates, tally)

    async def _from_llm(
        self,
        llm: LLMService,
        items: list[JobItem],
        source_lang: str,
        target_lang: str,
        tally: _Tally,
    ) -> str:
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
            tally.record(outcome, in_flight, stage.requests)
            reports.append(
                asyncio.ensure_future(tally.advance(done=outcome.done, failed=outcome.failed))
            )

        stage = self._stage = LLMStage(self._database, llm, settings, on_outcome, self._clock)
        if self._cancelled:
            stage.stop()
        try:
            await stage.run(items)
        finally:
            await asyncio.gather(*reports)
            tally.requests = stage.requests
            self._stage = None
        reason = stage.stop_reason
        if reason:
            log.warning("bulk translation stopped: %s", reason)
        return reason

    async def _fail(self, items: list[JobItem], reason: str, tally: _Tally) -> None:
        updates = [ItemUpdate(i.id, JobStatus.FAILED, i.attempts, error=reason) for i in items]
        await bulk_jobs.save_items(self._database, updates)
        await tally.advance(failed=len(items))

    async def _result(
        self, job_id: int, status: JobStatus, error: str, duplicates: int, tally: _Tally
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
            failures=[ItemFailure(r.word, r.error) for r in rows if r.status == JobStatus.FAILED],
            pending=[r.word for r in rows if r.status == JobStatus.PENDING],
            duplicates=duplicates,
            from_llm=tally.from_llm,
            requests=tally.requests,
            usage=tally.usage,
            cost_usd=tally.cost,
            error=error,
        )


class _Tally:
    """Counters of a run, and the progress reports built from them."""

    def __init__(
        self,
        total: int,
        clock: Callable[[], float],
        progress: ProgressCallback | None,
        prices: Mapping[str, tuple[float, float]],
    ) -> None:
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

    def record(self, outcome: StageOutcome, in_flight: int, requests: int) -> None:
        self.from_llm += outcome.done
        self.in_flight = in_flight
        self.requests = requests
        if outcome.usage.total:
            self.usage += outcome.usage
            price = cost_usd(self._prices, outcome.model, outcome.usage)
            self.cost = None if price is None or self.cost is None else self.cost + price

    async def advance(self, *, done: int = 0, failed: int = 0) -> None:
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
        )
        try:
            reported = self._progress(snapshot)
            if inspect.isawaitable(reported):
                await reported
        except Exception:  # a broken progress bar must not lose the job
            log.warning("bulk translation progress callback failed", exc_info=True)
