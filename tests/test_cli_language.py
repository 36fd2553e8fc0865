"""The command line speaks the interface language: help and argparse's own texts in the
environment's language (`LANG`), what a command prints in the active profile's; and, in the
pseudo-language `qps`, every help page and every line the commands print is marked — a word in
plain ASCII letters is text that bypassed the catalogue.

What may stay plain is what the user types or owns: the program's and commands' names, option
flags and choices, language codes and examples in the help, the cron and systemd snippets, paths,
setting names and values, the learner's words and the SQLite checker's own report.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.llm_server import FakeLLMServer
from words_tui.cli import build_parser, language, main
from words_tui.cli.remind import CRON_EXAMPLE, SYSTEMD_EXAMPLE
from words_tui.infrastructure.db.migrate import head_revision
from words_tui.settings import Settings, load_settings

PLAIN_WORD = re.compile(r"[A-Za-z][\w'-]+")
"""A word or identifier (`lesson_size`, `fit-fsrs`) in plain ASCII letters."""
FLAG = re.compile(r"(?<![\w-])--?[a-z][a-z-]*")
PROGRAM = {"words-tui"}
LEARNER_DATA = {"luna", "sol", "moon", "month", "nonsense"}
"""What the learner's file and command line say."""
FORMAT_NAMES = {"csv", "utf-8", "word", "translations"}
VARIABLE = re.compile(r"(WORDS|OPENAI)_[A-Z_]+")
CSV_ROWS = "word,translation\nluna,moon\nsol,sun\n,nothing\n"
CSV_CHANGED = "word,translation\nluna,moon;month\nsol,sun\n"


def plain_words(text: str, *data: str) -> set[str]:
    """Words in plain letters once flags and the given data (paths, values) are taken out."""
    for item in sorted(data, key=len, reverse=True):
        text = text.replace(item, " ")
    return set(PLAIN_WORD.findall(FLAG.sub(" ", text)))


def parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every parser of the command tree, with the words that reach it."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from parsers(child, (*path, name))


def names_and_choices(parser: argparse.ArgumentParser) -> set[str]:
    """What the user types: command names and the values of options with choices."""
    found: set[str] = set()
    for path, child in parsers(parser):
        found |= set(path)
        for action in child._actions:
            if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
                found |= {str(choice) for choice in action.choices}
    return found


def run(capsys: pytest.CaptureFixture[str], *args: str, status: int = 0) -> str:
    assert main(list(args)) == status, capsys.readouterr()
    out, err = capsys.readouterr()
    return out + err


def test_help_follows_lang_in_a_real_process(isolated_settings: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "words_tui", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "ru_RU.UTF-8"},
        timeout=60,
        check=True,
    )
    assert result.stdout.startswith("использование: words-tui [-h] [--version] КОМАНДА ...")
    assert "Учить иностранные слова: тест в терминале и блокноты Jupyter." in result.stdout
    assert "  -h, --help  показать эту справку и выйти" in result.stdout
    assert "    import    импортировать слова из CSV/TSV" in result.stdout
    assert not {"usage", "options", "commands", "show"} & plain_words(result.stdout)


