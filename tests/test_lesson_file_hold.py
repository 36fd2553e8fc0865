"""A lesson on SQLite holds the database file open, so its answers commit without syncing it.

SQLite deletes the write-ahead log when the last connection closes and syncs a new one on the
next commit; the log file on disk shows whether anything still holds the database.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.builders import learner_with_words
from tests.no_language_data import NoLanguageData
from words_tui.domain.scheduling import SchedulingConfig
from words_tui.infrastructure.db.database import Database, sqlite_path
from words_tui.services.lessons.service import LessonError, LessonService

NOW = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)


def lessons(database: Database) -> LessonService:
    return LessonService(
        database,
        clock=lambda: NOW,
        scheduling=SchedulingConfig(enable_fuzzing=False),
        language_data=NoLanguageData(),
    )


def write_ahead_log(database: Database) -> Path:
    path = sqlite_path(database.url)
    assert path is not None
    return path.with_name(path.name + "-wal")


async def test_a_running_lesson_keeps_the_write_ahead_log_between_answers(
    sqlite_database: Database,
) -> None:
    profile = await learner_with_words(sqlite_database, now=NOW)
    assert profile.id is not None and not write_ahead_log(sqlite_database).exists()
    service = lessons(sqlite_database)
    lesson = await service.start_lesson(profile.id)
    card = lesson.current
    assert card is not None
    await service.answer(lesson, card, card.expected, 2.0)
    assert write_ahead_log(sqlite_database).exists()


async def test_finishing_the_lesson_lets_go_of_the_database_file(
    sqlite_database: Database,
) -> None:
    profile = await learner_with_words(sqlite_database, now=NOW)
    assert profile.id is not None
    service = lessons(sqlite_database)
    lesson = await service.start_lesson(profile.id)
    card = lesson.current
    assert card is not None
    await service.answer(lesson, card, card.expected, 2.0)
    await service.finish(lesson)
    assert not write_ahead_log(sqlite_database).exists()


async def test_a_lesson_that_cannot_start_holds_nothing(sqlite_database: Database) -> None:
    with pytest.raises(LessonError):
        await lessons(sqlite_database).start_lesson(404)
    assert not write_ahead_log(sqlite_database).exists()
