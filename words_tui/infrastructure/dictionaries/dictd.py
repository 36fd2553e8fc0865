"""Offline dictionaries in dictd format (e.g. FreeDict, Debian's `dict-freedict-*` packages).

A dictionary is an `.index` file (`headword<TAB>offset<TAB>length`, numbers in dictd's base64) and
its data, `.dict` or the gzip-compatible `.dict.dz`. Entries are plain text, parsed into the same
`WordEntry` the LLM returns by `dictd_format`.

The language pair comes from the file name (`deu-eng.index` → de → en) unless given. Files are read
lazily on the first lookup; a malformed file raises `DictdError` naming the file (and line).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable
from pathlib import Path

from words_tui.domain.entries import WordEntry
from words_tui.domain.text import word_key
from words_tui.errors import Explained
from words_tui.infrastructure.dictionaries.dictd_format import parse_entry
from words_tui.infrastructure.dictionaries.dictzip import DictData, DictzipError

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
B64_VALUE = {char: value for value, char in enumerate(B64)}
ISO_639_3_TO_1 = {
    "afr": "af", "ara": "ar", "bul": "bg", "ces": "cs", "cym": "cy", "dan": "da", "deu": "de",
    "ell": "el", "eng": "en", "epo": "eo", "fin": "fi", "fra": "fr", "gle": "ga", "hin": "hi",
    "hrv": "hr", "hun": "hu", "isl": "is", "ita": "it", "jpn": "ja", "kor": "ko", "lat": "la",
    "nld": "nl", "nob": "nb", "nor": "no", "pol": "pl", "por": "pt", "ron": "ro", "rus": "ru",
    "slk": "sk", "slv": "sl", "spa": "es", "srp": "sr", "swe": "sv", "swh": "sw", "tur": "tr",
    "ukr": "uk", "zho": "zh",
}  # fmt: skip


class DictdError(Explained, ValueError):
    """A dictd file is missing or malformed; the message names it."""


def decode_number(text: str) -> int:
    """dictd's base64 number ('B' is 1, 'BA' is 64)."""
    value = 0
    for char in text:
        value = value * 64 + B64_VALUE[char]
    return value


def _pair_from_name(index_path: Path) -> tuple[str, str]:
    parts = index_path.name.removesuffix(".index").removeprefix("freedict-").split("-")
    if len(parts) != 2:
        raise DictdError(key="error.dictd.languages", path=index_path)
    source, target = (ISO_639_3_TO_1.get(p.lower(), p.lower()) for p in parts)
    return source, target


