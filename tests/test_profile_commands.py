"""`words-tui profile`: add, list and switch profiles from the shell."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.conftest import knobs_of
from words_tui.cli import main
from words_tui.services import Core
from words_tui.services.lessons import Lesson
from words_tui.services.vocabulary import Profile


def test_adding_a_profile_fills_it_from_the_starter_table(
    isolated_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["profile", "add", "en", "ru", "--level", "A1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("created and activated: 1  en→ru  (en→ru, A1, UTC)")
    assert out[1] == "added 572 words up to A1 (starter 572)" and len(out) == 2


def test_the_list_marks_the_active_profile_and_use_switches_it(
    isolated_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["profile", "add", "en", "ru", "--empty"])
    main(["profile", "add", "en", "es", "--empty", "--name", "Spanish"])
    assert main(["profile", "use", "en→ru"]) == 0
    capsys.readouterr()
    main(["profile", "list"])
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["* 1  en→ru  (en→ru, A1, UTC)", "  2  Spanish  (en→es, A1, UTC)"]


def test_an_unknown_profile_is_one_clear_line(
    isolated_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["profile", "use", "klingon"]) == 1
    assert capsys.readouterr().err == (
        "words-tui: learner 'tester' has no profile 'klingon' (profiles: none; "
        "see: words-tui profile list)\n"
    )


def test_a_bad_language_pair_is_refused(
    isolated_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["profile", "add", "en", "en"]) == 1
    assert "pick two languages" in capsys.readouterr().err


def test_an_error_is_printed_in_the_language_of_the_environment(
    isolated_settings: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert main(["profile", "add", "en", "en"]) == 1
    assert capsys.readouterr().err == (
        "words-tui: La lengua materna y la que aprendes son la misma («en»): elige dos idiomas.\n"
    )


def test_fitting_fsrs_on_a_fresh_profile_explains_what_is_missing(
    isolated_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["profile", "add", "en", "ru", "--empty"])
    capsys.readouterr()
    assert main(["profile", "fit-fsrs"]) == 0
    assert capsys.readouterr().out == "0 typed reviews; 1,000 are needed\n"


def test_a_new_profile_takes_its_lesson_knobs_from_the_settings(
    isolated_settings: Path, profile_defaults_in_env: dict[str, float]
) -> None:
    assert main(["profile", "add", "en", "es"]) == 0

    async def lesson_of_the_new_profile() -> tuple[Profile, Lesson]:
        async with Core.open() as core:
            profile = await core.profiles.find(None)
            assert profile.id is not None
            return profile, await core.lessons.start_lesson(profile.id)

    profile, lesson = asyncio.run(lesson_of_the_new_profile())
    assert knobs_of(profile) == profile_defaults_in_env
    assert len({c.card_id for c in lesson.cards}) == profile_defaults_in_env["new_per_day"]
    assert (lesson.config.desired_retention, lesson.config.typing_after) == (0.85, 4)
