"""`LLMClient`: dictionary entries, batches of them, and the answer judge over any
OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, LM Studio, vLLM, OpenRouter).

Each public method is one *logical call*: up to three HTTP attempts (see `retry.py`), a reply
validated against a pydantic schema sent as `response_format`, and one `CallRecord` shown to the
`on_call` observer (the cost ledger) before every HTTP attempt and once more when the call ends. `RateLimitedLLMClient` adds pacing, a breaker and a fallback
model by overriding `_send` (one HTTP attempt) and `_call` (one logical call).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast

import openai
from pydantic import BaseModel, SecretStr

from words_tui.domain.entries import WordEntry
from words_tui.domain.text import clean_text, word_key
from words_tui.i18n.said import Said
from words_tui.infrastructure.db.types import utcnow
from words_tui.infrastructure.llm import prompts, schemas
from words_tui.infrastructure.llm.errors import (
    CircuitOpen,
    LLMAuthError,
    LLMBadOutput,
    LLMConfigError,
    LLMError,
    LLMRateLimited,
    LLMUnavailable,
    scrub,
)
from words_tui.infrastructure.llm.loop_local import LoopLocal
from words_tui.infrastructure.llm.openai_errors import translate_error
from words_tui.infrastructure.llm.results import (
    BatchTranslation,
    CallObserver,
    CallRecord,
    Judgement,
    Reply,
    Usage,
)
from words_tui.infrastructure.llm.retry import RetryPolicy, retrying

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletion, ChatCompletionMessageParam
    from openai.types.shared_params import ResponseFormatJSONSchema

log = logging.getLogger("words_tui.llm")

DEFAULT_ENDPOINT = "https://api.openai.com/v1"
LOCAL_PLACEHOLDER_KEY = "not-needed"
"""Sent to keyless local servers (Ollama, LM Studio), which ignore it; the SDK insists on one."""

CANCELLED = "cancelled"
LATENCY_SMOOTHING = 0.2
"""Weight of the newest sample in the moving average of request latency."""

Output = TypeVar("Output", bound=BaseModel)
T = TypeVar("T")

_OUTCOMES: tuple[tuple[type[LLMError], str], ...] = (
    (CircuitOpen, "circuit_open"),
    (LLMRateLimited, "rate_limited"),
    (LLMUnavailable, "unavailable"),
    (LLMBadOutput, "bad_output"),
    (LLMAuthError, "auth_error"),
    (LLMConfigError, "config_error"),
)


def outcome_of(err: LLMError) -> str:
    """The ledger's short name for how a call ended."""
    return next((name for kind, name in _OUTCOMES if isinstance(err, kind)), "error")


@dataclass(frozen=True)
class CallSpec(Generic[Output, T]):
    """What one logical call asks: the messages, the schema of the answer, and how to turn the
    validated answer (and the model that gave it) into the result."""

    purpose: str
    messages: prompts.Messages
    output: type[Output]
    schema_name: str
    convert: Callable[[Output, str], T]


