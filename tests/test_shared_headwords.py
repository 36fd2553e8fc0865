"""A headword two concepts share (tiempo: time and weather; часы: watch and clock; нога: leg and
foot) accepts the translations of both senses when it is the question."""

from __future__ import annotations

import pytest

from tests.builders import T0, core_on, promote_to_typing
from words_tui.domain.enums import Direction
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.dictionaries.starter import StarterVocabulary
from words_tui.services import Core
from words_tui.services.vocabulary import WordDraft


async def typing_card_for(database: Database, target: str, concept_id: str) -> tuple[Core, int]:
    """A learner (English native) with one starter concept in `target`, learnt from that
    concept's sense alone, both cards asking for a typed answer now."""
    core = core_on(database)
    profile = await core.profiles.create("en", target, "A1")
    assert profile.id is not None
    starter = StarterVocabulary.default()
    concept = next(c for c in starter.all_concepts if c.id == concept_id)
    await core.vocabulary.add(profile.id, WordDraft.from_entry(concept.entry(target, "en")))
    await promote_to_typing(database, profile.id, last_review=T0, due=T0)
    return core, profile.id


@pytest.mark.parametrize(
    ("target", "concept_id", "headword", "other_sense"),
    [
        ("es", "n0375", "tiempo", "weather"),
        ("ru", "n0416", "часы", "watch"),
        ("ru", "n0055", "нога", "foot"),
    ],
)
async def test_the_other_senses_translation_is_right(
    database: Database, target: str, concept_id: str, headword: str, other_sense: str
) -> None:
    core, profile_id = await typing_card_for(database, target, concept_id)
    lesson = await core.lessons.start_lesson(profile_id)
    card = lesson.current
    while card is not None and card.direction != Direction.FOREIGN_TO_NATIVE:
        await core.lessons.answer(lesson, card, card.accepted[0], 2.0)
        card = lesson.current
    assert card is not None and card.prompt == headword
    feedback = await core.lessons.answer(lesson, card, other_sense, 2.0)
    assert feedback.correct, feedback.note
