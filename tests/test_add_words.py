"""The one way words join a profile (`vocabulary.add_words`): one word or many, shared word rows,
exactly two direction cards, repeats merged and words already there reported — never doubled."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlmodel import col

from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.domain.enums import Direction
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Entry, Profile, UserWord, Word
from words_tui.infrastructure.importers import ImportedCard
from words_tui.services.vocabulary import NewWord, add_words, create_profile

NOW = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)


def entry(word: str, *meanings: str, pos: str = "noun", source: str = "starter") -> WordEntry:
    return WordEntry(
        word=word,
        source_lang="es",
        target_lang="en",
        pos=pos,
        meanings=tuple(Meaning(text=m) for m in meanings),
        examples=(Example(source=f"Un {word}.", target="A thing."),),
        source=source,
    )


async def spanish(database: Database, user: str = "ann") -> Profile:
    return await create_profile(database, user, "en", "es")


async def count(database: Database, table: type[Card] | type[UserWord] | type[Word]) -> int:
    async with database.session() as session:
        return int((await session.execute(select(func.count()).select_from(table))).scalar_one())


async def test_every_new_word_gets_its_entry_chosen_meanings_and_two_cards(
    database: Database,
) -> None:
    profile = await spanish(database)
    words = [NewWord.from_entry(entry("banco", "bank", "bench"), ["bench"], tags=["park"])]
    async with database.session() as session:
        added = await add_words(session, profile, words, NOW)
    assert (added.added, added.already) == (1, 0)
    async with database.session() as session:
        user_word = await session.get(UserWord, added.user_words[words[0].identity])
        assert user_word is not None and user_word.entry_id is not None
        stored = await session.get(Entry, user_word.entry_id)
        cards = (await session.execute(select(Card.direction, Card.due))).all()
    assert (user_word.meanings, user_word.tags) == (["bench"], ["park"])
    assert stored is not None and [m["text"] for m in stored.meanings] == ["bank", "bench"]
    assert sorted(cards) == [(int(d), NOW) for d in Direction]


async def test_a_word_named_twice_in_one_call_is_merged_not_doubled(database: Database) -> None:
    profile = await spanish(database)
    words = [
        NewWord.from_entry(entry("tiempo", "time"), tags=["a"]),
        NewWord.from_entry(entry("Tiempo", "weather"), tags=["b"]),
    ]
    async with database.session() as session:
        added = await add_words(session, profile, words, NOW)
        meanings = (await session.execute(select(UserWord.meanings, UserWord.tags))).all()
    assert (added.added, added.merged) == (1, 1)
    assert meanings == [(["time", "weather"], ["a", "b"])]
    assert await count(database, Card) == 2


async def test_a_word_already_in_the_profile_is_reported_and_left_as_it_is(
    database: Database,
) -> None:
    profile = await spanish(database)
    async with database.session() as session:
        first = await add_words(session, profile, [NewWord.from_entry(entry("mesa", "table"))], NOW)
    again_word = NewWord.from_entry(entry("mesa", "desk"))
    async with database.session() as session:
        again = await add_words(session, profile, [again_word], NOW)
        meanings = (await session.execute(select(UserWord.meanings))).scalars().all()
    assert (again.added, again.already) == (0, 1)
    assert again.user_words == first.user_words
    assert meanings == [["table"]] and await count(database, Card) == 2


async def test_learners_share_one_word_row_and_keep_their_own_cards(database: Database) -> None:
    ann, bob = await spanish(database, "ann"), await spanish(database, "bob")
    for profile in (ann, bob):
        async with database.session() as session:
            await add_words(session, profile, [NewWord.from_entry(entry("gato", "cat"))], NOW)
    assert await count(database, Word) == 1
    assert (await count(database, UserWord), await count(database, Card)) == (2, 4)


async def test_imported_progress_takes_its_direction_and_the_other_card_starts_fresh(
    database: Database,
) -> None:
    profile = await spanish(database)
    known = ImportedCard(Direction.FOREIGN_TO_NATIVE, 2, due=NOW, stability=30.0, reps=5)
    word = NewWord.from_entry(entry("perro", "dog"), cards=[known])
    async with database.session() as session:
        await add_words(session, profile, [word], NOW)
        cards = (await session.execute(select(Card).order_by(col(Card.direction)))).scalars()
        by_direction = {Direction(card.direction): card for card in cards}
    assert by_direction[Direction.FOREIGN_TO_NATIVE].reps == 5
    assert by_direction[Direction.NATIVE_TO_FOREIGN].reps == 0
    assert len(by_direction) == 2


async def test_a_word_of_another_language_pair_or_without_a_translation_is_refused(
    database: Database,
) -> None:
    profile = await spanish(database)
    french = entry("chat", "cat").model_copy(update={"source_lang": "fr"})
    async with database.session() as session:
        with pytest.raises(ValueError, match="does not fit a profile learning es from en"):
            await add_words(session, profile, [NewWord.from_entry(french)], NOW)
        with pytest.raises(ValueError, match="no translation chosen for 'gato'"):
            await add_words(
                session, profile, [NewWord.from_entry(entry("gato", "cat"), [" "])], NOW
            )
    assert await count(database, UserWord) == 0
