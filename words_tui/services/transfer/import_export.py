"""Import word lists into a profile and export a profile's words: the use cases behind the CLI,
the notebook's BulkImport and the TUI's import action.

An import reads the whole file first (bad rows become located problems), looks up the new words
that came without a translation in the source chain, then writes everything in ONE transaction: a fatal
error commits nothing, and importing the same file again changes nothing.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from words_tui.domain.entries import Example, Meaning
from words_tui.domain.enums import Direction
from words_tui.domain.text import word_key
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Profile
from words_tui.infrastructure.db.types import utcnow
from words_tui.infrastructure.exporters import DeckInfo, ExportedWord
from words_tui.infrastructure.exporters.apkg_export import write_apkg
from words_tui.infrastructure.exporters.csv_export import write_csv
from words_tui.infrastructure.importers import ImportRecord, Problem, SourceError, parse_file
from words_tui.services.bulk import BulkProgress
from words_tui.services.transfer.plan import (
    ExistingWord,
    Plan,
    derived_key,
    plan_import,
    with_entry,
)
from words_tui.services.transfer.writer import load_existing, write_plan
from words_tui.services.vocabulary import ProfileNotFound, WordSources, known_norms

ImportProgress = Callable[[str, int, int], None]
"""Called with (stage, done, total); stages: reading, translating, writing."""


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

    @property
    def skipped(self) -> int:
        return len(self.problems)

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


@contextmanager
def garbage_collection(*, enabled: bool) -> Iterator[None]:
    """Turn Python's cycle collector off (or back on) for a block, then restore its state.

    Each collection pass rescans every live object, and a 100k-row import holds millions (records,
    plan, rows): with the collector on, its passes made up a third of a large import. Import
    records form no reference cycles, so nothing is left uncollected for long.
    """
    was_enabled = gc.isenabled()
    if enabled:
        gc.enable()
    else:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        else:
            gc.disable()


async def _profile(database: Database, profile_id: int) -> Profile:
    async with database.session() as session:
        profile = await session.get(Profile, profile_id)
    if profile is None:
        raise ProfileNotFound(f"no profile with id {profile_id}")
    return profile


async def _translate(
    database: Database,
    profile: Profile,
    records: list[ImportRecord],
    sources: WordSources,
    progress: ImportProgress | None,
) -> tuple[list[ImportRecord], int]:
    """Fill in translations for words that have none and are not in the profile yet, from the
    source chain (offline sources always; the LLM when the chain has one).

    Runs before the import's transaction: no database transaction stays open across API calls.
    """
    assert profile.id is not None
    bare = [r for r in records if not r.meanings]
    if not bare:
        return records, 0
    async with database.session() as session:
        known = await known_norms(session, profile.id)
    needed = list(dict.fromkeys(r.word for r in bare if word_key(r.word) not in known))
    if not needed:
        return records, 0

    def report(update: BulkProgress) -> None:
        if progress is not None:
            progress("translating", update.done + update.failed, update.total)

    if progress is not None:
        progress("translating", 0, len(needed))
    with garbage_collection(enabled=True):  # API calls take a while and make cycles
        translation = await sources.translate(
            needed,
            profile.target_lang,
            profile.native_lang,
            progress=report,
            profile_id=profile.id,
        )
    if progress is not None:
        progress("translating", len(needed), len(needed))
    entries = translation.entries
    filled = [with_entry(r, None if r.meanings else entries.get(r.word)) for r in records]
    return filled, len(entries)


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
) -> ImportReport:
    """Import `path` into the profile; raises `SourceError` (nothing written) for unusable files
    and for a file with nothing in it. A word already in the profile gains what the file adds;
    with `overwrite` the file's fields replace its stored ones (see `plan.plan_change`).

    Words that come without a translation get one from the source chain: `sources` (the LLM
    only when it has one), by default the offline chain (stored entries, the starter table).
    """
    profile = await _profile(database, profile_id)
    chain = sources or WordSources(database)
    with garbage_collection(enabled=False):
        # The records and the plan live in `_import`'s frame only, so they are gone when the
        # collector comes back on: its first pass would otherwise walk every one of them.
        return await _import(
            database, profile, path, format, mapping, chain, progress, encoding, now, overwrite
        )


async def _import(
    database: Database,
    profile: Profile,
    path: Path,
    format: str | None,
    mapping: Mapping[str, str | int] | None,
    sources: WordSources,
    progress: ImportProgress | None,
    encoding: str | None,
    now: datetime | None,
    overwrite: bool,
) -> ImportReport:
    if progress is not None:
        progress("reading", 0, 1)
    parsed = await asyncio.to_thread(
        parse_file, path, format=format, encoding=encoding, mapping=mapping
    )
    if progress is not None:
        progress("reading", 1, 1)
    if not parsed.records and not parsed.problems:
        raise SourceError(f"{path}: nothing to import (no words in it)")
    records, translated = await _translate(database, profile, parsed.records, sources, progress)
    report = ImportReport(
        path=path, format=parsed.format, translated=translated, info=list(parsed.info)
    )
    plan = await _write(database, profile, records, now or utcnow(), progress, overwrite)
    _fill_report(report, plan, parsed.problems)
    return report


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
        f"{change.record.word}: {'; '.join(change.details)}"
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
        raise ValueError(f"unknown export format '{format}'; use {' or '.join(EXPORT_FORMATS)}")
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
