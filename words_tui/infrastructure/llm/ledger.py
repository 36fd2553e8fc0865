"""The cost ledger: one `LLMCall` row per logical call, and totals with an estimated cost.

The row is written before the call's first HTTP request goes out (outcome `in_flight`), its
request count raised before each retry, and its outcome, tokens and latency filled in when the
call ends: a process killed while a request is in flight still leaves that request in the ledger
(the server served and billed it), as an `in_flight` row that never ended.

Costs are not stored: they are computed when reported from the tokens and the price table in the
settings (USD per million prompt / completion tokens), so correcting a price corrects history.
A model is priced by its exact name or else by the longest priced prefix
("gpt-4o-mini-2024-07-18" → "gpt-4o-mini"); an unpriced model's cost is unknown (None).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlmodel import col

from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import LLMCall
from words_tui.infrastructure.llm.results import CallRecord, Usage

Prices = Mapping[str, tuple[float, float]]
MAX_ERROR_CHARS = 500


def price_for(prices: Prices, model: str) -> tuple[float, float] | None:
    """The (prompt, completion) USD per 1M tokens for `model`, or None when not priced."""
    if model in prices:
        return prices[model]
    prefixes = [name for name in prices if model.startswith(name)]
    return prices[max(prefixes, key=len)] if prefixes else None


def cost_usd(prices: Prices, model: str, usage: Usage) -> float | None:
    """Estimated cost of `usage` on `model`; None when the model has no price."""
    price = price_for(prices, model)
    if price is None:
        return None
    return (usage.prompt_tokens * price[0] + usage.completion_tokens * price[1]) / 1_000_000


class CallLedger:
    """Writes each call's row for `learner`; pass the ledger to a client as its `on_call`
    observer. On a shared database every learner's calls sit in one table, so each row names
    the learner it was made for and reports show a learner only their own."""

    def __init__(self, database: Database, learner: str) -> None:
        self._database = database
        self.learner = learner

    async def sent(self, call: CallRecord) -> None:
        """Before each HTTP request: the row is created (first request) or its count raised."""
        if call.ledger_id is None:
            await self.record(call)
        else:
            await self._update(call.ledger_id, attempts=call.attempts)

    async def ended(self, call: CallRecord) -> None:
        """The call's outcome, tokens, latency and error."""
        if call.ledger_id is None:
            await self.record(call)
        else:
            await self._update(call.ledger_id, **_outcome_columns(call))

    async def record(self, call: CallRecord) -> None:
        """Store `call` as a new row (its `ledger_id` set to the row's)."""
        row = LLMCall(
            at=call.at,
            learner=self.learner[:120],
            model=call.model[:120],
            purpose=call.purpose[:32],
            **_outcome_columns(call),
        )
        async with self._database.session() as session:
            session.add(row)
            await session.flush()
            call.ledger_id = row.id

    async def _update(self, ledger_id: int, **values: object) -> None:
        async with self._database.session() as session:
            await session.execute(
                update(LLMCall).where(col(LLMCall.id) == ledger_id).values(**values)
            )


def _outcome_columns(call: CallRecord) -> dict[str, Any]:
    """The columns a call's end fills in (the row exists from its first request on)."""
    return {
        "prompt_tokens": call.usage.prompt_tokens,
        "completion_tokens": call.usage.completion_tokens,
        "latency_ms": call.latency_ms,
        "attempts": call.attempts,
        "outcome": call.outcome[:32],
        "error": call.error[:MAX_ERROR_CHARS],
    }


@dataclass
class UsageRow:
    """Totals of one (day, model, purpose) group; `cost_usd` None when the model is unpriced."""

    day: date
    model: str
    purpose: str
    calls: int = 0
    failed: int = 0
    attempts: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = 0.0


async def usage_by_day(
    database: Database,
    prices: Prices,
    *,
    learner: str | None,
    since: datetime | None = None,
) -> list[UsageRow]:
    """Ledger totals of `learner`'s calls (None: everyone's) by UTC day, model and purpose,
    oldest day first."""
    query = select(
        col(LLMCall.at),
        col(LLMCall.model),
        col(LLMCall.purpose),
        col(LLMCall.prompt_tokens),
        col(LLMCall.completion_tokens),
        col(LLMCall.attempts),
        col(LLMCall.outcome),
    ).order_by(col(LLMCall.at))
    if since is not None:
        query = query.where(col(LLMCall.at) >= since)
    if learner is not None:
        query = query.where(col(LLMCall.learner) == learner)
    groups: dict[tuple[date, str, str], UsageRow] = {}
    async with database.session() as session:
        for at, model, purpose, prompt, completion, attempts, outcome in await session.execute(
            query
        ):
            key = (at.date(), model, purpose)
            row = groups.setdefault(key, UsageRow(*key))
            row.calls += 1
            row.failed += outcome != "ok"
            row.attempts += attempts
            row.prompt_tokens += prompt
            row.completion_tokens += completion
    for row in groups.values():
        row.cost_usd = cost_usd(prices, row.model, Usage(row.prompt_tokens, row.completion_tokens))
    return sorted(groups.values(), key=lambda r: (r.day, r.model, r.purpose))
