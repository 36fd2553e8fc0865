"""What every importer produces: located records, located problems, and one fatal error type.

Parsers never raise for a bad row: the row becomes a `Problem` that names the file and line (or
note, or word) and the reason, and the rest of the file still imports. Only a file that cannot be
read at all (corrupt zip, not SQLite, undecodable text) raises `SourceError`, once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from words_tui.domain.entries import Example, Meaning
from words_tui.domain.enums import Direction, WordStatus
from words_tui.domain.text import CONTROL_CHARACTERS
from words_tui.errors import Explained
from words_tui.i18n.said import Said


class SourceError(Explained, ValueError):
    """The whole file is unusable; the message names the file and what is wrong with it.

    `reason` is that message without the command-line hint (`cli_hint`, e.g. `--map word=1`), and
    `needs` says which choice would fix it ("columns", "encoding"), so a front-end with its own
    controls (the notebook's column dropdowns) tells the learner in its own terms. Raised with a
    catalogue `key` instead of a reason, a front-end words it in the learner's language.
    """

    def __init__(
        self,
        reason: str = "",
        cli_hint: str = "",
        needs: str = "",
        *,
        key: str | None = None,
        **values: object,
    ) -> None:
        super().__init__(reason, key=key, **values)
        self.reason = str(self.args[0]) if self.args else ""
        self.cli_hint = cli_hint
        self.needs = needs
        if cli_hint:
            self.args = (f"{self.reason}; {cli_hint}",)


@dataclass(frozen=True)
class TableShape:
    """The columns of a CSV/TSV as found: the cells of its first line, the next line's as a
    sample row, and whether the first line looks like column names."""

    first_row: tuple[str, ...]
    sample: tuple[str, ...] = ()
    header: bool = False

    def column_choices(self, header: bool | None = None) -> list[tuple[str, str | int]]:
        """(label, mapping value) per column: the header's names when the first line is a header
        (the importer then skips that line), column numbers otherwise."""
        named = self.header if header is None else header
        choices: list[tuple[str, str | int]] = []
        for number, title in enumerate(self.first_row, start=1):
            if named and title:
                choices.append((f"{number}: {title}", title))
            else:
                choices.append((f"column {number}" + (f" ({title})" if title else ""), number))
        return choices


class UnknownColumns(SourceError):
    """The first line names the columns, but none of the names says which holds the word.

    Rather than import the header as a word, the import stops; `shape` has the columns and a
    sample row, for a front-end to let the learner say which column is which.
    """

    def __init__(self, name: str, shape: TableShape) -> None:
        example = " | ".join(shape.sample) if shape.sample else Said("error.csv.no_rows")
        first, second = (*shape.first_row, "2")[:2] if shape.first_row else ("1", "2")
        super().__init__(
            cli_hint=Said("error.csv.hint.columns", first=first, second=second),
            needs="columns",
            key="error.csv.unknown_columns",
            name=name,
            columns=", ".join(shape.first_row),
            example=example,
        )
        self.name = name
        self.shape = shape


@dataclass(frozen=True)
class Location:
    """Where a record came from: a file and a line, or a file and a named item (note, word)."""

    path: str
    line: int | None = None
    item: str | None = None
    field: str | None = None

    def at_field(self, name: str) -> Location:
        return Location(self.path, self.line, self.item, name)

    def __str__(self) -> str:
        text = self.path if self.line is None else f"{self.path}:{self.line}"
        if self.item is not None:
            text += f" ({self.item})"
        if self.field is not None:
            text += f" [{self.field}]"
        return text


@dataclass(frozen=True)
class Problem:
    """A row that was skipped (or partly used), with where and why."""

    location: Location
    reason: str

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


@dataclass(frozen=True)
class ImportedCard:
    """One direction's memory state as a source knew it (Anki history, or our own CSV export)."""

    direction: Direction
    state: int
    due: datetime
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0
    stage: int = 0
    active: bool = True
    consecutive_correct: int = 0
    choice_correct: int = 0
    accepted_extra: tuple[str, ...] = ()


@dataclass(slots=True)
class ImportRecord:
    """One word as a source describes it.

    `provided` names the fields the source actually has (a Kindle file has no notes column): an
    update only overwrites those, so re-importing a thinner source never erases richer data.
    Treated as a value (changed with `dataclasses.replace`), but not frozen: a frozen dataclass
    costs four times as much to build, and an import builds 100k of them.
    """

    location: Location
    word: str
    provided: frozenset[str]
    meanings: tuple[Meaning, ...] = ()
    examples: tuple[Example, ...] = ()
    forms: dict[str, str] = field(default_factory=dict)
    notes: str = ""
    tags: tuple[str, ...] = ()
    pos: str = ""
    lang: str | None = None
    key: str | None = None
    status: WordStatus | None = None
    cefr: str | None = None
    added_at: datetime | None = None
    cards: tuple[ImportedCard, ...] = ()


@dataclass
class ParsedSource:
    """A parser's whole output: the records in file order and the problems met on the way."""

    path: Path
    format: str
    records: list[ImportRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    info: list[str] = field(default_factory=list)
    controls_removed: int = 0
    """Control characters removed from the source's text (reported once, with `control_places`)."""
    control_places: list[str] = field(default_factory=list)
    controls_stripped: bool = False
    """Whether the source's whole text lost its control characters before it was parsed (a text
    file): its records hold none, and vetting need not look at each of their texts again."""

    def note_controls(self, texts: Iterable[str], place: object) -> None:
        """Count the control characters in a record's raw `texts` (before they are cleaned)."""
        count = sum(len(CONTROL_CHARACTERS.findall(text)) for text in texts if text)
        if count:
            self.controls_removed += count
            self.control_places.append(str(place))
