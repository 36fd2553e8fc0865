"""Editing the answers a card accepts from a lesson, on the side the card asks for.

A foreign → native card accepts the word's meanings (the learner's chosen translations): editing
them changes the word, so its native → foreign card asks the new meanings too. A native →
foreign card accepts the word itself and the answers made acceptable for that card ("I was
right" adds to them): editing keeps the word and replaces the others. Either edit returns how
to revert it (for undo) and how the lesson's cards change with it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from words_tui.domain.answers import answer_key
from words_tui.domain.text import clean_text
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, UserWord
from words_tui.services.lessons.cards import LessonCard
from words_tui.services.lessons.changes import Revert
from words_tui.services.lessons.sitting import Lesson
from words_tui.services.vocabulary import edit_meanings as save_meanings

Edited = tuple[Revert, Callable[[LessonCard], LessonCard]]
"""How to revert an edit, and what it does to each card of the lesson."""


async def edit_meanings(
    database: Database, lesson: Lesson, card: LessonCard, meanings: Sequence[str]
) -> Edited:
    """The word's meanings (a foreign → native card's answers), for both directions."""
    old = await _saved_meanings(database, lesson.profile_id, card.user_word_id)
    item = await save_meanings(database, lesson.profile_id, card.user_word_id, meanings)
    chosen = tuple(item.meanings)

    async def revert(session: AsyncSession) -> None:
        await session.execute(
            update(UserWord).where(col(UserWord.id) == card.user_word_id).values(meanings=old)
        )

    def edited(other: LessonCard) -> LessonCard:
        if other.user_word_id != card.user_word_id:
            return other
        return other.with_meanings(chosen, lesson.native_lang)

    return revert, edited


async def _saved_meanings(database: Database, profile_id: int, user_word_id: int) -> list[str]:
    async with database.session() as session:
        meanings = (
            await session.execute(
                select(col(UserWord.meanings)).where(
                    col(UserWord.id) == user_word_id, col(UserWord.profile_id) == profile_id
                )
            )
        ).scalar_one()
    return list(meanings)


async def edit_extra(
    database: Database, lesson: Lesson, card: LessonCard, answers: Sequence[str]
) -> Edited:
    """A native → foreign card's accepted answers besides its word, for that card only."""
    word = answer_key(card.headword, card.answer_lang)
    typed = (clean_text(answer) for answer in answers)
    extra = tuple(dict.fromkeys(a for a in typed if a and answer_key(a, card.answer_lang) != word))
    where = (col(Card.id) == card.card_id, col(Card.profile_id) == lesson.profile_id)
    async with database.session() as session:
        old = (await session.execute(select(col(Card.accepted_extra)).where(*where))).scalar_one()
        await session.execute(update(Card).where(*where).values(accepted_extra=list(extra)))

    async def revert(session: AsyncSession) -> None:
        await session.execute(update(Card).where(*where).values(accepted_extra=list(old)))

    def edited(other: LessonCard) -> LessonCard:
        if other.card_id != card.card_id:
            return other
        return other.with_extra(extra, lesson.native_lang)

    return revert, edited
