"""The bulk engine under injected faults and a hard kill: no word lost, none duplicated, none
paid for twice, every request in the ledger, and the killed job recognised as stale."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from sqlalchemy import func, select
from sqlmodel import col

from tests.llm_fixtures import ClientPool
from tests.llm_server import FakeLLMServer
from words_tui.domain.enums import JobStatus
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import BulkItem, BulkJob, LLMCall, TranslationCache
from words_tui.infrastructure.llm.results import IN_FLIGHT
from words_tui.services.bulk import BulkTranslator, unfinished_jobs

WORDS = [f"wort{i}" for i in range(1200)]


async def count(database: Database, query: object) -> int:
    async with database.session() as session:
        return int(await session.scalar(query) or 0)  # type: ignore[call-overload]


async def test_a_thousand_words_under_faults_and_an_outage_all_end_translated_or_failed(
    database: Database, llm_clients: ClientPool
) -> None:
    with FakeLLMServer(latency_s=0.005, seed=7) as server:
        server.set_faults(rate_429=0.10, rate_500=0.05, malformed=0.02, reset=0.01)
        client = llm_clients.rate_limited(server)  # breaker: 5 failures, 0.2 s recovery
        # longer than the breaker's recovery timeout, and long enough to open it however slowly
        # the requests come (five logical calls of three attempts)
        server.outage(0.6, after_requests=40, at_least=15)

        result = await BulkTranslator(database, client, batch_size=10).run(WORDS, "de", "en")

    assert result.status == JobStatus.DONE and result.pending == []
    translated, failed = set(result.entries), {f.word for f in result.failures}
    assert translated | failed == set(WORDS) and not translated & failed
    assert all(f.reason for f in result.failures)
    assert len(translated) >= 0.95 * len(WORDS)
    assert server.served["outage"] >= 15  # the outage took place
    assert client.breaker().closed
    job_items = (
        select(func.count()).select_from(BulkItem).where(col(BulkItem.job_id) == result.job_id)
    )
    assert await count(database, job_items) == len(WORDS)
    cached = select(func.count()).select_from(TranslationCache)
    assert await count(database, cached) == len(translated)


CHILD = """
import asyncio, sys
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.llm import RateLimitedLLMClient
from words_tui.infrastructure.llm.ledger import CallLedger
from words_tui.services.bulk import BulkTranslator

async def main(url, base_url, key, n):
    database = Database(url)
    client = RateLimitedLLMClient(key, "m1", 4, 1200, base_url=base_url, on_call=CallLedger(database, "tester"))
    words = [f"wort{i}" for i in range(int(n))]
    await BulkTranslator(database, client, batch_size=10).run(words, "de", "en")

asyncio.run(main(*sys.argv[1:]))
"""


async def done_words(database: Database) -> set[str]:
    query = select(col(BulkItem.word)).where(col(BulkItem.status) == JobStatus.DONE.value)
    async with database.session() as session:
        return set((await session.execute(query)).scalars())


async def ledger(database: Database) -> list[LLMCall]:
    async with database.session() as session:
        return list((await session.execute(select(LLMCall))).scalars())


async def test_a_job_killed_mid_run_resumes_without_requesting_finished_words(
    database: Database, llm_clients: ClientPool, tmp_path: Path
) -> None:
    words = WORDS[:600]
    with FakeLLMServer(latency_s=0.05) as server:
        child = await asyncio.create_subprocess_exec(
            *[sys.executable, "-c", CHILD, database.url, server.base_url, server.api_key, "600"],
            cwd=tmp_path,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            for _ in range(1500):
                if len(await done_words(database)) >= 100 or child.returncode is not None:
                    break
                await asyncio.sleep(0.02)
        finally:
            child.send_signal(signal.SIGKILL)
            _, stderr = await child.communicate()
        assert child.returncode == -signal.SIGKILL, stderr.decode()
        finished_before = await done_words(database)
        assert 100 <= len(finished_before) < len(words)
        calls = await ledger(database)
        assert sum(call.attempts for call in calls) >= server.requests  # each one recorded
        [killed] = await unfinished_jobs(database)
        assert killed.stale and killed.resumable and killed.status == JobStatus.RUNNING
        server.reset_log()

        async with database.session() as session:
            job_id = (await session.execute(select(col(BulkJob.id)))).scalar_one()
        result = await BulkTranslator(database, llm_clients.rate_limited(server)).resume(job_id)

    assert result.status == JobStatus.DONE and sorted(result.entries) == sorted(words)
    asked_again = set(server.requested_words())
    assert not asked_again & finished_before
    assert asked_again == set(words) - finished_before


ONE_CALL = """
import asyncio, sys
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.llm import LLMClient
from words_tui.infrastructure.llm.ledger import CallLedger

async def main(url, base_url, key):
    client = LLMClient(key, "m1", base_url, on_call=CallLedger(Database(url), "tester"))
    await client.translate_word("Haus", "de", "en")

asyncio.run(main(*sys.argv[1:]))
"""


async def test_a_request_in_flight_when_the_process_dies_is_in_the_ledger(
    sqlite_database: Database, tmp_path: Path
) -> None:
    with FakeLLMServer(slow_s=30) as server:
        server.script("slow")
        argv = [sys.executable, "-c", ONE_CALL, sqlite_database.url, server.base_url]
        child = await asyncio.create_subprocess_exec(*argv, server.api_key, cwd=tmp_path)
        try:
            for _ in range(1500):
                if server.requests or child.returncode is not None:
                    break
                await asyncio.sleep(0.02)
        finally:
            child.send_signal(signal.SIGKILL)
            await child.wait()
        assert server.requests == 1

    [call] = await ledger(sqlite_database)
    assert (call.purpose, call.attempts, call.outcome) == ("translate", 1, IN_FLIGHT)
