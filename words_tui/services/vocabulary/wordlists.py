"""Vocabulary by level: the most frequent lemmas of a language cut into CEFR bands, then translated.

Two ways to fill a profile for its level:
- `bootstrap_from_starter`: the bundled English/Russian/Spanish table, offline and instant — what a
  first run uses.
- `levels.bootstrap_level`: any language wordfreq knows, from `frequent_lemmas`: word forms from
  wordfreq's ranking merged to lemmas with simplemma (went/goes → go), junk dropped, lemmas
  ranked by their summed frequency and banded with `domain.cefr`, then translated through the
  source chain.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.cefr import BAND_UPPER_RANK, band_for_rank, levels_up_to, parse_level
from words_tui.domain.enums import Level
from words_tui.errors import InputError
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Profile, UserWord, Word
from words_tui.infrastructure.db.types import utcnow
from words_tui.infrastructure.dictionaries.starter import Concept, StarterVocabulary
from words_tui.services.vocabulary.profiles import profile_by_id
from words_tui.services.vocabulary.words import NewWord, add_words

SCAN_FACTOR = 3
"""Word forms scanned per lemma wanted: inflected languages spread a lemma over many forms."""
CAPITALISED_NOUN_LANGUAGES = frozenset({"de", "lb"})
"""Languages whose common nouns have capitalised lemmas, so capitals do not mark a name there."""


@dataclass(frozen=True)
class RankedLemma:
    """A lemma, its rank by summed frequency of its forms (1 = most frequent), and its band."""

    lemma: str
    rank: int
    level: Level


def is_junk(token: str) -> bool:
    """Numbers, single letters, tokens with digits or symbols: nothing a learner studies."""
    if not token or any(ch.isdigit() for ch in token):
        return True
    core = token.replace("-", "").replace("'", "").replace("’", "")
    if not core.isalpha() or token[0] in "-'’" or token[-1] in "-'’":
        return True
    return len(token) == 1 and token.lower() != token.upper()


@lru_cache(maxsize=32)
def frequent_lemmas(lang: str, level: Level) -> tuple[RankedLemma, ...]:
    """The lemmas of `lang` from A1 up to `level`, most frequent first.

    Cached per process: building the list reads wordfreq's list and simplemma's dictionary (about a
    second per language). Names are recognised by simplemma's capitalised lemmas.
    """
    import simplemma
    import wordfreq
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    if lang not in wordfreq.available_languages():
        raise InputError(key="error.level.no_word_list", language=lang)
    wanted = BAND_UPPER_RANK[level]
    lemmatise = lang in SUPPORTED_LANGUAGES
    totals: dict[str, float] = {}
    for scanned, token in enumerate(wordfreq.iter_wordlist(lang)):
        if scanned >= wanted * SCAN_FACTOR and len(totals) >= wanted:
            break
        if is_junk(token):
            continue
        lemma = str(simplemma.lemmatize(token, lang=lang)) if lemmatise else token
        if lemma != lemma.lower() and lang not in CAPITALISED_NOUN_LANGUAGES:
            continue
        if is_junk(lemma):
            continue
        totals[lemma] = totals.get(lemma, 0.0) + wordfreq.word_frequency(token, lang)
    ranked = sorted(totals, key=lambda lemma: -totals[lemma])[:wanted]
    return tuple(
        RankedLemma(lemma, rank, band_for_rank(rank) or level)
        for rank, lemma in enumerate(ranked, start=1)
    )


@dataclass(frozen=True)
class BootstrapResult:
    """What a starter bootstrap did: words added and words already there."""

    added: int
    already: int


def up_to(profile: Profile, level: Level | str | None) -> Level:
    """`level` as a band, the profile's own by default."""
    if level is None:
        return parse_level(profile.level)
    return parse_level(level) if isinstance(level, str) else level


def _introduction_order(concept: Concept) -> tuple[int, int]:
    """Band first, then a fixed shuffle (a checksum of the concept's id), so a first lesson
    mixes nouns, verbs and adjectives of every topic, the same way on every machine."""
    return concept.cefr.rank, zlib.crc32(concept.id.encode())


async def bootstrap_from_starter(
    database: Database,
    profile_id: int,
    starter: StarterVocabulary,
    level: Level | str | None = None,
    now: datetime | None = None,
) -> BootstrapResult:
    """Add every starter concept from A1 up to `level` (default: the profile's), easiest first.

    Within a band the words are spread (see `_introduction_order`): the table is grouped by
    part of speech and topic, and new words are introduced in the order they were added.

    Idempotent: words already in the profile are counted, not duplicated, so calling it again after
    a level change adds just the new level's words. Each word carries its band as a tag ("A2"), so
    a lesson or a list can be limited to one level.
    """
    async with database.session() as session:
        profile = await profile_by_id(session, profile_id)
        target, native = profile.target_lang, profile.native_lang
        bands = levels_up_to(up_to(profile, level))
        concepts = sorted(
            (
                concept
                for concept in starter.concepts(target)
                if native in concept.sides and concept.cefr in bands
            ),
            key=_introduction_order,
        )
        words = [
            NewWord.from_entry(
                concept.entry(target, native), cefr=concept.cefr.value, tags=(concept.cefr.value,)
            )
            for concept in concepts
        ]
        added = await add_words(session, profile, words, now or utcnow())
        return BootstrapResult(added=added.added, already=added.already)


async def known_norms(session: AsyncSession, profile_id: int) -> set[str]:
    """The normalised text of every word in the profile."""
    query = (
        select(col(Word.norm))
        .join(UserWord, col(UserWord.word_id) == col(Word.id))
        .where(col(UserWord.profile_id) == profile_id)
    )
    return set((await session.execute(query)).scalars())
