"""Lesson benchmark: building a lesson, answering a card, checking an answer locally.

    python bench/lesson_bench.py [--url URL] [--cards 100000] [--reviews 1000000] [--lessons 30]

Seeds one profile with `--cards` cards (two per word: most in typed review with varied memory,
some in multiple choice, some new) and `--reviews` review rows, then prints
(1) `start_lesson` time (goal ≤ 20 ms), (2) `answer` → next card including the commit, no LLM
(goal p95 ≤ 10 ms), (3) the local answer checker per answer, caches cleared (goal ≤ 0.2 ms).
The default database is a temporary SQLite file; pass the URL of an empty PostgreSQL database
to measure that instead (it is vacuumed and analysed after seeding, as autovacuum would have).
The machine should be otherwise idle: every figure is a wall-clock time.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import bulk_insert, describe_ms
from sqlalchemy import text

from words_tui.domain import answers, normalise
from words_tui.domain.enums import CardState, Stage, Verdict, WordStatus
from words_tui.domain.scheduling import SchedulingConfig
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import (
    Card,
    Entry,
    Profile,
    Review,
    User,
    UserWord,
    Word,
)
from words_tui.infrastructure.language_data import LanguageData
from words_tui.services.lessons.checking import AnswerChecker, Question
from words_tui.services.lessons.service import LessonService

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)
SYLLABLES = ["ca", "sa", "pe", "rro", "ga", "to", "mi", "lo", "ár", "bol", "ni", "ño", "me", "za"]
POS = ("noun", "verb", "adj", "adv")
LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")


def pseudo_word(rng: random.Random, index: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) + str(index)


class Clock:
    """Fixed bench time that moves on with the wall clock, so due times stay consistent."""

    def __init__(self) -> None:
        self.started = time.perf_counter()

    def __call__(self) -> datetime:
        return NOW + timedelta(seconds=time.perf_counter() - self.started)


async def seed(
    database: Database, cards: int, reviews: int, *, now: datetime = NOW, new_only: bool = False
) -> int:
    """One profile with cards / 2 words, their cards and a review log, as of `now`; returns its
    id. `new_only`: every card new, as right after importing a word list."""
    rng = random.Random(11)
    words = cards // 2
    async with database.session() as session:
        user = User(name="bench")
        session.add(user)
        await session.flush()
        assert user.id is not None
        profile = Profile(user_id=user.id, name="es", native_lang="en", target_lang="es")
        session.add(profile)
        await session.flush()
        assert profile.id is not None
        pid = profile.id
    engine = database.engine
    texts = [pseudo_word(rng, i) for i in range(words)]
    await bulk_insert(
        engine,
        Word.__table__,  # type: ignore[arg-type]
        (
            {
                "id": i + 1,
                "lang": "es",
                "text": t,
                "norm": t,
                "pos": POS[i % 4],
                "cefr": LEVELS[i % 6],
                "freq_rank": i,
            }
            for i, t in enumerate(texts)
        ),
    )
    await bulk_insert(
        engine,
        Entry.__table__,  # type: ignore[arg-type]
        (
            {
                "id": i + 1,
                "word_id": i + 1,
                "target_lang": "en",
                "source": "bench",
                "meanings": [{"text": f"meaning {i}", "pos": POS[i % 4], "note": ""}],
                "examples": [{"source": f"Una {t}.", "target": f"A meaning {i}."}],
                "forms": {"plural": t + "s"},
                "created_at": now,
            }
            for i, t in enumerate(texts)
        ),
    )
    await bulk_insert(
        engine,
        UserWord.__table__,  # type: ignore[arg-type]
        (
            {
                "id": i + 1,
                "profile_id": pid,
                "word_id": i + 1,
                "entry_id": i + 1,
                "meanings": [f"meaning {i}"],
                "status": int(WordStatus.REVIEW),
                "notes": "",
                "tags": [],
                "added_at": now - timedelta(days=400),
            }
            for i in range(words)
        ),
    )
    rows = (card_row(rng, pid, i, now, new_only) for i in range(cards))
    await bulk_insert(engine, Card.__table__, rows)  # type: ignore[arg-type]
    await bulk_insert(
        engine,
        Review.__table__,  # type: ignore[arg-type]
        (
            {
                "card_id": rng.randrange(cards) + 1,
                "profile_id": pid,
                "reviewed_at": now - timedelta(minutes=rng.randrange(24 * 60, 365 * 24 * 60)),
                "direction": 0,
                "mode": int(Stage.TYPING),
                "answer": "x",
                "verdict": "exact",
                "rating": 3,
                "duration_ms": 4000,
                "state_before": 2,
                "card_before": {},
            }
            for _ in range(reviews)
        ),
    )
    return pid


async def settle(database: Database) -> None:
    """On PostgreSQL, gather statistics and set the visibility map, as autovacuum has on any
    database in use: tables loaded a moment ago have neither, and would be planned as a bulk
    load, not as a learner's vocabulary (index-only scans need the visibility map)."""
    if database.engine.dialect.name != "postgresql":
        return
    async with database.engine.connect() as connection:
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.execute(text("VACUUM ANALYZE"))


