"""A fresh install without an API key: onboarding → home → a real lesson from the starter table."""

from __future__ import annotations

from tests.tui.conftest import SIZE
from words_tui.services.vocabulary.profiles import active_profile
from words_tui.tui.app import create_app
from words_tui.tui.backend import Backend
from words_tui.tui.screens.home import HomeScreen
from words_tui.tui.screens.lesson import LessonScreen
from words_tui.tui.screens.onboarding import OnboardingScreen


async def test_first_run_english_to_russian_a1_reaches_a_lesson_from_the_starter_table(
    backend: Backend,
) -> None:
    app = create_app(backend)
    async with app.run_test(size=SIZE) as pilot:
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
        profile = await active_profile(backend.database, backend.user)
        assert profile is not None
        assert (profile.native_lang, profile.target_lang, profile.level) == ("en", "ru", "A1")
        await pilot.press("l")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        card = app.screen.lesson.current
        assert card is not None and card.is_choice and len(card.options) == 4
