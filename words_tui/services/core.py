"""The one composition root: settings → database, LLM client, language data → the services.

    async with Core.open() as core:                  # the settings are read when not given
        profile = await core.profiles.active()
        lesson = await core.lessons.start_lesson(profile.id)

The terminal quiz, the notebooks and every command take a `Core` and use its facades
(`core.lessons`, `core.profiles`, `core.vocabulary`, `core.stats`, `core.transfer`, `core.bulk`),
so the settings reach every service through one place and no front-end wires a database or an
LLM client itself. Tests build one from explicit parts: `Core(database, settings, clock=...)`.

The core owns the lifetime of the database and the LLM client (`close`, or leaving `open`).
Importing this module is cheap: SQLAlchemy, the openai SDK and the services load when first
used, so a front-end can draw its first frame before they do. The LLM client is built on first
use in a worker thread (the SDK takes about a second to import); the quiz starts that early
with `connect_llm` so the judge is ready by the first typed answer.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from words_tui.errors import DatabaseError

if TYPE_CHECKING:
    from words_tui.infrastructure.db.database import Database
    from words_tui.infrastructure.dictionaries.dictd import DictionarySet
    from words_tui.infrastructure.dictionaries.starter import StarterVocabulary
    from words_tui.infrastructure.llm.protocols import LLMService
    from words_tui.infrastructure.llm.results import Judgement
    from words_tui.infrastructure.speech import Speaker
    from words_tui.services.bulk import Bulk
    from words_tui.services.lessons import LanguageSource, LessonService
    from words_tui.services.stats import Stats
    from words_tui.services.transfer import Transfer
    from words_tui.services.vocabulary import Profiles, Vocabulary, WordSources
    from words_tui.settings import Settings

Clock = Callable[[], datetime]
ROOT_LOGGER = "words_tui"
"""The logger whose level the `log_level` setting sets (every module logs under it)."""
log = logging.getLogger(__name__)

__all__ = ["Clock", "Core", "SchemaStatus", "system_clock"]


def system_clock() -> datetime:
    """The current time, aware UTC (the default clock; tests pass a fixed one)."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class SchemaStatus:
    """The schema revision a database is at (None: never created) and the latest one shipped;
    `known` is False when a newer words_tui made the database (upgrade words_tui, not it)."""

    current: str | None
    head: str
    known: bool = True

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def newer(self) -> bool:
        return self.current is not None and not self.known


