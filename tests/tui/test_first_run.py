"""A fresh install without an API key: onboarding → home → a real lesson from the starter table."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from tests.builders import Clock
from tests.conftest import knobs_of
from tests.tui.pilot import open_screen, settle, words_app
from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.services.vocabulary.profiles import active_profile
from words_tui.settings import load_settings
from words_tui.tui.screens.home import HomeScreen
from words_tui.tui.screens.lesson import LessonScreen
from words_tui.tui.screens.onboarding import OnboardingScreen


async def test_first_run_english_to_russian_a1_reaches_a_lesson_from_the_starter_table(
    core: Core,
) -> None:
    async with open_screen(core) as pilot:
        app = words_app(pilot)
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, OnboardingScreen)
        await pilot.press("enter")  # English (first)
        await pilot.press("enter")  # Russian (first of the rest)
        await pilot.press("enter")  # A1
        await pilot.press("enter")  # start
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        profile = await active_profile(core.database, core.user)
        assert profile is not None
        assert (profile.native_lang, profile.target_lang, profile.level) == ("en", "ru", "A1")
        await pilot.press("l")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        card = app.screen.lesson.current
        assert card is not None and card.is_choice and len(card.options) == 4


async def test_onboarding_gives_the_new_profile_the_lesson_knobs_of_the_settings(
    sqlite_database: Database, clock: Clock, profile_defaults_in_env: dict[str, float]
) -> None:
    core = Core(sqlite_database, load_settings(database_url=sqlite_database.url), clock=clock)
    async with open_screen(core) as pilot:
        app = words_app(pilot)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("enter", "enter", "enter", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("l")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        lesson = app.screen.lesson
    profile = await active_profile(core.database, core.user)
    assert knobs_of(profile) == profile_defaults_in_env
    assert len({c.card_id for c in lesson.cards}) == profile_defaults_in_env["new_per_day"]
    assert (lesson.config.desired_retention, lesson.config.typing_after) == (0.85, 4)


async def test_onboarding_offers_every_language_with_a_word_list_named_in_itself(
    core: Core,
) -> None:
    async with open_screen(core) as pilot:
        screen = words_app(pilot).screen
        assert isinstance(screen, OnboardingScreen)
        options = screen.query_one("#options", OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels[:3] == ["English", "Русский — Russian", "Español — Spanish"]
        assert {"Français — French", "Deutsch — German", "Português — Portuguese"} <= set(labels)
        assert len(labels) == 33


async def test_a_learner_without_a_key_starting_french_is_told_the_words_wait(
    core: Core,
) -> None:
    async with open_screen(core) as pilot:
        app = words_app(pilot)
        screen = app.screen
        assert isinstance(screen, OnboardingScreen)
        await pilot.press("enter")  # English
        options = screen.query_one("#options", OptionList)
        french = next(
            i for i in range(options.option_count) if options.get_option_at_index(i).id == "fr"
        )
        options.highlighted = french
        await pilot.press("enter", "enter")  # French, A1
        assert "translated by your dictionaries and the LLM" in str(
            screen.query_one("#llm-note", Static).content
        )
        await pilot.press("enter")  # start
        await settle(pilot)  # the profile's worker ...
        await settle(pilot)  # ... and the navigation to home it starts
        assert isinstance(app.screen, HomeScreen)
        [notice] = [n.message for n in app._notifications]
    assert notice.startswith("500 words of your level wait to be translated: no offline source")
    waiting = await core.vocabulary.pending((await core.profiles.find(None)).id or 0)
    assert waiting.count == 500