def card_row(
    rng: random.Random, pid: int, index: int, now: datetime, new_only: bool
) -> dict[str, object]:
    """90 % in typed review (about 4 % of them due), 7 % in multiple choice, 3 % new; or new."""
    kind = rng.random()
    row: dict[str, object] = {
        "id": index + 1,
        "user_word_id": index // 2 + 1,
        "profile_id": pid,
        "direction": index % 2,
        "active": True,
        "accepted_extra": [],
        "stage": int(Stage.CHOICE),
        "state": int(CardState.NEW),
        "step": None,
        "stability": None,
        "difficulty": None,
        "last_review": None,
        "due": now - timedelta(days=1),
        "reps": 0,
        "lapses": 0,
        "consecutive_correct": 0,
        "choice_correct": 0,
    }
    if new_only:
        return row
    if kind < 0.90:
        stability = rng.uniform(1, 400)
        last = now - timedelta(days=rng.uniform(0, stability * 1.04))
        row |= {"stage": int(Stage.TYPING), "state": int(CardState.REVIEW), "step": None,
                "stability": stability, "difficulty": rng.uniform(1, 10), "last_review": last,
                "due": last + timedelta(days=stability), "reps": 8}  # fmt: skip
    elif kind < 0.97:
        last = now - timedelta(minutes=rng.uniform(1, 3000))
        row |= {"stage": int(Stage.CHOICE), "state": 0, "last_review": last, "reps": 1,
                "due": last + timedelta(minutes=10), "choice_correct": 1}  # fmt: skip
    return row


async def bench_lessons(database: Database, pid: int, lessons: int) -> None:
    config = SchedulingConfig(enable_fuzzing=False)
    service = LessonService(database, clock=Clock(), scheduling=config)
    await service.start_lesson(pid)  # loads the language data once
    builds, answers_s = [], []
    typed = 0
    rng = random.Random(5)
    for _ in range(lessons):
        start = time.perf_counter()
        lesson = await service.start_lesson(pid)
        builds.append(time.perf_counter() - start)
        while (card := lesson.current) is not None:
            answer = card.expected
            if not card.is_choice:
                typed += 1
                roll = rng.random()
                answer = answer[:-1] if roll < 0.15 else "nonsense" if roll < 0.3 else answer
            start = time.perf_counter()
            await service.answer(lesson, card, answer, 4.0)
            answers_s.append(time.perf_counter() - start)
    print(f"build a lesson (start_lesson):        {describe_ms(builds)}")
    print(f"answer -> next card, incl. commit:    {describe_ms(answers_s)} ({typed} typed)")


def bench_checker(count: int) -> None:
    """Unique answers (exact, typo, accent, form, wrong) with every checker cache cleared."""
    rng = random.Random(3)
    checker = AnswerChecker(LanguageData())
    cases = []
    for i in range(count):
        word = pseudo_word(rng, i)
        question = Question(
            f"meaning {i}", (word, f"el {word}"), "en", "es", {"plural": word + "s"}
        )
        variant = rng.choice(
            [word, word[:-2] + word[-1:], normalise.fold_accents(word, "es"), word + "s", "perro"]
        )
        cases.append((question, variant))
    for cached in (normalise.normalise, normalise.split_leading_word, normalise.fold_accents):
        cached.cache_clear()
    answers._candidates.cache_clear()
    verdicts: dict[Verdict, int] = {}
    samples = []
    for question, variant in cases:
        start = time.perf_counter()
        verdict = checker.check_locally(question, variant).verdict
        samples.append(time.perf_counter() - start)
        verdicts[verdict] = verdicts.get(verdict, 0) + 1
    mix = ", ".join(f"{v.value} {n}" for v, n in sorted(verdicts.items()))
    print(f"local answer check, per answer:       {describe_ms(samples)} [{mix}]")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--lessons", type=int, default=30)
    parser.add_argument("--checks", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        database = Database(url)
        await database.init()
        start = time.perf_counter()
        pid = await seed(database, args.cards, args.reviews)
        await settle(database)
        print(f"seeded {args.cards} cards, {args.reviews} reviews in "
              f"{time.perf_counter() - start:.1f} s ({database.location})")  # fmt: skip
        await bench_lessons(database, pid, args.lessons)
        bench_checker(args.checks)
        await database.close()


if __name__ == "__main__":
    asyncio.run(main())
