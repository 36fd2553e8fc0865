"""Backups and integrity checks, done by SQLite itself so they are safe while the quiz runs.

A copy of a live database file made by `cp` can catch a page half written or miss the
write-ahead log; SQLite's online backup API copies a consistent snapshot while other processes
keep reading and writing. The copy is written next to its destination and renamed into place,
so a crash or a full disk never leaves a half-written backup under the requested name.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from words_tui.errors import DatabaseError

BACKUP_PAGES_PER_STEP = 4096
"""Pages copied per step of the online backup (16 MiB at SQLite's default page size): writers in
other processes get the database between steps."""


def _connect(path: Path) -> sqlite3.Connection:
    """A connection to an existing file; never creates one."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)


def backup_sqlite(source: Path, target: Path, *, overwrite: bool = False) -> Path:
    """Copy the SQLite database at `source` to `target` with the online backup API.

    Refuses to replace an existing `target` unless `overwrite`, and refuses `target` == `source`.
    """
    if not source.is_file():
        raise DatabaseError(key="error.backup.no_database", path=source)
    if target.exists() and target.resolve() == source.resolve():
        raise DatabaseError(key="error.backup.same_file", path=target)
    if target.exists() and not overwrite:
        raise DatabaseError(key="error.backup.exists", path=target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with closing(_connect(source)) as origin, closing(sqlite3.connect(partial)) as copy:
            origin.backup(copy, pages=BACKUP_PAGES_PER_STEP)
        partial.replace(target)
    except sqlite3.Error as err:
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            key="error.backup.failed", source=source, target=target, reason=str(err)
        ) from None
    except OSError as err:
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            key="error.backup.unwritable", path=target, reason=str(err.strerror or err)
        ) from None
    return target


def pre_migration_backup_path(database: Path, revision: str, now: datetime) -> Path:
    """Where the automatic backup before migrating `database` from `revision` goes: beside it."""
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    return database.with_name(f"{database.name}.before-upgrade-from-{revision}.{stamp}.bak")


@dataclass(frozen=True)
class IntegrityReport:
    """What `PRAGMA integrity_check` and `PRAGMA foreign_key_check` found (empty: nothing)."""

    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems


def check_sqlite(path: Path) -> IntegrityReport:
    """Check every page, index and foreign key of the database file at `path`."""
    if not path.is_file():
        raise DatabaseError(key="error.database.missing", path=path)
    try:
        with closing(_connect(path)) as connection:
            pages = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            keys = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as err:
        return IntegrityReport((f"{path}: {err}",))
    problems = [line for line in pages if line != "ok"]
    problems += [
        f"table {table} row {rowid} refers to a missing row of {parent}"
        for table, rowid, parent, _ in keys
    ]
    return IntegrityReport(tuple(problems))
