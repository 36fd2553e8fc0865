"""What a lesson started now would hold: cards due now and new cards today's allowance lets in.

The home screen shows these two numbers next to "start lesson"; they follow the lesson builder's
rules (active cards only, the day's new-card allowance counted from the learner's day start).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlmodel import col

from words_tui.domain.enums import Stage
from words_tui.domain.lesson_policy import day_start
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card
from words_tui.services.lessons.queries import answers_today, load_profile


@dataclass(frozen=True)
class TodayCounts:
    """Cards waiting now: reviews due (`due`) and new cards still allowed today (`new`)."""

    due: int
    new: int


async def today_counts(database: Database, profile_id: int, now: datetime) -> TodayCounts:
    """The cards a lesson could take at `now`, by kind, in one round of counting queries.

    The condition on every stage selects nothing away; it lets SQLite count from the covering
    `(profile, active, stage, due, last_review, …)` index instead of visiting each due card's row
    (3 ms instead of 45 ms at 100k words).
    """
    async with database.session() as session:
        profile = await load_profile(session, profile_id)
        since = day_start(now, profile.timezone, profile.day_start_hour)
        _, new_done = await answers_today(session, profile_id, since)
        waiting = select(
            func.count(col(Card.last_review)),
            func.count() - func.count(col(Card.last_review)),
        ).where(
            col(Card.profile_id) == profile_id,
            col(Card.active).is_(True),
            col(Card.stage).in_([int(stage) for stage in Stage]),
            col(Card.due) <= now,
        )
        due, new = (await session.execute(waiting)).one()
    return TodayCounts(due=int(due), new=max(0, min(int(new), profile.new_per_day - new_done)))
