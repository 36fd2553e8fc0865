"""Profiles: create, list, switch, change level, tune knobs, start over — per learner."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlmodel import col

from tests.builders import learner_with_words
from words_tui.domain.enums import CardState, Direction, WordStatus
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Lesson, Review, UserWord
from words_tui.services.vocabulary.profiles import (
    ProfileError,
    ProfileKnobs,
    ProfileNotFound,
    active_profile,
    change_level,
    create_profile,
    get_profile,
    list_profiles,
    start_over,
    update_profile,
    use_profile,
)

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


async def count(database: Database, model: type, profile_id: int) -> int:
    async with database.session() as session:
        query = select(func.count()).select_from(model).where(model.profile_id == profile_id)
        return int((await session.execute(query)).scalar_one())


async def test_a_first_profile_is_active_and_named_after_its_languages(
    database: Database,
) -> None:
    profile = await create_profile(database, "ann", "en", "ru", "a2")
    assert (profile.name, profile.level, profile.interface_lang) == ("en→ru", "A2", "en")
    assert profile.is_active
    active = await active_profile(database, "ann")
    assert active is not None and active.id == profile.id


async def test_a_new_profile_takes_over_unless_asked_not_to(database: Database) -> None:
    first = await create_profile(database, "ann", "en", "ru")
    second = await create_profile(database, "ann", "en", "es")
    third = await create_profile(database, "ann", "ru", "es", activate=False)
    flags = {p.id: p.is_active for p in await list_profiles(database, "ann")}
    assert flags == {first.id: False, second.id: True, third.id: False}


async def test_the_same_pair_twice_gets_a_numbered_name(database: Database) -> None:
    await create_profile(database, "ann", "en", "ru")
    again = await create_profile(database, "ann", "en", "ru")
    assert again.name == "en→ru 2"


async def test_an_explicit_name_already_taken_is_refused(database: Database) -> None:
    await create_profile(database, "ann", "en", "ru", knobs=ProfileKnobs(name="Russian"))
    with pytest.raises(ProfileError, match="already have a profile named “Russian”"):
        await create_profile(database, "ann", "en", "es", knobs=ProfileKnobs(name="Russian"))


async def test_the_same_language_on_both_sides_is_refused(database: Database) -> None:
    with pytest.raises(ProfileError, match="both “en”"):
        await create_profile(database, "ann", "en", "EN")


@pytest.mark.parametrize(
    ("knobs", "message"),
    [
        (ProfileKnobs(timezone="Mars/Olympus"), "^Time zone: “Mars/Olympus”"),
        (ProfileKnobs(day_start_hour=24), "^Hour the day starts: 24 is out of range"),
        (ProfileKnobs(desired_retention=0.5), "^Desired retention: 0.5 is out"),
        (ProfileKnobs(lesson_size=0), "^Cards per lesson: 0 is out of range; use 1 to 500"),
        (ProfileKnobs(name="  "), "^Profile name cannot be empty"),
    ],
)
async def test_a_bad_knob_is_named(database: Database, knobs: ProfileKnobs, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        await create_profile(database, "ann", "en", "ru", knobs=knobs)


async def test_an_unknown_level_is_refused(database: Database) -> None:
    with pytest.raises(ProfileError, match="“D1” is not a CEFR level"):
        await create_profile(database, "ann", "en", "ru", "D1")


async def test_switching_makes_exactly_one_profile_active(database: Database) -> None:
    first = await create_profile(database, "ann", "en", "ru")
    await create_profile(database, "ann", "en", "es")
    assert first.id is not None
    await use_profile(database, "ann", first.id)
    active = [p.id for p in await list_profiles(database, "ann") if p.is_active]
    assert active == [first.id]


async def test_updating_knobs_changes_only_those_given(database: Database) -> None:
    profile = await create_profile(database, "ann", "en", "ru")
    assert profile.id is not None
    knobs = ProfileKnobs(timezone="Europe/Madrid", day_start_hour=5, lesson_size=20)
    await update_profile(database, "ann", profile.id, knobs)
    stored = await get_profile(database, "ann", profile.id)
    assert (stored.timezone, stored.day_start_hour, stored.lesson_size) == ("Europe/Madrid", 5, 20)
    assert (stored.new_per_day, stored.desired_retention) == (20, 0.9)


async def test_changing_the_level_keeps_words_and_history(database: Database) -> None:
    profile = await learner_with_words(database, level="A1")
    assert profile.id is not None
    await _review_first_card(database, profile.id)
    words_before = await count(database, UserWord, profile.id)
    changed = await change_level(database, "ann", profile.id, "B1")
    assert changed.level == "B1"
    assert await count(database, UserWord, profile.id) == words_before
    assert await count(database, Review, profile.id) == 1


async def _review_first_card(database: Database, profile_id: int) -> None:
    async with database.session() as session:
        card = (
            (await session.execute(select(Card).where(col(Card.profile_id) == profile_id)))
            .scalars()
            .first()
        )
        assert card is not None and card.id is not None
        card.state, card.reps, card.stability = int(CardState.REVIEW), 3, 4.0
        lesson = Lesson(profile_id=profile_id, started_at=NOW, finished_at=NOW, size=1)
        session.add_all([card, lesson])
        await session.flush()
        session.add(
            Review(
                card_id=card.id,
                profile_id=profile_id,
                lesson_id=lesson.id,
                reviewed_at=NOW,
                direction=int(Direction.FOREIGN_TO_NATIVE),
                rating=3,
            )
        )
        word = await session.get(UserWord, card.user_word_id)
        assert word is not None
        word.status = int(WordStatus.REVIEW)


async def test_starting_over_needs_the_profile_name(database: Database) -> None:
    profile = await learner_with_words(database)
    assert profile.id is not None
    with pytest.raises(ProfileError, match="confirm by typing its name"):
        await start_over(database, "ann", profile.id, "yes")


async def test_starting_over_resets_cards_and_erases_the_history(database: Database) -> None:
    profile = await learner_with_words(database, level="A1")
    assert profile.id is not None
    await _review_first_card(database, profile.id)
    result = await start_over(database, "ann", profile.id, profile.name, now=NOW)
    assert (result.words_reset, result.reviews_deleted, result.lessons_deleted) == (3, 1, 1)
    async with database.session() as session:
        cards = (await session.execute(select(Card))).scalars().all()
        statuses = set((await session.execute(select(UserWord.status))).scalars())
    assert {(c.state, c.reps, c.stability, c.due) for c in cards} == {(0, 0, None, NOW)}
    assert statuses == {int(WordStatus.NEW)}
    assert await count(database, Review, profile.id) == 0


async def test_learners_never_reach_each_others_profiles(database: Database) -> None:
    ann = await learner_with_words(database, "ann")
    bob = await create_profile(database, "bob", "es", "en")
    assert ann.id is not None
    assert [p.id for p in await list_profiles(database, "bob")] == [bob.id]
    for attempt in (
        get_profile(database, "bob", ann.id),
        use_profile(database, "bob", ann.id),
        change_level(database, "bob", ann.id, "C1"),
        update_profile(database, "bob", ann.id, ProfileKnobs(lesson_size=5)),
        start_over(database, "bob", ann.id, ann.name),
    ):
        with pytest.raises(ProfileNotFound):
            await attempt
    untouched = await get_profile(database, "ann", ann.id)
    assert (untouched.level, untouched.lesson_size, untouched.is_active) == ("B1", 30, True)
    assert await count(database, UserWord, ann.id) == 6
