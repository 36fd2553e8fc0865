"""Statistics and level-bootstrap benchmark.

    python bench/stats_bench.py [--url URL] [--words 100000] [--reviews 1000000]

Prints (1) the time to bootstrap A1–B1 of one language from the packaged starter vocabulary into a
fresh profile (goal ≤ 2 s); (2) the time of the full `statistics_summary` for one profile with
`--words` words (two cards each) and `--reviews` reviews spread over two years (goal ≤ 200 ms):
the first call, which folds the whole log into the rollups once, then steady state and right after
a lesson; (3) vocabulary paging through the first 100 pages in both orders.
The default database is a temporary SQLite file; pass a PostgreSQL URL to measure that instead.
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

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import bulk_insert, describe_ms, timed

from words_tui.domain.enums import CardState, Stage, WordStatus
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Lesson, Review, UserWord, Word
from words_tui.infrastructure.dictionaries.starter import StarterVocabulary
from words_tui.services.stats.summary import statistics_summary
from words_tui.services.vocabulary.browse import Order, browse
from words_tui.services.vocabulary.profiles import ProfileKnobs, create_profile
from words_tui.services.vocabulary.wordlists import bootstrap_from_starter

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
HISTORY = timedelta(days=730)
LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
FIRST_ID = 10_000_000
"""Seeded rows get explicit ids from here on, clear of the ids the bootstrap takes from sequences."""


async def seed(database: Database, words: int, reviews: int) -> int:
    """One profile (Europe/Berlin, day starts 04:00) with words, cards and a review log."""
    knobs = ProfileKnobs(timezone="Europe/Berlin", day_start_hour=4)
    profile = await create_profile(database, "bench", "en", "ru", "B1", knobs)
    assert profile.id is not None
    pid = profile.id
    rng = random.Random(7)
    engine = database.engine
    await bulk_insert(
        engine,
        Word.__table__,  # type: ignore[arg-type]
        (
            {
                "id": FIRST_ID + i,
                "lang": "ru",
                "text": f"слово{i}",
                "norm": f"слово{i}",
                "pos": "noun",
                "cefr": LEVELS[min(i * len(LEVELS) // words, len(LEVELS) - 1)],
                "freq_rank": i,
            }
            for i in range(1, words + 1)
        ),
    )
    await bulk_insert(
        engine,
        UserWord.__table__,  # type: ignore[arg-type]
        (
            {
                "id": FIRST_ID + i,
                "profile_id": pid,
                "word_id": FIRST_ID + i,
                "meanings": [f"word{i}"],
                "status": rng.choice(list(WordStatus)).value,
                "notes": "",
                "tags": [],
                "added_at": NOW - HISTORY,
            }
            for i in range(1, words + 1)
        ),
    )
    await bulk_insert(
        engine,
        Card.__table__,  # type: ignore[arg-type]
        (
            {
                "id": FIRST_ID + 2 * i - 1 + direction,
                "user_word_id": FIRST_ID + i,
                "profile_id": pid,
                "direction": direction,
                "stage": Stage.TYPING.value,
                "state": CardState.REVIEW.value,
                "stability": rng.uniform(1, 200),
                "difficulty": rng.uniform(1, 10),
                "due": NOW + timedelta(hours=rng.uniform(-24 * 10, 24 * 90)),
                "last_review": NOW - timedelta(days=rng.uniform(0, 60)),
                "reps": rng.randint(1, 20),
                "lapses": rng.randint(0, 5),
                "accepted_extra": [],
            }
            for i in range(1, words + 1)
            for direction in (0, 1)
        ),
    )
    cards = 2 * words
    moments = sorted(NOW - HISTORY * rng.random() for _ in range(reviews))
    await bulk_insert(
        engine,
        Review.__table__,  # type: ignore[arg-type]
        (_review(rng, pid, cards, moment) for moment in moments),
    )
    await bulk_insert(
        engine,
        Lesson.__table__,  # type: ignore[arg-type]
        (
            {
                "profile_id": pid,
                "started_at": NOW - timedelta(days=d),
                "finished_at": NOW - timedelta(days=d),
                "size": 30,
            }
            for d in range(600)
        ),
    )
    return pid


def _review(rng: random.Random, profile_id: int, cards: int, moment: datetime) -> dict[str, object]:
    """One answer; the log is appended in time order, as the lesson engine writes it."""
    card = FIRST_ID + rng.randint(1, cards)
    typed = rng.random() < 0.8
    state = rng.choices([1, 2, 3], [15, 80, 5])[0] if typed else 0
    return {
        "card_id": card,
        "profile_id": profile_id,
        "reviewed_at": moment,
        "direction": (card - FIRST_ID - 1) % 2,
        "mode": Stage.TYPING.value if typed else Stage.CHOICE.value,
        "answer": "",
        "verdict": "exact",
        "rating": rng.choices([1, 2, 3, 4], [12, 10, 70, 8])[0],
        "duration_ms": rng.randint(800, 9000),
        "state_before": state,
        "card_before": {},
    }


async def analyse(database: Database) -> None:
    """Refresh the planner's statistics after the bulk load, as autovacuum would on PostgreSQL."""
    if database.engine.dialect.name != "postgresql":
        return
    async with database.engine.connect() as connection:
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.execute(text("VACUUM ANALYZE"))


