"""Demo mode: a throwaway database with a synthetic learner's months of history.

The notebooks run on a fresh install with no API key and no lessons taken yet: `build_demo` opens
a `Core` on a SQLite file in a temporary directory, creates a Spanish-from-English profile filled
from the starter vocabulary, simulates the learner (`learner`) and writes the log with a handful
of bulk statements. `populate_demo` does the same on any migrated database a core is open on (the
tests use it on PostgreSQL too).
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from words_tui.domain.enums import Direction, Level, WordStatus
from words_tui.domain.scheduling import SchedulingConfig, word_status
from words_tui.infrastructure.db.models import Card, Lesson, Review, UserWord, Word
from words_tui.services.core import Clock, Core, system_clock
from words_tui.services.demo.learner import (
    LearnerProfile,
    SimCard,
    SimReview,
    Simulation,
    simulate,
)
from words_tui.services.parts import Parts
from words_tui.services.vocabulary import Profiles, bootstrap_from_starter, create_profile
from words_tui.settings import Settings, load_settings

DEMO_USER = "demo"
DEMO_PROFILE = "Demo: Spanish"
DEMO_NATIVE, DEMO_TARGET = "en", "es"
HARDER_DIRECTION = 1.2
"""Producing the foreign word is harder than recognising it: its recall chance is raised to this."""
EASE_SPREAD = 0.3
"""Spread (log-normal sigma) of the per-word exponent on recall chances: some words are hard."""
LEVEL_MIXING = 2.0
"""How far (in CEFR levels) a word may jump the queue of words to introduce."""


@dataclass(frozen=True)
class Demo:
    """The demo learner and its profile; `path` is the SQLite file (None when not SQLite)."""

    user: str
    profile_id: int
    reviews: int
    path: Path | None = None


async def build_demo(
    settings: Settings | None = None,
    *,
    directory: Path | None = None,
    learner: LearnerProfile | None = None,
    now: datetime | None = None,
) -> tuple[Core, Demo]:
    """A core on a fresh SQLite demo database in `directory` (default: a new temporary
    directory) holding the demo learner; the caller closes the core. Everything but the database
    and the learner comes from `settings` (read when not given): the LLM endpoint, the profile
    knobs the simulation does not set. With `now`, the core's clock stands still at it."""
    settings = settings or load_settings()
    folder = directory or Path(tempfile.mkdtemp(prefix="words-tui-demo-"))
    path = folder / "demo.db"
    if path.exists():
        raise FileExistsError(f"{path} exists; demo mode only writes a fresh database")
    demo_settings = settings.model_copy(
        update={"database_url": f"sqlite+aiosqlite:///{path}", "user": DEMO_USER}
    )
    clock: Clock = system_clock if now is None else (lambda: now)
    core = await Core.connect(demo_settings, clock=clock)
    try:
        demo = await populate_demo(core, learner, now)
    except BaseException:
        await core.close()
        raise
    return core, replace(demo, path=path)


async def populate_demo(
    parts: Parts, learner: LearnerProfile | None = None, now: datetime | None = None
) -> Demo:
    """Create the demo learner's profile in a migrated database and write its simulated history.

    The profile takes the settings' knobs (desired retention, typing threshold ...) except the
    lesson size and new words a day, which are the simulated learner's habits.
    """
    learner = learner or LearnerProfile()
    now = now or parts.now()
    start = now - timedelta(days=learner.days)
    knobs = replace(
        Profiles(parts).defaults(),
        name=DEMO_PROFILE,
        timezone=learner.timezone,
        day_start_hour=learner.day_start_hour,
        lesson_size=learner.lesson_size,
        new_per_day=learner.new_words_per_day,
    )
    database = parts.database
    profile = await create_profile(database, DEMO_USER, DEMO_NATIVE, DEMO_TARGET, Level.A2, knobs)
    assert profile.id is not None
    await bootstrap_from_starter(database, profile.id, parts.starter(), now=start)
    config = SchedulingConfig(
        desired_retention=profile.desired_retention,
        typing_after=profile.typing_after,
        enable_fuzzing=False,
    )
    async with database.engine.connect() as connection:
        cards = await _cards(connection, profile.id, random.Random(learner.seed))
    result = simulate(cards, start, config, learner)
    async with database.engine.begin() as connection:
        await _write(connection, profile.id, result, config)
    return Demo(DEMO_USER, profile.id, len(result.reviews))


