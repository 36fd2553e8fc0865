"""Database caches of translations and judgements, and coalescing of identical concurrent calls.

A cache key covers everything that shapes the answer: the normalised input, the languages, the
model asked and `PROMPT_VERSION`. A hit makes no call; failures are never cached. Two lessons (or
a lesson and a notebook) asking the same thing at the same moment share one call.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col

from words_tui.domain.entries import WordEntry
from words_tui.domain.text import clean_text, word_key
from words_tui.infrastructure.db.bulk import chunks, insert_ignoring_conflicts
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import TranslationCache, ValidationCache
from words_tui.infrastructure.db.types import utcnow
from words_tui.infrastructure.llm.loop_local import LoopLocal
from words_tui.infrastructure.llm.prompts import PROMPT_VERSION
from words_tui.infrastructure.llm.protocols import LLMService
from words_tui.infrastructure.llm.results import BatchTranslation, Judgement

T = TypeVar("T")


def _digest(*parts: str) -> str:
    return hashlib.sha256(json.dumps([PROMPT_VERSION, *parts]).encode()).hexdigest()


def translation_key(word: str, source_lang: str, target_lang: str, model: str) -> str:
    return _digest("translate", model, source_lang, target_lang, word_key(word))


def validation_key(
    question: str,
    expected_answer: str,
    user_answer: str,
    source_lang: str,
    target_lang: str,
    model: str,
) -> str:
    answer = " ".join(user_answer.casefold().split())
    return _digest(
        "judge",
        model,
        source_lang,
        target_lang,
        clean_text(question),
        clean_text(expected_answer),
        answer,
    )


async def insert_ignoring_duplicates(
    database: Database, table: type[SQLModel], rows: Sequence[dict[str, Any]]
) -> None:
    """Insert rows, silently skipping those whose unique key exists (another writer won)."""
    if rows:
        async with database.session() as session:
            await insert_ignoring_conflicts(session, table, rows)


class TranslationCacheStore:
    """Cached entries of one model, looked up and stored in bulk."""

    def __init__(self, database: Database, model: str) -> None:
        self._database = database
        self.model = model

    async def get_many(
        self, words: Iterable[str], source_lang: str, target_lang: str
    ) -> dict[str, WordEntry]:
        """Cached entries by the word as given; words without an entry are absent."""
        by_key = {translation_key(w, source_lang, target_lang, self.model): w for w in words}
        keys = list(by_key)
        found: dict[str, WordEntry] = {}
        async with self._database.session() as session:
            for chunk in chunks(keys):
                query = select(col(TranslationCache.key), col(TranslationCache.payload)).where(
                    col(TranslationCache.key).in_(chunk)
                )
                for key, payload in await session.execute(query):
                    found[by_key[key]] = WordEntry.model_validate(payload)
        return found

    async def put_many(self, entries: Iterable[WordEntry]) -> None:
        async with self._database.session() as session:
            await self.put_many_in(session, entries)

    async def put_many_in(self, session: AsyncSession, entries: Iterable[WordEntry]) -> None:
        """`put_many` within the caller's transaction."""
        now = utcnow()
        rows = [
            {
                "key": translation_key(e.word, e.source_lang, e.target_lang, self.model),
                "word": e.word[:200],
                "source_lang": e.source_lang,
                "target_lang": e.target_lang,
                "model": self.model,
                "prompt_version": PROMPT_VERSION,
                "payload": e.model_dump(mode="json"),
                "created_at": now,
            }
            for e in entries
        ]
        await insert_ignoring_conflicts(session, TranslationCache, rows)


class Coalescer:
    """Runs one call per key at a time; concurrent callers with the same key share its result."""

    def __init__(self) -> None:
        self._running: LoopLocal[dict[str, asyncio.Future[Any]]] = LoopLocal(dict)

    async def run(self, key: str, call: Callable[[], Awaitable[T]]) -> T:
        running = self._running.get()
        future = running.get(key)
        if future is None:
            future = asyncio.ensure_future(call())
            running[key] = future
            future.add_done_callback(lambda done: _forget(running, key, done))
        result: T = await asyncio.shield(future)
        return result


def _forget(running: dict[str, asyncio.Future[Any]], key: str, done: asyncio.Future[Any]) -> None:
    running.pop(key, None)
    if not done.cancelled():
        done.exception()  # retrieved here so an unawaited failure is not reported as lost


class CachingLLMClient:
    """`translate_word` and `validate_answer` through the database cache, coalesced.

    `translate_batch` passes straight through: the bulk engine manages the cache itself (it looks
    words up in bulk before deciding what to send).
    """

    def __init__(self, llm: LLMService, database: Database) -> None:
        self.llm = llm
        self._database = database
        self.translations = TranslationCacheStore(database, llm.model)
        self._coalescer = Coalescer()

    @property
    def model(self) -> str:
        return self.llm.model

    @property
    def requests_per_minute(self) -> float | None:
        return self.llm.requests_per_minute

    @property
    def observed_latency_s(self) -> float | None:
        return self.llm.observed_latency_s

    async def aclose(self) -> None:
        await self.llm.aclose()

    async def __aenter__(self) -> CachingLLMClient:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.aclose()

    async def translate_word(self, word: str, source_lang: str, target_lang: str) -> WordEntry:
        key = translation_key(word, source_lang, target_lang, self.model)

        async def lookup_or_call() -> WordEntry:
            cached = await self.translations.get_many([word], source_lang, target_lang)
            if word in cached:
                return cached[word]
            entry = await self.llm.translate_word(word, source_lang, target_lang)
            await self.translations.put_many([entry])
            return entry

        return await self._coalescer.run(key, lookup_or_call)

    async def translate_batch(
        self, words: Sequence[str], source_lang: str, target_lang: str
    ) -> BatchTranslation:
        return await self.llm.translate_batch(words, source_lang, target_lang)

    async def validate_answer(
        self,
        question: str,
        expected_answer: str,
        user_answer: str,
        source_lang: str,
        target_lang: str,
    ) -> Judgement:
        key = validation_key(
            question, expected_answer, user_answer, source_lang, target_lang, self.model
        )

        async def lookup_or_call() -> Judgement:
            async with self._database.session() as session:
                query = select(ValidationCache).where(col(ValidationCache.key) == key)
                row = (await session.execute(query)).scalar_one_or_none()
            if row is not None:
                return Judgement(is_correct=row.is_correct, comment=row.comment, model=row.model)
            judgement = await self.llm.validate_answer(
                question, expected_answer, user_answer, source_lang, target_lang
            )
            stored = {
                "key": key,
                "model": judgement.model or self.model,
                "prompt_version": PROMPT_VERSION,
                "is_correct": judgement.is_correct,
                "comment": judgement.comment,
                "created_at": utcnow(),
            }
            await insert_ignoring_duplicates(self._database, ValidationCache, [stored])
            return judgement

        return await self._coalescer.run(key, lookup_or_call)
