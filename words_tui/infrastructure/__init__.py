"""The outside world: the database, the LLM, dictionaries. Keeps the seed's API.

Every name resolves lazily on first access (PEP 562): importing the package loads neither
SQLAlchemy nor openai, and `engine`/`AsyncSessionLocal` create the default engine only when used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from words_tui.errors import DatabaseError
    from words_tui.infrastructure.db.database import (
        AsyncSessionLocal,
        Database,
        close_db,
        create_engine_for,
        engine,
        get_session,
        init_db,
        make_session_factory,
    )
    from words_tui.infrastructure.llm import LLMClient, RateLimitedLLMClient

_HOMES = {
    "AsyncSessionLocal": "words_tui.infrastructure.db.database",
    "Database": "words_tui.infrastructure.db.database",
    "close_db": "words_tui.infrastructure.db.database",
    "create_engine_for": "words_tui.infrastructure.db.database",
    "engine": "words_tui.infrastructure.db.database",
    "get_session": "words_tui.infrastructure.db.database",
    "init_db": "words_tui.infrastructure.db.database",
    "make_session_factory": "words_tui.infrastructure.db.database",
    "DatabaseError": "words_tui.errors",
    "LLMClient": "words_tui.infrastructure.llm",
    "RateLimitedLLMClient": "words_tui.infrastructure.llm",
}

__all__ = [
    "AsyncSessionLocal",
    "Database",
    "DatabaseError",
    "LLMClient",
    "RateLimitedLLMClient",
    "close_db",
    "create_engine_for",
    "engine",
    "get_session",
    "init_db",
    "make_session_factory",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home), name)
