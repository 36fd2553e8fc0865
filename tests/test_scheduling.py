"""Scheduling over fsrs, with fixed UTC times and fuzzing off."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from fsrs import Card as FsrsCard
from fsrs import Scheduler, State

from words_tui.domain.enums import CardState, Stage, Verdict, WordStatus
from words_tui.domain.scheduling import (
    CardProgress,
    Rating,
    SchedulingConfig,
    is_card_mastered,
    is_leech,
    is_word_mastered,
    rating_for,
    recall_curve,
    retrievability,
    review,
    word_status,
)

T0 = datetime(2030, 1, 1, 9, 0, tzinfo=UTC)
CONFIG = SchedulingConfig(enable_fuzzing=False)
TYPING = CardProgress(stage=Stage.TYPING, due=T0)


def mature_card() -> CardProgress:
    return replace(TYPING, state=CardState.REVIEW, stability=40.0, difficulty=5.0, due=T0,
                   last_review=T0 - timedelta(days=40), step=None)  # fmt: skip


def history(verdicts: list[Verdict], start: CardProgress = TYPING) -> list[CardProgress]:
    """Answer each verdict exactly when the card falls due; the progress after each answer."""
    progress, now, seen = start, T0, []
    for verdict in verdicts:
        progress = review(progress, verdict, now, CONFIG, duration_s=10).progress
        seen.append(progress)
        assert progress.due is not None
        now = progress.due
    return seen


@pytest.mark.parametrize(
    ("verdict", "fast", "mature", "judge_hard", "rating"),
    [
        (Verdict.EXACT, False, False, False, Rating.Good),
        (Verdict.EXACT, True, False, False, Rating.Good),
        (Verdict.EXACT, False, True, False, Rating.Good),
        (Verdict.EXACT, True, True, False, Rating.Easy),
        (Verdict.TYPO, True, True, False, Rating.Hard),
        (Verdict.ACCENT, False, False, False, Rating.Hard),
        (Verdict.FORM, False, False, False, Rating.Hard),
        (Verdict.JUDGE_ACCEPTED, False, False, False, Rating.Good),
        (Verdict.JUDGE_ACCEPTED, False, False, True, Rating.Hard),
        (Verdict.OVERRIDE, False, False, False, Rating.Good),
        (Verdict.WRONG, True, True, False, Rating.Again),
        (Verdict.NEEDS_JUDGE, False, False, False, Rating.Again),
    ],
)
def test_rating_follows_the_verdict(
    verdict: Verdict, fast: bool, mature: bool, judge_hard: bool, rating: Rating
) -> None:
    assert rating_for(verdict, fast=fast, mature=mature, judge_hard=judge_hard) == rating


def test_correct_choices_are_learning_steps_that_leave_fsrs_memory_alone() -> None:
    config = replace(CONFIG, typing_after=3)
    first = review(CardProgress(due=T0), Verdict.CHOICE_CORRECT, T0, config)
    second = review(first.progress, Verdict.CHOICE_CORRECT, T0, config)
    assert first.progress.due == T0 + timedelta(minutes=1)
    assert second.progress.due == T0 + timedelta(minutes=10)
    assert second.progress.state == CardState.NEW
    assert second.progress.stability is None
    assert second.progress.choice_correct == 2


def test_a_card_is_promoted_to_typing_after_n_correct_choices() -> None:
    progress = CardProgress(due=T0)
    outcomes = []
    for _ in range(2):
        outcome = review(progress, Verdict.CHOICE_CORRECT, T0, CONFIG)
        outcomes.append(outcome.promoted)
        progress = outcome.progress
    assert outcomes == [False, True]
    assert (progress.stage, progress.due) == (Stage.TYPING, T0)


def test_a_wrong_choice_starts_the_count_again() -> None:
    progress = review(CardProgress(due=T0), Verdict.CHOICE_CORRECT, T0, CONFIG).progress
    wrong = review(progress, Verdict.CHOICE_WRONG, T0, CONFIG)
    assert (wrong.rating, wrong.progress.choice_correct) == (Rating.Again, 0)
    assert wrong.progress.stage == Stage.CHOICE


def test_promotion_threshold_is_configurable() -> None:
    config = replace(CONFIG, typing_after=1)
    assert review(CardProgress(due=T0), Verdict.CHOICE_CORRECT, T0, config).promoted


def test_exact_answers_on_time_give_growing_intervals() -> None:
    cards = history([Verdict.EXACT] * 6)
    intervals = [card.due - card.last_review for card in cards if card.due and card.last_review]
    assert intervals[0] == timedelta(minutes=10)
    assert cards[1].state == CardState.REVIEW
    assert all(later > earlier for earlier, later in pairwise(intervals[1:]))
    assert history([Verdict.EXACT] * 6) == cards


def test_interval_history_with_a_lapse_follows_fsrs_defaults() -> None:
    verdicts = [Verdict.EXACT] * 3 + [Verdict.WRONG] + [Verdict.EXACT] * 2
    cards = history(verdicts)
    intervals = [card.due - card.last_review for card in cards if card.due and card.last_review]
    minutes, days = timedelta(minutes=1), timedelta(days=1)
    assert intervals == [10 * minutes, 2 * days, 11 * days, 10 * minutes, 2 * days, 5 * days]
    assert [card.lapses for card in cards] == [0, 0, 0, 1, 1, 1]


def test_a_typo_schedules_sooner_than_an_exact_answer() -> None:
    card = history([Verdict.EXACT] * 3)[-1]
    assert card.due is not None
    typo = review(card, Verdict.TYPO, card.due, CONFIG).progress
    exact = review(card, Verdict.EXACT, card.due, CONFIG).progress
    assert typo.due is not None and exact.due is not None
    assert typo.due < exact.due


def test_a_fast_exact_answer_on_a_mature_card_is_easy() -> None:
    fast = review(mature_card(), Verdict.EXACT, T0, CONFIG, duration_s=2, expected="gato")
    slow = review(mature_card(), Verdict.EXACT, T0, CONFIG, duration_s=30, expected="gato")
    assert (fast.rating, slow.rating) == (Rating.Easy, Rating.Good)


def test_forgetting_a_review_card_is_a_lapse() -> None:
    card = replace(mature_card(), consecutive_correct=5)
    outcome = review(card, Verdict.WRONG, T0, CONFIG)
    assert outcome.lapsed
    assert outcome.progress.state == CardState.RELEARNING
    assert (outcome.progress.lapses, outcome.progress.consecutive_correct) == (1, 0)


def test_eight_lapses_make_a_leech() -> None:
    progress = mature_card()
    flags = []
    for _ in range(8):
        progress = review(progress, Verdict.WRONG, T0, CONFIG).progress
        progress = replace(progress, state=CardState.REVIEW, step=None)
        flags.append(is_leech(progress, CONFIG))
    assert flags == [False] * 7 + [True]


def test_mastered_when_both_directions_are_stable_for_180_days() -> None:
    stable = replace(mature_card(), stability=181.0)
    assert is_word_mastered([stable, stable], CONFIG)
    assert not is_word_mastered([stable, mature_card()], CONFIG)
    assert word_status([stable, stable], CONFIG) == WordStatus.MASTERED


def test_thirty_correct_in_a_row_is_mastery_too_and_either_rule_can_be_switched_off() -> None:
    streak = replace(mature_card(), consecutive_correct=30)
    assert is_card_mastered(streak, CONFIG)
    assert not is_card_mastered(streak, replace(CONFIG, mastery_streak=None))
    stable = replace(mature_card(), stability=400.0)
    assert not is_card_mastered(stable, replace(CONFIG, mastery_stability_days=None))


def test_word_status_follows_its_cards() -> None:
    new = CardProgress(due=T0)
    learning = replace(TYPING, state=CardState.LEARNING, reps=1)
    assert word_status([new, new], CONFIG) == WordStatus.NEW
    assert word_status([learning, new], CONFIG) == WordStatus.LEARNING
    reviewed = replace(mature_card(), reps=3)
    assert word_status([reviewed, reviewed], CONFIG) == WordStatus.REVIEW


def test_retrievability_falls_with_time_and_is_zero_before_the_first_typed_answer() -> None:
    card = mature_card()
    now = retrievability(card, T0, CONFIG)
    later = retrievability(card, T0 + timedelta(days=60), CONFIG)
    assert 0 < later < now < 1
    assert retrievability(CardProgress(due=T0), T0, CONFIG) == 0


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        review(TYPING, Verdict.EXACT, datetime(2030, 1, 1), CONFIG)


@pytest.mark.parametrize("days", [0, 1, 3, 30, 400])
def test_the_forgetting_curve_is_fsrs_own_for_any_parameters(days: int) -> None:
    personal = replace(CONFIG, parameters=(*CONFIG.parameters[:20], 0.3))
    card = FsrsCard(card_id=1, state=State.Review, stability=7.5, difficulty=5.0, last_review=T0)
    for config in (CONFIG, personal):
        scheduler = Scheduler(parameters=config.parameters)
        expected = scheduler.get_card_retrievability(card, T0 + timedelta(days=days, hours=5))
        assert recall_curve(config)(days, 7.5) == pytest.approx(expected)