class Core:
    """The application's parts and the services bound to them. See the module docstring."""

    def __init__(
        self,
        database: Database,
        settings: Settings,
        *,
        clock: Clock = system_clock,
        llm: LLMService | None = None,
        language_data: LanguageSource | None = None,
        starter: StarterVocabulary | None = None,
        revision: str | None = None,
    ) -> None:
        """Explicit parts (tests); `llm`, when given, is used instead of one built from the
        settings; `revision` is the schema revision `connect` migrated to."""
        self.database = database
        self.settings = settings
        self.clock = clock
        self.revision = revision
        self._language_data = language_data
        self._starter = starter
        self._llm = llm
        self._llm_ready = llm is not None or not settings.llm_configured
        self._llm_lock = threading.Lock()
        self._dictionaries: DictionarySet | None = None
        self._dictionaries_read = False

    # -- lifetime -----------------------------------------------------------------------------

    @classmethod
    async def connect(
        cls, settings: Settings | None = None, *, clock: Clock = system_clock, migrate: bool = True
    ) -> Core:
        """A core on the database the settings name (read now when not given), migrated unless
        `migrate` is False. The caller closes it; `open` does that for a block.

        Reading the settings and importing SQLAlchemy happen in a thread, so an interface on the
        same event loop stays live meanwhile.
        """
        if settings is None:
            settings = await asyncio.to_thread(_load_settings)
        logging.getLogger(ROOT_LOGGER).setLevel(settings.log_level)
        database = await asyncio.to_thread(
            _database_for, settings.effective_database_url, settings.database_pooler
        )
        revision = None
        if migrate:
            try:
                revision = await database.init()
            except BaseException:
                await database.close()
                raise
            log.info("database %s at schema revision %s", database.location, revision)
        return cls(database, settings, clock=clock, revision=revision)

    @classmethod
    @asynccontextmanager
    async def open(
        cls, settings: Settings | None = None, *, clock: Clock = system_clock, migrate: bool = True
    ) -> AsyncIterator[Core]:
        """`connect` for the length of an `async with` block; closed however the block ends."""
        core = await cls.connect(settings, clock=clock, migrate=migrate)
        try:
            yield core
        finally:
            await core.close()

    async def close(self) -> None:
        """Close the LLM client's connections (if one was built) and the database's."""
        llm, self._llm, self._llm_ready = self._llm, None, False
        if llm is not None:
            await llm.aclose()
        await self.database.close()

    @staticmethod
    def has_database(settings: Settings) -> bool:
        """False only for a SQLite file that does not exist yet (commands that must not create
        one check this first); a server database always counts as there."""
        from words_tui.infrastructure.db.database import sqlite_path

        path = sqlite_path(settings.effective_database_url)
        return path is None or path.exists()

    # -- the parts (`services.parts.Parts`) ---------------------------------------------------

    @property
    def user(self) -> str:
        return self.settings.user

    def now(self) -> datetime:
        return self.clock()

    @property
    def database_location(self) -> str:
        """The SQLite file, or the server URL without its password."""
        return self.database.location

    def starter(self) -> StarterVocabulary:
        if self._starter is None:
            from words_tui.infrastructure.dictionaries.starter import StarterVocabulary

            self._starter = StarterVocabulary.default()
        return self._starter

    def dictionaries(self) -> DictionarySet | None:
        """The offline dictd dictionaries of `dictd_paths` (read once: they load on first use)."""
        if not self._dictionaries_read:
            from words_tui.infrastructure.dictionaries.dictd import DictionarySet

            paths = self.settings.dictd_paths
            self._dictionaries = DictionarySet.from_paths(paths) if paths else None
            self._dictionaries_read = True
        return self._dictionaries

    @property
    def llm_configured(self) -> bool:
        """Whether an LLM endpoint is set (a key, or a base URL for a local server)."""
        return self._llm is not None or self.settings.llm_configured

    @property
    def llm_ready(self) -> bool:
        """Whether the client is built (or known to be absent): `llm()` will not wait."""
        return self._llm_ready

    def connect_llm(self) -> LLMService | None:
        """Build the LLM client now if it is configured and not built yet.

        Blocking (it imports the openai SDK): call it in a thread. Safe to call from several
        threads; the client is built once.
        """
        with self._llm_lock:
            if not self._llm_ready:
                from words_tui.infrastructure.llm.factory import llm_from_settings

                self._llm = llm_from_settings(self.settings, self.database)
                self._llm_ready = True
            return self._llm

    async def llm(self) -> LLMService | None:
        if self._llm_ready:
            return self._llm
        return await asyncio.to_thread(self.connect_llm)

    async def word_sources(self, *, llm: bool = True) -> WordSources:
        """The word-source chain as configured: the `dictd_paths` dictionaries and, with `llm`,
        the LLM client and a fresh bulk engine around it (`llm_batch_size` words per request,
        costed with `llm_prices`, pausing after `llm_outage_limit_s` without a usable answer;
        one engine runs one job). The one place both are built."""
        from words_tui.services.bulk import BulkTranslator
        from words_tui.services.vocabulary import WordSources

        client = await self.llm() if llm else None
        bulk = None
        if client is not None:
            bulk = BulkTranslator(
                self.database,
                client,
                batch_size=self.settings.llm_batch_size,
                give_up_after_s=self.settings.llm_outage_limit_s,
                prices=self.settings.llm_prices,
            )
        sources = WordSources(
            self.database, self._starter, dictionary=self.dictionaries(), llm=client, bulk=bulk
        )
        return sources.without_llm() if self.llm_configured and not llm else sources

    async def schema(self) -> SchemaStatus:
        """The database's schema revision and the latest one (reads only; creates nothing)."""
        from words_tui.infrastructure.db.migrate import (
            current_revision,
            head_revision,
            is_known_revision,
        )

        current = await current_revision(self.database.engine)
        known = current is None or is_known_revision(current)
        return SchemaStatus(current, head_revision(), known)

    async def backup(self, target: Path, *, overwrite: bool = False) -> Path:
        """Copy the SQLite database to `target` with SQLite's online backup (safe while other
        processes use it) and check the copy; a PostgreSQL database is backed up with pg_dump."""
        from words_tui.infrastructure.db.database import sqlite_path
        from words_tui.infrastructure.db.maintenance import backup_sqlite, check_sqlite

        source = sqlite_path(self.database.url)
        if source is None:
            raise DatabaseError(key="error.backup.postgres")
        copy = await asyncio.to_thread(backup_sqlite, source, target, overwrite=overwrite)
        report = await asyncio.to_thread(check_sqlite, copy)
        if not report.ok:
            raise DatabaseError(key="error.backup.damaged", path=copy, problem=report.problems[0])
        return copy

    async def integrity_problems(self) -> tuple[str, ...] | None:
        """What SQLite's integrity and foreign-key checks find in the database file (empty: no
        problem); None on PostgreSQL, which checks its own pages and keys."""
        from words_tui.infrastructure.db.database import sqlite_path
        from words_tui.infrastructure.db.maintenance import check_sqlite

        path = sqlite_path(self.database.url)
        if path is None:
            return None
        return (await asyncio.to_thread(check_sqlite, path)).problems

    # -- the services -------------------------------------------------------------------------

    @cached_property
    def lessons(self) -> LessonService:
        """Lessons as the settings shape them (judge timeout, mastery, leeches); the judge is
        the LLM client when one is configured."""
        from words_tui.services.lessons import LessonService

        return LessonService.from_settings(
            self.database,
            self.settings,
            _CoreJudge(self) if self.llm_configured else None,
            clock=self.clock,
            language_data=self._language_data,
            dictionaries=self.dictionaries(),
        )

    @cached_property
    def speech(self) -> Speaker:
        """Pronunciation with espeak-ng; `available` is False when it is not installed."""
        from words_tui.infrastructure.speech import Speaker

        return Speaker()

    @cached_property
    def profiles(self) -> Profiles:
        from words_tui.services.vocabulary import Profiles

        return Profiles(self)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        from words_tui.services.vocabulary import Vocabulary

        return Vocabulary(self)

    @cached_property
    def stats(self) -> Stats:
        from words_tui.services.stats import Stats

        return Stats(self)

    @cached_property
    def bulk(self) -> Bulk:
        from words_tui.services.bulk import Bulk

        return Bulk(self)

    @cached_property
    def transfer(self) -> Transfer:
        from words_tui.services.transfer import Transfer

        return Transfer(self)

    def __repr__(self) -> str:
        return f"Core(database={self.database_location!r}, user={self.user!r})"


class _CoreJudge:
    """The lesson's judge: the core's LLM client, built off the event loop on first need (the
    lesson's judge timeout bounds the wait)."""

    def __init__(self, core: Core) -> None:
        self._core = core

    async def validate_answer(
        self,
        question: str,
        expected_answer: str,
        user_answer: str,
        source_lang: str,
        target_lang: str,
    ) -> Judgement:
        llm = await self._core.llm()
        if llm is None:
            from words_tui.infrastructure.llm.errors import LLMUnavailable

            raise LLMUnavailable(key="error.llm.none")
        return await llm.validate_answer(
            question, expected_answer, user_answer, source_lang, target_lang
        )


def _load_settings() -> Settings:
    from words_tui.settings import load_settings

    return load_settings()


def _database_for(url: str, pooler: bool) -> Database:
    from words_tui.infrastructure.db.database import Database

    return Database(url, pooler=pooler)
