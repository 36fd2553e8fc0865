"""Column types that keep the database honest about time zones on SQLite and PostgreSQL alike,
the JSON serializer the engines use, and the base class of every table."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from json.encoder import JSONEncoder
from typing import Any, NoReturn

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

SQLITE_TIME_FORMAT = "%04d-%02d-%02d %02d:%02d:%02d.%06d"
"""SQLAlchemy's SQLite DATETIME storage format (its `_storage_format`), as a positional format."""


def _refuse_naive(value: datetime) -> NoReturn:
    raise ValueError(f"naive datetime {value!r} given where an aware UTC time is required")


def _sqlite_time_text_encoder() -> Callable[[datetime | None], str | None]:
    last: tuple[datetime | None, str | None] = (None, None)

    def sqlite_time_text(value: datetime | None) -> str | None:
        nonlocal last
        if value is None:
            return None
        seen, text = last
        if value is seen:
            return text
        offset = value.utcoffset()
        if offset is None:
            _refuse_naive(value)
        moment = value - offset if offset else value
        text = SQLITE_TIME_FORMAT % (
            moment.year,
            moment.month,
            moment.day,
            moment.hour,
            moment.minute,
            moment.second,
            moment.microsecond,
        )
        last = (value, text)
        return text

    return sqlite_time_text


sqlite_time_text = _sqlite_time_text_encoder()
"""An aware time as the UTC text SQLAlchemy's SQLite DATETIME stores, in one step.

Bulk writes bind hundreds of thousands of times, often the same `now`: going through
`process_bind_param` and then DATETIME's own processor cost four times as much for exactly this
string, and the last value's text is reused (datetimes are immutable, so the same object has the
same text)."""


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC and always returns aware UTC datetimes.

    SQLite has no time zone support, so values come back naive; this type re-attaches UTC.
    Naive input is refused at the boundary instead of being guessed.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any] | None:
        """On SQLite the stored text directly (same format as DATETIME's); elsewhere the usual
        chain of `process_bind_param` and the driver type's own processing."""
        if dialect.name == "sqlite":
            return sqlite_time_text
        return super().bind_processor(dialect)

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.utcoffset() is None:
            _refuse_naive(value)
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        assert isinstance(moment, datetime)
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)


def utcnow() -> datetime:
    """The current time, aware and in UTC."""
    return datetime.now(UTC)


def _json_text_encoder() -> Callable[[Any], str]:
    """`json.dumps` with its default options, without rebuilding the C encoder on every call.

    `json.dumps(value)` builds a new C encoder per call, two thirds of its cost for the small
    lists and maps in our JSON columns. The stored text must stay exactly `json.dumps`'s: the
    vocabulary search matches meanings in it with LIKE (ASCII escapes, ", " separators).
    """
    make_encoder = getattr(json.encoder, "c_make_encoder", None)
    if make_encoder is None:
        return json.dumps
    defaults = JSONEncoder()
    encode = make_encoder(
        None,  # markers: a shared dict would outlive a failed call; a cycle still fails, later
        defaults.default,
        json.encoder.encode_basestring_ascii,
        None,  # indent
        defaults.key_separator,
        defaults.item_separator,
        defaults.sort_keys,
        defaults.skipkeys,
        defaults.allow_nan,
    )

    empty: dict[type, str] = {list: "[]", dict: "{}", tuple: "[]"}

    def json_text(value: Any) -> str:
        if not value:
            text = empty.get(type(value))  # most list columns are empty: no encoder call
            if text is not None:
                return text
        return "".join(encode(value, 0))

    return json_text


json_text: Callable[[Any], str] = _json_text_encoder()
"""The JSON columns' serializer: the same text as `json.dumps(value)`, about three times faster."""


class TableModel(SQLModel):
    """The base of every table. Pydantic builds a table's validator when one is first used
    (`defer_build`), not when the class is defined: rows are created and loaded without it, and
    building all of them cost every start of the quiz ≈ 50 ms of CPU."""

    model_config = SQLModel.model_config | {"defer_build": True}


def time_field(*, nullable: bool = False, index: bool = False) -> Any:
    """An aware UTC time column; now by default unless nullable."""
    return Field(
        default_factory=utcnow if not nullable else None,
        sa_type=UTCDateTime,
        nullable=nullable,
        index=index,
    )


def json_field(default: Any) -> Any:
    """A JSON column (a list or a map), never NULL."""
    return Field(default_factory=default, sa_column=Column(JSON, nullable=False))


def foreign_key(target: str, *, index: bool = True, nullable: bool = False) -> Any:
    """A reference to `target` ("table.id"): a required one cascades deletes, an optional
    one is set NULL."""
    return Field(
        default=None,
        sa_column=Column(
            Integer,
            ForeignKey(target, ondelete="CASCADE" if not nullable else "SET NULL"),
            nullable=nullable,
            index=index,
        ),
    )
