"""Reading CSV, TSV and plain lists: encodings, delimiters, headers, mappings, located problems."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from words_tui.infrastructure.importers import (
    ParsedSource,
    SourceError,
    UnknownColumns,
    parse_bytes,
    parse_file,
    parse_text,
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def pairs(parsed: ParsedSource) -> list[tuple[str, list[str]]]:
    return [(r.word, [m.text for m in r.meanings]) for r in parsed.records]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1251"])
def test_cyrillic_lists_decode_in_every_common_encoding(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "ru.csv", "дом,house\nкошка,cat\n", encoding)
    assert pairs(parse_file(path)) == [("дом", ["house"]), ("кошка", ["cat"])]


def test_latin1_lists_decode_as_western_european(tmp_path: Path) -> None:
    path = write(tmp_path, "de.csv", "Straße;street\nÖl;oil\nMüller;miller\n", "latin-1")
    assert pairs(parse_file(path)) == [
        ("Straße", ["street"]),
        ("Öl", ["oil"]),
        ("Müller", ["miller"]),
    ]


def test_an_undecidable_single_byte_file_asks_for_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\xe4\xee\xec,Stra\xdfe\n")  # "дом" in cp1251, "Straße" in latin-1
    with pytest.raises(SourceError, match="--encoding"):
        parse_file(path)


def test_an_explicit_encoding_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\xe4\xee\xec,Stra\xdfe\n")
    assert pairs(parse_file(path, encoding="cp1251")) == [("дом", ["StraЯe"])]


def test_a_wrong_explicit_encoding_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.csv", "ok,fine\nдом,house\n", "cp1251")
    with pytest.raises(SourceError, match=r"bad\.csv:2: not valid utf-8"):
        parse_file(path, encoding="utf-8")


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_the_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "w.txt"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(
            [("Haus", "house"), ("Baum", "tree, wood")]
        )
    parsed = parse_file(path)
    assert pairs(parsed) == [("Haus", ["house"]), ("Baum", ["tree, wood"])]


def test_a_plain_list_is_one_word_per_line(tmp_path: Path) -> None:
    parsed = parse_file(write(tmp_path, "list.txt", "Haus\nBaum, alt\n"))
    assert [r.word for r in parsed.records] == ["Haus", "Baum, alt"]


def test_a_header_with_known_names_maps_the_columns(tmp_path: Path) -> None:
    text = "Tags,Meaning,Front,Example\nhome,house,Haus,Das Haus. | The house.\n"
    record = parse_file(write(tmp_path, "h.csv", text)).records[0]
    assert (record.word, record.tags, record.examples[0].target) == (
        "Haus",
        ("home",),
        "The house.",
    )


def test_the_mapping_overrides_the_header(tmp_path: Path) -> None:
    text = "Deutsch,Englisch\nHaus,house\n"
    parsed = parse_file(
        write(tmp_path, "m.csv", text), mapping={"word": "Deutsch", "translations": 2}
    )
    assert pairs(parsed) == [("Haus", ["house"])]


def test_a_mapping_naming_a_missing_column_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no column named 'Wort'"):
        parse_file(
            write(tmp_path, "m.csv", "word,translation\nHaus,house\n"), mapping={"word": "Wort"}
        )


def test_a_header_naming_no_word_column_stops_with_the_columns_and_a_sample_row(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "es.csv", "Spanish;English;Note\nperro;dog;animal\ngato;cat;\n")
    with pytest.raises(UnknownColumns) as raised:
        parse_file(path)
    assert raised.value.shape.first_row == ("Spanish", "English", "Note")
    assert raised.value.shape.sample == ("perro", "dog", "animal")
    assert str(raised.value) == (
        f"{path}: the first line names the columns Spanish, English, Note, but none of them is "
        "the word (a row reads: perro | dog | animal); say which column holds what, e.g. "
        "--map word=Spanish --map translations=English"
    )


def test_a_header_of_languages_reads_once_the_columns_are_mapped(tmp_path: Path) -> None:
    path = write(tmp_path, "es.csv", "Spanish;English;Note\nperro;dog;animal\n")
    parsed = parse_file(path, mapping={"word": "Spanish", "translations": "English"})
    assert pairs(parsed) == [("perro", ["dog"])]
    assert parsed.records[0].notes == "animal"


def test_text_bytes_and_a_file_read_alike(tmp_path: Path) -> None:
    text = "word;translations\nperro;dog\n;nothing\n"
    from_file = parse_file(write(tmp_path, "list.csv", text))
    from_bytes = parse_bytes(text.encode(), str(tmp_path / "list.csv"))
    from_text = parse_text(text, str(tmp_path / "list.csv"))
    assert from_file.records == from_bytes.records == from_text.records
    assert from_file.problems == from_bytes.problems == from_text.problems
    assert [str(p.location) for p in parse_text(text).problems] == ["pasted text:3 [word]"]


def test_reading_bytes_writes_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.import_builders import genanki_apkg, kindle_db

    deck = genanki_apkg(tmp_path / "d.apkg", [("Haus", "house", "")]).read_bytes()
    vocab = kindle_db(tmp_path / "vocab.db", [("de:Haus", "Häuser", "Haus", "de", None)])

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a temporary file was made")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert [r.word for r in parse_bytes(deck, "d.apkg").records] == ["Haus"]
    assert [r.word for r in parse_bytes(vocab.read_bytes(), "vocab.db").records] == ["Haus"]
    assert [r.word for r in parse_bytes(b"Haus\n", "list.txt").records] == ["Haus"]


def test_anki_text_export_preamble_sets_the_separator(tmp_path: Path) -> None:
    text = "#separator:tab\n#html:false\nHaus\thouse, home\n"
    assert pairs(parse_file(write(tmp_path, "anki.txt", text))) == [("Haus", ["house, home"])]


def test_missing_columns_are_not_claimed_as_provided(tmp_path: Path) -> None:
    record = parse_file(write(tmp_path, "two.csv", "Haus,house\n")).records[0]
    assert record.provided == {"word", "translations"}


def test_malformed_rows_are_located_and_skipped_and_the_rest_imports(tmp_path: Path) -> None:
    text = "word,translation,status,forms\nHaus,house,new,\n,lost,,\nBaum,tree,sleeping,\nAst,branch,,plural Äste\nRad,wheel,,plural=Räder\n"
    parsed = parse_file(write(tmp_path, "rows.csv", text))
    assert [r.word for r in parsed.records] == ["Haus", "Rad"]
    assert [str(p) for p in parsed.problems] == [
        f"{tmp_path / 'rows.csv'}:3 [word]: the word is empty",
        f"{tmp_path / 'rows.csv'}:4 [status]: unknown status 'sleeping'; use one of new, learning, review, mastered, suspended",
        f"{tmp_path / 'rows.csv'}:5 [forms]: form 'plural Äste' is not written as name=value",
    ]


def test_a_multi_line_cell_reports_the_line_the_row_starts_on(tmp_path: Path) -> None:
    text = 'word,translation,cards\nHaus,"house\nhome",\nBaum,tree,not json\n'
    parsed = parse_file(write(tmp_path, "ml.csv", text))
    assert pairs(parsed) == [("Haus", ["house", "home"])]
    assert parsed.problems[0].location.line == 4


def test_a_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        parse_file(tmp_path / "nope.csv")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_any_bytes_parse_or_fail_with_one_located_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        parsed = parse_file(path)
    except SourceError as err:
        assert str(path) in str(err) or "--encoding" in str(err)
        return
    lines = data.count(b"\n") + data.count(b"\r") + 1
    for problem in parsed.problems:
        assert problem.location.path == str(path)
        assert problem.location.line is not None and 1 <= problem.location.line <= lines


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=6), max_size=8))
def test_any_table_text_parses_with_every_problem_located(
    tmp_path: Path, rows: list[list[str]]
) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_text("\n".join(",".join(row) for row in rows), encoding="utf-8")
    try:
        parsed = parse_file(path)
    except SourceError as err:
        assert "fuzz.csv" in str(err)
        return
    assert all(p.location.line is not None for p in parsed.problems)
    assert all(r.word for r in parsed.records)
