"""Every screen a learner can reach, in English, Russian and Spanish, at 80×24 and 120×40 — and
home, the lesson and statistics at 200×50 to show the wide layout.

Each picture is taken after the keys that lead to the screen, on a copy of a database built once
per session for its kind of learner and language; the clock stands at `tests.builders.T0` and
lessons shuffle with fixed seeds, so the same code draws the same pictures. After an intended
change of looks: `pytest tests/tui/test_snapshot_matrix.py --snapshot-update`, then review the
SVGs in tests/tui/__snapshots__/test_snapshot_matrix/ before committing them.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.builders import T0, Clock, cards_of, promote_to_typing, review, spanish_learner
from tests.tui.pilot import ready
from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.services.vocabulary import ProfileKnobs
from words_tui.settings import load_settings
from words_tui.tui.app import create_app

SnapCompare = Callable[..., bool]
Step = Callable[[Pilot[Any]], Awaitable[None]]
LANGUAGES = ("en", "ru", "es")
SIZES = ((80, 24), (120, 40))
WIDE = (200, 50)
CONFIG_FILE = "/home/learner/.config/words-tui/config.toml"
"""The config file the settings screen names, the same on every machine."""
WORD_LIST = "words.csv"
WORD_LIST_ROWS = "word,translations\nluna,moon\nsol,sun\n"
"""The file the import report is about: two words to add."""
LESSON_TO_SUMMARY = ("l", "1", "enter", "2", "enter", "escape", "enter")
"""Two wrong choices, then the lesson ended early (Esc, confirmed with Enter): a summary with mistakes."""


class Learner(Enum):
    """The databases the journeys start from."""

    NONE = "no profile yet"
    WORDS = "six Spanish words, all new, tagged, gato answered twice before"
    TYPING = "one word moved on to typed answers, due now"
    EMPTY = "a profile without words"


async def build(database: Database, learner: Learner, language: str) -> None:
    await database.init()
    if learner is Learner.NONE:
        return
    knobs = ProfileKnobs(interface_lang=language)
    if learner is Learner.EMPTY:
        await spanish_learner(database, [], knobs=knobs)
    elif learner is Learner.TYPING:
        words = [("ventana", "noun", ("window",), {"plural": "ventanas", "gender": "f"})]
        await promote_to_typing(database, await spanish_learner(database, words, knobs=knobs))
    else:
        profile_id = await spanish_learner(database, knobs=knobs, tags=("El Principito",))
        for days, card in enumerate(await cards_of(database, profile_id, "gato"), start=1):
            await review(database, card, T0 - timedelta(days=days), rating=3 - days % 2)


@pytest.fixture(scope="session")
def learner_files(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Learner, str], Path]:
    """The database file of a kind of learner in an interface language, built on first use."""
    built: dict[tuple[Learner, str], Path] = {}

    def file_of(learner: Learner, language: str) -> Path:
        if (learner, language) not in built:
            path = tmp_path_factory.mktemp("learners") / f"{learner.name}-{language}.db"
            database = Database(f"sqlite+aiosqlite:///{path}")
            asyncio.run(build(database, learner, language))
            asyncio.run(database.close())
            built[learner, language] = path
        return built[learner, language]

    return file_of


@pytest.fixture
def open_core(
    learner_files: Callable[[Learner, str], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Callable[[Learner, str], Core]]:
    """A core on a fresh copy of a learner's database (the journey may change it)."""
    monkeypatch.setenv("WORDS_CONFIG_FILE", CONFIG_FILE)
    (tmp_path / WORD_LIST).write_text(WORD_LIST_ROWS, encoding="utf-8")
    databases: list[Database] = []

    def core_of(learner: Learner, language: str) -> Core:
        copy = tmp_path / "snap.db"
        shutil.copyfile(learner_files(learner, language), copy)
        databases.append(Database(f"sqlite+aiosqlite:///{copy}"))
        settings = load_settings(database_url=databases[-1].url)
        return Core(database=databases[-1], settings=settings, clock=Clock())

    yield core_of
    for database in databases:
        asyncio.run(database.close())


def typed(selector: str, text: str) -> Step:
    """Type `text` into the field `selector` and press Enter."""

    async def step(pilot: Pilot[Any]) -> None:
        pilot.app.screen.query_one(selector, Input).value = text
        await pilot.press("enter")

    return step


@dataclass(frozen=True)
class Journey:
    """The way to one screen: the learner it starts from, the keys, then what is typed."""

    learner: Learner
    keys: tuple[str, ...] = ()
    then: Step | None = None


JOURNEYS = {
    "first_run": Journey(Learner.NONE),
    "first_run_level": Journey(Learner.NONE, ("enter", "enter")),
    "home": Journey(Learner.WORDS),
    "lesson_choice": Journey(Learner.WORDS, ("l",)),
    "lesson_wrong_choice": Journey(Learner.WORDS, ("l", "1")),
    "lesson_typo": Journey(Learner.TYPING, ("l",), typed("#answer", "windoww")),
    "summary": Journey(Learner.WORDS, LESSON_TO_SUMMARY),
    "statistics": Journey(Learner.WORDS, (*LESSON_TO_SUMMARY, "enter", "t")),
    "browser": Journey(Learner.WORDS, ("b",)),
    "history": Journey(Learner.WORDS, ("b", "h")),
    "edit_word": Journey(Learner.WORDS, ("b", "e")),
    "delete_word": Journey(Learner.WORDS, ("b", "d")),
    "help": Journey(Learner.WORDS, ("f1",)),
    "add_word": Journey(Learner.EMPTY, ("a",), typed("#query", "house")),
    "import_report": Journey(Learner.EMPTY, ("i",), typed("#path", WORD_LIST)),
    "settings": Journey(Learner.WORDS, ("o",)),
    "profiles": Journey(Learner.WORDS, ("p",)),
    "tag_lesson": Journey(Learner.WORDS, ("g",)),
    "nothing_due": Journey(Learner.EMPTY, ("l",)),
}
WIDE_SCREENS = ("home", "lesson_choice", "statistics")


def case(screen: str, language: str, size: tuple[int, int]) -> Any:
    return pytest.param(screen, language, size, id=f"{screen}-{language}-{size[0]}x{size[1]}")


CASES = [
    *(
        case(screen, language, size)
        for screen in JOURNEYS
        for language in LANGUAGES
        for size in SIZES
    ),
    *(case(screen, "en", WIDE) for screen in WIDE_SCREENS),
]


@pytest.mark.parametrize(("screen", "language", "size"), CASES)
def test_screen(
    snap_compare: SnapCompare,
    open_core: Callable[[Learner, str], Core],
    screen: str,
    language: str,
    size: tuple[int, int],
) -> None:
    journey = JOURNEYS[screen]
    app = create_app(open_core(journey.learner, language), language=language)
    run_before = ready(*journey.keys, then=journey.then)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
