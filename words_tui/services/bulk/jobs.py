"""Persistence of bulk translation jobs: a `BulkJob` row and one `BulkItem` per distinct word.

Each item's status (pending → done | failed), attempts, last error and entry are written as soon
as its request ends, so a run killed at any moment resumes with exactly the unfinished items and
never pays twice for a finished one. Which jobs are alive, and the list of unfinished ones, is
in `liveness`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.entries import WordEntry
from words_tui.domain.enums import JobStatus
from words_tui.domain.text import MAX_WORD_LENGTH, clean_text, word_key
from words_tui.i18n.said import Said, read_back
from words_tui.infrastructure.db.bulk import LARGE_BATCH, chunks
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import BulkItem, BulkJob
from words_tui.infrastructure.db.types import utcnow
from words_tui.infrastructure.llm.caching import TranslationCacheStore
from words_tui.infrastructure.llm.errors import WORD_FAILURES

TOO_LONG = Said("error.bulk.too_long", count=MAX_WORD_LENGTH)
ITEM_REASONS = ("error.bulk.too_long", "error.llm.none", *WORD_FAILURES)
"""The keys of the reasons a word fails for, which its item keeps as English text: too long,
no LLM, or the LLM's own (`WORD_FAILURES`). `item_reason` reads them back."""


@dataclass
class JobItem:
    """A word still to translate (mutable: the engine counts its attempts)."""

    id: int
    word: str
    attempts: int


@dataclass(frozen=True)
class ItemUpdate:
    """The new state of one item after a request."""

    id: int
    status: JobStatus
    attempts: int
    error: str = ""
    entry: WordEntry | None = None


def distinct_words(words: Sequence[str]) -> tuple[list[str], int]:
    """The words cleaned, blanks dropped, duplicates (same `word_key`) merged into the first
    spelling; and how many inputs were merged away."""
    first: dict[str, str] = {}
    duplicates = 0
    for raw in words:
        text = clean_text(raw)
        if not text:
            continue
        key = word_key(text) if len(text) <= MAX_WORD_LENGTH else text
        if key in first:
            duplicates += 1
        else:
            first[key] = text
    return list(first.values()), duplicates


async def create_job(
    database: Database,
    words: Sequence[str],
    source_lang: str,
    target_lang: str,
    model: str,
    profile_id: int | None = None,
) -> int:
    """A new job with one pending item per word (`words` already distinct); words too long to
    be a word are stored as failed at once, so they are reported, not dropped."""
    async with database.session() as session:
        job = BulkJob(
            profile_id=profile_id,
            source_lang=source_lang,
            target_lang=target_lang,
            model=model,
            status=JobStatus.PENDING.value,
            total=len(words),
        )
        session.add(job)
        await session.flush()
        assert job.id is not None
        now = utcnow()
        rows: list[dict[str, Any]] = []
        for position, word in enumerate(words):
            too_long = len(word) > MAX_WORD_LENGTH
            rows.append(
                {
                    "job_id": job.id,
                    "position": position,
                    "word": word[:MAX_WORD_LENGTH],
                    "norm": f"#{position}" if too_long else word_key(word),
                    "status": (JobStatus.FAILED if too_long else JobStatus.PENDING).value,
                    "attempts": 0,
                    "error": str(TOO_LONG) if too_long else "",
                    "updated_at": now,
                }
            )
        for chunk in chunks(rows, LARGE_BATCH):
            await session.execute(insert(BulkItem), list(chunk))
        return job.id


async def load_job(database: Database, job_id: int) -> BulkJob:
    async with database.session() as session:
        job = await session.get(BulkJob, job_id)
    if job is None:
        raise ValueError(f"there is no bulk job {job_id}")
    return job


async def set_job_status(
    database: Database, job_id: int, status: JobStatus, error: str = ""
) -> None:
    """The job's status and why it stopped (a finished job also gets its finishing time)."""
    finished = utcnow() if status in (JobStatus.DONE, JobStatus.FAILED) else None
    async with database.session() as session:
        await session.execute(
            update(BulkJob)
            .where(col(BulkJob.id) == job_id)
            .values(status=status.value, finished_at=finished, error=error[:500])
        )


