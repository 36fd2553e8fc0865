"""The one word-source chain: where an entry for a word comes from, cheapest first.

    the learner's stored entries → the translation cache → the starter vocabulary
        → offline dictd dictionaries → the LLM (one word: `translate_word`; many: the bulk engine)

Add word (`lookup`), every import (CLI, quiz, notebook), the level builder (`wordlists`) and bulk
translation take their entries from here, so a word list gets the same entries whichever way it
comes in. The offline steps are free and instant and always run; the LLM runs only when the
chain has one (`WordSources.without_llm()` gives the same chain without it). No database session
stays open while a dictionary or the LLM works.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.entries import WordEntry
from words_tui.domain.text import word_key
from words_tui.errors import InputError
from words_tui.i18n.said import Said
from words_tui.infrastructure.db.bulk import chunks
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Entry, Word
from words_tui.infrastructure.dictionaries.starter import StarterVocabulary
from words_tui.infrastructure.llm.errors import LLMError
from words_tui.services.vocabulary.store import entry_from_row
from words_tui.services.vocabulary.words import IMPORT_SOURCE_PREFIX, import_source

if TYPE_CHECKING:  # the bulk engine and the LLM load when a translation needs them
    from words_tui.infrastructure.llm.protocols import LLMService
    from words_tui.services.bulk import BulkResult, BulkTranslator, ProgressCallback

NO_LLM = Said("vocabulary.no_llm")
LLM_NOT_ASKED = Said("vocabulary.llm_not_asked")
STORED, CACHE, STARTER, DICTIONARY, LLM = "stored", "cache", "starter", "dictionary", "llm"


class DictionaryProvider(Protocol):
    """An offline dictionary (dictd files): one word at a time, quick, possibly without a match."""

    async def lookup(self, word: str, source_lang: str, target_lang: str) -> WordEntry | None: ...


@dataclass(frozen=True)
class Translation:
    """Entries for the words that have one (keyed by the words as given), a reason for each that
    failed, the words a stopped bulk job left pending, how many each source answered, and the
    bulk engine's run (job, status, tokens, cost) when it was needed."""

    entries: dict[str, WordEntry]
    failures: dict[str, str]
    pending: list[str] = field(default_factory=list)
    by_source: Counter[str] = field(default_factory=Counter)
    result: BulkResult | None = None

    @property
    def offline(self) -> int:
        """Words answered without the LLM."""
        return sum(count for source, count in self.by_source.items() if source != LLM)


Step = Callable[[list[str], str, str], Awaitable[dict[str, list[WordEntry]]]]
"""One source for many words: (words, from, to) → entries of the words it knows."""


