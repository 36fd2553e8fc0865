"""The one place where openai SDK exceptions become the project's `LLMError` tree.

Which errors are worth retrying is decided here by type: 408, 409, 429, 5xx, timeouts and
dropped connections become `LLMUnavailable`/`LLMRateLimited` (transient); a connection that could
not even be opened (refused, unknown host) becomes `LLMUnreachable`; 400/401/403/404 become
`LLMAuthError`/`LLMConfigError` with a message that says what to fix. Server-supplied text is
scrubbed of the API key before it is quoted.
"""

from __future__ import annotations

import email.utils
import json
import socket
import time

import openai

from words_tui.i18n.said import Said
from words_tui.infrastructure.llm.errors import (
    LLMAuthError,
    LLMBadOutput,
    LLMConfigError,
    LLMError,
    LLMRateLimited,
    LLMUnavailable,
    LLMUnreachable,
    scrub,
)

TRANSIENT_STATUS = frozenset({408, 409, 429})
MAX_QUOTED_CHARS = 200
UNKNOWN_HOST = "unknown host"


def retry_after_s(headers: object) -> float | None:
    """Seconds the server asks us to wait: `retry-after-ms`, `retry-after` (seconds or a date)."""
    get = getattr(headers, "get", None)
    if get is None:
        return None
    for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = get(name)
        if value is None:
            continue
        try:
            return max(0.0, float(value) / divisor)
        except ValueError:
            pass
    raw = get("retry-after")
    if raw:
        parsed = email.utils.parsedate_tz(raw)
        if parsed is not None:
            return max(0.0, email.utils.mktime_tz(parsed) - time.time())
    return None


def _quoted(err: openai.APIError, api_key: str | None) -> str:
    message = " ".join(scrub(str(err.message), api_key).split())
    return message[:MAX_QUOTED_CHARS]


def redact(err: BaseException, api_key: str | None) -> None:
    """Remove the key from an SDK exception kept as `__cause__` (some servers echo the key)."""
    if not api_key:
        return
    err.args = tuple(scrub(a, api_key) if isinstance(a, str) else a for a in err.args)
    if isinstance(err, openai.APIError):
        err.message = scrub(err.message, api_key)
        if err.body is not None:
            err.body = json.loads(scrub(json.dumps(err.body, default=str), api_key))


def translate_error(
    err: openai.OpenAIError, *, endpoint: str, model: str, api_key: str | None
) -> LLMError:
    """The project error for an SDK error (whose text is redacted); raise it `from err`."""
    redact(err, api_key)
    if isinstance(err, openai.APITimeoutError):
        return LLMUnavailable(key="error.llm.timeout", endpoint=endpoint)
    if isinstance(err, openai.APIConnectionError):
        why = _connect_failure(err)
        if why is not None:
            advice = Said(
                "error.llm.advice.base_url" if why == UNKNOWN_HOST else "error.llm.advice.server"
            )
            return LLMUnreachable(
                key="error.llm.unreachable", endpoint=endpoint, why=why, advice=advice
            )
        return LLMUnavailable(key="error.llm.broken", endpoint=endpoint)
    if isinstance(err, openai.APIResponseValidationError):
        return LLMBadOutput(key="error.llm.not_completion", endpoint=endpoint)
    if isinstance(err, openai.APIStatusError):
        return _from_status(err, endpoint=endpoint, model=model, api_key=api_key)
    return LLMConfigError(key="error.llm.misconfigured", problem=scrub(str(err), api_key))


def _connect_failure(err: BaseException) -> str | None:
    """Why no connection could be opened ('connection refused', 'unknown host'), or None when
    the failure came later (a connection reset or closed mid-answer).

    The SDK's transport is httpx (or its successor httpx2, depending on the SDK version); both
    raise a `ConnectError` when the connection cannot be opened, so it is recognised by name.
    """
    chain: list[BaseException] = []
    cause: BaseException | None = err.__cause__
    while cause is not None and len(chain) < 8:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    if not any(type(c).__name__ == "ConnectError" for c in chain):
        return None
    if any(isinstance(c, socket.gaierror) for c in chain):
        return Said("error.llm.why.unknown_host")
    if any(isinstance(c, ConnectionRefusedError) for c in chain):
        return Said("error.llm.why.refused")
    return Said("error.llm.why.no_route")


def _from_status(
    err: openai.APIStatusError, *, endpoint: str, model: str, api_key: str | None
) -> LLMError:
    status = err.status_code
    hint = retry_after_s(err.response.headers)
    detail = _quoted(err, api_key)
    if status == 429:
        return LLMRateLimited(
            retry_after_s=hint, key="error.llm.rate_limited", endpoint=endpoint, detail=detail
        )
    if status >= 500 or status in TRANSIENT_STATUS:
        return LLMUnavailable(
            retry_after_s=hint,
            key="error.llm.failed",
            endpoint=endpoint,
            status=str(status),
            detail=detail,
        )
    if status == 401:
        return LLMAuthError(key="error.llm.key_rejected", endpoint=endpoint)
    if status == 403:
        return LLMAuthError(
            key="error.llm.model_forbidden", model=model, endpoint=endpoint, detail=detail
        )
    if status == 404:
        return LLMConfigError(key="error.llm.not_found", model=model, endpoint=endpoint)
    return LLMConfigError(
        key="error.llm.refused", endpoint=endpoint, status=str(status), detail=detail
    )
