"""The Settings screen: each lesson setting of the profile can be changed there, and a threshold
left empty follows the `WORDS_*` settings."""

from __future__ import annotations

from textual.widgets import Input

from tests.builders import Clock, core_on, spanish_learner
from tests.tui.pilot import open_screen, settle, words_app
from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.services.vocabulary import ProfileKnobs


async def _save(core: Core, **values: str) -> None:
    """Open Settings from home, type `values` into the inputs of those ids, save."""
    async with open_screen(core, "o") as pilot:
        app = words_app(pilot)
        for field, value in values.items():
            app.screen.query_one(f"#{field}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(pilot)


async def test_settings_change_reviews_per_day_and_typing_after_of_the_profile(
    core: Core,
) -> None:
    profile_id = await spanish_learner(core.database)
    await _save(core, reviews_per_day="40", typing_after="1")
    profile = await core.profiles.get(profile_id)
    assert (profile.reviews_per_day, profile.typing_after) == (40, 1)


async def test_a_threshold_typed_in_settings_overrides_the_settings_in_lessons(
    sqlite_database: Database, clock: Clock
) -> None:
    core = core_on(sqlite_database, clock, leech_lapses=8, mastery_streak=30)
    profile_id = await spanish_learner(core.database)
    await _save(core, leech_lapses="3", mastery_stability_days="45.5")
    lesson = await core.lessons.start_lesson(profile_id)
    config = lesson.config
    assert (config.leech_lapses, config.mastery_stability_days) == (3, 45.5)
    assert config.mastery_streak == 30


async def test_an_emptied_threshold_follows_the_settings_again(
    sqlite_database: Database, clock: Clock
) -> None:
    core = core_on(sqlite_database, clock, leech_lapses=6)
    profile_id = await spanish_learner(core.database, knobs=ProfileKnobs(leech_lapses=2))
    await _save(core, leech_lapses="")
    assert (await core.profiles.get(profile_id)).leech_lapses is None
    assert (await core.lessons.start_lesson(profile_id)).config.leech_lapses == 6


async def test_an_empty_threshold_shows_the_settings_value_it_follows(
    sqlite_database: Database, clock: Clock
) -> None:
    core = core_on(sqlite_database, clock, mastery_streak=12, mastery_stability_days=None)
    await spanish_learner(core.database)
    async with open_screen(core, "o") as pilot:
        screen = words_app(pilot).screen
        streak = screen.query_one("#mastery_streak", Input)
        assert (streak.value, streak.placeholder) == ("", "settings: 12")
        assert screen.query_one("#mastery_stability_days", Input).placeholder == "settings: off"
