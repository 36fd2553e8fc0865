"""Offline dictionaries in dictd format (e.g. FreeDict, Debian's `dict-freedict-*` packages).

A dictionary is an `.index` file (`headword<TAB>offset<TAB>length`, numbers in dictd's base64) and
its data, `.dict` or the gzip-compatible `.dict.dz`. Entries are plain text; FreeDict's layout is
parsed into the same `WordEntry` the LLM returns:

    Haus /haʊs/ <n, neut, pl: Häuser>
    1. house
    2. home, household
    "zu Hause" - at home

The language pair comes from the file name (`deu-eng.index` → de → en) unless given. Files are read
lazily on the first lookup; a malformed file raises `DictdError` naming the file (and line).
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.domain.text import clean_text, word_key

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
POS_NAMES = {
    "n": "noun", "noun": "noun", "v": "verb", "vi": "verb", "vt": "verb", "verb": "verb",
    "adj": "adj", "adv": "adv", "prep": "prep", "pron": "pron", "conj": "conj", "num": "num",
    "art": "art", "int": "intj", "interj": "intj", "intj": "intj",
}  # fmt: skip
GENDERS = {"masc": "masculine", "m": "masculine", "fem": "feminine", "f": "feminine",
           "neut": "neuter", "nt": "neuter"}  # fmt: skip
HEAD_LINE = re.compile(
    r"^(?P<word>[^/\[<(]+?)\s*(?:[/\[][^/\]]*[/\]])?\s*(?:[<(](?P<gram>[^>)]*)[>)])?\s*$"
)
NUMBERED = re.compile(r"^\d+[.)]\s*")
LEADING_GRAMMAR = re.compile(r"^[<(](?P<gram>[^>)]*)[>)]\s*")
EXAMPLE = re.compile(r'^"(?P<source>[^"]+)"\s*(?:[-–—:]\s*(?P<target>.*))?$')
SKIPPED_PREFIXES = ("see:", "see also", "synonym", "syn:", "note:", "antonym")


class DictdError(ValueError):
    """A dictd file is missing or malformed; the message names it."""


def decode_number(text: str) -> int:
    """dictd's base64 number ('B' is 1, 'BA' is 64)."""
    value = 0
    for char in text:
        value = value * 64 + B64_VALUE[char]
    return value


def _pair_from_name(index_path: Path) -> tuple[str, str]:
    stem = index_path.name.removesuffix(".index")
    parts = stem.split("-")
    if len(parts) != 2:
        raise DictdError(
            f"cannot tell the languages of {index_path} from its name; name it like deu-eng.index "
            "or give source_lang and target_lang"
        )
    source, target = (ISO_639_3_TO_1.get(p.lower(), p.lower()) for p in parts)
    return source, target


