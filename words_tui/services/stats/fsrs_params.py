"""Personal FSRS parameters fitted to the learner's own review log.

FSRS's default parameters describe an average Anki user. With enough typed reviews (1,000 by
default) the optimizer of fsrs-rs-python (the optional `optimizer` extra) fits the learner's own.
They are kept only if they predict the later part of the log — held out from the fit — better
than the defaults (lower log loss); both numbers are reported either way. Kept parameters are
stored on the profile (the lesson engine reads them) and every card is rescheduled by replaying
its typed reviews under them.

Only typed answers are FSRS reviews (multiple choice is recognition, see `domain.scheduling`), and a
card's history restarts at a review given from the new state (after "reset progress").
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State
from sqlalchemy import bindparam, select, update
from sqlmodel import col

from words_tui.domain.enums import CardState, Stage
from words_tui.domain.scheduling import SchedulingConfig
from words_tui.domain.study_days import StudyCalendar
from words_tui.errors import UserError
from words_tui.i18n.said import Said
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Profile, Review
from words_tui.services.vocabulary import profile_by_id

MIN_REVIEWS = 1_000
HOLDOUT_FRACTION = 0.2
"""The latest fifth of the typed reviews is held out to judge the fit."""

Fitter = Callable[[Sequence[Any]], Sequence[float]]
"""Fits parameters to FSRS items (fsrs-rs-python's `FSRS.compute_parameters` by default)."""


class OptimizerUnavailable(UserError, RuntimeError):
    """The optional optimizer is not installed."""


@dataclass(frozen=True)
class TypedReview:
    card_id: int
    at: datetime
    rating: int
    fresh: bool
    """Given while the card was new: its history starts here."""


@dataclass(frozen=True)
class FitReport:
    """What a fit found. Log losses are on the held-out reviews; lower is better."""

    reviews: int
    kept: bool
    message: str
    default_log_loss: float | None = None
    personal_log_loss: float | None = None
    parameters: tuple[float, ...] = field(default=())
    train_items: int = 0
    test_items: int = 0
    rescheduled: int = 0
    better: bool = False
    """The personal parameters predict the held-out answers better (kept, or to be kept)."""

    @property
    def unused(self) -> int:
        """Typed answers that are no FSRS item (a card's first answer, or a second one the same
        day): with the fitted and the held-out ones they add up to `reviews`."""
        return self.reviews - self.train_items - self.test_items


def _optimizer() -> Any:
    try:
        import fsrs_rs_python
    except ImportError:
        raise OptimizerUnavailable(key="error.fsrs.no_optimizer") from None
    return fsrs_rs_python


def histories(reviews: Sequence[TypedReview]) -> dict[int, list[TypedReview]]:
    """Each card's current history: its reviews since the last one given from the new state."""
    by_card: dict[int, list[TypedReview]] = defaultdict(list)
    for review in reviews:
        if review.fresh:
            by_card[review.card_id] = []
        by_card[review.card_id].append(review)
    return dict(by_card)


def fsrs_items(
    history: Sequence[TypedReview], calendar: StudyCalendar, optimizer: Any
) -> list[tuple[datetime, Any]]:
    """The training items of one card (each review with its past), dated by their last review."""
    items: list[tuple[datetime, Any]] = []
    reviews: list[Any] = []
    previous = calendar.day_of(history[0].at)
    for review in history:
        day = calendar.day_of(review.at)
        elapsed_days = (day - previous).days
        reviews.append(optimizer.FSRSReview(review.rating, elapsed_days))
        previous = day
        item = optimizer.FSRSItem(list(reviews))
        # fsrs-rs trains on predicting a review across days; a same-day last review is refused.
        if elapsed_days > 0 and item.long_term_review_cnt() > 0:
            items.append((review.at, item))
    return items


async def _load(database: Database, profile_id: int) -> tuple[Profile, list[TypedReview]]:
    async with database.session() as session:
        profile = await profile_by_id(session, profile_id)
        query = (
            select(
                col(Review.card_id),
                col(Review.reviewed_at),
                col(Review.rating),
                col(Review.state_before),
            )
            .where(
                col(Review.profile_id) == profile_id,
                col(Review.mode) == int(Stage.TYPING),
                col(Review.rating).between(1, 4),
            )
            .order_by(col(Review.card_id), col(Review.reviewed_at), col(Review.id))
        )
        rows = (await session.execute(query)).all()
    return profile, [
        TypedReview(card_id, at, rating, state == int(CardState.NEW))
        for card_id, at, rating, state in rows
    ]


async def fit_personal_parameters(
    database: Database,
    profile_id: int,
    *,
    min_reviews: int = MIN_REVIEWS,
    fitter: Fitter | None = None,
    keep: bool = True,
) -> FitReport:
    """Fit, compare on the held-out later reviews, keep if better, and reschedule every card;
    with `keep=False` only report (a front-end asks first, then calls `keep_parameters`)."""
    profile, reviews = await _load(database, profile_id)
    if len(reviews) < min_reviews:
        return FitReport(
            len(reviews), False, Said("fsrs.fit.too_few", count=len(reviews), needed=min_reviews)
        )
    optimizer = _optimizer()
    calendar = StudyCalendar(profile.timezone, profile.day_start_hour)
    cutoff = sorted(review.at for review in reviews)[int(len(reviews) * (1 - HOLDOUT_FRACTION))]
    dated = [
        item
        for history in histories(reviews).values()
        for item in fsrs_items(history, calendar, optimizer)
    ]
    train = [item for at, item in sorted(dated, key=lambda pair: pair[0]) if at < cutoff]
    test = [item for at, item in dated if at >= cutoff]
    if not train or not test:
        return FitReport(len(reviews), False, Said("fsrs.fit.separate_days"))
    defaults = list(optimizer.DEFAULT_PARAMETERS)
    fit = fitter or optimizer.FSRS(defaults).compute_parameters

    def train_and_evaluate() -> tuple[tuple[float, ...], float, float]:
        personal = tuple(float(p) for p in fit(train))
        default_loss = float(optimizer.FSRS(defaults).evaluate(test).log_loss)
        personal_loss = float(optimizer.FSRS(list(personal)).evaluate(test).log_loss)
        return personal, default_loss, personal_loss

    # The optimiser is CPU-bound native code: off the event loop, the TUI and notebooks stay live.
    personal, default_loss, personal_loss = await asyncio.to_thread(train_and_evaluate)
    better = personal_loss < default_loss
    kept = better and keep
    rescheduled = 0
    if kept:
        rescheduled = await _keep(database, profile_id, personal, reviews)
    verdict = "fsrs.fit.kept" if kept else "fsrs.fit.better" if better else "fsrs.fit.worse"
    return FitReport(
        better=better,
        reviews=len(reviews),
        kept=kept,
        message=Said(verdict, personal=f"{personal_loss:.4f}", default=f"{default_loss:.4f}"),
        default_log_loss=default_loss,
        personal_log_loss=personal_loss,
        parameters=personal,
        train_items=len(train),
        test_items=len(test),
        rescheduled=rescheduled,
    )


async def keep_parameters(database: Database, profile_id: int, parameters: Sequence[float]) -> int:
    """Store fitted parameters on the profile and reschedule its cards; how many were."""
    _, reviews = await _load(database, profile_id)
    return await _keep(database, profile_id, tuple(parameters), reviews)


def replay(history: Sequence[TypedReview], scheduler: Scheduler) -> FsrsCard:
    """A card as it would stand had it always been scheduled by `scheduler`."""
    card = FsrsCard(card_id=0, state=State.Learning, step=0)
    for review in history:
        card, _ = scheduler.review_card(card, Rating(review.rating), review.at)
    return card


async def _keep(
    database: Database,
    profile_id: int,
    parameters: tuple[float, ...],
    reviews: Sequence[TypedReview],
) -> int:
    """Store the parameters and reschedule the profile's typed cards under them."""
    config = SchedulingConfig()
    async with database.session() as session:
        profile = await profile_by_id(session, profile_id)
        profile.fsrs_parameters = list(parameters)
        session.add(profile)
        scheduler = Scheduler(
            parameters=parameters,
            desired_retention=profile.desired_retention,
            learning_steps=config.learning_steps,
            relearning_steps=config.relearning_steps,
            enable_fuzzing=False,
        )
        live = set(
            (
                await session.execute(
                    select(col(Card.id)).where(
                        col(Card.profile_id) == profile_id,
                        col(Card.state) != int(CardState.NEW),
                    )
                )
            ).scalars()
        )
        rows = []
        for card_id, history in histories(reviews).items():
            if card_id not in live:
                continue
            card = replay(history, scheduler)
            rows.append(
                {
                    "b_card": card_id,
                    "b_state": int(card.state),
                    "b_step": card.step,
                    "b_stability": card.stability,
                    "b_difficulty": card.difficulty,
                    "b_due": card.due,
                    "b_last_review": card.last_review,
                }
            )
        if rows:
            table = Card.__table__  # type: ignore[attr-defined]
            statement = (
                update(table)
                .where(table.c.id == bindparam("b_card"), table.c.profile_id == profile_id)
                .values(
                    {
                        name: bindparam(f"b_{name}")
                        for name in (
                            "state",
                            "step",
                            "stability",
                            "difficulty",
                            "due",
                            "last_review",
                        )
                    }
                )
            )
            await session.execute(statement, rows)
        return len(rows)
