"""Opening an Anki package and reading its note types, across Anki's schema generations.

An `.apkg` is a zip holding a SQLite collection: `collection.anki2` (Anki ≤ 2.1.21),
`collection.anki21`, or `collection.anki21b` (zstd-compressed, Anki ≥ 2.1.50, which also ships a
stub `collection.anki2` telling old versions to upgrade — so the newest member wins). Older
collections keep note types as JSON in `col.models`; newer ones in `notetypes`/`fields`/
`templates` tables with protobuf configs, of which we need two values and decode only those.
The collection is read in memory (`sqlite3.Connection.deserialize`): no temporary file.
"""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, BinaryIO

import zstandard

from words_tui.infrastructure.importers.records import SourceError
from words_tui.infrastructure.importers.sqlite_image import open_image

MEMBERS = ("collection.anki21b", "collection.anki21", "collection.anki2")
ZSTD_MEMBER = "collection.anki21b"
CLOZE_KIND = 1


@dataclass(frozen=True)
class Template:
    ord: int
    name: str
    question: str


@dataclass(frozen=True)
class NoteType:
    id: int
    name: str
    fields: tuple[str, ...]
    templates: tuple[Template, ...]
    is_cloze: bool


def _unicase(left: str, right: str) -> int:
    a, b = left.casefold(), right.casefold()
    return (a > b) - (a < b)


@contextmanager
def open_collection(package: BinaryIO, name: str) -> Iterator[sqlite3.Connection]:
    """The package's newest collection as an in-memory SQLite connection (no file is written);
    `SourceError` naming the package if it is unusable."""
    data = _extract(package, name)
    try:
        connection = open_image(data)
    except sqlite3.Error as err:
        raise SourceError(key="error.anki.cannot_open", name=name, problem=str(err)) from None
    connection.create_collation("unicase", _unicase)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        yield connection
    except sqlite3.DatabaseError as err:
        raise SourceError(key="error.anki.not_sqlite", name=name, problem=str(err)) from None
    finally:
        connection.close()


def _extract(package: BinaryIO, name: str) -> bytes:
    try:
        with zipfile.ZipFile(package) as archive:
            names = set(archive.namelist())
            member = next((m for m in MEMBERS if m in names), None)
            if member is None:
                raise SourceError(
                    key="error.anki.no_collection", name=name, members=" or ".join(MEMBERS)
                )
            with archive.open(member) as source:
                if member != ZSTD_MEMBER:
                    return source.read()
                out = io.BytesIO()
                zstandard.ZstdDecompressor().copy_stream(source, out)
                return out.getvalue()
    except OSError as err:
        from words_tui.infrastructure.importers import unreadable

        raise unreadable(name, err) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        raise SourceError(key="error.import.not_apkg", path=name) from None
    except zstandard.ZstdError as err:
        raise SourceError(key="error.anki.corrupt", name=name, problem=str(err)) from None


def _tables(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(name) for (name,) in rows}


def read_note_types(connection: sqlite3.Connection, name: str) -> dict[int, NoteType]:
    """Note types by id, from the tables (newer schema) or `col.models` JSON (older)."""
    tables = _tables(connection)
    missing = {"notes", "cards", "col"} - tables
    if missing:
        raise SourceError(
            key="error.anki.not_collection", name=name, tables=", ".join(sorted(missing))
        )
    if "notetypes" in tables:
        return _note_types_from_tables(connection)
    return _note_types_from_json(connection, name)


def _note_types_from_tables(connection: sqlite3.Connection) -> dict[int, NoteType]:
    fields: dict[int, list[str]] = {}
    for ntid, name in connection.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        fields.setdefault(int(ntid), []).append(str(name))
    templates: dict[int, list[Template]] = {}
    query = "SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord"
    for ntid, ord_, name, config in connection.execute(query):
        question = _proto_string(bytes(config or b""), 1)
        templates.setdefault(int(ntid), []).append(Template(int(ord_), str(name), question))
    types = {}
    for ntid, name, config in connection.execute("SELECT id, name, config FROM notetypes"):
        kind = _proto_varint(bytes(config or b""), 1)
        types[int(ntid)] = NoteType(
            int(ntid),
            str(name),
            tuple(fields.get(int(ntid), [])),
            tuple(templates.get(int(ntid), [])),
            kind == CLOZE_KIND,
        )
    return types


def _note_types_from_json(connection: sqlite3.Connection, name: str) -> dict[int, NoteType]:
    row = connection.execute("SELECT models FROM col").fetchone()
    try:
        models: dict[str, Any] = json.loads(row[0]) if row and row[0] else {}
        return {
            int(mid): NoteType(
                int(mid),
                str(model.get("name", mid)),
                tuple(str(f["name"]) for f in sorted(model["flds"], key=lambda f: f["ord"])),
                tuple(
                    Template(int(t["ord"]), str(t.get("name", "")), str(t.get("qfmt", "")))
                    for t in sorted(model.get("tmpls", []), key=lambda t: t["ord"])
                ),
                int(model.get("type", 0)) == CLOZE_KIND,
            )
            for mid, model in models.items()
        }
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise SourceError(key="error.anki.note_types", name=name, problem=str(err)) from None


def _proto_fields(blob: bytes) -> Iterator[tuple[int, int | bytes]]:
    """Top-level (field number, value) pairs of a protobuf message; stops at anything odd."""
    index = 0
    while index < len(blob):
        key, index = _varint(blob, index)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, index = _varint(blob, index)
            yield number, value
        elif wire == 2:
            length, index = _varint(blob, index)
            yield number, blob[index : index + length]
            index += length
        elif wire in (1, 5):
            index += 8 if wire == 1 else 4
        else:
            return


def _varint(blob: bytes, index: int) -> tuple[int, int]:
    value = shift = 0
    while index < len(blob):
        byte = blob[index]
        index += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, index
        shift += 7
    return value, len(blob) + 1


def _proto_string(blob: bytes, number: int) -> str:
    for field, value in _proto_fields(blob):
        if field == number and isinstance(value, bytes):
            return value.decode("utf-8", errors="replace")
    return ""


def _proto_varint(blob: bytes, number: int) -> int:
    for field, value in _proto_fields(blob):
        if field == number and isinstance(value, int):
            return value
    return 0
