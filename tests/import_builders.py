"""Builders of the files the import tests read: Anki packages (genanki and a hand-made schema-18
`collection.anki21b`), Kindle `vocab.db` files and CSVs, all generated on the spot."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import genanki
import zstandard

BASIC_MODEL = genanki.Model(
    1_607_392_319,
    "Basic (and reversed card)",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Example"}],
    templates=[
        {"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"},
        {"name": "Card 2", "qfmt": "{{Back}}", "afmt": "{{FrontSide}}<hr id=answer>{{Front}}"},
    ],
)
CLOZE_MODEL = genanki.CLOZE_MODEL


def genanki_apkg(
    path: Path,
    notes: list[tuple[str, ...]],
    *,
    guids: list[str] | None = None,
    model: genanki.Model = BASIC_MODEL,
    tags: list[str] | None = None,
) -> Path:
    """A classic `collection.anki2` package, as genanki (and older Anki) writes it."""
    deck = genanki.Deck(2_059_400_110, "Deutsch")
    for index, fields in enumerate(notes):
        guid = guids[index] if guids else None
        deck.add_note(genanki.Note(model=model, fields=list(fields), guid=guid, tags=tags or []))
    genanki.Package(deck).write_to_file(str(path))
    return path


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def proto_string(number: int, text: str) -> bytes:
    data = text.encode()
    return _varint(number << 3 | 2) + _varint(len(data)) + data


def proto_varint(number: int, value: int) -> bytes:
    return _varint(number << 3) + _varint(value)


@dataclass
class Note21b:
    id: int
    guid: str
    fields: list[str]
    notetype: int = 1
    tags: str = ""
    cards: list[dict[str, object]] = field(default_factory=list)
    """Each card: ord, type, queue, due, ivl, reps, lapses, data, and `reviews` [(ms, ease)]."""


SCHEMA_18 = """
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
  time integer NOT NULL, type integer NOT NULL);
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
  config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL,
  PRIMARY KEY (ntid, ord)) without rowid;
"""


def anki21b_apkg(
    path: Path,
    notes: list[Note21b],
    *,
    field_names: tuple[str, ...] = ("Meaning", "Wort"),
    questions: tuple[str, ...] = ("{{Wort}}", "{{Meaning}}"),
    created: int = 1_700_000_000,
) -> Path:
    """A modern package: schema-18 SQLite, zstd-compressed as `collection.anki21b`, beside the
    stub `collection.anki2` that tells old Anki versions to upgrade."""
    db_path = path.with_suffix(".sqlite")
    connection = sqlite3.connect(db_path)
    connection.create_collation(
        "unicase", lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower())
    )
    connection.executescript(SCHEMA_18)
    connection.execute(
        "INSERT INTO col VALUES (1, ?, 0, 0, 18, 0, 0, 0, '', '', '', '', '')", (created,)
    )
    connection.execute("INSERT INTO notetypes VALUES (1, 'Vocab', 0, 0, ?)", (proto_varint(1, 0),))
    for ord_, name in enumerate(field_names):
        connection.execute("INSERT INTO fields VALUES (1, ?, ?, x'')", (ord_, name))
    for ord_, question in enumerate(questions):
        config = proto_string(1, question) + proto_string(2, "{{FrontSide}}")
        connection.execute(
            "INSERT INTO templates VALUES (1, ?, ?, 0, 0, ?)", (ord_, f"Card {ord_ + 1}", config)
        )
    card_id = 1
    for note in notes:
        connection.execute(
            "INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')",
            (note.id, note.guid, note.notetype, note.tags, "\x1f".join(note.fields)),
        )
        for card in note.cards:
            connection.execute(
                "INSERT INTO cards VALUES (?, ?, 1, ?, 0, 0, ?, ?, ?, ?, 2500, ?, ?, 0, 0, 0, 0, ?)",
                (
                    card_id,
                    note.id,
                    card["ord"],
                    card.get("type", 0),
                    card.get("queue", 0),
                    card.get("due", 0),
                    card.get("ivl", 0),
                    card.get("reps", 0),
                    card.get("lapses", 0),
                    card.get("data", ""),
                ),
            )
            for at_ms, ease in card.get("reviews", []):  # type: ignore[attr-defined]
                connection.execute(
                    "INSERT INTO revlog VALUES (?, ?, 0, ?, 0, 0, 0, 0, 1)", (at_ms, card_id, ease)
                )
            card_id += 1
    connection.commit()
    connection.close()
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(
            "collection.anki21b", zstandard.ZstdCompressor().compress(db_path.read_bytes())
        )
        package.writestr("collection.anki2", b"stub: please update Anki")
        package.writestr("media", b"")
    db_path.unlink()
    return path


def kindle_db(path: Path, words: list[tuple[str, str, str, str, str | None]]) -> Path:
    """A Vocabulary Builder file: (id, word, stem, lang, usage) per lookup."""
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        CREATE TABLE WORDS (id TEXT PRIMARY KEY NOT NULL UNIQUE, word TEXT, stem TEXT, lang TEXT,
          category INTEGER DEFAULT 0, timestamp INTEGER DEFAULT 0, profileid TEXT);
        CREATE TABLE LOOKUPS (id TEXT PRIMARY KEY NOT NULL, word_key TEXT, book_key TEXT,
          dict_key TEXT, pos TEXT, usage TEXT, timestamp INTEGER DEFAULT 0);
        CREATE TABLE BOOK_INFO (id TEXT PRIMARY KEY NOT NULL, asin TEXT, guid TEXT, lang TEXT,
          title TEXT, authors TEXT);
        INSERT INTO BOOK_INFO VALUES ('b1', 'A1', 'g1', 'de', 'Der Process', 'Kafka');
        """
    )
    for index, (key, word, stem, lang, usage) in enumerate(words):
        connection.execute(
            "INSERT OR IGNORE INTO WORDS VALUES (?, ?, ?, ?, 0, ?, '')",
            (key, word, stem, lang, index),
        )
        if usage is not None:
            connection.execute(
                "INSERT INTO LOOKUPS VALUES (?, ?, 'b1', 'd', '', ?, ?)",
                (f"l{index}", key, usage, index),
            )
    connection.commit()
    connection.close()
    return path


def fsrs_data(stability: float, difficulty: float) -> str:
    return json.dumps({"s": stability, "d": difficulty, "dr": 0.9})