class LLMClient:
    """Typed LLM calls with one retry layer, structured outputs and clear errors."""

    requests_per_minute: float | None = None
    """The request rate this client paces itself to (None: no pacing)."""
    observed_latency_s: float | None = None
    """Smoothed duration of successful HTTP attempts (pacing waits excluded); None until one."""

    def __init__(
        self,
        api_key: str | SecretStr | None,
        model: str,
        base_url: str | None = None,
        *,
        timeout_s: float = 30.0,
        retry: RetryPolicy | None = None,
        on_call: CallObserver | None = None,
    ) -> None:
        key = api_key.get_secret_value() if isinstance(api_key, SecretStr) else api_key
        if not key and not base_url:
            raise LLMConfigError(key="error.llm.no_key")
        if not model:
            raise LLMConfigError(key="error.llm.no_model")
        self.model = model
        self.endpoint = (base_url or DEFAULT_ENDPOINT).rstrip("/")
        self._key = key or LOCAL_PLACEHOLDER_KEY
        self._base_url = base_url
        self._timeout_s = timeout_s
        self._retry = retry or RetryPolicy()
        self._on_call = on_call
        self._openai: LoopLocal[openai.AsyncOpenAI] = LoopLocal(self._new_openai)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(model={self.model!r}, endpoint={self.endpoint!r})"

    def _new_openai(self) -> openai.AsyncOpenAI:
        return openai.AsyncOpenAI(
            api_key=self._key,
            base_url=self._base_url,
            timeout=self._timeout_s,
            max_retries=0,
            http_client=self._http_client(),
        )

    def _http_client(self) -> openai.DefaultAsyncHttpxClient | None:
        """The SDK's HTTP client, or None for its default (a subclass paces requests here)."""
        return None

    async def aclose(self) -> None:
        """Close this event loop's HTTP connections (other loops' close with their loops)."""
        client = self._openai.pop()
        if client is not None:
            await client.close()

    async def __aenter__(self) -> LLMClient:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.aclose()

    # -- the three services -------------------------------------------------------------------

    async def translate_word(self, word: str, source_lang: str, target_lang: str) -> WordEntry:
        """A dictionary entry for `word`: meanings in order, examples, word forms."""
        word = _checked_word(word)

        def convert(out: schemas.EntryOut, model: str) -> WordEntry:
            try:
                return out.to_entry(word, source_lang, target_lang, model)
            except ValueError as err:
                raise LLMBadOutput(key="error.llm.unusable_entry", problem=str(err)) from err

        messages = prompts.translate_messages(word, source_lang, target_lang)
        spec = CallSpec("translate", messages, schemas.EntryOut, schemas.ENTRY_SCHEMA_NAME, convert)
        return (await self._call(spec)).value

    async def translate_batch(
        self, words: Sequence[str], source_lang: str, target_lang: str
    ) -> BatchTranslation:
        """Entries for several words in one request; a word the model skipped or garbled gets a
        reason in `errors` instead (retry it alone). Raises only when the whole request failed."""
        first_spelling: dict[str, str] = {}
        for word in words:
            if word_key(word):
                first_spelling.setdefault(word_key(word), clean_text(word))
        unique = list(first_spelling.values())
        if not unique:
            return BatchTranslation(entries={}, errors={})

        def convert(out: schemas.EntriesOut, model: str) -> BatchTranslation:
            return _map_batch(out, unique, source_lang, target_lang, model)

        messages = prompts.translate_batch_messages(unique, source_lang, target_lang)
        reply = await self._call(
            CallSpec(
                "translate_batch",
                messages,
                schemas.EntriesOut,
                schemas.ENTRIES_SCHEMA_NAME,
                convert,
            )
        )
        value = reply.value
        return BatchTranslation(
            entries=value.entries,
            errors=value.errors,
            model=reply.model,
            usage=reply.usage,
            attempts=reply.attempts,
        )

    async def validate_answer(
        self,
        question: str,
        expected_answer: str,
        user_answer: str,
        source_lang: str,
        target_lang: str,
    ) -> Judgement:
        """Whether `user_answer` is an acceptable translation of `question`, with a comment."""

        def convert(out: schemas.JudgementOut, model: str) -> Judgement:
            comment = " ".join(out.comment.split())[: schemas.MAX_COMMENT_CHARS]
            return Judgement(is_correct=out.is_correct, comment=comment, model=model)

        messages = prompts.judge_messages(
            question, expected_answer, user_answer, source_lang, target_lang
        )
        spec = CallSpec(
            "judge", messages, schemas.JudgementOut, schemas.JUDGEMENT_SCHEMA_NAME, convert
        )
        return (await self._call(spec)).value

    # -- one logical call ---------------------------------------------------------------------

    async def _call(self, spec: CallSpec[Any, T]) -> Reply[T]:
        """One logical call on the primary model (subclasses add a fallback)."""
        return await self._call_model(self.model, spec)

    async def _call_model(self, model: str, spec: CallSpec[Any, T]) -> Reply[T]:
        response_format = schemas.response_format(spec.output, spec.schema_name)
        started = time.monotonic()
        record = CallRecord(at=utcnow(), model=model, purpose=spec.purpose)
        garbled: LLMBadOutput | None = None
        try:
            async for attempt in retrying(self._retry):
                with attempt:
                    try:
                        completion = await self._send(model, spec.messages, response_format, record)
                        record.usage += _usage_of(completion)
                        parsed = schemas.parse_output(spec.output, _content_of(completion))
                        value = spec.convert(parsed, model)
                    except LLMBadOutput as err:
                        garbled = err
                        raise
        except LLMError as err:
            if isinstance(err, CircuitOpen) and garbled is not None:
                err = garbled  # the breaker opened while a garbled answer was being retried
            await self._ended(record, started, outcome_of(err), err)
            raise err
        except asyncio.CancelledError:  # the request may have been served (and billed)
            await asyncio.shield(self._ended(record, started, CANCELLED, None))
            raise
        await self._ended(record, started, "ok", None)
        return Reply(value=value, model=model, usage=record.usage, attempts=record.attempts)

    async def _send(
        self,
        model: str,
        messages: prompts.Messages,
        response_format: dict[str, Any],
        record: CallRecord,
    ) -> ChatCompletion:
        """One HTTP attempt, recorded as sent before it goes; SDK errors leave as `LLMError`."""
        client = self._openai.get()
        record.attempts += 1
        await self._observe("sent", record)
        started = time.monotonic()
        try:
            completion: ChatCompletion = await client.chat.completions.create(
                model=model,
                messages=cast("list[ChatCompletionMessageParam]", messages),
                response_format=cast("ResponseFormatJSONSchema", response_format),
            )
            self._observe_latency(time.monotonic() - started)
            return completion
        except openai.OpenAIError as err:
            raise translate_error(
                err, endpoint=self.endpoint, model=model, api_key=self._key
            ) from err

    def _observe_latency(self, seconds: float) -> None:
        previous = self.observed_latency_s
        self.observed_latency_s = (
            seconds if previous is None else previous + LATENCY_SMOOTHING * (seconds - previous)
        )

    async def _ended(
        self, record: CallRecord, started: float, outcome: str, err: LLMError | None
    ) -> None:
        record.latency_ms = round((time.monotonic() - started) * 1000)
        record.outcome = outcome
        record.error = scrub(str(err), self._key) if err is not None else ""
        log.info(
            "llm call purpose=%s model=%s outcome=%s attempts=%d latency_ms=%d tokens=%d",
            record.purpose,
            record.model,
            outcome,
            record.attempts,
            record.latency_ms,
            record.usage.total,
            extra={
                "llm_purpose": record.purpose,
                "llm_model": record.model,
                "llm_outcome": outcome,
            },
        )
        if record.attempts:
            await self._observe("ended", record)

    async def _observe(self, event: Literal["sent", "ended"], record: CallRecord) -> None:
        """Tell the observer (the ledger); its failure must never break a translation."""
        if self._on_call is None:
            return
        try:
            if event == "sent":
                await self._on_call.sent(record)
            else:
                await self._on_call.ended(record)
        except Exception:
            log.warning("could not record an LLM call in the ledger", exc_info=True)


