"""Keeping a SQLite database file open while lessons run, so that each answer commits cheaply.

The engine opens a connection per session (NullPool). When the last connection to a database in
WAL mode closes, SQLite checkpoints the WAL into the database file and deletes it, and the next
commit creates it again and syncs its header: three `fsync`s, about 20 ms on an ordinary disk —
several times what an answer's own statements cost. One more connection, opened before the
lesson and left idle, means an answer's session is never the last one: its commit appends to
the WAL and its close is free. The held connection reads nothing after opening and never holds
a transaction, so it blocks neither writers nor SQLite's own checkpoints (every 1000 pages).
It opens the existing file read-write without creating anything, and a failure to open only
costs the speed-up; on PostgreSQL and in-memory SQLite there is nothing to hold.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

log = logging.getLogger(__name__)


def _open(path: Path) -> sqlite3.Connection | None:
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=rw",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as err:
        log.info("could not hold %s open: %s", path, err)
        return None
    try:
        # Reading the schema attaches the connection to the WAL; autocommit ends the read.
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except sqlite3.Error as err:
        log.info("could not hold %s open: %s", path, err)
        connection.close()
        return None
    return connection


class FileHold:
    """An idle connection to the SQLite file at `path` (None: nothing to hold), while held."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None

    @property
    def held(self) -> bool:
        return self._connection is not None

    async def hold(self) -> None:
        """Open the idle connection unless it is open already (in a thread: it is file I/O)."""
        if self.path is None or self._connection is not None:
            return
        connection = await asyncio.to_thread(_open, self.path)
        if self._connection is None:
            self._connection = connection
        elif connection is not None:  # another task held it meanwhile
            connection.close()

    async def release(self) -> None:
        """Close it; being the last connection, its close may checkpoint the WAL (in a thread)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            await asyncio.to_thread(connection.close)