async def pending_items(database: Database, job_id: int) -> list[JobItem]:
    """The items still to translate, in input order."""
    query = (
        select(col(BulkItem.id), col(BulkItem.word), col(BulkItem.attempts))
        .where(col(BulkItem.job_id) == job_id, col(BulkItem.status) == JobStatus.PENDING.value)
        .order_by(col(BulkItem.position))
    )
    async with database.session() as session:
        rows = (await session.execute(query)).all()
    return [JobItem(id=cast(int, item_id), word=word, attempts=n) for item_id, word, n in rows]


async def reset_failed(database: Database, job_id: int) -> None:
    """Give the job's failed items a fresh set of attempts (words too long stay failed)."""
    async with database.session() as session:
        await session.execute(
            update(BulkItem)
            .where(
                col(BulkItem.job_id) == job_id,
                col(BulkItem.status) == JobStatus.FAILED.value,
                col(BulkItem.error) != str(TOO_LONG),
            )
            .values(status=JobStatus.PENDING.value, attempts=0, error="")
        )


async def save_items(database: Database, updates: Sequence[ItemUpdate]) -> None:
    """Write the items' new states in one transaction."""
    if updates:
        async with database.session() as session:
            await save_items_in(session, updates)


async def save_items_in(session: AsyncSession, updates: Sequence[ItemUpdate]) -> None:
    """`save_items` within the caller's transaction."""
    now = utcnow()
    rows = [
        {
            "id": u.id,
            "status": u.status.value,
            "attempts": u.attempts,
            "error": u.error[:500],
            "payload": u.entry.model_dump(mode="json") if u.entry is not None else None,
            "updated_at": now,
        }
        for u in updates
    ]
    await session.execute(update(BulkItem), rows)


class ItemWriter:
    """Saves the outcomes of concurrent requests in few transactions, off their critical path.

    Requests `submit` and go on; one background task writes whatever has accumulated (item
    states and new cache entries together, so a crash never leaves one without the other) while
    the next results pile up. SQLite serialises writers, so one transaction per request would cap
    a fast job at the disk's commit rate.
    """

    def __init__(self, database: Database, cache: TranslationCacheStore) -> None:
        self._database = database
        self._cache = cache
        self._updates: list[ItemUpdate] = []
        self._entries: list[WordEntry] = []
        self._wake = asyncio.Event()
        self._closing = False
        self._task: asyncio.Task[None] | None = None
        self.error: str = ""

    def start(self) -> None:
        self._task = asyncio.ensure_future(self._write_loop())

    def submit(self, updates: Sequence[ItemUpdate], entries: Sequence[WordEntry] = ()) -> None:
        self._updates.extend(updates)
        self._entries.extend(entries)
        self._wake.set()

    async def close(self) -> None:
        """Write everything submitted so far, then stop."""
        self._closing = True
        self._wake.set()
        if self._task is not None:
            await asyncio.shield(self._task)

    async def _write_loop(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._updates or self._entries:
                updates, self._updates = self._updates, []
                entries, self._entries = self._entries, []
                try:
                    async with self._database.session() as session:
                        await self._cache.put_many_in(session, entries)
                        await save_items_in(session, updates)
                except Exception as err:  # reported to the engine, which stops the job
                    self.error = Said("error.bulk.not_saved", error=err)
                    return
            if self._closing:
                return


def item_reason(stored: str) -> str:
    """Why an item failed, as its row keeps it (English), read back as a `Said` line when it
    is one of `ITEM_REASONS`, so a front-end words it in the learner's language."""
    return read_back(stored, ITEM_REASONS)


async def status_counts(database: Database, job_id: int) -> dict[str, int]:
    """How many of the job's items are in each status."""
    query = (
        select(col(BulkItem.status), func.count())
        .where(col(BulkItem.job_id) == job_id)
        .group_by(col(BulkItem.status))
    )
    async with database.session() as session:
        return {status: int(n) for status, n in (await session.execute(query)).all()}


async def job_items(database: Database, job_id: int) -> list[BulkItem]:
    """Every item of the job, in input order."""
    query = select(BulkItem).where(col(BulkItem.job_id) == job_id).order_by(col(BulkItem.position))
    async with database.session() as session:
        return list((await session.execute(query)).scalars())
