"""A synthetic learner: months of lessons simulated with the real scheduling rules.

The learner has a hidden "true" memory — FSRS with parameters of its own (it forgets new words
faster than FSRS's defaults assume) plus a per-word ease — and answers each card correctly with
the probability that memory gives at that moment. The cards themselves are scheduled by the
project's `domain.scheduling`, exactly as lessons schedule them, so the log has the shape a real
learner's has: multiple choice first, then typing, lapses, a backlog after skipped days — and
personal FSRS parameters fitted to it beat the defaults.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

from words_tui.domain.enums import CardState, Direction, Stage, Verdict
from words_tui.domain.scheduling import (
    CardProgress,
    SchedulingConfig,
    retrievability,
    review,
)

DEFAULT_PARAMETERS = SchedulingConfig().parameters
SESSION_ROOM = timedelta(hours=2)
"""A session's lessons end well within this (at most a few hundred answers of seconds each)."""
FORGETFUL_PARAMETERS = (
    *(weight * 0.6 for weight in DEFAULT_PARAMETERS[:4]),
    *DEFAULT_PARAMETERS[4:8],
    DEFAULT_PARAMETERS[8] * 0.9,
    *DEFAULT_PARAMETERS[9:],
)
"""The learner's true memory: initial stabilities 40 % below the defaults, slower growth."""


@dataclass(frozen=True)
class LearnerProfile:
    """How the simulated learner behaves; the defaults give about five months of history."""

    days: int = 100
    new_words_per_day: int = 5
    study_probability: float = 0.85
    lessons_per_session: int = 6
    lesson_size: int = 30
    seed: int = 7
    memory: tuple[float, ...] = FORGETFUL_PARAMETERS
    first_typed_recall: float = 0.65
    timezone: str = "Europe/Madrid"
    day_start_hour: int = 4


@dataclass
class SimCard:
    """One direction card as the simulation tracks it."""

    card_id: int
    user_word_id: int
    direction: Direction
    expected: str
    ease: float
    progress: CardProgress = field(default_factory=CardProgress)
    truth: CardProgress = field(default_factory=lambda: CardProgress(stage=Stage.TYPING))


@dataclass(frozen=True)
class SimReview:
    """One simulated answer, ready to become a `Review` row."""

    card: SimCard
    lesson: int
    at: datetime
    mode: Stage
    answer: str
    verdict: Verdict
    rating: int
    duration_ms: int
    state_before: CardState
    stability: float | None
    difficulty: float | None


@dataclass
class SimLesson:
    started_at: datetime
    finished_at: datetime
    size: int = 0
    correct: int = 0
    wrong: int = 0
    new_words: int = 0


@dataclass
class Simulation:
    """The outcome: every answer and lesson in time order, and the cards' final progress."""

    cards: list[SimCard]
    reviews: list[SimReview] = field(default_factory=list)
    lessons: list[SimLesson] = field(default_factory=list)


class _Learner:
    def __init__(self, learner: LearnerProfile, config: SchedulingConfig) -> None:
        self.learner = learner
        self.config = config
        self.truth_config = replace(config, parameters=learner.memory)
        self.rng = random.Random(learner.seed)

    def recall_chance(self, card: SimCard, now: datetime) -> float:
        if card.progress.stage == Stage.CHOICE:
            base = min(0.97, 0.8 + 0.06 * card.progress.choice_correct)
        elif card.truth.state == CardState.NEW:
            base = self.learner.first_typed_recall
        else:
            base = retrievability(card.truth, now, self.truth_config)
        return float(base**card.ease)

    def answer(self, card: SimCard, now: datetime, others: list[SimCard]) -> tuple[Verdict, str]:
        correct = self.rng.random() < self.recall_chance(card, now)
        if card.progress.stage == Stage.CHOICE:
            if correct:
                return Verdict.CHOICE_CORRECT, card.expected
            return Verdict.CHOICE_WRONG, self.rng.choice(others).expected
        if not correct:
            wrong = self.rng.choice(others).expected if self.rng.random() < 0.6 else ""
            return Verdict.WRONG, wrong
        roll = self.rng.random()
        if roll < 0.8:
            return Verdict.EXACT, card.expected
        if roll < 0.93:
            return Verdict.TYPO, _typo(card.expected, self.rng)
        return Verdict.ACCENT, card.expected

    def duration_s(self, card: SimCard) -> float:
        typing = card.progress.stage == Stage.TYPING
        return self.rng.uniform(3.0, 9.0) + (0.3 * len(card.expected) if typing else 0.0)


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 3:
        return text
    position = rng.randrange(1, len(text) - 1)
    return text[:position] + text[position + 1 :]


