"""The cost ledger: every call recorded, totals by day/model/purpose, and `words-tui llm usage`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.llm_server import FakeLLMServer
from words_tui.cli import main
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import LLMCall
from words_tui.infrastructure.llm import LLMAuthError, LLMClient
from words_tui.infrastructure.llm.ledger import CallLedger, cost_usd, price_for, usage_by_day
from words_tui.infrastructure.llm.results import CallRecord, Usage
from words_tui.infrastructure.llm.retry import RetryPolicy

PRICES = {"gpt-4o-mini": (0.15, 0.60), "gpt-4o": (2.50, 10.00)}


def record(day: int, model: str, purpose: str, prompt: int, completion: int) -> CallRecord:
    return CallRecord(
        at=datetime(2025, 3, day, 12, tzinfo=UTC),
        model=model,
        purpose=purpose,
        usage=Usage(prompt, completion),
        latency_ms=100,
        attempts=1,
        outcome="ok",
    )


async def test_every_call_lands_in_the_ledger_without_the_key(
    llm_server: FakeLLMServer, database: Database, fast_retry: RetryPolicy
) -> None:
    ledger = CallLedger(database, "tester")
    async with LLMClient(
        llm_server.api_key, "m1", llm_server.base_url, retry=fast_retry, on_call=ledger
    ) as client:
        llm_server.script("429")
        await client.translate_word("Haus", "de", "en")
    wrong_key = "sk-wrong-key-that-must-not-be-stored"
    async with LLMClient(wrong_key, "m1", llm_server.base_url, on_call=ledger) as client:
        with pytest.raises(LLMAuthError):
            await client.validate_answer("Haus", "house", "home", "de", "en")

    async with database.session() as session:
        rows = (await session.execute(select(LLMCall).order_by(LLMCall.id))).scalars().all()
    ok, failed = rows
    assert (ok.purpose, ok.outcome, ok.attempts, ok.model) == ("translate", "ok", 2, "m1")
    assert ok.prompt_tokens > 0 and ok.completion_tokens > 0 and ok.latency_ms >= 0
    assert (failed.purpose, failed.outcome, failed.attempts) == ("judge", "auth_error", 1)
    assert "API key was rejected" in failed.error
    assert wrong_key not in failed.error


def test_a_model_is_priced_by_its_name_or_longest_prefix() -> None:
    assert price_for(PRICES, "gpt-4o") == (2.50, 10.00)
    assert price_for(PRICES, "gpt-4o-mini-2024-07-18") == (0.15, 0.60)
    assert price_for(PRICES, "llama3") is None
    assert cost_usd(PRICES, "gpt-4o", Usage(1_000_000, 100_000)) == pytest.approx(3.50)


async def test_usage_is_totalled_by_day_model_and_purpose(database: Database) -> None:
    ledger = CallLedger(database, "tester")
    for call in (
        record(1, "gpt-4o-mini", "translate", 1000, 2000),
        record(1, "gpt-4o-mini", "translate", 1000, 2000),
        record(1, "gpt-4o-mini", "judge", 500, 100),
        record(2, "llama3", "translate", 10, 10),
    ):
        await ledger.record(call)

    rows = await usage_by_day(database, PRICES, learner="tester")

    summary = [(r.day.day, r.model, r.purpose, r.calls, r.prompt_tokens) for r in rows]
    assert summary == [
        (1, "gpt-4o-mini", "judge", 1, 500),
        (1, "gpt-4o-mini", "translate", 2, 2000),
        (2, "llama3", "translate", 1, 10),
    ]
    assert rows[1].cost_usd == pytest.approx((2000 * 0.15 + 4000 * 0.60) / 1e6)
    assert rows[2].cost_usd is None


async def test_the_usage_command_prints_totals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'usage.db'}"
    database = Database(url)
    await database.init()
    ledger = CallLedger(database, "tester")
    today = datetime.now(UTC)
    for purpose, prompt in (("translate", 1_000_000), ("judge", 1_000_000)):
        await ledger.record(CallRecord(today, "gpt-4o", purpose, Usage(prompt, 0), 10, 1, "ok"))
    await database.close()
    monkeypatch.setenv("WORDS_DATABASE_URL", url)

    status = await _run_cli(["llm", "usage"])

    out = capsys.readouterr().out
    assert status == 0
    assert "judge" in out and "translate" in out
    total = next(line for line in out.splitlines() if line.startswith("total"))
    assert total.split()[1:] == ["2", "0", "2,000,000", "0", "5.0000"]


async def _run_cli(argv: list[str]) -> int:
    """The CLI runs its own event loop, so it runs in a worker thread here."""
    import asyncio

    return await asyncio.to_thread(main, argv)


async def test_each_call_names_the_learner_it_was_made_for(
    llm_server: FakeLLMServer, database: Database
) -> None:
    async with LLMClient(
        llm_server.api_key, "m1", llm_server.base_url, on_call=CallLedger(database, "ana")
    ) as client:
        await client.translate_word("Haus", "de", "en")
    async with database.session() as session:
        learners = (await session.execute(select(LLMCall.learner))).scalars().all()
    assert learners == ["ana"]


async def test_usage_shows_a_learner_only_their_own_calls(database: Database) -> None:
    await CallLedger(database, "ana").record(record(1, "gpt-4o", "translate", 100, 0))
    await CallLedger(database, "ben").record(record(1, "gpt-4o", "judge", 7, 0))
    mine = await usage_by_day(database, PRICES, learner="ana")
    everyone = await usage_by_day(database, PRICES, learner=None)
    assert [(r.purpose, r.prompt_tokens) for r in mine] == [("translate", 100)]
    assert sorted(r.purpose for r in everyone) == ["judge", "translate"]


async def test_the_usage_command_shows_only_the_current_learner_unless_asked_for_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'usage.db'}"
    database = Database(url)
    await database.init()
    today = datetime.now(UTC)
    for learner, purpose in (("tester", "translate"), ("someone-else", "judge")):
        await CallLedger(database, learner).record(
            CallRecord(today, "gpt-4o", purpose, Usage(10, 0), 10, 1, "ok")
        )
    await database.close()
    monkeypatch.setenv("WORDS_DATABASE_URL", url)

    assert await _run_cli(["llm", "usage"]) == 0
    mine = capsys.readouterr().out
    assert await _run_cli(["llm", "usage", "--all"]) == 0
    everyone = capsys.readouterr().out
    assert "translate" in mine and "judge" not in mine
    assert "translate" in everyone and "judge" in everyone
