"""Failures a user can fix are one line naming the problem and the place, exit status 1, and
nothing already saved is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from tests.builders import learner_with_words
from tests.llm_server import free_port
from tests.test_cli import run
from words_tui.errors import DatabaseError
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import UserWord
from words_tui.services.transfer import import_file


def only_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def test_a_refused_connection_is_one_line(isolated_settings: Path) -> None:
    url = f"postgresql://postgres@127.0.0.1:{free_port()}/test"
    result = run("db", "upgrade", env={"WORDS_DATABASE_URL": url})
    assert result.returncode == 1
    assert only_line(result.stderr).startswith(
        "words-tui: cannot connect to the database server at 127.0.0.1:"
    )
    assert "is PostgreSQL running there?" in result.stderr


@pytest.mark.postgres
def test_an_unknown_database_is_one_line_saying_how_to_create_it(
    isolated_settings: Path, postgres_url: str
) -> None:
    url = postgres_url.rpartition("/")[0] + "/no_such_database_here"
    result = run("db", "upgrade", env={"WORDS_DATABASE_URL": url})
    assert result.returncode == 1
    assert only_line(result.stderr) == (
        f"words-tui: the server at {url.split('@')[1].split('/')[0]} has no database "
        "'no_such_database_here': create it (createdb no_such_database_here) or fix the "
        "setting database_url"
    )


def test_an_unknown_host_is_one_line(isolated_settings: Path) -> None:
    url = "postgresql://postgres@no-such-host.invalid/test"
    result = run("db", "upgrade", env={"WORDS_DATABASE_URL": url})
    assert result.returncode == 1
    assert "cannot find the database host 'no-such-host.invalid'" in only_line(result.stderr)


def test_a_setting_that_is_not_json_is_one_line(isolated_settings: Path) -> None:
    result = run("doctor", env={"WORDS_DICTD_PATHS": "not json"})
    assert result.returncode == 1
    assert only_line(result.stderr) == (
        "words-tui: invalid setting 'dictd_paths' (from environment variable WORDS_DICTD_PATHS): "
        'not valid JSON; write it as JSON, e.g. ["/usr/share/dictd/freedict-eng-spa.index"]'
    )


async def test_a_full_disk_during_an_import_keeps_what_was_saved(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'words.db'}")
    await database.init()
    profile = await learner_with_words(database, target="es")
    assert profile.id is not None
    async with database.session() as session:
        before = (await session.execute(select(func.count()).select_from(UserWord))).scalar()
    pages = (tmp_path / "words.db").stat().st_size // 4096 + 40

    @event.listens_for(database.engine.sync_engine, "connect")
    def small_disk(connection: object, _record: object) -> None:
        connection.execute(f"PRAGMA max_page_count={pages}")  # type: ignore[attr-defined]

    big = tmp_path / "big.csv"
    big.write_text(
        "".join(f"palabra{n},meaning {n} {'x' * 40}\n" for n in range(20_000)), encoding="utf-8"
    )
    with pytest.raises(DatabaseError, match=r"the disk holding .*words\.db is full"):
        await import_file(database, profile.id, big)
    event.remove(database.engine.sync_engine, "connect", small_disk)
    async with database.session() as session:
        after = (await session.execute(select(func.count()).select_from(UserWord))).scalar()
    assert after == before
    await database.close()


def test_the_log_level_setting_applies(isolated_settings: Path) -> None:
    quiet = run("db", "upgrade")
    chatty = run("db", "upgrade", env={"WORDS_LOG_LEVEL": "INFO"})
    assert "INFO words_tui" not in quiet.stderr
    assert "INFO words_tui.services.core: database" in chatty.stderr
