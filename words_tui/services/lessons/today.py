"""What a lesson started now would hold, and the ways on when it would hold nothing.

The home screen shows today's numbers next to "start lesson": cards due now, and the new cards
introduced today against the daily limit. They follow the lesson builder's rules (active cards
only, the day's new-card allowance counted from the learner's day start). When nothing is due
and the day's new cards are used up, `outlook` says what is still possible: new words past the
limit, practice ahead on the cards due soonest, or — with both gone — adding words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, select
from sqlmodel import col

from words_tui.domain.enums import Stage
from words_tui.domain.lesson_policy import day_start, learning_asks
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card
from words_tui.services.lessons.queries import answers_today, load_profile


@dataclass(frozen=True)
class TodayCounts:
    """Cards waiting now: reviews due (`due`) and new cards still allowed today (`new`); the
    new cards introduced today (`new_done`) against the profile's daily limit (`new_limit`)."""

    due: int
    new: int
    new_done: int = 0
    new_limit: int = 0


async def today_counts(database: Database, profile_id: int, now: datetime) -> TodayCounts:
    """The cards a lesson could take at `now`, by kind, in one statement of two index ranges.

    Reviews due are counted from the partial index of seen cards (counting `user_word_id`, never
    NULL, which that index holds and the wider stage index does not, keeps SQLite on it); new
    cards only as far as today's allowance, so a vocabulary of 200,000 unseen words costs what
    20 do. The condition on every stage selects nothing away; it keeps each count on a covering
    index instead of visiting each card's row.
    """
    async with database.session() as session:
        profile = await load_profile(session, profile_id)
        since = day_start(now, profile.timezone, profile.day_start_hour)
        _, new_done = await answers_today(session, profile_id, since)
        allowance = max(0, profile.new_per_day - new_done)
        reviews = select(func.count(col(Card.user_word_id))).where(
            *_waiting(profile_id, now), col(Card.last_review).is_not(None)
        )
        new = (
            select(col(Card.id))
            .where(*_waiting(profile_id, now), col(Card.last_review).is_(None))
            .limit(allowance)
            .subquery()
        )
        counts = select(
            reviews.scalar_subquery(), select(func.count()).select_from(new).scalar_subquery()
        )
        due, allowed = (await session.execute(counts)).one()
    return TodayCounts(int(due), int(allowed), new_done, profile.new_per_day)


def _waiting(profile_id: int, now: datetime) -> tuple[ColumnElement[bool], ...]:
    """Active cards of any stage due by `now`."""
    return (
        col(Card.profile_id) == profile_id,
        col(Card.active).is_(True),
        col(Card.stage).in_([int(stage) for stage in Stage]),
        col(Card.due) <= now,
    )


@dataclass(frozen=True)
class Outlook:
    """What can still be practised when no lesson is due: `unseen` new cards (past the daily
    limit), `more_new` of them offered as one more lesson, and `ahead` cards due later.
    Nothing of either: the vocabulary is exhausted and only adding words helps."""

    unseen: int
    more_new: int
    ahead: int

    @property
    def exhausted(self) -> bool:
        return self.unseen == 0 and self.ahead == 0


def _active(profile_id: int) -> ColumnElement[bool]:
    return and_(col(Card.profile_id) == profile_id, col(Card.active).is_(True))


async def outlook(database: Database, profile_id: int, now: datetime) -> Outlook:
    """New cards never shown and cards due after `now`, counted from the cards' indexes."""
    async with database.session() as session:
        profile = await load_profile(session, profile_id)
        unseen = select(func.count()).where(_active(profile_id), col(Card.last_review).is_(None))
        ahead = select(func.count()).where(
            _active(profile_id), col(Card.last_review).is_not(None), col(Card.due) > now
        )
        new = int((await session.execute(unseen)).scalar_one())
        later = int((await session.execute(ahead)).scalar_one())
    per_lesson = max(profile.lesson_size // learning_asks(0, profile.typing_after), 1)
    return Outlook(unseen=new, more_new=min(new, per_lesson), ahead=later)


async def due_soonest(database: Database, profile_id: int, now: datetime, limit: int) -> list[int]:
    """The seen cards due after `now`, soonest first: what practice ahead asks."""
    query = (
        select(col(Card.id))
        .where(_active(profile_id), col(Card.last_review).is_not(None), col(Card.due) > now)
        .order_by(col(Card.due), col(Card.id))
        .limit(limit)
    )
    async with database.session() as session:
        return [int(card_id or 0) for card_id in (await session.execute(query)).scalars()]
