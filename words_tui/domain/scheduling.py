"""Scheduling over the `fsrs` package: verdict → rating, stages, mastery, leeches.

FSRS itself decides intervals and memory state; this module only decides what FSRS is told. A
card starts in multiple choice: those answers are recognition, not recall, so they move the card
through short learning steps without touching its FSRS memory; after `typing_after` correct
choices the card is promoted to typed answers, and its first typed answer is its first FSRS
review. Everything here is a pure function returning new values; the service maps `CardProgress`
to and from the `Card` row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS

from words_tui.domain.enums import CardState, Stage, Verdict, WordStatus

__all__ = [
    "CardProgress",
    "Rating",
    "Reviewed",
    "SchedulingConfig",
    "is_card_mastered",
    "is_fast",
    "is_leech",
    "is_mature",
    "is_word_mastered",
    "rating_for",
    "retrievability",
    "review",
    "word_status",
]


@dataclass(frozen=True, slots=True)
class SchedulingConfig:
    """Every scheduling knob; a profile's retention and FSRS parameters come in here.

    `mastery_stability_days` / `mastery_streak` set the two mastery rules (None switches a rule
    off). An answer is fast within `fast_answer_s` plus `fast_per_char_s` per expected letter.
    """

    desired_retention: float = 0.9
    parameters: tuple[float, ...] = tuple(DEFAULT_PARAMETERS)
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    enable_fuzzing: bool = True
    typing_after: int = 2
    mastery_stability_days: float | None = 180.0
    mastery_streak: int | None = 30
    leech_lapses: int = 8
    mature_days: float = 21.0
    fast_answer_s: float = 3.0
    fast_per_char_s: float = 0.25


@dataclass(frozen=True, slots=True)
class CardProgress:
    """What scheduling knows about one card: stage, FSRS memory state and counters."""

    stage: Stage = Stage.CHOICE
    state: CardState = CardState.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0
    consecutive_correct: int = 0
    choice_correct: int = 0


@dataclass(frozen=True, slots=True)
class Reviewed:
    """The outcome of one answer: the card's new progress and what it meant."""

    progress: CardProgress
    rating: Rating
    promoted: bool = False
    lapsed: bool = False


@lru_cache(maxsize=64)
def _scheduler(config: SchedulingConfig) -> Scheduler:
    return Scheduler(
        parameters=config.parameters,
        desired_retention=config.desired_retention,
        learning_steps=config.learning_steps,
        relearning_steps=config.relearning_steps,
        enable_fuzzing=config.enable_fuzzing,
    )


def _utc(moment: datetime) -> datetime:
    """fsrs demands `tzinfo is timezone.utc`; refuse naive times instead of guessing."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r} given where an aware UTC time is required")
    return moment.astimezone(UTC)


def _to_fsrs(progress: CardProgress) -> FsrsCard:
    if progress.state == CardState.NEW:
        return FsrsCard(card_id=0, state=State.Learning, step=0)
    return FsrsCard(
        card_id=0,
        state=State(int(progress.state)),
        step=progress.step,
        stability=progress.stability,
        difficulty=progress.difficulty,
        due=_utc(progress.due) if progress.due else None,
        last_review=_utc(progress.last_review) if progress.last_review else None,
    )


def is_mature(progress: CardProgress, config: SchedulingConfig) -> bool:
    """A card in review whose memory lasts at least `mature_days`."""
    return (
        progress.state == CardState.REVIEW
        and progress.stability is not None
        and progress.stability >= config.mature_days
    )


def is_fast(duration_s: float, expected: str, config: SchedulingConfig) -> bool:
    """Answered without hesitation, allowing time to type the expected answer."""
    return duration_s <= config.fast_answer_s + config.fast_per_char_s * len(expected)


def rating_for(
    verdict: Verdict, *, fast: bool = False, mature: bool = False, judge_hard: bool = False
) -> Rating:
    """The FSRS rating a verdict earns; the learner never presses a grade button.

    Exact → Good (Easy when fast on a mature card); accents, typos and other forms → Hard;
    judge-accepted → Good, or Hard when the judge accepted with a reservation; wrong → Again.
    """
    match verdict:
        case Verdict.EXACT:
            return Rating.Easy if fast and mature else Rating.Good
        case Verdict.ACCENT | Verdict.TYPO | Verdict.FORM:
            return Rating.Hard
        case Verdict.JUDGE_ACCEPTED:
            return Rating.Hard if judge_hard else Rating.Good
        case Verdict.OVERRIDE | Verdict.CHOICE_CORRECT:
            return Rating.Good
        case _:
            return Rating.Again


def review(
    progress: CardProgress,
    verdict: Verdict,
    now: datetime,
    config: SchedulingConfig,
    *,
    duration_s: float = 0.0,
    expected: str = "",
    judge_hard: bool = False,
) -> Reviewed:
    """Apply one answer given at `now` (aware UTC) and return the card's new progress."""
    now = _utc(now)
    if progress.stage == Stage.CHOICE:
        return _choice_step(progress, verdict.is_correct, now, config)
    fast = is_fast(duration_s, expected, config)
    rating = rating_for(
        verdict, fast=fast, mature=is_mature(progress, config), judge_hard=judge_hard
    )
    card, _ = _scheduler(config).review_card(_to_fsrs(progress), rating, now)
    lapsed = progress.state == CardState.REVIEW and rating == Rating.Again
    new = replace(
        progress,
        state=CardState(int(card.state)),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reps=progress.reps + 1,
        lapses=progress.lapses + int(lapsed),
        consecutive_correct=0 if rating == Rating.Again else progress.consecutive_correct + 1,
    )
    return Reviewed(new, rating, lapsed=lapsed)


