"""Kindle Vocabulary Builder (`vocab.db`): the words looked up while reading, with their sentences.

Kindle stores the form looked up (`word`), its dictionary form (`stem`), the book's language, and
each lookup's sentence (`usage`). The stem is what we learn, the looked-up form is kept among the
forms, the sentences become examples, and each book it was looked up in becomes a tag (with
`kindle`), so a lesson can be limited to one book's words. Kindle has no translations: those come from
`--translate`, or the words are reported as needing one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from words_tui.domain.entries import Example
from words_tui.domain.text import clean_text
from words_tui.i18n.said import Said
from words_tui.infrastructure.importers.records import (
    ImportRecord,
    Location,
    ParsedSource,
    Problem,
    SourceError,
)
from words_tui.infrastructure.importers.sqlite_image import SQLITE_HEADER, open_image

KEY_PREFIX = "kindle:"
KINDLE_TAG = "kindle"
LOOKED_UP_FORM = "looked up"
QUERY = """
    SELECT w.id, w.word, w.stem, w.lang, l.usage, b.title
    FROM WORDS w
    LEFT JOIN LOOKUPS l ON l.word_key = w.id
    LEFT JOIN BOOK_INFO b ON b.id = l.book_key
    ORDER BY w.timestamp, w.id, l.timestamp
"""


@dataclass
class _Word:
    key: str
    word: str
    stem: str
    lang: str
    usages: list[str] = field(default_factory=list)
    books: list[str] = field(default_factory=list)


def _language(code: str) -> str:
    """`en-GB` → `en`: Kindle tags books with regions, profiles learn languages."""
    return code.replace("_", "-").split("-")[0].lower()


def _read(data: bytes, name: str) -> list[_Word]:
    if not data.startswith(SQLITE_HEADER):
        raise SourceError(key="error.import.not_kindle", path=name)
    words: dict[str, _Word] = {}
    try:
        connection = open_image(data)
    except sqlite3.Error as err:
        raise SourceError(key="error.kindle.unusable", name=name, problem=str(err)) from None
    try:
        for key, word, stem, lang, usage, title in connection.execute(QUERY):
            entry = words.setdefault(
                str(key), _Word(str(key), str(word or ""), str(stem or ""), str(lang or ""))
            )
            if usage and str(usage).strip() and str(usage) not in entry.usages:
                entry.usages.append(str(usage))
            if title and str(title) not in entry.books:
                entry.books.append(str(title))
    except sqlite3.Error as err:
        raise SourceError(key="error.kindle.unusable", name=name, problem=str(err)) from None
    finally:
        connection.close()
    return list(words.values())


def parse_kindle(data: bytes, name: str) -> ParsedSource:
    """One record per looked-up word of the vocab.db image `data`, keyed by Kindle's own word id;
    read in memory, no file written."""
    parsed = ParsedSource(path=Path(name), format="kindle")
    for item in _read(data, name):
        location = Location(name, item=f"word {item.key}")
        parsed.note_controls([item.word, item.stem, *item.usages, *item.books], location)
        headword = clean_text(item.stem) or clean_text(item.word)
        if not headword:
            parsed.problems.append(Problem(location, Said("import.problem.empty_word")))
            continue
        looked_up = clean_text(item.word)
        forms = {LOOKED_UP_FORM: looked_up} if looked_up and looked_up != headword else {}
        books = "; ".join(item.books)
        parsed.records.append(
            ImportRecord(
                location=location,
                word=headword,
                provided=frozenset({"word", "examples", "forms", "notes", "tags"}),
                examples=tuple(Example(source=clean_text(u)) for u in item.usages if clean_text(u)),
                forms=forms,
                notes=f"Looked up in {books}" if books else "",
                tags=(KINDLE_TAG, *item.books),
                lang=_language(item.lang) or None,
                key=f"{KEY_PREFIX}{item.key}",
            )
        )
    return parsed
