"""The quiz, a notebook import, cron's `remind`, `doctor` and the sqlite3 shell share one database,
and processes die at random moments: nothing that was reported saved is lost, nothing corrupts.

Process A answers lessons as fast as it can, B imports words in batches as the notebook does,
C loops `words-tui remind` and `words-tui doctor`, D loops plain sqlite3 reads and the sqlite3
shell. A and B are SIGKILLed at random moments (each after it has done some work since its last start)
and restarted. Afterwards every answer whose call
returned is in the review log, every committed word is in the vocabulary, the file passes
`PRAGMA integrity_check`, and no caller ever saw `disk I/O error` or `database is locked`.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import signal
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import col

from tests.builders import learner_with_words
from words_tui.infrastructure.db.database import Database, sqlite_path
from words_tui.infrastructure.db.models import Review, UserWord, Word

ROOT = Path(__file__).resolve().parent.parent
DURATION_S = 20.0
KILL_EVERY_S = (0.5, 2.5)
FORBIDDEN = ("disk I/O error", "database is locked", "malformed", "not a database")
READER = """
import sqlite3, sys, time
deadline = time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline:
    connection = sqlite3.connect(sys.argv[1], timeout=30)
    connection.execute("SELECT count(*) FROM reviews").fetchall()
    connection.close()
"""


@dataclass
class Worker:
    """One restartable worker process (A or B) and what it left behind."""

    role: str
    args: list[str]
    log: Path
    process: asyncio.subprocess.Process | None = None
    kills: int = 0
    starts: int = 0
    logged_at_start: int = 0
    stderr: list[str] = field(default_factory=list)

    @property
    def progressed(self) -> bool:
        """Whether it logged something since it last started (so every life does some work)."""
        return len(logged(self.log)) > self.logged_at_start

    async def start(self, env: dict[str, str]) -> None:
        extra = [str(self.starts)] if self.role == "import" else []
        self.starts += 1
        self.logged_at_start = len(logged(self.log))
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.stress_workers",
            self.role,
            *self.args,
            str(self.log),
            *extra,
            stderr=asyncio.subprocess.PIPE,
            env=env,
        )

    async def kill(self) -> None:
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
            self.kills += 1
        _, err = await self.process.communicate()
        text = err.decode(errors="replace")
        if self.process.returncode != -signal.SIGKILL or text.strip():
            self.stderr.append(f"exit {self.process.returncode}: {text}")


async def loop_commands(commands: list[list[str]], env: dict[str, str], until: float) -> list[str]:
    """Run the commands in turn until `until`; returns what any of them printed to stderr."""
    complaints = []
    loop = asyncio.get_running_loop()
    while loop.time() < until:
        for command in commands:
            process = await asyncio.create_subprocess_exec(
                *command,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE,
                env=env,
            )
            _, err = await process.communicate()
            if process.returncode != 0 or err.strip():
                complaints.append(f"{command}: exit {process.returncode}: {err.decode()}")
    return complaints


def logged(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line]


async def stress(url: str, folder: Path) -> dict[str, int]:
    database = Database(url)
    await database.init()
    profile = await learner_with_words(database, user="stress")
    assert profile.id is not None
    await database.close()
    env = {
        **os.environ,
        "WORDS_DATABASE_URL": url,
        "WORDS_USER": "stress",
        "PYTHONPATH": str(ROOT),
    }
    quiz = Worker("quiz", [url, str(profile.id)], folder / "answers.log")
    importer = Worker("import", [url, str(profile.id)], folder / "words.log")
    for worker in (quiz, importer):
        await worker.start(env)
    loop = asyncio.get_running_loop()
    until = loop.time() + DURATION_S
    cli = [sys.executable, "-m", "words_tui"]
    background = [loop_commands([[*cli, "remind", "--print"], [*cli, "doctor"]], env, until)]
    path = sqlite_path(url)
    if path is not None:
        shell = shutil.which("sqlite3")
        assert shell is not None, "the sqlite3 shell (Debian package sqlite3) is needed"
        reader = [sys.executable, "-c", READER, str(path), "1"]
        # The shell waits for a lock as a person would retry (its default is to fail at once,
        # e.g. while the next writer recovers the log of one just killed).
        tables = [shell, "-cmd", ".timeout 5000", str(path), ".tables"]
        background.append(loop_commands([reader, tables], env, until))
    others = asyncio.gather(*background)
    rng = random.Random(os.getpid())
    while loop.time() < until:
        await asyncio.sleep(rng.uniform(*KILL_EVERY_S))
        ready = [worker for worker in (quiz, importer) if worker.progressed]
        if ready:
            victim = rng.choice(ready)
            await victim.kill()
            await victim.start(env)
    complaints = [line for batch in await others for line in batch]
    for worker in (quiz, importer):
        await worker.kill()
    problems = complaints + quiz.stderr + importer.stderr
    assert not [p for p in problems if any(word in p for word in FORBIDDEN)], problems
    assert problems == []

    answers = {int(line) for line in logged(quiz.log)}
    words = set(logged(importer.log))
    database = Database(url)
    async with database.session() as session:
        reviews = set((await session.execute(select(col(Review.id)))).scalars())
        known = set(
            (
                await session.execute(
                    select(col(Word.text))
                    .join(UserWord, col(UserWord.word_id) == col(Word.id))
                    .where(col(UserWord.profile_id) == profile.id)
                )
            ).scalars()
        )
    await database.close()
    assert answers <= reviews, f"{len(answers - reviews)} answers reported saved are gone"
    assert words <= known, f"{len(words - known)} committed words are gone"
    if path is not None:
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert answers and words, "the writers never got going"
    return {
        "answers": len(answers),
        "words": len(words),
        "kills": quiz.kills + importer.kills,
    }


@pytest.mark.slow
async def test_sqlite_shared_by_the_quiz_an_import_cron_and_the_shell_loses_nothing(
    tmp_path: Path,
) -> None:
    figures = await stress(f"sqlite+aiosqlite:///{tmp_path / 'words.db'}", tmp_path)
    print(f"SQLite stress: {figures}")


@pytest.mark.slow
@pytest.mark.postgres
async def test_postgresql_shared_by_the_quiz_an_import_and_cron_loses_nothing(
    postgres_url: str, tmp_path: Path
) -> None:
    figures = await stress(postgres_url, tmp_path)
    print(f"PostgreSQL stress: {figures}")
