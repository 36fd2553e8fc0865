"""What `words-tui` loads on its way to an interactive home screen, in a real child process.

The start path must not pay for what only later screens use: the LLM SDK and its retry and
HTTP stack, Alembic (the schema revision is read with one query), the notebook's libraries,
the lemma tables, the typo matcher. And the garbage collector, paused for the start, must run
again once it is over.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.builders import T0, cards_of, review, spanish_learner
from tests.statements import plan, recorded
from tests.tui.pilot import open_screen, text_of
from words_tui.services import Core

HEAVY = (
    "openai",
    "httpx",
    "tenacity",
    "aiolimiter",
    "alembic",
    "pandas",
    "numpy",
    "ipywidgets",
    "matplotlib",
    "simplemma",
    "wordfreq",
    "rapidfuzz",
    "genanki",
    "asyncpg",
)


def start(env: dict[str, str]) -> list[dict[str, Any]]:
    """The child's reports: at the interactive home, and once the start is over."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.tui.start_child"],
        capture_output=True,
        env={**os.environ, **env},
        timeout=120,
        check=True,
    )
    return [json.loads(line) for line in result.stdout.decode().splitlines() if line]


def test_home_is_interactive_without_the_heavy_libraries(isolated_settings: Path) -> None:
    profile = subprocess.run(
        [sys.executable, "-m", "words_tui", "profile", "add", "en", "es", "--level", "A1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert profile.returncode == 0, profile.stderr
    home, started = start({"OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": "http://127.0.0.1:9"})
    assert home["stage"] == "home"
    loaded = {name.split(".")[0] for name in home["modules"]}
    assert "sqlalchemy" in loaded  # the home screen's counts came from the database
    assert sorted(loaded.intersection(HEAVY)) == []
    assert "sqlalchemy.dialects.postgresql" not in home["modules"]  # the database is SQLite
    assert not home["collecting"]
    assert started["collecting"]
    assert started["frozen"] > 10_000


async def test_home_reads_the_review_log_only_through_an_index_range(core: Core) -> None:
    """Streaks, activity and today's counts come from the rollups, brought up to date with the
    reviews since they last were, and from index ranges: no statement of a home screen's start
    walks the review log (SQLite's plan says SCAN for that)."""
    database = core.database
    profile_id = await spanish_learner(database)
    card = (await cards_of(database, profile_id, "gato"))[0]
    for day in range(1, 30):
        await review(database, card, T0 - timedelta(days=day))
    async with open_screen(core):
        pass  # the first start folds the log into the rollups
    await review(database, card, T0 - timedelta(hours=1))
    with recorded(database) as statements:
        async with open_screen(core) as pilot:
            assert text_of(pilot.app, "#streak").endswith("30")  # today's review counted
    on_log = [(s, p) for s, p in statements if re.search(r"\breviews\b", s)]
    assert on_log
    for statement, parameters in on_log:
        steps = plan(database, statement, parameters)
        assert not [step for step in steps if step.startswith("SCAN reviews")], (statement, steps)
