"""Which bulk jobs are alive: a running job names its process and renews a heartbeat.

A job left "running" by a killed process (kill -9, a closed laptop, a dead kernel) is recognised
as stale — on this host its process is gone; anywhere, its heartbeat stopped — and can be
resumed; a job a live process is running cannot be run a second time (`JobBusy`). The list of
unfinished jobs says how far each got and why it stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import func, select, update
from sqlmodel import col

from words_tui.domain.enums import JobStatus
from words_tui.errors import Explained
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import BulkItem, BulkJob
from words_tui.infrastructure.db.types import utcnow

HEARTBEAT_S = 10.0
STALE_AFTER_S = 45.0
"""A running job without a heartbeat for this long was killed (three beats missed, and some)."""
PROCESS_ENDED = "the process running it ended before it finished"


class JobBusy(Explained, ValueError):
    """The job is being translated by another live process right now."""


@dataclass(frozen=True)
class JobSummary:
    """An unfinished job as a list of jobs shows it: how far it got and why it stopped."""

    id: int
    profile_id: int | None
    source_lang: str
    target_lang: str
    status: JobStatus
    total: int
    done: int
    failed: int
    created_at: datetime
    error: str
    stale: bool

    @property
    def pending(self) -> int:
        return self.total - self.done - self.failed

    @property
    def resumable(self) -> bool:
        """Not being translated by a live process at this moment."""
        return self.status != JobStatus.RUNNING or self.stale

    @property
    def reason(self) -> str:
        """Why it is unfinished, in one line."""
        if self.stale:
            return PROCESS_ENDED
        if self.status == JobStatus.RUNNING:
            return "running in another process"
        return self.error or {
            JobStatus.CANCELLED: "stopped",
            JobStatus.PENDING: "not started",
        }.get(self.status, str(self.status))


def runner_id() -> str:
    """This process, as `host:pid`."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def is_stale(job: BulkJob, now: datetime) -> bool:
    """Whether a job marked running has lost its process: on this host, the process is gone;
    anywhere, the heartbeat stopped more than `STALE_AFTER_S` ago."""
    if job.status != JobStatus.RUNNING.value:
        return False
    host, _, pid = job.runner.rpartition(":")
    if host == socket.gethostname() and pid.isdigit() and not _process_alive(int(pid)):
        return True
    beat = job.heartbeat_at or job.created_at
    return (now - beat).total_seconds() > STALE_AFTER_S


async def claim(database: Database, job_id: int) -> BulkJob:
    """Mark the job as run by this process, unless another live process runs it (`JobBusy`)."""
    now = utcnow()
    async with database.session() as session:
        job = await session.get(BulkJob, job_id)
        if job is None:
            raise ValueError(f"there is no bulk job {job_id}")
        if job.status == JobStatus.RUNNING.value and not is_stale(job, now):
            raise JobBusy(key="error.bulk.job_busy", job=job_id, runner=job.runner)
        job.status, job.runner, job.heartbeat_at, job.error = (
            JobStatus.RUNNING.value,
            runner_id(),
            now,
            "",
        )
        session.add(job)
    return job


@contextlib.asynccontextmanager
async def heartbeat(database: Database, job_id: int) -> AsyncIterator[None]:
    """Renew the job's heartbeat every `HEARTBEAT_S` while the block runs."""

    async def beat() -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_S)
            with contextlib.suppress(Exception):  # a missed beat only risks looking stale
                async with database.session() as session:
                    await session.execute(
                        update(BulkJob)
                        .where(col(BulkJob.id) == job_id)
                        .values(heartbeat_at=utcnow())
                    )

    task = asyncio.ensure_future(beat())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def unfinished_jobs(
    database: Database, profile_id: int | None = None, now: datetime | None = None
) -> list[JobSummary]:
    """Jobs that were stopped, paused, failed or killed (and those running right now), newest
    first, of one profile when given: candidates for `resume`."""
    query = select(BulkJob).where(col(BulkJob.status) != JobStatus.DONE.value)
    if profile_id is not None:
        query = query.where(col(BulkJob.profile_id) == profile_id)
    counts = (
        select(col(BulkItem.job_id), col(BulkItem.status), func.count())
        .join(BulkJob, col(BulkJob.id) == col(BulkItem.job_id))
        .where(col(BulkJob.status) != JobStatus.DONE.value)
        .group_by(col(BulkItem.job_id), col(BulkItem.status))
    )
    async with database.session() as session:
        jobs = list((await session.execute(query.order_by(col(BulkJob.id).desc()))).scalars())
        tallies: dict[tuple[int, str], int] = {
            (job_id, status): int(n) for job_id, status, n in await session.execute(counts)
        }
    moment = now or utcnow()
    return [
        JobSummary(
            id=cast(int, job.id),
            profile_id=job.profile_id,
            source_lang=job.source_lang,
            target_lang=job.target_lang,
            status=JobStatus(job.status),
            total=job.total,
            done=tallies.get((cast(int, job.id), JobStatus.DONE.value), 0),
            failed=tallies.get((cast(int, job.id), JobStatus.FAILED.value), 0),
            created_at=job.created_at,
            error=job.error,
            stale=is_stale(job, moment),
        )
        for job in jobs
    ]
