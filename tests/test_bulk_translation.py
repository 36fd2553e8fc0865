"""The bulk translation engine (the source chain's LLM end): dedupe, LLM batches, per-item status,
progress, cancel and resume — on real databases against the local LLM server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.llm_fixtures import ClientPool
from tests.llm_server import FakeLLMServer, fake_translation
from words_tui.domain.enums import JobStatus
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import BulkItem
from words_tui.services.bulk import (
    NO_SOURCE,
    TOO_LONG,
    BulkProgress,
    BulkState,
    BulkTranslator,
    in_flight_target,
    unfinished_jobs,
)

WORDS = [f"wort{i}" for i in range(60)]


@pytest.fixture
def make(llm_clients: ClientPool) -> Callable[..., BulkTranslator]:
    """`make(database, server, **options)`: an engine with 10 words per request."""

    def build(database: Database, server: FakeLLMServer, **options: Any) -> BulkTranslator:
        return BulkTranslator(database, llm_clients.rate_limited(server), batch_size=10, **options)

    return build


async def test_every_word_is_translated_once_with_duplicates_merged(
    llm_server: FakeLLMServer, database: Database, make: Callable[..., BulkTranslator]
) -> None:
    result = await make(database, llm_server).run([*WORDS, "WORT1", " wort2 ", ""], "de", "en")

    assert result.status == JobStatus.DONE
    assert result.total == len(WORDS) and result.duplicates == 2
    assert sorted(result.entries) == sorted(WORDS)
    assert result.entry_for("Wort7").translations[0] == fake_translation("wort7", "en")  # type: ignore[union-attr]
    assert result.failures == [] and result.pending == []
    assert sorted(llm_server.requested_words()) == sorted(WORDS)


async def test_words_travel_k_per_request(
    llm_server: FakeLLMServer, database: Database, make: Callable[..., BulkTranslator]
) -> None:
    result = await make(database, llm_server).run(WORDS[:25], "de", "en")

    assert sorted(len(r.words) for r in llm_server.records) == [5, 10, 10]
    assert result.requests == 3


async def test_a_word_missing_from_a_batch_is_retried_alone(
    llm_server: FakeLLMServer, database: Database, make: Callable[..., BulkTranslator]
) -> None:
    llm_server.script("drop_item")
    result = await make(database, llm_server).run(WORDS[:10], "de", "en")

    assert len(result.entries) == 10
    assert [len(r.words) for r in llm_server.records] == [10, 1]


async def test_a_word_that_keeps_failing_is_reported_with_its_reason(
    llm_server: FakeLLMServer, database: Database, make: Callable[..., BulkTranslator]
) -> None:
    llm_server.set_faults(drop_item=1.0)  # every answer lacks its last word
    result = await make(database, llm_server).run(WORDS[:10], "de", "en")

    assert result.status == JobStatus.DONE
    assert len(result.entries) == 9
    [failure] = result.failures
    assert failure.reason == "the model's answer has no usable entry for any of 1 words"
    assert llm_server.requested_words().count(failure.word) == 1 + 2 + 2  # batch, 2 × alone


async def test_a_garbled_batch_is_split_in_halves(
    llm_server: FakeLLMServer, database: Database, make: Callable[..., BulkTranslator]
) -> None:
    llm_server.script("malformed", "malformed")  # the request and the client's one retry
    result = await make(database, llm_server).run(WORDS[:4], "de", "en")

    assert len(result.entries) == 4
    assert [len(r.words) for r in llm_server.records] == [4, 4, 2, 2]


async def test_a_half_garbled_again_fails_its_words_with_the_reason(
    llm_server: FakeLLMServer, database: Database, make: Callable[..., BulkTranslator]
) -> None:
    llm_server.script("malformed", "malformed", "ok", "malformed", "malformed")
    result = await make(database, llm_server, max_in_flight=1).run(WORDS[:4], "de", "en")

    assert sorted(result.entries) == WORDS[:2]
    assert [f.word for f in result.failures] == WORDS[2:4]
    assert all("not valid JSON" in f.reason for f in result.failures)
    assert llm_server.requests == 5


async def test_without_an_llm_every_word_fails_with_a_reason(
    database: Database,
) -> None:
    result = await BulkTranslator(database, None).run(["Haus", "Baum"], "de", "en")

    assert [(f.word, f.reason) for f in result.failures] == [
        ("Haus", NO_SOURCE),
        ("Baum", NO_SOURCE),
    ]


async def test_an_overlong_word_is_reported_not_dropped(
    llm_server: FakeLLMServer, database: Database, make: Callable[..., BulkTranslator]
) -> None:
    result = await make(database, llm_server).run(["Haus", "x" * 300], "de", "en")

    assert list(result.entries) == ["Haus"]
    assert [f.reason for f in result.failures] == [TOO_LONG]


async def test_progress_reports_counts_tokens_and_cost(
    llm_server: FakeLLMServer, database: Database, make: Callable[..., BulkTranslator]
) -> None:
    reports: list[BulkProgress] = []
    bulk = make(database, llm_server, prices={"m1": (1.0, 2.0)})

    await bulk.run(WORDS, "de", "en", progress=reports.append)

    assert [r.done for r in reports] == sorted(r.done for r in reports)
    last = reports[-1]
    assert (last.done, last.failed, last.total, last.fraction) == (60, 0, 60, 1.0)
    assert last.prompt_tokens > 0 and last.completion_tokens > 0
    expected = (last.prompt_tokens * 1.0 + last.completion_tokens * 2.0) / 1e6
    assert last.cost_usd == pytest.approx(expected)
    assert last.requests == 6


async def test_a_rejected_key_stops_the_job_and_a_resume_finishes_it(
    llm_server: FakeLLMServer,
    database: Database,
    make: Callable[..., BulkTranslator],
    llm_clients: ClientPool,
) -> None:
    rejected = BulkTranslator(database, llm_clients.rate_limited(llm_server, "sk-wrong"))
    stopped = await rejected.run(WORDS, "de", "en")

    assert stopped.status == JobStatus.FAILED
    assert "API key was rejected" in stopped.error
    assert sorted(stopped.pending) == sorted(WORDS)
    [job] = await unfinished_jobs(database)
    assert (job.id, job.status, job.pending, job.resumable) == (
        stopped.job_id,
        JobStatus.FAILED,
        len(WORDS),
        True,
    )
    assert "API key was rejected" in job.reason

    finished = await make(database, llm_server).resume(stopped.job_id)

    assert finished.status == JobStatus.DONE and len(finished.entries) == len(WORDS)


async def test_cancel_leaves_the_rest_pending_and_resume_does_not_pay_twice(
    database: Database, make: Callable[..., BulkTranslator], llm_clients: ClientPool
) -> None:
    with FakeLLMServer(latency_s=0.05) as server:
        slow = llm_clients.rate_limited(server, requests_per_minute=600)  # a request every 0.1 s
        bulk = BulkTranslator(database, slow, batch_size=10)

        def cancel_at_first_report(progress: BulkProgress) -> None:
            if progress.done:
                bulk.cancel()

        cancelled = await bulk.run(WORDS, "de", "en", progress=cancel_at_first_report)
        assert cancelled.status == JobStatus.CANCELLED
        assert cancelled.pending and cancelled.entries
        server.reset_log()

        resumed = await make(database, server).resume(cancelled.job_id)

    assert resumed.status == JobStatus.DONE and len(resumed.entries) == len(WORDS)
    assert not set(server.requested_words()) & set(cancelled.entries)


async def test_a_long_outage_pauses_the_job_resumably_and_says_so(
    llm_server: FakeLLMServer, database: Database, make: Callable[..., BulkTranslator]
) -> None:
    llm_server.outage(3600)
    reports: list[BulkProgress] = []
    bulk = make(database, llm_server, give_up_after_s=0.3)

    result = await bulk.run(WORDS[:20], "de", "en", progress=reports.append)

    assert result.status == JobStatus.PAUSED
    assert result.error.startswith("paused: the LLM has not answered usably for more than 0 s")
    assert "HTTP 503" in result.error and "resume the job when it is back" in result.error
    assert result.failures == [] and len(result.pending) == 20
    assert (reports[-1].state, reports[-1].reason) == (BulkState.STOPPED, result.error)
    [job] = await unfinished_jobs(database)
    assert (job.status, job.reason, job.resumable) == (JobStatus.PAUSED, result.error, True)


async def test_while_the_endpoint_is_down_progress_says_waiting_since_when_and_why(
    llm_server: FakeLLMServer, database: Database, make: Callable[..., BulkTranslator]
) -> None:
    # Down for a number of requests, not for a while: a loaded machine that reached its first
    # request after a clock-based outage had ended met a single 503, which the client's retries
    # hid, so nothing ever waited. 15 = 5 calls of 3 attempts, which opens the breaker (5
    # failures) as a quiet machine did in the 0.5 s this test used to give the outage.
    llm_server.outage(seconds=0, at_least=15)
    reports: list[BulkProgress] = []
    result = await make(database, llm_server).run(WORDS[:10], "de", "en", progress=reports.append)

    waiting = [r for r in reports if r.state == BulkState.WAITING]
    assert waiting and all("HTTP 503" in r.reason for r in waiting)
    assert len({r.since for r in waiting}) == 1 and waiting[0].since is not None
    assert [r.state for r in reports[-2:]] == [BulkState.RUNNING, BulkState.DONE]
    assert result.status == JobStatus.DONE and len(result.entries) == 10
    assert llm_server.served["outage"] == 15


async def test_each_word_is_stored_once_per_job(
    llm_server: FakeLLMServer, database: Database, make: Callable[..., BulkTranslator]
) -> None:
    result = await make(database, llm_server).run([*WORDS, *WORDS], "de", "en")

    async with database.session() as session:
        count = await session.scalar(
            select(func.count()).select_from(BulkItem).where(BulkItem.job_id == result.job_id)  # type: ignore[arg-type]
        )
    assert count == len(WORDS)


@pytest.mark.parametrize(
    ("rpm", "latency", "expected"),
    [(600, 1.0, 11), (600, None, 22), (60_000, 5.0, 64), (None, 1.0, 64)],
)
def test_in_flight_follows_littles_law(
    rpm: float | None, latency: float | None, expected: int
) -> None:
    assert in_flight_target(rpm, latency, cap=64) == expected


async def test_resume_can_give_failed_words_another_chance(
    llm_server: FakeLLMServer, database: Database, make: Callable[..., BulkTranslator]
) -> None:
    llm_server.set_faults(drop_item=1.0)
    first = await make(database, llm_server).run(WORDS[:10], "de", "en")
    assert len(first.failures) == 1
    llm_server.set_faults()
    llm_server.reset_log()

    again = await make(database, llm_server).resume(first.job_id, retry_failed=True)

    assert again.failures == [] and len(again.entries) == 10
    assert llm_server.requested_words() == [first.failures[0].word]
