"""`bulk.insert_many` and `bulk.insert_returning`: the fast paths store exactly what a Core insert
stores, and return what RETURNING returns."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Table, insert, select, text

from words_tui.infrastructure.db.bulk import (
    LARGE_BATCH,
    insert_many,
    insert_returning,
    insert_statement,
)
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Entry, Word

WORDS: Table = Word.__table__  # type: ignore[assignment]
ENTRIES: Table = Entry.__table__  # type: ignore[assignment]
WHEN = datetime(2026, 3, 29, 1, 30, 15, 123456, tzinfo=UTC)


def word_rows(first: int) -> list[dict[str, Any]]:
    return [
        {
            "id": first + i,
            "lang": "es",
            "text": f"año{first + i}",
            "norm": f"ano{first + i}",
            "pos": "noun",
        }
        for i in range(3)
    ]


def entry_rows(first: int) -> list[dict[str, Any]]:
    return [
        {
            "id": first + i,
            "word_id": first + i,
            "target_lang": "en",
            "source": "user",
            "meanings": [{"text": f"year {i}", "pos": "noun", "note": "ñ ✓"}] if i else [],
            "examples": [],
            "forms": {"plural": f"años{i}"},
            "created_at": WHEN + timedelta(days=i),
        }
        for i in range(3)
    ]


async def stored(database: Database, table: Table, first: int) -> list[tuple[Any, ...]]:
    async with database.engine.connect() as connection:
        query = select(table).where(table.c.id.between(first, first + 2)).order_by(table.c.id)
        return [tuple(row)[1:] for row in await connection.execute(query)]


async def test_rows_inserted_in_bulk_read_back_as_a_core_insert_s(database: Database) -> None:
    async with database.engine.begin() as connection:
        await insert_many(connection, WORDS, word_rows(1))
        await insert_many(connection, ENTRIES, entry_rows(1))
        await connection.execute(insert(WORDS), word_rows(11))
        await connection.execute(insert(ENTRIES), entry_rows(11))

    words = await stored(database, WORDS, 1), await stored(database, WORDS, 11)
    entries = await stored(database, ENTRIES, 1), await stored(database, ENTRIES, 11)

    assert (
        [row[0::3] for row in words[0]] == [row[0::3] for row in words[1]] == [("es", "noun")] * 3
    )
    assert [row[1:] for row in entries[0]] == [row[1:] for row in entries[1]]
    assert entries[0][1][-1] == WHEN + timedelta(days=1)


async def test_json_columns_hold_the_same_text_as_a_core_insert_s(database: Database) -> None:
    rows = entry_rows(31)
    rows[0]["forms"] = {"plural": None, "ipa": "ˈaɲo", "nested": {"a": [1, 2.5, True]}}
    async with database.engine.begin() as connection:
        await insert_many(connection, WORDS, [*word_rows(31), *word_rows(41)])
        await insert_many(connection, ENTRIES, rows)
        again = [{**row, "id": row["id"] + 10, "word_id": row["id"] + 10} for row in rows]
        await connection.execute(insert(ENTRIES), again)

    query = text(
        "SELECT CAST(meanings AS TEXT), CAST(examples AS TEXT), CAST(forms AS TEXT) "
        "FROM entries WHERE id BETWEEN :first AND :last ORDER BY id"
    )
    async with database.engine.connect() as connection:
        fast, core = [
            (await connection.execute(query, {"first": first, "last": first + 2})).all()
            for first in (31, 41)
        ]

    assert fast == core
    assert fast[0][2] == json.dumps(rows[0]["forms"])


async def test_rows_without_a_defaulted_column_get_its_default(database: Database) -> None:
    rows = [{k: v for k, v in row.items() if k != "pos"} for row in word_rows(21)]
    async with database.session() as session:
        await insert_many(session, WORDS, rows)

    assert [row[3] for row in await stored(database, WORDS, 21)] == ["", "", ""]


async def test_an_upsert_returning_more_rows_than_one_statement_binds_returns_every_id(
    database: Database,
) -> None:
    words = [
        {"lang": "de", "text": f"w{i}", "norm": f"w{i}", "pos": ""} for i in range(LARGE_BATCH)
    ]
    rows = [
        {**entry_rows(0)[1], "word_id": 0, "meanings": [{"text": f"m{i}"}]}
        for i in range(LARGE_BATCH)
    ]
    async with database.session() as session:
        await insert_many(session, WORDS, words)
        word_ids = [i for (i,) in await session.execute(select(WORDS.c.id).order_by(WORDS.c.id))]
        for row, word_id in zip(rows, word_ids, strict=True):
            row.pop("id")
            row["word_id"] = word_id
        statement = insert_statement(session, ENTRIES)
        statement = statement.on_conflict_do_update(
            index_elements=["word_id", "target_lang", "source"],
            set_={"meanings": statement.excluded["meanings"]},
        ).returning(ENTRIES.c.id, ENTRIES.c.word_id)
        first = dict(await insert_returning(session, statement, ENTRIES, rows))
        again = [{**row, "meanings": []} for row in rows]
        second = dict(await insert_returning(session, statement, ENTRIES, again))
        query = select(ENTRIES.c.id, ENTRIES.c.word_id, ENTRIES.c.meanings)
        stored_rows = list(await session.execute(query))

    assert first == second == {entry_id: word_id for entry_id, word_id, _ in stored_rows}
    assert sorted(first.values()) == word_ids
    assert {str(meanings) for _, _, meanings in stored_rows} == {"[]"}
