"""Outages are visible and bounded: a dead endpoint stops a job within seconds with one clear line,
garbled answers cost a bounded number of requests and fail word by word, a job that keeps running
in a live process cannot be run twice — with the production retry policy where time matters."""

from __future__ import annotations

import asyncio

import pytest

from tests.llm_fixtures import ClientPool
from tests.llm_server import FakeLLMServer
from words_tui.domain.enums import JobStatus
from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.services.bulk import BulkProgress, BulkState, BulkTranslator, JobBusy
from words_tui.settings import load_settings

WORDS = [f"wort{i}" for i in range(200)]
DEAD_END_LIMIT_S = 30
"""The issue's bound: a dead endpoint is reported within 30 s (it takes about 2 s)."""


def core_for(database: Database, base_url: str, **settings: object) -> Core:
    """A core as the CLI and the notebooks build one: production retries, breaker and limits."""
    return Core(
        database,
        load_settings(
            openai_api_key="sk-test", openai_base_url=base_url, llm_model="m1", **settings
        ),
    )


@pytest.mark.parametrize(
    ("base_url", "why"),
    [
        (f"http://127.0.0.1:{FakeLLMServer().port}/v1", "connection refused"),
        ("http://words-tui-test.invalid/v1", "unknown host"),
    ],
    ids=["refused", "unknown-host"],
)
async def test_a_dead_endpoint_stops_the_job_within_seconds_with_one_clear_line(
    sqlite_database: Database, base_url: str, why: str
) -> None:
    core = core_for(sqlite_database, base_url)
    reports: list[BulkProgress] = []
    async with asyncio.timeout(DEAD_END_LIMIT_S):
        sources = await core.word_sources()
        found = await sources.translate(WORDS[:68], "de", "en", progress=reports.append)
    await core.close()

    result = found.result
    assert result is not None and result.status == JobStatus.PAUSED
    assert result.error.startswith(f"paused: cannot connect to the LLM endpoint {base_url} ({why})")
    assert "\n" not in result.error
    assert sorted(found.pending) == sorted(WORDS[:68]) and not found.failures
    assert (reports[-1].state, reports[-1].reason) == (BulkState.STOPPED, result.error)


async def test_garbled_answers_cost_a_bounded_number_of_requests_and_fail_word_by_word(
    sqlite_database: Database, llm_clients: ClientPool
) -> None:
    with FakeLLMServer() as server:
        server.set_faults(malformed=1.0)
        client = llm_clients.rate_limited(server)  # breaker: 5 failures, 0.2 s recovery
        bulk = BulkTranslator(sqlite_database, client, batch_size=25)
        result = await bulk.run(WORDS, "de", "en")

    assert result.status == JobStatus.DONE and result.entries == {} and result.pending == []
    assert sorted(f.word for f in result.failures) == sorted(WORDS)
    assert all("not valid JSON" in f.reason for f in result.failures)
    batches = len(WORDS) // 25
    assert server.requests <= batches * (2 + 2 * 2)  # batch + one retry; two halves, likewise
    assert client.breaker().failure_count >= 5  # garbled answers opened the breaker


async def test_the_outage_limit_setting_pauses_a_job(
    sqlite_database: Database, llm_server: FakeLLMServer, llm_clients: ClientPool
) -> None:
    llm_server.outage(3600)
    settings = load_settings(llm_outage_limit_s=0.3)
    core = Core(sqlite_database, settings, llm=llm_clients.rate_limited(llm_server))
    found = await (await core.word_sources()).translate(WORDS[:10], "de", "en")

    assert found.result is not None and found.result.status == JobStatus.PAUSED
    assert "has not answered usably for more than 0 s" in found.result.error


async def test_a_job_running_in_a_live_process_cannot_be_run_twice(
    database: Database, llm_clients: ClientPool
) -> None:
    refusals: list[JobBusy] = []
    tried: list[int] = []
    with FakeLLMServer(latency_s=0.05) as server:
        first = BulkTranslator(database, llm_clients.rate_limited(server), batch_size=5)
        second = BulkTranslator(database, llm_clients.rate_limited(server))

        async def resume_meanwhile(progress: BulkProgress) -> None:
            if not tried and progress.state == BulkState.RUNNING:
                tried.append(progress.job_id)
                try:
                    await second.resume(progress.job_id)
                except JobBusy as err:
                    refusals.append(err)

        result = await first.run(WORDS[:20], "de", "en", progress=resume_meanwhile)

    assert result.status == JobStatus.DONE and len(result.entries) == 20
    [refusal] = refusals
    assert f"job {result.job_id} is being translated by another process" in str(refusal)