async def bench_statistics(database: Database, words: int, reviews: int) -> None:
    start = time.perf_counter()
    profile_id = await seed(database, words, reviews)
    await analyse(database)
    print(
        f"seeded {words:,} words, {2 * words:,} cards, {reviews:,} reviews "
        f"in {time.perf_counter() - start:.1f} s"
    )
    start = time.perf_counter()
    summary = await statistics_summary(database, profile_id, NOW)
    print(
        f"first summary (folds the whole log into the rollups, once): "
        f"{time.perf_counter() - start:.2f} s — {summary.reviews:,} reviews, "
        f"streak {summary.streak.current}, forecast today {summary.forecast[0].count}"
    )
    samples = await timed(lambda: statistics_summary(database, profile_id, NOW), repeat=7)
    print(
        f"statistics_summary at {words:,} words / {reviews:,} reviews: {describe_ms(samples)}"
        " (goal ≤ 200 ms)"
    )
    rng = random.Random(11)
    lesson = [
        _review(rng, profile_id, 2 * words, NOW - timedelta(minutes=30 - i)) for i in range(30)
    ]
    after: list[float] = []
    for _ in range(5):
        await bulk_insert(database.engine, Review.__table__, lesson)  # type: ignore[arg-type]
        after += await timed(lambda: statistics_summary(database, profile_id, NOW), repeat=1)
    print(f"statistics_summary right after a 30-card lesson: {describe_ms(after)}")
    await bench_browse(database, profile_id)


async def bench_browse(database: Database, profile_id: int) -> None:
    """Keyset paging through the whole vocabulary: page 1 should cost what page 100 does."""
    for order in Order:
        cursor = None
        samples = []
        for _ in range(100):
            start = time.perf_counter()
            page = await browse(database, profile_id, order=order, after=cursor)
            samples.append(time.perf_counter() - start)
            cursor = page.next_cursor
        print(f"browse, {order.value} order, pages 1–100 of 50 words: {describe_ms(samples)}")


async def bench_bootstrap(database: Database) -> None:
    start = time.perf_counter()
    starter = StarterVocabulary.default()
    loaded = time.perf_counter() - start
    profile = await create_profile(database, "bootstrap", "en", "ru", "B1")
    assert profile.id is not None
    start = time.perf_counter()
    result = await bootstrap_from_starter(database, profile.id, starter, now=NOW)
    elapsed = time.perf_counter() - start
    print(
        f"starter table: {len(starter):,} concepts loaded in {loaded * 1000:.0f} ms; "
        f"bootstrap A1–B1 (en→ru): {result.added:,} words in {elapsed * 1000:.0f} ms (goal ≤ 2 s)"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        database = Database(url)
        await database.init()
        try:
            await bench_bootstrap(database)
            await bench_statistics(database, args.words, args.reviews)
        finally:
            await database.close()


if __name__ == "__main__":
    asyncio.run(main())
