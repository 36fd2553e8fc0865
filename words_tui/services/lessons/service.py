"""Lessons: the service the TUI and the notebooks call to practise a profile's words.

    service = LessonService(database, judge=llm_client)
    lesson = await service.start_lesson(profile_id)
    while (card := lesson.current) is not None:
        feedback = await service.answer(lesson, card, typed_text, duration_s)
        # optionally: await service.override(lesson) ("I was right"), await service.undo(lesson)
    summary = await service.finish(lesson)
    again = await service.start_practice(profile_id, [m.card_id for m in summary.mistakes])

Every answer is committed — the review log row and the card's new state, in one transaction —
before `answer` returns, so quitting at any moment loses nothing. The judge is consulted before
that transaction opens, never inside it. Undo restores the card exactly from the snapshot the
review row keeps, and the lesson's queue from the one the answer keeps; `undo` takes back any
of the learner's actions, last first (see `changes`). What comes back within
a lesson and what FSRS hears: see `sitting`. When nothing is due, `outlook` says what is left:
`start_lesson(extra_new=N)` past the daily limit, `practise_ahead` on the cards due soonest.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.enums import Direction, Verdict
from words_tui.domain.scheduling import SchedulingConfig
from words_tui.infrastructure.db.database import Database, sqlite_path
from words_tui.infrastructure.db.file_hold import FileHold
from words_tui.infrastructure.db.models import Lesson as LessonRow
from words_tui.infrastructure.db.models import Profile
from words_tui.infrastructure.db.types import utcnow
from words_tui.infrastructure.language_data import LanguageData
from words_tui.services.lessons.answering import AnswerTaker
from words_tui.services.lessons.building import BuiltLesson, build_lesson, build_practice
from words_tui.services.lessons.cards import LessonCard, lesson_entries
from words_tui.services.lessons.changes import Kind, Undone, remember, suspend_word, undo_last
from words_tui.services.lessons.checking import AnswerChecker, CheckedAnswer, Judge, LanguageSource
from words_tui.services.lessons.editing import edit_extra, edit_meanings
from words_tui.services.lessons.feedback import Feedback, feedback_for
from words_tui.services.lessons.preload import LanguagePreload
from words_tui.services.lessons.queries import LessonError, load_profile
from words_tui.services.lessons.revising import rerate, unrecord, unrerate
from words_tui.services.lessons.saving import close_abandoned, saving
from words_tui.services.lessons.sitting import (
    Answered,
    Lesson,
    LessonSummary,
    Steps,
    follow_up,
    summarise,
)
from words_tui.services.lessons.today import (
    Outlook,
    TodayCounts,
    due_soonest,
    outlook,
    today_counts,
)
from words_tui.services.vocabulary import THRESHOLDS
from words_tui.settings import Settings

if TYPE_CHECKING:
    from words_tui.infrastructure.dictionaries.dictd import DictionarySet

__all__ = [
    "Feedback",
    "Lesson",
    "LessonCard",
    "LessonError",
    "LessonService",
    "LessonSummary",
    "Outlook",
    "Undone",
]


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
        self._answers = AnswerTaker(database, self.checker, self.languages, clock, dictionaries)
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

    async def start_lesson(
        self, profile_id: int, *, tag: str | None = None, extra_new: int = 0
    ) -> Lesson:
        """Pick the lesson's cards (due typing, due choice, then new) and open the lesson;
        with `tag`, only words carrying it (a Kindle book, an imported file, the learner's);
        `extra_new` new cards past today's limit (the learner asked for more)."""
        now = self.clock()
        return await self._open(
            profile_id,
            now,
            lambda session: build_lesson(session, profile_id, now, tag, extra_new=extra_new),
        )

    async def start_practice(self, profile_id: int, card_ids: Sequence[int]) -> Lesson:
        """A practice lesson on these cards (a lesson's mistakes): each asked once, answers
        logged but unrated, no card rescheduled."""
        now = self.clock()
        ids = list(dict.fromkeys(card_ids))
        return await self._open(
            profile_id,
            now,
            lambda session: build_practice(session, profile_id, now, ids),
            practice=True,
        )

    async def practise_ahead(self, profile_id: int, *, size: int | None = None) -> Lesson:
        """Practice on the cards due soonest (a lesson's worth, or `size`), before they are due.

        Like Anki's preview, it reschedules nothing: FSRS would take an early right answer
        for a memory stronger than it is, so the cards keep their due dates and the answers
        are logged unrated."""
        if size is None:
            async with self.database.session() as session:
                size = (await load_profile(session, profile_id)).lesson_size
        soonest = await due_soonest(self.database, profile_id, self.clock(), size)
        return await self.start_practice(profile_id, soonest)

    async def outlook(self, profile_id: int) -> Outlook:
        """What is left when no lesson is due: new words past the limit, cards due later."""
        return await outlook(self.database, profile_id, self.clock())

    async def _open(
        self,
        profile_id: int,
        now: datetime,
        build: Callable[[AsyncSession], Awaitable[BuiltLesson]],
        *,
        practice: bool = False,
    ) -> Lesson:
        """Build a lesson in one session (closing one left open first), holding the SQLite
        file while lessons are open."""
        await self._file_hold.hold()
        built: BuiltLesson | None = None
        try:
            async with self.database.session() as session:
                await close_abandoned(session, profile_id)
                built = await build(session)
        finally:
            if built is not None and built.lesson_id is not None:
                self._open_lessons.add(built.lesson_id)
            elif not self._open_lessons:
                await self._file_hold.release()
        profile = built.profile
        lesson = Lesson(
            id=built.lesson_id,
            profile_id=profile_id,
            native_lang=profile.native_lang,
            target_lang=profile.target_lang,
            started_at=now,
            cards=built.cards,
            config=self._config_for(profile),
            entries=built.entries,
            practice=practice,
        )
        if not all(card.is_choice for card in lesson.cards):  # a typed card ahead: its data
            self.languages.start((lesson.native_lang, lesson.target_lang))  # opens from now on
        return lesson

    async def answer(
        self, lesson: Lesson, card: LessonCard, answer: str, duration_s: float
    ) -> Feedback:
        """Check `answer` to the current card, record it, and move the lesson on.

        A choice card takes the chosen option's text. The review row and the card's new state
        are committed before this returns; the card comes back later in the lesson when it
        needs to (`Feedback.comes_back`).
        """
        if lesson.id is None or lesson.current is None or lesson.current.card_id != card.card_id:
            raise LessonError(f"card {card.card_id} is not the current card of this lesson")
        before, sitting = lesson.steps(), lesson.sitting()
        async with saving("lesson.saving.answer", self.database.location):
            checked, recorded = await self._answers.check_and_record(
                lesson, lesson.id, card, answer, duration_s
            )
        feedback = follow_up(lesson, card, feedback_for(card, answer, checked, recorded))
        lesson.answered.append(Answered(recorded.review_id, card, feedback, duration_s, before))
        remember(
            lesson, Kind.ANSWER, card, sitting, partial(unrecord, review_id=recorded.review_id)
        )
        return feedback

    async def override(self, lesson: Lesson) -> Feedback:
        """ "I was right": accept the last answer, remember it for this card, re-rate it, and
        take back the return to the lesson the mistake had brought."""
        if not lesson.answered or not lesson.answered[-1].feedback.can_override:
            raise LessonError("the last answer cannot be overridden")
        last, sitting = lesson.answered[-1], lesson.sitting()
        answer = last.feedback.answer.strip()
        checked = CheckedAnswer(Verdict.OVERRIDE, last.card.expected)
        async with (
            saving("lesson.saving.override", self.database.location),
            self.database.session() as s,
        ):
            rerated = await rerate(s, last.review_id, answer, checked, lesson.config)
        card = last.card.with_accepted(answer)
        lesson.restore(last.before)
        lesson.position -= 1
        given = feedback_for(card, last.feedback.answer, checked, rerated.recorded)
        feedback = follow_up(lesson, card, given)
        lesson.answered[-1] = replace(last, feedback=feedback)
        revert = partial(unrerate, review_id=last.review_id, replaced=rerated.replaced)
        remember(lesson, Kind.OVERRIDE, last.card, sitting, revert, last.feedback)
        return feedback

    async def undo(self, lesson: Lesson) -> Undone:
        """Take back the learner's last action in the lesson (an answer, "I was right", a
        suspension, an edit): in the database, then in the lesson's queue (see `changes`)."""
        return await undo_last(self.database, lesson)

    async def edit_answers(
        self,
        lesson: Lesson,
        card: LessonCard,
        answers: Sequence[str],
        *,
        shown: Feedback | None = None,
    ) -> LessonCard:
        """Change the answers `card` accepts, in the vocabulary and in this lesson; undoable.

        The side edited is the one the card asks for. Foreign → native: the word's meanings,
        which the word's cards still to come in both directions then ask and accept. Native →
        foreign: the word itself stays accepted, and the other `answers` become the card's
        extra accepted answers (those "I was right" adds to). `shown` is the verdict on screen,
        shown again if this is undone. Returns `card` as it now is.
        """
        sitting = lesson.sitting()
        edit = edit_meanings if card.direction == Direction.FOREIGN_TO_NATIVE else edit_extra
        async with saving("lesson.saving.translations", self.database.location):
            revert, edited = await edit(self.database, lesson, card, answers)

        def edited_steps(steps: Steps) -> Steps:
            return replace(steps, cards=[edited(c) for c in steps.cards])

        lesson.cards[:] = [edited(c) for c in lesson.cards]
        lesson.answered[:] = [
            replace(a, card=edited(a.card), before=edited_steps(a.before)) for a in lesson.answered
        ]
        lesson.entries = lesson_entries(lesson.cards)
        remember(lesson, Kind.EDIT, card, sitting, revert, shown)
        return edited(card)

    async def suspend(
        self, lesson: Lesson, card: LessonCard, *, shown: Feedback | None = None
    ) -> None:
        """Take the card's word out of practice (both directions) and out of this lesson;
        undoable (`shown`: the verdict on screen, shown again then)."""
        sitting = lesson.sitting()
        async with (
            saving("lesson.saving.suspension", self.database.location),
            self.database.session() as s,
        ):
            revert = await suspend_word(s, lesson.profile_id, card.user_word_id)
        upcoming = [
            c for c in lesson.cards[lesson.position :] if c.user_word_id != card.user_word_id
        ]
        lesson.cards[lesson.position :] = upcoming
        remember(lesson, Kind.SUSPEND, card, sitting, revert, shown)

    def summary(self, lesson: Lesson) -> LessonSummary:
        """How the lesson went so far, with every mistake."""
        return summarise(lesson, self.clock())

    async def finish(self, lesson: Lesson) -> LessonSummary:
        """Close the lesson (its end time feeds streaks) and return its summary.

        Raises `LessonNotSaved` when the end cannot be written; the answers are saved already,
        and the next lesson closes this one at its last answer."""
        try:
            if lesson.id is not None:
                async with saving("lesson.saving.end", self.database.location):
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
