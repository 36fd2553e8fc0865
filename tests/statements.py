"""What the database is asked: the statements a piece of code runs, and SQLite's plan for each.

with recorded(database) as statements:
    await core.lessons.today(profile_id)
for statement, parameters in statements:
    steps = plan(database, statement, parameters)   # ["SEARCH cards USING INDEX ...", ...]
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from typing import Any

from sqlalchemy import event

from words_tui.infrastructure.db.database import Database, sqlite_path

Statement = tuple[str, Any]


@contextmanager
def recorded(database: Database) -> Iterator[list[Statement]]:
    """Every statement (with its parameters) the database's engine runs inside the block."""
    statements: list[Statement] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    engine = database.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def plan(database: Database, statement: str, parameters: Any) -> list[str]:
    """SQLite's query plan of a recorded statement, one step a line ("SCAN reviews" walks the
    whole table; "SEARCH … USING INDEX" reads a range of an index)."""
    path = sqlite_path(database.url)
    assert path is not None, "query plans are read from SQLite"
    with closing(sqlite3.connect(path)) as connection:
        rows = connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
    return [str(row[-1]) for row in rows]
