"""Another process opening and closing the database while a lesson writes loses nothing.

Closing any descriptor of a file drops all of the process's POSIX locks on it. If this process
ever opened the database file outside SQLite (as a header check once did before each connection),
another process closing its connection would believe it was the last user, checkpoint and delete
the write-ahead log under the lesson's feet: `disk I/O error` and lost answers.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from pathlib import Path

from sqlalchemy import text

from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.file_hold import FileHold

WRITES = 600
OPENER = """
import os, sqlite3, sys, time
deadline = time.monotonic() + 30
stop = sys.argv[2]
while time.monotonic() < deadline and not os.path.exists(stop):
    connection = sqlite3.connect(sys.argv[1])
    connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    connection.close()
"""


async def test_writes_survive_another_process_opening_and_closing_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "words.db"
    database = Database(f"sqlite+aiosqlite:///{path}")
    await database.init()
    async with database.session() as session:
        await session.execute(text("CREATE TABLE answers (id INTEGER PRIMARY KEY, v TEXT)"))
    hold = FileHold(path)
    await hold.hold()
    stop = tmp_path / "stop"
    opener = await asyncio.create_subprocess_exec(
        sys.executable, "-c", OPENER, str(path), str(stop)
    )
    try:
        for number in range(WRITES):
            async with database.session() as session:
                await session.execute(text("INSERT INTO answers (v) VALUES (:v)"), {"v": number})
    finally:
        stop.touch()
        await asyncio.wait_for(opener.wait(), timeout=60)
        await hold.release()
        await database.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM answers").fetchone() == (WRITES,)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