@dataclass(frozen=True)
class WordSources:
    """The chain's sources. `llm` answers single lookups; `bulk` (the paced, resumable engine,
    usually around the same client) answers many words at once. `Core.word_sources` builds the
    configured chain."""

    database: Database
    starter: StarterVocabulary | None = None
    """None: the bundled table, read on the first lookup that needs it."""
    dictionary: DictionaryProvider | None = None
    llm: LLMService | None = None
    bulk: BulkTranslator | None = None
    no_llm: str = NO_LLM
    """Why a word no offline source has fails: no LLM configured, or not asked for."""

    def without_llm(self) -> WordSources:
        """The offline part of the chain (an import that may not spend API calls)."""
        return dataclasses.replace(self, llm=None, bulk=None, no_llm=LLM_NOT_ASKED)

    @property
    def has_llm(self) -> bool:
        return self.llm is not None or self.bulk is not None

    def _model(self) -> str | None:
        if self.llm is not None:
            return self.llm.model
        return self.bulk.model if self.bulk is not None else None

    def offline_steps(self, profile_id: int | None = None) -> list[tuple[str, Step]]:
        """The free sources in order, each answering for many words at once; the stored entries
        are shared ones and `profile_id`'s own imports (never another learner's)."""

        async def stored(words: list[str], source: str, target: str) -> dict[str, list[WordEntry]]:
            return await self._stored(words, source, target, profile_id)

        return [
            (STORED, stored),
            (CACHE, self._cached),
            (STARTER, self._starter),
            (DICTIONARY, self._dictionary),
        ]

    async def _stored(
        self, words: list[str], source: str, target: str, profile_id: int | None
    ) -> dict[str, list[WordEntry]]:
        async with self.database.session() as session:
            found = await stored_entries(session, words, source, target, profile_id)
        usable = {word: [e for e in entries if e.translations] for word, entries in found.items()}
        return {word: entries for word, entries in usable.items() if entries}

    async def _cached(
        self, words: list[str], source: str, target: str
    ) -> dict[str, list[WordEntry]]:
        model = self._model()
        if model is None:
            return {}
        from words_tui.infrastructure.llm.caching import TranslationCacheStore

        found = await TranslationCacheStore(self.database, model).get_many(words, source, target)
        return {word: [entry] for word, entry in found.items() if entry.translations}

    async def _starter(
        self, words: list[str], source: str, target: str
    ) -> dict[str, list[WordEntry]]:
        starter = self.starter or StarterVocabulary.default()
        found = {word: starter.entries(word, source, target) for word in words}
        return {word: entries for word, entries in found.items() if entries}

    async def _dictionary(
        self, words: list[str], source: str, target: str
    ) -> dict[str, list[WordEntry]]:
        found: dict[str, list[WordEntry]] = {}
        if self.dictionary is None:
            return found
        for word in words:
            entry = await self.dictionary.lookup(word, source, target)
            if entry is not None and entry.translations:
                found[word] = [entry]
        return found

    async def offline(
        self, word: str, source_lang: str, target_lang: str, profile_id: int | None = None
    ) -> list[WordEntry]:
        """Every entry the first free source that knows `word` has (one per part of speech)."""
        for _, step in self.offline_steps(profile_id):
            found = (await step([word], source_lang, target_lang)).get(word)
            if found:
                return found
        return []

    async def ask_llm(
        self, word: str, source_lang: str, target_lang: str
    ) -> tuple[list[WordEntry], str]:
        """The LLM's entry for one word, or none and why (not configured, unreachable)."""
        if self.llm is None:
            return [], self.no_llm
        try:
            entry = await self.llm.translate_word(word, source_lang, target_lang)
        except LLMError as err:
            return [], Said("error.llm.not_asked", error=err)
        return ([entry], "") if entry.translations else ([], Said("vocabulary.no_entry", word=word))

    async def translate(
        self,
        words: Sequence[str],
        source_lang: str,
        target_lang: str,
        *,
        progress: ProgressCallback | None = None,
        profile_id: int | None = None,
    ) -> Translation:
        """An entry for as many `words` as possible, each from the first source that has one;
        the rest go to the bulk engine (a resumable job) or fail saying why."""
        entries: dict[str, WordEntry] = {}
        counts: Counter[str] = Counter()
        rest = list(dict.fromkeys(words))
        for name, step in self.offline_steps(profile_id):
            if not rest:
                break
            found = await step(rest, source_lang, target_lang)
            entries.update({word: found_entries[0] for word, found_entries in found.items()})
            counts[name] += len(found)
            rest = [word for word in rest if word not in found]
        if not rest:
            return Translation(entries, {}, by_source=counts)
        if self.bulk is None:
            return Translation(entries, {word: self.no_llm for word in rest}, by_source=counts)
        result = await self.bulk.run(
            rest, source_lang, target_lang, progress=progress, profile_id=profile_id
        )
        translated = _by_words(rest, result)
        counts[LLM] += len(translated)
        return Translation(
            entries={**entries, **translated},
            failures={failure.word: failure.reason for failure in result.failures},
            pending=list(result.pending),
            by_source=counts,
            result=result,
        )

    async def resume(self, job_id: int, progress: ProgressCallback | None = None) -> Translation:
        """Finish an interrupted bulk job (after a Stop, a crash or a closed notebook)."""
        if self.bulk is None:
            raise InputError(key="error.bulk.resume_needs_llm")
        result = await self.bulk.resume(job_id, progress=progress)
        return Translation(
            entries=dict(result.entries),
            failures={failure.word: failure.reason for failure in result.failures},
            pending=list(result.pending),
            by_source=Counter({LLM: len(result.entries)}),
            result=result,
        )

    def cancel(self) -> None:
        """Stop a running bulk job; what it finished is kept, the rest stays pending."""
        if self.bulk is not None:
            self.bulk.cancel()


def _by_words(words: list[str], result: BulkResult) -> dict[str, WordEntry]:
    """The engine's entries (keyed by the cleaned words) under the words as given."""
    by_key = {word_key(word): entry for word, entry in result.entries.items()}
    return {word: by_key[word_key(word)] for word in words if word_key(word) in by_key}


async def stored_entries(
    session: AsyncSession,
    words: Sequence[str],
    source_lang: str,
    target_lang: str,
    profile_id: int | None = None,
) -> dict[str, list[WordEntry]]:
    """Entries already in the database for `words` (one per part of speech, oldest first), keyed
    by the word as given: shared sources, and only `profile_id`'s own imported entries."""
    private = col(Entry.source).startswith(IMPORT_SOURCE_PREFIX)
    mine = col(Entry.source) == import_source(profile_id) if profile_id is not None else false()
    by_key = {word_key(word): word for word in words}
    found: dict[str, dict[str, WordEntry]] = {}
    for chunk in chunks(list(by_key)):
        query = (
            select(Word, Entry)
            .join(Entry, col(Entry.word_id) == col(Word.id))
            .where(
                col(Word.lang) == source_lang,
                col(Word.norm).in_(chunk),
                col(Entry.target_lang) == target_lang,
                or_(~private, mine),
            )
            .order_by(col(Word.id), col(Entry.id))
        )
        for word, entry in (await session.execute(query)).all():
            per_pos = found.setdefault(by_key[word.norm], {})
            per_pos.setdefault(word.pos, entry_from_row(word, entry))
    return {word: list(per_pos.values()) for word, per_pos in found.items()}
