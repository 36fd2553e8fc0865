"""Exporting to an Anki deck: both directions, examples and forms on the back, stable GUIDs."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

from tests.import_builders import Note21b, anki21b_apkg
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Profile
from words_tui.services.transfer.import_export import export_profile, import_file
from words_tui.services.vocabulary.profiles import ProfileKnobs, create_profile

WORDS_CSV = (
    "word,translations,examples,forms,notes\n"
    "Haus,house; home,Das Haus ist alt. | The house is old.,plural=Häuser,<das>\n"
    "Baum,tree,,,\n"
)


async def german(
    database: Database, tmp_path: Path, user: str = "ann", text: str | None = WORDS_CSV
) -> Profile:
    """A German profile of `user`, with the words of `text` (a CSV) when given."""
    profile = await create_profile(database, user, "en", "de", "A1", ProfileKnobs(name="Deutsch"))
    assert profile.id is not None
    if text is not None:
        source = tmp_path / f"{user}.csv"
        source.write_text(text, encoding="utf-8")
        await import_file(database, profile.id, source)
    return profile


def collection(path: Path, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(path) as package:
        package.extract("collection.anki2", tmp_path / "unzipped")
    return sqlite3.connect(tmp_path / "unzipped" / "collection.anki2")


async def test_the_deck_is_named_after_the_profile_with_two_cards_per_word(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database, tmp_path)
    assert profile.id is not None
    report = await export_profile(database, profile.id, tmp_path / "out.apkg", "apkg")
    assert report.words == 2
    db = collection(tmp_path / "out.apkg", tmp_path)
    decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    assert "Deutsch" in [deck["name"] for deck in decks.values()]
    cards = db.execute("SELECT nid, ord FROM cards ORDER BY nid, ord").fetchall()
    assert [ord_ for _, ord_ in cards] == [0, 1, 0, 1]


async def test_examples_and_forms_are_on_the_back(database: Database, tmp_path: Path) -> None:
    profile = await german(database, tmp_path)
    assert profile.id is not None
    await export_profile(database, profile.id, tmp_path / "out.apkg", "apkg")
    db = collection(tmp_path / "out.apkg", tmp_path)
    fields = db.execute("SELECT flds FROM notes ORDER BY id").fetchone()[0].split("\x1f")
    assert fields[:2] == ["Haus", "house; home"]
    assert "Das Haus ist alt. | The house is old." in fields and "plural=Häuser" in fields
    assert "&lt;das&gt;" in fields
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    afmts = [t["afmt"] for model in models.values() for t in model["tmpls"]]
    assert all("{{Examples}}" in afmt and "{{Forms}}" in afmt for afmt in afmts)


async def test_the_note_guid_stays_when_the_word_is_edited(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database, tmp_path)
    assert profile.id is not None
    await export_profile(database, profile.id, tmp_path / "one.apkg", "apkg")
    edited = tmp_path / "edit.csv"
    edited.write_text("word,translations\nHaus,building\n", encoding="utf-8")
    await import_file(database, profile.id, edited)
    await export_profile(database, profile.id, tmp_path / "two.apkg", "apkg")
    first = (
        collection(tmp_path / "one.apkg", tmp_path / "a")
        .execute("SELECT guid, flds FROM notes ORDER BY id")
        .fetchall()
    )
    second = (
        collection(tmp_path / "two.apkg", tmp_path / "b")
        .execute("SELECT guid, flds FROM notes ORDER BY id")
        .fetchall()
    )
    assert [g for g, _ in first] == [g for g, _ in second]
    assert first[0][1] != second[0][1]
    assert len({g for g, _ in first}) == 2


async def test_a_word_from_anki_keeps_its_anki_guid(database: Database, tmp_path: Path) -> None:
    profile = await german(database, tmp_path, text=None)
    assert profile.id is not None
    await import_file(
        database,
        profile.id,
        anki21b_apkg(tmp_path / "in.apkg", [Note21b(1, "Xy7!abc", ["house", "Haus"])]),
    )
    await export_profile(database, profile.id, tmp_path / "out.apkg", "apkg")
    guids = collection(tmp_path / "out.apkg", tmp_path).execute("SELECT guid FROM notes").fetchall()
    assert guids == [("Xy7!abc",)]


async def test_the_deck_imports_back_into_words_tui(database: Database, tmp_path: Path) -> None:
    ann = await german(database, tmp_path)
    bob = await german(database, tmp_path, "bob", text=None)
    assert ann.id is not None and bob.id is not None
    await export_profile(database, ann.id, tmp_path / "ann.apkg", "apkg")
    report = await import_file(database, bob.id, tmp_path / "ann.apkg")
    assert (report.created, report.skipped) == (2, 0)
    await export_profile(database, ann.id, tmp_path / "ann.csv", "csv")
    await export_profile(database, bob.id, tmp_path / "bob.csv", "csv")
    columns = ("word", "translations", "examples", "forms", "notes")
    import csv

    def content(path: Path) -> list[tuple[str, ...]]:
        with path.open(encoding="utf-8", newline="") as handle:
            return [tuple(row[c] for c in columns) for row in csv.DictReader(handle)]

    assert content(tmp_path / "bob.csv") == content(tmp_path / "ann.csv")
