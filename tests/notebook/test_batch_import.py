"""`services.transfer.batch`: read a list, preview it, translate offline first, commit the review."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.builders import meanings_of
from words_tui.domain.entries import Meaning, WordEntry
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Entry, Profile, Word
from words_tui.infrastructure.db.types import utcnow
from words_tui.infrastructure.importers import SourceError
from words_tui.services.transfer import batch as batch_import
from words_tui.services.vocabulary import NO_LLM, NewWord, WordSources, add_words
from words_tui.services.vocabulary.profiles import create_profile


async def spanish(database: Database, *known: str) -> Profile:
    """An English speaker's Spanish profile that already has `known` words."""
    profile = await create_profile(database, "ann", "en", "es")
    async with database.session() as session:
        for word in known:
            entry = WordEntry(
                word=word, source_lang="es", target_lang="en", meanings=(Meaning(text="x"),)
            )
            await add_words(session, profile, [NewWord.from_entry(entry)], utcnow())
    return profile


async def test_the_preview_sorts_new_known_repeated_and_unusable_lines(database: Database) -> None:
    profile = await spanish(database, "casa")
    assert profile.id is not None
    parsed = batch_import.read_pasted("perro\nCasa\n\nperro\n42\ngato\n")
    preview = await batch_import.preview(database, profile.id, parsed)
    assert [r.word for r in preview.new] == ["perro", "gato"]
    assert [r.word for r in preview.known] == ["Casa"]
    assert [str(p) for p in preview.duplicates] == ["pasted text:4: 'perro' repeats pasted text:1"]
    assert [str(p) for p in preview.invalid] == ["pasted text:5: '42' has no letters"]
    assert preview.to_translate == ["perro", "gato"]


def test_a_list_with_translations_needs_no_translating() -> None:
    parsed = batch_import.read_pasted("word\ttranslations\nperro\tdog; hound\n")
    assert [(r.word, [m.text for m in r.meanings]) for r in parsed.records] == [
        ("perro", ["dog", "hound"])
    ]


def test_a_headerless_table_offers_column_numbers() -> None:
    shape = batch_import.table_shape("list.tsv", b"perro\tdog\ngato\tcat\n")
    assert shape.column_choices() == [("column 1 (perro)", 1), ("column 2 (dog)", 2)]
    parsed = batch_import.read_upload("list.tsv", b"perro\tdog\n", mapping={"word": 2})
    assert [r.word for r in parsed.records] == ["dog"]


def test_the_chosen_column_holds_the_words() -> None:
    content = b"english;spanish\ndog;perro\ncat;gato\n"
    shape = batch_import.table_shape("list.csv", content)
    assert shape.column_choices() == [("1: english", "english"), ("2: spanish", "spanish")]
    parsed = batch_import.read_upload(
        "list.csv", content, mapping={"word": "spanish", "translations": "english"}
    )
    assert [(r.word, r.meanings[0].text) for r in parsed.records] == [
        ("perro", "dog"),
        ("gato", "cat"),
    ]
    assert all(r.location.path == "list.csv" for r in parsed.records)


def test_an_unreadable_upload_is_refused_naming_the_file() -> None:
    with pytest.raises(SourceError, match=r"deck\.apkg"):
        batch_import.read_upload("deck.apkg", b"PK\x03\x04 not really a zip")


async def test_without_an_llm_the_starter_vocabulary_translates_and_the_rest_say_why(
    database: Database,
) -> None:
    translation = await WordSources(database).translate(["perro", "zzyzx"], "es", "en")
    assert "dog" in translation.entries["perro"].translations
    assert translation.failures == {"zzyzx": NO_LLM}
    rows = batch_import.review_rows(
        batch_import.read_pasted("perro\nzzyzx\n").records,
        translation.entries,
        translation.failures,
    )
    assert [(row.word, row.ready) for row in rows] == [("perro", True), ("zzyzx", False)]
    assert rows[1].error == NO_LLM


async def test_commit_adds_the_kept_rows_with_their_chosen_meanings_once(
    database: Database,
) -> None:
    profile = await spanish(database)
    assert profile.id is not None
    banco = WordEntry(
        word="banco",
        source_lang="es",
        target_lang="en",
        meanings=(Meaning(text="bank", note="money"), Meaning(text="bench")),
        source="llm:test",
    )
    records = batch_import.read_pasted("banco\nmesa\nsilla\n").records
    rows = batch_import.review_rows(records, {"banco": banco}, {"mesa": "no"})
    rows[0].chosen = ["bench"]
    rows[1].chosen, rows[1].keep = ["table"], True
    rows[2].keep = False
    report = await batch_import.commit(database, profile.id, rows)
    assert report.summary() == "2 added, 0 updated, 0 unchanged"
    assert await meanings_of(database, profile) == {"banco": ["bench"], "mesa": ["table"]}
    again = await batch_import.commit(database, profile.id, rows)
    assert (again.added, again.updated) == (0, 0)
    async with database.session() as session:
        stored = (
            await session.execute(select(Entry.meanings).join(Word).where(Word.text == "banco"))
        ).scalar_one()
    assert stored == [{"text": "bench", "pos": "", "note": ""}]
