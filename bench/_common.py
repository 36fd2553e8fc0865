"""Helpers shared by the benchmarks: timing figures and fast bulk loading (`bulk.insert_many`)."""

from __future__ import annotations

import compileall
import gc
import os
import statistics
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

import words_tui
from words_tui.infrastructure.db.bulk import insert_many

CHUNK = 20_000


def percentile(samples: Sequence[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def describe_ms(samples: Sequence[float]) -> str:
    """'p50 … p95 … max …' in milliseconds for samples given in seconds."""
    ms = [s * 1000 for s in samples]
    return (
        f"p50 {statistics.median(ms):.3f} ms, p95 {percentile(ms, 95):.3f} ms, "
        f"max {max(ms):.3f} ms (n={len(ms)})"
    )


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cycle collector off while 100k's of row dicts are alive (the importer does the same):
    its passes rescan every live row and add a fifth to a bulk insert's CPU time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


async def insert_rows(
    connection: AsyncConnection, table: Table, rows: Iterable[dict[str, Any]]
) -> int:
    """Insert rows in chunks of CHUNK with the database layer's executemany; returns the count."""
    count = 0
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            await insert_many(connection, table, batch)
            count += len(batch)
            batch = []
    if batch:
        await insert_many(connection, table, batch)
        count += len(batch)
    return count


async def bulk_insert(engine: AsyncEngine, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    """Insert rows in chunks with executemany, in a transaction of their own; returns the count."""
    async with engine.begin() as connection:
        return await insert_rows(connection, table, rows)


async def timed(call: Callable[[], Awaitable[Any]], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - start)
    return samples


def quiz_env(data_dir: Path, user: str) -> dict[str, str]:
    """The environment of a `words-tui` started on the database in `data_dir` as `user`,
    without this shell's words-tui settings or LLM key (no judge)."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("WORDS_", "OPENAI_"))},
        "WORDS_DATA_DIR": str(data_dir),
        "WORDS_CONFIG_FILE": str(data_dir / "config.toml"),
        "WORDS_USER": user,
        "LANG": "en_US.UTF-8",
        "TERM": "xterm-256color",
    }


def compile_bytecode() -> None:
    """Write the package's bytecode, as `pip install` does for a regular install, so a cold
    start measures loading it, not compiling ~120 modules from source (which an editable
    install under PYTHONDONTWRITEBYTECODE would repeat on every start, ≈ 0.2 s of CPU)."""
    compileall.compile_dir(Path(words_tui.__file__).parent, quiet=1)
