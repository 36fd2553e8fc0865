"""Import a generated 100k-row CSV into a fresh SQLite (or WORDS_BENCH_URL) database; print times.

Goal: ≤ 5 s for the first import. Also times the re-import (nothing changes) and a CSV export.
Wall and CPU time are both printed: on a shared machine the wall time mostly measures the others.
Run: /work/venv/bin/python bench/import_bench.py [rows]   (WORDS_BENCH_URL=postgresql://... for PG)
"""

from __future__ import annotations

import asyncio
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

from words_tui.infrastructure.db.database import Database
from words_tui.services.transfer.import_export import export_profile, import_file
from words_tui.services.vocabulary.profiles import create_profile

DEFAULT_ROWS = 100_000


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["word", "translation", "example", "tags"])
        for i in range(rows):
            writer.writerow(
                [
                    f"wort{i}",
                    f"word {i}; term {i}",
                    f"Das ist wort{i}. | This is word {i}.",
                    "bench",
                ]
            )


async def run(rows: int, workdir: Path) -> None:
    source = workdir / "words.csv"
    write_csv(source, rows)
    url = os.environ.get("WORDS_BENCH_URL") or f"sqlite+aiosqlite:///{workdir / 'bench.db'}"
    database = Database(url)
    await database.init()
    profile = await create_profile(database, f"bench{time.time_ns()}", "en", "de", "A1")
    assert profile.id is not None
    try:
        for label in ("first import", "re-import"):
            start, cpu = time.perf_counter(), time.process_time()
            report = await import_file(database, profile.id, source)
            elapsed = time.perf_counter() - start
            print(
                f"{label:>13}: {elapsed:6.2f} s wall, {time.process_time() - cpu:6.2f} s CPU "
                f"({rows / elapsed:,.0f} rows/s)  {report.summary()}"
            )
        start, cpu = time.perf_counter(), time.process_time()
        exported = await export_profile(database, profile.id, workdir / "out.csv", "csv")
        print(
            f"{'csv export':>13}: {time.perf_counter() - start:6.2f} s wall, "
            f"{time.process_time() - cpu:6.2f} s CPU  {exported.summary()}"
        )
    finally:
        await database.close()


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ROWS
    with tempfile.TemporaryDirectory(prefix="words-tui-bench-") as tmp:
        asyncio.run(run(rows, Path(tmp)))


if __name__ == "__main__":
    main()
