"""Driving the quiz in tests: open it on a core at a screen, let it settle, read what it shows.

async with open_screen(core, "b") as pilot:      # the app on `core`, then "b" on home
    assert isinstance(pilot.app.screen, BrowserScreen)
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from words_tui.services import Core
from words_tui.tui.app import WordsApp, create_app

ScreenT = TypeVar("ScreenT", bound=Screen[Any])
SIZE = (100, 30)
"""The terminal the tests run the app in (columns, rows)."""


@asynccontextmanager
async def open_screen(core: Core, *keys: str) -> AsyncIterator[Pilot[int]]:
    """The app on `core` started (home, or onboarding without a profile), then `keys` pressed
    one by one, each let settle — the way a learner reaches a screen."""
    app = create_app(core)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        yield pilot


def words_app(pilot: Pilot[Any]) -> WordsApp:
    """The pilot's app, typed."""
    assert isinstance(pilot.app, WordsApp)
    return pilot.app


def text_of(app: App[Any], selector: str) -> str:
    """The plain text a Static shows."""
    return str(app.screen.query_one(selector, Static).content)


async def settle(pilot: Pilot[Any]) -> None:
    """Let every worker finish and the screen catch up."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def ready(
    *keys: str, then: Callable[[Pilot[Any]], Awaitable[None]] | None = None
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A snapshot's `run_before`: wait for start-up, press `keys` one by one, run `then` (typing
    into a field), and let every worker finish after each step; then stop the text cursors
    blinking, which would show a cursor or not depending on how long the steps took."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        if then is not None:
            await then(pilot)
            await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    return run_before


def current(pilot: Pilot[Any], kind: type[ScreenT]) -> ScreenT:
    """The screen on top, which must be a `kind`."""
    screen = pilot.app.screen
    assert isinstance(screen, kind), f"on {type(screen).__name__}, not {kind.__name__}"
    return screen
