"""A classroom behind PgBouncer in transaction mode (README, "A shared PostgreSQL database").

With `database_pooler` on, many learners' quiz processes answer through a real PgBouncer that
holds only a few server connections: every answer is saved, no prepared statement clashes
between clients, and the server never sees more connections than the pooler's pool.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy import func, select

from tests.builders import learner_with_words
from tests.conftest import asyncpg_dsn
from tests.pgbouncer import pgbouncer
from words_tui.domain.scheduling import SchedulingConfig
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Review
from words_tui.services.lessons import LessonService

pytestmark = pytest.mark.postgres

NOW = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)
LEARNERS = 40
ANSWERS = 3
SERVER_CONNECTIONS = 4
ROOT = Path(__file__).resolve().parent.parent


async def answer_some(url: str, profile_id: int) -> int:
    """One learner's quiz process: its own engine through the pooler, a lesson, a few answers."""
    database = Database(url, pooler=True)
    service = LessonService(
        database, clock=lambda: NOW, scheduling=SchedulingConfig(enable_fuzzing=False)
    )
    try:
        lesson = await service.start_lesson(profile_id)
        for _ in range(ANSWERS):
            card = lesson.current
            assert card is not None
            await service.answer(lesson, card, card.expected, 2.0)
        await service.finish(lesson)
        return ANSWERS
    finally:
        await database.close()


async def server_connections(admin: asyncpg.Connection, database: str) -> int:
    return int(
        await admin.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            database,
        )
    )


async def test_a_classroom_answers_through_pgbouncer_on_a_few_server_connections(
    postgres_url: str,
) -> None:
    setup = Database(postgres_url)
    profiles = [await learner_with_words(setup, f"learner{n}", now=NOW) for n in range(LEARNERS)]
    await setup.close()
    name = postgres_url.rpartition("/")[2]
    admin = await asyncpg.connect(asyncpg_dsn(postgres_url))
    peak = 0
    try:
        with pgbouncer(postgres_url, server_connections=SERVER_CONNECTIONS) as url:
            work = asyncio.gather(*(answer_some(url, p.id or 0) for p in profiles))
            while not work.done():
                peak = max(peak, await server_connections(admin, name))
                await asyncio.sleep(0.01)
            answered = sum(await work)
    finally:
        await admin.close()
    check = Database(postgres_url)
    async with check.session() as session:
        logged = (await session.execute(select(func.count()).select_from(Review))).scalar_one()
    await check.close()
    assert answered == logged == LEARNERS * ANSWERS
    assert 0 < peak <= SERVER_CONNECTIONS


def clients_in_turn(url: str, *, pooler: bool) -> list[subprocess.CompletedProcess[str]]:
    """Three processes, one after another, each using the database through `url`."""
    env = {**os.environ, "WORDS_DATABASE_URL": url, "WORDS_DATABASE_POOLER": str(pooler).lower()}
    command = [sys.executable, "-m", "tests.pooled_client"]
    return [
        subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
        for _ in range(3)
    ]


def test_with_the_pooler_setting_processes_share_one_server_connection(
    postgres_url: str,
) -> None:
    with pgbouncer(postgres_url, server_connections=1) as url:
        runs = clients_in_turn(url, pooler=True)
    assert [run.returncode for run in runs] == [0, 0, 0], runs[-1].stderr


def test_without_the_pooler_setting_processes_clash_on_prepared_statements(
    postgres_url: str,
) -> None:
    with pgbouncer(postgres_url, server_connections=1) as url:
        first, second, _ = clients_in_turn(url, pooler=False)
    assert first.returncode == 0
    assert second.returncode != 0 and "prepared statement" in second.stderr
