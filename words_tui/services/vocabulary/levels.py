"""A profile's level, for any language pair: starter words, frequency lemmas, a "to translate" list.

`fill_level` gives a profile the words of its level (A1 up to the level chosen):
- a pair the bundled starter table covers (English, Russian, Spanish) takes the table's bands
  first (A1–B1, offline and instant), and only the bands above them from the frequency list;
- any other pair wordfreq and simplemma cover takes every band from the frequency list
  (`wordlists.frequent_lemmas`), each lemma translated through the one source chain (stored
  entries, the cache, the starter table, dictionaries, the LLM when there is one).

A lemma no source can translate is not dropped: it waits in the profile's "to translate" list
(`pending_words`) with the reason, and `translate_pending` finishes the list later — once an LLM
or a dictionary is configured — from the CLI (`profile pending --translate`), the quiz or a
notebook. Running either again costs nothing for the words already there.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.enums import Level
from words_tui.domain.text import word_key
from words_tui.i18n.said import Said, read_back
from words_tui.infrastructure.db.bulk import chunks, insert_ignoring_conflicts
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import PendingWord, Profile
from words_tui.infrastructure.dictionaries.starter import StarterVocabulary
from words_tui.infrastructure.languages import level_languages, native_name
from words_tui.infrastructure.llm.errors import WORD_FAILURES
from words_tui.services.vocabulary.profiles import profile_by_id
from words_tui.services.vocabulary.sources import LLM_NOT_ASKED, NO_LLM, WordSources
from words_tui.services.vocabulary.wordlists import (
    RankedLemma,
    bootstrap_from_starter,
    frequent_lemmas,
    known_norms,
    up_to,
)
from words_tui.services.vocabulary.words import NewWord, add_words

Progress = Callable[[int, int], None]
"""Called with (done, total) as translation advances."""
PENDING_SHOWN = 20
"""Words of the "to translate" list a summary names."""

STOPPED = Said("vocabulary.reason.stopped")
WAITING_REASONS = (NO_LLM.key, LLM_NOT_ASKED.key, STOPPED.key, *WORD_FAILURES)
"""The keys of the reasons a word waits — fixed ones, and the LLM's for a word it failed — kept
in the list as English text: read back as `Said` lines, so a front-end words them in the
learner's language."""


@dataclass(frozen=True)
class LevelFill:
    """What filling a level (or translating the waiting words) did.

    `by_source` counts the translated words per source of the chain (starter words of the
    table count under "starter"); `pending` is the size of the "to translate" list afterwards
    and `reason` why its words have no translation yet ("" when the list is empty).
    """

    added: int
    already: int
    pending: int = 0
    reason: str = ""
    by_source: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class LanguageChoice:
    """A language a profile can learn or start from: its code, its name in itself, and whether
    the bundled starter table has it (levels A1–B1 offline, no source needed)."""

    code: str
    name: str
    offline: bool


def language_choices(starter_languages: frozenset[str]) -> list[LanguageChoice]:
    """Every language with a word list: the starter table's first, then by their own names."""
    codes = level_languages() | starter_languages
    choices = [LanguageChoice(c, native_name(c), c in starter_languages) for c in codes]
    return sorted(choices, key=lambda c: (not c.offline, c.name.casefold()))


@dataclass(frozen=True)
class PendingWords:
    """The profile's "to translate" list: how many, the first words, and why they wait."""

    count: int
    words: tuple[str, ...]
    reason: str


def starter_top(starter: StarterVocabulary, profile: Profile) -> Level | None:
    """The hardest band the starter table has for the profile's pair (None: not covered)."""
    bands = [
        concept.cefr
        for concept in starter.concepts(profile.target_lang)
        if profile.native_lang in concept.sides
    ]
    return max(bands, key=lambda band: band.rank) if bands else None


async def fill_level(
    database: Database,
    profile_id: int,
    starter: StarterVocabulary,
    sources: WordSources,
    level: Level | str | None = None,
    *,
    progress: Progress | None = None,
    now: datetime,
) -> LevelFill:
    """Every word from A1 up to `level` (default: the profile's): the starter table's bands,
    then the frequency list's beyond them; untranslatable lemmas wait in the list."""
    async with database.session() as session:
        profile = await profile_by_id(session, profile_id)
    wanted = up_to(profile, level)
    top = starter_top(starter, profile)
    added = already = 0
    by_source: Counter[str] = Counter()
    if top is not None:
        upper = wanted if wanted.rank <= top.rank else top
        done = await bootstrap_from_starter(database, profile_id, starter, upper, now)
        added, already = done.added, done.already
        by_source["starter"] += done.added
        if wanted.rank <= top.rank:
            return LevelFill(added, already, by_source=by_source)
    ranked = await asyncio.to_thread(frequent_lemmas, profile.target_lang, wanted)
    beyond = [item for item in ranked if top is None or item.level.rank > top.rank]
    rest = await bootstrap_level(database, profile, beyond, sources, progress=progress, now=now)
    return LevelFill(
        added + rest.added,
        already + rest.already,
        rest.pending,
        rest.reason,
        by_source + rest.by_source,
    )


