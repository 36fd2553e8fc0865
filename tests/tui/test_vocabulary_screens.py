"""Adding words and browsing the vocabulary through the screens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Select

from tests.builders import spanish_learner
from tests.llm_server import FakeLLMServer
from tests.test_speech import recording_program
from tests.tui.pilot import SIZE, open_screen, settle, text_of, words_app
from words_tui.cli import build_parser
from words_tui.domain.enums import WordStatus
from words_tui.infrastructure.speech import Speaker
from words_tui.services import Core
from words_tui.services.vocabulary import WordDraft
from words_tui.services.vocabulary.browse import browse, count_words, get_word
from words_tui.tui.app import WordsApp, create_app
from words_tui.tui.dialogs.confirm import ConfirmDialog
from words_tui.tui.dialogs.edit_word import EditWordDialog
from words_tui.tui.dialogs.history import HistoryDialog
from words_tui.tui.dialogs.tags import TagPicker
from words_tui.tui.screens.add_word import AddWordScreen
from words_tui.tui.screens.browser import BrowserScreen
from words_tui.tui.screens.lesson import LessonScreen


async def look_up(app: WordsApp, pilot: Pilot[Any], text: str) -> None:
    app.screen.query_one("#query", Input).value = text
    await pilot.press("enter")
    await settle(pilot)


async def test_a_starter_word_typed_in_english_is_found_and_added_with_edited_meanings(
    core: Core,
) -> None:
    profile_id = await spanish_learner(core.database, [])
    async with open_screen(core, "a") as pilot:
        app = words_app(pilot)
        assert isinstance(app.screen, AddWordScreen)
        await look_up(app, pilot, "house")
        assert "casa" in text_of(app, "#entry")
        translations = app.screen.query_one("#translations", Input)
        assert translations.value == "house, home"
        translations.value = "house"
        await pilot.click("#add")
        await settle(pilot)
    page = await browse(core.database, profile_id)
    assert [(item.word, item.meanings) for item in page.items] == [("casa", ("house",))]


async def test_without_an_llm_an_unknown_word_asks_for_the_learners_own_translation(
    core: Core,
) -> None:
    await spanish_learner(core.database, [])
    async with open_screen(core, "a") as pilot:
        app = words_app(pilot)
        await look_up(app, pilot, "murciélago")
        status = text_of(app, "#status")
        assert status.startswith("No offline entry for “murciélago”: type your own translation")
        assert app.screen.query_one("#word", Input).value == "murciélago"
        assert app.focused is app.screen.query_one("#translations", Input)


async def test_a_word_typed_in_the_native_language_waits_for_its_translation_to_learn(
    core: Core,
) -> None:
    await spanish_learner(core.database, [])
    async with open_screen(core, "a") as pilot:
        app = words_app(pilot)
        await look_up(app, pilot, "seagull")
        assert app.screen.query_one("#translations", Input).value == "seagull"
        assert app.focused is app.screen.query_one("#word", Input)


async def test_a_learner_without_a_key_adds_their_own_word_and_meets_it_in_the_next_lesson(
    core: Core,
) -> None:
    profile = await core.profiles.create("en", "es", "A1")
    assert profile.id is not None
    await core.vocabulary.fill_from_starter(profile.id)
    async with open_screen(core, "a") as pilot:
        app = words_app(pilot)
        await look_up(app, pilot, "murciélago")
        await pilot.press(*"bat", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        headwords = [card.headword for card in app.screen.lesson.cards]
    assert "murciélago" in headwords


async def test_an_unknown_word_is_translated_by_the_llm(
    judged_core: Core, llm_server: FakeLLMServer
) -> None:
    profile_id = await spanish_learner(judged_core.database, [])
    async with open_screen(judged_core, "a") as pilot:
        app = words_app(pilot)
        await look_up(app, pilot, "ornitorrinco")
        assert "ornitorrinco" in text_of(app, "#entry")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert await count_words(judged_core.database, profile_id) == 1


async def test_a_stale_lookup_result_is_dropped(core: Core) -> None:
    await spanish_learner(core.database, [])
    async with open_screen(core, "a") as pilot:
        app = words_app(pilot)
        screen = app.screen
        assert isinstance(screen, AddWordScreen)
        screen.query_one("#query", Input).value = "dog"
        screen.look_up("house")
        await settle(pilot)
        assert screen.result is None or screen.result.query != "house"


async def test_the_browser_edits_the_selected_words_translations(core: Core) -> None:
    profile_id = await spanish_learner(core.database)
    async with open_screen(core, "b") as pilot:
        app = words_app(pilot)
        assert isinstance(app.screen, BrowserScreen)
        assert app.screen.query_one(DataTable).row_count == 6
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EditWordDialog)
        app.screen.query_one(Input).value = "cat; kitty"
        await pilot.press("enter")
        await settle(pilot)
    first = (await browse(core.database, profile_id)).items[0]
    assert first.meanings == ("cat", "kitty")


async def test_the_browser_suspends_and_resumes_a_word(core: Core) -> None:
    profile_id = await spanish_learner(core.database)
    async with open_screen(core, "b", "s") as pilot:
        first = (await browse(core.database, profile_id)).items[0]
        assert first.status == WordStatus.SUSPENDED
        await pilot.press("s")
        await settle(pilot)
    assert (await get_word(core.database, profile_id, first.user_word_id)).status == (
        WordStatus.NEW
    )


async def test_deleting_asks_first_and_cancel_keeps_the_word(core: Core) -> None:
    profile_id = await spanish_learner(core.database)
    async with open_screen(core, "b") as pilot:
        app = words_app(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert await count_words(core.database, profile_id) == 6
        await pilot.press("d")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert await count_words(core.database, profile_id) == 5
        assert text_of(app, "#page-info") == "1–5 of 5"


async def test_searching_filters_the_list_and_history_opens_for_the_selection(
    core: Core,
) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "b") as pilot:
        app = words_app(pilot)
        screen = app.screen
        screen.query_one("#search", Input).value = "tab"
        await pilot.pause(0.4)
        await settle(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 1 and str(table.get_row_at(0)[0]) == "mesa"
        table.focus()
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryDialog)
        assert app.screen.word == "mesa"


async def test_the_browser_pages_through_a_long_vocabulary(core: Core) -> None:
    words = [(f"palabra{n:03}", "noun", (f"word {n}",), {}) for n in range(120)]
    await spanish_learner(core.database, words)
    async with open_screen(core, "b") as pilot:
        app = words_app(pilot)
        assert text_of(app, "#page-info") == "1–50 of 120"
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert text_of(app, "#page-info") == "101–120 of 120"
        await pilot.press("p")
        await settle(pilot)
        assert text_of(app, "#page-info") == "51–100 of 120"


async def tagged_learner(core: Core) -> int:
    """The tester's Spanish words, "gato" and "perro" tagged "animals"."""
    profile_id = await spanish_learner(core.database, [])
    for word, meaning in (("gato", "cat"), ("perro", "dog"), ("mesa", "table")):
        tags = ["animals"] if word != "mesa" else []
        await core.vocabulary.add(profile_id, WordDraft(word, [meaning], tags=tags))
    return profile_id


