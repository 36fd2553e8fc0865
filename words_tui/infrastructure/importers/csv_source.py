"""CSV, TSV and plain word lists: encoding, delimiter and header are worked out, columns mapped.

A header is recognised when its cells are names we know (`word`, `Front`, `Meaning`, ...); a file
without one is read positionally (word, translations, examples, notes, tags). A header of language
names (`Spanish;English;Note`) says nothing about which column is the word: the import stops with
`UnknownColumns` (the columns and a sample row) rather than learn the word "Spanish". Anki's
plain-text export (`#separator:tab` lines on top) reads as is. A user mapping (`word=Front`,
`translations=3`) overrides the guess. Everything works on text or bytes: no file is needed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any

from words_tui.domain.enums import Level
from words_tui.domain.text import clean_text
from words_tui.errors import Explained
from words_tui.i18n.said import Said
from words_tui.infrastructure.importers import csv_format as fmt
from words_tui.infrastructure.importers.cells import (
    CellError,
    parse_examples,
    parse_forms,
    parse_meanings,
    parse_tags,
)
from words_tui.infrastructure.importers.records import (
    ImportRecord,
    Location,
    ParsedSource,
    Problem,
    SourceError,
    TableShape,
    UnknownColumns,
)
from words_tui.infrastructure.importers.text_encoding import decode_text
from words_tui.infrastructure.importers.vetting import strip_text_controls

DELIMITERS = ("\t", ";", ",", "|")
MAX_ROW_CHARS = 20_000
"""A row longer than this is not a word with its translations (a whole text pasted into one
cell, a binary blob): it is skipped with its line number and left out of delimiter sniffing."""
FIELD_SIZE_LIMIT = 16 * 1024 * 1024
"""The csv module's own cell limit (128 KiB by default): raised so that one over-long cell is
measured and skipped like any over-long row instead of derailing the reader."""
csv.field_size_limit(FIELD_SIZE_LIMIT)
SNIFF_LINES = 200
CONSISTENT_SHARE = 0.8
SEPARATOR_NAMES = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "pipe": "|",
    "space": " ",
    "colon": ":",
}
"""The names Anki's `#separator:` line uses."""

ColumnMap = dict[str, int]
"""Field name → column index (0-based)."""


def _directives(lines: list[str]) -> tuple[int, str | None]:
    """Anki's `#key:value` preamble: how many lines it takes and the separator it names."""
    count, separator = 0, None
    for line in lines:
        if not line.startswith("#") or ":" not in line:
            break
        key, _, value = line[1:].partition(":")
        if key.strip() == "separator":
            name = value.strip().lower()
            separator = SEPARATOR_NAMES.get(name, value.strip()[:1] or None)
        count += 1
    return count, separator


def sniff_delimiter(lines: list[str], suffix: str) -> str:
    """The delimiter that splits the sample into the same number (> 1) of columns most often."""
    if suffix == ".tsv":
        return "\t"
    best: tuple[float, int, int] = (0.0, 0, 0)
    chosen = "\t"
    for preference, delimiter in enumerate(reversed(DELIMITERS)):
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delimiter) if row]
        except csv.Error:
            continue
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        share = counts.count(mode) / len(counts)
        if mode > 1 and share >= CONSISTENT_SHARE and (share, mode, preference) > best:
            best, chosen = (share, mode, preference), delimiter
    return chosen


def resolve_columns(
    header: list[str] | None,
    mapping: Mapping[str, str | int] | None,
    name: str,
    shape: TableShape,
) -> ColumnMap:
    """Which column holds which field: the user's mapping over the header's names or positions.

    A header none of whose names is the word (`Spanish;English;Note`) raises `UnknownColumns`
    with the columns and a sample row, instead of importing the header as a word.
    """
    columns: ColumnMap = {}
    if header is not None:
        for index, title in enumerate(header):
            field = fmt.HEADER_TO_FIELD.get(fmt.normalise_header(title))
            if field is not None and field not in columns:
                columns[field] = index
    for field, column in (mapping or {}).items():
        if field not in fmt.FIELDS:
            raise SourceError(
                key="error.import.unknown_field", field=field, fields=", ".join(fmt.FIELDS)
            )
        columns = {f: c for f, c in columns.items() if f != field}
        columns[field] = _column_index(column, header, name)
        width = len(shape.first_row)
        if shape.first_row and columns[field] >= width:
            raise SourceError(
                key="error.csv.no_column_number",
                name=name,
                column=columns[field] + 1,
                field=field,
                count=width,
            )
    if header is None and not columns.keys() - {fmt.KEY}:
        width = len(shape.first_row)
        columns.update({field: i for i, field in enumerate(fmt.POSITIONAL_FIELDS[:width])})
    if "word" not in columns:
        if header is not None:
            raise UnknownColumns(name, shape)
        raise SourceError(
            cli_hint=Said("error.csv.hint.word_column"),
            needs="columns",
            key="error.csv.no_word_column",
            name=name,
        )
    return columns


