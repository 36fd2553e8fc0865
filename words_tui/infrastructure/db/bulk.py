"""Bulk statements every writer shares: chunking, "insert, ignore conflicts", upsert.

Words are shared between learners and several processes write at once, so adding rows that may
already exist is an INSERT that skips conflicts (`ON CONFLICT DO NOTHING`, spelled the same on
SQLite and PostgreSQL) rather than a read followed by a write that can race.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
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
    """An INSERT for the session's backend, which offers its ON CONFLICT clauses (the
    backend's dialect module is imported here, not on start: PostgreSQL's is large)."""
    name = session.get_bind().dialect.name
    dialect = importlib.import_module(f"sqlalchemy.dialects.{name}")
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


async def insert_many(
    executor: AsyncSession | AsyncConnection, table: Table, rows: Sequence[dict[str, Any]]
) -> None:
    """Insert `rows` (dicts with the same keys) in one executemany.

    On SQLite the values are taken column by column, each through its type's bind
    processor at C speed (`map`), and the driver gets plain tuples: SQLAlchemy's own executemany
    builds every row's parameters one by one, which was most of a bulk insert's CPU time. Rows
    that leave out a column with a Python-side default (and every other backend) take the plain
    Core insert, which fills the defaults in.
    """
    if not rows:
        return
    connection = await executor.connection() if isinstance(executor, AsyncSession) else executor
    dialect = connection.dialect
    names = list(rows[0])
    defaulted = {column.key for column in table.columns if column.default is not None}
    if dialect.name != "sqlite" or not defaulted <= set(names):
        await connection.execute(insert(table), list(rows))
        return
    columns = [table.c[name] for name in names]
    processors = [column.type.dialect_impl(dialect).bind_processor(dialect) for column in columns]
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    values = [tuple(map(itemgetter(name), rows)) for name in names]
    for index, process in enumerate(processors):
        if process is not None:
            values[index] = tuple(map(process, values[index]))
    await connection.exec_driver_sql(sql, list(zip(*values, strict=True)))
