"""The notebook's answer history says when an answer was right but not quite: a wrong article is
shown with the right one ("right, but: la mujer"), as the quiz said it."""

from __future__ import annotations

from tests.builders import core_on, promote_to_typing, spanish_learner
from words_tui.domain.enums import Direction
from words_tui.infrastructure.db.database import Database
from words_tui.notebook.word_view import details_html

WORDS = [("mujer", "noun", ("woman",), {"gender": "f", "plural": "mujeres"})]


async def test_a_wrong_article_shows_the_right_one_in_the_history(
    sqlite_database: Database,
) -> None:
    core = core_on(sqlite_database)
    profile_id = await spanish_learner(core.database, WORDS)
    await promote_to_typing(core.database, profile_id)
    lesson = await core.lessons.start_lesson(profile_id)
    card = next(c for c in lesson.cards if c.direction == Direction.NATIVE_TO_FOREIGN)
    lesson.position = lesson.cards.index(card)
    await core.lessons.answer(lesson, card, "el mujer", 3.0)

    details = await core.vocabulary.details(profile_id, card.user_word_id)
    assert [r.correction for r in details.history] == ["la mujer"]
    assert "right, but: la mujer" in details_html(details, "en", "es")
