"""RateLimitedLLMClient: a breaker that means outage, a fallback model, and pacing without bursts."""

from __future__ import annotations

import asyncio
import warnings

import pytest

from tests.llm_server import FakeLLMServer
from words_tui.infrastructure.llm import (
    CircuitOpen,
    LLMBadOutput,
    LLMClient,
    LLMConfigError,
    LLMUnavailable,
    RateLimitedLLMClient,
)
from words_tui.infrastructure.llm.retry import RetryPolicy

NO_RETRY = RetryPolicy(attempts=1, bad_output_retries=0)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def limited(
    server: FakeLLMServer, clock: FakeClock, retry: RetryPolicy = NO_RETRY, **kwargs: object
) -> RateLimitedLLMClient:
    return RateLimitedLLMClient(
        server.api_key,
        "primary",
        base_url=server.base_url,
        clock=clock,
        retry=retry,
        **kwargs,  # type: ignore[arg-type]
    )


async def fail_times(client: LLMClient, n: int) -> None:
    for _ in range(n):
        with pytest.raises(LLMUnavailable):
            await client.translate_word("Haus", "de", "en")


async def test_the_breaker_opens_after_five_outages_and_then_fails_without_a_request(
    llm_server: FakeLLMServer, clock: FakeClock
) -> None:
    llm_server.script(*["503"] * 5)
    async with limited(llm_server, clock) as client:
        await fail_times(client, 5)
        with pytest.raises(CircuitOpen) as caught:
            await client.translate_word("Haus", "de", "en")

    assert llm_server.requests == 5
    assert isinstance(caught.value, LLMUnavailable)
    assert caught.value.retry_after_s == pytest.approx(60.0)


async def test_client_errors_do_not_count_as_outage(
    llm_server: FakeLLMServer, clock: FakeClock
) -> None:
    llm_server.script(*["503"] * 4, "400", *["503"] * 4, "ok")
    async with limited(llm_server, clock) as client:
        await fail_times(client, 4)
        with pytest.raises(LLMConfigError):
            await client.translate_word("Haus", "de", "en")
        await fail_times(client, 4)
        entry = await client.translate_word("Haus", "de", "en")

    assert entry.translations
    assert client.breaker().closed


async def test_answers_that_cannot_be_read_open_the_breaker_like_an_outage(
    llm_server: FakeLLMServer, clock: FakeClock
) -> None:
    llm_server.set_faults(malformed=1.0)
    async with limited(llm_server, clock) as client:
        for _ in range(5):
            with pytest.raises(LLMBadOutput):
                await client.translate_word("Haus", "de", "en")
        with pytest.raises(CircuitOpen) as caught:
            await client.translate_word("Haus", "de", "en")

    assert llm_server.requests == 5
    assert isinstance(caught.value.last_failure, LLMBadOutput)
    assert "not valid JSON" in str(caught.value)


class TripTheBreakerOnRetry:
    """A retry wait during which another garbled call opens the breaker (threshold 1)."""

    def __init__(self) -> None:
        self.client: LLMClient | None = None
        self.tripped = False

    async def __call__(self, _seconds: float) -> None:
        if not self.tripped and self.client is not None:
            self.tripped = True
            with pytest.raises(LLMBadOutput):
                await self.client.translate_word("Baum", "de", "en")


async def test_a_garbled_answer_whose_retry_finds_the_breaker_open_ends_as_garbled(
    llm_server: FakeLLMServer, clock: FakeClock
) -> None:
    trip = TripTheBreakerOnRetry()
    retry = RetryPolicy(attempts=3, bad_output_retries=1, sleep=trip)
    llm_server.set_faults(malformed=1.0)
    async with limited(llm_server, clock, retry, failure_threshold=1) as client:
        trip.client = client
        with pytest.raises(LLMBadOutput):  # not CircuitOpen: it is no outage
            await client.translate_word("Haus", "de", "en")

    assert client.breaker().opened
    assert [r.words for r in llm_server.records] == [("Haus",), ("Baum",), ("Baum",)]


