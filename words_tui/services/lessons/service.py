"""Lessons: the service the TUI and the notebooks call to practise a profile's words.

    service = LessonService(database, judge=llm_client)
    lesson = await service.start_lesson(profile_id)
    while (card := lesson.current) is not None:
        feedback = await service.answer(lesson, card, typed_text, duration_s)
        # optionally: await service.override(lesson) ("I was right"), await service.undo(lesson)
    summary = await service.finish(lesson)

Every answer is committed — the review log row and the card's new state, in one transaction —
before `answer` returns, so quitting at any moment loses nothing. The judge is consulted before
that transaction opens, never inside it. Undo restores the card exactly from the snapshot the
review row keeps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.answers import answer_key
from words_tui.domain.entries import Example
from words_tui.domain.enums import Direction, Stage, Verdict, WordStatus
from words_tui.domain.lexicon import KnownWord
from words_tui.domain.scheduling import Rating, SchedulingConfig
from words_tui.infrastructure.db.database import Database, sqlite_path
from words_tui.infrastructure.db.file_hold import FileHold
from words_tui.infrastructure.db.models import Card, Profile, UserWord
from words_tui.infrastructure.db.models import Lesson as LessonRow
from words_tui.infrastructure.db.types import utcnow
from words_tui.infrastructure.language_data import LanguageData
from words_tui.services.lessons.building import BuiltLesson, build_lesson
from words_tui.services.lessons.cards import LessonCard, lesson_entries
from words_tui.services.lessons.checking import (
    AnswerChecker,
    CheckedAnswer,
    Judge,
    KnownWordLookup,
    LanguageSource,
    local_checked,
)
from words_tui.services.lessons.preload import LanguagePreload
from words_tui.services.lessons.queries import LessonError, vocabulary_word
from words_tui.services.lessons.recording import (
    AnswerRecord,
    Recorded,
    record_answer,
    rerate,
    unrecord,
)
from words_tui.services.lessons.saving import close_abandoned, saving
from words_tui.services.lessons.today import TodayCounts, today_counts
from words_tui.services.vocabulary import THRESHOLDS
from words_tui.services.vocabulary import edit_meanings as save_meanings
from words_tui.settings import Settings

if TYPE_CHECKING:
    from words_tui.infrastructure.dictionaries.dictd import DictionarySet

__all__ = ["Feedback", "Lesson", "LessonCard", "LessonError", "LessonService", "LessonSummary"]


@dataclass(frozen=True, slots=True)
class Feedback:
    """What the learner sees after an answer.

    `note` explains the verdict in English (the right spelling, the form that was typed, the
    judge's comment, "could not check — press r if you were right"); `judged` says it is the
    judge's comment. `reason` names why a local verdict was wrong ("other_word", "real_word",
    "degree", "gender", "no_answer", "too_long"), `known` the other word typed, with its
    meanings, and `correction` the answer as it should have been typed ("la mujer").
    `can_override` offers "I was right".
    """

    card: LessonCard
    answer: str
    verdict: Verdict
    rating: Rating
    expected: str
    note: str
    form: str
    next_due: datetime
    promoted: bool = False
    mastered: bool = False
    leech: bool = False
    judged: bool = False
    reason: str = ""
    correction: str = ""
    known: KnownWord | None = None

    @property
    def correct(self) -> bool:
        return self.verdict.is_correct

    @property
    def can_override(self) -> bool:
        """ "I was right" is offered for a typed answer judged wrong (not for an empty one)."""
        return self.card.stage == Stage.TYPING and not self.correct and bool(self.answer.strip())

    @property
    def accepted(self) -> tuple[str, ...]:
        return self.card.accepted

    @property
    def examples(self) -> tuple[Example, ...]:
        return self.card.examples

    @property
    def forms(self) -> dict[str, str]:
        return dict(self.card.forms)


@dataclass(frozen=True, slots=True)
class _Answered:
    review_id: int
    card: LessonCard
    feedback: Feedback
    duration_s: float


@dataclass
class Lesson:
    """One sitting: its cards in order and how far the learner got.

    `id` is None for an empty lesson (nothing due, no new words left today). Treat the fields as
    read-only; the service moves `position` as answers are given and undone.
    """

    id: int | None
    profile_id: int
    native_lang: str
    target_lang: str
    started_at: datetime
    cards: list[LessonCard]
    config: SchedulingConfig
    entries: dict[str, dict[str, KnownWord]] = field(default_factory=dict)
    """The lesson's words, by answer language and key (see `cards.lesson_entries`)."""
    position: int = 0
    answered: list[_Answered] = field(default_factory=list)

    @property
    def current(self) -> LessonCard | None:
        """The card to ask now, or None when the lesson is over."""
        return self.cards[self.position] if self.position < len(self.cards) else None

    @property
    def remaining(self) -> int:
        return len(self.cards) - self.position

    @property
    def last_feedback(self) -> Feedback | None:
        return self.answered[-1].feedback if self.answered else None