async def test_a_lesson_on_one_tags_words_is_picked_from_home(core: Core) -> None:
    await tagged_learner(core)
    async with open_screen(core, "g") as pilot:
        app = words_app(pilot)
        assert isinstance(app.screen, TagPicker)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        assert {card.headword for card in app.screen.lesson.cards} == {"gato", "perro"}


async def test_the_quiz_started_with_a_tag_keeps_its_lessons_to_that_tag(core: Core) -> None:
    await tagged_learner(core)
    app = create_app(core, lesson_tag="animals")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        assert {card.headword for card in app.screen.lesson.cards} == {"gato", "perro"}


async def test_the_browser_filters_by_tag(core: Core) -> None:
    profile_id = await tagged_learner(core)
    async with open_screen(core, "b") as pilot:
        app = words_app(pilot)
        tags = app.screen.query_one("#tag", Select)
        assert tags.display
        tags.value = "animals"
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert sorted(str(table.get_row_at(i)[0]) for i in range(table.row_count)) == [
            "gato",
            "perro",
        ]
    assert await count_words(core.database, profile_id) == 3


def test_the_quiz_command_takes_a_tag() -> None:
    args = build_parser().parse_args(["quiz", "--tag", "Der Process"])
    assert args.tag == "Der Process"


async def test_f4_says_the_selected_word_in_its_language(core: Core, tmp_path: Path) -> None:
    program, spoken = recording_program(tmp_path)
    core.speech = Speaker(program)
    await spanish_learner(core.database)
    async with open_screen(core, "b") as pilot:
        await pilot.press("f4")
        await settle(pilot)
        await core.speech.wait()
    assert spoken.read_text(encoding="utf-8").splitlines() == ["-v", "es", "--", "gato"]


async def test_without_espeak_ng_the_say_key_is_hidden(core: Core) -> None:
    core.speech = Speaker(None)
    await spanish_learner(core.database)
    async with open_screen(core) as pilot:
        app = words_app(pilot)
        for key in ("b", "escape", "a"):
            await pilot.press(key)
            await settle(pilot)
            if key != "escape":
                assert app.screen.check_action("say", ()) is False
                assert "f4" not in app.active_bindings


async def test_a_tag_that_looks_like_markup_is_shown_as_typed(core: Core) -> None:
    profile_id = await spanish_learner(core.database, [])
    await core.vocabulary.add(profile_id, WordDraft("gato", ["cat"], tags=["[b]cats[/b]"]))
    async with open_screen(core, "g") as pilot:
        picker = words_app(pilot).screen
        assert isinstance(picker, TagPicker)
        option = picker.query_one(OptionList).get_option_at_index(0)
        assert str(option.prompt) == "[b]cats[/b]  (1 word)"
