"""Every screen in the pseudo-language `qps`: each catalogue text comes out marked and accented
(`⟦Ñéẋţ⟧`), so a word in plain ASCII letters on screen is text no translator would ever see — it
would stay English in the Russian and Spanish interfaces.

What may stay plain is data, never interface text: the learner's words (Spanish words, their
English meanings, the example and source the builders give them), what the learner typed (a file
name and its rows) and the profile's name, languages' names in themselves, configuration values
(endpoint, model, the config file's path), key names, the file formats' field and encoding names
and the program's name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tests.builders import SPANISH, entry, promote_to_typing, spanish_learner
from tests.tui.pilot import settle
from words_tui.i18n import INTERFACE_LANGUAGES, Texts
from words_tui.services import Core
from words_tui.tui.app import create_app
from words_tui.tui.screens.lesson import LessonScreen

PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z']+")
KEY_NAMES = {"esc", "enter", "tab", "ctrl", "shift", "pageup", "pagedown", "pgup", "pgdn", "space"}
PROGRAM = {"words", "tui"}
FORMAT_NAMES = {"word", "translations", "utf"}
"""Identifiers of the file formats (the CSV fields a header or `--map` names, encodings)."""
MISSING_FILE = "missing.csv"
CSV_ROWS = "luna,moon\nluna,moon\n?!,what\n"
"""A row to add, the same row again, and a row whose word has no letters."""


def words_in(*texts: str) -> set[str]:
    return set(PLAIN_WORD.findall(" ".join(texts)))


def learner_data() -> set[str]:
    """The words the builders give the learner, with their examples and source."""
    found: set[str] = set()
    for word in SPANISH:
        built = entry(*word)
        examples = [text for e in built.examples for text in (e.source, e.target)]
        found |= words_in(built.word, built.source, *word[2], *word[3].values(), *examples)
    return found


def configuration(core: Core) -> set[str]:
    from words_tui.settings import default_config_file

    settings = core.settings
    return words_in(
        settings.openai_base_url or "https://api.openai.com/v1",
        settings.llm_model,
        str(default_config_file()),
    )


def autonyms(core: Core) -> set[str]:
    """Languages named in themselves ("English", "Deutsch"): right in every interface."""
    names = [Texts(code).language_name(code) for code in INTERFACE_LANGUAGES]
    return words_in(*names, *(choice.name for choice in core.vocabulary.languages()))


def plain_words(pilot: Pilot[Any]) -> set[str]:
    """The words in plain ASCII letters on the screen on top, as the terminal shows it."""
    lines = [strip.text for strip in pilot.app.screen._compositor.render_strips()]
    return set(PLAIN_WORD.findall("\n".join(lines)))


class Walk:
    """Keys pressed in the pseudo-language, and what each screen shows outside the catalogue."""

    def __init__(self, pilot: Pilot[Any], allowed: set[str]) -> None:
        self.pilot = pilot
        self.allowed = allowed | KEY_NAMES | PROGRAM | FORMAT_NAMES
        self.found: dict[str, list[str]] = {}

    async def visit(self, name: str, *keys: str) -> None:
        for key in keys:
            await self.pilot.press(key)
            await settle(self.pilot)
        await settle(self.pilot)
        plain = sorted(w for w in plain_words(self.pilot) if w.lower() not in self.allowed)
        if plain:
            self.found[name] = plain

    def type(self, selector: str, text: str) -> None:
        self.pilot.app.screen.query_one(selector, Input).value = text


async def test_every_screen_of_a_learner_shows_only_catalogue_texts(
    core: Core, tmp_path: Path
) -> None:
    await spanish_learner(core.database)
    csv_file = tmp_path / "words.csv"
    csv_file.write_text(CSV_ROWS, encoding="utf-8")
    typed = words_in(MISSING_FILE, "en→es", str(csv_file), CSV_ROWS)
    allowed = learner_data() | configuration(core) | autonyms(core) | typed
    async with create_app(core, language="qps").run_test(size=(100, 30)) as pilot:
        walk = Walk(pilot, {word.lower() for word in allowed})
        await walk.visit("home")
        await walk.visit("lesson", "l")
        await walk.visit("feedback", "1")
        await walk.visit("end the lesson?", "escape")
        await walk.visit("summary", "enter")
        await walk.visit("statistics", "t")
        await walk.visit("browser", "escape", "escape", "b")
        await walk.visit("history", "h")
        await walk.visit("edit", "escape", "e")
        await walk.visit("confirm", "escape", "d")
        await walk.visit("help", "escape", "f1")
        await walk.visit("add word", "escape", "escape", "a")
        walk.type("#query", "gato")
        await walk.visit("add word entry", "enter")
        await walk.visit("import", "escape", "i")
        walk.type("#path", MISSING_FILE)
        await walk.visit("import error", "enter")
        walk.type("#path", str(csv_file))
        await walk.visit("import report", "enter")
        await walk.visit("settings", "escape", "o")
        walk.type("#lesson_size", "0")
        await walk.visit("settings error", "ctrl+s")
        await walk.visit("command palette", "escape", "ctrl+p")
        await walk.visit("quit hint", "escape", "ctrl+c")
        await walk.visit("profiles", "p")
        await walk.visit("tags", "escape", "g")
    assert walk.found == {}


async def test_typed_answers_and_their_feedback_show_only_catalogue_texts(core: Core) -> None:
    profile_id = await spanish_learner(core.database)
    await promote_to_typing(core.database, profile_id)
    allowed = (
        learner_data() | configuration(core) | autonyms(core) | words_in("en→es", "gatto", "zzz")
    )
    async with create_app(core, language="qps").run_test(size=(100, 30)) as pilot:
        walk = Walk(pilot, {word.lower() for word in allowed})
        await walk.visit("home")
        await walk.visit("typing card", "l")
        screen = pilot.app.screen
        assert isinstance(screen, LessonScreen) and screen.lesson.current is not None
        walk.type("#answer", "gatto" if screen.lesson.current.expected == "gato" else "zzz")
        await walk.visit("typed answer", "enter")
        await walk.visit("overridden", "r")
        await walk.visit("undone", "u")
        await walk.visit("next card", "enter")
    assert walk.found == {}


async def test_every_step_of_the_first_run_shows_only_catalogue_texts(core: Core) -> None:
    allowed = configuration(core) | autonyms(core)
    async with create_app(core, language="qps").run_test(size=(100, 30)) as pilot:
        walk = Walk(pilot, {word.lower() for word in allowed})
        await walk.visit("native language")
        await walk.visit("target language", "enter")
        await walk.visit("level", "enter")
        await walk.visit("ready", "enter")
    assert walk.found == {}
