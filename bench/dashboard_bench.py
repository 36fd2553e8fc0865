"""Progress dashboard benchmark: every DataFrame and chart for one profile with 1M reviews.

    python bench/dashboard_bench.py [--url URL] [--words 100000] [--reviews 1000000] [--repeat 3]

Builds a profile with `--words` words (two cards each) and `--reviews` reviews over two years with
Core `insert()` — the statistics benchmark's `seed`, so both measure the same data — then times
what the dashboard's Refresh does for its default period (3 months): `analysis.load_progress`
(the SQL aggregates, the period's answers and every card, then pandas shaping) and drawing every
chart to SVG (`dashboard.render_charts`); then once the "all" period (every answer of the log).
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
from words_tui.notebook.charts import CHARTS
from words_tui.notebook.dashboard import DEFAULT_DAYS, render_charts
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

    async def refresh(days: int | None = DEFAULT_DAYS) -> tuple[float, float]:
        start = time.perf_counter()
        frames = await load_progress(core, profile_id, days)
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
        f"refresh (3 months), median of {repeat}: {data + charts:.2f} s = DataFrames {data:.2f} s "
        f"+ {len(CHARTS)} charts to SVG {charts:.2f} s (goal ≤ 3 s)"
    )
    every_data, every_charts = await refresh(None)
    print(
        f"refresh (all, every answer): {every_data + every_charts:.2f} s = DataFrames "
        f"{every_data:.2f} s + charts {every_charts:.2f} s"
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
