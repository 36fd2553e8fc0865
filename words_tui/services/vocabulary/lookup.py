"""Adding a word: one word in either language → candidate entries → the learner picks → added.

Sources are tried cheapest first — entries already stored, the starter table, an offline
dictionary, then the LLM — and the first that knows the word answers. A word typed in the native
language is turned around: each of its translations becomes a candidate headword in the target
language (what a profile learns), looked up through the same chain.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlmodel import col

from words_tui.domain.entries import Meaning, WordEntry
from words_tui.domain.text import clean_text, word_key
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Profile, UserWord, Word
from words_tui.infrastructure.dictionaries.starter import StarterVocabulary
from words_tui.infrastructure.llm.errors import LLMError
from words_tui.services.vocabulary.profiles import profile_by_id
from words_tui.services.vocabulary.store import add_to_profile
from words_tui.services.vocabulary.wordlists import DictionaryProvider, stored_entries

MAX_REVERSED = 4
"""Translations of a native-language word turned into candidates (each may cost an LLM call)."""


class WordTranslator(Protocol):
    """The LLM client's single-word lookup (`LLMClient.translate_word`)."""

    async def translate_word(self, word: str, source_lang: str, target_lang: str) -> WordEntry: ...


@dataclass(frozen=True)
class Candidate:
    """One entry the learner may add: a headword in the profile's target language."""

    entry: WordEntry
    user_word_id: int | None = None
    """Set when this headword is already in the profile's vocabulary."""

    @property
    def in_vocabulary(self) -> bool:
        return self.user_word_id is not None


@dataclass(frozen=True)
class LookupResult:
    """What a lookup found; `problem` explains an empty result (e.g. the LLM is unreachable)."""

    query: str
    typed_lang: str
    candidates: tuple[Candidate, ...]
    problem: str = ""


@dataclass(frozen=True)
class AddOutcome:
    """The word added, or the one already there (`created` False), with a line for the learner."""

    user_word_id: int
    created: bool
    message: str


@dataclass(frozen=True)
class Sources:
    """The lookup chain after the database: starter table, offline dictionary, LLM."""

    starter: StarterVocabulary
    dictionary: DictionaryProvider | None = None
    llm: WordTranslator | None = None


Step = Callable[[str, str, str], Awaitable[list[WordEntry]]]


def _guess_language(text: str, first: str, second: str) -> str:
    """The likelier of two languages for `text` by wordfreq frequency; `first` on a tie."""
    import wordfreq

    scores = {lang: wordfreq.zipf_frequency(text, lang) for lang in (first, second)}
    return second if scores[second] > scores[first] else first


class _Chain:
    """The sources in order, each a step returning entries for (word, from, to)."""

    def __init__(self, database: Database, sources: Sources) -> None:
        self.database = database
        self.sources = sources
        self.problem = ""

    def offline_steps(self) -> list[Step]:
        return [self._stored, self._starter, self._dictionary]

    async def _stored(self, word: str, source: str, target: str) -> list[WordEntry]:
        async with self.database.session() as session:
            return (await stored_entries(session, [word], source, target)).get(word, [])

    async def _starter(self, word: str, source: str, target: str) -> list[WordEntry]:
        return self.sources.starter.entries(word, source, target)

    async def _dictionary(self, word: str, source: str, target: str) -> list[WordEntry]:
        if self.sources.dictionary is None:
            return []
        entry = await self.sources.dictionary.lookup(word, source, target)
        return [entry] if entry is not None and entry.translations else []

    async def llm(self, word: str, source: str, target: str) -> list[WordEntry]:
        if self.sources.llm is None:
            self.problem = "not in the offline sources, and no LLM is configured"
            return []
        try:
            entry = await self.sources.llm.translate_word(word, source, target)
        except LLMError as err:
            self.problem = f"the LLM could not be asked: {err}"
            return []
        return [entry] if entry.translations else []

    async def first(
        self, steps: list[Step], word: str, source: str, target: str
    ) -> list[WordEntry]:
        for step in steps:
            found = await step(word, source, target)
            if found:
                return found
        return []


