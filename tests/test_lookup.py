"""Adding a word: lookup through the source chain in either language, picking, duplicates."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from tests.builders import learner_with_words
from tests.llm_server import FakeLLMServer, fake_translation
from tests.starter_samples import sample_starter
from words_tui.domain.entries import Meaning, WordEntry
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, UserWord
from words_tui.infrastructure.llm import LLMClient
from words_tui.infrastructure.llm.retry import RetryPolicy
from words_tui.services.vocabulary import FoundEntry, WordDraft, WordSources, add_word, lookup_word
from words_tui.services.vocabulary.profiles import create_profile

T0 = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)


class Dictionary:
    """An offline dictionary that knows one Russian word."""

    async def lookup(self, word: str, source_lang: str, target_lang: str) -> WordEntry | None:
        if (word, source_lang) != ("кошка", "ru"):
            return None
        return WordEntry(
            word="кошка",
            source_lang="ru",
            target_lang=target_lang,
            pos="noun",
            meanings=(Meaning(text="cat", pos="noun"),),
            source="dictd:test",
        )


async def new_profile(database: Database, user: str = "ann") -> int:
    profile = await create_profile(database, user, "en", "ru")
    assert profile.id is not None
    return profile.id


async def house_candidate(database: Database) -> tuple[int, FoundEntry]:
    """A fresh profile and the starter's candidate for "дом"."""
    profile_id = await new_profile(database)
    result = await lookup_word(database, profile_id, "дом", WordSources(database, sample_starter()))
    [candidate] = result.candidates
    return profile_id, candidate


def llm(server: FakeLLMServer, retry: RetryPolicy) -> LLMClient:
    return LLMClient(server.api_key, "test-model", server.base_url, retry=retry)


async def test_a_target_language_word_comes_from_the_starter_with_all_meanings(
    database: Database,
) -> None:
    profile_id = await new_profile(database)
    result = await lookup_word(
        database, profile_id, " Дом ", WordSources(database, sample_starter())
    )
    assert result.typed_lang == "ru"
    [candidate] = result.candidates
    assert (candidate.entry.word, candidate.entry.translations) == ("дом", ["house", "home"])
    assert candidate.entry.source == "starter" and not candidate.in_vocabulary


async def test_a_native_word_turns_into_target_language_candidates(database: Database) -> None:
    profile_id = await new_profile(database)
    result = await lookup_word(
        database, profile_id, "home", WordSources(database, sample_starter())
    )
    assert result.typed_lang == "en"
    assert [(c.entry.word, c.entry.source_lang) for c in result.candidates] == [
        ("домой", "ru"),
        ("дом", "ru"),
    ]


async def test_a_stored_entry_answers_before_the_starter(database: Database) -> None:
    profile_id = await new_profile(database)
    mine = WordEntry(
        word="дом",
        source_lang="ru",
        target_lang="en",
        pos="noun",
        meanings=(Meaning(text="building", pos="noun"),),
        source="user",
    )
    await add_word(database, profile_id, WordDraft.from_entry(mine), T0)
    result = await lookup_word(database, profile_id, "дом", WordSources(database, sample_starter()))
    [candidate] = result.candidates
    assert candidate.entry.source == "user" and candidate.in_vocabulary


async def test_the_offline_dictionary_answers_what_the_starter_lacks(database: Database) -> None:
    profile_id = await new_profile(database)
    sources = WordSources(database, sample_starter(), dictionary=Dictionary())
    result = await lookup_word(database, profile_id, "кошка", sources)
    assert [c.entry.source for c in result.candidates] == ["dictd:test"]


async def test_the_llm_is_asked_last_and_only_once(
    database: Database, llm_server: FakeLLMServer, fast_retry: RetryPolicy
) -> None:
    profile_id = await new_profile(database)
    sources = WordSources(database, sample_starter(), llm=llm(llm_server, fast_retry))
    result = await lookup_word(database, profile_id, "собака", sources)
    [candidate] = result.candidates
    assert candidate.entry.translations[0] == fake_translation("собака", "en")
    assert candidate.entry.source.startswith("llm:")
    assert llm_server.requests == 1
    offline = await lookup_word(database, profile_id, "дом", sources)
    assert offline.candidates and llm_server.requests == 1


async def test_an_unreachable_llm_gives_a_clear_problem_not_a_crash(
    database: Database, llm_server: FakeLLMServer, fast_retry: RetryPolicy
) -> None:
    profile_id = await new_profile(database)
    llm_server.script("500", "500", "500")
    sources = WordSources(database, sample_starter(), llm=llm(llm_server, fast_retry))
    result = await lookup_word(database, profile_id, "собака", sources)
    assert result.candidates == ()
    assert result.problem.startswith("the LLM could not be asked")


async def test_without_an_llm_an_unknown_word_says_so(database: Database) -> None:
    profile_id = await new_profile(database)
    result = await lookup_word(
        database, profile_id, "собака", WordSources(database, sample_starter())
    )
    assert result.candidates == ()
    assert "no LLM is configured" in result.problem


async def test_adding_keeps_only_the_picked_meanings_and_makes_two_cards(
    database: Database,
) -> None:
    profile_id, candidate = await house_candidate(database)
    outcome = await add_word(
        database, profile_id, WordDraft.from_entry(candidate.entry, ["home"]), T0
    )
    assert outcome.created
    async with database.session() as session:
        word = await session.get(UserWord, outcome.user_word_id)
        cards = (await session.execute(select(func.count()).select_from(Card))).scalar_one()
    assert word is not None and word.meanings == ["home"]
    assert cards == 2


async def test_a_word_already_in_the_vocabulary_is_reported_not_duplicated(
    database: Database,
) -> None:
    profile_id, candidate = await house_candidate(database)
    first = await add_word(database, profile_id, WordDraft.from_entry(candidate.entry), T0)
    again = await add_word(database, profile_id, WordDraft.from_entry(candidate.entry), T0)
    assert not again.created and again.user_word_id == first.user_word_id
    assert "already in your vocabulary" in again.message


async def test_another_learners_words_do_not_count_as_known(database: Database) -> None:
    await learner_with_words(database, "ann")
    bob = await new_profile(database, "bob")
    result = await lookup_word(database, bob, "дом", WordSources(database, sample_starter()))
    assert [c.in_vocabulary for c in result.candidates] == [False]
