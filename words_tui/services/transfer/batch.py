"""A bulk import in the steps a learner sees them: read, preview, translate, review, commit.

`import_export.import_file` does all of it in one call (the CLI's and the quiz's import). The
notebook stops in between: it shows what a list holds before anything is paid for — new words, words already in the
vocabulary, repeated lines, unusable lines with their reason — lets the learner fix the
translations, and only then writes. Reading uses the importers (CSV/TSV/plain lists, Anki
packages, Kindle), translating the word-source chain, writing the import plan — the same rules
as the CLI, so a list gets the same entries either way and importing it twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath

from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.domain.text import clean_text, word_key
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


@dataclass(frozen=True)
class Preview:
    """What a list holds for one profile, before anything is translated or written."""

    new: tuple[ImportRecord, ...]
    known: tuple[ImportRecord, ...]
    duplicates: tuple[Problem, ...]
    invalid: tuple[Problem, ...]
    info: tuple[str, ...] = ()

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
            invalid.append(Problem(record.location, f"'{record.word}' has no letters"))
            continue
        key = word_key(record.word)
        if key in first:
            duplicates.append(
                Problem(record.location, f"'{record.word}' repeats {first[key].location}")
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
    rows = []
    for record in records:
        entry = by_key.get(word_key(record.word))
        filled = with_entry(record, entry)
        where = str(record.location)
        if not filled.meanings:
            reason = reasons.get(word_key(record.word), "not translated yet")
            rows.append(ReviewRow(record.word, where, error=reason, keep=False))
            continue
        rows.append(
            ReviewRow(
                word=record.word,
                location=where,
                offered=filled.meanings,
                chosen=[m.text for m in filled.meanings],
                examples=filled.examples,
                forms=dict(filled.forms),
                pos=filled.pos,
                source=FROM_FILE if record.meanings else (entry.source if entry else ""),
            )
        )
    return rows


def resumed_rows(translation: Translation) -> list[ReviewRow]:
    """Rows for every word of a resumed job (the original list is gone; the job has the words)."""
    words = [*translation.entries, *translation.failures, *translation.pending]
    records = [ImportRecord(Location("resumed job"), word, frozenset({"word"})) for word in words]
    return review_rows(records, translation.entries, translation.failures)


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
