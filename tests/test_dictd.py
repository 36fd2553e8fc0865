"""The offline dictd provider, on tiny dictionaries the tests build themselves."""

from __future__ import annotations

import gzip
import struct
import zlib
from pathlib import Path

import pytest

from words_tui.i18n import Texts
from words_tui.infrastructure.dictionaries.dictd import (
    B64,
    DictdDictionary,
    DictdError,
    DictionarySet,
    decode_number,
)
from words_tui.tui.widgets.entry_view import EntryView

ENTRIES = {
    "Haus": 'Haus /haʊs/ <n, neut, pl: Häuser>\n1. house\n2. home, household\n"zu Hause" - at home\n',
    "gehen": "gehen /ˈɡeːən/ <v>\n1. to go\n2. to walk\nsee: laufen\n",
    "Bank": "Bank <n, fem>\nbench\n",
    "bank": "Bank <n, fem>\nbank\n",
}


def encode_number(value: int) -> str:
    digits = ""
    while True:
        digits = B64[value % 64] + digits
        value //= 64
        if value == 0:
            return digits


def dictzip(data: bytes, chunk_length: int = 32) -> bytes:
    """A real dictzip file: independently inflatable chunks listed in the 'RA' header field."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    chunks = [
        deflate.compress(data[i : i + chunk_length]) + deflate.flush(zlib.Z_FULL_FLUSH)
        for i in range(0, len(data), chunk_length)
    ]
    chunks[-1] += deflate.flush(zlib.Z_FINISH)
    table = struct.pack(f"<HHH{len(chunks)}H", 1, chunk_length, len(chunks), *map(len, chunks))
    extra = b"RA" + struct.pack("<H", len(table)) + table
    header = b"\x1f\x8b\x08\x04" + bytes(6) + struct.pack("<H", len(extra)) + extra
    trailer = struct.pack("<II", zlib.crc32(data), len(data))
    return header + b"".join(chunks) + trailer


def build_dictionary(directory: Path, name: str = "deu-eng", *, compressed: str = "") -> Path:
    """Write `name`.index and `name`.dict (or .dict.dz: "gzip" or "dictzip") holding ENTRIES."""
    data = b""
    lines = []
    for headword, text in ENTRIES.items():
        body = text.encode()
        lines.append(f"{headword}\t{encode_number(len(data))}\t{encode_number(len(body))}")
        data += body
    index = directory / f"{name}.index"
    index.write_text("\n".join(sorted(lines, key=str.casefold)) + "\n", encoding="utf-8")
    if compressed:
        packed = dictzip(data) if compressed == "dictzip" else gzip.compress(data)
        (directory / f"{name}.dict.dz").write_bytes(packed)
    else:
        (directory / f"{name}.dict").write_bytes(data)
    return index


@pytest.mark.parametrize("compressed", ["", "gzip", "dictzip"], ids=["dict", "gzip", "dictzip"])
def test_an_entry_becomes_a_typed_word_entry(tmp_path: Path, compressed: str) -> None:
    dictionary = DictdDictionary(build_dictionary(tmp_path, compressed=compressed))

    entry = dictionary.lookup("haus")

    assert entry is not None
    assert (entry.word, entry.source_lang, entry.target_lang) == ("Haus", "de", "en")
    assert entry.pos == "noun"
    assert entry.translations == ["house", "home", "household"]
    assert entry.forms == {"gender": "neuter", "plural": "Häuser", "ipa": "haʊs"}
    assert [(e.source, e.target) for e in entry.examples] == [("zu Hause", "at home")]
    assert entry.source == "dictd:deu-eng"


def test_cross_references_are_not_taken_for_meanings(tmp_path: Path) -> None:
    entry = DictdDictionary(build_dictionary(tmp_path)).lookup("gehen")

    assert entry is not None
    assert entry.translations == ["to go", "to walk"]
    assert entry.pos == "verb"


def test_the_pronunciation_is_kept_only_where_the_entry_gives_one(tmp_path: Path) -> None:
    dictionary = DictdDictionary(build_dictionary(tmp_path))
    gehen, bank = dictionary.lookup("gehen"), dictionary.lookup("Bank")
    assert gehen is not None and gehen.forms == {"ipa": "ˈɡeːən"}
    assert bank is not None and "ipa" not in bank.forms


def test_homographs_are_merged_into_one_entry(tmp_path: Path) -> None:
    entry = DictdDictionary(build_dictionary(tmp_path)).lookup("Bank")

    assert entry is not None
    assert sorted(entry.translations) == ["bank", "bench"]


def test_an_unknown_word_gives_none(tmp_path: Path) -> None:
    assert DictdDictionary(build_dictionary(tmp_path)).lookup("Baum") is None


def test_a_dictionary_set_answers_only_for_its_language_pair(tmp_path: Path) -> None:
    build_dictionary(tmp_path)
    dictionaries = DictionarySet.from_paths([tmp_path])

    assert dictionaries.covers("de", "en")
    assert dictionaries.find("Haus", "de", "en") is not None
    assert dictionaries.find("Haus", "en", "de") is None


async def test_the_async_lookup_serves_the_lookup_chain(tmp_path: Path) -> None:
    dictionaries = DictionarySet.from_paths([build_dictionary(tmp_path)])

    entry = await dictionaries.lookup("gehen", "de", "en")

    assert entry is not None and entry.translations[0] == "to go"


def test_numbers_use_dictds_base64() -> None:
    assert [decode_number(t) for t in ("A", "B", "BA", "/")] == [0, 1, 64, 63]
    assert decode_number(encode_number(123456)) == 123456


def test_a_malformed_index_line_is_named(tmp_path: Path) -> None:
    index = build_dictionary(tmp_path)
    index.write_text(index.read_text() + "broken line without tabs\n")

    with pytest.raises(DictdError, match=rf"{index}:5: expected 'headword<TAB>offset<TAB>length'"):
        DictdDictionary(index).lookup("Haus")


def test_an_index_without_its_data_file_is_named(tmp_path: Path) -> None:
    index = build_dictionary(tmp_path)
    (tmp_path / "deu-eng.dict").unlink()

    with pytest.raises(DictdError, match=rf"{index} has no deu-eng.dict"):
        DictdDictionary(index)


def test_a_corrupt_dictzip_file_is_named(tmp_path: Path) -> None:
    build_dictionary(tmp_path, compressed="dictzip")
    data = tmp_path / "deu-eng.dict.dz"
    data.write_bytes(b"\x1f\x8b\x08\x00garbage")

    with pytest.raises(DictdError, match=rf"dictd data {data} cannot be read"):
        DictdDictionary(tmp_path / "deu-eng.index").lookup("Haus")


def test_an_index_pointing_past_the_data_is_named(tmp_path: Path) -> None:
    index = build_dictionary(tmp_path)
    (tmp_path / "deu-eng.dict").write_bytes(b"short")

    with pytest.raises(DictdError, match=r"points past the end of .*deu-eng\.dict"):
        DictdDictionary(index).lookup("Haus")


def test_a_file_name_without_a_language_pair_needs_explicit_languages(tmp_path: Path) -> None:
    index = build_dictionary(tmp_path, name="german")

    with pytest.raises(DictdError, match="cannot tell the languages"):
        DictdDictionary(index)
    assert DictdDictionary(index, "de", "en").lookup("Haus") is not None


def test_add_word_shows_a_dictionary_entrys_pronunciation_after_the_headword(
    tmp_path: Path,
) -> None:
    entry = DictdDictionary(build_dictionary(tmp_path)).lookup("Haus")
    view = EntryView()
    view.show(entry, Texts("en"))
    first, forms, _ = str(view.content).split("\n")
    assert first.startswith("Haus  /haʊs/  noun")
    assert "ipa" not in forms and "plural: Häuser" in forms
