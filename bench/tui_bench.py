"""TUI benchmark: cold start, answer → next card, a browser page at 100k words.

    python bench/tui_bench.py [--words 100000] [--reviews 200000] [--starts 5] [--answers 60]

(1) Cold start: `python -m words_tui` in a pseudo-terminal (100×30) on an existing profile, time
    until the first frame is written and until the home screen is interactive (goal ≤ 0.5 s to
    the first frame; openai, pandas, SQLAlchemy and Alembic load after it) — and the same for
    `run_app()` started directly, which shows what the CLI module's own imports add.
(2) Answer → frame: in the running app (headless, the seeded 100k-word profile), from the key
    press to the frame that shows the verdict, and from Enter to the frame with the next card,
    choice and typed cards, no LLM (goal p95 ≤ 16 ms).
(3) Browser: the first page and the next page of the 100k-word vocabulary, from the request to
    the frame showing it (goal ≤ 200 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import compile_bytecode, describe_ms, quiz_env
from lesson_bench import Clock, seed

from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.services.vocabulary.profiles import use_profile
from words_tui.settings import load_settings
from words_tui.tui.app import WordsApp, create_app

SIZE = (100, 30)
FIRST_FRAME = b"words-tui"
HOME_READY = b"Start a lesson"
START_TIMEOUT_S = 60.0
USER = "bench"


CLI = [sys.executable, "-m", "words_tui"]
TUI_ONLY = [sys.executable, "-c", "from words_tui.tui.main import run_app; run_app()"]
"""The quiz without the CLI module, whose other commands import SQLAlchemy and Alembic up front."""


def pty_run(command: list[str], env: dict[str, str], markers: list[bytes]) -> list[float]:
    """Start `command` on a pseudo-terminal; seconds until each marker appears."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    start = time.perf_counter()
    child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    seen, found = b"", []
    try:
        while len(found) < len(markers):
            ready, _, _ = select.select([master], [], [], START_TIMEOUT_S)
            if not ready:
                raise RuntimeError(f"no {markers[len(found)]!r} within {START_TIMEOUT_S} s")
            seen += os.read(master, 65536)
            while len(found) < len(markers) and markers[len(found)] in seen:
                found.append(time.perf_counter() - start)
    finally:
        child.kill()
        child.wait()
        os.close(master)
    return found


def bench_cold_start(data_dir: Path, starts: int) -> None:
    env = quiz_env(data_dir, USER)
    compile_bytecode()
    pty_run(CLI, env, [HOME_READY])  # the first run migrates: not counted
    runs = [pty_run(CLI, env, [FIRST_FRAME, HOME_READY]) for _ in range(starts)]
    tui_only = [pty_run(TUI_ONLY, env, [FIRST_FRAME, HOME_READY]) for _ in range(starts)]
    version = []
    for _ in range(starts):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "words_tui", "--version"], env=env, check=True,
                       capture_output=True)  # fmt: skip
        version.append(time.perf_counter() - start)
    print(f"{'words-tui: first frame':<40} {describe_ms([r[0] for r in runs])}")
    print(f"{'words-tui: interactive home':<40} {describe_ms([r[1] for r in runs])}")
    print(f"{'run_app() alone: first frame':<40} {describe_ms([r[0] for r in tui_only])}")
    print(f"{'run_app() alone: interactive home':<40} {describe_ms([r[1] for r in tui_only])}")
    print(f"{'words-tui --version':<40} {describe_ms(version)}")


Moment = tuple[float, float]
"""(wall clock, process CPU time) in seconds."""


def now() -> Moment:
    return time.perf_counter(), time.process_time()


def mark_calls(cls: type, name: str) -> list[Moment]:
    """When each call of `cls.name` completed (the moment the screen state changed)."""
    calls: list[Moment] = []
    original = getattr(cls, name)

    def marked(self: Any, *args: Any, **kwargs: Any) -> Any:
        result = original(self, *args, **kwargs)
        calls.append(now())
        return result

    setattr(cls, name, marked)
    return calls


class FrameClock:
    """Records when the app produced each frame (headless apps still composite every frame)."""

    def __init__(self, app: WordsApp) -> None:
        self.frames: list[Moment] = []
        original: Callable[..., None] = app._display

        def display(*args: Any) -> None:
            original(*args)
            self.frames.append(now())

        app._display = display  # type: ignore[method-assign]

    def latency(self, pressed: Moment, changed: Moment) -> Moment:
        """From the key press to the first frame after the state change: wall and CPU time."""
        frame = next(f for f in self.frames if f[0] >= changed[0])
        return frame[0] - pressed[0], frame[1] - pressed[1]


