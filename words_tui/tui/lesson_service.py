"""The lesson service as the TUI wires it: the backend's database, clock, settings and judge.

The LLM client is built in a background thread after the first frame, so the judge handed to the
service looks the client up when an answer needs it; until the client exists, the judge is
"unavailable" and the local verdict stands (the learner can still press "r").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from words_tui.infrastructure.llm.errors import LLMUnavailable

if TYPE_CHECKING:
    from words_tui.infrastructure.llm.results import Judgement
    from words_tui.services.lessons.service import LessonService
    from words_tui.tui.backend import Backend


class BackendJudge:
    """Delegates to the backend's LLM client, whenever it is ready."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    async def validate_answer(
        self,
        question: str,
        expected_answer: str,
        user_answer: str,
        source_lang: str,
        target_lang: str,
    ) -> Judgement:
        llm = self.backend.llm
        if llm is None:
            raise LLMUnavailable("the LLM client is not connected yet")
        return await llm.validate_answer(
            question, expected_answer, user_answer, source_lang, target_lang
        )


def lesson_service(backend: Backend) -> LessonService:
    """A `LessonService` for the app's backend; no judge at all when no LLM is configured."""
    from words_tui.services.lessons.service import LessonService

    judge = BackendJudge(backend) if backend.llm_configured else None
    return LessonService(
        backend.database,
        judge,
        clock=backend.clock,
        judge_timeout_s=backend.settings.judge_timeout_s,
    )
