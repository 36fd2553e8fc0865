"""`words-tui import` and `words-tui export` for the settings' learner and active profile."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.import_builders import kindle_db
from tests.llm_server import FakeLLMServer, fake_translation
from words_tui.cli import main
from words_tui.infrastructure.db.database import Database
from words_tui.services.vocabulary.profiles import ProfileKnobs, create_profile
from words_tui.settings import load_settings


def make_profile(name: str = "Deutsch") -> None:
    async def create() -> None:
        database = Database(load_settings().effective_database_url)
        await database.init()
        await create_profile(database, "tester", "en", "de", "A1", ProfileKnobs(name=name))
        await database.close()

    asyncio.run(create())


def use_llm(monkeypatch: pytest.MonkeyPatch, server: FakeLLMServer) -> None:
    """Point the settings at `server`, as a user's environment would."""
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", server.api_key)


@pytest.fixture
def words_csv(tmp_path: Path) -> Path:
    path = tmp_path / "words.csv"
    path.write_text("word,translation\nHaus,house\nBaum,tree\n,nothing\n", encoding="utf-8")
    return path


def test_import_reports_what_it_did_and_where_rows_were_skipped(
    words_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    assert main(["import", str(words_csv)]) == 0
    out, err = capsys.readouterr()
    assert "words.csv (csv): 2 added, 0 updated, 0 unchanged, 1 skipped" in out
    assert f"skipped {words_csv}:4 [word]: the word is empty" in out
    assert "writing" in err and "100%" in err


def test_importing_again_reports_everything_unchanged(
    words_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    main(["import", str(words_csv)])
    assert main(["import", str(words_csv), "--profile", "deutsch"]) == 0
    assert "0 added, 0 updated, 2 unchanged" in capsys.readouterr().out


def test_an_unusable_file_is_one_line_and_exit_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    bad = tmp_path / "deck.apkg"
    bad.write_bytes(b"nope")
    assert main(["import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "deck.apkg is not a valid .apkg" in err and "nothing was imported" in err


def test_a_header_naming_no_word_column_imports_nothing_and_suggests_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    path = tmp_path / "es.csv"
    path.write_text("Spanish;English;Note\nperro;dog;animal\n", encoding="utf-8")
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "names the columns Spanish, English, Note" in err
    assert "perro | dog | animal" in err and "--map word=Spanish" in err
    assert "nothing was imported" in err


def test_an_unknown_profile_names_the_ones_there_are(
    words_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    assert main(["import", str(words_csv), "--profile", "Latin"]) == 1
    assert "no profile 'Latin' (profiles: Deutsch;" in capsys.readouterr().err


def test_a_malformed_mapping_is_explained(
    words_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    assert main(["import", str(words_csv), "--map", "word"]) == 1
    assert "FIELD=COLUMN" in capsys.readouterr().err


def test_the_mapping_and_encoding_options_reach_the_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    path = tmp_path / "ru.csv"
    path.write_bytes("Englisch;Deutsch\nhouse;Haus\n".encode("cp1251"))
    assert (
        main(
            [
                "import",
                str(path),
                "--encoding",
                "cp1251",
                "--map",
                "word=Deutsch",
                "--map",
                "translations=1",
            ]
        )
        == 0
    )
    assert "1 added" in capsys.readouterr().out


def test_export_writes_the_active_profile(
    words_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    main(["import", str(words_csv)])
    out = tmp_path / "out.csv"
    assert main(["export", "--format", "csv", str(out)]) == 0
    assert "2 words written to" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("key,word,pos,translations")


def test_import_without_a_profile_says_how_to_make_one(
    words_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(words_csv)]) == 1
    assert "has no profile yet" in capsys.readouterr().err


def test_translate_fills_kindle_words_through_the_bulk_engine(
    tmp_path: Path,
    llm_server: FakeLLMServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_llm(monkeypatch, llm_server)
    make_profile()
    vocab = kindle_db(tmp_path / "vocab.db", [("de:Häuser", "Häuser", "Haus", "de", "Die Häuser.")])
    assert main(["import", str(vocab), "--translate"]) == 0
    out = capsys.readouterr().out
    assert "1 added" in out and "1 translated" in out
    export = tmp_path / "out.csv"
    main(["export", "--format", "csv", str(export)])
    assert fake_translation("Haus", "en") in export.read_text(encoding="utf-8")


def test_translate_without_any_source_says_what_to_configure(
    words_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    assert main(["import", str(words_csv), "--translate"]) == 1
    assert "OPENAI_API_KEY" in capsys.readouterr().err


def test_an_empty_file_says_nothing_to_import_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert main(["import", str(empty)]) == 1
    assert "nothing to import" in capsys.readouterr().err


def test_a_mapped_column_that_does_not_exist_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    path = tmp_path / "list.csv"
    path.write_text("Haus,house\nBaum,tree\n", encoding="utf-8")
    assert main(["import", str(path), "--map", "word=99"]) == 1
    assert "has no column 99 for 'word': its rows have 2 columns" in capsys.readouterr().err


def test_a_binary_file_is_refused_even_with_an_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    path = tmp_path / "photo.jpg"
    path.write_bytes(bytes(range(256)) * 8)
    assert main(["import", str(path), "--format", "csv", "--encoding", "latin-1"]) == 1
    assert "looks like a binary file" in capsys.readouterr().err


def test_the_import_lists_what_changed_in_each_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    first = tmp_path / "a.csv"
    first.write_text("Haus,house\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("Haus,home\n", encoding="utf-8")
    assert main(["import", str(first)]) == 0
    assert main(["import", str(second)]) == 0
    assert "updated Haus: translations + home" in capsys.readouterr().out


def test_replace_lets_the_file_narrow_a_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    first = tmp_path / "a.csv"
    first.write_text("word,translation\nHaus,house; home\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("Haus,house\n", encoding="utf-8")
    assert main(["import", str(first)]) == 0
    assert main(["import", str(second), "--replace"]) == 0
    assert "updated Haus: translations − home" in capsys.readouterr().out


@pytest.fixture
def plain_list(tmp_path: Path) -> Path:
    path = tmp_path / "list.txt"
    path.write_text("".join(f"zzwort{i}\n" for i in range(68)), encoding="utf-8")
    return path


def test_translate_against_a_dead_endpoint_fails_fast_with_one_line_and_the_right_hint(
    plain_list: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dead = FakeLLMServer()  # never started: its port refuses connections
    use_llm(monkeypatch, dead)
    make_profile()

    assert main(["import", str(plain_list), "--translate"]) == 1
    out, err = capsys.readouterr()
    reason = (
        f"paused: cannot connect to the LLM endpoint {dead.base_url} (connection refused): "
        "is the server running, and is OPENAI_BASE_URL right?"
    )
    assert "0 added, 0 updated, 0 unchanged, 68 skipped" in out
    assert "68 new words without a translation (the translation stopped first): zzwort0" in out
    assert f"words-tui: 68 words were not translated ({reason}); import the file again" in err
    assert "import with --translate" not in out + err


def test_without_translate_untranslated_words_get_the_translate_hint_and_status_0(
    plain_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    assert main(["import", str(plain_list)]) == 0
    out = capsys.readouterr().out
    assert "hint: import again with --translate to translate the 68 skipped new words" in out


def test_the_cli_says_when_translation_waits_for_the_endpoint_and_when_it_is_back(
    plain_list: Path,
    llm_server: FakeLLMServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", llm_server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", llm_server.api_key)
    monkeypatch.setenv("WORDS_LLM_BATCH_SIZE", "100")  # one request for the whole list
    llm_server.script("429", "429", "429")  # its three attempts, each told to wait 0.05 s
    make_profile()

    assert main(["import", str(plain_list), "--translate"]) == 0
    err = capsys.readouterr().err
    assert "waiting for the LLM since " in err and "rate limiting us (HTTP 429)" in err
    assert "(the translation pauses after 120 s without an answer)" in err
    assert "the LLM answers again" in err