class DictdDictionary:
    """One dictd dictionary; `lookup` returns a `WordEntry` or None. Thread-safe for lookups."""

    def __init__(
        self, index_path: Path | str, source_lang: str = "", target_lang: str = ""
    ) -> None:
        self.index_path = Path(index_path).expanduser()
        if not self.index_path.is_file():
            raise DictdError(key="error.dictd.no_index", path=self.index_path)
        if not (source_lang and target_lang):
            source_lang, target_lang = _pair_from_name(self.index_path)
        self.source_lang, self.target_lang = source_lang, target_lang
        self.data_path = self._find_data()
        self._lines: list[str] = []
        self._first_line: dict[str, int] | None = None
        self._data: DictData | None = None
        self._loading = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"DictdDictionary({str(self.index_path)!r}, {self.source_lang!r}, {self.target_lang!r})"
        )

    @property
    def name(self) -> str:
        return self.index_path.name.removesuffix(".index")

    def _find_data(self) -> Path:
        for suffix in (".dict.dz", ".dict"):
            candidate = self.index_path.with_name(self.name + suffix)
            if candidate.is_file():
                return candidate
        raise DictdError(key="error.dictd.no_data", path=self.index_path, name=self.name)

    def _load(self) -> tuple[dict[str, int], DictData]:
        """Read the index (headword → its first line; a sorted index keeps homographs adjacent)
        and open the data, once."""
        with self._loading:
            if self._first_line is None or self._data is None:
                self._lines = self._read_index()
                first: dict[str, int] = {}
                for number, line in enumerate(self._lines):
                    tab = line.find("\t")
                    if tab < 0:
                        raise self._bad_line(number)
                    first.setdefault(line[:tab].casefold(), number)
                try:
                    self._data = DictData(self.data_path)
                except (OSError, DictzipError) as err:
                    raise DictdError(
                        key="error.dictd.unreadable", path=self.data_path, problem=str(err)
                    ) from None
                self._first_line = first
            return self._first_line, self._data

    def _read_index(self) -> list[str]:
        try:
            text = self.index_path.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise DictdError(
                key="error.dictd.index_not_utf8", path=self.index_path, problem=err.reason
            ) from None
        return [line for line in text.splitlines() if line.strip()]

    def _bad_line(self, number: int) -> DictdError:
        return DictdError(
            key="error.dictd.bad_line",
            path=self.index_path,
            line=str(number + 1),
            text=repr(self._lines[number][:60]),
        )

    def lookup(self, word: str) -> WordEntry | None:
        """The entry for `word` (homographs merged), or None when the dictionary lacks it."""
        first_line, data = self._load()
        key = word_key(word)
        number = first_line.get(key)
        if number is None:
            return None
        texts = []
        while number < len(self._lines):
            parts = self._lines[number].split("\t")
            if parts[0].casefold() != key:
                break
            texts.append(self._entry_text(data, parts, number))
            number += 1
        return parse_entry(texts, word, self.source_lang, self.target_lang, f"dictd:{self.name}")

    def _entry_text(self, data: DictData, parts: list[str], number: int) -> str:
        try:
            offset, length = decode_number(parts[1]), decode_number(parts[2])
        except (IndexError, KeyError):
            raise self._bad_line(number) from None
        try:
            chunk = data.read(offset, length)
        except DictzipError as err:
            raise DictdError(
                key="error.dictd.unreadable", path=self.data_path, problem=str(err)
            ) from None
        if len(chunk) < length:
            raise DictdError(
                key="error.dictd.past_end",
                path=self.index_path,
                line=str(number + 1),
                data=self.data_path,
                span=f"{offset}+{length}",
            )
        try:
            return chunk.decode("utf-8")
        except UnicodeDecodeError:
            raise DictdError(
                key="error.dictd.entry_not_utf8",
                data=self.data_path,
                path=self.index_path,
                line=str(number + 1),
            ) from None


class DictionarySet:
    """The configured dictionaries; those of the asked language pair are tried in order."""

    def __init__(self, dictionaries: Iterable[DictdDictionary] = ()) -> None:
        self.dictionaries = list(dictionaries)

    @classmethod
    def from_paths(cls, paths: Iterable[Path]) -> DictionarySet:
        """`.index` files, or directories whose `.index` files are all used (e.g. /usr/share/dictd)."""
        found: list[DictdDictionary] = []
        for path in paths:
            path = Path(path).expanduser()
            if path.is_dir():
                found.extend(DictdDictionary(p) for p in sorted(path.glob("*.index")))
            else:
                found.append(DictdDictionary(path))
        return cls(found)

    async def lookup(self, word: str, source_lang: str, target_lang: str) -> WordEntry | None:
        """`find` off the event loop (the first lookup reads the files)."""
        return await asyncio.to_thread(self.find, word, source_lang, target_lang)

    def find(self, word: str, source_lang: str, target_lang: str) -> WordEntry | None:
        """The first entry for `word` among the dictionaries of this language pair."""
        for dictionary in self.dictionaries:
            if (dictionary.source_lang, dictionary.target_lang) == (source_lang, target_lang):
                entry = dictionary.lookup(word)
                if entry is not None:
                    return entry
        return None

    def covers(self, source_lang: str, target_lang: str) -> bool:
        return any(
            (d.source_lang, d.target_lang) == (source_lang, target_lang) for d in self.dictionaries
        )
