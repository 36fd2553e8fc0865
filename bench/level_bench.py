"""Benchmark: a level for any language pair, as `words-tui profile add en fr --level L` builds it.

    python bench/level_bench.py                 # fr and de at A2 and B2
    python bench/level_bench.py --pairs en:it --levels C1

Printed per pair and level: the time to rank the language's lemmas (wordfreq + simplemma; the first
ranking of a language also loads its tables), and the whole fill through the Core — frequency list, source chain, bulk LLM engine on
the local OpenAI-compatible test server (answers at once, so the figure is words_tui's own cost),
the words added — and, without an LLM, the time to fill the "to translate" list instead.
Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.llm_server import FakeLLMServer
from words_tui.domain.enums import Level
from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.services.vocabulary import frequent_lemmas
from words_tui.settings import load_settings


async def fill(database_dir: Path, pair: str, level: str, server: FakeLLMServer | None) -> str:
    native, target = pair.split(":")
    database = Database(
        f"sqlite+aiosqlite:///{database_dir}/{pair.replace(':', '-')}-{level}-{server is not None}.db"
    )
    await database.init()
    extra = (
        {"openai_api_key": server.api_key, "openai_base_url": server.base_url,
         "llm_requests_per_minute": 60_000, "llm_batch_size": 25}
        if server is not None else {}
    )  # fmt: skip
    core = Core(database, load_settings(database_url=database.url, **extra))
    try:
        profile = await core.profiles.create(native, target, level)
        assert profile.id is not None
        start = time.perf_counter()
        result = await core.vocabulary.fill_level(profile.id)
        elapsed = time.perf_counter() - start
    finally:
        await core.close()
    kind = "with the LLM" if server is not None else "without an LLM"
    return f"  fill {kind}: {elapsed:.2f} s — {result.added:,} added, {result.pending:,} waiting"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", nargs="+", default=["en:fr", "en:de"])
    parser.add_argument("--levels", nargs="+", default=["A2", "B2"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, FakeLLMServer() as server:
        for pair in args.pairs:
            for level in args.levels:
                target = pair.split(":")[1]
                start = time.perf_counter()
                lemmas = frequent_lemmas(target, Level(level))
                ranking = time.perf_counter() - start
                print(f"{pair} {level}: {len(lemmas):,} lemmas ranked in {ranking:.2f} s")
                print(await fill(Path(tmp), pair, level, server))
                print(await fill(Path(tmp), pair, level, None))


if __name__ == "__main__":
    asyncio.run(main())
