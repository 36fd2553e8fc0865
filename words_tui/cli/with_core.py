"""How a command runs: one `Core` from the settings, opened for the command and closed after."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from words_tui.cli.language import follow_profile
from words_tui.services import Core

if TYPE_CHECKING:
    from words_tui.settings import Settings

T = TypeVar("T")


def run_with_core(
    action: Callable[[Core], Awaitable[T]],
    settings: Settings | None = None,
    *,
    migrate: bool = True,
) -> T:
    """Open the core (from `settings`, read now when not given; the database migrated unless
    `migrate` is False), speak the active profile's language, run `action` on it, close it."""

    async def run() -> T:
        async with Core.open(settings, migrate=migrate) as core:
            await follow_profile(core)
            return await action(core)

    return asyncio.run(run())
