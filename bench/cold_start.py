"""Cold start to the first card, as a person sees it, beside Clanki on an equivalent collection.

    python bench/cold_start.py [--cards 20000 200000] [--runs 5] [--reviews-per-card 0]

For each size, builds a database of cards / 2 words of Spanish for an English speaker, both
directions, every card new (as right after importing a word list; `--reviews-per-card N` adds
a review log of N × cards rows to show the start does not grow with history). Then, 1 + `--runs`
times (the first run migrates and is not counted; the package's bytecode is written first, as
`pip install` does), starts the real `words-tui` command
in a pseudo-terminal (100×30) as a new process, waits for the home screen's menu, presses `l`
and waits for the first card's word. Prints median and max of wall time to the interactive home
and to the card, and the process's CPU time (user + system) up to the card, which varies less
on a loaded machine. Goals: home ≤ 0.4 s, card ≤ 0.5 s at 20k cards and ≤ 0.7 s at 200k.

When `clanki` and `anki` are installed (`pip install -e ".[bench]"`), the same is done with
Clanki (a Textual flashcard TUI on Anki's Rust backend) on an Anki collection of the same notes
("Basic (and reversed card)", so as many cards): its deck list stands for the home screen and
Enter on the deck for `l`. The ratio words-tui ÷ Clanki of the median time to the card is
printed (goal ≤ 0.8).

First it prints the floor under those figures: the CPU a new process spends importing the
libraries the first card needs (Textual; the data layer: pydantic-settings, SQLAlchemy, SQLModel
and the services on them) before it opens the database or draws anything — median of `--runs`
processes. On one core's worth of Python (the interpreter lock) the card cannot come sooner.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import io
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import compile_bytecode, quiz_env
from lesson_bench import seed

from words_tui.infrastructure.db.database import Database
from words_tui.services.vocabulary.profiles import use_profile

SIZE = (100, 30)
TIMEOUT_S = 60.0
USER = "bench"
WORDS_HOME = b"Start a lesson"
CLANKI_HOME = b"Default"
CARD_WORD = re.compile(rb"meaning \d+|[a-z\xc3\xa1\xb1]{4,}\d+")
"""A card's prompt: a seeded word ("carrosa12", "árbol7") or its meaning ("meaning 12")."""
ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b."
)


@dataclass
class Run:
    """One cold start: seconds to the home screen and to the card, and CPU seconds used."""

    home: float
    card: float
    cpu: float
    word: str


def visible(output: bytes) -> bytes:
    """Terminal output without its escape sequences: the text that was drawn."""
    return ESCAPES.sub(b"", output)


