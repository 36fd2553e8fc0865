"""Adding a word by hand: the learner's own translations, an edited entry, merged duplicates."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.builders import T0
from tests.starter_samples import sample_starter
from words_tui.domain.entries import WordEntry
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Entry, UserWord
from words_tui.services import Core
from words_tui.services.vocabulary import (
    ProfileKnobs,
    WordDraft,
    WordSources,
    lookup_word,
    split_translations,
)
from words_tui.settings import load_settings


def learner_core(database: Database) -> Core:
    """A core without an LLM on `database`, its clock fixed."""
    settings = load_settings(database_url=database.url)
    return Core(database, settings, clock=lambda: T0, starter=sample_starter())


async def spanish_profile(core: Core) -> int:
    profile = await core.profiles.create("en", "es", "A1")
    assert profile.id is not None
    return profile.id


async def stored(database: Database, user_word_id: int) -> tuple[UserWord, Entry, int]:
    """The user word, the entry it learns from and its number of cards."""
    async with database.session() as session:
        word = await session.get(UserWord, user_word_id)
        assert word is not None and word.entry_id is not None
        entry = await session.get(Entry, word.entry_id)
        assert entry is not None
        query = select(func.count()).select_from(Card).where(Card.user_word_id == user_word_id)
        cards = int((await session.execute(query)).scalar_one())
    return word, entry, cards


async def starter_entry(core: Core, profile_id: int, text: str) -> WordEntry:
    sources = WordSources(core.database, sample_starter())
    result = await lookup_word(core.database, profile_id, text, sources)
    return result.candidates[0].entry


def test_translations_typed_in_one_line_are_split_on_commas_and_semicolons() -> None:
    assert split_translations(" bat, club ;racket,, bat ") == ["bat", "club", "racket"]


async def test_a_word_no_source_knows_is_added_with_the_learners_own_translation(
    database: Database,
) -> None:
    core = learner_core(database)
    profile_id = await spanish_profile(core)
    draft = WordDraft("murciélago", ["bat"], example="Vi un murciélago.", note="el animal")
    outcome = await core.vocabulary.add(profile_id, draft)
    assert outcome.created
    word, entry, cards = await stored(database, outcome.user_word_id)
    assert (word.meanings, word.notes, cards) == (["bat"], "el animal", 2)
    assert entry.examples == [{"source": "Vi un murciélago.", "target": ""}]
    assert entry.source == f"import:p{profile_id}"


async def test_the_learners_own_entry_is_not_offered_to_another_learner(
    database: Database,
) -> None:
    core = learner_core(database)
    await core.vocabulary.add(await spanish_profile(core), WordDraft("murciélago", ["bat"]))
    other = Core(database, load_settings(database_url=database.url, user="bob"), clock=lambda: T0)
    bob = await spanish_profile(other)
    result = await other.vocabulary.lookup(bob, "murciélago", lang="es")
    assert result.candidates == ()


async def test_an_entry_taken_as_it_is_keeps_its_source(database: Database) -> None:
    core = learner_core(database)
    profile_id = await spanish_profile(core)
    house = await starter_entry(core, profile_id, "casa")
    outcome = await core.vocabulary.add(profile_id, WordDraft.from_entry(house, ["house"]))
    word, entry, _ = await stored(database, outcome.user_word_id)
    assert (word.meanings, entry.source) == (["house"], "starter")


async def test_an_edited_entry_becomes_the_learners_own_and_keeps_the_word_forms(
    database: Database,
) -> None:
    core = learner_core(database)
    profile_id = await spanish_profile(core)
    house = await starter_entry(core, profile_id, "casa")
    draft = WordDraft("casa", ["house", "household"], pos=house.pos, base=house)
    outcome = await core.vocabulary.add(profile_id, draft)
    word, entry, _ = await stored(database, outcome.user_word_id)
    assert word.meanings == ["house", "household"]
    assert entry.source == f"import:p{profile_id}"
    assert entry.forms == dict(house.forms) and entry.meanings[0]["pos"] == "noun"


async def test_adding_a_word_again_merges_the_new_translations_instead_of_doubling_it(
    database: Database,
) -> None:
    core = learner_core(database)
    profile_id = await spanish_profile(core)
    first = await core.vocabulary.add(profile_id, WordDraft("murciélago", ["bat"]))
    again = await core.vocabulary.add(
        profile_id, WordDraft(" Murciélago ", ["bat", "flittermouse"], tags=["animals"])
    )
    assert (again.created, again.user_word_id) == (False, first.user_word_id)
    assert again.merged_translations == ("flittermouse",)
    assert "added flittermouse" in again.message
    word, _, cards = await stored(database, first.user_word_id)
    assert (word.meanings, word.tags, cards) == (["bat", "flittermouse"], ["animals"], 2)
    assert await core.vocabulary.count(profile_id) == 1


async def test_the_same_word_added_twice_says_nothing_changed(database: Database) -> None:
    core = learner_core(database)
    profile_id = await spanish_profile(core)
    await core.vocabulary.add(profile_id, WordDraft("murciélago", ["bat"]))
    again = await core.vocabulary.add(profile_id, WordDraft("murciélago", ["bat"]))
    assert "nothing changed" in again.message


@pytest.mark.parametrize(
    ("draft", "problem"),
    [
        (WordDraft("  ", ["bat"]), "type the word to learn"),
        (WordDraft("murciélago", [" ", ""]), "type at least one translation of 'murciélago'"),
    ],
)
async def test_a_draft_without_a_word_or_translation_is_refused(
    database: Database, draft: WordDraft, problem: str
) -> None:
    core = learner_core(database)
    profile_id = await spanish_profile(core)
    with pytest.raises(ValueError, match=problem):
        await core.vocabulary.add(profile_id, draft)
    assert await core.vocabulary.count(profile_id) == 0


async def test_a_word_added_by_hand_comes_before_the_levels_waiting_words(
    database: Database,
) -> None:
    core = learner_core(database)
    profile_id = await spanish_profile(core)
    await core.vocabulary.fill_from_starter(profile_id, "B1")
    await core.profiles.update(profile_id, ProfileKnobs(lesson_size=1))
    await core.vocabulary.add(profile_id, WordDraft("murciélago", ["bat"]))
    lesson = await core.lessons.start_lesson(profile_id)
    assert [card.headword for card in lesson.cards] == ["murciélago"]
