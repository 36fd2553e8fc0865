"""The LLM judge in lessons, served by the local OpenAI-compatible test server — and with the
server down. Checking runs in a worker, so the screen never waits for the judge."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, LoadingIndicator

from tests.builders import promote_to_typing, spanish_learner
from tests.llm_server import FakeLLMServer
from tests.tui.pilot import current, open_screen, settle, text_of, words_app
from tests.tui.test_lesson_screen import type_answer
from words_tui.services import Core
from words_tui.tui.screens.help import HelpScreen
from words_tui.tui.screens.lesson import LessonScreen, Phase
from words_tui.tui.widgets.footer import TranslatedFooter

WINDOW = [("ventana", "noun", ("window",), {})]


async def test_the_judge_accepts_what_the_local_checker_cannot_decide(
    judged_core: Core, llm_server: FakeLLMServer
) -> None:
    profile_id = await spanish_learner(judged_core.database, WINDOW)
    await promote_to_typing(judged_core.database, profile_id)
    llm_server.set_judgement("pane", True, "a pane is part of a window; accepted")
    async with open_screen(judged_core, "l") as pilot:
        app = words_app(pilot)
        feedback = await type_answer(app, pilot, "pane")
        assert feedback.startswith("✓ Accepted by the judge")
        assert "Judge: a pane is part of a window; accepted" in feedback


async def test_the_judge_can_reject_with_a_comment(
    judged_core: Core, llm_server: FakeLLMServer
) -> None:
    profile_id = await spanish_learner(judged_core.database, WINDOW)
    await promote_to_typing(judged_core.database, profile_id)
    llm_server.set_judgement("skylight", False, "a skylight is not a window")
    async with open_screen(judged_core, "l") as pilot:
        app = words_app(pilot)
        feedback = await type_answer(app, pilot, "skylight")
        assert feedback.startswith("✗ Wrong")
        assert "Judge: a skylight is not a window" in feedback


async def test_with_the_judge_down_the_local_verdict_stands_and_can_be_overridden(
    judged_core: Core, llm_server: FakeLLMServer
) -> None:
    profile_id = await spanish_learner(judged_core.database, WINDOW)
    await promote_to_typing(judged_core.database, profile_id)
    llm_server.stop()
    settings = judged_core.settings
    judged_core.settings = settings.model_copy(update={"judge_timeout_s": 0.5})
    async with open_screen(judged_core, "l") as pilot:
        app = words_app(pilot)
        feedback = await type_answer(app, pilot, "pane")
        assert "Could not check: press r if you were right." in feedback
        await pilot.press("r")
        await settle(pilot)
        assert text_of(app, "#feedback").startswith("✓ Counted as right")


@asynccontextmanager
async def answered_to_a_slow_judge(
    core: Core, server: FakeLLMServer
) -> AsyncIterator[tuple[Pilot[Any], LessonScreen]]:
    """A typed card answered "pane", which only the judge can decide, and the judge taking a
    second to answer: the lesson right after Enter."""
    profile_id = await spanish_learner(core.database, WINDOW)
    await promote_to_typing(core.database, profile_id)
    server.set_judgement("pane", True)
    server.set_latency(1.0)
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        screen.query_one("#answer", Input).value = "pane"
        await pilot.press("enter")
        yield pilot, screen


async def test_a_slow_judge_shows_a_spinner_and_leaves_the_screen_responsive(
    judged_core: Core, llm_server: FakeLLMServer
) -> None:
    async with answered_to_a_slow_judge(judged_core, llm_server) as (pilot, screen):
        app = words_app(pilot)
        await pilot.pause(0.4)
        assert screen.phase == Phase.CHECKING
        assert screen.query_one(LoadingIndicator).display
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert screen.phase == Phase.FEEDBACK
        assert not screen.query_one(LoadingIndicator).display


async def test_the_footer_drops_the_card_keys_only_once_a_check_takes_long(
    judged_core: Core, llm_server: FakeLLMServer
) -> None:
    async with answered_to_a_slow_judge(judged_core, llm_server) as (pilot, screen):
        footer = screen.query_one(TranslatedFooter)
        assert screen.phase == Phase.CHECKING
        assert "dont_know" in {key.action for key in footer.fitted.keys}
        await pilot.pause(0.4)
        assert "dont_know" not in {key.action for key in footer.fitted.keys}
