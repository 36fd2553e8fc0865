"""The translation step of an import: words that came without a translation get one from the
word-source chain, and those that still have none are reported by reason (one line for a stopped
translation, not one per word)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field

from words_tui.domain.text import word_key
from words_tui.i18n.said import Said
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Profile
from words_tui.infrastructure.importers import ImportRecord
from words_tui.services.bulk import BulkProgress, ProgressCallback
from words_tui.services.transfer.collector import garbage_collection
from words_tui.services.transfer.plan import with_entry
from words_tui.services.vocabulary import WordSources, known_norms

NOT_LOOKED_UP = Said("import.untranslated.none_in_file")
NOTE_WORDS = 5
NOTE_REASONS = 3

ImportProgress = Callable[[str, int, int], None]
"""Called with (stage, done, total); stages: reading, translating, writing."""


@dataclass
class Translated:
    """The records with the translations found, and what became of the words that had none."""

    records: list[ImportRecord]
    translated: int = 0
    reasons: dict[str, str] = field(default_factory=dict)
    """Why each word still without a translation has none, by `word_key`."""
    stopped: str = ""

    def why(self, word: str) -> str:
        return self.reasons.get(word_key(word), NOT_LOOKED_UP)


async def translate_bare(
    database: Database,
    profile: Profile,
    records: list[ImportRecord],
    sources: WordSources,
    progress: ImportProgress | None,
    on_translation: ProgressCallback | None,
) -> Translated:
    """Fill in translations for words that have none and are not in the profile yet, from the
    source chain (offline sources always; the LLM when the chain has one).

    Runs before the import's transaction: no database transaction stays open across API calls.
    """
    assert profile.id is not None
    bare = [r for r in records if not r.meanings]
    if not bare:
        return Translated(records)
    async with database.session() as session:
        known = await known_norms(session, profile.id)
    needed = list(dict.fromkeys(r.word for r in bare if word_key(r.word) not in known))
    if not needed:
        return Translated(records)

    async def report(update: BulkProgress) -> None:
        if progress is not None:
            progress("translating", update.done + update.failed, update.total)
        if on_translation is not None:
            shown = on_translation(update)
            if inspect.isawaitable(shown):
                await shown

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
    result = translation.result
    stopped = result.error if result is not None else ""
    left = Said("import.untranslated.stopped" if stopped else "import.untranslated.not_translated")
    reasons = {
        word_key(word): translation.failures.get(word, left)
        for word in needed
        if word not in entries
    }
    filled = [with_entry(r, None if r.meanings else entries.get(r.word)) for r in records]
    return Translated(filled, len(entries), reasons, stopped)


def untranslated_notes(words: list[str], found: Translated) -> list[str]:
    """One line per reason (the commonest few) for the words left without a translation, with
    a few of them as examples: a stopped translation is one line, not one per word."""
    by_reason: dict[str, list[str]] = {}
    for word in words:
        by_reason.setdefault(found.why(word), []).append(word)
    ranked = sorted(by_reason.items(), key=lambda item: -len(item[1]))
    lines: list[str] = []
    for reason, words in ranked[:NOTE_REASONS]:
        shown = ", ".join(words[:NOTE_WORDS]) + (", …" if len(words) > NOTE_WORDS else "")
        lines.append(Said("import.info.untranslated", count=len(words), reason=reason, words=shown))
    if len(ranked) > NOTE_REASONS:
        rest = sum(len(words) for _, words in ranked[NOTE_REASONS:])
        lines.append(Said("import.info.untranslated_rest", count=rest))
    return lines
