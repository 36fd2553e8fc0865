"""Checking an answer and recording it: the verdict, then one transaction.

A choice is compared with the card's answer; a typed answer goes through the local checker
(with the lesson's words, the learner's vocabulary and offline dictionaries as the words it
knows), and only what nothing local decides waits for the judge — outside any transaction.
Whether FSRS hears the answer is the lesson's call (`Lesson.rates`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from words_tui.domain.answers import answer_key
from words_tui.domain.enums import Direction, Verdict
from words_tui.domain.lexicon import KnownWord
from words_tui.infrastructure.db.database import Database
from words_tui.services.lessons.cards import LessonCard
from words_tui.services.lessons.checking import (
    AnswerChecker,
    CheckedAnswer,
    KnownWordLookup,
    LanguageSource,
    local_checked,
)
from words_tui.services.lessons.feedback import choice_checked
from words_tui.services.lessons.preload import (
    LanguageDataPending,
    LanguagePreload,
    PendingLanguageData,
)
from words_tui.services.lessons.queries import vocabulary_word
from words_tui.services.lessons.recording import AnswerRecord, Recorded, record_answer
from words_tui.services.lessons.sitting import Lesson

if TYPE_CHECKING:
    from words_tui.infrastructure.dictionaries.dictd import DictionarySet


class AnswerTaker:
    """Checks and records answers for the lesson service."""

    def __init__(
        self,
        database: Database,
        checker: AnswerChecker,
        languages: LanguagePreload,
        clock: Callable[[], datetime],
        dictionaries: DictionarySet | None = None,
    ) -> None:
        self.database = database
        self.checker = checker
        self.languages = languages
        self.clock = clock
        self.dictionaries = dictionaries

    async def check_and_record(
        self, lesson: Lesson, lesson_id: int, card: LessonCard, answer: str, duration_s: float
    ) -> tuple[CheckedAnswer, Recorded]:
        """Decide and record in one session, as a connection per session is most of an answer's
        cost; a second one only when the judge must be asked, outside any transaction."""
        rated = lesson.rates(card)

        def record(checked: CheckedAnswer) -> AnswerRecord:
            return AnswerRecord(
                lesson_id, card.card_id, answer, checked, duration_s, self.clock(), rated
            )

        if card.is_choice:
            async with self.database.session() as session:
                checked = choice_checked(card, answer)
                return checked, await record_answer(session, record(checked), lesson.config)
        languages = (lesson.native_lang, lesson.target_lang)
        if not self.languages.loaded(languages):
            with suppress(LanguageDataPending):  # nothing recorded: checked again with the data
                return await self._typed(lesson, card, answer, record, PendingLanguageData())
        await self.languages.ready(languages)
        return await self._typed(lesson, card, answer, record, None)

    async def _typed(
        self,
        lesson: Lesson,
        card: LessonCard,
        answer: str,
        record: Callable[[CheckedAnswer], AnswerRecord],
        data: LanguageSource | None,
    ) -> tuple[CheckedAnswer, Recorded]:
        """Check a typed answer with `data` (default: the checker's), record the verdict."""
        question = card.question()
        async with self.database.session() as session:
            local = await self.checker.decide(
                question,
                answer,
                entries=lesson.entries.get(card.answer_lang),
                lookup=self._vocabulary_lookup(session, lesson, card),
                data=data,
            )
            if local.verdict != Verdict.NEEDS_JUDGE:
                checked = local_checked(local)
                return checked, await record_answer(session, record(checked), lesson.config)
        checked = await self.checker.judge_if_needed(question, answer, local)
        async with self.database.session() as session:
            return checked, await record_answer(session, record(checked), lesson.config)

    def _vocabulary_lookup(
        self, session: AsyncSession, lesson: Lesson, card: LessonCard
    ) -> KnownWordLookup | None:
        """Near misses in the language being learnt are looked up in the learner's vocabulary,
        then in the offline dictd dictionaries: a headword there is a real word with a meaning,
        so the verdict is made here ("wrong: X means Y", or right when Y is what was asked)."""
        if card.direction != Direction.NATIVE_TO_FOREIGN:
            return None

        async def lookup(text: str) -> KnownWord | None:
            core = answer_key(text, card.answer_lang)
            found = await vocabulary_word(
                session, lesson.profile_id, card.answer_lang, [text, core]
            )
            if found is not None:
                return KnownWord(found[0], tuple(found[1]))
            return await self._dictionary_word(text, card.answer_lang, card.prompt_lang)

        return lookup

    async def _dictionary_word(self, text: str, lang: str, meaning_lang: str) -> KnownWord | None:
        if self.dictionaries is None or not self.dictionaries.covers(lang, meaning_lang):
            return None
        entry = await self.dictionaries.lookup(text.strip(), lang, meaning_lang)
        if entry is None:
            return None
        pos_of: dict[str, str] = {}
        for meaning in entry.meanings:
            pos_of.setdefault(meaning.text, meaning.pos)
        return KnownWord(entry.word, tuple(pos_of), tuple(pos_of.values())) if pos_of else None
