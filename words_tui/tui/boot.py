"""How the quiz opens its `Core`: the screens' modules and the database load behind the first frame.

`run_app` hands `open_core` to the app as its loader; tests give the app a ready `Core` instead.
"""

from __future__ import annotations

import asyncio
import importlib
from typing import TYPE_CHECKING

from words_tui.services import Clock, Core, system_clock

if TYPE_CHECKING:
    from words_tui.settings import Settings

STARTUP_MODULES = (
    "words_tui.settings",
    "words_tui.services.vocabulary",
    "words_tui.tui.screens.home",
    "words_tui.tui.screens.onboarding",
)
"""What the first screens need (the vocabulary capability brings SQLAlchemy and the database
layer): imported in a thread while the start-up screen is showing."""


def import_startup_modules() -> None:
    for name in STARTUP_MODULES:
        importlib.import_module(name)


async def open_core(settings: Settings | None = None, clock: Clock = system_clock) -> Core:
    """The core on the database the settings name (read now when not given), migrated.

    The imports, the settings and the migration run off the event loop's critical path, so the
    start-up screen stays live.
    """
    await asyncio.to_thread(import_startup_modules)
    return await Core.connect(settings, clock=clock)
