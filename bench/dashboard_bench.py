"""Progress dashboard benchmark: every DataFrame and chart for one profile with 1M reviews.

    python bench/dashboard_bench.py [--url URL] [--words 100000] [--reviews 1000000] [--repeat 3]

Builds a profile with `--words` words (two cards each) and `--reviews` reviews over two years with
Core `insert()` — the statistics benchmark's `seed`, so both measure the same data — then times
what the dashboard's Refresh does: `analysis.load_progress` (the SQL aggregates, then pandas
shaping) and drawing the six charts to PNG (`dashboard.render_charts`).
The first load also brings the statistics rollups up to date with the whole log; it is printed
separately from the warm loads that every later refresh costs (goal: all of it ≤ 3 s). The
default database is a temporary SQLite file; pass a PostgreSQL URL to measure that instead.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from stats_bench import NOW, seed

from words_tui.infrastructure.db.database import Database
from words_tui.notebook.analysis import load_progress
from words_tui.notebook.dashboard import render_charts
from words_tui.services import Core
from words_tui.settings import load_settings


async def run(url: str | None, words: int, reviews: int, repeat: int) -> None:
    folder = tempfile.TemporaryDirectory(prefix="words-tui-dashboard-bench-")
    database = Database(url or f"sqlite+aiosqlite:///{Path(folder.name) / 'bench.db'}")
    await database.init()
    started = time.perf_counter()
    profile_id = await seed(database, words, reviews)
    print(
        f"seeded {words:,} words and {reviews:,} reviews in {time.perf_counter() - started:.1f} s"
    )
    print(f"database: {database.location}", flush=True)
    core = Core(database, load_settings(database_url=database.url), clock=lambda: NOW)

    async def refresh() -> tuple[float, float]:
        start = time.perf_counter()
        frames = await load_progress(core, profile_id)
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
