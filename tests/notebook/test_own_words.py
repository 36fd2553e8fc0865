"""The notebook's own-word pieces as Python objects: Add word, the words waiting for a
translation, and the explorer's tag filter."""

from __future__ import annotations

from typing import Any

from tests.llm_server import FakeLLMServer
from words_tui.infrastructure.db.database import Database
from words_tui.notebook.add_word import AddWord
from words_tui.notebook.explorer import Explorer
from words_tui.notebook.waiting_words import WaitingWords
from words_tui.services import Core
from words_tui.services.vocabulary import VocabularyFilter, WordDraft
from words_tui.settings import load_settings


async def spanish(core: Core) -> int:
    profile = await core.profiles.create("en", "es", "A1", activate=True)
    assert profile.id is not None
    return profile.id


async def press(widget: Any, button: Any) -> None:
    button.click()
    await widget.tasks.wait()
    assert widget.status.kind != "error", widget.status.text


async def test_a_word_no_source_knows_is_added_with_the_translation_typed(
    sqlite_database: Database,
) -> None:
    core = Core(sqlite_database, load_settings())
    profile_id = await spanish(core)
    adder = AddWord(core.vocabulary, profile_id, native="en", target="es")
    adder.query.value = "murciélago"
    await press(adder, adder.lookup_button)
    assert adder.word.value == "murciélago" and "type your own translation" in adder.status.text
    adder.translations.value = "bat"
    adder.tags.value = "animals"
    await press(adder, adder.add_button)
    assert adder.status.text == "added 'murciélago'" and adder.word.value == ""
    page = await core.vocabulary.browse(profile_id, VocabularyFilter(tag="animals"))
    assert [(item.word, item.meanings) for item in page.items] == [("murciélago", ("bat",))]


async def test_a_found_entry_fills_the_form_and_can_be_changed_before_adding(
    sqlite_database: Database,
) -> None:
    core = Core(sqlite_database, load_settings())
    profile_id = await spanish(core)
    adder = AddWord(core.vocabulary, profile_id, native="en", target="es")
    adder.query.value = "house"
    await press(adder, adder.lookup_button)
    assert (adder.word.value, adder.translations.value) == ("casa", "house, home")
    adder.translations.value = "house"
    await press(adder, adder.add_button)
    page = await core.vocabulary.browse(profile_id)
    assert [(item.word, item.meanings) for item in page.items] == [("casa", ("house",))]


async def test_the_words_waiting_for_a_translation_are_translated_from_the_notebook(
    sqlite_database: Database, llm_server: FakeLLMServer
) -> None:
    offline = Core(sqlite_database, load_settings())
    profile = await offline.profiles.create("en", "fr", "A1")
    assert profile.id is not None
    await offline.vocabulary.fill_level(profile.id)
    waiting = WaitingWords(offline.vocabulary, profile.id)
    found = await waiting.refresh()
    assert found.count == 500 and "<b>500</b> words wait" in waiting.summary.value
    settings = load_settings(
        openai_api_key=llm_server.api_key, openai_base_url=llm_server.base_url, llm_batch_size=100
    )
    online = Core(sqlite_database, settings)
    try:
        waiting = WaitingWords(online.vocabulary, profile.id)
        await waiting.refresh()
        await press(waiting, waiting.translate_button)
    finally:
        await online.close()
    assert waiting.status.text == "500 words added; 0 still wait"
    assert waiting.summary.value == "No words wait to be translated."
    assert await online.vocabulary.count(profile.id) == 500


async def test_the_explorer_filters_by_tag(sqlite_database: Database) -> None:
    core = Core(sqlite_database, load_settings())
    profile_id = await spanish(core)
    await core.vocabulary.add(profile_id, WordDraft("gato", ["cat"], tags=["animals"]))
    await core.vocabulary.add(profile_id, WordDraft("mesa", ["table"]))
    view = Explorer(core.vocabulary, profile_id, native_lang="en", target_lang="es")
    await view.search_words()
    assert ("animals (1)", "animals") in view.tag_filter.options
    view.tag_filter.value = "animals"
    await view.tasks.wait()
    assert [item.word for item in view.items] == ["gato"]
