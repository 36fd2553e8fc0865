"""Home's numbers follow the database; help names keys readably; a failed import leaves no
progress behind; onboarding starts at the locale's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from tests.builders import spanish_learner
from tests.tui.pilot import SIZE, current, open_screen, settle, text_of, words_app
from words_tui.i18n import system_language
from words_tui.services import Core
from words_tui.tui.app import create_app
from words_tui.tui.screens.help import HelpScreen
from words_tui.tui.screens.import_file import ImportScreen
from words_tui.tui.screens.onboarding import OnboardingScreen


async def answer_a_new_card_elsewhere(core: Core, profile_id: int) -> None:
    """A new card answered by another process (a notebook's lesson) while home is shown."""
    lesson = await core.lessons.start_lesson(profile_id)
    card = lesson.current
    assert card is not None
    await core.lessons.answer(lesson, card, card.expected, 2.0)
    await core.lessons.finish(lesson)


async def test_home_counts_are_read_again_when_the_terminal_regains_the_focus(
    core: Core,
) -> None:
    profile_id = await spanish_learner(core.database, [("gato", "noun", ("cat",), {})])
    async with open_screen(core) as pilot:
        app = words_app(pilot)
        assert text_of(app, "#new") == "New today\n0 of 20 (daily limit)"
        app.app_focus = False
        await answer_a_new_card_elsewhere(core, profile_id)
        app.app_focus = True
        await settle(pilot)
        assert text_of(app, "#new") == "New today\n1 of 20 (daily limit)"


async def test_home_counts_are_read_again_on_a_timer(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("words_tui.tui.screens.home.REFRESH_S", 0.2)
    profile_id = await spanish_learner(core.database, [("gato", "noun", ("cat",), {})])
    async with open_screen(core) as pilot:
        app = words_app(pilot)
        await answer_a_new_card_elsewhere(core, profile_id)
        for _ in range(100):
            await pilot.pause(0.05)
            await settle(pilot)
            if text_of(app, "#new") != "New today\n0 of 20 (daily limit)":
                break
        assert text_of(app, "#new") == "New today\n1 of 20 (daily limit)"


async def test_help_names_every_key_of_a_binding_readably(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "b", "f1") as pilot:
        lines = dict(current(pilot, HelpScreen).key_lines())
        assert "PgDn / n" in lines and "PgUp / p" in lines
        assert "Esc" in lines and "pagedown,n" not in lines


async def test_a_failed_import_leaves_no_progress_above_the_reason(
    core: Core, tmp_path: Path
) -> None:
    await spanish_learner(core.database, [])
    async with open_screen(core, "i") as pilot:
        screen = current(pilot, ImportScreen)
        await pilot.press(*str(tmp_path / "nowhere.csv"), "enter")
        await settle(pilot)
        assert text_of(pilot.app, "#report").startswith("Nothing was imported")
        assert text_of(pilot.app, "#stage") == ""
        assert not screen.query_one("ProgressBar").display


@pytest.mark.parametrize(("lang", "code"), [("ru_RU.UTF-8", "ru"), ("fr_FR.UTF-8", "fr")])
async def test_onboarding_highlights_the_locales_language_first(
    core: Core, monkeypatch: pytest.MonkeyPatch, lang: str, code: str
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    app = create_app(core, language=system_language())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        options = current(pilot, OnboardingScreen).query_one(OptionList)
        assert options.highlighted is not None
        assert options.get_option_at_index(options.highlighted).id == code
