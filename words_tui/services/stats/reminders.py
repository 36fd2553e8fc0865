"""When to nudge the learner: reviews are due, no lesson lately, and it is daytime for them.

`words-tui remind` runs from cron or a systemd timer every hour or so; this decides whether that run
should say anything. Each profile is judged in its own time zone, so a learner travelling with a
Tokyo profile is not woken at night.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import func, select
from sqlmodel import col

from words_tui.domain.study_days import StudyCalendar
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card, Lesson, Profile, Review
from words_tui.infrastructure.db.types import utcnow
from words_tui.services.vocabulary import list_profiles

DEFAULT_QUIET_HOURS = 6.0
DEFAULT_WINDOW = "07:00-23:00"


@dataclass(frozen=True)
class DaytimeWindow:
    """Local hours when reminders may be sent; the end may be past midnight (22:00-02:00)."""

    start: time
    end: time

    @classmethod
    def parse(cls, text: str) -> DaytimeWindow:
        """'HH:MM-HH:MM' (24:00 allowed as an end); a clear error naming the text otherwise."""
        try:
            first, second = (part.strip() for part in text.split("-"))
            return cls(_clock(first), _clock(second))
        except ValueError:
            raise ValueError(
                f"'{text}' is not a time window; use HH:MM-HH:MM, e.g. 07:00-23:00"
            ) from None

    def contains(self, moment: time) -> bool:
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end


def _clock(text: str) -> time:
    hours, minutes = (int(part) for part in text.split(":"))
    if (hours, minutes) == (24, 0):
        return time.max
    return time(hours, minutes)


@dataclass(frozen=True)
class Reminder:
    """One profile that should be reminded; the front-end words it in `interface_lang`."""

    profile_id: int
    profile_name: str
    due: int
    interface_lang: str


async def _last_activity(database: Database, profile_id: int) -> datetime | None:
    async with database.session() as session:
        lesson = (
            await session.execute(
                select(func.max(col(Lesson.started_at))).where(col(Lesson.profile_id) == profile_id)
            )
        ).scalar_one()
        answered = (
            await session.execute(
                select(func.max(col(Review.reviewed_at))).where(
                    col(Review.profile_id) == profile_id
                )
            )
        ).scalar_one()
    moments = [moment for moment in (lesson, answered) if moment is not None]
    return max(moments) if moments else None


async def due_reviews(database: Database, profile_id: int, now: datetime) -> int:
    """Cards seen before and due by `now` (new words waiting are not reviews)."""
    async with database.session() as session:
        query = select(func.count()).where(
            col(Card.profile_id) == profile_id,
            col(Card.active).is_(True),
            col(Card.last_review).is_not(None),
            col(Card.due) <= now,
        )
        return int((await session.execute(query)).scalar_one())


async def reminder_for(
    database: Database,
    profile: Profile,
    now: datetime,
    *,
    quiet_hours: float = DEFAULT_QUIET_HOURS,
    window: DaytimeWindow | None = None,
) -> Reminder | None:
    """A reminder for `profile` at `now`, or None when it should stay quiet."""
    assert profile.id is not None
    window = window or DaytimeWindow.parse(DEFAULT_WINDOW)
    local = now.astimezone(StudyCalendar(profile.timezone).zone)
    if not window.contains(local.time()):
        return None
    last = await _last_activity(database, profile.id)
    if last is not None and now - last < timedelta(hours=quiet_hours):
        return None
    due = await due_reviews(database, profile.id, now)
    return Reminder(profile.id, profile.name, due, profile.interface_lang) if due else None


async def reminders(
    database: Database,
    user: str,
    now: datetime | None = None,
    *,
    quiet_hours: float = DEFAULT_QUIET_HOURS,
    window: DaytimeWindow | None = None,
) -> list[Reminder]:
    """Every profile of `user` that should be reminded now."""
    now = now or utcnow()
    found = []
    for profile in await list_profiles(database, user):
        reminder = await reminder_for(
            database, profile, now, quiet_hours=quiet_hours, window=window
        )
        if reminder is not None:
            found.append(reminder)
    return found
