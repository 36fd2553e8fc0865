"""Builders and probes shared by the TUI tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, update
from sqlmodel import col
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from tests.profile_helpers import entry
from tests.tui.conftest import T0
from words_tui.domain.enums import CardState, Stage
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Review
from words_tui.services.vocabulary import NewWord, add_words
from words_tui.services.vocabulary.profiles import create_profile

WORDS: tuple[tuple[str, str, tuple[str, ...], dict[str, str]], ...] = (
    ("gato", "noun", ("cat",), {"plural": "gatos", "gender": "m"}),
    ("perro", "noun", ("dog",), {"plural": "perros", "gender": "m"}),
    ("ventana", "noun", ("window",), {"plural": "ventanas", "gender": "f"}),
    ("mesa", "noun", ("table",), {"plural": "mesas", "gender": "f"}),
    ("árbol", "noun", ("tree",), {"plural": "árboles", "gender": "m"}),
    ("comer", "verb", ("eat",), {"pres_1sg": "como"}),
)


async def spanish_learner(
    database: Database, words: Sequence[tuple[str, str, tuple[str, ...], dict[str, str]]] = WORDS
) -> int:
    """The tester's active profile English → Spanish with `words` in it (all cards new)."""
    profile = await create_profile(database, "tester", "en", "es", "A1")
    assert profile.id is not None
    new = [
        NewWord.from_entry(entry(word, pos, meanings, forms))
        for word, pos, meanings, forms in words
    ]
    async with database.session() as session:
        await add_words(session, profile, new, T0)
    return profile.id


async def promote_to_typing(database: Database, profile_id: int, **values: Any) -> None:
    """Every card moved on to typed answers, known for ten days, due now."""
    async with database.session() as session:
        await session.execute(
            update(Card)
            .where(col(Card.profile_id) == profile_id)
            .values(
                stage=int(Stage.TYPING),
                state=int(CardState.REVIEW),
                stability=10.0,
                difficulty=5.0,
                reps=1,
                **values,
            )
        )


async def review_count(database: Database) -> int:
    async with database.session() as session:
        return int((await session.execute(select(func.count()).select_from(Review))).scalar_one())


def text_of(app: App[Any], selector: str) -> str:
    """The plain text a Static shows."""
    return str(app.screen.query_one(selector, Static).content)


async def settle(app: App[Any], pilot: Pilot[Any]) -> None:
    """Let every worker finish and the screen catch up."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
