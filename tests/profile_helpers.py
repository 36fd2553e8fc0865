"""Small builders shared by the vocabulary, statistics, reminder, lesson and quiz tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from tests.starter_samples import sample_starter
from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Profile
from words_tui.services.vocabulary.profiles import ProfileKnobs, create_profile
from words_tui.services.vocabulary.wordlists import bootstrap_from_starter


async def learner_with_words(
    database: Database,
    user: str = "ann",
    native: str = "en",
    target: str = "ru",
    level: str = "B1",
    *,
    knobs: ProfileKnobs | None = None,
    now: datetime | None = None,
) -> Profile:
    """A learner's profile filled with the sample starter words up to `level`."""
    profile = await create_profile(database, user, native, target, level, knobs)
    assert profile.id is not None
    await bootstrap_from_starter(database, profile.id, sample_starter(), now=now)
    return profile


def entry(word: str, pos: str, meanings: Sequence[str], forms: dict[str, str]) -> WordEntry:
    """A Spanish → English entry with one example, as a source would return it."""
    return WordEntry(
        word=word,
        source_lang="es",
        target_lang="en",
        pos=pos,
        meanings=tuple(Meaning(text=m, pos=pos) for m in meanings),
        examples=(Example(source=f"Veo {word}.", target=f"I see {meanings[0]}."),),
        forms=forms,
        source="test",
    )
