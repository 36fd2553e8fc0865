"""What services need from an LLM client, as a protocol: `LLMClient`, `RateLimitedLLMClient` and
`CachingLLMClient` all satisfy it, and so can a test double or another back-end."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from words_tui.domain.entries import WordEntry
from words_tui.infrastructure.llm.results import BatchTranslation, Judgement


class LLMService(Protocol):
    @property
    def model(self) -> str: ...

    @property
    def requests_per_minute(self) -> float | None: ...

    @property
    def observed_latency_s(self) -> float | None: ...

    async def translate_word(self, word: str, source_lang: str, target_lang: str) -> WordEntry: ...

    async def translate_batch(
        self, words: Sequence[str], source_lang: str, target_lang: str
    ) -> BatchTranslation: ...

    async def validate_answer(
        self,
        question: str,
        expected_answer: str,
        user_answer: str,
        source_lang: str,
        target_lang: str,
    ) -> Judgement: ...

    async def aclose(self) -> None: ...
