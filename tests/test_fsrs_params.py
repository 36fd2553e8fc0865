"""Personal FSRS parameters: fitted on the log, judged on its later part, kept only if better."""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler
from sqlalchemy import insert, select
from sqlmodel import col

from words_tui.domain.entries import Meaning, WordEntry
from words_tui.domain.enums import CardState, Direction, Stage
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Profile, Review
from words_tui.services.stats.fsrs_params import (
    OptimizerUnavailable,
    TypedReview,
    fit_personal_parameters,
    histories,
)
from words_tui.services.vocabulary import NewWord, add_words
from words_tui.services.vocabulary.profiles import create_profile

START = datetime(2024, 1, 1, 9, tzinfo=UTC)
CARDS = 200
REVIEWS_PER_CARD = 9


def forgetful_parameters() -> list[float]:
    """A learner whose memories start weaker and grow slower than FSRS's average user's."""
    params = list(Scheduler().parameters)
    params[0:4] = [p * 0.25 for p in params[0:4]]
    params[8] *= 0.3
    return params


def simulate(card_ids: Sequence[int], truth: list[float], seed: int = 3) -> list[dict[str, Any]]:
    """Typed reviews scheduled by default FSRS, answered as a learner with `truth` would."""
    schedule = Scheduler(enable_fuzzing=False, learning_steps=(), relearning_steps=())
    memory = Scheduler(truth, enable_fuzzing=False, learning_steps=(), relearning_steps=())
    rng = random.Random(seed)
    rows = []
    for card_id in card_ids:
        planned, real = FsrsCard(card_id=card_id), FsrsCard(card_id=card_id)
        at = START + timedelta(days=rng.randint(0, 60), hours=rng.random() * 8)
        for n in range(REVIEWS_PER_CARD):
            recalled = n == 0 or rng.random() < memory.get_card_retrievability(real, at)
            rating = Rating.Good if recalled else Rating.Again
            rows.append(
                {
                    "card_id": card_id,
                    "reviewed_at": at,
                    "mode": int(Stage.TYPING),
                    "rating": int(rating),
                    "state_before": int(CardState.NEW if n == 0 else CardState.REVIEW),
                }
            )
            planned, _ = schedule.review_card(planned, rating, at)
            real, _ = memory.review_card(real, rating, at)
            at = planned.due + timedelta(hours=rng.random() * 3)
    return rows


async def learner_with_log(database: Database, truth: list[float] | None = None) -> int:
    profile = await create_profile(database, "ann", "en", "ru")
    assert profile.id is not None
    words = [
        NewWord.from_entry(
            WordEntry(
                word=f"слово{i}",
                source_lang="ru",
                target_lang="en",
                meanings=(Meaning(text=f"word{i}"),),
                source="test",
            )
        )
        for i in range(CARDS)
    ]
    async with database.session() as session:
        await add_words(session, profile, words, START)
        cards = (
            (
                await session.execute(
                    select(Card).where(col(Card.direction) == int(Direction.FOREIGN_TO_NATIVE))
                )
            )
            .scalars()
            .all()
        )
        for card in cards:
            card.state, card.stage, card.stability = int(CardState.REVIEW), 1, 1.0
        ids = [card.id for card in cards if card.id is not None]
        if truth is not None:
            rows = simulate(ids, truth)
            await session.execute(
                insert(Review),
                [{**row, "profile_id": profile.id, "card_before": {}} for row in rows],
            )
    return profile.id


async def test_too_short_a_log_is_not_fitted(database: Database) -> None:
    pid = await learner_with_log(database)
    report = await fit_personal_parameters(database, pid)
    assert (report.reviews, report.kept) == (0, False)
    assert report.message == "0 typed reviews; 1,000 are needed"


async def test_a_forgetful_learner_gets_parameters_that_predict_better(
    database: Database,
) -> None:
    pid = await learner_with_log(database, forgetful_parameters())
    async with database.session() as session:
        before = {c.id: c.due for c in (await session.execute(select(Card))).scalars()}
    report = await fit_personal_parameters(database, pid)
    assert report.reviews == CARDS * REVIEWS_PER_CARD
    assert report.kept
    assert report.personal_log_loss is not None and report.default_log_loss is not None
    assert report.personal_log_loss < report.default_log_loss
    assert f"{report.personal_log_loss:.4f}" in report.message
    assert report.rescheduled == CARDS
    async with database.session() as session:
        profile = await session.get(Profile, pid)
        assert profile is not None and profile.fsrs_parameters == list(report.parameters)
        cards = (await session.execute(select(Card).where(col(Card.stability) != 1.0))).scalars()
        moved = [c for c in cards if c.due != before[c.id]]
    assert len(moved) == CARDS


async def test_parameters_that_predict_worse_are_reported_but_not_kept(
    database: Database,
) -> None:
    pid = await learner_with_log(database, forgetful_parameters())

    def overconfident(_: Sequence[Any]) -> list[float]:
        params = list(Scheduler().parameters)
        params[0:4] = [p * 20 for p in params[0:4]]
        return params

    report = await fit_personal_parameters(database, pid, fitter=overconfident)
    assert not report.kept and report.rescheduled == 0
    assert report.personal_log_loss is not None and report.default_log_loss is not None
    assert report.personal_log_loss > report.default_log_loss
    async with database.session() as session:
        profile = await session.get(Profile, pid)
        assert profile is not None and profile.fsrs_parameters is None


def test_a_cards_history_restarts_after_a_reset() -> None:
    at = START
    reviews = [
        TypedReview(1, at, 3, fresh=True),
        TypedReview(1, at + timedelta(days=2), 1, fresh=False),
        TypedReview(1, at + timedelta(days=9), 3, fresh=True),
        TypedReview(1, at + timedelta(days=12), 3, fresh=False),
        TypedReview(2, at, 4, fresh=True),
    ]
    assert {card: [r.rating for r in h] for card, h in histories(reviews).items()} == {
        1: [3, 3],
        2: [4],
    }


async def test_without_the_optimizer_the_learner_is_told_what_to_install(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = await learner_with_log(database, forgetful_parameters())
    monkeypatch.setitem(sys.modules, "fsrs_rs_python", None)
    with pytest.raises(OptimizerUnavailable, match=r"words-tui\[optimizer\]"):
        await fit_personal_parameters(database, pid)
