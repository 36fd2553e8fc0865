"""Build the application's LLM client from the settings: paced, guarded, cached and ledgered."""

from __future__ import annotations

from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.llm.caching import CachingLLMClient
from words_tui.infrastructure.llm.ledger import CallLedger
from words_tui.infrastructure.llm.protocols import LLMService
from words_tui.settings import Settings


def llm_from_settings(settings: Settings, database: Database | None = None) -> LLMService | None:
    """The configured client, or None when no LLM is configured (no key and no base URL).

    With a database, translations and judgements are cached and every call lands in the ledger,
    under the learner the settings name.
    Importing the openai SDK happens here, on first use, not when the application starts.
    """
    if not settings.llm_configured:
        return None
    from words_tui.infrastructure.llm.rate_limited import RateLimitedLLMClient

    client = RateLimitedLLMClient(
        settings.openai_api_key,
        settings.llm_model,
        max_concurrent=settings.llm_max_concurrent,
        requests_per_minute=settings.llm_requests_per_minute,
        base_url=settings.openai_base_url,
        fallback_model=settings.llm_fallback_model,
        tokens_per_minute=settings.llm_tokens_per_minute,
        timeout_s=settings.llm_timeout_s,
        on_call=CallLedger(database, settings.user) if database is not None else None,
    )
    if database is None:
        return client
    return CachingLLMClient(client, database)
