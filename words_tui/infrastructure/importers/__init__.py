"""Readers of other programs' word lists: CSV/TSV/plain text, Anki packages, Kindle vocab.db.

`parse_bytes` picks the reader from `format`, the name or the bytes themselves and returns located
records and problems; `parse_text` reads pasted text, `parse_file` is `parse_bytes` of a file's
content. Nothing is written to disk. Writing records into a profile is the import service's job.
"""

from __future__ import annotations

import errno
import io
from collections.abc import Mapping
from pathlib import Path, PurePath

from words_tui.infrastructure.importers.records import (
    ImportedCard,
    ImportRecord,
    Location,
    ParsedSource,
    Problem,
    SourceError,
    TableShape,
    UnknownColumns,
)
from words_tui.infrastructure.importers.sqlite_image import SQLITE_HEADER

FORMATS = ("csv", "anki", "kindle")
FORMAT_ALIASES = {"tsv": "csv", "txt": "csv", "apkg": "anki", "vocab": "kindle"}
ZIP_HEADER = b"PK\x03\x04"
PASTED = "pasted text"

__all__ = [
    "FORMATS",
    "PASTED",
    "ImportRecord",
    "ImportedCard",
    "Location",
    "ParsedSource",
    "Problem",
    "SourceError",
    "TableShape",
    "UnknownColumns",
    "detect_format",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "table_shape",
]


def unreadable(name: str, err: OSError) -> SourceError:
    """Why a file cannot be read, in words the catalogue has (the system's own are English)."""
    reason = READ_FAILURES.get(err.errno or 0, "error.file.unreadable")
    return SourceError(key=reason, path=name)


def detect_format(data: bytes, name: str) -> str:
    """`anki` for zip packages, `kindle` for SQLite files, `csv` for anything textual."""
    if PurePath(name).suffix.lower() in (".apkg", ".colpkg") or data.startswith(ZIP_HEADER):
        return "anki"
    if data.startswith(SQLITE_HEADER):
        return "kindle"
    return "csv"


def normalise_format(name: str) -> str:
    fmt = FORMAT_ALIASES.get(name.lower(), name.lower())
    if fmt not in FORMATS:
        raise SourceError(key="error.import.format", format=name, formats=", ".join(FORMATS))
    return fmt


READ_FAILURES = {
    errno.ENOENT: "error.file.missing",
    errno.EACCES: "error.file.denied",
    errno.EISDIR: "error.file.directory",
}


def parse_bytes(
    data: bytes,
    name: str,
    *,
    format: str | None = None,
    encoding: str | None = None,
    mapping: Mapping[str, str | int] | None = None,
) -> ParsedSource:
    """Read the content of a file called `name` (an upload, a file read elsewhere) with the reader
    for its format; `name` stands for it in locations and messages. `SourceError` when unusable."""
    from words_tui.infrastructure.importers.vetting import vet

    fmt = normalise_format(format) if format else detect_format(data, name)
    if fmt == "anki":
        from words_tui.infrastructure.importers.anki_source import parse_apkg

        return vet(parse_apkg(io.BytesIO(data), name, mapping=mapping))
    if fmt == "kindle":
        from words_tui.infrastructure.importers.kindle_source import parse_kindle

        return vet(parse_kindle(data, name))
    from words_tui.infrastructure.importers.csv_source import parse_csv

    return vet(parse_csv(data, name, encoding=encoding, mapping=mapping))


def parse_text(
    text: str, name: str = PASTED, *, mapping: Mapping[str, str | int] | None = None
) -> ParsedSource:
    """Read pasted text: one word per line, or CSV/TSV; locations say `name` ("pasted text")."""
    from words_tui.infrastructure.importers.csv_source import parse_csv_text
    from words_tui.infrastructure.importers.vetting import vet

    return vet(parse_csv_text(text, name, mapping=mapping))


def parse_file(
    path: Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    mapping: Mapping[str, str | int] | None = None,
) -> ParsedSource:
    """`parse_bytes` of the file at `path`; `SourceError` when it cannot be read or used."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise unreadable(str(path), err) from None
    parsed = parse_bytes(data, str(path), format=format, encoding=encoding, mapping=mapping)
    parsed.path = path
    return parsed


def table_shape(data: bytes, name: str, *, encoding: str | None = None) -> TableShape:
    """The columns of a CSV/TSV upload and a sample row, for a column choice."""
    from words_tui.infrastructure.importers.csv_source import table_shape as shape_of_text
    from words_tui.infrastructure.importers.text_encoding import decode_text

    text, _ = decode_text(data, name, encoding)
    return shape_of_text(text, name)
