"""The one word-source chain: stored entries → translation cache → starter → dictionaries → LLM,
for one word and for many, on real databases against the local LLM server."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from tests.llm_fixtures import ClientPool
from tests.llm_server import FakeLLMServer, fake_translation
from tests.starter_samples import sample_starter
from words_tui.domain.entries import Meaning, WordEntry
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.llm.caching import TranslationCacheStore
from words_tui.services.bulk import BulkTranslator
from words_tui.services.vocabulary import (
    NO_LLM,
    WordDraft,
    WordSources,
    add_word,
    create_profile,
)


def entry(word: str, translation: str, source: str) -> WordEntry:
    return WordEntry(
        word=word,
        source_lang="es",
        target_lang="en",
        meanings=(Meaning(text=translation),),
        source=source,
    )


T0 = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)


class Dictionary:
    """An offline dictionary knowing a fixed set of Spanish words."""

    def __init__(self, *known: str) -> None:
        self.known = known

    async def lookup(self, word: str, source_lang: str, target_lang: str) -> WordEntry | None:
        return entry(word, f"{word} (dictd)", "dictd:test") if word in self.known else None


def chain(database: Database, server: FakeLLMServer, clients: ClientPool) -> WordSources:
    return WordSources(
        database,
        sample_starter(),
        dictionary=Dictionary("silla", "casa", "tiempo"),
        bulk=BulkTranslator(database, clients.rate_limited(server), batch_size=10),
    )


async def test_each_word_comes_from_the_first_source_that_knows_it(
    database: Database, llm_server: FakeLLMServer, llm_clients: ClientPool
) -> None:
    profile = await create_profile(database, "ann", "en", "es")
    assert profile.id is not None
    await add_word(database, profile.id, WordDraft.from_entry(entry("mesa", "desk", "user")), T0)
    cache = TranslationCacheStore(database, "m1")
    await cache.put_many([entry("mesa", "table?", "llm:m1"), entry("silla", "chair", "llm:m1")])
    sources = chain(database, llm_server, llm_clients)

    found = await sources.translate(["mesa", "silla", "casa", "tiempo", "perro"], "es", "en")

    assert {word: e.source for word, e in found.entries.items()} == {
        "mesa": "user",
        "silla": "llm:m1",
        "casa": "starter",
        "tiempo": "dictd:test",
        "perro": "llm:m1",
    }
    assert found.entries["perro"].translations[0] == fake_translation("perro", "en")
    assert found.by_source == Counter(stored=1, cache=1, starter=1, dictionary=1, llm=1)
    assert found.offline == 4 and llm_server.requested_words() == ["perro"]


async def test_words_the_llm_translated_once_come_from_the_cache_after(
    database: Database, llm_server: FakeLLMServer, llm_clients: ClientPool
) -> None:
    words = [f"palabra{i}" for i in range(12)]
    await chain(database, llm_server, llm_clients).translate(words, "es", "en")
    llm_server.reset_log()

    again = await chain(database, llm_server, llm_clients).translate(words, "es", "en")

    assert again.by_source == Counter(cache=12) and llm_server.requests == 0


async def test_entries_are_keyed_by_the_words_as_given(
    database: Database, llm_server: FakeLLMServer, llm_clients: ClientPool
) -> None:
    found = await chain(database, llm_server, llm_clients).translate(
        ["Gato", "gato", "Casa"], "es", "en"
    )

    assert set(found.entries) == {"Gato", "gato", "Casa"}
    assert found.entries["gato"] == found.entries["Gato"]
    assert llm_server.requested_words() == ["Gato"]


async def test_without_an_llm_the_words_no_offline_source_has_fail_saying_why(
    database: Database,
) -> None:
    sources = WordSources(database, sample_starter())

    found = await sources.translate(["casa", "zzyzx"], "es", "en")

    assert found.entries["casa"].source == "starter"
    assert found.failures == {"zzyzx": NO_LLM} and found.result is None


async def test_another_learners_imported_entry_is_never_offered(
    database: Database, tmp_path: Path
) -> None:
    from words_tui.services.transfer import import_file

    ann = await create_profile(database, "ann", "en", "es")
    bob = await create_profile(database, "bob", "en", "es")
    assert ann.id is not None and bob.id is not None
    mine = tmp_path / "mine.csv"
    mine.write_text("word,translations\ncasa,my secret word\n", encoding="utf-8")
    await import_file(database, ann.id, mine)
    sources = WordSources(database, sample_starter())

    for_ann = await sources.translate(["casa"], "es", "en", profile_id=ann.id)
    for_bob = await sources.translate(["casa"], "es", "en", profile_id=bob.id)

    assert for_ann.entries["casa"].translations == ["my secret word"]
    assert for_bob.entries["casa"].source == "starter"
