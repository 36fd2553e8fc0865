"""Browsing and editing a profile's vocabulary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlmodel import col

from tests.builders import learner_with_words
from words_tui.domain.enums import CardState, Direction, Stage, WordStatus
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Review
from words_tui.services.vocabulary.browse import (
    Order,
    VocabularyFilter,
    WordNotFound,
    browse,
    count_words,
    delete_word,
    edit_meanings,
    get_word,
    reset_word,
    review_history,
    set_suspended,
)

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


async def ann_profile(database: Database) -> int:
    profile = await learner_with_words(database, "ann", now=NOW)
    assert profile.id is not None
    return profile.id


async def word_id(database: Database, profile_id: int, word: str) -> int:
    page = await browse(database, profile_id, VocabularyFilter(search=word), limit=1)
    return page.items[0].user_word_id


async def all_words(database: Database, profile_id: int, **kwargs: object) -> list[str]:
    words: list[str] = []
    cursor = None
    while True:
        page = await browse(database, profile_id, after=cursor, limit=2, **kwargs)  # type: ignore[arg-type]
        words.extend(item.word for item in page.items)
        if page.next_cursor is None:
            return words
        cursor = page.next_cursor


async def test_pages_in_added_order_cover_every_word_once(database: Database) -> None:
    profile_id = await ann_profile(database)
    words = await all_words(database, profile_id)
    # levels in order, a fixed shuffle within each (see `wordlists._introduction_order`)
    assert words == ["красный", "дом", "идти", "книга", "домой", "ещё"]


async def test_pages_in_alphabetical_order_cover_every_word_once(database: Database) -> None:
    profile_id = await ann_profile(database)
    words = await all_words(database, profile_id, order=Order.ALPHABETICAL)
    assert words == sorted(["дом", "идти", "красный", "домой", "книга", "ещё"])


async def test_an_item_shows_meanings_band_and_card_progress(database: Database) -> None:
    profile_id = await ann_profile(database)
    [item] = (await browse(database, profile_id, VocabularyFilter(search="книга"))).items
    assert (item.word, item.pos, item.cefr) == ("книга", "noun", "A2")
    assert item.meanings == ("book",)
    assert (item.status, item.next_due, item.reps) == (WordStatus.NEW, NOW, 0)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (VocabularyFilter(search="дом"), {"дом", "домой"}),
        (VocabularyFilter(search="ДОМО"), {"домой"}),
        (VocabularyFilter(search="hom"), {"дом", "домой"}),
        (VocabularyFilter(level="a2"), {"домой", "книга"}),
        (VocabularyFilter(search="дом", level="A1"), {"дом"}),
    ],
)
async def test_search_and_filters_narrow_the_list(
    database: Database, filters: VocabularyFilter, expected: set[str]
) -> None:
    profile_id = await ann_profile(database)
    page = await browse(database, profile_id, filters)
    assert {item.word for item in page.items} == expected
    assert await count_words(database, profile_id, filters) == len(expected)


async def test_editing_meanings_keeps_order_and_drops_blanks(database: Database) -> None:
    profile_id = await ann_profile(database)
    house = await word_id(database, profile_id, "дом")
    item = await edit_meanings(database, profile_id, house, [" home ", "", "house", "home"])
    assert item.meanings == ("home", "house")
    with pytest.raises(ValueError, match="at least one translation"):
        await edit_meanings(database, profile_id, house, ["  "])


async def test_a_suspended_word_is_filtered_and_its_cards_rest(database: Database) -> None:
    profile_id = await ann_profile(database)
    house = await word_id(database, profile_id, "дом")
    assert await set_suspended(database, profile_id, house, True) == WordStatus.SUSPENDED
    suspended = await browse(database, profile_id, VocabularyFilter(status=WordStatus.SUSPENDED))
    assert [item.word for item in suspended.items] == ["дом"]
    async with database.session() as session:
        active = (
            await session.execute(select(Card.active).where(Card.user_word_id == house))
        ).scalars()
        assert set(active) == {False}


async def test_an_unsuspended_word_gets_the_status_its_cards_imply(database: Database) -> None:
    profile_id = await ann_profile(database)
    house = await word_id(database, profile_id, "дом")
    await _answer(database, house, CardState.REVIEW)
    await set_suspended(database, profile_id, house, True)
    assert await set_suspended(database, profile_id, house, False) == WordStatus.REVIEW


async def _answer(database: Database, user_word_id: int, state: CardState) -> None:
    """Both cards of the word in `state`, each with one typed review a day apart."""
    async with database.session() as session:
        cards = (
            (await session.execute(select(Card).where(col(Card.user_word_id) == user_word_id)))
            .scalars()
            .all()
        )
        for offset, card in enumerate(cards):
            card.state, card.stage, card.reps, card.stability = int(state), 1, 1, 3.0
            session.add(card)
            assert card.id is not None
            session.add(
                Review(
                    card_id=card.id,
                    profile_id=card.profile_id,
                    reviewed_at=NOW + timedelta(days=offset),
                    direction=card.direction,
                    mode=int(Stage.TYPING),
                    answer="house",
                    verdict="exact",
                    rating=3,
                    duration_ms=1500,
                )
            )


async def test_the_history_lists_both_directions_oldest_first(database: Database) -> None:
    profile_id = await ann_profile(database)
    house = await word_id(database, profile_id, "дом")
    await _answer(database, house, CardState.REVIEW)
    history = await review_history(database, profile_id, house)
    assert [(r.direction, r.mode, r.verdict, r.rating) for r in history] == [
        (Direction.FOREIGN_TO_NATIVE, Stage.TYPING, "exact", 3),
        (Direction.NATIVE_TO_FOREIGN, Stage.TYPING, "exact", 3),
    ]
    assert history[0].reviewed_at == NOW


async def test_resetting_a_word_keeps_its_history_but_not_its_progress(
    database: Database,
) -> None:
    profile_id = await ann_profile(database)
    house = await word_id(database, profile_id, "дом")
    await _answer(database, house, CardState.REVIEW)
    later = NOW + timedelta(days=5)
    await reset_word(database, profile_id, house, later)
    item = await get_word(database, profile_id, house)
    assert (item.status, item.reps, item.next_due) == (WordStatus.NEW, 0, later)
    assert len(await review_history(database, profile_id, house)) == 2


async def test_deleting_a_word_removes_its_cards_and_reviews(database: Database) -> None:
    profile_id = await ann_profile(database)
    house = await word_id(database, profile_id, "дом")
    await _answer(database, house, CardState.REVIEW)
    await delete_word(database, profile_id, house)
    async with database.session() as session:
        cards = (await session.execute(select(func.count()).select_from(Card))).scalar_one()
        reviews = (await session.execute(select(func.count()).select_from(Review))).scalar_one()
    assert (cards, reviews) == (10, 0)
    with pytest.raises(WordNotFound):
        await get_word(database, profile_id, house)


async def test_another_learners_words_are_out_of_reach(database: Database) -> None:
    ann = await ann_profile(database)
    bob = await learner_with_words(database, "bob", "es", "ru", level="A1")
    assert bob.id is not None
    house = await word_id(database, ann, "дом")
    assert {item.word for item in (await browse(database, bob.id)).items} == {
        "дом",
        "идти",
        "красный",
    }
    assert house not in {item.user_word_id for item in (await browse(database, bob.id)).items}
    for attempt in (
        get_word(database, bob.id, house),
        edit_meanings(database, bob.id, house, ["x"]),
        set_suspended(database, bob.id, house, True),
        delete_word(database, bob.id, house),
        reset_word(database, bob.id, house),
        review_history(database, bob.id, house),
    ):
        with pytest.raises(WordNotFound):
            await attempt
    assert (await get_word(database, ann, house)).meanings == ("house", "home")


async def test_a_search_finds_meanings_in_any_alphabet(database: Database) -> None:
    profile = await learner_with_words(database, "ivan", native="ru", target="en")
    assert profile.id is not None
    page = await browse(database, profile.id, VocabularyFilter(search="ДОМ"))
    assert {item.word for item in page.items} == {"house", "home"}
    assert await count_words(database, profile.id, VocabularyFilter(search="50%_")) == 0
