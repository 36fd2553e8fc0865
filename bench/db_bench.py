"""Database benchmark: bulk insert throughput and the due-cards query at 1M cards.

    python bench/db_bench.py [--url URL] [--cards 1000000]

Prints rows/s for 100k words + 200k cards (goal ≥ 100k rows/s) and the p95 of the due-cards query
through the async session at the given card count (goal ≤ 1 ms).
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
from typing import Any

from sqlalchemy import Table, select
from sqlmodel import col

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import describe_ms, insert_rows, paused_gc, timed

from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Profile, User, UserWord, Word

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


async def seed_profile(database: Database) -> int:
    async with database.session() as session:
        user = User(name="bench")
        session.add(user)
        await session.flush()
        assert user.id is not None
        profile = Profile(user_id=user.id, name="en-ru", native_lang="ru", target_lang="en")
        session.add(profile)
        await session.flush()
        assert profile.id is not None
        return profile.id


def rows_for(
    profile_id: int, words: int, first_id: int
) -> list[tuple[Table, list[dict[str, Any]]]]:
    """`words` words, user words and two cards each, as (table, rows) in insertion order."""
    rng = random.Random(first_id)
    ids = range(first_id, first_id + words)
    word_rows = [{"id": i, "lang": "en", "text": f"w{i}", "norm": f"w{i}", "pos": ""} for i in ids]
    user_word_rows = [
        {
            "id": i,
            "profile_id": profile_id,
            "word_id": i,
            "meanings": ["x"],
            "tags": [],
            "status": 2,
            "notes": "",
            "added_at": NOW,
        }
        for i in ids
    ]
    card_rows = [
        {
            "user_word_id": i,
            "profile_id": profile_id,
            "direction": d,
            "stage": 1,
            "active": True,
            "state": 2,
            "stability": 10.0,
            "difficulty": 5.0,
            "due": NOW + timedelta(days=rng.uniform(-5, 60)),
            "reps": 3,
            "lapses": 0,
            "consecutive_correct": 3,
            "choice_correct": 3,
            "accepted_extra": [],
        }
        for i in ids
        for d in (0, 1)
    ]
    return [
        (Word.__table__, word_rows),  # type: ignore[list-item]
        (UserWord.__table__, user_word_rows),  # type: ignore[list-item]
        (Card.__table__, card_rows),  # type: ignore[list-item]
    ]


async def load(
    database: Database, profile_id: int, words: int, first_id: int
) -> tuple[int, float, float]:
    """Insert `words` words, user words and two cards each; returns (rows, wall s, CPU s).

    The lists of dicts are built before the clock starts: the figure is the insert's alone, in
    one transaction as a bulk load would be.
    """
    with paused_gc():
        tables = rows_for(profile_id, words, first_id)
        start, cpu = time.perf_counter(), time.process_time()
        count = 0
        async with database.engine.begin() as connection:
            for table, rows in tables:
                count += await insert_rows(connection, table, rows)
        elapsed = time.perf_counter() - start, time.process_time() - cpu
        del tables
    return count, *elapsed


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="database URL (default: a SQLite file in a temp dir)")
    parser.add_argument("--cards", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        database = Database(args.url or f"sqlite:///{Path(tmp) / 'bench.db'}")
        await database.init()
        profile_id = await seed_profile(database)
        rows, elapsed, cpu = await load(database, profile_id, 100_000, 1)
        print(
            f"bulk insert: 100k words + 100k user words + 200k cards = {rows:,} rows "
            f"in {elapsed:.2f} s wall, {cpu:.2f} s CPU → {rows / elapsed:,.0f} rows/s "
            f"(goal ≥ 100,000; {rows / cpu:,.0f} rows per CPU second)"
        )
        remaining = max(0, args.cards - 200_000) // 2
        if remaining:
            await load(database, profile_id, remaining, 100_001)

        query = (
            select(Card)
            .where(col(Card.profile_id) == profile_id, col(Card.active), col(Card.due) <= NOW)
            .order_by(col(Card.due))
            .limit(30)
        )

        async with database.sessions() as session:

            async def due_cards() -> None:
                cards = (await session.execute(query)).scalars().all()
                assert len(cards) == 30
                session.expunge_all()

            await timed(due_cards, 20)
            samples = await timed(due_cards, 500)
        print(
            f"due-cards query (30 due of {args.cards:,} cards, open async session): "
            f"{describe_ms(samples)} (goal p95 ≤ 1 ms)"
        )

        async def session_and_query() -> None:
            async with database.sessions() as session:
                await session.execute(query)

        samples = await timed(session_and_query, 200)
        print(
            f"  incl. opening the session (a new connection each time: NullPool): "
            f"{describe_ms(samples)}"
        )
        await database.close()


if __name__ == "__main__":
    asyncio.run(main())
