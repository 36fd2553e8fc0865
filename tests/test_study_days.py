"""Study days: time zones, the day-start hour, daylight-saving changes, streaks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from words_tui.domain.study_days import (
    StudyCalendar,
    day_from_number,
    day_number,
    streaks,
)

BERLIN = StudyCalendar("Europe/Berlin", day_start_hour=4)


def test_a_review_before_the_day_start_counts_for_the_day_before() -> None:
    late = datetime(2025, 1, 15, 0, 30, tzinfo=UTC)  # 01:30 in Berlin
    assert BERLIN.day_of(late) == date(2025, 1, 14)
    assert BERLIN.day_of(late + timedelta(hours=3)) == date(2025, 1, 15)  # 04:30


def test_a_study_day_starts_at_the_local_day_start_hour_in_utc() -> None:
    assert BERLIN.start_of(date(2025, 1, 15)) == datetime(2025, 1, 15, 3, tzinfo=UTC)
    assert BERLIN.start_of(date(2025, 7, 15)) == datetime(2025, 7, 15, 2, tzinfo=UTC)


def test_the_study_day_spanning_the_spring_change_is_23_hours_long() -> None:
    # Clocks jump from 02:00 to 03:00 on 30 March, inside the study day of 29 March.
    start = BERLIN.start_of(date(2025, 3, 29))
    assert BERLIN.start_of(date(2025, 3, 30)) - start == timedelta(hours=23)
    assert BERLIN.start_of(date(2025, 3, 31)) - BERLIN.start_of(date(2025, 3, 30)) == timedelta(
        hours=24
    )


def test_offset_pieces_split_exactly_at_the_transitions() -> None:
    pieces = BERLIN.offset_pieces(
        datetime(2025, 1, 1, tzinfo=UTC), datetime(2025, 12, 31, tzinfo=UTC)
    )
    assert [(datetime.fromtimestamp(p.starts_at, UTC), p.offset_s) for p in pieces[1:]] == [
        (datetime(2025, 3, 30, 1, tzinfo=UTC), 7200),
        (datetime(2025, 10, 26, 1, tzinfo=UTC), 3600),
    ]
    assert pieces[0].offset_s == 3600


def test_a_zone_without_daylight_saving_has_one_piece() -> None:
    calendar = StudyCalendar("Asia/Kolkata")
    pieces = calendar.offset_pieces(
        datetime(2024, 1, 1, tzinfo=UTC), datetime(2025, 12, 31, tzinfo=UTC)
    )
    assert [p.offset_s for p in pieces] == [19800]


def test_day_numbers_round_trip() -> None:
    assert day_number(date(1970, 1, 2)) == 1
    assert day_from_number(day_number(date(2025, 3, 30))) == date(2025, 3, 30)


def days(*numbers: int) -> list[date]:
    return [date(2025, 3, n) for n in numbers]


def test_the_current_streak_counts_back_from_today() -> None:
    result = streaks(days(1, 2, 5, 6, 7), today=date(2025, 3, 7))
    assert (result.current, result.longest, result.studied_today) == (3, 3, True)


def test_a_streak_is_still_alive_before_todays_lesson() -> None:
    result = streaks(days(5, 6), today=date(2025, 3, 7))
    assert (result.current, result.studied_today) == (2, False)


def test_a_missed_day_ends_the_streak_but_not_the_record() -> None:
    result = streaks(days(1, 2, 3, 4, 6), today=date(2025, 3, 8))
    assert (result.current, result.longest) == (0, 4)


def test_no_reviews_no_streak() -> None:
    assert streaks([], today=date(2025, 3, 8)) == streaks([], today=date(2025, 1, 1))
    assert streaks([], today=date(2025, 3, 8)).longest == 0
