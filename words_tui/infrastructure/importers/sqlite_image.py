"""Opening a SQLite file image held in memory (an Anki collection, a Kindle vocab.db).

Uploads arrive as bytes and packages hold their collection compressed: `deserialize` reads them
without writing a temporary file.
"""

from __future__ import annotations

import sqlite3

SQLITE_HEADER = b"SQLite format 3\x00"
WAL_MARK = slice(18, 20)
"""Header bytes 18 and 19: the file format's write and read versions, 2 for WAL."""


def open_image(data: bytes) -> sqlite3.Connection:
    """An in-memory connection holding a copy of `data`; `sqlite3.Error` if it is no database.

    An image still marked for WAL cannot be opened in memory, so the copy is marked as a
    rollback-journal database (the WAL file, if any, never travels with the image anyway).
    """
    if data[WAL_MARK] == b"\x02\x02":
        data = data[: WAL_MARK.start] + b"\x01\x01" + data[WAL_MARK.stop :]
    connection = sqlite3.connect(":memory:")
    if not data:  # an empty file is an empty database (deserialize refuses zero bytes)
        return connection
    try:
        connection.deserialize(data)
    except sqlite3.Error:
        connection.close()
        raise
    return connection
