"""Progress dashboard benchmark: every DataFrame and chart for one profile with 1M reviews.

    python bench/dashboard_bench.py [--url URL] [--words 100000] [--reviews 1000000] [--repeat 3]

Builds a profile with `--words` words (two cards each) and `--reviews` reviews over two years with
Core `insert()`, then times what the dashboard's Refresh does: `analysis.load_progress` (the SQL
aggregates, then pandas shaping) and drawing the six charts to PNG (`dashboard.render_charts`).
The first load also brings the statistics rollups up to date with the whole log; it is printed
separately from the warm loads that every later refresh costs (goal: all of it ≤ 3 s). The
default database is a temporary SQLite file; pass a PostgreSQL URL to measure that instead.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import bulk_insert

from words_tui.domain.enums import CardState, Stage, Verdict, WordStatus
from words_tui.infrastructure.database import Database
from words_tui.infrastructure.models import Card, Review, UserWord, Word
from words_tui.notebook.analysis import load_progress
from words_tui.notebook.dashboard import render_charts
from words_tui.services.profiles import ProfileKnobs, create_profile

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)
HISTORY_DAYS = 730
LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
FIRST_ID = 10_000_000
"""Seeded rows take explicit ids from here, clear of the ids the profile's own rows use."""


def _review(rng: random.Random, profile_id: int, cards: int) -> dict[str, Any]:
    card = rng.randrange(cards)
    typed = rng.random() < 0.8
    state = int(CardState.REVIEW if rng.random() < 0.7 else CardState.LEARNING) if typed else 0
    passed = rng.random() < (0.88 if state == CardState.REVIEW else 0.8)
    at = NOW - timedelta(days=HISTORY_DAYS * rng.random() ** 0.7, seconds=rng.randrange(86_400))
    return {
        "card_id": FIRST_ID + card,
        "profile_id": profile_id,
        "reviewed_at": at,
        "direction": card % 2,
        "mode": int(Stage.TYPING if typed else Stage.CHOICE),
        "answer": "",
        "verdict": str(Verdict.EXACT if passed else Verdict.WRONG),
        "rating": rng.choice((2, 3, 3, 3, 4)) if passed else 1,
        "duration_ms": rng.randrange(2_000, 15_000),
        "state_before": state,
        "stability": rng.uniform(0.5, 300),
        "difficulty": rng.uniform(1, 10),
        "card_before": {},
    }


async def seed(database: Database, words: int, reviews: int) -> int:
    """One Spanish-from-English profile (Europe/Madrid, day starts 04:00) with its history."""
    knobs = ProfileKnobs(timezone="Europe/Madrid", day_start_hour=4)
    profile = await create_profile(database, "bench", "en", "es", "B1", knobs)
    assert profile.id is not None
    pid = profile.id
    rng = random.Random(7)
    engine = database.engine
    await bulk_insert(
        engine,
        Word.__table__,  # type: ignore[attr-defined]
        (
            {
                "id": FIRST_ID + i,
                "lang": "es",
                "text": f"palabra{i}",
                "norm": f"palabra{i}",
                "pos": "noun",
                "cefr": LEVELS[i * len(LEVELS) // words],
                "freq_rank": i,
            }
            for i in range(words)
        ),
    )
    await bulk_insert(
        engine,
        UserWord.__table__,  # type: ignore[attr-defined]
        (
            {
                "id": FIRST_ID + i,
                "profile_id": pid,
                "word_id": FIRST_ID + i,
                "meanings": [f"word{i}"],
                "status": int(WordStatus.REVIEW),
                "notes": "",
                "tags": [],
                "added_at": NOW - timedelta(days=HISTORY_DAYS),
            }
            for i in range(words)
        ),
    )
    await bulk_insert(
        engine,
        Card.__table__,  # type: ignore[attr-defined]
        (
            {
                "id": FIRST_ID + 2 * i + direction,
                "user_word_id": FIRST_ID + i,
                "profile_id": pid,
                "direction": direction,
                "stage": int(Stage.TYPING),
                "state": int(CardState.REVIEW),
                "stability": rng.uniform(1, 200),
                "difficulty": rng.uniform(1, 10),
                "due": NOW + timedelta(hours=rng.uniform(-24 * 10, 24 * 60)),
                "last_review": NOW - timedelta(days=rng.uniform(0, 60)),
                "reps": rng.randint(1, 20),
                "lapses": rng.randint(0, 6),
                "accepted_extra": [],
            }
            for i in range(words)
            for direction in (0, 1)
        ),
    )
    await bulk_insert(
        engine,
        Review.__table__,  # type: ignore[attr-defined]
        (_review(rng, pid, 2 * words) for _ in range(reviews)),
    )
    return pid


async def run(url: str | None, words: int, reviews: int, repeat: int) -> None:
    folder = tempfile.TemporaryDirectory(prefix="words-tui-dashboard-bench-")
    database = Database(url or f"sqlite+aiosqlite:///{Path(folder.name) / 'bench.db'}")
    await database.init()
    started = time.perf_counter()
    profile_id = await seed(database, words, reviews)
    print(
        f"seeded {words:,} words and {reviews:,} reviews in {time.perf_counter() - started:.1f} s"
    )
    print(f"database: {database.location}")

    async def refresh() -> tuple[float, float]:
        start = time.perf_counter()
        frames = await load_progress(database, profile_id, NOW)
        loaded = time.perf_counter()
        render_charts(frames)
        return loaded - start, time.perf_counter() - loaded

    cold_data, cold_charts = await refresh()
    print(
        f"first refresh (statistics rollups built from the whole log): {cold_data + cold_charts:.2f} s "
        f"= data {cold_data:.2f} s + charts {cold_charts:.2f} s"
    )
    warm = [await refresh() for _ in range(repeat)]
    data = statistics.median(d for d, _ in warm)
    charts = statistics.median(c for _, c in warm)
    print(
        f"refresh, median of {repeat}: {data + charts:.2f} s = DataFrames {data:.2f} s "
        f"+ 6 charts to PNG {charts:.2f} s (goal ≤ 3 s)"
    )
    await database.close()
    folder.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(run(args.url, args.words, args.reviews, args.repeat))


if __name__ == "__main__":
    main()