async def _cards(connection: AsyncConnection, profile_id: int, rng: random.Random) -> list[SimCard]:
    """The profile's cards in the order the learner meets them, with each word's hidden ease.

    Mostly easier levels first, as lessons introduce them, but mixed a little (words the learner
    added by hand), so "words learned by level" has more than one colour.
    """
    query = (
        select(
            col(Card.id),
            col(Card.user_word_id),
            col(Card.direction),
            col(Word.text),
            col(Word.cefr),
            col(UserWord.meanings),
        )
        .join(UserWord, col(UserWord.id) == col(Card.user_word_id))
        .join(Word, col(Word.id) == col(UserWord.word_id))
        .where(col(Card.profile_id) == profile_id)
        .order_by(col(Card.user_word_id), col(Card.direction))
    )
    by_word: dict[int, list[SimCard]] = {}
    order: dict[int, float] = {}
    for card_id, word_id, direction, text, cefr, meanings in await connection.execute(query):
        assert card_id is not None
        if word_id not in by_word:
            by_word[word_id] = []
            rank = Level(cefr).rank if cefr else len(Level)
            order[word_id] = rank + rng.uniform(0.0, LEVEL_MIXING)
            ease = rng.lognormvariate(0.0, EASE_SPREAD)
        towards_foreign = Direction(direction) == Direction.NATIVE_TO_FOREIGN
        by_word[word_id].append(
            SimCard(
                card_id=card_id,
                user_word_id=word_id,
                direction=Direction(direction),
                expected=text if towards_foreign else meanings[0],
                ease=ease * (HARDER_DIRECTION if towards_foreign else 1.0),
            )
        )
    return [card for word_id in sorted(by_word, key=order.__getitem__) for card in by_word[word_id]]


async def _write(
    connection: AsyncConnection, profile_id: int, result: Simulation, config: SchedulingConfig
) -> None:
    lessons = Lesson.__table__  # type: ignore[attr-defined]
    lesson_ids: list[int] = []
    if result.lessons:
        inserted = await connection.execute(
            insert(lessons).returning(lessons.c.id, sort_by_parameter_order=True),
            [
                {
                    "profile_id": profile_id,
                    "started_at": lesson.started_at,
                    "finished_at": lesson.finished_at,
                    "size": lesson.size,
                    "correct": lesson.correct,
                    "wrong": lesson.wrong,
                    "new_words": lesson.new_words,
                }
                for lesson in result.lessons
            ],
        )
        lesson_ids = [row[0] for row in inserted.all()]
    if result.reviews:
        await connection.execute(
            insert(Review.__table__),  # type: ignore[attr-defined]
            [_review_row(profile_id, review, lesson_ids) for review in result.reviews],
        )
    await _update_cards(connection, result.cards, config)


def _review_row(profile_id: int, review: SimReview, lesson_ids: list[int]) -> dict[str, Any]:
    return {
        "card_id": review.card.card_id,
        "profile_id": profile_id,
        "lesson_id": lesson_ids[review.lesson],
        "reviewed_at": review.at,
        "direction": int(review.card.direction),
        "mode": int(review.mode),
        "answer": review.answer,
        "verdict": str(review.verdict),
        "rating": review.rating,
        "duration_ms": review.duration_ms,
        "state_before": int(review.state_before),
        "stability": review.stability,
        "difficulty": review.difficulty,
        "card_before": {},
    }


async def _update_cards(
    connection: AsyncConnection, cards: list[SimCard], config: SchedulingConfig
) -> None:
    """Write each card's final progress, and each word's status as its two cards imply."""
    touched = [card for card in cards if card.progress.reps > 0]
    if not touched:
        return
    table = Card.__table__  # type: ignore[attr-defined]
    by_word: dict[int, list[SimCard]] = {}
    for card in touched:
        by_word.setdefault(card.user_word_id, []).append(card)
    statuses = {
        word_id: word_status([c.progress for c in word_cards], config)
        for word_id, word_cards in by_word.items()
    }
    await connection.execute(
        update(table).where(table.c.id == bindparam("b_id")),
        [
            {
                "b_id": card.card_id,
                "stage": int(card.progress.stage),
                "state": int(card.progress.state),
                "step": card.progress.step,
                "stability": card.progress.stability,
                "difficulty": card.progress.difficulty,
                "due": card.progress.due,
                "last_review": card.progress.last_review,
                "reps": card.progress.reps,
                "lapses": card.progress.lapses,
                "consecutive_correct": card.progress.consecutive_correct,
                "choice_correct": card.progress.choice_correct,
                "active": statuses[card.user_word_id] != WordStatus.MASTERED,
            }
            for card in touched
        ],
    )
    words = UserWord.__table__  # type: ignore[attr-defined]
    await connection.execute(
        update(words).where(words.c.id == bindparam("b_id")),
        [{"b_id": word_id, "status": int(status)} for word_id, status in statuses.items()],
    )