def _column_index(column: str | int, header: list[str] | None, name: str) -> int:
    if isinstance(column, int) or column.isdigit():
        number = int(column)
        if number < 1:
            raise SourceError(key="error.csv.column_numbers", number=number)
        return number - 1
    if header is not None:
        wanted = column.strip().casefold()
        for index, name in enumerate(header):
            if name.strip().casefold() == wanted:
                return index
    raise SourceError(key="error.csv.no_column_named", name=name, column=column)


def _looks_like_header(row: list[str]) -> bool:
    fields = [fmt.HEADER_TO_FIELD.get(fmt.normalise_header(cell)) for cell in row]
    known = [field for field in fields if field is not None]
    return "word" in known or len(known) >= 2


def _names_languages(row: list[str]) -> bool:
    """Column names without a word column: every cell a field or language name (`Spanish;English;
    Note`), at least two of them."""
    cells = [fmt.normalise_header(cell) for cell in row if cell.strip()]
    named = [c for c in cells if c in fmt.HEADER_TO_FIELD or c in fmt.LANGUAGE_NAMES]
    return len(cells) >= 2 and len(named) == len(cells)


def _is_header(row: list[str], mapping: Mapping[str, str | int] | None) -> bool:
    """Whether the first row names the columns. A mapping by column numbers says it does not,
    unless its cells are our own field names."""
    if _looks_like_header(row) or _names_columns(mapping):
        return True
    return not mapping and _names_languages(row)


def _rows(text: str, delimiter: str, skip: int) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """(first line number, cells or the csv error) for each record after the preamble."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield line, err
            line = reader.line_num + 1
            continue
        if line > skip:
            yield line, row
        line = reader.line_num + 1


def parse_csv(
    data: bytes,
    name: str,
    *,
    encoding: str | None = None,
    mapping: Mapping[str, str | int] | None = None,
) -> ParsedSource:
    """Read the bytes of a CSV/TSV/plain list called `name` (its encoding detected unless given)."""
    text, used = decode_text(data, name, encoding)
    return parse_csv_text(text, name, mapping=mapping, encoding=used)


def _layout(text: str, name: str) -> tuple[list[str], int, str]:
    """The text's lines, how many the Anki preamble takes, and the delimiter."""
    lines = text.splitlines()
    skip, separator = _directives(lines)
    sample = [
        line
        for line in lines[skip : skip + SNIFF_LINES]
        if line.strip() and len(line) <= MAX_ROW_CHARS
    ]
    return sample, skip, separator or sniff_delimiter(sample, PurePath(name).suffix.lower())


def table_shape(text: str, name: str) -> TableShape:
    """The columns of a table's text: first line, a sample row, and whether the first line looks
    like column names (for a column choice; a guess the learner can correct)."""
    sample, _, delimiter = _layout(text, name)
    shape = _shape(sample, delimiter, None)
    if shape.header or not _sniffed_header(sample, shape.first_row):
        return shape
    return replace(shape, header=True)


def _shape(
    sample: list[str], delimiter: str, mapping: Mapping[str, str | int] | None
) -> TableShape:
    try:
        rows = [row for row in csv.reader(sample, delimiter=delimiter) if row]
    except csv.Error:
        rows = [[line] for line in sample]
    if not rows:
        return TableShape(())
    width = max(len(row) for row in rows)
    first = tuple(cell.strip() for cell in rows[0]) + ("",) * (width - len(rows[0]))
    following = tuple(cell.strip() for cell in rows[1]) if len(rows) > 1 else ()
    return TableShape(first, following, _is_header(rows[0], mapping))


def _sniffed_header(sample: list[str], first: tuple[str, ...]) -> bool:
    try:
        named = len(sample) > 1 and csv.Sniffer().has_header("\n".join(sample))
    except csv.Error:
        named = False
    return named and all(first) and len(set(first)) == len(first)


