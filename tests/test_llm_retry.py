"""One retry layer, clear errors, and an API key that never leaks — against real HTTP faults."""

from __future__ import annotations

import logging
import traceback

import pytest

from tests.llm_fixtures import RecordedSleep
from tests.llm_server import FakeLLMServer
from words_tui.infrastructure.llm import (
    LLMAuthError,
    LLMBadOutput,
    LLMClient,
    LLMConfigError,
    LLMError,
    LLMRateLimited,
    LLMUnavailable,
    LLMUnreachable,
)
from words_tui.infrastructure.llm.retry import RetryPolicy


def client_for(server: FakeLLMServer, retry: RetryPolicy, **kwargs: float) -> LLMClient:
    return LLMClient(server.api_key, "test-model", server.base_url, retry=retry, **kwargs)


@pytest.mark.parametrize("fault", ["429", "500", "503", "reset", "malformed", "off_schema"])
async def test_a_transient_fault_is_retried_and_the_call_succeeds(
    llm_server: FakeLLMServer, fast_retry: RetryPolicy, fault: str
) -> None:
    llm_server.script(fault)
    async with client_for(llm_server, fast_retry) as client:
        entry = await client.translate_word("Haus", "de", "en")

    assert entry.translations
    assert llm_server.requests == 2


@pytest.mark.parametrize("fault", ["429", "500", "503", "reset"])
async def test_a_persistent_outage_stops_after_three_http_attempts(
    llm_server: FakeLLMServer, fast_retry: RetryPolicy, fault: str
) -> None:
    llm_server.script(fault, fault, fault, fault)
    expected = LLMRateLimited if fault == "429" else LLMUnavailable
    async with client_for(llm_server, fast_retry) as client:
        with pytest.raises(expected):
            await client.translate_word("Haus", "de", "en")

    assert llm_server.requests == 3


@pytest.mark.parametrize(
    ("fault", "error", "message"),
    [
        ("400", LLMConfigError, "refused the request \\(HTTP 400\\)"),
        ("401", LLMAuthError, "the API key was rejected"),
        ("403", LLMAuthError, "may not use model 'test-model'"),
        ("404", LLMConfigError, "model 'test-model' or the endpoint was not found"),
    ],
)
async def test_a_client_error_is_raised_at_once_with_a_clear_message(
    llm_server: FakeLLMServer,
    fast_retry: RetryPolicy,
    fault: str,
    error: type[LLMError],
    message: str,
) -> None:
    llm_server.script(fault)
    async with client_for(llm_server, fast_retry) as client:
        with pytest.raises(error, match=message):
            await client.translate_word("Haus", "de", "en")

    assert llm_server.requests == 1


async def test_a_garbled_answer_is_retried_only_once(
    llm_server: FakeLLMServer, fast_retry: RetryPolicy
) -> None:
    llm_server.script("malformed", "off_schema", "ok")
    async with client_for(llm_server, fast_retry) as client:
        with pytest.raises(LLMBadOutput, match="does not match the schema"):
            await client.translate_word("Haus", "de", "en")

    assert llm_server.requests == 2


async def test_retry_after_is_honoured(
    llm_server: FakeLLMServer, fast_retry: RetryPolicy, recorded_sleep: RecordedSleep
) -> None:
    llm_server.script("429")
    async with client_for(llm_server, fast_retry) as client:
        await client.translate_word("Haus", "de", "en")

    assert recorded_sleep.waits == [pytest.approx(0.05)]


async def test_without_retry_after_the_backoff_grows_from_two_to_ten_seconds(
    llm_server: FakeLLMServer, fast_retry: RetryPolicy, recorded_sleep: RecordedSleep
) -> None:
    llm_server.script("500", "500")
    async with client_for(llm_server, fast_retry) as client:
        await client.translate_word("Haus", "de", "en")

    first, second = recorded_sleep.waits
    assert 2.0 <= first <= 3.0
    assert 4.0 <= second <= 5.0


async def test_a_retry_after_beyond_the_cap_is_not_waited_for(
    recorded_sleep: RecordedSleep,
) -> None:
    with FakeLLMServer(retry_after_s=600) as server:
        server.script("429")
        async with client_for(server, RetryPolicy(sleep=recorded_sleep)) as client:
            with pytest.raises(LLMRateLimited) as caught:
                await client.translate_word("Haus", "de", "en")

    assert caught.value.retry_after_s == pytest.approx(600)
    assert server.requests == 1
    assert recorded_sleep.waits == []


async def test_a_slow_server_times_out_and_is_retried(fast_retry: RetryPolicy) -> None:
    with FakeLLMServer(slow_s=1.0) as server:
        server.script("slow", "slow", "slow")
        async with client_for(server, fast_retry, timeout_s=0.1) as client:
            with pytest.raises(LLMUnavailable, match="did not answer in time"):
                await client.translate_word("Haus", "de", "en")

    assert server.requests == 3


async def test_a_stopped_server_is_tried_briefly_and_reported_as_unreachable(
    llm_server: FakeLLMServer, fast_retry: RetryPolicy, recorded_sleep: RecordedSleep
) -> None:
    async with client_for(llm_server, fast_retry) as client:
        await client.translate_word("Haus", "de", "en")
        llm_server.stop()
        with pytest.raises(LLMUnreachable) as caught:
            await client.translate_word("Baum", "de", "en")
        llm_server.start()
        entry = await client.translate_word("Katze", "de", "en")

    assert str(caught.value) == (
        f"cannot connect to the LLM endpoint {llm_server.base_url} (connection refused): "
        "is the server running, and is OPENAI_BASE_URL right?"
    )
    assert recorded_sleep.waits == [0.5, 1.0]  # three short attempts, not the 2–10 s backoff
    assert entry.translations


async def test_a_connection_cut_mid_answer_is_an_outage_not_an_unreachable_endpoint(
    llm_server: FakeLLMServer, fast_retry: RetryPolicy
) -> None:
    llm_server.script("reset", "reset", "reset")
    async with client_for(llm_server, fast_retry) as client:
        with pytest.raises(LLMUnavailable, match="the connection broke") as caught:
            await client.translate_word("Haus", "de", "en")

    assert not isinstance(caught.value, LLMUnreachable)


async def test_the_api_key_appears_in_no_error_and_no_log_line(
    llm_server: FakeLLMServer, fast_retry: RetryPolicy, caplog: pytest.LogCaptureFixture
) -> None:
    """The server echoes the wrong key back, as some proxies do; we must not pass it on."""
    secret = "sk-live-this-must-never-leak-42"
    caplog.set_level(logging.DEBUG)
    client = LLMClient(secret, "test-model", llm_server.base_url, retry=fast_retry)
    with pytest.raises(LLMAuthError) as caught:
        await client.translate_word("Haus", "de", "en")
    await client.aclose()

    rendered = "".join(traceback.format_exception(caught.value))
    assert secret not in rendered
    assert secret not in repr(caught.value.__cause__)
    assert secret not in caplog.text
    assert secret not in repr(client)