def _choice_step(
    progress: CardProgress, correct: bool, now: datetime, config: SchedulingConfig
) -> Reviewed:
    """A multiple-choice answer: a learning step, promotion after `typing_after` correct ones."""
    steps = config.learning_steps or (timedelta(0),)
    count = progress.choice_correct + 1 if correct else 0
    promoted = count >= config.typing_after
    step = steps[min(max(count - 1, 0), len(steps) - 1)]
    new = replace(
        progress,
        stage=Stage.TYPING if promoted else Stage.CHOICE,
        choice_correct=count,
        due=now if promoted else now + step,
        last_review=now,
        reps=progress.reps + 1,
    )
    return Reviewed(new, Rating.Good if correct else Rating.Again, promoted=promoted)


def retrievability(progress: CardProgress, now: datetime, config: SchedulingConfig) -> float:
    """FSRS's probability of recall at `now`; 0 for a card never reviewed by typing."""
    return retrievabilities([progress], now, config)[0]


def retrievabilities(
    cards: Iterable[CardProgress], now: datetime, config: SchedulingConfig
) -> list[float]:
    """`retrievability` of many cards (statistics read every card of a profile)."""
    curve, moment = recall_curve(config), _utc(now)
    return [
        0.0
        if card.state == CardState.NEW or card.stability is None or card.last_review is None
        else curve(max(0, (moment - _utc(card.last_review)).days), card.stability)
        for card in cards
    ]


def recall_curve(config: SchedulingConfig) -> Callable[[int, float], float]:
    """FSRS-6's forgetting curve under `config`: (whole days since the last review, stability)
    → probability of recall, as `fsrs.Scheduler.get_card_retrievability` computes it — without
    building an fsrs card per call."""
    decay = -config.parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    return lambda days, stability: float((1 + factor * days / stability) ** decay)


def is_card_mastered(progress: CardProgress, config: SchedulingConfig) -> bool:
    """Stable for `mastery_stability_days`, or `mastery_streak` typed answers right in a row."""
    stable = (
        config.mastery_stability_days is not None
        and progress.stability is not None
        and progress.stage == Stage.TYPING
        and progress.stability >= config.mastery_stability_days
    )
    streak = (
        config.mastery_streak is not None and progress.consecutive_correct >= config.mastery_streak
    )
    return stable or streak


def is_word_mastered(cards: Sequence[CardProgress], config: SchedulingConfig) -> bool:
    """A word is mastered when every one of its direction cards is."""
    return bool(cards) and all(is_card_mastered(card, config) for card in cards)


def is_leech(progress: CardProgress, config: SchedulingConfig) -> bool:
    """A card forgotten so often that drilling it further wastes the learner's time."""
    return progress.lapses >= config.leech_lapses


def word_status(cards: Sequence[CardProgress], config: SchedulingConfig) -> WordStatus:
    """Where a word stands, from its direction cards (suspension is decided elsewhere)."""
    if is_word_mastered(cards, config):
        return WordStatus.MASTERED
    if all(card.reps == 0 for card in cards):
        return WordStatus.NEW
    if all(card.state == CardState.REVIEW for card in cards):
        return WordStatus.REVIEW
    return WordStatus.LEARNING
