"""Adding a word: one word in either language → candidate entries → the learner picks → added.

Sources are tried cheapest first, through the one chain (`sources.WordSources`: stored entries,
the translation cache, the starter table, an offline dictionary, then the LLM), and the first that
knows the word answers. A word typed in the native
language is turned around: each of its translations becomes a candidate headword in the target
language (what a profile learns), looked up through the same chain.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import col

from words_tui.domain.entries import Meaning, WordEntry
from words_tui.domain.text import clean_text, word_key
from words_tui.errors import InputError
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Profile, UserWord, Word
from words_tui.services.vocabulary.profiles import profile_by_id
from words_tui.services.vocabulary.sources import NO_LLM, WordSources

MAX_REVERSED = 4
"""Translations of a native-language word turned into candidates (each may cost an LLM call)."""


@dataclass(frozen=True)
class FoundEntry:
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
    candidates: tuple[FoundEntry, ...]
    problem: str = ""


def _guess_language(text: str, first: str, second: str) -> str:
    """The likelier of two languages for `text` by wordfreq frequency; `first` on a tie."""
    import wordfreq

    scores = {lang: wordfreq.zipf_frequency(text, lang) for lang in (first, second)}
    return second if scores[second] > scores[first] else first


async def _first(
    sources: WordSources, profile: Profile, word: str, source: str, target: str
) -> list[WordEntry]:
    """The offline chain, then the LLM."""
    found = await sources.offline(word, source, target, profile.id)
    return found or (await sources.ask_llm(word, source, target))[0]


async def _reversed(
    sources: WordSources, found: list[WordEntry], profile: Profile, typed: str
) -> list[WordEntry]:
    """Target-language entries for the translations of a native-language word."""
    meanings = list(dict.fromkeys(m for entry in found for m in entry.meanings))[:MAX_REVERSED]
    result: list[WordEntry] = []
    for meaning in meanings:
        entries = await _first(
            sources, profile, meaning.text, profile.target_lang, profile.native_lang
        )
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
) -> tuple[FoundEntry, ...]:
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
    return tuple(FoundEntry(e, known.get((word_key(e.word), e.pos))) for e in unique)


async def lookup_word(
    database: Database,
    profile_id: int,
    text: str,
    sources: WordSources,
    *,
    lang: str | None = None,
) -> LookupResult:
    """Candidate entries for `text`, typed in the profile's target or native language.

    `lang` forces the input language; otherwise both are tried on the offline sources, and the
    LLM gets the language wordfreq finds likelier (the target language on a tie).
    """
    typed = clean_text(text)
    if not typed:
        raise InputError(key="error.word.type_to_look_up")
    async with database.session() as session:
        profile = await profile_by_id(session, profile_id)
    target, native = profile.target_lang, profile.native_lang
    languages = [lang] if lang else [target, native]
    for _, step in sources.offline_steps(profile_id):
        for typed_lang in languages:
            other = native if typed_lang == target else target
            found = (await step([typed], typed_lang, other)).get(typed)
            if found:
                return await _result(database, sources, profile, typed, typed_lang, found)
    typed_lang = lang or _guess_language(typed, target, native)
    other = native if typed_lang == target else target
    found, problem = await sources.ask_llm(typed, typed_lang, other)
    if not found:
        if problem == NO_LLM:
            problem = "not in the offline sources, and no LLM is configured"
        return LookupResult(typed, typed_lang, (), problem)
    return await _result(database, sources, profile, typed, typed_lang, found)


async def _result(
    database: Database,
    sources: WordSources,
    profile: Profile,
    typed: str,
    typed_lang: str,
    found: list[WordEntry],
) -> LookupResult:
    entries = found
    if typed_lang != profile.target_lang:
        entries = await _reversed(sources, found, profile, typed)
    candidates = await _mark_known(database, profile, entries)
    return LookupResult(
        typed, typed_lang, candidates, "" if candidates else f"no entry for '{typed}'"
    )