async def test_after_the_recovery_timeout_one_successful_trial_closes_the_breaker(
    llm_server: FakeLLMServer, clock: FakeClock
) -> None:
    llm_server.script(*["503"] * 5)
    async with limited(llm_server, clock) as client:
        await fail_times(client, 5)
        clock.now += 59.0
        with pytest.raises(CircuitOpen):
            await client.translate_word("Haus", "de", "en")
        clock.now += 1.0
        entry = await client.translate_word("Haus", "de", "en")

    assert entry.translations
    assert client.breaker().closed
    assert llm_server.requests == 6


async def test_a_failed_trial_opens_the_breaker_for_another_period(
    llm_server: FakeLLMServer, clock: FakeClock
) -> None:
    llm_server.script(*["503"] * 6)
    async with limited(llm_server, clock) as client:
        await fail_times(client, 5)
        clock.now += 60.0
        await fail_times(client, 1)
        with pytest.raises(CircuitOpen):
            await client.translate_word("Haus", "de", "en")

    assert llm_server.requests == 6


async def test_while_half_open_only_one_trial_call_reaches_the_server(clock: FakeClock) -> None:
    with FakeLLMServer(latency_s=0.2) as server:
        server.script(*["503"] * 5)
        async with limited(server, clock) as client:
            await fail_times(client, 5)
            clock.now += 60.0
            outcomes = await asyncio.gather(
                *(client.translate_word(w, "de", "en") for w in ("a", "b", "c")),
                return_exceptions=True,
            )

    assert sum(isinstance(o, CircuitOpen) for o in outcomes) == 2
    assert server.requests == 6


async def test_the_fallback_model_is_tried_once_when_the_primary_is_down(
    llm_server: FakeLLMServer, clock: FakeClock
) -> None:
    llm_server.script("503")
    async with limited(llm_server, clock, fallback_model="backup") as client:
        entry = await client.translate_word("Haus", "de", "en")

    assert entry.source == "llm:backup"
    assert [r.model for r in llm_server.records] == ["primary", "backup"]


async def test_with_the_primary_breaker_open_the_fallback_answers_at_once(
    llm_server: FakeLLMServer, clock: FakeClock
) -> None:
    llm_server.script(*["503", "ok"] * 5)
    async with limited(llm_server, clock, fallback_model="backup") as client:
        for _ in range(5):  # the primary fails each time, the backup answers
            await client.translate_word("Haus", "de", "en")
        llm_server.reset_log()
        entry = await client.translate_word("Haus", "de", "en")

    assert [r.model for r in llm_server.records] == ["backup"]
    assert entry.source == "llm:backup"


async def test_pacing_at_the_server_limit_causes_no_rate_limit_answers(clock: FakeClock) -> None:
    with FakeLLMServer(limit_per_second=40) as server:
        async with limited(server, clock, max_concurrent=40, requests_per_minute=2400) as client:
            await asyncio.gather(*(client.translate_word(f"w{i}", "de", "en") for i in range(30)))

    assert server.requests == 30
    assert server.limited == 0


async def test_an_unpaced_burst_trips_the_same_server_limit(fast_retry: RetryPolicy) -> None:
    with FakeLLMServer(limit_per_second=10) as server:
        async with LLMClient(server.api_key, "m", server.base_url, retry=fast_retry) as client:
            await asyncio.gather(
                *(client.translate_word(f"w{i}", "de", "en") for i in range(20)),
                return_exceptions=True,
            )

    assert server.limited > 0


def test_pacing_is_created_per_event_loop(llm_server: FakeLLMServer, clock: FakeClock) -> None:
    client = limited(llm_server, clock, max_concurrent=1)

    async def contended() -> None:
        await asyncio.gather(*(client.translate_word(w, "de", "en") for w in "abc"))
        await client.aclose()

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        asyncio.run(contended())
        asyncio.run(contended())

    assert llm_server.requests == 6
