"""Tags: every word carries them (a Kindle book's title, the learner's own); the vocabulary lists
them, browsing filters by one, and a lesson can be limited to one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.builders import T0
from tests.import_builders import kindle_db
from tests.starter_samples import sample_starter
from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.services.vocabulary import VocabularyFilter, WordDraft
from words_tui.settings import load_settings


def two_books(path: Path) -> Path:
    """A Kindle vocab.db: "casa" and "ir" looked up in Der Process, "libro" in Niebla."""
    kindle_db(
        path,
        [("es:casa", "casas", "casa", "es", "Las casas."), ("es:ir", "fue", "ir", "es", "Fue.")],
    )
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        INSERT INTO BOOK_INFO VALUES ('b2', 'A2', 'g2', 'es', 'Niebla', 'Unamuno');
        INSERT INTO WORDS VALUES ('es:libro', 'libro', 'libro', 'es', 0, 9, '');
        INSERT INTO LOOKUPS VALUES ('l9', 'es:libro', 'b2', 'd', '', 'Un libro.', 9);
        """
    )
    connection.commit()
    connection.close()
    return path


async def reader(database: Database, tmp_path: Path) -> tuple[Core, int]:
    """A Spanish learner who imported a Kindle file with two books (translations: starter)."""
    settings = load_settings(database_url=database.url)
    core = Core(database, settings, clock=lambda: T0, starter=sample_starter())
    profile = await core.profiles.create("en", "es", "A1")
    assert profile.id is not None
    report = await core.transfer.import_file(profile.id, two_books(tmp_path / "vocab.db"))
    assert report.created == 3
    return core, profile.id


async def test_kindle_words_carry_their_books_title(database: Database, tmp_path: Path) -> None:
    core, profile_id = await reader(database, tmp_path)
    assert await core.vocabulary.tags(profile_id) == [
        ("kindle", 3),
        ("Der Process", 2),
        ("Niebla", 1),
    ]


async def test_browsing_filters_by_a_tag(database: Database, tmp_path: Path) -> None:
    core, profile_id = await reader(database, tmp_path)
    page = await core.vocabulary.browse(profile_id, VocabularyFilter(tag="Niebla"))
    assert [item.word for item in page.items] == ["libro"]
    assert await core.vocabulary.count(profile_id, VocabularyFilter(tag="Der Process")) == 2


async def test_a_lesson_can_be_limited_to_a_kindle_books_words(
    database: Database, tmp_path: Path
) -> None:
    core, profile_id = await reader(database, tmp_path)
    await core.vocabulary.add(profile_id, WordDraft("murciélago", ["bat"], tags=["animals"]))
    lesson = await core.lessons.start_lesson(profile_id, tag="Der Process")
    assert {card.headword for card in lesson.cards} == {"casa", "ir"}
    animals = await core.lessons.start_lesson(profile_id, tag="animals")
    assert {card.headword for card in animals.cards} == {"murciélago"}


async def test_a_lesson_on_a_tag_no_word_carries_is_empty(
    database: Database, tmp_path: Path
) -> None:
    core, profile_id = await reader(database, tmp_path)
    lesson = await core.lessons.start_lesson(profile_id, tag="Kafka")
    assert lesson.cards == [] and lesson.id is None


async def test_level_words_carry_their_band_so_a_lesson_can_keep_to_one_level(
    database: Database,
) -> None:
    settings = load_settings(database_url=database.url)
    core = Core(database, settings, clock=lambda: T0, starter=sample_starter())
    profile = await core.profiles.create("en", "ru", "B1")
    assert profile.id is not None
    await core.vocabulary.fill_level(profile.id)
    bands = dict(await core.vocabulary.tags(profile.id))
    assert bands == {"A1": 3, "A2": 2, "B1": 1}
    lesson = await core.lessons.start_lesson(profile.id, tag="A2")
    a2 = await core.vocabulary.browse(profile.id, VocabularyFilter(level="A2"))
    assert {card.headword for card in lesson.cards} == {item.word for item in a2.items}
