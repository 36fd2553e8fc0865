"""Bulk statements every writer shares: chunking, "insert, ignore conflicts", upsert.

Words are shared between learners and several processes write at once, so adding rows that may
already exist is an INSERT that skips conflicts (`ON CONFLICT DO NOTHING`, spelled the same on
SQLite and PostgreSQL) rather than a read followed by a write that can race.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

T = TypeVar("T")

PARAMETER_CHUNK = 500
"""Items per statement that binds all of them at once (an IN list, a multi-row VALUES): well
under SQLite's bound-parameter limit even with every column of a row bound."""
LARGE_BATCH = 5_000
"""Items per statement when each costs at most one bound parameter (a one-column IN list) or the
driver pages the rows itself (executemany): fewer round trips for imports of 100k rows, still
under SQLite's 32,766-parameter limit."""


def chunks(items: Sequence[T], size: int = PARAMETER_CHUNK) -> Iterator[Sequence[T]]:
    """`items` in consecutive slices of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _table(target: Table | type[SQLModel]) -> Table:
    return target if isinstance(target, Table) else target.__table__  # type: ignore[attr-defined]


def insert_statement(session: AsyncSession, target: Table | type[SQLModel]) -> Any:
    """An INSERT for the session's backend, which offers its ON CONFLICT clauses."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(_table(target))


async def insert_ignoring_conflicts(
    session: AsyncSession, target: Table | type[SQLModel], rows: Sequence[dict[str, Any]]
) -> None:
    """Insert `rows`, skipping any that would break a unique constraint (another writer won)."""
    statement = insert_statement(session, target).on_conflict_do_nothing()
    for chunk in chunks(rows):
        await session.execute(statement, list(chunk))


async def upsert(
    session: AsyncSession,
    target: Table | type[SQLModel],
    rows: Sequence[dict[str, Any]],
    keys: Sequence[str],
    refresh: Sequence[str],
) -> None:
    """Insert `rows`; where `keys` already exist, overwrite the `refresh` columns instead."""
    statement = insert_statement(session, target)
    statement = statement.on_conflict_do_update(
        index_elements=list(keys), set_={name: statement.excluded[name] for name in refresh}
    )
    for chunk in chunks(rows):
        await session.execute(statement, list(chunk))