@dataclass(frozen=True, slots=True)
class LessonSummary:
    """The end-of-lesson screen: how it went and how long it took."""

    answered: int
    correct: int
    wrong: int
    new_words: int
    promoted: int
    mastered: int
    leeches: tuple[str, ...]
    time_spent: timedelta
    elapsed: timedelta


class LessonService:
    """Starts lessons, checks and records answers, undoes them. Dependencies come in here.

    `clock` returns aware UTC times (tests pass a fixed one); `scheduling` holds the defaults a
    profile's retention, promotion threshold and FSRS parameters are merged into.
    """

    def __init__(
        self,
        database: Database,
        judge: Judge | None = None,
        *,
        clock: Callable[[], datetime] = utcnow,
        scheduling: SchedulingConfig | None = None,
        judge_timeout_s: float = 8.0,
        language_data: LanguageSource | None = None,
        dictionaries: DictionarySet | None = None,
    ) -> None:
        self.database = database
        self.dictionaries = dictionaries
        self.clock = clock
        self.scheduling = scheduling or SchedulingConfig()
        self.language_data = language_data or LanguageData()
        self.checker = AnswerChecker(self.language_data, judge, judge_timeout_s=judge_timeout_s)
        self.languages = LanguagePreload(self.language_data)
        self._file_hold = FileHold(sqlite_path(database.url))
        self._open_lessons: set[int] = set()

    @classmethod
    def from_settings(
        cls,
        database: Database,
        settings: Settings,
        judge: Judge | None = None,
        *,
        clock: Callable[[], datetime] = utcnow,
        language_data: LanguageSource | None = None,
        dictionaries: DictionarySet | None = None,
    ) -> LessonService:
        """A service configured by the user's settings (judge timeout, mastery, leeches)."""
        scheduling = SchedulingConfig(
            mastery_stability_days=settings.mastery_stability_days,
            mastery_streak=settings.mastery_streak,
            leech_lapses=settings.leech_lapses,
        )
        return cls(
            database,
            judge,
            clock=clock,
            scheduling=scheduling,
            judge_timeout_s=settings.judge_timeout_s,
            language_data=language_data,
            dictionaries=dictionaries,
        )

    async def today(self, profile_id: int) -> TodayCounts:
        """What a lesson started now would hold: cards due and new cards allowed today."""
        return await today_counts(self.database, profile_id, self.clock())

    def _config_for(self, profile: Profile) -> SchedulingConfig:
        """The service's scheduling (from the settings) with the profile's knobs and the
        thresholds it overrides."""
        parameters = profile.fsrs_parameters
        overrides = {
            name: getattr(profile, name)
            for name in THRESHOLDS
            if getattr(profile, name) is not None
        }
        return replace(
            self.scheduling,
            desired_retention=profile.desired_retention,
            typing_after=profile.typing_after,
            parameters=tuple(parameters) if parameters else self.scheduling.parameters,
            **overrides,
        )

    async def start_lesson(self, profile_id: int, *, tag: str | None = None) -> Lesson:
        """Pick the lesson's cards (due typing, due choice, then new) and open the lesson;
        with `tag`, only words carrying it (a Kindle book, an imported file, the learner's)."""
        now = self.clock()
        await self._file_hold.hold()
        built: BuiltLesson | None = None
        try:
            async with self.database.session() as session:
                await close_abandoned(session, profile_id)
                built = await build_lesson(session, profile_id, now, tag)
        finally:
            if built is not None and built.lesson_id is not None:
                self._open_lessons.add(built.lesson_id)
            elif not self._open_lessons:
                await self._file_hold.release()
        profile = built.profile
        return Lesson(
            id=built.lesson_id,
            profile_id=profile_id,
            native_lang=profile.native_lang,
            target_lang=profile.target_lang,
            started_at=now,
            cards=built.cards,
            config=self._config_for(profile),
            entries=built.entries,
        )

    async def answer(
        self, lesson: Lesson, card: LessonCard, answer: str, duration_s: float
    ) -> Feedback:
        """Check `answer` to the current card, record it, and move the lesson on.

        A choice card takes the chosen option's text. The review row and the card's new state
        are committed before this returns.
        """
        if lesson.id is None or lesson.current is None or lesson.current.card_id != card.card_id:
            raise LessonError(f"card {card.card_id} is not the current card of this lesson")
        async with saving("your answer", self.database.location):
            checked, recorded = await self._check_and_record(
                lesson, lesson.id, card, answer, duration_s
            )
        feedback = _feedback(card, answer, checked, recorded)
        lesson.answered.append(_Answered(recorded.review_id, card, feedback, duration_s))
        lesson.position += 1
        return feedback

    async def _check_and_record(
        self, lesson: Lesson, lesson_id: int, card: LessonCard, answer: str, duration_s: float
    ) -> tuple[CheckedAnswer, Recorded]:
        """Decide and record in one session, as a connection per session is most of an answer's
        cost; a second one only when the judge must be asked, outside any transaction."""

        def record(checked: CheckedAnswer) -> AnswerRecord:
            return AnswerRecord(lesson_id, card.card_id, answer, checked, duration_s, self.clock())

        if not card.is_choice:
            await self.languages.ready((lesson.native_lang, lesson.target_lang))
        async with self.database.session() as session:
            if card.is_choice:
                checked = _choice_checked(card, answer)
                return checked, await record_answer(session, record(checked), lesson.config)
            question = card.question()
            local = await self.checker.decide(
                question,
                answer,
                entries=lesson.entries.get(card.answer_lang),
                lookup=self._vocabulary_lookup(session, lesson, card),
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

    async def override(self, lesson: Lesson) -> Feedback:
        """ "I was right": accept the last answer, remember it for this card, and re-rate it."""
        if not lesson.answered or not lesson.answered[-1].feedback.can_override:
            raise LessonError("the last answer cannot be overridden")
        last = lesson.answered[-1]
        answer = last.feedback.answer.strip()
        checked = CheckedAnswer(Verdict.OVERRIDE, last.card.expected)
        async with saving("“I was right”", self.database.location), self.database.session() as s:
            recorded = await rerate(s, last.review_id, answer, checked, lesson.config)
        card = last.card.with_accepted(answer)
        feedback = _feedback(card, last.feedback.answer, checked, recorded)
        lesson.answered[-1] = replace(last, feedback=feedback)
        return feedback

    async def undo(self, lesson: Lesson) -> LessonCard:
        """Take back the last answer: the card is restored exactly and asked again."""
        if not lesson.answered:
            raise LessonError("nothing to undo in this lesson")
        last = lesson.answered[-1]
        async with saving("the undo", self.database.location), self.database.session() as s:
            await unrecord(s, last.review_id)
        lesson.answered.pop()
        lesson.position -= 1
        lesson.cards[lesson.position] = last.card
        return last.card

    async def edit_meanings(
        self, lesson: Lesson, card: LessonCard, meanings: Sequence[str]
    ) -> LessonCard:
        """Change the meanings the learner is asked for, in the vocabulary and in this lesson.

        The word's cards still to come (both directions) ask and accept the new meanings at
        once, and so does a card taken back with undo. Returns `card` as it now is.
        """
        async with saving("the translations", self.database.location):
            item = await save_meanings(
                self.database, lesson.profile_id, card.user_word_id, meanings
            )
        chosen = tuple(item.meanings)

        def edited(other: LessonCard) -> LessonCard:
            if other.user_word_id != card.user_word_id:
                return other
            return other.with_meanings(chosen, lesson.native_lang)

        lesson.cards[:] = [edited(c) for c in lesson.cards]
        lesson.answered[:] = [replace(a, card=edited(a.card)) for a in lesson.answered]
        lesson.entries = lesson_entries(lesson.cards)
        return edited(card)

    async def suspend(self, lesson: Lesson, card: LessonCard) -> None:
        """Take the card's word out of practice (both directions) and out of this lesson."""
        async with saving("the suspension", self.database.location), self.database.session() as s:
            await _suspend_word(s, lesson.profile_id, card.user_word_id)
        upcoming = [
            c for c in lesson.cards[lesson.position :] if c.user_word_id != card.user_word_id
        ]
        lesson.cards[lesson.position :] = upcoming

    def summary(self, lesson: Lesson) -> LessonSummary:
        """How the lesson went so far."""
        feedbacks = [a.feedback for a in lesson.answered]
        return LessonSummary(
            answered=len(feedbacks),
            correct=sum(f.correct for f in feedbacks),
            wrong=sum(not f.correct for f in feedbacks),
            new_words=sum(a.card.is_new for a in lesson.answered),
            promoted=sum(f.promoted for f in feedbacks),
            mastered=sum(f.mastered for f in feedbacks),
            leeches=tuple(f.card.headword for f in feedbacks if f.leech),
            time_spent=timedelta(seconds=sum(a.duration_s for a in lesson.answered)),
            elapsed=self.clock() - lesson.started_at,
        )

    async def finish(self, lesson: Lesson) -> LessonSummary:
        """Close the lesson (its end time feeds streaks) and return its summary.

        Raises `LessonNotSaved` when the end cannot be written; the answers are saved already,
        and the next lesson closes this one at its last answer."""
        try:
            if lesson.id is not None:
                async with saving("the lesson's end", self.database.location):
                    await self._close_row(lesson.id)
        finally:
            self._open_lessons.discard(lesson.id or 0)
            if not self._open_lessons:
                await self._file_hold.release()
        return self.summary(lesson)

    async def _close_row(self, lesson_id: int) -> None:
        async with self.database.session() as session:
            await session.execute(
                update(LessonRow)
                .where(col(LessonRow.id) == lesson_id)
                .values(finished_at=self.clock())
            )


def _choice_checked(card: LessonCard, answer: str) -> CheckedAnswer:
    """A chosen option is right when it is the card's answer (compared as typed answers are)."""
    if not answer.strip():
        return CheckedAnswer(Verdict.CHOICE_WRONG, card.expected, reason="no_answer")
    right = answer_key(answer, card.answer_lang) == answer_key(card.expected, card.answer_lang)
    return CheckedAnswer(Verdict.CHOICE_CORRECT if right else Verdict.CHOICE_WRONG, card.expected)


def _feedback(
    card: LessonCard, answer: str, checked: CheckedAnswer, recorded: Recorded
) -> Feedback:
    return Feedback(
        card=card,
        answer=answer,
        verdict=checked.verdict,
        rating=recorded.rating,
        expected=checked.expected or card.expected,
        note=checked.note,
        form=checked.form,
        next_due=recorded.next_due,
        promoted=recorded.promoted,
        mastered=recorded.mastered,
        leech=recorded.leech,
        judged=checked.judged,
        reason=checked.reason,
        correction=checked.correction,
        known=checked.known,
    )


async def _suspend_word(session: AsyncSession, profile_id: int, user_word_id: int) -> None:
    await session.execute(
        update(UserWord)
        .where(col(UserWord.id) == user_word_id, col(UserWord.profile_id) == profile_id)
        .values(status=int(WordStatus.SUSPENDED))
    )
    await session.execute(
        update(Card)
        .where(col(Card.user_word_id) == user_word_id, col(Card.profile_id) == profile_id)
        .values(active=False)
    )