def parse_csv_text(
    text: str,
    name: str,
    *,
    mapping: Mapping[str, str | int] | None = None,
    encoding: str | None = None,
) -> ParsedSource:
    """Read a CSV/TSV/plain list's text into located records; bad rows become located problems.

    `name` stands for the file in locations and messages (a path, an upload's name, "pasted
    text"); `encoding` is the one the text was decoded from, for the report.
    """
    parsed = ParsedSource(path=Path(name), format="csv")
    text = strip_text_controls(text, parsed, name)
    if not text.strip():
        raise SourceError(key="error.import.empty", path=name)
    sample, skip, delimiter = _layout(text, name)
    rows = _rows(text, delimiter, skip)
    header: list[str] | None = None
    pending: list[tuple[int, list[str] | csv.Error]] = []
    for line, row in rows:
        if isinstance(row, list) and not any(cell.strip() for cell in row):
            continue
        if isinstance(row, list) and _is_header(row, mapping):
            header = row
        else:
            pending.append((line, row))
        break
    columns = resolve_columns(header, mapping, name, _shape(sample, delimiter, mapping))
    names = ", ".join(
        f"{field}={index + 1}" for field, index in sorted(columns.items(), key=lambda c: c[1])
    )
    layout = Said(
        "import.info.header" if header else "import.info.no_header",
        delimiter=repr(delimiter),
        columns=names,
    )
    parsed.info.append(
        Said("import.info.encoding", encoding=encoding, layout=layout) if encoding else layout
    )
    reader = _RowReader(columns)
    for line, row in [*pending, *rows]:
        location = Location(name, line)
        if isinstance(row, csv.Error):
            parsed.problems.append(
                Problem(location, Said("import.problem.unreadable_row", problem=str(row)))
            )
            continue
        length = sum(map(len, row))
        if length > MAX_ROW_CHARS:
            parsed.problems.append(Problem(location, _too_long_row(length)))
            continue
        try:
            record = reader.record(location, row)
        except _RowError as err:
            parsed.problems.append(Problem(location.at_field(err.field), err.reason))
            continue
        if record is not None:
            parsed.records.append(record)
    return parsed


def _too_long_row(length: int) -> str:
    return Said("import.problem.row_too_long", length=length, limit=MAX_ROW_CHARS)


def _names_columns(mapping: Mapping[str, str | int] | None) -> bool:
    return any(isinstance(c, str) and not c.isdigit() for c in (mapping or {}).values())


class _RowError(Exception):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field, self.reason = field, reason


def _aware_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        raise CellError(key="import.problem.no_time_zone", time=text.strip())
    return moment


def _cefr(text: str) -> str:
    level = clean_text(text).upper()
    if level not in Level.__members__:
        raise CellError(key="import.problem.level", level=level)
    return level


@lru_cache(maxsize=1024)
def _tags(text: str) -> tuple[str, ...]:
    """Tag cells repeat row after row (a list's one or two tags): parsed once each."""
    return tuple(parse_tags(text))


CELL_PARSERS: dict[str, Callable[[str], Any]] = {
    "translations": lambda text: tuple(parse_meanings(text)),
    "examples": lambda text: tuple(parse_examples(text)),
    "forms": parse_forms,
    "tags": _tags,
    "pos": clean_text,
    "notes": str.strip,
    fmt.KEY: lambda text: clean_text(text) or None,
    fmt.STATUS: fmt.parse_status,
    fmt.ADDED_AT: _aware_time,
    fmt.CEFR: _cefr,
    fmt.CARDS: fmt.parse_cards,
}
RECORD_FIELDS = {"translations": "meanings", fmt.KEY: "key"}
"""Column fields whose `ImportRecord` attribute has another name."""


class _RowReader:
    """Turns rows into records with the column map worked out once per file, not per row."""

    def __init__(self, columns: ColumnMap) -> None:
        self.word = columns["word"]
        self.provided = frozenset(columns)
        self.cells = [
            (field, index, CELL_PARSERS[field], RECORD_FIELDS.get(field, field))
            for field, index in columns.items()
            if field in CELL_PARSERS
        ]

    def record(self, location: Location, row: list[str]) -> ImportRecord | None:
        """The row's record; None for a blank row; `_RowError` names the bad field."""
        width = len(row)
        word = clean_text(row[self.word]) if self.word < width else ""
        if not word:
            if not any(cell.strip() for cell in row):
                return None
            raise _RowError("word", Said("import.problem.empty_word"))
        values: dict[str, Any] = {}
        for field, index, parser, name in self.cells:
            text = row[index] if index < width else ""
            if not text or text.isspace():
                continue
            try:
                values[name] = parser(text)
            except (CellError, ValueError, KeyError, TypeError) as err:
                raise _RowError(field, _reason(err)) from None
        return ImportRecord(location=location, word=word, provided=self.provided, **values)


def _reason(err: Exception) -> str:
    """Why a cell was refused, as a `Said` line a front-end words in the learner's language."""
    if isinstance(err, Explained) and err.key is not None:
        return Said(err.key, **err.values)
    if isinstance(err, KeyError):
        return Said("import.problem.missing_value", value=str(err))
    return Said("import.problem.bad_value", problem=str(err) or type(err).__name__)
