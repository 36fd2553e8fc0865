"""One plain word list imported three ways without an LLM — `words-tui import`, the quiz's import
screen, the notebook's bulk import — gives the same entries: they share the one source chain
(stored entries, the starter vocabulary, dictionaries) and the one way of writing words."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import col
from textual.widgets import Input

from tests.builders import Clock
from tests.tui.pilot import open_screen, settle, words_app
from words_tui.cli import main
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Entry, Profile, UserWord, Word
from words_tui.notebook.bulk_import import BulkImport
from words_tui.services import Core
from words_tui.services.vocabulary import ProfileKnobs, create_profile, use_profile
from words_tui.settings import load_settings

WORDS = "perro\nventana\nzzyzx\n"


async def entries_of(database: Database, profile: Profile) -> dict[str, tuple[Any, ...]]:
    """Each word of the profile: part of speech, chosen meanings, the entry's content."""
    query = (
        select(Word.text, Word.pos, UserWord.meanings, Entry.meanings, Entry.examples, Entry.forms)
        .join(UserWord, col(UserWord.word_id) == col(Word.id))
        .join(Entry, col(Entry.id) == col(UserWord.entry_id))
        .where(col(UserWord.profile_id) == profile.id)
    )
    async with database.session() as session:
        return {text: tuple(rest) for text, *rest in await session.execute(query)}


async def test_a_plain_list_gets_the_same_entries_from_the_cli_the_quiz_and_the_notebook(
    tmp_path: Path,
) -> None:
    settings = load_settings()
    database = Database(settings.effective_database_url)
    await database.init()
    profiles = {
        name: await create_profile(database, "tester", "en", "es", "A1", ProfileKnobs(name=name))
        for name in ("cli", "quiz", "notebook")
    }
    words = tmp_path / "words.txt"
    words.write_text(WORDS, encoding="utf-8")

    assert await asyncio.to_thread(main, ["import", str(words), "--profile", "cli"]) == 0

    quiz_id = profiles["quiz"].id
    assert quiz_id is not None
    await use_profile(database, "tester", quiz_id)
    async with open_screen(Core(database, settings, clock=Clock()), "i") as pilot:
        app = words_app(pilot)
        app.screen.query_one("#path", Input).value = str(words)
        await pilot.press("enter")
        await settle(pilot)

    bulk = BulkImport(
        Core(database, settings), list(profiles.values()), profile_id=profiles["notebook"].id
    )
    bulk.text.value = WORDS
    await bulk.read()
    await bulk.translate()
    await bulk.commit()

    found = {name: await entries_of(database, profile) for name, profile in profiles.items()}
    await database.close()
    assert set(found["cli"]) == {"perro", "ventana"}
    assert "window" in found["cli"]["ventana"][1]
    assert found["quiz"] == found["cli"]
    assert found["notebook"] == found["cli"]
