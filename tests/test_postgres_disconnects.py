"""A PostgreSQL server dropping its connections (a restart, a failover) costs no answer.

The quiz keeps a pooled connection between answers. When the server terminates it, the next answer
must get a fresh connection rather than fail on the dead one, and every answer whose call returned
must be in the review log.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import asyncpg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from tests.builders import learner_with_words
from tests.conftest import asyncpg_dsn
from words_tui.domain.scheduling import SchedulingConfig
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Review
from words_tui.services.lessons import LessonService

NOW = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)

pytestmark = pytest.mark.postgres


async def terminate_every_connection(url: str) -> int:
    """Kill every server process serving `url`'s database, as an administrator would."""
    database = url.rpartition("/")[2]
    admin = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return int(
            await admin.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = $1 AND pid <> pg_backend_pid()",
                database,
            )
        )
    finally:
        await admin.close()


async def test_the_answer_after_the_server_dropped_every_connection_succeeds(
    postgres_url: str,
) -> None:
    database = Database(postgres_url)
    profile = await learner_with_words(database, now=NOW)
    assert profile.id is not None
    service = LessonService(
        database, clock=lambda: NOW, scheduling=SchedulingConfig(enable_fuzzing=False)
    )
    lesson = await service.start_lesson(profile.id)
    answered = 0
    for _ in range(3):
        card = lesson.current
        assert card is not None
        await service.answer(lesson, card, card.expected, 2.0)
        answered += 1
        assert await terminate_every_connection(postgres_url) >= 1
    card = lesson.current
    assert card is not None
    await service.answer(lesson, card, card.expected, 2.0)
    answered += 1
    await service.finish(lesson)
    async with database.session() as session:
        assert (
            await session.execute(select(func.count()).select_from(Review))
        ).scalar() == answered
    await database.close()


async def test_a_connection_dropped_in_the_middle_of_work_is_not_reused(postgres_url: str) -> None:
    database = Database(postgres_url)
    profile = await learner_with_words(database, now=NOW)
    assert profile.id is not None
    service = LessonService(
        database, clock=lambda: NOW, scheduling=SchedulingConfig(enable_fuzzing=False)
    )
    lesson = await service.start_lesson(profile.id)
    with pytest.raises(DBAPIError):
        async with database.session() as session:
            await session.execute(select(1))
            await terminate_every_connection(postgres_url)
            await session.execute(select(1))
    for _ in range(2):
        card = lesson.current
        assert card is not None
        await service.answer(lesson, card, card.expected, 2.0)
    async with database.session() as session:
        assert (await session.execute(select(func.count()).select_from(Review))).scalar() == 2
    await database.close()


async def server_connections(url: str) -> int:
    admin = await asyncpg.connect(asyncpg_dsn(url))
    try:
        count = await admin.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            url.rpartition("/")[2],
        )
        return int(count)
    finally:
        await admin.close()


async def backend_pid(database: Database) -> int:
    async with database.session() as session:
        return int((await session.execute(text("SELECT pg_backend_pid()"))).scalar_one())


async def test_a_burst_of_work_reuses_one_connection(postgres_url: str) -> None:
    database = Database(postgres_url)
    pids = {await backend_pid(database) for _ in range(5)}
    assert len(pids) == 1
    await database.close()


async def test_an_idle_process_gives_its_connection_back_to_the_server(postgres_url: str) -> None:
    database = Database(postgres_url, idle_release_s=0.05)
    first = await backend_pid(database)
    deadline = asyncio.get_running_loop().time() + 10
    while await server_connections(postgres_url) > 0:
        assert asyncio.get_running_loop().time() < deadline, "the idle connection was kept"
        await asyncio.sleep(0.05)
    assert await backend_pid(database) != first
    await database.close()