class Latencies:
    """Wall-clock and CPU-time samples of one measured step."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def add(self, sample: Moment) -> None:
        self.wall.append(sample[0])
        self.cpu.append(sample[1])

    def report(self) -> None:
        print(f"{self.label:<40} wall {describe_ms(self.wall)}")
        print(f"{'':<40} CPU  {describe_ms(self.cpu)}")


async def settle(pilot: Any) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def back_home(pilot: Any) -> None:
    """Leave the lesson (or its summary) for the home screen."""
    from words_tui.tui.screens.home import HomeScreen
    from words_tui.tui.screens.lesson import LessonScreen

    if isinstance(pilot.app.screen, LessonScreen):
        await pilot.press("escape")
        await settle(pilot)
        if type(pilot.app.screen).__name__ == "ConfirmDialog":
            await pilot.press("enter")  # cards were left: end the lesson anyway
    while not isinstance(pilot.app.screen, HomeScreen):
        await settle(pilot)
        if type(pilot.app.screen).__name__ == "SummaryScreen":
            await pilot.press("enter")


async def answer_cards(pilot: Any, frames: FrameClock, count: int) -> None:
    """Answer `count` cards (right answers, lesson after lesson), timing each step."""
    from words_tui.tui.screens.lesson import LessonScreen

    shown, asked = mark_calls(LessonScreen, "show_feedback"), mark_calls(LessonScreen, "ask")
    verdicts, next_cards = (
        Latencies("answer -> verdict on screen:"),
        Latencies("Enter -> next card on screen:"),
    )
    while len(verdicts.wall) < count:
        await pilot.press("l")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, LessonScreen)
        while (card := screen.lesson.current) is not None and len(verdicts.wall) < count:
            if card.is_choice:
                keys = [str(card.options.index(card.expected) + 1)]
            else:
                screen.query_one("#answer").value = card.expected  # type: ignore[attr-defined]
                keys = ["enter"]
            pressed = now()
            await pilot.press(*keys)
            await settle(pilot)
            verdicts.add(frames.latency(pressed, shown[-1]))
            pressed = now()
            await pilot.press("enter")
            await settle(pilot)
            if screen.lesson.current is not None:
                next_cards.add(frames.latency(pressed, asked[-1]))
        await back_home(pilot)
    verdicts.report()
    next_cards.report()


async def browse_pages(pilot: Any, frames: FrameClock, rounds: int) -> None:
    """Open the browser and page on, timing each page until it is on screen."""
    from words_tui.tui.screens.browser import BrowserScreen

    shown = mark_calls(BrowserScreen, "show_page")
    opened, pages = Latencies("open the browser:"), Latencies("next page:")
    for _ in range(rounds):
        pressed = now()
        await pilot.press("b")
        await settle(pilot)
        browser = pilot.app.screen
        assert isinstance(browser, BrowserScreen)
        opened.add(frames.latency(pressed, shown[-1]))
        for _ in range(3):
            pressed = now()
            await pilot.press("n")
            await settle(pilot)
            pages.add(frames.latency(pressed, shown[-1]))
        await pilot.press("escape")
        await settle(pilot)
    opened.label = f"open the browser at {browser.total} words:"
    pages.label = f"next browser page at {browser.total} words:"
    opened.report()
    pages.report()


async def bench_app(core: Core, answers: int) -> None:
    app = create_app(core)
    async with app.run_test(size=SIZE) as pilot:
        frames = FrameClock(app)
        await settle(pilot)
        await answer_cards(pilot, frames, answers)
        await browse_pages(pilot, frames, 5)


async def prepare(data_dir: Path, words: int, reviews: int) -> Database:
    database = Database(f"sqlite+aiosqlite:///{data_dir / 'words.db'}")
    await database.init()
    start = time.perf_counter()
    profile_id = await seed(database, 2 * words, reviews)
    await use_profile(database, USER, profile_id)
    print(f"seeded {words} words, {reviews} reviews in {time.perf_counter() - start:.1f} s")
    return database


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=200_000)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--answers", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        database = await prepare(data_dir, args.words, args.reviews)
        settings = load_settings(database_url=database.url, user=USER)
        await bench_app(Core(database, settings, clock=Clock()), args.answers)
        await database.close()
        bench_cold_start(data_dir, args.starts)


if __name__ == "__main__":
    asyncio.run(main())
