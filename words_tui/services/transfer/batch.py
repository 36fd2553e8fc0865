"""A bulk import in the steps a learner sees them: read, preview, translate, review, commit.

`import_export.import_file` does all of it in one call (the CLI's and the quiz's import). The
notebook stops in between: it shows what a list holds before anything is paid for — new words, words already in the
vocabulary, repeated lines, unusable lines with their reason — lets the learner fix the
translations, and only then writes. Reading uses the importers (CSV/TSV/plain lists, Anki
packages, Kindle), translating the word-source chain, writing the import plan — the same rules
as the CLI, so a list gets the same entries either way and importing it twice changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import PurePath

from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.domain.text import clean_text, word_key
from words_tui.i18n.said import Said
from words_tui.infrastructure import importers
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Profile
from words_tui.infrastructure.db.types import utcnow
from words_tui.infrastructure.importers import (
    ImportRecord,
    Location,
    ParsedSource,
    Problem,
    parse_bytes,
    parse_text,
)
from words_tui.infrastructure.importers import (
    TableShape as TableShape,  # the column choice's record
)
from words_tui.services.transfer.plan import plan_import, with_entry
from words_tui.services.transfer.writer import load_existing, write_plan
from words_tui.services.vocabulary import Translation, known_norms

FROM_FILE = "file"
NOT_YET = "not translated yet"
WORD_ONLY = frozenset({"word"})
SEPARATORS = re.compile(r"\s*[,;]\s*")
RESUMED = "resumed job"


def read_pasted(text: str) -> ParsedSource:
    """Pasted text read like a file (one word per line, or CSV/TSV); locations say "pasted text"."""
    return parse_text(text)


def read_upload(
    name: str,
    content: bytes,
    *,
    format: str | None = None,
    mapping: Mapping[str, str | int] | None = None,
) -> ParsedSource:
    """An uploaded file (its name picks the reader, e.g. `.apkg`); locations use the name."""
    return parse_bytes(content, PurePath(name).name or "upload.txt", format=format, mapping=mapping)


def table_shape(name: str, content: bytes) -> TableShape:
    """The columns of an uploaded CSV/TSV, for the column choice (a guess the learner can fix)."""
    return importers.table_shape(content, PurePath(name).name or "upload.csv")


def holds_list(record: ImportRecord) -> bool:
    """A one-column line with commas or semicolons: several words, or one phrase? (the learner
    says which: "hola, adiós, gracias" is three words, "sí, claro" may be one phrase)."""
    return record.provided == WORD_ONLY and SEPARATORS.search(record.word) is not None


def split_lists(parsed: ParsedSource) -> ParsedSource:
    """The source with every one-column line holding commas or semicolons split into its words
    (each keeps the line's location)."""
    records: list[ImportRecord] = []
    for record in parsed.records:
        if not holds_list(record):
            records.append(record)
            continue
        parts = [part for part in SEPARATORS.split(record.word) if part.strip()]
        records += [replace(record, word=part.strip()) for part in parts]
    return replace(parsed, records=records)


@dataclass(frozen=True)
class Preview:
    """What a list holds for one profile, before anything is translated or written."""

    new: tuple[ImportRecord, ...]
    known: tuple[ImportRecord, ...]
    duplicates: tuple[Problem, ...]
    invalid: tuple[Problem, ...]
    info: tuple[str, ...] = ()
    lists: tuple[ImportRecord, ...] = ()
    """One-column lines holding commas or semicolons, kept as one phrase each (`split_lists`
    splits them)."""

    @property
    def to_translate(self) -> list[str]:
        """New words that came without a translation."""
        return [record.word for record in self.new if not record.meanings]


async def preview(database: Database, profile_id: int, parsed: ParsedSource) -> Preview:
    """Sort the records into new and already known; repeats and unusable lines, located."""
    invalid = list(parsed.problems)
    first: dict[str, ImportRecord] = {}
    duplicates: list[Problem] = []
    for record in parsed.records:
        if not any(ch.isalpha() for ch in record.word):
            invalid.append(
                Problem(record.location, Said("import.problem.no_letters", word=record.word))
            )
            continue
        key = word_key(record.word)
        if key in first:
            duplicates.append(
                Problem(
                    record.location,
                    Said(
                        "import.problem.repeats", word=record.word, first=str(first[key].location)
                    ),
                )
            )
            continue
        first[key] = record
    async with database.session() as session:
        known = await known_norms(session, profile_id)
    records = list(first.values())
    return Preview(
        new=tuple(r for r in records if word_key(r.word) not in known),
        known=tuple(r for r in records if word_key(r.word) in known),
        duplicates=tuple(duplicates),
        invalid=tuple(sorted(invalid, key=lambda p: p.location.line or 0)),
        info=tuple(parsed.info),
        lists=tuple(record for record in parsed.records if holds_list(record)),
    )


@dataclass
class ReviewRow:
    """One row of the review grid: a word to add, the meanings offered and those chosen."""

    word: str
    location: str
    offered: tuple[Meaning, ...] = ()
    chosen: list[str] = field(default_factory=list)
    examples: tuple[Example, ...] = ()
    forms: dict[str, str] = field(default_factory=dict)
    pos: str = ""
    source: str = ""
    error: str = ""
    keep: bool = True

    @property
    def ready(self) -> bool:
        """Kept, with at least one translation to learn."""
        return self.keep and any(clean_text(text) for text in self.chosen)


ROW_FIELDS = ("offered", "chosen", "examples", "forms", "pos", "source", "error", "keep")
"""What a translation may fill in a row (never its word or where it came from)."""


def review_rows(
    records: Sequence[ImportRecord],
    entries: Mapping[str, WordEntry],
    failures: Mapping[str, str],
) -> list[ReviewRow]:
    """Rows for the new words: the file's own translations first, then the translated entries
    (completed as an import completes them); a word with neither carries the reason (and is not
    kept until the learner adds a meaning)."""
    by_key = {word_key(word): entry for word, entry in entries.items()}
    reasons = {word_key(word): reason for word, reason in failures.items()}
    return [
        _row(record, by_key.get(word_key(record.word)), reasons.get(word_key(record.word), ""))
        for record in records
    ]


def _row(record: ImportRecord, entry: WordEntry | None, reason: str) -> ReviewRow:
    filled = with_entry(record, entry)
    where = str(record.location)
    if not filled.meanings:
        return ReviewRow(record.word, where, error=reason or NOT_YET, keep=False)
    return ReviewRow(
        word=record.word,
        location=where,
        offered=filled.meanings,
        chosen=[m.text for m in filled.meanings],
        examples=filled.examples,
        forms=dict(filled.forms),
        pos=filled.pos,
        source=FROM_FILE if record.meanings else (entry.source if entry else ""),
    )


def fill_rows(
    rows: list[ReviewRow],
    entries: Mapping[str, WordEntry],
    failures: Mapping[str, str] | None = None,
    *,
    pending: Sequence[str] = (),
    pending_reason: str = NOT_YET,
    where: str = RESUMED,
) -> int:
    """Put what a translation found into the grid's rows, in place, and say how many changed.

    Every row stays (a Stop, a Resume or a batch never drops one, nor its line number): a row is
    filled only while it has no meaning, so a translation already shown and a meaning the
    learner typed are never overwritten. Words the rows lack (a job resumed in a new session)
    are appended, located at `where`.
    """
    index = {word_key(row.word): row for row in rows}
    changed = 0
    words: list[tuple[str, WordEntry | None, str]] = [(w, e, "") for w, e in entries.items()]
    words += [(w, None, why) for w, why in (failures or {}).items()]
    words += [(w, None, pending_reason) for w in pending]
    for word, entry, reason in words:
        row = index.get(word_key(word))
        if row is None:
            row = index[word_key(word)] = ReviewRow(word, where, keep=False)
            rows.append(row)
        elif row.offered or any(clean_text(text) for text in row.chosen):
            continue
        record = ImportRecord(Location(row.location), row.word, frozenset({"word"}))
        fresh = _row(record, entry, reason)
        for name in ROW_FIELDS:
            setattr(row, name, getattr(fresh, name))
        changed += 1
    return changed


def resumed_rows(translation: Translation) -> list[ReviewRow]:
    """Rows for every word of a resumed job when no list is shown (a new session)."""
    rows: list[ReviewRow] = []
    fill_rows(rows, translation.entries, translation.failures, pending=translation.pending)
    return rows


@dataclass(frozen=True)
class CommitReport:
    """What the commit wrote."""

    added: int
    updated: int
    unchanged: int
    skipped: tuple[Problem, ...]

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


def _record(row: ReviewRow) -> ImportRecord:
    chosen = list(dict.fromkeys(clean_text(t) for t in row.chosen if clean_text(t)))
    offered = {m.text: m for m in row.offered}
    return ImportRecord(
        location=Location(row.location),
        word=row.word,
        provided=frozenset({"word", "translations", "examples", "forms"}),
        meanings=tuple(offered.get(text) or Meaning(text=text) for text in chosen),
        examples=row.examples,
        forms=dict(row.forms),
        pos=row.pos,
    )


async def commit(
    database: Database, profile_id: int, rows: Sequence[ReviewRow], now: datetime | None = None
) -> CommitReport:
    """Add the kept rows (with their chosen meanings) to the profile in one transaction."""
    records = [_record(row) for row in rows if row.ready]
    async with database.session() as session:
        profile = await session.get(Profile, profile_id)
        if profile is None:
            raise LookupError(f"no profile {profile_id}")
        existing = await load_existing(session, profile_id, with_cards=False)
        plan = plan_import(records, existing, profile.target_lang)
        await write_plan(session, profile, plan, now or utcnow())
    added = sum(1 for change in plan.changes if change.existing is None)
    return CommitReport(
        added=added,
        updated=len(plan.changes) - added,
        unchanged=plan.unchanged,
        skipped=tuple(plan.problems),
    )
