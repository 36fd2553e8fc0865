"""The quiz as `words-tui` builds it (`build_app`), headless, for the start-path test.

Usage: python -m tests.tui.start_child (settings from the environment). Once the home screen is
up with its counts, it writes one JSON line to file descriptor 1 (print is captured by Textual):
the modules loaded by then and whether the garbage collector runs; once the start is over
(`WARM_UP_AFTER_S` later), a second line the same way, then it quits.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from typing import Any

from textual.pilot import Pilot

from words_tui.tui.main import build_app
from words_tui.tui.screens.home import HomeScreen


def report(**values: object) -> None:
    os.write(1, (json.dumps(values) + "\n").encode())


def state() -> dict[str, object]:
    return {
        "modules": sorted(sys.modules),
        "collecting": gc.isenabled(),
        "frozen": gc.get_freeze_count(),
    }


async def drive(pilot: Pilot[Any]) -> None:
    app = pilot.app
    while not isinstance(app.screen, HomeScreen):
        await pilot.pause(0.01)
    await app.workers.wait_for_complete()
    report(stage="home", **state())
    while not gc.isenabled():
        await pilot.pause(0.05)
    report(stage="started", **state())
    app.exit()


def main() -> None:
    build_app().run(headless=True, auto_pilot=drive, size=(100, 30))


if __name__ == "__main__":
    main()
