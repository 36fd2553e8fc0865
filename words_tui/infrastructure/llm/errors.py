"""The LLM core's one small error tree.

Every failure of the openai SDK, of the HTTP transport or of the model's output is translated once,
at the client boundary, into one of these; callers catch `LLMError` (or a subclass) and never see an
SDK type. The original exception stays reachable as `__cause__`. Messages never contain the API key:
`scrub` removes it from any text that came from the outside before it is put into a message.
"""

from __future__ import annotations

from words_tui.errors import Explained


class LLMError(Explained):
    """Something went wrong talking to the LLM; the message says what, in one line (raised with
    a catalogue `key`, `words_tui.i18n.llm_errors`, so a front-end words it in its language).

    `retry_after_s`, when known, says how long to wait before trying again: the server's
    `Retry-After`, or the time until an open circuit breaker lets a trial call through.
    """

    def __init__(
        self,
        message: str = "",
        *,
        retry_after_s: float | None = None,
        key: str | None = None,
        **values: object,
    ) -> None:
        super().__init__(message, key=key, **values)
        self.retry_after_s = retry_after_s


class LLMUnavailable(LLMError):
    """The endpoint is down or unreachable (5xx, timeouts, connection errors, breaker open)."""


class LLMUnreachable(LLMUnavailable):
    """Nothing answers at the endpoint's address: connection refused, unknown host, no route.

    Unlike a server that answers with errors, this rarely mends itself within seconds (a server
    that is not running, a wrong `OPENAI_BASE_URL`): callers try a few times, briefly, and stop.
    """


class CircuitOpen(LLMUnavailable):
    """Refused without a request: the breaker is open after repeated failures.

    `last_failure` is the error that opened it (an outage, or answers that could not be read).
    """

    def __init__(
        self,
        message: str = "",
        *,
        retry_after_s: float | None = None,
        last_failure: LLMError | None = None,
        key: str | None = None,
        **values: object,
    ) -> None:
        super().__init__(message, retry_after_s=retry_after_s, key=key, **values)
        self.last_failure = last_failure


class LLMRateLimited(LLMError):
    """The endpoint kept answering 429 (or asked us to wait longer than we are willing to)."""


class LLMBadOutput(LLMError):
    """The model answered, but not with JSON matching the requested schema."""


class LLMAuthError(LLMError):
    """The API key was rejected (401) or lacks permission (403); retrying cannot help."""


class LLMConfigError(LLMError):
    """The request itself is wrong (400, 404: unknown model, bad base URL, missing key)."""


OUTAGE_ERRORS: tuple[type[LLMError], ...] = (LLMUnavailable, LLMRateLimited)
"""Failures that mean the service is not answering: worth waiting for, never the caller's fault."""

WORD_FAILURES: tuple[str, ...] = (
    "error.llm.missing_word",
    "error.llm.garbled_word",
    "error.llm.no_translation_given",
    "error.llm.no_usable_entry",
    "error.llm.not_json",
    "error.llm.schema",
    "error.llm.top_level",
    "error.llm.empty",
    "error.llm.no_choices",
    "error.llm.refusal",
    "error.llm.not_completion",
)
"""The catalogue keys of why the LLM gave a word no entry: the batch answer skipped or garbled
it (`BatchTranslation.errors`), or the whole answer could not be read (`LLMBadOutput`). Callers
that keep such a reason as English text read it back by these keys (`i18n.said.read_back`)."""

BREAKER_FAILURES: tuple[type[LLMError], ...] = (*OUTAGE_ERRORS, LLMBadOutput)
"""Failures that open the circuit breaker when they repeat: outages, and answers that cannot be
read (a model that garbles every answer is as useless as one that is down, and costs money)."""

REDACTED = "***"


def scrub(text: str, *secrets: str | None) -> str:
    """`text` with every occurrence of each non-empty secret replaced by `***`."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text
