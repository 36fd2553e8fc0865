"""Explorer as a Python object: type a search, pick filters, page, select a word."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from tests.notebook.conftest import NOW, BuiltDemo
from words_tui.domain.entries import Meaning, WordEntry
from words_tui.domain.enums import Direction, WordStatus
from words_tui.domain.scheduling import CardProgress
from words_tui.notebook.explorer import Explorer
from words_tui.notebook.word_view import details_html
from words_tui.services import Core
from words_tui.services.vocabulary import DirectionCard, VocabularyItem, WordDetails


def explorer(core: Core, built: BuiltDemo, page_size: int = 50) -> Explorer:
    return Explorer(
        core.vocabulary, built.profile_id, native_lang="en", target_lang="es", page_size=page_size
    )


async def test_typing_a_search_lists_the_matching_words_and_their_number(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    view = explorer(demo_core, built_demo)
    view.search.value = "cas"
    await view.tasks.wait()
    assert view.items
    assert all(
        item.word.lower().startswith("cas") or any("cas" in m.lower() for m in item.meanings)
        for item in view.items
    )
    assert f"<b>{len(view.items)}</b>" in view.count.value


async def test_the_status_filter_keeps_only_words_in_that_state(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    view = explorer(demo_core, built_demo)
    view.status_filter.value = WordStatus.REVIEW
    await view.tasks.wait()
    assert view.items
    assert {item.status for item in view.items} == {WordStatus.REVIEW}


async def test_more_appends_pages_until_every_match_is_listed(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    view = explorer(demo_core, built_demo, page_size=40)
    view.level_filter.value = "A1"
    await view.tasks.wait()
    total = int(view.count.value.split("<b>")[1].split("</b>")[0].replace(",", ""))
    assert len(view.items) == 40 < total
    while not view.more_button.disabled:
        view.more_button.click()
        await view.tasks.wait()
    assert len(view.items) == total
    assert len({item.user_word_id for item in view.items}) == total
    assert {item.cefr for item in view.items} == {"A1"}


async def test_selecting_a_word_shows_its_entry_cards_and_answers(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    view = explorer(demo_core, built_demo)
    view.status_filter.value = WordStatus.REVIEW
    await view.tasks.wait()
    view.results.value = view.items[0].user_word_id
    await view.tasks.wait()
    assert view.details is not None and view.details.history
    assert view.items[0].word in view.detail.value
    assert "es → en" in view.detail.value and "en → es" in view.detail.value
    assert f"<b>Answers</b> ({len(view.details.history)}, newest first)" in view.detail.value


def test_details_escape_what_the_learner_or_a_model_wrote() -> None:
    item = VocabularyItem(1, "<b>x</b>", "", None, ("<script>",), WordStatus.NEW, NOW, None, 0, 0)
    entry = WordEntry(
        word="<b>x</b>", source_lang="es", target_lang="en", meanings=(Meaning(text="<script>"),)
    )
    details = WordDetails(
        item, entry, (DirectionCard(Direction.FOREIGN_TO_NATIVE, CardProgress(), True, 0.0),), ()
    )
    page = details_html(details, "en", "es")
    assert "<script>" not in page and "<b>x</b>" not in page
    assert "&lt;script&gt;" in page


async def test_a_search_without_results_clears_the_word_shown(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    view = explorer(demo_core, built_demo)
    await view.search_words()
    view.results.value = view.items[0].user_word_id
    await view.tasks.wait()
    assert view.details is not None and view.detail.value
    view.search.value = "qqqqqq"
    await view.tasks.wait()
    assert view.items == [] and "<b>0</b> words" in view.count.value
    assert view.details is None and view.detail.value == ""


async def test_frame_lists_every_matching_word_in_the_learners_terms(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    view = explorer(demo_core, built_demo, page_size=40)
    view.level_filter.value = "A1"
    await view.tasks.wait()
    table = await view.frame()
    total = int(view.count.value.split("<b>")[1].split("</b>")[0].replace(",", ""))
    assert len(table) == total > 40
    assert set(table["level"]) == {"A1"}
    assert set(table["status"]) <= {"new", "learning", "in review", "mastered", "suspended"}


async def test_a_words_answers_show_local_times_and_ratings_as_words(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    view = Explorer(
        demo_core.vocabulary,
        built_demo.profile_id,
        native_lang="en",
        target_lang="es",
        zone=ZoneInfo("Asia/Tokyo"),
    )
    view.status_filter.value = WordStatus.REVIEW
    await view.tasks.wait()
    details = await view.show_word(view.items[0].user_word_id)
    last = details.history[-1]
    assert (
        f"{last.reviewed_at.astimezone(ZoneInfo('Asia/Tokyo')):%Y-%m-%d %H:%M}" in view.detail.value
    )
    assert "UTC" not in view.detail.value
    assert any(
        f"<td>{word}</td>" in view.detail.value for word in ("again", "hard", "good", "easy")
    )
    assert "REVIEW" not in view.detail.value and "TYPING" not in view.detail.value


async def test_the_filters_placeholders_stay_shown_when_the_tags_are_read(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    view = explorer(demo_core, built_demo)
    await view.search_words()
    for dropdown in (view.status_filter, view.level_filter, view.tag_filter):
        assert dropdown.index == 0 and dropdown.label.startswith("any ")
