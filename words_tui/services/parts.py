"""What every capability's facade is bound to: the parts a `Core` owns.

The facades (`Profiles`, `Vocabulary`, `Stats`, `Transfer`, `Bulk`) take these parts instead of a
database, a learner name and a clock in every call, so front-ends never pass a database around.
`Core` implements the protocol; it lives in this leaf module so that the capability packages need
not import `services.core` (which imports them).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from words_tui.infrastructure.db.database import Database
    from words_tui.infrastructure.dictionaries.starter import StarterVocabulary
    from words_tui.infrastructure.llm.protocols import LLMService
    from words_tui.services.vocabulary import WordSources
    from words_tui.settings import Settings


class Parts(Protocol):
    """The composition root as the facades see it."""

    @property
    def database(self) -> Database: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def user(self) -> str:
        """The learner every profile query is filtered by (the `user` setting)."""
        ...

    def now(self) -> datetime:
        """The current time, aware UTC, from the core's clock (tests fix it)."""
        ...

    def starter(self) -> StarterVocabulary:
        """The bundled starter vocabulary (tests may give a smaller one)."""
        ...

    async def llm(self) -> LLMService | None:
        """The LLM client, built on first use off the event loop; None when none is configured."""
        ...

    async def word_sources(self, *, llm: bool = True) -> WordSources:
        """The configured word-source chain (stored entries, cache, starter, dictionaries and,
        with `llm`, the LLM and a fresh bulk engine around it)."""
        ...
