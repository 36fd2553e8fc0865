"""Translation and judgement caches in the database, and coalescing of identical calls."""

from __future__ import annotations

import asyncio

import pytest

from tests.llm_server import FakeLLMServer, fake_translation
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.llm import LLMClient, LLMConfigError
from words_tui.infrastructure.llm import caching as caching_module
from words_tui.infrastructure.llm.caching import CachingLLMClient
from words_tui.infrastructure.llm.retry import RetryPolicy


def cached(server: FakeLLMServer, database: Database, model: str = "m1") -> CachingLLMClient:
    retry = RetryPolicy(attempts=1, bad_output_retries=0)
    return CachingLLMClient(
        LLMClient(server.api_key, model, server.base_url, retry=retry), database
    )


async def test_a_cached_translation_makes_no_call(
    llm_server: FakeLLMServer, database: Database
) -> None:
    async with cached(llm_server, database) as client:
        first = await client.translate_word("Haus", "de", "en")
    async with cached(llm_server, database) as client:
        again = await client.translate_word("haus ", "de", "en")

    assert again == first
    assert again.translations[0] == fake_translation("Haus", "en")
    assert llm_server.requests == 1


@pytest.mark.parametrize(
    ("model", "source_lang", "target_lang"),
    [("m2", "de", "en"), ("m1", "de", "fr"), ("m1", "nl", "en")],
)
async def test_the_cache_key_covers_model_and_languages(
    llm_server: FakeLLMServer, database: Database, model: str, source_lang: str, target_lang: str
) -> None:
    async with cached(llm_server, database) as client:
        await client.translate_word("Haus", "de", "en")
    async with cached(llm_server, database, model) as client:
        await client.translate_word("Haus", source_lang, target_lang)

    assert llm_server.requests == 2


async def test_a_new_prompt_version_stops_using_old_answers(
    llm_server: FakeLLMServer, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with cached(llm_server, database) as client:
        await client.translate_word("Haus", "de", "en")
        monkeypatch.setattr(caching_module, "PROMPT_VERSION", "2")
        await client.translate_word("Haus", "de", "en")

    assert llm_server.requests == 2


async def test_identical_concurrent_requests_share_one_call(database: Database) -> None:
    with FakeLLMServer(latency_s=0.2) as server:
        async with cached(server, database) as client:
            entries = await asyncio.gather(
                *(client.translate_word("Haus", "de", "en") for _ in range(5)),
                *(client.validate_answer("Haus", "house", "home", "de", "en") for _ in range(5)),
            )

    assert all(e == entries[0] for e in entries[:5])
    assert all(j == entries[5] for j in entries[5:])
    assert server.requests == 2


async def test_a_cached_judgement_makes_no_call(
    llm_server: FakeLLMServer, database: Database
) -> None:
    async with cached(llm_server, database) as client:
        first = await client.validate_answer("Haus", "house", "House", "de", "en")
        again = await client.validate_answer("Haus", "house", "house", "de", "en")
        other = await client.validate_answer("Haus", "house", "tree", "de", "en")

    assert first.is_correct and again == first
    assert not other.is_correct
    assert llm_server.requests == 2


async def test_failures_are_not_cached(llm_server: FakeLLMServer, database: Database) -> None:
    llm_server.script("400")
    async with cached(llm_server, database) as client:
        with pytest.raises(LLMConfigError):
            await client.translate_word("Haus", "de", "en")
        entry = await client.translate_word("Haus", "de", "en")

    assert entry.translations
    assert llm_server.requests == 2
