"""Importing into a profile: one transaction, idempotent, updates by stable key, never duplicates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlmodel import col

from tests.import_builders import Note21b, anki21b_apkg, kindle_db
from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.domain.enums import CardState, Direction
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Entry, Profile, UserWord, Word
from words_tui.infrastructure.db.types import utcnow
from words_tui.infrastructure.importers import SourceError
from words_tui.services.transfer.import_export import import_file
from words_tui.services.vocabulary import NO_LLM, NewWord, WordSources, add_words
from words_tui.services.vocabulary.profiles import create_profile

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
DAY_MS = 86_400_000


async def german(database: Database, user: str = "ann") -> Profile:
    return await create_profile(database, user, "en", "de", "A1")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


async def snapshot(database: Database, profile: Profile) -> list[tuple[Any, ...]]:
    """Every stored fact of the profile's words, to compare before and after."""
    async with database.session() as session:
        words = await session.execute(
            select(UserWord, Word, Entry)
            .join(Word, col(Word.id) == col(UserWord.word_id))
            .join(Entry, col(Entry.id) == col(UserWord.entry_id))
            .where(col(UserWord.profile_id) == profile.id)
            .order_by(col(UserWord.id))
        )
        cards = await session.execute(
            select(Card).where(col(Card.profile_id) == profile.id).order_by(col(Card.id))
        )
        return [
            *(
                (uw.model_dump(), w.model_dump(), e.model_dump(exclude={"created_at"}))
                for uw, w, e in words.all()
            ),
            *(card.model_dump() for card in cards.scalars()),
        ]


async def meanings_of(database: Database, profile: Profile) -> dict[str, list[str]]:
    async with database.session() as session:
        rows = await session.execute(
            select(Word.text, UserWord.meanings)
            .join(UserWord, col(UserWord.word_id) == col(Word.id))
            .where(col(UserWord.profile_id) == profile.id)
        )
        return {text: meanings for text, meanings in rows.all()}


