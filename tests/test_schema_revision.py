"""A database at the latest schema opens without Alembic; any other still goes through it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.migrate import head_revision
from words_tui.infrastructure.db.revisions import shipped_head, stored_revision

OPEN_AND_REPORT = """
import asyncio, sys
from words_tui.infrastructure.db.database import Database

async def main():
    database = Database(sys.argv[1])
    print(await database.init())
    await database.close()
    print("alembic" in sys.modules)

asyncio.run(main())
"""


def open_in_a_new_process(url: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", OPEN_AND_REPORT, url], capture_output=True, text=True, check=True
    )
    return done.stdout.split()


def test_the_head_read_from_the_migration_files_is_alembics() -> None:
    assert shipped_head() == head_revision()


async def test_a_database_at_the_latest_revision_opens_without_importing_alembic(
    sqlite_database: Database,
) -> None:
    assert await stored_revision(sqlite_database.engine) == head_revision()

    assert open_in_a_new_process(sqlite_database.url) == [head_revision(), "False"]


def test_a_new_database_is_migrated_by_alembic(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'new.db'}"

    assert open_in_a_new_process(url) == [head_revision(), "True"]
