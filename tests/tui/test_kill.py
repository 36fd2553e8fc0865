"""SIGKILL in the middle of a lesson loses no answer the learner has seen judged."""

from __future__ import annotations

import asyncio
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select as sql_select
from sqlmodel import col

from tests.builders import spanish_learner
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Review

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = 3
STARTUP_LIMIT_S = 120.0
"""Only a safety net against a hung child; the test never asserts on time."""


def read_lines(child: subprocess.Popen[bytes], until: str) -> list[str]:
    """Lines from the child's stdout up to and including `until`."""
    assert child.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + STARTUP_LIMIT_S
    buffer = b""
    while not lines or lines[-1] != until:
        ready, _, _ = select.select([child.stdout], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise AssertionError(f"the app reported {lines} and then nothing")
        chunk = os.read(child.stdout.fileno(), 4096)
        if not chunk:
            raise AssertionError(
                f"the app exited after {lines}: {child.stderr and child.stderr.read()!r}"
            )
        buffer += chunk
        *complete, buffer = buffer.split(b"\n")
        lines += [line.decode() for line in complete if line.strip()]
    return lines


async def prepare(database: Database) -> None:
    await database.init()
    await spanish_learner(database)


async def stored(database: Database, answered: list[int]) -> tuple[list[int], dict[int, int]]:
    """The cards with a review row, and the repetition count of the answered cards."""
    async with database.session() as session:
        reviewed = list((await session.execute(sql_select(col(Review.card_id)))).scalars())
        rows = await session.execute(
            sql_select(col(Card.id), col(Card.reps)).where(col(Card.id).in_(answered))
        )
        reps = {card_id: count for card_id, count in rows.all()}
    await database.close()
    return reviewed, reps


def test_sigkill_mid_lesson_keeps_every_judged_answer(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'words.db'}")
    asyncio.run(prepare(database))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.tui.kill_child", database.url, str(ANSWERS)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    try:
        lines = read_lines(child, "waiting")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    answered = [int(line.split()[1]) for line in lines if line.startswith("answered")]
    assert len(answered) == ANSWERS
    reviewed, reps = asyncio.run(stored(database, answered))
    assert sorted(reviewed) == sorted(answered)
    assert reps == dict.fromkeys(answered, 1)
