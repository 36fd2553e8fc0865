"""The verdict on the first typed card of a cold process, as a person sees it.

    python bench/first_typed.py [--runs 5] [--answers casa cosa casas]

Builds a database whose first card is a typed one: an English speaker's Spanish words, each
card past the right choices that move it to typed answers (stage typing, known for ten days),
and only "casa"'s native → foreign card due, so the lesson opens on "house" with an input.
Then, for each answer, 1 + `--runs` times (the first run compiles bytecode and is not counted),
starts the real `words-tui` in a pseudo-terminal as a new process, waits for the home screen,
presses `l`, waits for the card, types the answer at once (the worst case: no reading time for
the language data to load in) and presses Enter; the figure is the time from Enter to the
verdict's text on screen. Prints median and max per answer. Goal: ≤ 50 ms.

The measured processes share a cache directory (XDG_CACHE_HOME) holding the language files
(`infrastructure.lexicon_store`), as every start after the first leaves it. The first start
after installing, with an empty cache where it builds them, is printed apart (one run).
Each answer is typed twice over: as a person would (`--read-ms` 400 to read the card, then
`--key-ms` 60 before each later key: a fast typist) and at once (the worst case: typed while the
lesson's language data, whose loading begins when the card is drawn, is still being opened —
a near miss then waits for it; an answer right as typed never does).

The answers: "casa" is right as typed; "cosa" is a near miss that is a real word (the verdict
needs the Spanish word-form table: a slip would be accepted); "casas" is another form (needs
the lemma table).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import quiz_env
from _terminal import Terminal
from cold_start import WORDS_HOME
from sqlalchemy import update

from words_tui.domain.entries import Meaning
from words_tui.domain.enums import CardState, Direction, Stage
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, UserWord, Word
from words_tui.infrastructure.language_data import LanguageData
from words_tui.services.vocabulary import NewWord, add_words
from words_tui.services.vocabulary.profiles import create_profile, use_profile

USER = "bench"
WORDS = {"casa": "house", "perro": "dog", "gato": "cat", "agua": "water", "libro": "book"}
DUE = "casa"
PROMPT = b"house"


@dataclass(frozen=True)
class Typist:
    """How long before the first key (reading the card) and before each later key."""

    read_s: float
    key_s: float

    def describe(self) -> str:
        if not self.read_s and not self.key_s:
            return "typed at once"
        return f"read {self.read_s * 1000:.0f} ms, {self.key_s * 1000:.0f} ms a key"


AT_ONCE = Typist(0.0, 0.0)
VERDICT = re.compile(rb"Correct|Accepted|Wrong|Could not check")


@dataclass
class Run:
    """One cold process: seconds to the card, Enter → verdict, and the verdict seen."""

    card: float
    verdict: float
    text: str


async def build(data_dir: Path) -> None:
    """The profile and its words; every card typed and known, only DUE's N → F card due."""
    database = Database(f"sqlite+aiosqlite:///{data_dir / 'words.db'}")
    await database.init()
    now = datetime.now(UTC)
    profile = await create_profile(database, USER, "en", "es", "A1")
    assert profile.id is not None
    words = [NewWord(text=w, meanings=(Meaning(text=m),), source="user") for w, m in WORDS.items()]
    async with database.session() as session:
        await add_words(session, profile, words, now - timedelta(days=20))
        typed = dict(stage=int(Stage.TYPING), state=int(CardState.REVIEW), stability=10.0,
                     difficulty=5.0, reps=4, last_review=now - timedelta(days=10))  # fmt: skip
        cards = update(Card).where(Card.profile_id == profile.id)  # type: ignore[arg-type]
        await session.execute(cards.values(**typed, due=now + timedelta(days=30)))
        due_word = (
            UserWord.__table__.join(Word.__table__)  # type: ignore[attr-defined]
            .select()
            .with_only_columns(UserWord.id)  # type: ignore[arg-type]
            .where(Word.text == DUE)  # type: ignore[arg-type]
        )
        await session.execute(
            cards.where(
                Card.user_word_id.in_(due_word),  # type: ignore[union-attr]
                Card.direction == int(Direction.NATIVE_TO_FOREIGN),  # type: ignore[arg-type]
            ).values(due=now - timedelta(hours=1))
        )
    await use_profile(database, USER, profile.id)
    await database.close()


def cold_run(template: Path, cache: Path, answer: str, typist: Typist) -> Run:
    """On a fresh copy of the `template` data directory (an answer changes the database), with
    `cache` as the user's cache directory: start `words-tui` in a pty, `l` on home, type
    `answer` + Enter on the card, wait for the verdict."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(template, data_dir)
        return _run(data_dir, cache, answer, typist)


def _run(data_dir: Path, cache: Path, answer: str, typist: Typist) -> Run:
    command = [str(Path(sys.executable).parent / "words-tui")]
    env = {**quiz_env(data_dir, USER), "XDG_CACHE_HOME": str(cache)}
    with Terminal(command, env) as terminal:
        terminal.wait_for(WORDS_HOME)
        terminal.send(b"l")
        card_at = terminal.wait_for(PROMPT)
        time.sleep(typist.read_s)
        for index, key in enumerate(answer):
            time.sleep(typist.key_s if index else 0.0)
            terminal.send(key.encode())
        terminal.wait_for(answer.encode())
        time.sleep(typist.key_s)
        enter_at = terminal.send(b"\r")
        verdict_at, found = terminal.wait_for_pattern(VERDICT)
    return Run(card_at - terminal.start, verdict_at - enter_at, found)


def series(template: Path, cache: Path, answer: str, typist: Typist, runs: int) -> list[Run]:
    """1 + `runs` cold processes (the first compiles bytecode and is not counted)."""
    cold_run(template, cache, answer, typist)
    return [cold_run(template, cache, answer, typist) for _ in range(runs)]


def report(answer: str, typist: Typist, runs: list[Run], first: Run | None) -> None:
    ms = [r.verdict * 1000 for r in runs]
    line = (
        f"{answer!r:>8} → {runs[0].text!r:<10} {typist.describe():<26} Enter → verdict median "
        f"{statistics.median(ms):6.1f} ms, max {max(ms):6.1f} ms (n={len(runs)}), card on "
        f"screen {statistics.median(r.card for r in runs):.2f} s"
    )
    if first is not None:
        line += f"; first start after installing: {first.verdict * 1000:.0f} ms"
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--answers", nargs="+", default=["casa", "cosa", "casas"])
    parser.add_argument("--read-ms", type=float, default=400.0)
    parser.add_argument("--key-ms", type=float, default=60.0)
    args = parser.parse_args()
    person = Typist(args.read_ms / 1000, args.key_ms / 1000)
    with tempfile.TemporaryDirectory() as tmp:
        template, cache = Path(tmp) / "template", Path(tmp) / "cache"
        template.mkdir()
        asyncio.run(build(template))
        os.environ["XDG_CACHE_HOME"] = str(cache)
        LanguageData().warm_up(["en", "es"])  # what the first start after installing leaves
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        for answer in args.answers:
            first = cold_run(template, Path(tmp) / f"empty-{answer}", answer, person)
            report(answer, person, series(template, cache, answer, person, args.runs), first)
            report(answer, AT_ONCE, series(template, cache, answer, AT_ONCE, args.runs), None)
        print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"({time.perf_counter() - started:.0f} s)")
