"""A PostgreSQL server with no free connection makes a learner wait a moment, not lose an answer.

The limit is real: a role allowed one connection, one of them held by another program, released
half a second later.
"""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.conftest import asyncpg_dsn
from words_tui.infrastructure.db.database import Database

pytestmark = pytest.mark.postgres


async def test_a_unit_of_work_waits_for_a_free_connection(postgres_url: str) -> None:
    role = f"words_limited_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(asyncpg_dsn(postgres_url))
    await admin.execute(f"CREATE ROLE {role} LOGIN CONNECTION LIMIT 1")
    try:
        limited = make_url(postgres_url).set(username=role).render_as_string(False)
        holder = await asyncpg.connect(asyncpg_dsn(limited))
        with pytest.raises(asyncpg.TooManyConnectionsError):
            await asyncpg.connect(asyncpg_dsn(limited))
        asyncio.get_running_loop().call_later(0.5, lambda: asyncio.ensure_future(holder.close()))
        database = Database(limited)
        try:
            async with database.session() as session:
                assert (await session.execute(text("SELECT 1"))).scalar() == 1
        finally:
            await database.close()
    finally:
        await admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", role
        )
        await admin.execute(f"DROP ROLE {role}")
        await admin.close()
