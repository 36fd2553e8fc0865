"""Levels for any language pair: `words-tui profile add NATIVE TARGET --level L`, the frequency
list translated through the source chain, and the "to translate" list when no source has a word."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.llm_server import FakeLLMServer
from words_tui.cli import main
from words_tui.services import Core
from words_tui.services.vocabulary import VocabularyFilter


def with_llm(monkeypatch: pytest.MonkeyPatch, server: FakeLLMServer) -> None:
    """The settings point at the local test server, 100 words per request."""
    monkeypatch.setenv("OPENAI_API_KEY", server.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("WORDS_LLM_BATCH_SIZE", "100")


def lesson_headwords() -> list[str]:
    """The words of a lesson on the active profile."""

    async def lesson() -> list[str]:
        async with Core.open() as core:
            profile = await core.profiles.find(None)
            assert profile.id is not None
            started = await core.lessons.start_lesson(profile.id)
            return [card.headword for card in started.cards]

    return asyncio.run(lesson())


def words_of_level(level: str) -> int:
    async def count() -> int:
        async with Core.open() as core:
            profile = await core.profiles.find(None)
            assert profile.id is not None
            return await core.vocabulary.count(profile.id, VocabularyFilter(level=level))

    return asyncio.run(count())


@pytest.mark.parametrize("target", ["fr", "de", "it", "pt"])
def test_a_profile_for_any_pair_is_filled_through_the_llm(
    target: str,
    isolated_settings: Path,
    monkeypatch: pytest.MonkeyPatch,
    llm_server: FakeLLMServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with_llm(monkeypatch, llm_server)
    assert main(["profile", "add", "en", target, "--level", "A1"]) == 0
    out = capsys.readouterr().out.splitlines()
    added = int(out[1].split()[1].replace(",", ""))
    assert out[1] == f"added {added} words up to A1 (llm 500)" and len(out) == 2
    assert 490 <= added == words_of_level("A1")  # lemmas differing in case only are one word
    cards = lesson_headwords()
    assert (len(cards), len(set(cards))) == (30, 10)  # ten new words, each asked three times
    assert set(llm_server.requested_words()) >= set(cards)


def test_an_a2_profile_gets_both_bands_from_the_frequency_list(
    isolated_settings: Path,
    monkeypatch: pytest.MonkeyPatch,
    llm_server: FakeLLMServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with_llm(monkeypatch, llm_server)
    assert main(["profile", "add", "en", "fr", "--level", "A2"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "added 1,000 words up to A2 (llm 1,000)"
    assert (words_of_level("A1"), words_of_level("A2")) == (500, 500)


def test_without_a_source_the_levels_words_wait_in_a_list_that_translates_later(
    isolated_settings: Path,
    monkeypatch: pytest.MonkeyPatch,
    llm_server: FakeLLMServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["profile", "add", "en", "fr", "--level", "A1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "added 0 words up to A1"
    assert out[2].startswith("500 words wait to be translated: no offline source has it")
    assert "no LLM is configured (set OPENAI_API_KEY" in out[2]
    assert out[3].endswith("words-tui profile pending --translate")

    assert main(["profile", "pending"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("500 words wait to be translated")
    assert listed[2].startswith("le, de, un, être") and listed[2].endswith("… and 480 more")

    with_llm(monkeypatch, llm_server)
    assert main(["profile", "pending", "--translate"]) == 0
    assert capsys.readouterr().out == "translated and added 500 words (llm 500)\n"
    assert main(["profile", "pending"]) == 0
    assert capsys.readouterr().out == "no words wait to be translated in en→fr\n"
    assert words_of_level("A1") == 500 and len(set(lesson_headwords())) == 10


def test_english_to_russian_b2_adds_the_starter_then_queues_the_frequency_band(
    isolated_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["profile", "add", "en", "ru", "--level", "B2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("added ") and "(starter " in out[1]
    waiting = int(out[2].split()[0].replace(",", ""))
    assert 1_000 < waiting <= 2_000
    from_starter = words_of_level("B2")  # B2 lemmas the starter table lists as synonyms or forms
    assert 0 < from_starter < 200 and words_of_level("B1") > 400
