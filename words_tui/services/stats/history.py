"""The review log as per-day records, for charts over time: the progress dashboard's data.

`statistics.statistics_summary` folds the per-day review buckets into totals for a screen of
numbers. Charts need the buckets themselves (reviews per day by direction and mode, retention
week by week), so this returns them — from the same `stats_queries`, in one session, scanning the
review log once — with the forecast, words learned by level and the hardest words beside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from words_tui.domain.enums import WordStatus
from words_tui.domain.study_days import StudyCalendar
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Profile
from words_tui.infrastructure.db.types import utcnow
from words_tui.services.stats import queries
from words_tui.services.stats.queries import HardWord, ReviewBucket

FORECAST_DAYS = 30
HARDEST_WORDS = 15


@dataclass(frozen=True)
class ProgressHistory:
    """A profile's history at `generated_at`; days are study-day numbers (`domain.study_days`)."""

    profile_id: int
    profile_name: str
    native_lang: str
    target_lang: str
    calendar: StudyCalendar
    generated_at: datetime
    today: date
    buckets: tuple[ReviewBucket, ...]
    status_counts: dict[WordStatus, int]
    forecast: dict[int, int]
    learned: tuple[tuple[int, str, int], ...]
    hardest: tuple[HardWord, ...]
    lessons: int
    desired_retention: float = 0.9
    """The profile's target: the retention charts draw it as a line."""


async def progress_history(
    database: Database,
    profile_id: int,
    now: datetime | None = None,
    *,
    forecast_days: int = FORECAST_DAYS,
    hardest: int = HARDEST_WORDS,
) -> ProgressHistory:
    """Everything the progress charts draw for one profile, as plain records."""
    now = now or utcnow()
    async with database.session() as session:
        profile = await session.get(Profile, profile_id)
        if profile is None:
            raise LookupError(f"no profile {profile_id}")
        calendar = StudyCalendar(profile.timezone, profile.day_start_hour)
        buckets = await queries.review_buckets(session, profile_id, calendar, now)
        statuses = await queries.status_counts(session, profile_id)
        forecast = await queries.due_forecast(session, profile_id, calendar, now, forecast_days)
        learned = await queries.learned_by_level(session, profile_id, calendar, now)
        hard = await queries.hardest_words(session, profile_id, hardest)
        lessons = await queries.finished_lessons(session, profile_id)
    return ProgressHistory(
        profile_id=profile_id,
        profile_name=profile.name,
        native_lang=profile.native_lang,
        target_lang=profile.target_lang,
        calendar=calendar,
        generated_at=now,
        today=calendar.day_of(now),
        buckets=tuple(buckets),
        status_counts={status: statuses.get(int(status), 0) for status in WordStatus},
        forecast=forecast,
        learned=tuple(learned),
        hardest=tuple(hard),
        lessons=lessons,
        desired_retention=profile.desired_retention,
    )
