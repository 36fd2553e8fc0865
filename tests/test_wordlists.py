"""Word lists by level: the starter bootstrap and the frequency-list bootstrap with its sources."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlmodel import col

from tests.builders import learner_with_words
from tests.llm_fixtures import ClientPool
from tests.llm_server import FakeLLMServer, fake_translation
from tests.starter_samples import sample_starter
from words_tui.domain.entries import Meaning, WordEntry
from words_tui.domain.enums import Level
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Entry, UserWord, Word
from words_tui.services.bulk import BulkTranslator
from words_tui.services.vocabulary import (
    LevelFill,
    Profile,
    WordSources,
    bootstrap_level,
    pending_words,
)
from words_tui.services.vocabulary.profiles import create_profile
from words_tui.services.vocabulary.wordlists import (
    bootstrap_from_starter,
    frequent_lemmas,
    is_junk,
)

T0 = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)


async def spanish_a1(
    database: Database,
    profile: Profile,
    sources: WordSources,
    progress: Callable[[int, int], None] | None = None,
) -> LevelFill:
    """The A1 band of Spanish's frequency list, through `sources`."""
    lemmas = frequent_lemmas("es", Level.A1)
    return await bootstrap_level(database, profile, lemmas, sources, progress=progress, now=T0)


def entry(word: str, source: str, target: str, translation: str, origin: str) -> WordEntry:
    return WordEntry(
        word=word,
        source_lang=source,
        target_lang=target,
        meanings=(Meaning(text=translation),),
        source=origin,
    )


class Dictionary:
    """An offline dictionary knowing a fixed set of words."""

    def __init__(self, known: dict[str, str]) -> None:
        self.known = known

    async def lookup(self, word: str, source_lang: str, target_lang: str) -> WordEntry | None:
        if word not in self.known:
            return None
        return entry(word, source_lang, target_lang, self.known[word], "dictd:test")


def engine(database: Database, server: FakeLLMServer, clients: ClientPool) -> WordSources:
    """The source chain with the sample starter and the real bulk engine on the test server."""
    bulk = BulkTranslator(database, clients.rate_limited(server), batch_size=100)
    return WordSources(database, sample_starter(), bulk=bulk)


async def vocabulary(database: Database, profile_id: int) -> dict[str, tuple[list[str], str]]:
    """The profile's words: text → (chosen meanings, entry source)."""
    async with database.session() as session:
        query = (
            select(Word.text, UserWord.meanings, Entry.source)
            .join(UserWord, col(UserWord.word_id) == col(Word.id))
            .join(Entry, col(Entry.id) == col(UserWord.entry_id))
            .where(col(UserWord.profile_id) == profile_id)
        )
        return {text: (meanings, source) for text, meanings, source in await session.execute(query)}


async def test_the_starter_bootstrap_adds_every_band_up_to_the_profiles_level(
    database: Database,
) -> None:
    profile = await create_profile(database, "ann", "en", "ru", "A2")
    assert profile.id is not None
    result = await bootstrap_from_starter(database, profile.id, sample_starter())
    assert (result.added, result.already) == (5, 0)
    words = await vocabulary(database, profile.id)
    assert words["дом"] == (["house", "home"], "starter")
    assert set(words) == {"дом", "идти", "красный", "домой", "книга"}


async def test_every_added_word_gets_one_card_per_direction(database: Database) -> None:
    profile = await learner_with_words(database, level="A1")
    async with database.session() as session:
        query = select(Card.user_word_id, func.count()).group_by(Card.user_word_id)
        per_word = {word: n for word, n in (await session.execute(query)).all()}
    assert len(per_word) == 3 and set(per_word.values()) == {2}
    assert profile.id is not None


async def test_bootstrapping_again_after_a_level_change_adds_only_the_new_band(
    database: Database,
) -> None:
    profile = await learner_with_words(database, level="A1")
    assert profile.id is not None
    again = await bootstrap_from_starter(database, profile.id, sample_starter(), Level.B1)
    assert (again.added, again.already) == (3, 3)


async def test_word_rows_carry_the_band_and_are_shared_between_learners(
    database: Database,
) -> None:
    await learner_with_words(database, "ann", level="A1")
    await learner_with_words(database, "bob", "es", "ru", level="A1")
    async with database.session() as session:
        rows = (await session.execute(select(Word.text, Word.cefr).where(Word.lang == "ru"))).all()
    assert sorted(rows) == [("дом", "A1"), ("идти", "A1"), ("красный", "A1")]


