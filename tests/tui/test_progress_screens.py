"""Statistics, settings, profiles, help and the command palette."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Input, Select

from tests.builders import spanish_learner
from tests.tui.pilot import current, open_screen, settle, text_of, words_app
from words_tui.services import Core
from words_tui.services.vocabulary import ProfileKnobs
from words_tui.services.vocabulary.browse import count_words
from words_tui.services.vocabulary.profiles import active_profile, create_profile, list_profiles
from words_tui.tui.dialogs.profiles import ProfilePicker
from words_tui.tui.screens.help import HelpScreen
from words_tui.tui.screens.home import HomeScreen
from words_tui.tui.screens.lesson import LessonScreen
from words_tui.tui.screens.onboarding import OnboardingScreen
from words_tui.tui.screens.statistics import StatisticsScreen


async def test_statistics_after_a_lesson_show_counts_streak_and_accuracy(
    core: Core,
) -> None:
    one_question = ProfileKnobs(lesson_size=1)
    await spanish_learner(core.database, [("gato", "noun", ("cat",), {})], knobs=one_question)
    async with open_screen(core, "l") as pilot:
        app, screen = words_app(pilot), current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None and len(screen.lesson.cards) == 1
        await pilot.press(str(card.options.index(card.expected) + 1), "enter")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, StatisticsScreen)
        counts = text_of(app, "#counts")
        assert counts.startswith("1 word  0 new · 1 learning")
        assert "Day streak: 1 (longest 1) · lessons: 1 · answers: 1" in counts
        assert "choice 100%" in counts


async def test_settings_change_the_lesson_size_of_the_profile(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "o") as pilot:
        app = words_app(pilot)
        app.screen.query_one("#lesson_size", Input).value = "12"
        await pilot.press("ctrl+s")
        await settle(pilot)
    profile = await active_profile(core.database, core.user)
    assert profile is not None and profile.lesson_size == 12


async def test_a_retention_out_of_range_is_refused_with_the_field_named(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "o") as pilot:
        app = words_app(pilot)
        app.screen.query_one("#retention", Input).value = "0.5"
        await pilot.press("ctrl+s")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert "Desired retention: 0.5 is out of range; use 0.7 to 0.99." in messages
    profile = await active_profile(core.database, core.user)
    assert profile is not None and profile.desired_retention == 0.9


async def test_raising_the_level_adds_that_levels_starter_words(core: Core) -> None:
    profile = await create_profile(core.database, "tester", "en", "es", "A1")
    assert profile.id is not None
    async with open_screen(core, "o") as pilot:
        app = words_app(pilot)
        app.screen.query_one("#level", Select).value = "A2"
        await pilot.press("ctrl+s")
        await settle(pilot)
    starter = core.starter()
    expected = sum(1 for c in starter.concepts("es") if c.cefr.value in ("A1", "A2"))
    assert await count_words(core.database, profile.id) == expected


async def test_raising_a_french_level_without_a_key_says_how_many_words_wait(
    core: Core,
) -> None:
    profile = await create_profile(core.database, "tester", "en", "fr", "A1")
    assert profile.id is not None
    async with open_screen(core, "o") as pilot:
        app = words_app(pilot)
        app.screen.query_one("#level", Select).value = "A2"
        await pilot.press("ctrl+s")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
    assert "Level A2: 0 words added." in messages
    assert any(m.startswith("1,000 words of your level wait to be translated") for m in messages)
    assert (await core.vocabulary.pending(profile.id)).count == 1000


async def test_switching_the_interface_to_russian_redraws_home_in_russian(
    core: Core,
) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "o") as pilot:
        app = words_app(pilot)
        app.screen.query_one("#interface", Select).value = "ru"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert text_of(app, "#due").startswith("К повторению")


async def test_the_profile_switcher_changes_the_active_profile(core: Core) -> None:
    await create_profile(core.database, "tester", "en", "ru", "A1")
    await spanish_learner(core.database)
    async with open_screen(core) as pilot:
        app = words_app(pilot)
        assert "Spanish" in text_of(app, "#profile")
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProfilePicker)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Russian" in text_of(app, "#profile")
    profile = await active_profile(core.database, core.user)
    assert profile is not None and profile.target_lang == "ru"


async def test_a_new_profile_goes_through_onboarding(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "p") as pilot:
        app = words_app(pilot)
        await pilot.press("end", "enter")
        await settle(pilot)
        assert isinstance(app.screen, OnboardingScreen)
        await pilot.press("down", "enter", "enter", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    profiles = await list_profiles(core.database, core.user)
    assert [(p.native_lang, p.target_lang, p.is_active) for p in profiles] == [
        ("en", "es", False),
        ("ru", "en", True),
    ]


async def test_f1_shows_the_keys_of_the_current_screen(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        app = words_app(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.key_lines()
        assert ("u", "Undo") in keys and ("r", "I was right") in keys
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


async def test_the_command_palette_starts_a_lesson(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "ctrl+p") as pilot:
        app = words_app(pilot)
        assert isinstance(app.screen, CommandPalette)
        app.screen.query_one(Input).value = "Start a lesson"
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "LessonScreen"