async def _reversed(
    chain: _Chain, found: list[WordEntry], profile: Profile, typed: str
) -> list[WordEntry]:
    """Target-language entries for the translations of a native-language word."""
    meanings = list(dict.fromkeys(m for entry in found for m in entry.meanings))[:MAX_REVERSED]
    result: list[WordEntry] = []
    steps = [*chain.offline_steps(), chain.llm]
    for meaning in meanings:
        entries = await chain.first(steps, meaning.text, profile.target_lang, profile.native_lang)
        matching = [e for e in entries if not meaning.pos or e.pos in ("", meaning.pos)]
        result.extend(matching[:1] or entries[:1] or [_turned(meaning, typed, profile, found[0])])
    return result


def _turned(meaning: Meaning, typed: str, profile: Profile, entry: WordEntry) -> WordEntry:
    """The bare reverse of a meaning, when no source has an entry for it."""
    return WordEntry(
        word=meaning.text,
        source_lang=profile.target_lang,
        target_lang=profile.native_lang,
        pos=meaning.pos,
        meanings=(Meaning(text=typed, pos=meaning.pos),),
        source=entry.source,
    )


async def _mark_known(
    database: Database, profile: Profile, entries: list[WordEntry]
) -> tuple[Candidate, ...]:
    first_per_key: dict[tuple[str, str], WordEntry] = {}
    for entry in entries:
        first_per_key.setdefault((word_key(entry.word), entry.pos), entry)
    unique = list(first_per_key.values())
    async with database.session() as session:
        query = (
            select(col(Word.norm), col(Word.pos), col(UserWord.id))
            .join(UserWord, col(UserWord.word_id) == col(Word.id))
            .where(
                col(UserWord.profile_id) + 0 == profile.id,  # via the word index, not all words
                col(Word.lang) == profile.target_lang,
                col(Word.norm).in_([word_key(e.word) for e in unique]),
            )
        )
        known = {
            (norm, pos): user_word_id for norm, pos, user_word_id in await session.execute(query)
        }
    return tuple(Candidate(e, known.get((word_key(e.word), e.pos))) for e in unique)


async def lookup_word(
    database: Database,
    profile_id: int,
    text: str,
    sources: Sources,
    *,
    lang: str | None = None,
) -> LookupResult:
    """Candidate entries for `text`, typed in the profile's target or native language.

    `lang` forces the input language; otherwise both are tried on the offline sources, and the
    LLM gets the language wordfreq finds likelier (the target language on a tie).
    """
    typed = clean_text(text)
    if not typed:
        raise ValueError("type a word to look up")
    async with database.session() as session:
        profile = await profile_by_id(session, profile_id)
    target, native = profile.target_lang, profile.native_lang
    chain = _Chain(database, sources)
    languages = [lang] if lang else [target, native]
    for step in chain.offline_steps():
        for typed_lang in languages:
            found = await step(typed, typed_lang, native if typed_lang == target else target)
            if found:
                return await _result(database, chain, profile, typed, typed_lang, found)
    typed_lang = lang or _guess_language(typed, target, native)
    found = await chain.llm(typed, typed_lang, native if typed_lang == target else target)
    if not found:
        return LookupResult(typed, typed_lang, (), chain.problem or f"no entry for '{typed}'")
    return await _result(database, chain, profile, typed, typed_lang, found)


async def _result(
    database: Database,
    chain: _Chain,
    profile: Profile,
    typed: str,
    typed_lang: str,
    found: list[WordEntry],
) -> LookupResult:
    entries = found
    if typed_lang != profile.target_lang:
        entries = await _reversed(chain, found, profile, typed)
    candidates = await _mark_known(database, profile, entries)
    return LookupResult(typed, typed_lang, candidates, "" if candidates else chain.problem)


async def add_word(
    database: Database,
    profile_id: int,
    entry: WordEntry,
    meanings: list[str] | None = None,
    now: datetime | None = None,
) -> AddOutcome:
    """Add a candidate with the meanings the learner picked (default: all), both direction cards.

    A headword already in the vocabulary is reported and left untouched.
    """
    async with database.session() as session:
        profile = await profile_by_id(session, profile_id)
        added = await add_to_profile(session, profile, entry, meanings, now=now)
    assert added.user_word.id is not None
    if added.created:
        return AddOutcome(added.user_word.id, True, f"added '{entry.word}'")
    return AddOutcome(
        added.user_word.id, False, f"'{entry.word}' is already in your vocabulary; nothing changed"
    )
