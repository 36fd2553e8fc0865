"""Backups, integrity checks and upgrades of a learner's database, through the command line."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from tests.test_cli import run
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.migrate import alembic_config, head_revision

WRITER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], timeout=30)
connection.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT)")
for number in range(int(sys.argv[2])):
    with connection:
        connection.execute("INSERT INTO notes (body) VALUES (?)", ("x" * 500,))
print("done", flush=True)
"""


def database_file(isolated_settings: Path) -> Path:
    return isolated_settings / "data" / "words.db"


def backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bak"))


def rows(path: Path, table: str) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_backup_is_a_checked_copy_of_the_database(isolated_settings: Path) -> None:
    assert run("db", "upgrade").returncode == 0
    target = isolated_settings / "copy.db"
    result = run("db", "backup", str(target))
    assert result.returncode == 0, result.stderr
    assert "integrity check: ok" in result.stdout
    assert rows(target, "alembic_version") == 1


async def test_a_backup_taken_while_another_process_writes_is_consistent(
    isolated_settings: Path,
) -> None:
    assert run("db", "upgrade").returncode == 0
    source = database_file(isolated_settings)
    writer = await asyncio.create_subprocess_exec(
        sys.executable, "-c", WRITER, str(source), "3000", stdout=asyncio.subprocess.PIPE
    )
    target = isolated_settings / "during.db"
    result = await asyncio.to_thread(run, "db", "backup", str(target))
    await writer.wait()
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(target) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_backup_never_replaces_a_file_unless_forced(isolated_settings: Path) -> None:
    assert run("db", "upgrade").returncode == 0
    target = isolated_settings / "precious.txt"
    target.write_text("my thesis", encoding="utf-8")
    refused = run("db", "backup", str(target))
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        f"words-tui: {target} already exists; use --force to replace it"
    )
    assert target.read_text(encoding="utf-8") == "my thesis"
    assert run("db", "backup", str(target), "--force").returncode == 0
    assert rows(target, "alembic_version") == 1


def test_a_backup_of_a_postgresql_database_points_to_pg_dump(isolated_settings: Path) -> None:
    result = run(
        "db", "backup", "x.db", env={"WORDS_DATABASE_URL": "postgresql://nobody@127.0.0.1/none"}
    )
    assert result.returncode == 1
    assert "pg_dump" in result.stderr


def test_check_reports_a_healthy_database(isolated_settings: Path) -> None:
    assert run("db", "upgrade").returncode == 0
    result = run("db", "check")
    assert result.returncode == 0, result.stderr
    assert "pages, indexes and foreign keys ok" in result.stdout
    assert "up to date" in result.stdout


def test_check_reports_a_damaged_database_and_fails(isolated_settings: Path) -> None:
    assert run("db", "upgrade").returncode == 0
    path = database_file(isolated_settings)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute(
            "INSERT INTO profiles (id, user_id, name, native_lang, target_lang, level, "
            "interface_lang, timezone, day_start_hour, desired_retention, lesson_size, "
            "new_per_day, reviews_per_day, typing_after, is_active, created_at) "
            "VALUES (7, 999, 'orphan', 'en', 'es', 'A1', 'en', 'UTC', 4, 0.9, 30, 20, 200, 3, 0, "
            "'2030-01-01 00:00:00.000000')"
        )
    result = run("db", "check")
    assert result.returncode == 1
    assert "DAMAGED" in result.stdout
    assert "profiles row 7 refers to a missing row of users" in result.stdout


async def test_a_database_is_backed_up_beside_itself_before_its_schema_is_upgraded(
    tmp_path: Path,
) -> None:
    path = tmp_path / "words.db"
    with create_engine(f"sqlite:///{path}").begin() as connection:
        command.upgrade(alembic_config(connection), "0001_initial")
        connection.exec_driver_sql("INSERT INTO users (name, created_at) VALUES ('ana', '2030')")
    database = Database(f"sqlite+aiosqlite:///{path}")
    assert await database.init() == head_revision()
    await database.close()
    (backup,) = backups(tmp_path)
    assert backup.name.startswith("words.db.before-upgrade-from-0001_initial.")
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0001_initial",
        )
        assert connection.execute("SELECT name FROM users").fetchall() == [("ana",)]


async def test_a_current_database_is_not_backed_up_again(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'words.db'}")
    await database.init()
    await database.init()
    await database.close()
    assert backups(tmp_path) == []


def test_doctor_tells_to_upgrade_words_tui_for_a_database_from_a_newer_version(
    isolated_settings: Path,
) -> None:
    assert run("db", "upgrade").returncode == 0
    with sqlite3.connect(database_file(isolated_settings)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    result = run("doctor")
    assert "made by a newer version of words_tui; upgrade words_tui" in result.stdout
    assert "db upgrade" not in result.stdout


def test_check_names_a_database_from_a_newer_version(isolated_settings: Path) -> None:
    assert run("db", "upgrade").returncode == 0
    with sqlite3.connect(database_file(isolated_settings)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    result = run("db", "check")
    assert "made by a newer version of words_tui" in result.stdout
