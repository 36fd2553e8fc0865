"""Shared fixtures: isolated settings, and databases on real SQLite files and real PostgreSQL.

PostgreSQL tests need `WORDS_TEST_POSTGRES_URL` (e.g. postgresql://postgres@127.0.0.1:5432/test);
each test gets a throwaway database cloned from a migrated template. Without the variable those
tests skip and say so — unless `WORDS_TEST_REQUIRE_POSTGRES=1` (CI), where they fail instead.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from words_tui.infrastructure.db.database import Database

pytest_plugins = ["tests.llm_fixtures"]

POSTGRES_URL = os.environ.get("WORDS_TEST_POSTGRES_URL")
REQUIRE_POSTGRES = os.environ.get("WORDS_TEST_REQUIRE_POSTGRES") == "1"
TEMPLATE_DB = f"words_tui_template_{os.getpid()}"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads the developer's config, data dir, locale or API key, nor finds an espeak-ng
    installed on the machine (screens must look the same with and without it; tests of
    pronunciation give the program explicitly)."""
    for name in list(os.environ):
        if name.startswith("WORDS_") and not name.startswith("WORDS_TEST_"):
            monkeypatch.delenv(name)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv("WORDS_CONFIG_FILE", str(tmp_path / "config" / "config.toml"))
    monkeypatch.setenv("WORDS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("WORDS_USER", "tester")
    monkeypatch.setattr("words_tui.infrastructure.speech.PROGRAM", "espeak-ng-absent-in-tests")
    monkeypatch.chdir(tmp_path)
    return tmp_path


PROFILE_DEFAULTS = {
    "lesson_size": 20,
    "new_per_day": 3,
    "reviews_per_day": 80,
    "desired_retention": 0.85,
    "typing_after": 4,
}
"""Non-default values of the settings new profiles take their knobs from."""


@pytest.fixture
def profile_defaults_in_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, float]:
    """`PROFILE_DEFAULTS` set through their WORDS_* variables; returns what a profile should get."""
    for name, value in PROFILE_DEFAULTS.items():
        monkeypatch.setenv(f"WORDS_{name.upper()}", str(value))
    return dict(PROFILE_DEFAULTS)


def knobs_of(profile: object) -> dict[str, float]:
    """The profile's values of the knobs in `PROFILE_DEFAULTS`."""
    return {name: getattr(profile, name) for name in PROFILE_DEFAULTS}


def asyncpg_dsn(url: str) -> str:
    """A database URL as asyncpg itself takes it (without SQLAlchemy's driver suffix)."""
    return url.replace("postgresql+asyncpg://", "postgresql://")


def _admin_url() -> str:
    assert POSTGRES_URL is not None
    return asyncpg_dsn(POSTGRES_URL)


def _with_database(url: str, name: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


async def _admin(sql: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(_admin_url())
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """A migrated PostgreSQL database that per-test databases are cloned from."""
    if not POSTGRES_URL:
        if REQUIRE_POSTGRES:
            pytest.fail("WORDS_TEST_REQUIRE_POSTGRES=1 but WORDS_TEST_POSTGRES_URL is not set")
        pytest.skip("no PostgreSQL: set WORDS_TEST_POSTGRES_URL to run this test on PostgreSQL")

    async def create() -> None:
        await _admin(f'DROP DATABASE IF EXISTS "{TEMPLATE_DB}"')
        await _admin(f'CREATE DATABASE "{TEMPLATE_DB}"')
        database = Database(_with_database(_admin_url(), TEMPLATE_DB))
        await database.init()
        await database.close()

    asyncio.run(create())
    yield TEMPLATE_DB
    asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{TEMPLATE_DB}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty, migrated database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'words.db'}"
        return
    yield from _throwaway_postgres(request.getfixturevalue("postgres_template"))


@pytest.fixture
def postgres_url(postgres_template: str) -> Iterator[str]:
    """A URL of an empty, migrated PostgreSQL database, for tests about PostgreSQL itself."""
    yield from _throwaway_postgres(postgres_template)


def _throwaway_postgres(template: str) -> Iterator[str]:
    name = f"words_tui_test_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield _with_database(_admin_url(), name)
    asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def database(db_url: str) -> AsyncIterator[Database]:
    """A migrated database, closed after the test."""
    db = Database(db_url)
    await db.init()
    yield db
    await db.close()


@pytest.fixture
async def sqlite_database(tmp_path: Path) -> AsyncIterator[Database]:
    """A migrated SQLite file database, for tests about behaviour that is not core-specific."""
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'words.db'}")
    await db.init()
    yield db
    await db.close()
