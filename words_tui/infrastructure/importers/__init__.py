"""Readers of other programs' word lists: CSV/TSV/plain text, Anki packages, Kindle vocab.db.

`parse_file` picks the reader from `format` or from the file itself and returns located records
and problems; writing them into a profile is the import service's job.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from words_tui.infrastructure.importers.records import (
    ImportedCard,
    ImportRecord,
    Location,
    ParsedSource,
    Problem,
    SourceError,
)

FORMATS = ("csv", "anki", "kindle")
FORMAT_ALIASES = {"tsv": "csv", "txt": "csv", "apkg": "anki", "vocab": "kindle"}
ZIP_HEADER = b"PK\x03\x04"
SQLITE_HEADER = b"SQLite format 3\x00"

__all__ = [
    "FORMATS",
    "ImportRecord",
    "ImportedCard",
    "Location",
    "ParsedSource",
    "Problem",
    "SourceError",
    "detect_format",
    "parse_file",
]


def detect_format(path: Path) -> str:
    """`anki` for zip packages, `kindle` for SQLite files, `csv` for anything textual."""
    if path.suffix.lower() in (".apkg", ".colpkg"):
        return "anki"
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as err:
        raise SourceError(f"cannot read {path}: {err.strerror or err}") from None
    if header.startswith(ZIP_HEADER):
        return "anki"
    if header == SQLITE_HEADER:
        return "kindle"
    return "csv"


def normalise_format(name: str) -> str:
    fmt = FORMAT_ALIASES.get(name.lower(), name.lower())
    if fmt not in FORMATS:
        raise SourceError(f"unknown import format '{name}'; use one of {', '.join(FORMATS)}")
    return fmt


def parse_file(
    path: Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    mapping: Mapping[str, str | int] | None = None,
) -> ParsedSource:
    """Read `path` with the reader for its format; `SourceError` when the file is unusable."""
    fmt = normalise_format(format) if format else detect_format(path)
    if fmt == "anki":
        from words_tui.infrastructure.importers.anki_source import parse_apkg

        return parse_apkg(path, mapping=mapping)
    if fmt == "kindle":
        from words_tui.infrastructure.importers.kindle_source import parse_kindle

        return parse_kindle(path)
    from words_tui.infrastructure.importers.csv_source import parse_csv

    return parse_csv(path, encoding=encoding, mapping=mapping)
