"""The app in a child process for the SIGKILL test: answers cards, reports each one, then waits.

Usage: python -m tests.tui.kill_child DATABASE_URL ANSWERS. After each answer the app has shown
feedback for, it writes "answered <card id>" to file descriptor 1 (print is captured by Textual);
after ANSWERS answers it writes "waiting" and idles mid-lesson until it is killed.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

from textual.pilot import Pilot

from tests.builders import Clock
from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.settings import load_settings
from words_tui.tui.app import create_app
from words_tui.tui.screens.lesson import LessonScreen, Phase


def report(line: str) -> None:
    os.write(1, (line + "\n").encode())


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def main(url: str, answers: int) -> None:
    database = Database(url)
    core = Core(database=database, settings=load_settings(database_url=url), clock=Clock())

    async def drive(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, LessonScreen)
        for _ in range(answers):
            card = screen.lesson.current
            assert card is not None and card.is_choice
            await pilot.press(str(card.options.index(card.expected) + 1))
            await settle(pilot)
            assert screen.phase == Phase.FEEDBACK
            report(f"answered {card.card_id}")
            await pilot.press("enter")
            await settle(pilot)
        report("waiting")
        await asyncio.Event().wait()

    create_app(core).run(headless=True, auto_pilot=drive, size=(100, 30))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