def cold_run(command: list[str], env: dict[str, str], home: bytes, key: bytes) -> Run:
    """Start `command` on a pseudo-terminal, wait for `home`, press `key`, wait for a card."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    start = time.perf_counter()
    child = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    seen, home_at, after = b"", 0.0, 0
    try:
        while True:
            ready, _, _ = select.select([master], [], [], TIMEOUT_S)
            if not ready:
                stage = "the card" if home_at else home.decode()
                raise RuntimeError(
                    f"{command[0]}: no {stage} within {TIMEOUT_S} s: {seen[-800:]!r}"
                )
            seen += os.read(master, 65536)
            if not home_at and home in visible(seen):
                home_at = time.perf_counter() - start
                after = len(seen)
                os.write(master, key)
            if home_at and (found := CARD_WORD.search(visible(seen[after:]))):
                card_at = time.perf_counter() - start
                break
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        _, _, usage = os.wait4(child.pid, 0)
        os.close(master)
    return Run(home_at, card_at, usage.ru_utime + usage.ru_stime, found.group().decode())


def series(label: str, runs: list[Run]) -> float:
    """Print median and max of each figure; returns the median time to the card."""
    print(f"{label}  (card shown: {runs[0].word!r})")
    for name, values in (
        ("home interactive", [r.home for r in runs]),
        ("first card on screen", [r.card for r in runs]),
        ("CPU time to the card", [r.cpu for r in runs]),
    ):
        print(f"  {name:<22} median {statistics.median(values):.3f} s, max {max(values):.3f} s"
              f" (n={len(values)})")  # fmt: skip
    return statistics.median(r.card for r in runs)


def repeat(
    command: list[str], env: dict[str, str], home: bytes, key: bytes, runs: int
) -> list[Run]:
    cold_run(command, env, home, key)  # migrates, builds rollups, warms the file cache: not counted
    return [cold_run(command, env, home, key) for _ in range(runs)]


async def words_database(data_dir: Path, cards: int, reviews: int) -> None:
    database = Database(f"sqlite+aiosqlite:///{data_dir / 'words.db'}")
    await database.init()
    profile_id = await seed(database, cards, reviews, now=datetime.now(UTC), new_only=True)
    await use_profile(database, USER, profile_id)
    await database.close()


def words_tui(data_dir: Path, cards: int, reviews: int, runs: int) -> float:
    start = time.perf_counter()
    asyncio.run(words_database(data_dir, cards, reviews))
    print(f"words-tui: {cards:,} cards, {reviews:,} reviews built in "
          f"{time.perf_counter() - start:.1f} s")  # fmt: skip
    env = quiz_env(data_dir, USER)
    command = [str(Path(sys.executable).parent / "words-tui")]
    return series(f"words-tui at {cards:,} cards", repeat(command, env, WORDS_HOME, b"l", runs))


def clanki_missing() -> str | None:
    """Why Clanki cannot run here, or None when it can."""
    try:
        import anki.collection  # noqa: F401
        import clanki  # noqa: F401
    except ImportError as err:
        return f"{err.name} is not installed (pip install -e '.[bench]')"
    return None


def clanki_collection(base: Path, cards: int) -> None:
    """An Anki collection of the same notes: word and meaning, both directions."""
    from anki.collection import AddNoteRequest, Collection

    (base / "User 1").mkdir(parents=True)
    collection = Collection(str(base / "User 1" / "collection.anki2"))
    notetype = collection.models.by_name("Basic (and reversed card)")
    deck = collection.decks.id("Default")
    requests = []
    for index in range(cards // 2):
        note = collection.new_note(notetype)
        note["Front"], note["Back"] = f"palabra{index}", f"meaning {index}"
        requests.append(AddNoteRequest(note=note, deck_id=deck))
    with contextlib.redirect_stdout(io.StringIO()):  # anki prints a stack for a slow call
        collection.add_notes(requests)
    collection.close()


def clanki(base: Path, cards: int, runs: int) -> float:
    clanki_collection(base, cards)
    env = {**os.environ, "ANKI_BASE": str(base), "HOME": str(base), "TERM": "xterm-256color"}
    command = [str(Path(sys.executable).parent / "clanki")]
    return series(f"Clanki at {cards:,} cards", repeat(command, env, CLANKI_HOME, b"\r", runs))


FLOOR = (
    ("the interpreter", ""),
    ("Textual", "import textual.app, textual.widgets"),
    ("SQLAlchemy, SQLModel, pydantic-settings, aiosqlite",
     "import sqlalchemy.ext.asyncio, sqlmodel, pydantic_settings, aiosqlite"),
)  # fmt: skip
OURS = (
    "import words_tui.settings, words_tui.services.vocabulary, words_tui.services.lessons, "
    "words_tui.services.stats, words_tui.tui.screens.home, words_tui.tui.screens.lesson"
)
"""The libraries and words-tui's own modules the first card needs."""


def import_cpu(statement: str) -> float:
    """CPU seconds (user + system) of a new interpreter running `statement`."""
    child = subprocess.Popen([sys.executable, "-c", statement])
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise RuntimeError(f"{statement!r} failed with status {status}")
    return usage.ru_utime + usage.ru_stime


def library_floor(runs: int) -> None:
    """Print the median CPU of importing each layer the first card needs, and of all of them."""
    print(f"CPU of a new process importing, median of {runs}:")
    libraries = "; ".join(statement for _, statement in FLOOR if statement)
    for label, statement in (
        *FLOOR,
        ("those libraries together", libraries),
        ("with words-tui's modules the first card needs", OURS),
    ):
        cpu = statistics.median(import_cpu(statement) for _ in range(runs))
        print(f"  {label:<52} {cpu:.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reviews-per-card", type=int, default=0)
    args = parser.parse_args()
    compile_bytecode()  # once, before the floor and every size's runs
    library_floor(args.runs)
    missing = clanki_missing()
    for cards in args.cards:
        with tempfile.TemporaryDirectory() as tmp:
            ours = words_tui(Path(tmp) / "words", cards, cards * args.reviews_per_card, args.runs)
            if missing:
                print(f"Clanki not run: {missing}")
                continue
            theirs = clanki(Path(tmp) / "anki", cards, args.runs)
            print(f"ratio words-tui / Clanki, median time to the card at {cards:,} cards: "
                  f"{ours / theirs:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