def _checked_word(word: str) -> str:
    cleaned = clean_text(word)
    if not cleaned:
        raise ValueError("cannot translate an empty word")
    return cleaned


def _content_of(completion: ChatCompletion) -> str | None:
    if not completion.choices:
        raise LLMBadOutput(key="error.llm.no_choices")
    message = completion.choices[0].message
    refusal = getattr(message, "refusal", None)
    if refusal:
        raise LLMBadOutput(key="error.llm.refusal", refusal=" ".join(str(refusal).split())[:200])
    return message.content


def _usage_of(completion: ChatCompletion) -> Usage:
    usage = completion.usage
    if usage is None:
        return Usage()
    return Usage(usage.prompt_tokens or 0, usage.completion_tokens or 0)


def _map_batch(
    out: schemas.EntriesOut, words: list[str], source_lang: str, target_lang: str, model: str
) -> BatchTranslation:
    answered = out.by_word()
    entries: dict[str, WordEntry] = {}
    errors: dict[str, str] = {}
    for word in words:
        item = answered.get(word_key(word))
        if item is None:
            errors[word] = Said("error.llm.missing_word")
            continue
        try:
            entries[word] = item.to_entry(word, source_lang, target_lang, model)
        except ValueError as err:
            errors[word] = Said("error.llm.garbled_word", problem=str(err))
    if not entries:
        raise LLMBadOutput(key="error.llm.no_usable_entry", count=len(words))
    return BatchTranslation(entries=entries, errors=errors, model=model)
