"""The candidates of a lesson, read in priority order in one indexed round trip.

Due typing cards come by lowest retrievability, due choice cards by due time, new cards in the
order they were added. FSRS retrievability falls monotonically with (days since last review) /
stability, so that ratio — computed by the database — orders a backlog exactly as
retrievability would, without loading every due card.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Select,
    and_,
    bindparam,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from words_tui.domain.enums import Stage
from words_tui.domain.lesson_policy import Candidate
from words_tui.infrastructure.db.tags import tagged
from words_tui.services.lessons.queries import CARDS, USER_WORDS

UNIX_EPOCH_JULIAN_DAY = 2440587.5
SECONDS_PER_DAY = 86400.0
NEVER_REVIEWED_FIRST = 1e12
"""Sort key of a promoted card with no FSRS memory yet: retrievability 0, so it comes first."""


@dataclass(frozen=True, slots=True)
class Candidates:
    """A lesson's candidates by kind, each in priority order."""

    typing: list[Candidate]
    choice: list[Candidate]
    new: list[Candidate]


def _days_before_now(dialect: str, moment: ColumnElement[Any]) -> ColumnElement[Any]:
    """Days from `moment` to the `now_days` parameter (see `_now_days`), by the database."""
    if dialect == "sqlite":
        return bindparam("now_days", type_=Float) - func.julianday(moment)
    return bindparam("now_days", type_=Float) - func.extract("epoch", moment) / SECONDS_PER_DAY


def _now_days(dialect: str, now: datetime) -> float:
    days = now.timestamp() / SECONDS_PER_DAY
    return days + UNIX_EPOCH_JULIAN_DAY if dialect == "sqlite" else days


def _due(stage: Stage, tagged_only: bool) -> ColumnElement[bool]:
    """Due cards of `stage`; with `tagged_only`, only those of words carrying the `tag`
    parameter."""
    due = and_(
        CARDS.c.profile_id == bindparam("profile"),
        CARDS.c.active.is_(True),
        CARDS.c.stage == int(stage),
        CARDS.c.due <= bindparam("now"),
    )
    if not tagged_only:
        return due
    word = select(USER_WORDS.c.id).where(
        USER_WORDS.c.id == CARDS.c.user_word_id, tagged(USER_WORDS.c.tags)
    )
    return and_(due, word.exists())


def _due_typing(dialect: str, tagged_only: bool) -> Select[Any]:
    """Due typed cards, lowest retrievability first: the highest (days since the last review)
    / stability. The ranking reads only `ix_cards_profile_stage_due`, which holds every column
    the key needs; the table is visited for the winners alone."""
    key = func.coalesce(
        _days_before_now(dialect, CARDS.c.last_review) / CARDS.c.stability, NEVER_REVIEWED_FIRST
    )
    ranked = (
        select(CARDS.c.id, key.label("key"))
        .where(_due(Stage.TYPING, tagged_only))
        .order_by(key.desc(), CARDS.c.id)
        .limit(bindparam("typing"))
        .subquery()
    )
    return select(
        literal(0).label("kind"),
        CARDS.c.id,
        CARDS.c.user_word_id,
        CARDS.c.direction,
        CARDS.c.choice_correct,
        (-ranked.c.key).label("rank"),
    ).join(ranked, ranked.c.id == CARDS.c.id)


def _due_choice(
    dialect: str, kind: int, limit: str, *, seen: bool, tagged_only: bool
) -> Select[Any]:
    """Choice cards due, the longest waiting first: seen before, or new (never shown, in the
    order they were added — a new card is due when added). Ordered by `due` alone, so the
    query walks `ix_cards_profile_stage_due` in order and stops after `limit` cards."""
    last_review = CARDS.c.last_review
    waiting = (
        select(
            CARDS.c.id,
            CARDS.c.user_word_id,
            CARDS.c.direction,
            CARDS.c.choice_correct,
            CARDS.c.due,
        )
        .where(
            _due(Stage.CHOICE, tagged_only),
            last_review.is_not(None) if seen else last_review.is_(None),
        )
        .order_by(CARDS.c.due)
        .limit(bindparam(limit))
        .subquery()
    )
    rank = -_days_before_now(dialect, waiting.c.due)
    return select(
        literal(kind).label("kind"),
        waiting.c.id,
        waiting.c.user_word_id,
        waiting.c.direction,
        waiting.c.choice_correct,
        rank.label("rank"),
    )


@cache
def _candidates_query(
    dialect: str, typing: bool, choice: bool, new: bool, tagged_only: bool
) -> Select[Any]:
    """One statement for the kinds asked for, built once: building it costs more than running
    it. Each kind is ranked and cut in its own subquery; its rank (and the row id for ties)
    carries that order through the UNION, which keeps no order of its own."""
    parts: list[Select[Any]] = []
    if typing:
        parts.append(_due_typing(dialect, tagged_only))
    if choice:
        parts.append(_due_choice(dialect, 1, "choice", seen=True, tagged_only=tagged_only))
    if new:
        parts.append(_due_choice(dialect, 2, "new", seen=False, tagged_only=tagged_only))
    union = union_all(*parts).subquery()
    columns = (union.c.id, union.c.user_word_id, union.c.direction, union.c.choice_correct)
    return select(union.c.kind, *columns).order_by(union.c.kind, union.c.rank, union.c.id)


async def lesson_candidates(
    session: AsyncSession,
    profile_id: int,
    now: datetime,
    *,
    typing: int,
    choice: int,
    new: int,
    tag: str | None = None,
) -> Candidates:
    """Up to `typing` due typed cards, `choice` due choice cards and `new` new cards, each kind
    in priority order, in one round trip; with `tag`, only cards of words carrying it."""
    found = Candidates([], [], [])
    if max(typing, choice, new) <= 0:
        return found
    dialect = session.get_bind().dialect.name
    query = _candidates_query(dialect, typing > 0, choice > 0, new > 0, tag is not None)
    params: dict[str, Any] = {
        "profile": profile_id,
        "now": now,
        "now_days": _now_days(dialect, now),
        "typing": typing,
        "choice": choice,
        "new": new,
        "tag": tag,
    }
    kinds = (found.typing, found.choice, found.new)
    for kind, card_id, user_word_id, direction, correct in (
        await session.execute(query, params)
    ).all():
        kinds[kind].append(Candidate(card_id, user_word_id, direction, correct))
    return found


_NEW_CARDS_OF_WORDS = select(
    CARDS.c.id, CARDS.c.user_word_id, CARDS.c.direction, CARDS.c.choice_correct
).where(
    CARDS.c.user_word_id.in_(bindparam("words", expanding=True)),
    CARDS.c.active.is_(True),
    CARDS.c.stage == int(Stage.CHOICE),
    CARDS.c.last_review.is_(None),
)


async def with_both_directions(session: AsyncSession, new: list[Candidate]) -> list[Candidate]:
    """The new candidates with every new card of their words, in the words' order: cards are
    added a direction at a time, so the window of new cards holds one direction only, and a
    first lesson could not ask both ways. One lookup on the (user word, direction) key."""
    words = list(dict.fromkeys(candidate.user_word_id for candidate in new))
    if not words:
        return new
    rows = (await session.execute(_NEW_CARDS_OF_WORDS, {"words": words})).all()
    by_word: dict[int, list[Candidate]] = {}
    for card_id, user_word_id, direction, correct in sorted(rows, key=lambda row: row[2]):
        by_word.setdefault(user_word_id, []).append(
            Candidate(card_id, user_word_id, direction, correct)
        )
    return [card for word in words for card in by_word.get(word, [])]
