"""Bulk statements every writer shares: chunking, "insert, ignore conflicts", upsert.

Words are shared between learners and several processes write at once, so adding rows that may
already exist is an INSERT that skips conflicts (`ON CONFLICT DO NOTHING`, spelled the same on
SQLite and PostgreSQL) rather than a read followed by a write that can race.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import JSON, Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.types import TypeEngine
from sqlmodel import SQLModel

from words_tui.infrastructure.db.types import json_text

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


def _sqlite_values(
    connection: AsyncConnection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    names: Sequence[str],
) -> list[tuple[Any, ...]] | None:
    """The rows as the SQLite driver's tuples (columns in `names` order), each column taken through
    its type's bind processor at C speed (`map`); None on other backends, or when the rows leave
    out a column with a Python-side default (the Core insert fills those in)."""
    dialect = connection.dialect
    defaulted = {column.key for column in table.columns if column.default is not None}
    if dialect.name != "sqlite" or not defaulted <= set(names):
        return None
    values = [tuple(map(itemgetter(name), rows)) for name in names]
    for index, name in enumerate(names):
        process = _bind_processor(table.c[name].type, dialect)
        if process is not None:
            values[index] = tuple(map(process, values[index]))
    return list(zip(*values, strict=True))


def _bind_processor(column_type: TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """The column type's bind processor; for JSON columns the engine's serializer itself when it
    is `json_text` (as `Database` configures it): SQLAlchemy's wraps it in a function that
    looks for its `JSON.NULL` sentinel first — a Python call per value, which bulk rows of
    plain lists and dicts never need (None still becomes `null`, as through the wrapper)."""
    process: Callable[[Any], Any] | None = json_text
    if (
        not isinstance(column_type, JSON)
        or getattr(dialect, "_json_serializer", None) is not process
    ):
        process = column_type.dialect_impl(dialect).bind_processor(dialect)
    return process


async def _connection(executor: AsyncSession | AsyncConnection) -> AsyncConnection:
    return await executor.connection() if isinstance(executor, AsyncSession) else executor


async def insert_many(
    executor: AsyncSession | AsyncConnection, table: Table, rows: Sequence[dict[str, Any]]
) -> None:
    """Insert `rows` (dicts with the same keys) in one executemany.

    On SQLite the driver gets plain tuples bound column by column (`_sqlite_values`):
    SQLAlchemy's own executemany builds every row's parameters one by one, which was most of a
    bulk insert's CPU time. Other backends take the plain Core insert.
    """
    if not rows:
        return
    connection = await _connection(executor)
    values = _sqlite_values(connection, table, rows, list(rows[0]))
    if values is None:
        await connection.execute(insert(table), list(rows))
        return
    quote = connection.dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in rows[0])}) "
        f"VALUES ({', '.join('?' * len(rows[0]))})"
    )
    await connection.exec_driver_sql(sql, values)


SQLITE_PARAMETERS = 32_766
"""SQLite's bound-parameter limit (since 3.32)."""


async def insert_returning(
    session: AsyncSession, statement: Any, table: Table, rows: Sequence[dict[str, Any]]
) -> list[Any]:
    """Run an `INSERT … RETURNING` (`statement`, with any ON CONFLICT clause) for `rows` (dicts
    with the same keys, at most `LARGE_BATCH`); the returned rows, in no particular order.

    On SQLite the rows go as one multi-row VALUES bound column by column (`_sqlite_values`), in
    as few statements as the parameter limit allows: SQLAlchemy's "insertmanyvalues" builds
    every row's parameters one by one, most of an import's insert time. The returned columns
    come back as the driver gives them (integers and text need no conversion). Other backends
    take the statement as it is.
    """
    if not rows:
        return []
    connection = await _connection(session)
    compiled = statement.compile(dialect=connection.dialect, column_keys=list(rows[0]))
    names = list(compiled.positiontup or ())
    values = _sqlite_values(connection, table, rows, names) if set(names) == set(rows[0]) else None
    if values is None:
        return list(await session.execute(statement, list(rows)))
    group = f"({', '.join('?' * len(names))})"
    head, _, tail = str(compiled).partition(f"VALUES {group}")
    returned: list[Any] = []
    for chunk in chunks(values, SQLITE_PARAMETERS // len(names)):
        sql = f"{head}VALUES {', '.join([group] * len(chunk))}{tail}"
        flat = tuple(chain.from_iterable(chunk))
        returned.extend((await connection.exec_driver_sql(sql, flat)).all())
    return returned
