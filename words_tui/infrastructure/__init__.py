"""The outside world: the database, the LLM, dictionaries. Keeps the seed's API.

`engine` and `AsyncSessionLocal` resolve lazily on first access; `LLMClient` and
`RateLimitedLLMClient` import the openai client only when first used, keeping start-up fast.
"""

from __future__ import annotations

from typing import Any

from words_tui.infrastructure.database import (
    Database,
    DatabaseError,
    close_db,
    create_engine_for,
    get_session,
    init_db,
    make_session_factory,
)

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
    if name in ("engine", "AsyncSessionLocal"):
        from words_tui.infrastructure import database

        return getattr(database, name)
    if name in ("LLMClient", "RateLimitedLLMClient"):
        from words_tui.infrastructure import llm

        return getattr(llm, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
