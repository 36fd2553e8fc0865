"""The `words-tui` command as a user runs it: a real subprocess with a real environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from words_tui import __version__


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
