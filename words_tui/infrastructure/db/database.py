"""The seed's database API: a lazily created default engine, sessions, migrations.

`engine` and `AsyncSessionLocal` are module attributes resolved on first access (PEP 562), so
importing this module creates no engine, file or directory. `Database` bundles an engine with its
session factory for any URL, so tests and notebooks can open several databases at once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import NullPool

from words_tui.errors import DatabaseError
from words_tui.infrastructure.db.errors import explain
from words_tui.infrastructure.db.postgres import (
    IDLE_RELEASE_S,
    IdleRelease,
    classify_disconnects,
    postgres_engine_options,
)
from words_tui.infrastructure.db.types import json_text
from words_tui.settings import Settings, load_settings, normalise_database_url

SQLITE_BUSY_TIMEOUT_S = 30.0
SQLITE_CACHE_KIB = 64 * 1024
"""Page cache per connection (SQLite's default is 2 MiB). Bulk imports update several indexes
in random order; with the default cache each insert re-reads pages and spills dirty ones to the
WAL, which doubled the CPU time of writing 200k cards. Memory is only taken as pages are used."""


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory databases and other backends."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return None
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def check_sqlite_path(path: Path) -> None:
    """Refuse a directory where the database file should be; create the folder it lives in.

    Only `stat` and `mkdir` touch the path. Opening and closing any descriptor of the database
    file would drop every POSIX lock this process holds on it, including those of its live SQLite
    connections, and let another process delete the write-ahead log under them (SQLite's "How To
    Corrupt An SQLite Database File", §2.2). Whether the file is a database is SQLite's to say.
    """
    if path.is_dir():
        raise DatabaseError(key="error.database.directory", path=path)
    path.parent.mkdir(parents=True, exist_ok=True)


def not_a_database(path: Path) -> DatabaseError:
    """The one message for a file that SQLite says is not a database."""
    return DatabaseError(key="error.database.not_sqlite", path=path)


def _configure_sqlite(engine: AsyncEngine, path: Path | None) -> None:
    @event.listens_for(engine.sync_engine, "do_connect")
    def _before_connect(*_: Any) -> None:
        if path is not None:
            check_sqlite_path(path)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            if path is not None:
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
                cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
        except sqlite3.DatabaseError as err:
            if path is not None and "not a database" in str(err):
                raise not_a_database(path) from None
            raise
        finally:
            cursor.close()


def create_engine_for(url: str, *, echo: bool = False, pooler: bool = False) -> AsyncEngine:
    """An async engine for `url` with the project's pool and pragma choices.

    SQLite: NullPool (a file connection is cheap and NullPool avoids sharing connections across
    event loops), WAL, foreign keys, a busy timeout so a second process waits instead of failing.
    PostgreSQL (asyncpg): a pool sized for one learner with pre-ping and disconnects recognised
    (see `postgres`), and bulk inserts sent as multi-row
    VALUES pages, as SQLAlchemy does for psycopg2: asyncpg's executemany runs one INSERT per row
    on the server, which made writing the bulk benchmark's 400k rows a third slower. Both
    serialize JSON columns with `json_text` (`json.dumps`'s text, cheaper per value).
    """
    url = normalise_database_url(url)
    if url.startswith("sqlite"):
        engine = create_async_engine(
            url,
            echo=echo,
            json_serializer=json_text,
            poolclass=NullPool,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S},
        )
        _configure_sqlite(engine, sqlite_path(url))
        return engine
    engine = create_async_engine(
        url,
        echo=echo,
        json_serializer=json_text,
        **postgres_engine_options(pooler=pooler),
    )
    engine.sync_engine.dialect.use_insertmanyvalues_wo_returning = True
    classify_disconnects(engine)
    return engine


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit (front-ends read them afterwards)."""
    return async_sessionmaker(engine, expire_on_commit=False, class_=AsyncSession)


class Database:
    """An engine and its session factory for one URL."""

    def __init__(
        self,
        url: str,
        *,
        echo: bool = False,
        idle_release_s: float = IDLE_RELEASE_S,
        pooler: bool = False,
    ) -> None:
        self.url = normalise_database_url(url)
        self.engine = create_engine_for(self.url, echo=echo, pooler=pooler)
        self.sessions = make_session_factory(self.engine)
        self._idle = (
            None if self.url.startswith("sqlite") else IdleRelease(self.engine, idle_release_s)
        )

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Database:
        settings = settings or load_settings()
        return cls(settings.effective_database_url, pooler=settings.database_pooler)

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A unit of work: commits when the block succeeds, rolls back when it raises."""
        if self._idle is not None:
            self._idle.busy()
        try:
            async with self.sessions() as session:
                try:
                    yield session
                    await session.commit()
                except BaseException as err:
                    await _rollback(session)
                    explained = explain(err, self.url, self.location)
                    if explained is not None:
                        raise explained from err
                    raise
        finally:
            if self._idle is not None:
                self._idle.idle()

    async def init(self) -> str:
        """Bring the schema to the latest migration; returns the revision now in effect.

        A database at the latest revision already (every start but the first after an upgrade)
        is recognised without Alembic (see `revisions`)."""
        from words_tui.infrastructure.db.revisions import shipped_head, stored_revision

        try:
            head = shipped_head()
            if head is not None and await stored_revision(self.engine) == head:
                return head
            from words_tui.infrastructure.db.migrate import upgrade

            return await upgrade(self.engine)
        except (OSError, SQLAlchemyError) as err:
            explained = explain(err, self.url, self.location)
            if explained is not None:
                raise explained from err
            raise

    async def close(self) -> None:
        if self._idle is not None:
            await self._idle.close()
        await self.engine.dispose()

    @property
    def location(self) -> str:
        """The file path for SQLite, the URL without password otherwise."""
        path = sqlite_path(self.url)
        if path is not None:
            return str(path)
        return make_url(self.url).render_as_string(hide_password=True)


async def _rollback(session: AsyncSession) -> None:
    """Roll back after a failure; a connection that is gone cannot, and that is not news."""
    with suppress(OSError, SQLAlchemyError):
        await session.rollback()


_default: Database | None = None


def default_database() -> Database:
    """The database configured by the settings, created on first use."""
    global _default
    if _default is None:
        _default = Database.from_settings()
    return _default


@asynccontextmanager
async def get_session() -> AsyncIterator[AsyncSession]:
    """A session on the default database: commit on success, rollback on error."""
    async with default_database().session() as session:
        yield session


async def init_db(engine: AsyncEngine | None = None) -> str:
    """Bring the default database (or `engine`) to the latest schema; safe to call repeatedly."""
    if engine is not None:
        from words_tui.infrastructure.db.migrate import upgrade

        return await upgrade(engine)
    return await default_database().init()


async def close_db() -> None:
    """Dispose the default engine's connections; the next use creates a fresh engine."""
    global _default
    if _default is not None:
        await _default.close()
        _default = None


def __getattr__(name: str) -> Any:
    if name == "engine":
        return default_database().engine
    if name == "AsyncSessionLocal":
        return default_database().sessions
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
