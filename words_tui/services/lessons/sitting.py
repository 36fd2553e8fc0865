"""One sitting: its queue of asks, how far the learner got, and what comes back.

A lesson is a queue of asks; a card can be in it more than once. After each answer the queue
moves on (`follow_up`): a card answered wrong comes back after a few other cards, at most
`AGAIN_LIMIT` times; a choice card answered right comes back as a learning step until it is
promoted, then once typed. FSRS hears only the first answer a typed card gets in the sitting
(`Lesson.rates`): the asks after it are learning steps, logged but unrated. A practice sitting
(a review of mistakes, practice ahead) rates nothing and changes no card.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from words_tui.domain.enums import Stage
from words_tui.domain.lesson_policy import come_back_at
from words_tui.domain.lexicon import KnownWord
from words_tui.domain.scheduling import SchedulingConfig
from words_tui.services.lessons.cards import LessonCard
from words_tui.services.lessons.feedback import Feedback

if TYPE_CHECKING:
    from words_tui.services.lessons.changes import Change

AGAIN_LIMIT = 2
"""How many times mistakes bring one card back within a lesson; after that it waits for FSRS."""


@dataclass(frozen=True, slots=True)
class Steps:
    """The part of a lesson an answer changes besides its position: the queue, the mistakes
    that brought cards back, the typed cards FSRS has rated (kept per answer for undo)."""

    cards: list[LessonCard]
    again: dict[int, int]
    rated: frozenset[int]


@dataclass(frozen=True, slots=True)
class Answered:
    review_id: int
    card: LessonCard
    feedback: Feedback
    duration_s: float
    before: Steps


@dataclass(frozen=True, slots=True)
class Sitting:
    """Everything of a running lesson that the learner's actions move, as it was at one moment
    (kept by each undoable change, and put back by undo)."""

    cards: list[LessonCard]
    position: int
    again: dict[int, int]
    rated: frozenset[int]
    answered: list[Answered]
    entries: dict[str, dict[str, KnownWord]]


@dataclass
class Lesson:
    """One sitting: its asks in order and how far the learner got.

    `id` is None for an empty lesson (nothing due, no new words left today). Treat the fields as
    read-only; the service moves `position` and the queue as answers are given and undone.
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
    answered: list[Answered] = field(default_factory=list)
    practice: bool = False
    """Nothing is rated or rescheduled: a review of mistakes, or practice ahead."""
    again: dict[int, int] = field(default_factory=dict)
    rated: frozenset[int] = frozenset()
    changes: list[Change] = field(default_factory=list)
    """What `undo` can take back, most recent last (see `changes`)."""

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

    def rates(self, card: LessonCard) -> bool:
        """Whether this answer changes the card: never in practice; a choice answer always (a
        learning step, outside FSRS memory); a typed card only at its first answer here."""
        return not self.practice and (card.is_choice or card.card_id not in self.rated)

    def steps(self) -> Steps:
        return Steps(list(self.cards), dict(self.again), self.rated)

    def restore(self, steps: Steps) -> None:
        self.cards, self.again, self.rated = list(steps.cards), dict(steps.again), steps.rated

    def sitting(self) -> Sitting:
        return Sitting(
            list(self.cards),
            self.position,
            dict(self.again),
            self.rated,
            list(self.answered),
            self.entries,
        )

    def rewind(self, sitting: Sitting) -> None:
        """Back to `sitting`: the queue, the position and the answers as they were then."""
        self.cards, self.position = list(sitting.cards), sitting.position
        self.again, self.rated = dict(sitting.again), sitting.rated
        self.answered, self.entries = list(sitting.answered), sitting.entries


def follow_up(lesson: Lesson, card: LessonCard, feedback: Feedback) -> Feedback:
    """Move the lesson past `card`: its later asks are no longer new (and typed once it is
    promoted), and it comes back when it needs to. Returns the feedback saying whether it does."""
    lesson.position += 1
    if feedback.rating is not None and not card.is_choice:
        lesson.rated = lesson.rated | {card.card_id}
    stage = Stage.TYPING if feedback.promoted else card.stage
    upcoming = range(lesson.position, len(lesson.cards))
    for index in upcoming:
        later = lesson.cards[index]
        if later.card_id == card.card_id:
            lesson.cards[index] = replace(later, is_new=False, stage=stage)
    comes_back = any(lesson.cards[index].card_id == card.card_id for index in upcoming)
    if _needs_another_ask(lesson, card, feedback) and not comes_back:
        again = replace(card, is_new=False, stage=stage)
        lesson.cards.insert(come_back_at(lesson.position, len(lesson.cards)), again)
        comes_back = True
    return replace(feedback, comes_back=comes_back)


def _needs_another_ask(lesson: Lesson, card: LessonCard, feedback: Feedback) -> bool:
    """A mistake (up to `AGAIN_LIMIT` per card); after one, also a promotion (its first typed
    answer) or a right choice short of promotion (the next learning step), as the mistake used
    up an ask the lesson had planned. Without mistakes the plan holds every step, and a card
    the lesson had no room for goes on in the next one."""
    mistakes = lesson.again.get(card.card_id, 0)
    if not feedback.correct:
        if mistakes >= AGAIN_LIMIT:
            return False
        lesson.again[card.card_id] = mistakes + 1
        return True
    step = feedback.promoted or (card.is_choice and not lesson.practice)
    return step and mistakes > 0


@dataclass(frozen=True, slots=True)
class Mistake:
    """A card answered wrong in the lesson: what was asked, the right answer, what was given."""

    card_id: int
    prompt: str
    expected: str
    answer: str


@dataclass(frozen=True, slots=True)
class LessonSummary:
    """The end-of-lesson screen: how it went, every mistake, and how long it took."""

    answered: int
    correct: int
    wrong: int
    new_words: int
    promoted: int
    mastered: int
    leeches: tuple[str, ...]
    time_spent: timedelta
    elapsed: timedelta
    mistakes: tuple[Mistake, ...] = ()
    profile_id: int = 0
    practice: bool = False


def summarise(lesson: Lesson, now: datetime) -> LessonSummary:
    """How the lesson went so far; each card answered wrong is one mistake, with its first
    wrong answer."""
    feedbacks = [a.feedback for a in lesson.answered]
    mistakes: dict[int, Mistake] = {}
    for f in feedbacks:
        if not f.correct and f.card.card_id not in mistakes:
            mistakes[f.card.card_id] = Mistake(f.card.card_id, f.card.prompt, f.expected, f.answer)
    return LessonSummary(
        answered=len(feedbacks),
        correct=sum(f.correct for f in feedbacks),
        wrong=sum(not f.correct for f in feedbacks),
        new_words=sum(a.card.is_new for a in lesson.answered),
        promoted=sum(f.promoted for f in feedbacks),
        mastered=sum(f.mastered for f in feedbacks),
        leeches=tuple(f.card.headword for f in feedbacks if f.leech),
        time_spent=timedelta(seconds=sum(a.duration_s for a in lesson.answered)),
        elapsed=now - lesson.started_at,
        mistakes=tuple(mistakes.values()),
        profile_id=lesson.profile_id,
        practice=lesson.practice,
    )
