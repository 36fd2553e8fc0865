"""Small builders shared by the vocabulary, statistics and reminder tests."""

from __future__ import annotations

from datetime import datetime

from tests.starter_samples import sample_starter
from words_tui.infrastructure.database import Database
from words_tui.infrastructure.models import Profile
from words_tui.services.profiles import ProfileKnobs, create_profile
from words_tui.services.wordlists import bootstrap_from_starter


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
