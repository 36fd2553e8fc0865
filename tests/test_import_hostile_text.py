"""Imported text is data: control characters are removed and reported, over-long text is refused
with its place, and one monstrous line never spoils the rest of a file."""

from __future__ import annotations

from pathlib import Path

from tests.import_builders import genanki_apkg, kindle_db
from words_tui.infrastructure.importers import ParsedSource, parse_bytes, parse_file, parse_text

ESC = "\x1b"


def pairs(parsed: ParsedSource) -> list[tuple[str, list[str]]]:
    return [(r.word, [m.text for m in r.meanings]) for r in parsed.records]


def test_escape_codes_in_a_list_are_removed_and_the_lines_named() -> None:
    parsed = parse_text(f"casa,house\nperro,{ESC}[2Jdog\ngato,cat{ESC}[31m\n")
    assert pairs(parsed) == [("casa", ["house"]), ("perro", ["[2Jdog"]), ("gato", ["cat[31m"])]
    assert any(
        "removed 2 control characters" in line and "pasted text:2, pasted text:3" in line
        for line in parsed.info
    )


def test_bidi_overrides_are_removed_but_joiners_and_emoji_stay() -> None:
    family = "👨\u200d👩\u200d👧"
    parsed = parse_text(f"abc\u202edef,{family}\n")
    assert pairs(parsed) == [("abcdef", [family])]


def test_a_line_of_nothing_but_nul_bytes_is_counted(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"casa,house\n\x00\x00\x00\x00\nperro,dog\n")
    parsed = parse_file(path)
    assert pairs(parsed) == [("casa", ["house"]), ("perro", ["dog"])]
    assert any("removed 4 control characters" in line for line in parsed.info)


def test_control_characters_in_an_anki_deck_are_removed(tmp_path: Path) -> None:
    path = genanki_apkg(
        tmp_path / "deck.apkg", [("Haus", f"house{ESC}[2J", ""), ("Hund", "dog", "")]
    )
    parsed = parse_file(path)
    assert sorted(pairs(parsed)) == [("Haus", ["house[2J"]), ("Hund", ["dog"])]
    assert any("removed 1 control character " in line for line in parsed.info)


def test_control_characters_in_a_kindle_file_are_removed(tmp_path: Path) -> None:
    path = kindle_db(
        tmp_path / "vocab.db", [("de:Haus", f"Haus{ESC}[0m", "Haus", "de", "Das Haus")]
    )
    parsed = parse_file(path)
    assert [r.word for r in parsed.records] == ["Haus"]


def test_an_over_long_line_is_skipped_with_its_number_and_the_rest_imports(tmp_path: Path) -> None:
    monster = "x" * 200_000
    path = tmp_path / "list.csv"
    path.write_text(f"casa,house\n{monster},y\nperro,dog\n", encoding="utf-8")
    parsed = parse_file(path)
    assert pairs(parsed) == [("casa", ["house"]), ("perro", ["dog"])]
    (problem,) = parsed.problems
    assert problem.location.line == 2
    assert "200,001 characters long" in problem.reason


def test_an_over_long_translation_is_refused_with_its_place() -> None:
    parsed = parse_text(f"casa,{'h' * 5_000}\nperro,dog\n")
    assert pairs(parsed) == [("perro", ["dog"])]
    (problem,) = parsed.problems
    assert str(problem.location) == "pasted text:1 [translations]"
    assert "5,000 characters long" in problem.reason


def test_a_word_made_only_of_control_characters_is_an_empty_word() -> None:
    parsed = parse_bytes(b"\x1b\x1b,house\nperro,dog\n", "list.csv")
    assert pairs(parsed) == [("perro", ["dog"])]
    (problem,) = parsed.problems
    assert problem.location.line == 1
