"""The transfer capability as a `Core` hands it out: `core.transfer`.

Whole-file imports and exports (the CLI and the quiz) and the notebook's preview and commit steps,
bound to the core's database and clock; words without a translation get one from the core's
word-source chain (offline sources always, the LLM when asked to translate).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from words_tui.errors import UserError
from words_tui.infrastructure.importers import ParsedSource
from words_tui.services.bulk import ProgressCallback
from words_tui.services.parts import Parts
from words_tui.services.transfer import batch
from words_tui.services.transfer.batch import CommitReport, Preview, ReviewRow
from words_tui.services.transfer.import_export import (
    ExportReport,
    ImportReport,
    export_profile,
    import_file,
)
from words_tui.services.transfer.translating import ImportProgress


class NoTranslationSource(UserError):
    """Translating was asked for, but neither an LLM nor an offline dictionary is configured."""


class Transfer:
    """Words in (files, pasted text, uploads) and out (CSV, Anki)."""

    def __init__(self, parts: Parts) -> None:
        self._parts = parts

    async def import_file(
        self,
        profile_id: int,
        path: Path,
        format: str | None = None,
        mapping: Mapping[str, str | int] | None = None,
        *,
        translate: bool = False,
        progress: ImportProgress | None = None,
        encoding: str | None = None,
        overwrite: bool = False,
        on_translation: ProgressCallback | None = None,
    ) -> ImportReport:
        """Import a file in one transaction. Words that came without a translation get one from
        the offline sources (stored entries, starter vocabulary, dictionaries) and, with
        `translate`, the LLM. Words already in the profile gain what the file adds, or with
        `overwrite` take the file's fields. `SourceError` (nothing written) for a file that
        cannot be read or holds nothing;
        `NoTranslationSource` when `translate` has neither an LLM nor a dictionary to use;
        `on_translation` sees the bulk engine's progress and state (waiting for the endpoint...).
        Words left without a translation are counted in `untranslated`, with the reason the
        translation stopped (if it did) in `translation_stopped`."""
        sources = await self._parts.word_sources(llm=translate)
        if translate and not sources.has_llm and sources.dictionary is None:
            raise NoTranslationSource(key="error.translate.no_source")
        return await import_file(
            self._parts.database,
            profile_id,
            path,
            format,
            mapping,
            sources,
            progress,
            encoding=encoding,
            overwrite=overwrite,
            now=self._parts.now(),
            on_translation=on_translation,
        )

    async def export(self, profile_id: int, out: Path, format: str) -> ExportReport:
        """Write the profile's words to `out` as words-tui CSV (`csv`) or an Anki deck (`apkg`)."""
        return await export_profile(self._parts.database, profile_id, out, format)

    # -- the notebook's steps -----------------------------------------------------------------

    async def preview(self, profile_id: int, parsed: ParsedSource) -> Preview:
        """Sort what was read into new and known words, repeats and unusable lines."""
        return await batch.preview(self._parts.database, profile_id, parsed)

    async def commit(self, profile_id: int, rows: Sequence[ReviewRow]) -> CommitReport:
        """Add the rows that are ready to the profile, in one transaction."""
        return await batch.commit(self._parts.database, profile_id, rows, self._parts.now())
