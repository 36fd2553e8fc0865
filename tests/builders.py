"""The builders every test shares: a settable clock, a core, learners with their words, reviews.

    clock = Clock()                                     # stands at T0; clock.advance(days=1)
    core = core_on(database, clock)                     # the services on a test database
    profile_id = await spanish_learner(database)        # six Spanish words, every card new
    profile = await learner_with_words(database)        # the sample starter table, en → ru, to B1
    await promote_to_typing(database, profile_id)       # every card a typed review, due now
    await review(database, card, at)                    # one answer in the log

Everything goes through the real services and a real database; only what no service can produce
(cards at a chosen stage, answers at chosen moments) is written to the tables directly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlmodel import col

from tests.starter_samples import sample_starter
from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.domain.enums import CardState, Stage
from words_tui.infrastructure.db.database import Database, sqlite_path
from words_tui.infrastructure.db.models import Card, Profile, Review, UserWord, Word
from words_tui.services import Clock as AnyClock
from words_tui.services import Core
from words_tui.services.lessons import LanguageSource
from words_tui.services.vocabulary import (
    NewWord,
    ProfileKnobs,
    add_words,
    bootstrap_from_starter,
    create_profile,
)
from words_tui.settings import load_settings

T0 = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)
"""The moment the tests' learners start at (a fixed time: no test depends on today)."""

SpanishWord = tuple[str, str, Sequence[str], dict[str, str]]
"""A word as the builders take it: Spanish headword, part of speech, English meanings, forms."""

SPANISH: tuple[SpanishWord, ...] = (
    ("gato", "noun", ("cat",), {"plural": "gatos", "gender": "m"}),
    ("perro", "noun", ("dog",), {"plural": "perros", "gender": "m"}),
    ("ventana", "noun", ("window",), {"plural": "ventanas", "gender": "f"}),
    ("mesa", "noun", ("table",), {"plural": "mesas", "gender": "f"}),
    ("árbol", "noun", ("tree",), {"plural": "árboles", "gender": "m"}),
    ("comer", "verb", ("eat",), {"pres_1sg": "como"}),
)


class Clock:
    """A settable clock: tests move time instead of sleeping."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def core_on(
    database: Database,
    clock: AnyClock | None = None,
    *,
    language_data: LanguageSource | None = None,
    **settings: Any,
) -> Core:
    """A core on a test database: the isolated test settings, with `settings` on top."""
    return Core(
        database,
        load_settings(database_url=database.url, **settings),
        clock=clock or Clock(),
        language_data=language_data,
    )


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


async def spanish_learner(
    database: Database,
    words: Sequence[SpanishWord] = SPANISH,
    *,
    user: str = "tester",
    knobs: ProfileKnobs | None = None,
    now: datetime = T0,
    tags: Sequence[str] = (),
) -> int:
    """The learner's active profile English → Spanish with `words` in it (each carrying `tags`),
    every card new."""
    profile = await create_profile(database, user, "en", "es", "A1", knobs)
    assert profile.id is not None
    new = [NewWord.from_entry(entry(*word), tags=tags) for word in words]
    async with database.session() as session:
        await add_words(session, profile, new, now)
    return profile.id


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


async def set_cards(database: Database, profile_id: int, **values: Any) -> None:
    """Every card of the profile given `values` (stage, state, due ...)."""
    async with database.session() as session:
        await session.execute(
            update(Card).where(col(Card.profile_id) == profile_id).values(**values)
        )


async def promote_to_typing(database: Database, profile_id: int, **values: Any) -> None:
    """Every card moved on to typed answers, known for ten days (with `values` on top)."""
    await set_cards(
        database, profile_id, stage=int(Stage.TYPING), state=int(CardState.REVIEW),
        stability=10.0, difficulty=5.0, reps=1, **values,
    )  # fmt: skip


async def cards_of(database: Database, profile_id: int, word: str) -> list[Card]:
    """The two direction cards of one of the profile's words."""
    async with database.session() as session:
        query = (
            select(Card)
            .join(UserWord, col(UserWord.id) == col(Card.user_word_id))
            .join(Word, col(Word.id) == col(UserWord.word_id))
            .where(col(Card.profile_id) == profile_id, col(Word.text) == word)
            .order_by(col(Card.direction))
        )
        return list((await session.execute(query)).scalars())


async def review(
    database: Database,
    card: Card,
    at: datetime,
    rating: int = 3,
    *,
    mode: Stage = Stage.TYPING,
    state_before: CardState = CardState.REVIEW,
) -> None:
    """One answer to `card` in the review log, at `at`."""
    assert card.id is not None
    async with database.session() as session:
        session.add(
            Review(
                card_id=card.id,
                profile_id=card.profile_id,
                reviewed_at=at,
                direction=card.direction,
                mode=int(mode),
                rating=rating,
                state_before=int(state_before),
            )
        )


async def row_count(database: Database, model: Any) -> int:
    """How many rows a table holds (reviews, lessons ...)."""
    async with database.session() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def meanings_of(database: Database, profile: Profile) -> dict[str, list[str]]:
    """The profile's words with the meanings it learns, as the database has them."""
    async with database.session() as session:
        rows = await session.execute(
            select(Word.text, UserWord.meanings)
            .join(UserWord, col(UserWord.word_id) == col(Word.id))
            .where(col(UserWord.profile_id) == profile.id)
        )
        return {text: meanings for text, meanings in rows.all()}


@contextmanager
def refusing_writes(database: Database, table: str, event: str) -> Iterator[None]:
    """Every `event` (INSERT, UPDATE) on `table` of a SQLite database fails inside SQLite while
    the block runs, as a full disk or a bad page would make it fail."""
    path = sqlite_path(database.url)
    assert path is not None
    with sqlite3.connect(path) as shell:
        shell.execute(
            f"CREATE TRIGGER refuse BEFORE {event} ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
        )
    try:
        yield
    finally:
        with sqlite3.connect(path) as shell:
            shell.execute("DROP TRIGGER refuse")
