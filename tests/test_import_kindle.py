"""Reading Kindle Vocabulary Builder files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.import_builders import kindle_db
from words_tui.infrastructure.importers import SourceError, parse_file


def test_the_stem_is_learnt_and_the_looked_up_form_kept(tmp_path: Path) -> None:
    path = kindle_db(
        tmp_path / "vocab.db", [("de:Häusern", "Häusern", "Haus", "de", "In den Häusern.")]
    )
    record = parse_file(path).records[0]
    assert (record.word, record.forms, record.lang) == ("Haus", {"looked up": "Häusern"}, "de")
    assert record.key == "kindle:de:Häusern"


def test_usages_become_examples_and_the_book_a_note(tmp_path: Path) -> None:
    lookups = [
        ("de:Tür", "Tür", "Tür", "de", "Vor der Tür."),
        ("de:Tür", "Tür", "Tür", "de", "Die Tür."),
    ]
    record = parse_file(kindle_db(tmp_path / "vocab.db", lookups)).records[0]
    assert [e.source for e in record.examples] == ["Vor der Tür.", "Die Tür."]
    assert record.notes == "Looked up in Der Process"
    assert record.meanings == ()


def test_regional_language_codes_are_reduced_to_the_language(tmp_path: Path) -> None:
    path = kindle_db(tmp_path / "vocab.db", [("en:colour", "colour", "colour", "en-GB", None)])
    assert parse_file(path).records[0].lang == "en"


def test_a_vocab_db_left_in_wal_mode_reads_in_memory(tmp_path: Path) -> None:
    import sqlite3

    path = kindle_db(tmp_path / "vocab.db", [("de:Haus", "Häuser", "Haus", "de", None)])
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.close()
    assert path.read_bytes()[18:20] == b"\x02\x02"
    assert [r.word for r in parse_file(path).records] == ["Haus"]


def test_a_file_that_is_no_sqlite_database_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "vocab.db"
    path.write_text("hello")
    with pytest.raises(SourceError, match=r"not a Kindle vocab\.db"):
        parse_file(path, format="kindle")


def test_a_sqlite_file_without_kindle_tables_is_one_clear_error(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(SourceError, match=r"other\.db is not a usable Kindle vocab\.db"):
        parse_file(path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_any_bytes_fail_with_one_error_naming_the_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "vocab.db"
    path.write_bytes(b"SQLite format 3\x00" + data)
    try:
        parsed = parse_file(path, format="kindle")
    except SourceError as err:
        assert "vocab.db" in str(err)
        return
    assert all(p.location.path == str(path) for p in parsed.problems)
