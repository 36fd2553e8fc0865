"""The column types' fast paths write exactly what SQLAlchemy's own processing wrote before."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.dialects import sqlite

from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import User
from words_tui.infrastructure.db.types import json_text, sqlite_time_text

offsets = st.timedeltas(min_value=-timedelta(hours=23), max_value=timedelta(hours=23))
aware_times = st.builds(
    lambda moment, offset: moment.replace(tzinfo=timezone(offset)),
    st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31)),
    offsets,
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


def _sqlalchemy_datetime_text(moment: datetime) -> Any:
    process = sqlite.DATETIME().bind_processor(sqlite.dialect())
    assert process is not None
    return process(moment.astimezone(UTC).replace(tzinfo=None))


@given(aware_times)
def test_sqlite_time_text_is_the_text_sqlalchemys_datetime_stores(moment: datetime) -> None:
    assert sqlite_time_text(moment) == _sqlalchemy_datetime_text(moment)


@given(aware_times, aware_times)
def test_sqlite_time_text_of_one_time_never_leaks_into_the_next(
    first: datetime, second: datetime
) -> None:
    sqlite_time_text(first)
    assert sqlite_time_text(second) == _sqlalchemy_datetime_text(second)


@given(json_values)
def test_json_text_is_the_text_json_dumps_writes(value: Any) -> None:
    assert json_text(value) == json.dumps(value)


async def test_a_time_is_stored_as_utc_text_on_sqlite(sqlite_database: Database) -> None:
    moment = datetime(2026, 3, 29, 1, 30, 5, 7, tzinfo=timezone(timedelta(hours=3)))
    async with sqlite_database.session() as session:
        session.add(User(name="ana", created_at=moment))
    with sqlite3.connect(sqlite_database.location) as connection:
        stored = connection.execute("SELECT created_at FROM users").fetchone()
    assert stored == ("2026-03-28 22:30:05.000007",)
    async with sqlite_database.session() as session:
        assert (await session.execute(select(User.created_at))).scalar_one() == moment