@dataclass
class DictdDictionary:
    """One dictd dictionary; `lookup` returns a `WordEntry` or None."""

    index_path: Path
    source_lang: str = ""
    target_lang: str = ""
    _index: dict[str, list[tuple[int, int, int]]] | None = field(default=None, repr=False)
    _data: bytes | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.index_path = Path(self.index_path).expanduser()
        if not self.index_path.is_file():
            raise DictdError(f"dictd index {self.index_path} does not exist")
        if not (self.source_lang and self.target_lang):
            self.source_lang, self.target_lang = _pair_from_name(self.index_path)
        self.data_path = self._find_data()

    @property
    def name(self) -> str:
        return self.index_path.name.removesuffix(".index")

    def _find_data(self) -> Path:
        base = self.index_path.with_name(self.name)
        for candidate in (
            base.with_name(base.name + ".dict.dz"),
            base.with_name(base.name + ".dict"),
        ):
            if candidate.is_file():
                return candidate
        raise DictdError(
            f"dictd index {self.index_path} has no {self.name}.dict or {self.name}.dict.dz beside it"
        )

    def _load_index(self) -> dict[str, list[tuple[int, int, int]]]:
        index: dict[str, list[tuple[int, int, int]]] = {}
        try:
            lines = self.index_path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as err:
            raise DictdError(
                f"dictd index {self.index_path} is not UTF-8 text ({err.reason})"
            ) from None
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            parts = line.split("\t")
            try:
                headword, offset, length = (
                    parts[0],
                    decode_number(parts[1]),
                    decode_number(parts[2]),
                )
            except (IndexError, KeyError):
                raise DictdError(
                    f"{self.index_path}:{number}: expected 'headword<TAB>offset<TAB>length' "
                    f"in dictd base64, got {line[:60]!r}"
                ) from None
            index.setdefault(word_key(headword), []).append((offset, length, number))
        return index

    def _load_data(self) -> bytes:
        try:
            raw = self.data_path.read_bytes()
            return gzip.decompress(raw) if self.data_path.suffix == ".dz" else raw
        except (OSError, EOFError, zlib.error) as err:
            raise DictdError(f"dictd data {self.data_path} cannot be read: {err}") from None

    def lookup(self, word: str) -> WordEntry | None:
        """The entry for `word` (homographs merged), or None when the dictionary lacks it."""
        if self._index is None:
            self._index = self._load_index()
        spots = self._index.get(word_key(word))
        if not spots:
            return None
        if self._data is None:
            self._data = self._load_data()
        texts = [self._entry_text(offset, length, line) for offset, length, line in spots]
        return parse_entry(texts, word, self.source_lang, self.target_lang, f"dictd:{self.name}")

    def _entry_text(self, offset: int, length: int, line: int) -> str:
        assert self._data is not None
        if offset + length > len(self._data):
            raise DictdError(
                f"{self.index_path}:{line}: entry points past the end of {self.data_path} "
                f"({offset}+{length} > {len(self._data)} bytes); the files do not belong together"
            )
        try:
            return self._data[offset : offset + length].decode("utf-8")
        except UnicodeDecodeError:
            raise DictdError(
                f"{self.data_path}: entry of {self.index_path}:{line} is not UTF-8"
            ) from None


def _grammar(text: str, forms: dict[str, str]) -> str:
    """The part of speech in '<n, neut, pl: Häuser>'; gender and plural go into `forms`."""
    tokens = [t.strip() for t in text.split(",") if t.strip()]
    pos = POS_NAMES.get(tokens[0].lower(), "") if tokens else ""
    for token in tokens[1:]:
        if token.lower().startswith("pl:"):
            forms["plural"] = clean_text(token[3:])
        elif token.lower() in GENDERS:
            forms["gender"] = GENDERS[token.lower()]
    return pos


def parse_entry(
    texts: Sequence[str], word: str, source_lang: str, target_lang: str, source: str
) -> WordEntry | None:
    """A `WordEntry` from the text of one or more dictd entries for the same headword."""
    forms: dict[str, str] = {}
    meanings: list[Meaning] = []
    examples: list[Example] = []
    headword, entry_pos = clean_text(word), ""
    for text in texts:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if not lines:
            continue
        head = HEAD_LINE.match(lines[0])
        pos = ""
        if head is not None:
            headword = clean_text(head["word"])
            pos = _grammar(head["gram"] or "", forms)
            entry_pos = entry_pos or pos
        meanings.extend(_meanings(lines[1:] if head is not None else lines, pos, examples))
    if not meanings:
        return None
    return WordEntry(
        word=headword,
        source_lang=source_lang,
        target_lang=target_lang,
        pos=entry_pos,
        meanings=tuple(dict.fromkeys(meanings)),
        examples=tuple(examples[:3]),
        forms=forms,
        source=source,
    )


def _meanings(lines: Iterable[str], pos: str, examples: list[Example]) -> list[Meaning]:
    found: list[Meaning] = []
    for line in lines:
        if line.lower().startswith(SKIPPED_PREFIXES):
            continue
        example = EXAMPLE.match(line)
        if example is not None:
            examples.append(
                Example(
                    source=clean_text(example["source"]), target=clean_text(example["target"] or "")
                )
            )
            continue
        line = NUMBERED.sub("", line)
        sense_pos = pos
        grammar = LEADING_GRAMMAR.match(line)
        if grammar is not None:
            sense_pos = _grammar(grammar["gram"], {}) or pos
            line = line[grammar.end() :]
        for part in re.split(r"[;,]", line):
            text = clean_text(part)
            if text:
                found.append(Meaning(text=text, pos=sense_pos))
    return found


class DictionarySet:
    """The configured dictionaries; `lookup` asks those of the language pair in order."""

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

    def lookup(self, word: str, source_lang: str, target_lang: str) -> WordEntry | None:
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