def test_argparse_errors_follow_lang(
    isolated_settings: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    with pytest.raises(SystemExit):
        main(["export", "out.csv"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "words-tui export: error: faltan argumentos obligatorios: --format"
    )
    with pytest.raises(SystemExit):
        main(["db", "repair"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "words-tui db: error: argumento ACCIÓN: opción no válida: 'repair' "
        "(elige entre 'upgrade', 'backup', 'check')"
    )


def test_commands_speak_the_active_profiles_language(
    isolated_settings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """LANG says English, but the profile's interface language is Spanish (its learner's own)."""
    assert run(capsys, "profile", "list") == (
        "no profiles yet: words-tui profile add <native> <target> --level A1\n"
    )
    run(capsys, "profile", "add", "es", "en", "--empty", "--name", "inglés")
    assert run(capsys, "profile", "list").endswith("  inglés  (es→en, A1, UTC)\n")
    rows = tmp_path / "palabras.csv"
    rows.write_text(CSV_ROWS, encoding="utf-8")
    out = run(capsys, "import", str(rows))
    assert "palabras.csv (csv): añadidas 2, actualizadas 0, sin cambios 0, omitidas 1" in out
    assert f"  omitida: {rows}:4 [word]: la palabra está vacía" in out
    assert "escritura" in out
    rows.write_text(CSV_CHANGED, encoding="utf-8")
    assert "  actualizada: luna: traducciones + month" in run(capsys, "import", str(rows))
    out = run(capsys, "export", "--format", "csv", str(tmp_path / "out.csv"))
    assert out == f"palabras escritas: 2 en {tmp_path / 'out.csv'} (csv)\n"
    assert run(capsys, "profile", "fit-fsrs") == "repasos escritos: 0; hacen falta 1.000\n"
    doctor = run(capsys, "doctor").splitlines()
    assert "  lesson_size = 30  (valor por defecto)" in doctor
    assert "el perfil inglés (activo) usa:" in doctor
    assert run(capsys, "llm", "usage") == ("ninguna llamada tuya al LLM en los últimos días (30)\n")


def test_a_service_error_after_the_profile_is_read_is_in_its_language(
    isolated_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "profile", "add", "ru", "en", "--empty", "--name", "английский")
    assert run(capsys, "profile", "add", "en", "ru", "--name", "английский", status=1) == (
        "words-tui: У вас уже есть профиль «английский».\n"
    )


def test_every_help_page_is_from_the_catalogue(
    isolated_settings: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "qps")
    language.start()
    tree = build_parser()
    allowed = PROGRAM | names_and_choices(tree)
    found: dict[str, set[str]] = {}
    pages = 0
    for path, _ in parsers(tree):
        with pytest.raises(SystemExit):
            main([*path, "--help"])
        page = capsys.readouterr().out
        pages += 1
        plain = plain_words(page, CRON_EXAMPLE, SYSTEMD_EXAMPLE) - allowed
        if plain:
            found[" ".join(path) or "words-tui"] = plain
    assert found == {}
    assert pages >= 15


def test_every_line_the_commands_print_is_from_the_catalogue(
    isolated_settings: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LANG", "qps")
    rows = tmp_path / "rows.csv"
    rows.write_text(CSV_ROWS, encoding="utf-8")
    printed = [
        run(capsys, "profile", "list"),
        run(capsys, "db", "upgrade"),
        run(capsys, "profile", "add", "en", "es"),
        run(capsys, "profile", "use", "en→es"),
        run(capsys, "profile", "pending"),
        run(capsys, "profile", "fit-fsrs"),
        run(capsys, "import", str(rows)),
    ]
    rows.write_text(CSV_CHANGED, encoding="utf-8")
    printed += [
        run(capsys, "import", str(rows)),
        run(capsys, "export", "--format", "csv", str(tmp_path / "out.csv")),
        run(capsys, "db", "backup", str(tmp_path / "copy.db")),
        run(capsys, "db", "check"),
        run(capsys, "llm", "usage"),
        run(capsys, "llm", "usage", "--all"),
        run(capsys, "doctor"),
        run(capsys, "profile", "add", "en", "es", "--name", "en→es", status=1),
        run(capsys, "import", "--map", "nonsense", str(rows), status=1),
    ]
    settings = load_settings()
    text = re.sub(rf"\S*{re.escape(str(tmp_path))}\S*", " ", "\n".join(printed))
    values = [str(getattr(settings, name)) for name in Settings.model_fields]
    values = [value for value in values if PLAIN_WORD.search(value)]
    plain = plain_words(text, *values, head_revision(), "rows.csv") - set(Settings.model_fields)
    plain -= PROGRAM | LEARNER_DATA | FORMAT_NAMES | {"en", "es", "A1", "UTC", "starter"}
    assert sorted(word for word in plain if not VARIABLE.fullmatch(word)) == []


def test_an_llm_failure_is_told_in_the_profiles_language(
    isolated_settings: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    dead = FakeLLMServer()  # never started: its port refuses connections
    monkeypatch.setenv("OPENAI_BASE_URL", dead.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", dead.api_key)
    run(capsys, "profile", "add", "ru", "de", "--empty")
    words = tmp_path / "list.txt"
    words.write_text("zzwort1\nzzwort2\n", encoding="utf-8")
    printed = run(capsys, "import", str(words), "--translate", status=1)
    assert "  новых слов без перевода: 2 (перевод остановился раньше): zzwort1, zzwort2" in printed
    assert (
        "words-tui: не переведено слов: 2 (приостановлено: не удаётся подключиться к адресу LLM "
        f"{dead.base_url} (соединение отклонено): запущен ли сервер и верен ли OPENAI_BASE_URL?)"
    ) in printed


def test_a_new_profile_speaks_its_language_at_once_and_its_waiting_list_too(
    isolated_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No profile when the command starts (LANG says English): the new Russian speaker's one
    speaks Russian from its creation on, and the reason its words wait, kept in the database,
    is read back in Russian."""
    added = run(capsys, "profile", "add", "ru", "fr").splitlines()
    assert added[0] == "создан и выбран: 1  ru→fr  (ru→fr, A1, UTC)"
    reason = "его нет ни в одном офлайн-источнике (сохранённые статьи, стартовый словарь, словари)"
    assert added[2].startswith("ждут перевода слов: 500; " + reason)
    assert run(capsys, "profile", "pending").startswith("ждут перевода слов: 500; " + reason)


@pytest.fixture
def russian_list(
    isolated_settings: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    llm_server: FakeLLMServer,
) -> Path:
    """A Russian speaker's profile learning German with the local LLM, and two words to import."""
    monkeypatch.setenv("OPENAI_BASE_URL", llm_server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", llm_server.api_key)
    run(capsys, "profile", "add", "ru", "de", "--empty")
    words = isolated_settings / "list.txt"
    words.write_text("zzwort1\nzzwort2\n", encoding="utf-8")
    return words


def test_why_the_llm_left_a_word_untranslated_is_told_in_the_profiles_language(
    russian_list: Path, capsys: pytest.CaptureFixture[str], llm_server: FakeLLMServer
) -> None:
    """The model leaves out the last word of every answer: the word fails on its own request
    (an answer with no usable entry), and that reason — kept on the job's item in English — is
    read back in Russian with its count."""
    llm_server.set_faults(drop_item=1.0)
    printed = run(capsys, "import", str(russian_list), "--translate", status=1)
    assert (
        "  новых слов без перевода: 1 (в ответе модели нет пригодной статьи ни для одного из "
        "слов (1)): zzwort2\n"
    ) in printed


def test_progress_that_could_not_be_saved_is_told_in_the_profiles_language(
    russian_list: Path,
    isolated_settings: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The database refuses the translated words (its disk is full): the job stops, and why is
    said in Russian — the database's own error too."""

    async def refused(*_: object) -> None:
        raise OSError("database or disk is full")

    monkeypatch.setattr("words_tui.services.bulk.jobs.save_items_in", refused)
    printed = run(capsys, "import", str(russian_list), "--translate", status=1)
    database = isolated_settings / "data" / "words.db"
    assert (
        "words-tui: не переведено слов: 2 (не удалось сохранить ход перевода в базе данных: "
        f"диск с {database} заполнен: освободите место и попробуйте снова"
    ) in printed