def _study_days(
    learner: LearnerProfile, start: datetime, rng: random.Random
) -> Iterator[list[datetime]]:
    """For each day studied, the (UTC) moments the learner sits down: an evening, some mornings.

    Only moments that leave a session time to end before `start + days` (the demo's "now").
    """
    zone = ZoneInfo(learner.timezone)
    first_day = start.astimezone(zone).date()
    last_start = start + timedelta(days=learner.days) - SESSION_ROOM
    for offset in range(learner.days + 1):
        day = first_day + timedelta(days=offset)
        weekend = day.weekday() >= 5
        if rng.random() > learner.study_probability * (0.8 if weekend else 1.0):
            continue
        hours = [rng.uniform(18.0, 22.5)]
        if rng.random() < 0.3:
            hours.insert(0, rng.uniform(7.0, 9.0))
        moments = [
            datetime.combine(day, time(int(hour), int(hour % 1 * 60)), tzinfo=zone).astimezone(
                start.tzinfo
            )
            for hour in hours
        ]
        moments = [moment for moment in moments if start <= moment <= last_start]
        if moments:
            yield moments


def simulate(
    cards: list[SimCard], start: datetime, config: SchedulingConfig, learner: LearnerProfile
) -> Simulation:
    """Run the learner over `learner.days` days from `start`; cards are introduced in list order."""
    person = _Learner(learner, config)
    result = Simulation(cards)
    unseen = iter(cards)
    queue = _DueQueue()
    for sessions in _study_days(learner, start, person.rng):
        for card in islice(unseen, learner.new_words_per_day * 2):
            queue.introduce(card, sessions[0])
        for session in sessions:
            moment = session
            for _ in range(learner.lessons_per_session):
                due = queue.pop_due(moment, learner.lesson_size)
                if not due:
                    break
                moment = _lesson(person, result, due, queue, moment)
    return result


class _DueQueue:
    """Cards by due time; a lesson takes the due typing cards first, then choice and new ones."""

    def __init__(self) -> None:
        self._heap: list[tuple[datetime, int, SimCard]] = []
        self._count = 0
        self.cards: list[SimCard] = []
        """Every card introduced so far: wrong answers are drawn from their answers."""

    def introduce(self, card: SimCard, when: datetime) -> None:
        self.cards.append(card)
        self.push(card, when)

    def push(self, card: SimCard, due: datetime) -> None:
        self._count += 1
        heapq.heappush(self._heap, (due, self._count, card))

    def pop_due(self, now: datetime, limit: int) -> list[SimCard]:
        due: list[tuple[datetime, int, SimCard]] = []
        while self._heap and self._heap[0][0] <= now:
            due.append(heapq.heappop(self._heap))
        due.sort(key=lambda item: (item[2].progress.stage != Stage.TYPING, item[0], item[1]))
        for item in due[limit:]:
            heapq.heappush(self._heap, item)
        return [card for _, _, card in due[:limit]]


def _lesson(
    person: _Learner, result: Simulation, due: list[SimCard], queue: _DueQueue, now: datetime
) -> datetime:
    lesson = SimLesson(started_at=now, finished_at=now)
    index = len(result.lessons)
    result.lessons.append(lesson)
    for card in due:
        verdict, text = person.answer(card, now, queue.cards)
        duration = person.duration_s(card)
        before = card.progress
        outcome = review(
            before, verdict, now, person.config, duration_s=duration, expected=card.expected
        )
        card.progress = outcome.progress
        queue.push(card, outcome.progress.due or now)
        if before.stage == Stage.TYPING:
            card.truth = review(card.truth, verdict, now, person.truth_config).progress
        result.reviews.append(
            SimReview(
                card=card,
                lesson=index,
                at=now,
                mode=before.stage,
                answer=text,
                verdict=verdict,
                rating=int(outcome.rating),
                duration_ms=round(duration * 1000),
                state_before=before.state,
                stability=outcome.progress.stability,
                difficulty=outcome.progress.difficulty,
            )
        )
        lesson.size += 1
        lesson.correct += int(verdict.is_correct)
        lesson.wrong += int(not verdict.is_correct)
        lesson.new_words += int(before.reps == 0)
        now += timedelta(seconds=duration + 2.0)
    lesson.finished_at = now
    return now + timedelta(minutes=1)