async def bootstrap_level(
    database: Database,
    profile: Profile,
    lemmas: Sequence[RankedLemma],
    sources: WordSources,
    *,
    progress: Progress | None = None,
    now: datetime,
) -> LevelFill:
    """Translate the lemmas the profile lacks through the chain and add them with their band
    and rank; the rest go to (and the translated ones leave) the "to translate" list."""
    assert profile.id is not None
    async with database.session() as session:
        known = await known_norms(session, profile.id)
    todo = [item for item in lemmas if word_key(item.lemma) not in known]
    report = (lambda p: progress(p.done + p.failed, p.total)) if progress is not None else None
    translation = await sources.translate(
        [item.lemma for item in todo],
        profile.target_lang,
        profile.native_lang,
        progress=report,
        profile_id=profile.id,
    )
    entries = translation.entries
    words = [
        NewWord.from_entry(
            entries[item.lemma].model_copy(update={"word": item.lemma}),
            cefr=item.level.value,
            freq_rank=item.rank,
            tags=(item.level.value,),
        )
        for item in todo
        if item.lemma in entries
    ]
    waiting = [item for item in todo if item.lemma not in entries]
    reasons = {**translation.failures, **dict.fromkeys(translation.pending, STOPPED)}
    async with database.session() as session:
        added = await add_words(session, profile, words, now)
        await _forget(session, profile.id, [word_key(item.lemma) for item in todo])
        await _remember(session, profile.id, waiting, reasons, now)
        pending = await _count(session, profile.id)
    common = Counter(reasons[item.lemma] for item in waiting if item.lemma in reasons)
    return LevelFill(
        added=added.added,
        already=added.already + len(lemmas) - len(todo),
        pending=pending,
        reason=common.most_common(1)[0][0] if common else "",
        by_source=translation.by_source,
    )


async def translate_pending(
    database: Database,
    profile_id: int,
    sources: WordSources,
    *,
    progress: Progress | None = None,
    now: datetime,
) -> LevelFill:
    """Translate the profile's "to translate" list through the chain; what is still without a
    source stays in it."""
    async with database.session() as session:
        profile = await profile_by_id(session, profile_id)
        rows = (await session.execute(_pending_query(profile_id))).scalars().all()
    lemmas = [
        RankedLemma(row.text, row.freq_rank or 0, Level(row.cefr or profile.level)) for row in rows
    ]
    return await bootstrap_level(database, profile, lemmas, sources, progress=progress, now=now)


async def pending_words(
    database: Database, profile_id: int, limit: int = PENDING_SHOWN
) -> PendingWords:
    """The "to translate" list: its size, its first `limit` words (most frequent first), and
    the most common reason they wait."""
    async with database.session() as session:
        await profile_by_id(session, profile_id)
        count = await _count(session, profile_id)
        rows = (await session.execute(_pending_query(profile_id).limit(limit))).scalars().all()
        reasons = select(col(PendingWord.reason), func.count()).where(
            col(PendingWord.profile_id) == profile_id
        )
        common = (
            await session.execute(
                reasons.group_by(col(PendingWord.reason)).order_by(func.count().desc()).limit(1)
            )
        ).first()
    reason = common[0] if common else ""
    return PendingWords(count, tuple(row.text for row in rows), read_back(reason, WAITING_REASONS))


def _pending_query(profile_id: int) -> Select[PendingWord]:
    """The list, most frequent first (words without a rank last)."""
    rank = col(PendingWord.freq_rank)
    return (
        select(PendingWord)
        .where(col(PendingWord.profile_id) == profile_id)
        .order_by(rank.is_(None), rank, col(PendingWord.id))
    )


async def _count(session: AsyncSession, profile_id: int) -> int:
    query = select(func.count()).where(col(PendingWord.profile_id) == profile_id)
    return int((await session.execute(query)).scalar_one())


async def _forget(session: AsyncSession, profile_id: int, norms: list[str]) -> None:
    """Take the words looked at now off the list (those still waiting are put back)."""
    for chunk in chunks(norms):
        await session.execute(
            delete(PendingWord).where(
                col(PendingWord.profile_id) == profile_id, col(PendingWord.norm).in_(chunk)
            )
        )


async def _remember(
    session: AsyncSession,
    profile_id: int,
    waiting: list[RankedLemma],
    reasons: dict[str, str],
    now: datetime,
) -> None:
    rows = [
        {
            "profile_id": profile_id,
            "text": item.lemma,
            "norm": word_key(item.lemma),
            "cefr": item.level.value,
            "freq_rank": item.rank or None,
            "reason": reasons.get(item.lemma, ""),
            "created_at": now,
        }
        for item in waiting
    ]
    await insert_ignoring_conflicts(session, PendingWord, rows)
