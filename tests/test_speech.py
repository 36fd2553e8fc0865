"""Pronunciation with espeak-ng: the command line, the process it starts, silence without it."""

from __future__ import annotations

import stat
from pathlib import Path

from words_tui.infrastructure.speech import Speaker, speech_command


def recording_program(tmp_path: Path) -> tuple[str, Path]:
    """A stand-in for espeak-ng that writes the arguments it was given, one per line."""
    out = tmp_path / "spoken.txt"
    script = tmp_path / "espeak-ng"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{out}"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script), out


def test_the_word_is_one_argument_after_the_voice_never_an_option() -> None:
    assert speech_command("espeak-ng", "-ción", "es") == ["espeak-ng", "-v", "es", "--", "-ción"]


def test_languages_whose_voice_has_another_name_get_that_voice() -> None:
    assert speech_command("espeak-ng", "ord", "nb")[:3] == ["espeak-ng", "-v", "nb"]
    assert speech_command("espeak-ng", "salita", "fil")[2] == "tl"


async def test_speaking_runs_the_program_with_the_word_in_its_language(tmp_path: Path) -> None:
    program, out = recording_program(tmp_path)
    speaker = Speaker(program)
    await speaker.speak(" murciélago ", "es")
    await speaker.wait()
    assert out.read_text(encoding="utf-8").splitlines() == ["-v", "es", "--", "murciélago"]


async def test_without_espeak_ng_nothing_is_spoken_and_nothing_offered(tmp_path: Path) -> None:
    speaker = Speaker(None)
    assert not speaker.available
    await speaker.speak("casa", "es")
    await speaker.wait()
