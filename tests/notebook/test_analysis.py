"""The plain DataFrame functions under the dashboard: what each table counts and how."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pandas as pd
from sqlalchemy import func, select

from tests.notebook.conftest import NOW, SMALL_LEARNER, BuiltDemo
from words_tui.domain.enums import CardState, Direction, Stage, WordStatus
from words_tui.domain.study_days import StudyCalendar, day_number
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Review
from words_tui.notebook import analysis
from words_tui.services import Core
from words_tui.services.demo import populate_demo
from words_tui.services.stats import HardWord, ProgressHistory, ReviewBucket
from words_tui.settings import load_settings

TODAY = date(2030, 3, 1)


def history(
    buckets: list[ReviewBucket] | None = None,
    *,
    forecast: dict[int, int] | None = None,
    learned: list[tuple[int, str, int]] | None = None,
    hardest: list[HardWord] | None = None,
) -> ProgressHistory:
    """A hand-made history of an English speaker learning Spanish, 'today' being TODAY."""
    return ProgressHistory(
        profile_id=1,
        profile_name="es",
        native_lang="en",
        target_lang="es",
        calendar=StudyCalendar("UTC", 4),
        generated_at=datetime(2030, 3, 1, 12, tzinfo=UTC),
        today=TODAY,
        buckets=tuple(buckets or ()),
        status_counts={status: 0 for status in WordStatus},
        forecast=forecast or {},
        learned=tuple(learned or ()),
        hardest=tuple(hardest or ()),
        lessons=0,
    )


def bucket(
    day: date,
    count: int,
    *,
    passed: bool = True,
    direction: Direction = Direction.FOREIGN_TO_NATIVE,
    mode: Stage = Stage.TYPING,
    state: CardState = CardState.REVIEW,
) -> ReviewBucket:
    return ReviewBucket(day_number(day), int(direction), int(mode), int(state), passed, count)


def test_reviews_per_day_has_every_day_up_to_today_with_zero_on_idle_days() -> None:
    frame = analysis.reviews_per_day(
        history([bucket(date(2030, 2, 25), 4), bucket(date(2030, 2, 27), 2, mode=Stage.CHOICE)])
    )
    assert list(frame.index.date) == [date(2030, 2, d) for d in (25, 26, 27, 28)] + [TODAY]
    assert list(frame["reviews"]) == [4, 0, 2, 0, 0]
    assert list(frame["choice"]) == [0, 0, 2, 0, 0]
    assert list(frame["typing"]) == [4, 0, 0, 0, 0]


def test_accuracy_per_day_is_the_share_passed_and_empty_on_idle_days() -> None:
    day = date(2030, 2, 28)
    frame = analysis.reviews_per_day(history([bucket(day, 3), bucket(day, 1, passed=False)]))
    assert frame.loc[pd.Timestamp(day), "accuracy"] == 0.75
    assert pd.isna(frame.loc[pd.Timestamp(TODAY), "accuracy"])


def test_true_retention_counts_only_typed_answers_of_cards_in_review() -> None:
    monday = date(2030, 2, 25)
    table = analysis.retention(
        history(
            [
                bucket(monday, 8),
                bucket(monday, 2, passed=False),
                bucket(monday, 5, passed=False, state=CardState.LEARNING),
                bucket(monday, 4, direction=Direction.NATIVE_TO_FOREIGN),
                bucket(monday, 4, direction=Direction.NATIVE_TO_FOREIGN, passed=False),
                bucket(monday, 1, mode=Stage.CHOICE, state=CardState.NEW, passed=False),
            ]
        )
    )
    week = table.loc[pd.Timestamp(monday)]
    assert week["retention es → en"] == 0.8
    assert week["retention en → es"] == 0.5
    assert week["retention (both)"] == 12 / 18


def test_accuracy_by_mode_counts_every_answer_of_that_mode() -> None:
    monday = date(2030, 2, 25)
    table = analysis.retention(
        history(
            [
                bucket(monday, 3, mode=Stage.CHOICE, state=CardState.NEW),
                bucket(monday, 1, mode=Stage.CHOICE, state=CardState.NEW, passed=False),
                bucket(monday, 1, state=CardState.LEARNING, passed=False),
                bucket(monday, 1),
            ]
        )
    )
    assert table.loc[pd.Timestamp(monday), "accuracy choice"] == 0.75
    assert table.loc[pd.Timestamp(monday), "accuracy typing"] == 0.5


def test_retention_weeks_start_on_monday() -> None:
    table = analysis.retention(history([bucket(date(2030, 2, 28), 1)]))
    assert list(table.index) == [pd.Timestamp(2030, 2, 25)]


def test_forecast_runs_from_today_with_idle_days_as_zero() -> None:
    today = day_number(TODAY)
    frame = analysis.forecast(history(forecast={today: 7, today + 2: 3}))
    assert list(frame.index.date) == [TODAY + timedelta(days=d) for d in range(3)]
    assert list(frame["due"]) == [7, 0, 3]


def test_words_learned_accumulate_by_level_up_to_today() -> None:
    first = date(2030, 2, 27)
    table = analysis.learned(
        history(
            learned=[
                (day_number(first), "A1", 2),
                (day_number(first), "B1", 1),
                (day_number(first + timedelta(days=1)), "A1", 3),
                (day_number(first + timedelta(days=1)), "", 1),
            ]
        )
    )
    assert list(table.columns) == ["A1", "B1", "?"]
    assert table["A1"].tolist() == [2, 5, 5]
    assert table["B1"].tolist() == [1, 1, 1]
    assert table.index[-1].date() == TODAY


def test_hardest_words_keep_the_service_order_with_meanings_joined() -> None:
    table = analysis.hardest(
        history(
            hardest=[
                HardWord(1, "queso", ("cheese",), 5, 9.87),
                HardWord(2, "banco", ("bank", "bench"), 2, 7.0),
            ]
        )
    )
    assert table.to_dict("records") == [
        {"word": "queso", "meanings": "cheese", "lapses": 5, "difficulty": 9.9},
        {"word": "banco", "meanings": "bank; bench", "lapses": 2, "difficulty": 7.0},
    ]


def test_summary_counts_the_current_streak_in_study_days() -> None:
    days = [TODAY - timedelta(days=d) for d in (0, 1, 2, 5)]
    frames = analysis.progress_frames(history([bucket(day, 1) for day in days]))
    assert frames.summary["current streak"] == 3
    assert frames.summary["days studied"] == 4
    assert frames.summary["answers"] == 4


def test_summary_true_retention_covers_typed_reviews_of_the_last_30_days() -> None:
    frames = analysis.progress_frames(
        history(
            [
                bucket(TODAY, 3),
                bucket(TODAY, 1, passed=False),
                bucket(TODAY, 5, passed=False, mode=Stage.CHOICE, state=CardState.NEW),
                bucket(TODAY - timedelta(days=40), 9, passed=False),
            ]
        )
    )
    assert frames.summary["true retention, last 30 days"] == "75%"


def test_a_profile_without_answers_gives_empty_tables_not_errors() -> None:
    frames = analysis.progress_frames(history())
    assert frames.reviews_per_day["reviews"].sum() == 0
    assert frames.retention.empty
    assert frames.learned.empty
    assert frames.hardest.empty
    assert frames.summary["current streak"] == 0
    assert frames.summary["true retention, last 30 days"] == ""


async def test_reviews_per_day_of_the_demo_count_every_logged_answer(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    frames = await analysis.load_progress(demo_core, built_demo.profile_id)
    assert frames.reviews_per_day["reviews"].sum() == built_demo.reviews
    assert frames.reviews_per_day.index[-1].date() == NOW.date()
    assert len(frames.forecast) == 30


async def test_the_simulated_history_reads_the_same_on_each_backend(database: Database) -> None:
    core = Core(database, load_settings(), clock=lambda: NOW)
    demo = await populate_demo(core, SMALL_LEARNER, now=NOW)
    frames = await analysis.load_progress(core, demo.profile_id)
    async with database.session() as session:
        logged = (await session.execute(select(func.count()).select_from(Review))).scalar_one()
    assert frames.reviews_per_day["reviews"].sum() == logged == demo.reviews
    rates = frames.retention.stack().dropna()  # a week without reviews of a kind: unknown
    assert ((rates >= 0) & (rates <= 1)).all()
    assert frames.learned.iloc[-1].sum() > 0
    assert frames.summary["lessons"] > 0
    assert len(frames.answers) == demo.reviews
    assert frames.answers["days since previous"].notna().sum() > 0
    assert frames.young_mature["answers"].sum() > 0
