"""Progress dashboard benchmark: every DataFrame and chart for one profile with 1M reviews.

    python bench/dashboard_bench.py [--url URL] [--words 100000] [--reviews 1000000] [--repeat 3]

Builds a profile with `--words` words (two cards each) and `--reviews` reviews over two years with
Core `insert()` — the statistics benchmark's `seed`, so both measure the same data — then times
what the dashboard's Refresh does for its default period (3 months), in its two phases: the
history's SQL aggregates shaped by pandas and their six charts to SVG, then the period's answers
and every card (`analysis.load_details`) and the four Anki-style charts.
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
from words_tui.notebook.analysis import load_details, load_progress
from words_tui.notebook.charts import DETAIL_CHARTS, HISTORY_CHARTS
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
        """The two phases of the dashboard's Refresh: the history's aggregates and their six
        charts, then the period's answers and every card and their four charts."""
        start = time.perf_counter()
        frames = await load_progress(core, profile_id, days, details=False)
        render_charts(frames, HISTORY_CHARTS)
        first = time.perf_counter()
        frames = await load_details(core, frames, days)
        render_charts(frames, DETAIL_CHARTS)
        return first - start, time.perf_counter() - first

    cold_history, cold_details = await refresh()
    print(
        f"first refresh (statistics rollups built from the whole log): {cold_history:.2f} s "
        f"history charts + {cold_details:.2f} s answers and cards"
    )
    warm = [await refresh() for _ in range(repeat)]
    history = statistics.median(h for h, _ in warm)
    details = statistics.median(d for _, d in warm)
    print(
        f"refresh (3 months), median of {repeat}: history's aggregates and {len(HISTORY_CHARTS)} "
        f"charts {history:.2f} s (goal ≤ 3 s); then the answers and cards and "
        f"{len(DETAIL_CHARTS)} charts {details:.2f} s"
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
