"""Study days: the learner's calendar, in their time zone, starting at their day-start hour.

Like Anki's "next day starts at 4 am", a review at 01:30 local time still counts for the day before,
so a late-night session does not break a streak. Days are numbered (days since 1970-01-01 in the
local calendar) so SQL can bucket timestamps with integer arithmetic: the UTC offset is piecewise
constant between daylight-saving transitions, and `offset_pieces` lists those pieces for a span.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

SECONDS_PER_DAY = 86_400
EPOCH = date(1970, 1, 1)
SCAN_STEP = timedelta(hours=12)
"""Offsets are sampled this often to find transitions (zones change at most twice a year)."""


@dataclass(frozen=True)
class OffsetPiece:
    """From `starts_at` (UTC epoch seconds) on, local wall-clock time is UTC + `offset_s`."""

    starts_at: int
    offset_s: int


@dataclass(frozen=True)
class StudyCalendar:
    """A profile's calendar: IANA time zone name and the hour (0–23) a new study day begins."""

    timezone: str = "UTC"
    day_start_hour: int = 0

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def day_of(self, moment: datetime) -> date:
        """The study day an aware moment belongs to."""
        local = moment.astimezone(self.zone)
        return (local - timedelta(hours=self.day_start_hour)).date()

    def start_of(self, day: date) -> datetime:
        """The UTC moment study day `day` begins."""
        local = datetime.combine(day, time(self.day_start_hour), tzinfo=self.zone)
        return local.astimezone(UTC)

    def offset_at(self, moment: datetime) -> int:
        offset = moment.astimezone(self.zone).utcoffset()
        return int(offset.total_seconds()) if offset is not None else 0

    def offset_pieces(self, start: datetime, end: datetime) -> list[OffsetPiece]:
        """The constant-offset pieces covering [start, end], first piece starting at `start`."""
        pieces = [OffsetPiece(int(start.timestamp()), self.offset_at(start))]
        cursor = start
        while cursor < end:
            step = min(cursor + SCAN_STEP, end)
            if self.offset_at(step) != pieces[-1].offset_s:
                change = self._transition(cursor, step)
                pieces.append(OffsetPiece(int(change.timestamp()), self.offset_at(change)))
            cursor = step
        return pieces

    def _transition(self, before: datetime, after: datetime) -> datetime:
        """The first second in (before, after] with the offset of `after` (bisection)."""
        low, high = int(before.timestamp()), int(after.timestamp())
        target = self.offset_at(after)
        while high - low > 1:
            middle = (low + high) // 2
            if self.offset_at(datetime.fromtimestamp(middle, UTC)) == target:
                high = middle
            else:
                low = middle
        return datetime.fromtimestamp(high, UTC)


def day_number(day: date) -> int:
    """Days since 1970-01-01: the integer SQL computes for a study day."""
    return (day - EPOCH).days


def day_from_number(number: int) -> date:
    return EPOCH + timedelta(days=number)


@dataclass(frozen=True)
class Streaks:
    """Consecutive study days: the run still alive today, and the longest ever."""

    current: int
    longest: int
    studied_today: bool


def streaks(days: Iterable[date], today: date) -> Streaks:
    """Streaks from the days with at least one review.

    The current streak survives a day not yet studied: until today ends, a run that reached
    yesterday is still alive (and counts its days so far).
    """
    studied = set(days)
    longest = run = 0
    previous: date | None = None
    for day in sorted(studied):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    cursor = today if today in studied else today - timedelta(days=1)
    current = 0
    while cursor in studied:
        current += 1
        cursor -= timedelta(days=1)
    return Streaks(current=current, longest=longest, studied_today=today in studied)
