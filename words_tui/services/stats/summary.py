"""Progress statistics for one profile, as plain records the TUI and notebooks render.

All counting happens in SQL (`stats_queries`); Python only reshapes results that are already
small (per-day buckets, 30 forecast days, a dozen hardest words). Days are study days in the
profile's time zone starting at its day-start hour, so a streak survives a midnight session and
daylight-saving changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from words_tui.domain.enums import Direction, Stage, WordStatus
from words_tui.domain.study_days import (
    Streaks,
    StudyCalendar,
    day_from_number,
    day_number,
    streaks,
)
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.rollups import refresh_rollups
from words_tui.infrastructure.db.types import utcnow
from words_tui.services.stats import queries
from words_tui.services.stats.queries import HardWord
from words_tui.services.vocabulary import profile_by_id

FORECAST_DAYS = 30
HEATMAP_DAYS = 365
RETENTION_WEEKS = 52
RETENTION_MONTHS = 24
HARDEST_WORDS = 10


@dataclass(frozen=True)
class Accuracy:
    """Answers judged correct out of all answers."""

    correct: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True)
class RetentionPoint:
    """True retention in one week or month: passed ÷ all reviews of cards in the review state."""

    period_start: date
    passed: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None


@dataclass(frozen=True)
class DayCount:
    day: date
    count: int


@dataclass(frozen=True)
class LearnedPoint:
    """Words of one CEFR level learned in a month, and all learned up to the month's end."""

    month: date
    level: str
    learned: int
    cumulative: int


@dataclass(frozen=True)
class StatisticsSummary:
    """Everything the statistics screen shows, computed at `generated_at`."""

    generated_at: datetime
    today: date
    status_counts: dict[WordStatus, int]
    reviews: int
    accuracy_by_direction: dict[Direction, Accuracy]
    accuracy_by_mode: dict[Stage, Accuracy]
    streak: Streaks
    lessons: int
    retention_by_week: tuple[RetentionPoint, ...]
    retention_by_month: tuple[RetentionPoint, ...]
    forecast: tuple[DayCount, ...]
    heatmap: tuple[DayCount, ...]
    learned_by_level: tuple[LearnedPoint, ...]
    hardest: tuple[HardWord, ...]

    @property
    def words(self) -> int:
        return sum(self.status_counts.values())


def _accuracy(outcomes: Iterable[tuple[int, int, bool, int]], key: int) -> dict[int, Accuracy]:
    """Accuracy per value of field `key` (0: direction, 1: mode) of the outcome rows."""
    correct: dict[int, int] = defaultdict(int)
    total: dict[int, int] = defaultdict(int)
    for row in outcomes:
        value, passed, count = row[key], row[2], row[3]
        total[value] += count
        correct[value] += count if passed else 0
    return {value: Accuracy(correct[value], total[value]) for value in total}


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _retention(
    days: Iterable[tuple[int, bool, int]], start_of: Callable[[date], date], first: date
) -> tuple[RetentionPoint, ...]:
    """True retention per period (week or month) starting on or after `first`."""
    passed: dict[date, int] = defaultdict(int)
    total: dict[date, int] = defaultdict(int)
    for day, ok, count in days:
        start = start_of(day_from_number(day))
        if start >= first:
            total[start] += count
            passed[start] += count if ok else 0
    return tuple(RetentionPoint(s, passed[s], total[s]) for s in sorted(total))


def _dense(counts: dict[int, int], first: date, days: int) -> tuple[DayCount, ...]:
    return tuple(
        DayCount(first + timedelta(days=i), counts.get(day_number(first) + i, 0))
        for i in range(days)
    )


def _learned(rows: list[tuple[int, str, int]]) -> tuple[LearnedPoint, ...]:
    per_month: dict[tuple[date, str], int] = defaultdict(int)
    for day, level, count in rows:
        per_month[(_month_start(day_from_number(day)), level)] += count
    running: dict[str, int] = defaultdict(int)
    points = []
    for (month, level), learned in sorted(per_month.items()):
        running[level] += learned
        points.append(LearnedPoint(month, level, learned, running[level]))
    return tuple(points)


async def statistics_summary(
    database: Database, profile_id: int, now: datetime | None = None
) -> StatisticsSummary:
    """The full statistics of one profile at `now` (default: the current time)."""
    now = now or utcnow()
    async with database.session() as session:
        profile = await profile_by_id(session, profile_id)
        calendar = StudyCalendar(profile.timezone, profile.day_start_hour)
        await refresh_rollups(session, profile_id, calendar)
        per_day = await queries.daily_reviews(session, profile_id, calendar, refreshed=True)
        outcomes = await queries.outcome_counts(session, profile_id, calendar, refreshed=True)
        retention = await queries.retention_days(session, profile_id, calendar, refreshed=True)
        statuses = await queries.status_counts(session, profile_id)
        lessons = await queries.finished_lessons(session, profile_id)
        due = await queries.due_forecast(session, profile_id, calendar, now, FORECAST_DAYS)
        learned = await queries.learned_by_level(session, profile_id, calendar, now, refreshed=True)
        hardest = await queries.hardest_words(session, profile_id, HARDEST_WORDS)
    today = calendar.day_of(now)
    heatmap_start = today - timedelta(days=HEATMAP_DAYS - 1)
    return StatisticsSummary(
        generated_at=now,
        today=today,
        status_counts={status: statuses.get(int(status), 0) for status in WordStatus},
        reviews=sum(per_day.values()),
        accuracy_by_direction={Direction(k): v for k, v in _accuracy(outcomes, 0).items()},
        accuracy_by_mode={Stage(k): v for k, v in _accuracy(outcomes, 1).items()},
        streak=streaks((day_from_number(d) for d in per_day), today),
        lessons=lessons,
        retention_by_week=_retention(
            retention, _week_start, _week_start(today) - timedelta(weeks=RETENTION_WEEKS - 1)
        ),
        retention_by_month=_retention(
            retention, _month_start, _months_back(today, RETENTION_MONTHS - 1)
        ),
        forecast=_dense(due, today, FORECAST_DAYS),
        heatmap=_dense(per_day, heatmap_start, HEATMAP_DAYS),
        learned_by_level=_learned(learned),
        hardest=tuple(hardest),
    )


@dataclass(frozen=True)
class Activity:
    """What the home screen shows of the past: the streak and the last days' review counts."""

    streak: Streaks
    days: tuple[DayCount, ...]


async def recent_activity(
    database: Database, profile_id: int, now: datetime, days: int
) -> Activity:
    """The streak and the last `days` days, from the per-day rollup: bringing it up to date
    reads only the reviews logged since it last was, so this costs the same at any history."""
    async with database.session() as session:
        profile = await profile_by_id(session, profile_id)
        calendar = StudyCalendar(profile.timezone, profile.day_start_hour)
        per_day = await queries.daily_reviews(session, profile_id, calendar)
    today = calendar.day_of(now)
    return Activity(
        streak=streaks((day_from_number(d) for d in per_day), today),
        days=_dense(per_day, today - timedelta(days=days - 1), days),
    )


def _months_back(today: date, months: int) -> date:
    index = today.year * 12 + today.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)
