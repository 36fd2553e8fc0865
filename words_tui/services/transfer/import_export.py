"""Import word lists into a profile and export a profile's words: the use cases behind the CLI,
the notebook's BulkImport and the TUI's import action.

An import reads the whole file first (bad rows become located problems), looks up the new words
that came without a translation in the source chain, then writes everything in ONE transaction: a fatal
error commits nothing, and importing the same file again changes nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from words_tui.domain.entries import Example, Meaning
from words_tui.domain.enums import Direction
from words_tui.errors import InputError
from words_tui.i18n.said import Said
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Profile
from words_tui.infrastructure.db.types import utcnow
from words_tui.infrastructure.exporters import DeckInfo, ExportedWord
from words_tui.infrastructure.exporters.apkg_export import write_apkg
from words_tui.infrastructure.exporters.csv_export import write_csv
from words_tui.infrastructure.importers import ImportRecord, Problem, SourceError, parse_file
from words_tui.services.bulk import ProgressCallback
from words_tui.services.transfer.collector import garbage_collection
from words_tui.services.transfer.plan import (
    ExistingWord,
    Plan,
    derived_key,
    plan_import,
)
from words_tui.services.transfer.translating import (
    ImportProgress,
    translate_bare,
    untranslated_notes,
)
from words_tui.services.transfer.writer import load_existing, write_plan
from words_tui.services.vocabulary import ProfileNotFound, WordSources


@dataclass
class ImportReport:
    """What an import did, for the final report of the CLI, notebook and TUI."""

    path: Path
    format: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    translated: int = 0
    problems: list[Problem] = field(default_factory=list)
    merged: list[Problem] = field(default_factory=list)
    info: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    """What changed in each updated word ("casa: translations + home")."""
    untranslated: list[Problem] = field(default_factory=list)
    """New words that came without a translation and got none (skipped, apart from `problems`)."""
    translation_stopped: str = ""
    """Why the LLM stopped before translating every word (an outage, a rejected key), if it did."""

    @property
    def skipped(self) -> int:
        return len(self.problems) + len(self.untranslated)

    @property
    def counts(self) -> dict[str, object]:
        """The values the report's texts take (the CLI's `cli.import.summary`, the TUI's
        `import.done`), from one place so the two front-ends cannot count differently; each
        text uses the ones it names."""
        return {
            "file": self.path.name,
            "format": self.format,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "translated": self.translated,
        }

    def summary(self) -> str:
        parts = [
            f"{self.created} added",
            f"{self.updated} updated",
            f"{self.unchanged} unchanged",
            f"{self.skipped} skipped",
        ]
        if self.merged:
            parts.append(f"{len(self.merged)} repeats merged")
        if self.translated:
            parts.append(f"{self.translated} translated")
        return f"{self.path.name} ({self.format}): " + ", ".join(parts)


async def _profile(database: Database, profile_id: int) -> Profile:
    async with database.session() as session:
        profile = await session.get(Profile, profile_id)
    if profile is None:
        raise ProfileNotFound(key="error.profile.gone", profile=profile_id)
    return profile


async def import_file(
    database: Database,
    profile_id: int,
    path: Path,
    format: str | None = None,
    mapping: Mapping[str, str | int] | None = None,
    sources: WordSources | None = None,
    progress: ImportProgress | None = None,
    *,
    encoding: str | None = None,
    overwrite: bool = False,
    now: datetime | None = None,
    on_translation: ProgressCallback | None = None,
) -> ImportReport:
    """Import `path` into the profile; raises `SourceError` (nothing written) for unusable files
    and for a file with nothing in it. A word already in the profile gains what the file adds;
    with `overwrite` the file's fields replace its stored ones (see `plan.plan_change`).

    Words that come without a translation get one from the source chain: `sources` (the LLM
    only when it has one), by default the offline chain (stored entries, the starter table).
    `on_translation` sees the bulk engine's progress (its state: waiting for the endpoint ...).
    """
    profile = await _profile(database, profile_id)
    chain = sources or WordSources(database)
    with garbage_collection(enabled=False):
        # The records and the plan live in `_import`'s frame only, so they are gone when the
        # collector comes back on: its first pass would otherwise walk every one of them.
        return await _import(
            database,
            profile,
            path,
            _Reading(format, mapping, encoding),
            chain,
            progress,
            on_translation,
            now,
            overwrite,
        )


@dataclass(frozen=True)
class _Reading:
    """How to read the file: its format, which columns hold what, its encoding."""

    format: str | None
    mapping: Mapping[str, str | int] | None
    encoding: str | None


async def _import(
    database: Database,
    profile: Profile,
    path: Path,
    reading: _Reading,
    sources: WordSources,
    progress: ImportProgress | None,
    on_translation: ProgressCallback | None,
    now: datetime | None,
    overwrite: bool,
) -> ImportReport:
    if progress is not None:
        progress("reading", 0, 1)
    parsed = await asyncio.to_thread(
        parse_file,
        path,
        format=reading.format,
        encoding=reading.encoding,
        mapping=reading.mapping,
    )
    if progress is not None:
        progress("reading", 1, 1)
    if not parsed.records and not parsed.problems:
        raise SourceError(key="error.import.no_words", path=str(path))
    _tag_with(parsed.records, path.name)
    found = await translate_bare(
        database, profile, parsed.records, sources, progress, on_translation
    )
    report = ImportReport(
        path=path,
        format=parsed.format,
        translated=found.translated,
        info=list(parsed.info),
        translation_stopped=found.stopped,
    )
    plan = await _write(database, profile, found.records, now or utcnow(), progress, overwrite)
    _fill_report(report, plan, parsed.problems)
    report.untranslated = [
        Problem(r.location, f"'{r.word}' has no translation: {found.why(r.word)}")
        for r in plan.untranslated
    ]
    report.info += untranslated_notes([r.word for r in plan.untranslated], found)
    return report


def _tag_with(records: list[ImportRecord], tag: str) -> None:
    """The words of a file that names no tags of its own (a plain list, a table without a tags
    column) carry the file's name as a tag, so a lesson or a list can be limited to them. A file
    with tags (an export, an Anki deck, Kindle's book titles) keeps its own: re-importing an
    export changes nothing. Set in place: the records are the import's own, and a copy each
    costs at 100k rows."""
    for record in records:
        if "tags" not in record.provided and tag not in record.tags:
            record.tags = (*record.tags, tag)


async def _write(
    database: Database,
    profile: Profile,
    records: list[ImportRecord],
    now: datetime,
    progress: ImportProgress | None,
    overwrite: bool,
) -> Plan:
    """Plan and write the import in one transaction; returns the plan that was carried out."""
    assert profile.id is not None
    async with database.session() as session:
        with_cards = any(record.cards for record in records)
        existing = await load_existing(session, profile.id, with_cards=with_cards)
        plan = plan_import(records, existing, profile.target_lang, overwrite=overwrite)
        total = len(plan.changes)
        if progress is not None:
            progress("writing", 0, total)

        def written(done: int, _total: int) -> None:
            if progress is not None:
                progress("writing", done, total)

        await write_plan(session, profile, plan, now, written)
        if progress is not None:
            progress("writing", total, total)
    return plan


def _fill_report(report: ImportReport, plan: Plan, parse_problems: list[Problem]) -> None:
    report.created = sum(1 for change in plan.changes if change.existing is None)
    report.updated = len(plan.changes) - report.created
    report.unchanged = plan.unchanged
    report.problems = [*parse_problems, *plan.problems]
    report.merged = plan.merged
    report.changes = [
        Said("import.change", word=change.record.word, details=tuple(change.details))
        for change in plan.changes
        if change.existing is not None and change.details
    ]


EXPORT_FORMATS = ("csv", "apkg")


@dataclass(frozen=True)
class ExportReport:
    path: Path
    format: str
    words: int

    def summary(self) -> str:
        return f"{self.words} words written to {self.path} ({self.format})"


def _exported(word: ExistingWord, lang: str) -> ExportedWord:
    details = {m.get("text"): m for m in word.entry_meanings}
    return ExportedWord(
        key=word.ext_key or derived_key(lang, word.norm, word.pos),
        word=word.text,
        lang=lang,
        pos=word.pos,
        meanings=tuple(Meaning.model_validate(details.get(t) or {"text": t}) for t in word.chosen),
        examples=tuple(Example.model_validate(e) for e in word.examples),
        forms=dict(word.forms),
        notes=word.notes,
        tags=tuple(word.tags),
        status=word.status,
        cefr=word.cefr,
        added_at=word.added_at,
        cards=tuple(word.cards[d].progress for d in Direction if d in word.cards),
    )


async def export_profile(
    database: Database, profile_id: int, out: Path, format: str
) -> ExportReport:
    """Write every word of the profile to `out` as words-tui CSV or an Anki deck."""
    if format not in EXPORT_FORMATS:
        raise InputError(
            key="error.export.format", format=format, formats=", ".join(EXPORT_FORMATS)
        )
    profile = await _profile(database, profile_id)
    with garbage_collection(enabled=False):
        # As for imports: the words live in `_export`'s frame, gone when the collector is back.
        return await _export(database, profile, out, format)


async def _export(database: Database, profile: Profile, out: Path, format: str) -> ExportReport:
    assert profile.id is not None
    async with database.session() as session:
        existing = await load_existing(session, profile.id)
    words = [_exported(word, profile.target_lang) for word in existing]
    del existing
    if format == "csv":
        count = await asyncio.to_thread(write_csv, words, out)
    else:
        deck = DeckInfo(profile.name, profile.target_lang, profile.native_lang)
        count = await asyncio.to_thread(write_apkg, words, deck, out)
    return ExportReport(out, format, count)