def test_junk_tokens_are_recognised() -> None:
    tokens = ["2020", "x", "'s", "h2o", "e-mail", "o'clock", "я", "house", "日"]
    assert [t for t in tokens if is_junk(t)] == ["2020", "x", "'s", "h2o", "я"]


def test_frequent_lemmas_merge_forms_and_drop_names_and_junk() -> None:
    lemmas = frequent_lemmas("en", Level.A1)
    words = [item.lemma for item in lemmas]
    assert len(words) == 500
    assert {"go", "be", "have", "good"} <= set(words)
    assert not {"went", "goes", "was", "better", "john", "i", "s"} & set(words)
    assert not any(is_junk(word) for word in words)
    assert [item.rank for item in lemmas[:3]] == [1, 2, 3]
    assert {item.level for item in lemmas} == {Level.A1}


def test_bands_follow_the_documented_rank_cut_offs() -> None:
    lemmas = frequent_lemmas("es", Level.A2)
    assert lemmas[499].level == Level.A1
    assert lemmas[500].level == Level.A2
    assert len(lemmas) == 1_000


async def test_the_frequency_bootstrap_takes_each_translation_from_the_first_source(
    database: Database, llm_server: FakeLLMServer, llm_clients: ClientPool
) -> None:
    profile = await create_profile(database, "ann", "en", "es", "A1")
    assert profile.id is not None
    sources = replace(
        engine(database, llm_server, llm_clients),
        dictionary=Dictionary({"casa": "HOUSE?", "tiempo": "time"}),
    )
    result = await spanish_a1(database, profile, sources)
    words = await vocabulary(database, profile.id)
    assert words["casa"] == (["house", "home"], "starter")
    assert words["tiempo"] == (["time"], "dictd:test")
    assert words["hacer"][0][0] == fake_translation("hacer", "en")
    assert words["hacer"][1].startswith("llm:")
    requested = llm_server.requested_words()
    assert "casa" not in requested and "tiempo" not in requested
    assert result.added == 500 and result.pending == 0


async def test_without_an_llm_untranslated_lemmas_wait_in_the_to_translate_list(
    database: Database,
) -> None:
    profile = await create_profile(database, "ann", "en", "es", "A1")
    assert profile.id is not None
    sources = WordSources(database, sample_starter())
    result = await spanish_a1(database, profile, sources)
    frequent = {item.lemma for item in frequent_lemmas("es", Level.A1)}
    in_starter = {"casa", "hogar", "ir", "rojo", "libro", "todavía", "aún"} & frequent
    assert set(await vocabulary(database, profile.id)) == in_starter
    assert result.added == len(in_starter)
    assert result.pending == 500 - len(in_starter) and "no LLM is configured" in result.reason
    waiting = await pending_words(database, profile.id)
    assert waiting.count == result.pending and waiting.words[:3] == ("el", "de", "que")


async def test_a_repeated_frequency_bootstrap_asks_the_llm_nothing_again(
    database: Database, llm_server: FakeLLMServer, llm_clients: ClientPool
) -> None:
    profile = await create_profile(database, "ann", "en", "es", "A1")
    assert profile.id is not None
    sources = engine(database, llm_server, llm_clients)
    await spanish_a1(database, profile, sources)
    llm_server.reset_log()
    result = await spanish_a1(database, profile, sources)
    assert llm_server.requests == 0
    assert (result.added, result.already) == (0, 500)


async def test_the_bulk_engine_reports_progress_while_translating_a_level(
    database: Database, llm_server: FakeLLMServer, llm_clients: ClientPool
) -> None:
    profile = await create_profile(database, "ann", "en", "es", "A1")
    assert profile.id is not None
    seen: list[tuple[int, int]] = []
    result = await spanish_a1(
        database,
        profile,
        engine(database, llm_server, llm_clients),
        lambda done, total: seen.append((done, total)),
    )
    words = await vocabulary(database, profile.id)
    assert words["casa"] == (["house", "home"], "starter")
    assert result.added == 500 and result.pending == 0
    assert seen and seen[-1][0] == seen[-1][1] == len(set(llm_server.requested_words()))