async def test_each_imported_word_joins_with_both_direction_cards(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    path = write(
        tmp_path,
        "w.csv",
        "word,translation,example\nHaus,house; home,Das Haus. | The house.\nBaum,tree,\n",
    )
    report = await import_file(database, profile.id, path, now=NOW)
    assert (report.created, report.updated, report.skipped) == (2, 0, 0)
    assert await meanings_of(database, profile) == {"Haus": ["house", "home"], "Baum": ["tree"]}
    async with database.session() as session:
        cards = (await session.execute(select(Card.direction, Card.due, Card.state))).all()
    assert sorted(cards) == sorted([(d, NOW, 0) for d in Direction for _ in range(2)])


async def test_importing_the_same_file_again_changes_nothing(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    path = write(
        tmp_path,
        "w.csv",
        "word,translation,notes,tags\nHaus,house,mind the gender,a; b\nBaum,tree,,\n",
    )
    await import_file(database, profile.id, path, now=NOW)
    before = await snapshot(database, profile)
    report = await import_file(database, profile.id, path, now=NOW + timedelta(days=1))
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert await snapshot(database, profile) == before


async def test_an_updated_row_updates_its_word_by_key(database: Database, tmp_path: Path) -> None:
    profile = await german(database)
    assert profile.id is not None
    await import_file(
        database, profile.id, write(tmp_path, "a.csv", "key,word,translation\nk1,Hause,house\n")
    )
    report = await import_file(
        database,
        profile.id,
        write(tmp_path, "b.csv", "key,word,translation\nk1,Haus,house; home\n"),
    )
    assert (report.created, report.updated) == (0, 1)
    assert await meanings_of(database, profile) == {"Haus": ["house", "home"]}


async def test_a_row_without_key_adds_to_the_word_of_the_same_text(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    await import_file(database, profile.id, write(tmp_path, "a.csv", "Haus,house\n"))
    await import_file(database, profile.id, write(tmp_path, "b.csv", "haus,building\n"))
    assert await meanings_of(database, profile) == {"Haus": ["house", "building"]}


async def test_reimporting_a_thinner_row_never_narrows_the_stored_word(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    await import_file(
        database, profile.id, write(tmp_path, "a.csv", "word,translation\nHaus,house; home\n")
    )
    # the same file, thinner (another file's name would join the word's tags)
    report = await import_file(database, profile.id, write(tmp_path, "a.csv", "Haus,house\n"))
    assert (report.updated, report.unchanged) == (0, 1)
    assert await meanings_of(database, profile) == {"Haus": ["house", "home"]}


async def test_replacing_takes_the_files_translations_when_asked(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    await import_file(
        database, profile.id, write(tmp_path, "a.csv", "word,translation\nHaus,house; home\n")
    )
    report = await import_file(
        database, profile.id, write(tmp_path, "b.csv", "Haus,house\n"), overwrite=True
    )
    assert report.changes == ["Haus: translations − home; tags + b.csv"]
    assert await meanings_of(database, profile) == {"Haus": ["house"]}


async def test_the_report_says_what_changed_in_each_word(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    await import_file(database, profile.id, write(tmp_path, "a.csv", "Haus,house\nHund,dog\n"))
    report = await import_file(
        database,
        profile.id,
        write(tmp_path, "b.csv", "word,translation,tags\nHaus,home; house,b1\nHund,dog,\n"),
    )
    assert report.changes == ["Haus: translations + home; tags + b1"]
    assert (report.updated, report.unchanged) == (1, 1)


async def test_an_empty_file_is_nothing_to_import(database: Database, tmp_path: Path) -> None:
    profile = await german(database)
    assert profile.id is not None
    with pytest.raises(SourceError, match="nothing to import"):
        await import_file(database, profile.id, write(tmp_path, "empty.csv", "\n\n"))


async def test_a_word_added_with_a_part_of_speech_is_matched_by_a_list_without_one(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    entry = WordEntry(
        word="Haus",
        source_lang="de",
        target_lang="en",
        pos="noun",
        meanings=(Meaning(text="house"),),
        source="user",
    )
    async with database.session() as session:
        await add_words(session, profile, [NewWord.from_entry(entry)], utcnow())
    report = await import_file(database, profile.id, write(tmp_path, "a.csv", "Haus,house\n"))
    assert (report.created, report.updated) == (0, 1)  # matched; it gains the file's tag


async def test_repeats_in_one_file_are_merged_into_one_word(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    report = await import_file(
        database, profile.id, write(tmp_path, "a.csv", "Bank,bank\nBaum,tree\nbank,bench\n")
    )
    assert (report.created, len(report.merged)) == (2, 1)
    assert "a.csv:1" in str(report.merged[0])
    assert (await meanings_of(database, profile))["Bank"] == ["bank", "bench"]


async def test_a_thinner_source_never_erases_richer_data(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    await import_file(
        database,
        profile.id,
        write(tmp_path, "a.csv", "word,translation,example,notes\nHaus,house,Das Haus.,n\n"),
    )
    report = await import_file(database, profile.id, write(tmp_path, "b.csv", "Haus,house\n"))
    assert report.updated == 1  # the second file's name joins the tags
    async with database.session() as session:
        examples = (await session.execute(select(Entry.examples))).scalar_one()
        tags = (await session.execute(select(UserWord.tags))).scalar_one()
    assert examples == [Example(source="Das Haus.").model_dump()]
    assert tags == ["a.csv", "b.csv"]


async def test_a_plain_lists_words_carry_its_file_name_and_importing_it_again_changes_nothing(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    path = write(tmp_path, "Kafka chapter 1.csv", "Haus,house\nBaum,tree\n")
    await import_file(database, profile.id, path)
    again = await import_file(database, profile.id, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    async with database.session() as session:
        tags = (await session.execute(select(UserWord.tags))).scalars().all()
    assert tags == [["Kafka chapter 1.csv"], ["Kafka chapter 1.csv"]]


async def test_a_fatal_error_while_writing_commits_nothing(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    path = write(tmp_path, "a.csv", "Haus,house\nBaum,tree\n")

    def fail_while_writing(stage: str, done: int, total: int) -> None:
        if stage == "writing" and done > 0:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        await import_file(database, profile.id, path, progress=fail_while_writing)
    async with database.session() as session:
        counts = [
            (await session.execute(select(func.count()).select_from(t))).scalar_one()
            for t in (Word, Entry, UserWord, Card)
        ]
    assert counts == [0, 0, 0, 0]


async def test_an_unusable_file_raises_before_anything_is_written(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    path = tmp_path / "x.apkg"
    path.write_bytes(b"not a zip")
    with pytest.raises(SourceError):
        await import_file(database, profile.id, path)
    assert await meanings_of(database, profile) == {}


class Dictionary:
    """An offline dictionary knowing a fixed word list, and what it was asked."""

    def __init__(self, known: dict[str, str]) -> None:
        self.known = known
        self.asked: list[str] = []

    async def lookup(self, word: str, source_lang: str, target_lang: str) -> WordEntry | None:
        self.asked.append(word)
        if word not in self.known:
            return None
        meanings = (Meaning(text=self.known[word]),)
        return WordEntry(
            word=word, source_lang=source_lang, target_lang=target_lang, meanings=meanings
        )


async def test_kindle_words_get_their_translation_from_the_source_chain(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    path = kindle_db(
        tmp_path / "vocab.db",
        [
            ("de:Häuser", "Häuser", "Haus", "de", "Die Häuser."),
            ("de:Tür", "Tür", "Tür", "de", None),
        ],
    )
    plain = await import_file(database, profile.id, path)
    assert plain.created == 0 and not plain.problems
    assert [str(p) for p in plain.untranslated] == [
        f"{path} (word de:Häuser): 'Haus' has no translation: {NO_LLM}",
        f"{path} (word de:Tür): 'Tür' has no translation: {NO_LLM}",
    ]
    assert plain.info[-1] == f"2 new words without a translation ({NO_LLM}): Haus, Tür"
    dictionary = Dictionary({"Haus": "house"})
    sources = WordSources(database, dictionary=dictionary)
    report = await import_file(database, profile.id, path, sources=sources)
    assert (report.created, report.translated, report.skipped) == (1, 1, 1)
    assert await meanings_of(database, profile) == {"Haus": ["house"]}
    again = await import_file(database, profile.id, path, sources=sources)
    assert (again.unchanged, dictionary.asked) == (1, ["Haus", "Tür", "Tür"])


async def test_words_in_another_language_than_the_profile_are_skipped(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    path = kindle_db(tmp_path / "vocab.db", [("en:house", "house", "house", "en", None)])
    sources = WordSources(database, dictionary=Dictionary({"house": "Haus"}))
    report = await import_file(database, profile.id, path, sources=sources)
    assert "is in 'en', but the profile learns 'de'" in str(report.problems[0])


async def test_anki_review_history_lands_in_the_cards(database: Database, tmp_path: Path) -> None:
    profile = await german(database)
    assert profile.id is not None
    start = 1_735_000_000_000
    card = {
        "ord": 0,
        "type": 2,
        "queue": 2,
        "ivl": 8,
        "reps": 2,
        "reviews": [(start, 3), (start + 3 * DAY_MS, 3)],
    }
    path = anki21b_apkg(tmp_path / "d.apkg", [Note21b(1, "g1", ["house", "Haus"], cards=[card])])
    await import_file(database, profile.id, path, now=NOW)
    async with database.session() as session:
        cards = {c.direction: c for c in (await session.execute(select(Card))).scalars()}
    learnt, fresh = cards[Direction.FOREIGN_TO_NATIVE], cards[Direction.NATIVE_TO_FOREIGN]
    assert learnt.state == CardState.REVIEW and learnt.reps == 2 and learnt.stability
    assert learnt.last_review == datetime.fromtimestamp((start + 3 * DAY_MS) / 1000, UTC)
    assert (fresh.state, fresh.last_review, fresh.due) == (CardState.NEW, None, NOW)


async def test_progress_made_here_survives_importing_the_anki_deck_again(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    card = {
        "ord": 0,
        "type": 2,
        "queue": 2,
        "ivl": 8,
        "reps": 1,
        "reviews": [(1_735_000_000_000, 3)],
    }
    path = anki21b_apkg(tmp_path / "d.apkg", [Note21b(1, "g1", ["house", "Haus"], cards=[card])])
    await import_file(database, profile.id, path)
    async with database.session() as session:
        await session.execute(
            update(Card)
            .where(col(Card.direction) == 0)
            .values(last_review=NOW, reps=5, stability=99.0)
        )
    report = await import_file(database, profile.id, path)
    assert report.unchanged == 1
    async with database.session() as session:
        stability = (
            await session.execute(select(Card.stability).where(col(Card.direction) == 0))
        ).scalar_one()
    assert stability == 99.0


async def test_an_imported_entry_never_changes_another_learners_word(
    database: Database, tmp_path: Path
) -> None:
    ann, bob = await german(database, "ann"), await german(database, "bob")
    assert ann.id is not None and bob.id is not None
    await import_file(database, ann.id, write(tmp_path, "a.csv", "Bank,bank\n"))
    await import_file(database, bob.id, write(tmp_path, "b.csv", "Bank,bench\n"))
    assert await meanings_of(database, ann) == {"Bank": ["bank"]}
    assert await meanings_of(database, bob) == {"Bank": ["bench"]}
    async with database.session() as session:
        assert (await session.execute(select(func.count()).select_from(Word))).scalar_one() == 1


async def test_an_edited_anki_note_updates_the_same_word(
    database: Database, tmp_path: Path
) -> None:
    profile = await german(database)
    assert profile.id is not None
    await import_file(
        database,
        profile.id,
        anki21b_apkg(tmp_path / "a.apkg", [Note21b(1, "g1", ["house", "Hause"])]),
    )
    report = await import_file(
        database,
        profile.id,
        anki21b_apkg(tmp_path / "b.apkg", [Note21b(1, "g1", ["house", "Haus"])]),
    )
    assert (report.created, report.updated) == (0, 1)
    assert await meanings_of(database, profile) == {"Haus": ["house"]}
