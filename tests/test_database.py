"""The seed's database API on real SQLite files and real PostgreSQL."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import NullPool, QueuePool

from words_tui.infrastructure.db.database import Database, DatabaseError, create_engine_for
from words_tui.infrastructure.db.migrate import head_revision
from words_tui.infrastructure.db.models import ALL_TABLES, User


def test_importing_the_seed_api_creates_no_file(tmp_path: Path) -> None:
    code = (
        "from words_tui.infrastructure import engine, AsyncSessionLocal, get_session, "
        "init_db, close_db; print(engine.url)"
    )
    env = {"WORDS_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert "words.db" in result.stdout
    assert not (tmp_path / "data").exists()


async def test_init_db_is_safe_on_a_new_and_on_an_existing_database(db_url: str) -> None:
    database = Database(db_url)
    assert await database.init() == head_revision()
    assert await database.init() == head_revision()
    await database.close()


async def test_session_commits_when_the_block_succeeds(database: Database) -> None:
    async with database.session() as session:
        session.add(User(name="ana"))
    async with database.session() as session:
        names = (await session.execute(select(User.name))).scalars().all()
    assert names == ["ana"]


async def test_session_rolls_back_when_the_block_raises(database: Database) -> None:
    with pytest.raises(RuntimeError):
        async with database.session() as session:
            session.add(User(name="ana"))
            await session.flush()
            raise RuntimeError("boom")
    async with database.session() as session:
        assert (await session.execute(select(User))).first() is None


async def test_unique_user_names_are_enforced(database: Database) -> None:
    async with database.session() as session:
        session.add(User(name="ana"))
    with pytest.raises(IntegrityError):
        async with database.session() as session:
            session.add(User(name="ana"))


async def test_times_come_back_aware_in_utc(database: Database) -> None:
    moment = datetime(2026, 3, 29, 1, 30, tzinfo=timezone(timedelta(hours=3)))
    async with database.session() as session:
        session.add(User(name="ana", created_at=moment))
    async with database.session() as session:
        stored = (await session.execute(select(User.created_at))).scalar_one()
    assert stored == moment
    assert stored.tzinfo is not None
    assert stored.utcoffset() == timedelta(0)


async def test_naive_times_are_refused(database: Database) -> None:
    with pytest.raises(Exception, match="naive datetime"):
        async with database.session() as session:
            session.add(User(name="ana", created_at=datetime(2026, 1, 1)))
            await session.flush()


def _schema_diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, ALL_TABLES))


async def test_migrations_and_models_agree(database: Database) -> None:
    async with database.engine.connect() as connection:
        diff = await connection.run_sync(_schema_diff)
    assert diff == []


async def test_sqlite_uses_wal_foreign_keys_and_a_busy_timeout(sqlite_database: Database) -> None:
    async with sqlite_database.engine.connect() as connection:
        journal = (await connection.execute(text("PRAGMA journal_mode"))).scalar_one()
        foreign_keys = (await connection.execute(text("PRAGMA foreign_keys"))).scalar_one()
        busy = (await connection.execute(text("PRAGMA busy_timeout"))).scalar_one()
    assert (journal, foreign_keys) == ("wal", 1)
    assert busy >= 1000


async def test_the_database_file_and_its_directory_are_created_on_first_use(
    tmp_path: Path,
) -> None:
    path = tmp_path / "nested" / "dir" / "words.db"
    database = Database(f"sqlite:///{path}")
    assert not path.parent.exists()
    await database.init()
    await database.close()
    assert path.exists()


async def test_a_corrupt_file_is_named_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "words.db"
    junk = b"this is my shopping list, not a database\n" * 10
    path.write_bytes(junk)
    database = Database(f"sqlite:///{path}")
    with pytest.raises(DatabaseError, match=r"words\.db is not a SQLite database"):
        await database.init()
    await database.close()
    assert path.read_bytes() == junk


async def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "words.db"
    database = Database(f"sqlite:///{path}")
    await database.init()
    await database.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    with pytest.raises(DatabaseError, match="newer version of words_tui"):
        await database.init()
    await database.close()
    with sqlite3.connect(path) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == ("ffff_from_the_future",)


def test_postgres_engine_pools_connections_with_pre_ping() -> None:
    engine = create_engine_for("postgresql://postgres@127.0.0.1:5432/test")
    assert isinstance(engine.pool, QueuePool)
    assert engine.pool._pre_ping  # type: ignore[attr-defined]
    assert engine.url.drivername == "postgresql+asyncpg"


def test_sqlite_engine_uses_no_pool(tmp_path: Path) -> None:
    engine = create_engine_for(f"sqlite:///{tmp_path / 'words.db'}")
    assert isinstance(engine.pool, NullPool)


def test_utcnow_is_aware() -> None:
    from words_tui.infrastructure.db.types import utcnow

    assert utcnow().tzinfo == UTC


async def test_a_writer_waits_for_another_process_lock_instead_of_failing(
    sqlite_database: Database,
) -> None:
    path = sqlite_database.location
    other = sqlite3.connect(path, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO users (name, created_at) VALUES ('other', '2026-01-01 00:00:00')")
    release = threading.Timer(0.5, other.commit)
    release.start()
    try:
        async with sqlite_database.session() as session:
            session.add(User(name="ana"))
    finally:
        release.join()
        other.close()
    async with sqlite_database.session() as session:
        names = set((await session.execute(select(User.name))).scalars())
    assert names == {"ana", "other"}
