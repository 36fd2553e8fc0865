"""What the screens get from the outside world: the database, the settings, the clock, the LLM.

`run_app` builds one `Backend` from the settings; tests build one around a temporary database and a
fixed clock. Screens pass its parts to service functions and never reach for a global. The heavy
modules (SQLAlchemy, the openai SDK) are imported inside the functions that need them, so the
first frame is drawn before they load.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from words_tui.infrastructure.db.database import Database
    from words_tui.infrastructure.dictionaries.starter import StarterVocabulary
    from words_tui.infrastructure.llm.protocols import LLMService
    from words_tui.services.vocabulary import WordSources
    from words_tui.settings import Settings

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The current time, aware UTC (the default clock; tests pass a fixed one)."""
    from words_tui.infrastructure.db.types import utcnow

    return utcnow()


@dataclass
class Backend:
    """The app's dependencies; `llm` is None when no endpoint is configured (or not built yet)."""

    database: Database
    settings: Settings
    clock: Clock = system_clock
    llm: LLMService | None = None
    llm_ready: bool = field(default=False)
    """Whether `connect_llm` has run: until then `llm` is None even when one is configured."""

    @property
    def user(self) -> str:
        return self.settings.user

    @property
    def llm_configured(self) -> bool:
        return self.settings.llm_configured

    def starter(self) -> StarterVocabulary:
        """The bundled starter vocabulary (read once per process)."""
        from words_tui.infrastructure.dictionaries.starter import StarterVocabulary

        return StarterVocabulary.default()

    def word_sources(self) -> WordSources:
        """The word-source chain add word and imports use: stored entries, the translation cache,
        the starter table, offline dictionaries, the LLM."""
        from words_tui.services.vocabulary import WordSources

        return WordSources.from_settings(self.settings, self.database, self.llm)

    def connect_llm(self) -> None:
        """Build the LLM client if one is configured (imports the openai SDK: call it in a thread)."""
        from words_tui.infrastructure.llm.factory import llm_from_settings

        self.llm = llm_from_settings(self.settings, self.database)
        self.llm_ready = True

    async def close(self) -> None:
        if self.llm is not None:
            await self.llm.aclose()
        await self.database.close()


STARTUP_MODULES = (
    "words_tui.settings",
    "words_tui.infrastructure.db.database",
    "words_tui.services.vocabulary.profiles",
    "words_tui.tui.screens.home",
    "words_tui.tui.screens.onboarding",
)
"""What the first screens need: imported in a thread while the start-up screen is showing."""


def import_startup_modules() -> None:
    for name in STARTUP_MODULES:
        importlib.import_module(name)


async def open_backend(settings: Settings | None = None, clock: Clock = system_clock) -> Backend:
    """The database the settings name (read now when not given), migrated, in a `Backend`.

    The imports and the settings are read in a thread, so the start-up screen stays live.
    """
    await asyncio.to_thread(import_startup_modules)
    from words_tui.infrastructure.db.database import Database
    from words_tui.settings import load_settings

    if settings is None:
        settings = await asyncio.to_thread(load_settings)
    database = Database(settings.effective_database_url)
    await database.init()
    return Backend(database=database, settings=settings, clock=clock)
