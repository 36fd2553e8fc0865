"""The LLM core: typed calls over any OpenAI-compatible endpoint, pacing, breaker, caches, ledger.

The error tree is importable at once (it has no dependencies); the clients, which pull in the
openai SDK (about a second to import), load on first attribute access.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from words_tui.infrastructure.llm.errors import (
    CircuitOpen,
    LLMAuthError,
    LLMBadOutput,
    LLMConfigError,
    LLMError,
    LLMRateLimited,
    LLMUnavailable,
    LLMUnreachable,
)

if TYPE_CHECKING:
    from words_tui.infrastructure.llm.client import LLMClient
    from words_tui.infrastructure.llm.rate_limited import RateLimitedLLMClient

__all__ = [
    "CircuitOpen",
    "LLMAuthError",
    "LLMBadOutput",
    "LLMClient",
    "LLMConfigError",
    "LLMError",
    "LLMRateLimited",
    "LLMUnavailable",
    "LLMUnreachable",
    "RateLimitedLLMClient",
]

_LAZY = {
    "LLMClient": "words_tui.infrastructure.llm.client",
    "RateLimitedLLMClient": "words_tui.infrastructure.llm.rate_limited",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
