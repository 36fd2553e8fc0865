"""The `words-tui` command as a user runs it: a real subprocess with a real environment."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from words_tui import __version__
from words_tui.services import Core
from words_tui.services.lessons import Lesson


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "words_tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_version_is_printed() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"words-tui {__version__}"


def test_db_upgrade_creates_the_database_in_the_data_dir(isolated_settings: Path) -> None:
    result = run("db", "upgrade")
    assert result.returncode == 0, result.stderr
    assert (isolated_settings / "data" / "words.db").exists()
    assert "schema revision" in result.stdout


def test_doctor_reports_the_database_and_never_the_key(isolated_settings: Path) -> None:
    run("db", "upgrade")
    result = run("doctor", env={"OPENAI_API_KEY": "sk-very-secret-key"})
    assert result.returncode == 0, result.stderr
    assert "sk-very-secret-key" not in result.stdout + result.stderr
    assert "openai_api_key = set (hidden)" in result.stdout
    assert "up to date" in result.stdout
    assert str(isolated_settings / "data" / "words.db") in result.stdout


def test_a_bad_setting_is_one_clear_line(isolated_settings: Path) -> None:
    result = run("doctor", env={"WORDS_LESSON_SIZE": "-1"})
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "words-tui: invalid setting 'lesson_size' (from environment variable WORDS_LESSON_SIZE): "
        "Input should be greater than 0"
    ]


def test_a_corrupt_database_is_reported_and_kept(isolated_settings: Path) -> None:
    path = isolated_settings / "data" / "words.db"
    path.parent.mkdir(parents=True)
    path.write_text("not sqlite at all", encoding="utf-8")
    result = run("db", "upgrade")
    assert result.returncode == 1
    assert "is not a SQLite database" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == "not sqlite at all"


NON_DEFAULT = {
    "WORDS_LESSON_SIZE": "7",
    "WORDS_NEW_PER_DAY": "50",
    "WORDS_REVIEWS_PER_DAY": "90",
    "WORDS_DESIRED_RETENTION": "0.8",
    "WORDS_TYPING_AFTER": "2",
    "WORDS_MASTERY_STABILITY_DAYS": "60",
    "WORDS_MASTERY_STREAK": "9",
    "WORDS_LEECH_LAPSES": "3",
}


def test_a_profile_added_with_words_variables_uses_them_in_its_lessons(
    isolated_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("profile", "add", "en", "es", env=NON_DEFAULT).returncode == 0
    for name, value in NON_DEFAULT.items():
        monkeypatch.setenv(name, value)

    async def first_lesson() -> Lesson:
        async with Core.open() as core:
            profile = await core.profiles.find(None)
            assert profile.id is not None
            return await core.lessons.start_lesson(profile.id)

    lesson = asyncio.run(first_lesson())
    assert len(lesson.cards) == 7
    config = lesson.config
    assert (config.desired_retention, config.typing_after) == (0.8, 2)
    assert (config.mastery_stability_days, config.mastery_streak, config.leech_lapses) == (60, 9, 3)


def test_doctor_shows_each_value_where_it_came_from_and_the_profile_overrides(
    isolated_settings: Path,
) -> None:
    run("profile", "add", "en", "es", "--empty", env={"WORDS_LESSON_SIZE": "7"})
    (isolated_settings / ".env").write_text("WORDS_NEW_PER_DAY=5\n", encoding="utf-8")
    result = run("doctor", env={"WORDS_LEECH_LAPSES": "4"})
    lines = result.stdout.splitlines()
    assert "  lesson_size = 30  (the default)" in lines
    assert "  leech_lapses = 4  (environment variable WORDS_LEECH_LAPSES)" in lines
    assert (
        f"  new_per_day = 5  (.env file {isolated_settings / '.env'} (WORDS_NEW_PER_DAY))" in lines
    )
    assert "profile en→es (active) uses:" in lines
    assert "  lesson_size = 7  (profile override; settings: 30)" in lines
    assert "  leech_lapses = 4  (settings)" in lines
