"""Language data never stands between the learner and a card, nor in front of a typed verdict
that needs none; a verdict that needs it still uses it.

The language source (`GatedLanguageData`) loads only when the test releases it (and fails the
test if its data is used before), so "the lesson did not wait" and "the verdict waited" are
facts about order, not about time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

import pytest
from sqlalchemy import select

from tests.no_language_data import GatedLanguageData, GatedRealLanguageData
from tests.test_lessons import make_profile, service, typing_lesson
from words_tui.domain.enums import Verdict
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Review
from words_tui.services.lessons.preload import LanguagePreload


async def test_a_lesson_shows_its_cards_while_the_language_data_is_still_loading(
    sqlite_database: Database,
) -> None:
    data = GatedLanguageData()
    profile_id = await make_profile(sqlite_database)
    lessons = service(sqlite_database, language_data=data)
    lessons.languages.start(("en", "es"))

    lesson = await lessons.start_lesson(profile_id)

    assert lesson.cards and not data.loaded
    feedback = await lessons.answer(lesson, lesson.cards[0], lesson.cards[0].expected, 2.0)
    assert lesson.cards[0].is_choice and feedback.correct and not data.loaded
    data.release.set()


async def test_a_lesson_with_a_typed_card_begins_loading_the_data_as_it_opens(
    sqlite_database: Database,
) -> None:
    data = GatedLanguageData()
    choices = service(sqlite_database, language_data=data)
    first = await choices.start_lesson(await make_profile(sqlite_database))
    lessons, typed = await typing_lesson(sqlite_database, language_data=data)

    assert all(card.is_choice for card in first.cards) and not choices.languages.begun({"en", "es"})
    assert not typed.cards[0].is_choice and lessons.languages.begun({"en", "es"})
    data.release.set()


async def test_a_typed_answer_right_as_typed_has_its_verdict_while_the_data_still_loads(
    sqlite_database: Database,
) -> None:
    data = GatedLanguageData()  # loads only when released: never, until the verdict is in
    lessons, lesson = await typing_lesson(sqlite_database, language_data=data)
    card = lesson.cards[0]
    assert not card.is_choice

    feedback = await lessons.answer(lesson, card, card.expected, 2.0)

    assert feedback.verdict == Verdict.EXACT and feedback.correct
    assert data.loads == [["en", "es"]] and not data.loaded
    data.release.set()


async def test_a_typed_answer_that_needs_the_data_is_checked_with_it_once_it_has_loaded(
    sqlite_database: Database,
) -> None:
    data = GatedRealLanguageData()  # using it before it loaded fails the test
    lessons, lesson = await typing_lesson(sqlite_database, language_data=data)
    card = lesson.cards[0]
    plural = card.expected + "s"  # "cats": another form of "cat" only the lemma table knows

    answering = asyncio.create_task(lessons.answer(lesson, card, plural, 2.0))
    await asyncio.to_thread(data.release.set)
    feedback = await answering

    assert (card.expected, feedback.verdict, feedback.correct) == ("cat", Verdict.FORM, True)
    assert data.loaded
    async with sqlite_database.session() as session:  # recorded once, by the second check
        reviews = (await session.execute(select(Review.card_id))).scalars().all()
    assert reviews == [card.card_id]


async def test_each_set_of_languages_is_loaded_once_however_many_ask() -> None:
    data = GatedLanguageData()
    preload = LanguagePreload(data)
    first, again = preload.start(["es", "en"]), preload.start(("en", "es"))
    data.release.set()

    await asyncio.gather(preload.ready({"en", "es"}), asyncio.wrap_future(first))

    assert first is again and data.loads == [["en", "es"]]


async def test_a_failed_load_is_reported_to_the_answer_that_waits_for_it() -> None:
    class Broken(GatedLanguageData):
        def warm_up(self, languages: Iterable[str]) -> None:
            raise OSError("simplemma's data is missing")

    preload = LanguagePreload(Broken())

    with pytest.raises(OSError, match="missing"):
        await preload.ready(["es"])
