"""A configured dictd dictionary tells the lesson which typed words are real words with a
meaning: a headword of the card's part of speech that is not the answer is wrong, decided here and named with what it means
("Bank = bank, bench"), instead of "could not check" or a question to the judge."""

from __future__ import annotations

from pathlib import Path

from tests.builders import T0, core_on, entry, promote_to_typing
from tests.test_dictd import build_dictionary
from words_tui.domain.enums import Direction, Verdict
from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.services.lessons import Lesson, LessonCard
from words_tui.services.vocabulary import NewWord, add_words, create_profile


async def german_typing_lesson(core: Core) -> tuple[Lesson, LessonCard]:
    """An English → German learner with "Haus", both cards typed; the English → German one."""
    profile = await create_profile(core.database, "tester", "en", "de", "A1")
    assert profile.id is not None
    house = NewWord.from_entry(
        entry("Haus", "noun", ["house"], {}).model_copy(
            update={"source_lang": "de", "target_lang": "en"}
        )
    )
    async with core.database.session() as session:
        await add_words(session, profile, [house], T0)
    await promote_to_typing(core.database, profile.id)
    lesson = await core.lessons.start_lesson(profile.id)
    card = next(c for c in lesson.cards if c.direction == Direction.NATIVE_TO_FOREIGN)
    lesson.position = lesson.cards.index(card)
    return lesson, card


async def test_a_dictionary_headword_typed_for_another_word_is_wrong_and_named(
    sqlite_database: Database, tmp_path: Path
) -> None:
    core = core_on(sqlite_database, dictd_paths=[build_dictionary(tmp_path)])
    lesson, card = await german_typing_lesson(core)
    feedback = await core.lessons.answer(lesson, card, "Bank", 3.0)
    assert feedback.verdict == Verdict.WRONG
    assert feedback.known is not None and feedback.known.describe() == "Bank = bank, bench"


async def test_without_the_dictionary_the_same_answer_stays_unknown(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    lesson, card = await german_typing_lesson(core)
    feedback = await core.lessons.answer(lesson, card, "Bank", 3.0)
    assert feedback.verdict == Verdict.WRONG and feedback.known is None
