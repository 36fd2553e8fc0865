"""Alembic migrations run from inside the package, on any engine, from async code."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.ext.asyncio import AsyncEngine

from words_tui.errors import DatabaseError
from words_tui.infrastructure.db.database import sqlite_path
from words_tui.infrastructure.db.maintenance import backup_sqlite, pre_migration_backup_path
from words_tui.infrastructure.db.types import utcnow

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
log = logging.getLogger(__name__)


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations, optionally bound to a connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships no migrations"
    return head


def _current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _known(scripts: ScriptDirectory, revision: str) -> bool:
    try:
        return scripts.get_revision(revision) is not None
    except CommandError:
        return False


def _upgrade(connection: Connection, where: str) -> str:
    current = _current(connection)
    scripts = ScriptDirectory.from_config(alembic_config())
    if current is not None and not _known(scripts, current):
        raise DatabaseError(key="error.database.newer", location=where, revision=current)
    command.upgrade(alembic_config(connection), "head")
    return head_revision()


def _location(engine: AsyncEngine) -> str:
    path = sqlite_path(str(engine.url))
    return str(path) if path else engine.url.render_as_string(hide_password=True)


async def upgrade(engine: AsyncEngine) -> str:
    """Apply every pending migration in one transaction; returns the head revision.

    A SQLite database that holds data at an older revision is first backed up beside itself
    (see `maintenance.pre_migration_backup_path`), so an upgrade can always be undone by hand.
    """
    where = _location(engine)
    path = sqlite_path(str(engine.url))
    try:
        if path is not None:
            await _backup_before_migrating(engine, path)
        async with engine.begin() as connection:
            return await connection.run_sync(_upgrade, where)
    except SADatabaseError as err:
        raise DatabaseError(
            key="error.database.unusable", location=where, reason=str(err.orig)
        ) from err


async def current_revision(engine: AsyncEngine) -> str | None:
    """The schema revision stored in the database, or None for a database never migrated."""
    async with engine.connect() as connection:
        return await connection.run_sync(_current)


async def _backup_before_migrating(engine: AsyncEngine, path: Path) -> None:
    current = await current_revision(engine)
    scripts = ScriptDirectory.from_config(alembic_config())
    if current is None or current == head_revision() or not _known(scripts, current):
        return
    target = pre_migration_backup_path(path, current, utcnow())
    await asyncio.to_thread(backup_sqlite, path, target)
    log.warning("backed up %s to %s before upgrading its schema", path, target)


def is_known_revision(revision: str) -> bool:
    """Whether this version of words_tui ships `revision` (False: a newer version made it)."""
    return _known(ScriptDirectory.from_config(alembic_config()), revision)
