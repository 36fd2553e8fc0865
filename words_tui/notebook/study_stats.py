"""Anki-style statistics from the answers and cards tables: today, study time per day, answers by
hour, young vs mature retention, and percentages as a learner reads them.

Plain functions of the DataFrames of `tables` (times already local), so a script gets the same
numbers as the dashboard. A study day starts at the profile's day-start hour.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from words_tui.domain.study_days import StudyCalendar

MATURE_DAYS = 21.0
"""Anki's line between young and mature: the previous answer was at least 21 days earlier."""


def percent(value: float | None) -> str:
    """0.832 → "83%"; blank when there is nothing to divide."""
    return "" if value is None or pd.isna(value) else f"{value:.0%}"


def study_days(times: pd.Series, calendar: StudyCalendar) -> pd.Series:
    """The study day (midnight timestamps) each local time belongs to."""
    return (times - pd.Timedelta(hours=calendar.day_start_hour)).dt.normalize()


def today(answers: pd.DataFrame, calendar: StudyCalendar, day: date) -> pd.Series:
    """Today's answers, time spent, accuracy, "again" ratings and new cards seen."""
    done = answers[study_days(answers["time"], calendar) == pd.Timestamp(day)]
    count = len(done)
    return pd.Series(
        {
            "answers": count,
            "minutes": round(done["seconds"].sum() / 60, 1),
            "accuracy": percent(done["passed"].mean() if count else None),
            "again": int((done["rating"] == "again").sum()),
            "new cards seen": int((done["state before"] == "new").sum()),
        },
        name=f"today ({day:%Y-%m-%d})",
        dtype=object,
    )


def study_time(answers: pd.DataFrame, calendar: StudyCalendar, end: date) -> pd.Series:
    """Minutes spent answering on each study day, from the first to `end` (zero when idle)."""
    if answers.empty:
        return pd.Series(dtype=float, name="minutes", index=pd.DatetimeIndex([], name="day"))
    days = study_days(answers["time"], calendar)
    minutes = answers["seconds"].groupby(days).sum() / 60
    index = pd.date_range(days.min(), pd.Timestamp(end), freq="D", name="day")
    return minutes.reindex(index, fill_value=0.0).rename("minutes")


def by_hour(answers: pd.DataFrame) -> pd.DataFrame:
    """Answers and accuracy for each hour of the day (local time), 0–23."""
    hours = answers["time"].dt.hour
    table = answers.groupby(hours)["passed"].agg(["count", "mean"])
    table = table.reindex(range(24), fill_value=0)
    table.index.name = "hour"
    return table.rename(columns={"count": "answers", "mean": "accuracy"})


def young_mature(answers: pd.DataFrame, mature_days: float = MATURE_DAYS) -> pd.DataFrame:
    """True retention of typed answers to cards in review, split by the time since the card's
    previous answer: young (< 21 days) and mature (≥ 21 days)."""
    typed = answers[
        (answers["mode"] == "typed")
        & (answers["state before"] == "review")
        & answers["days since previous"].notna()
    ]
    mature = typed["days since previous"] >= mature_days
    rows = {}
    for name, part in (("young", typed[~mature]), ("mature", typed[mature])):
        rows[name] = {
            "answers": len(part),
            "passed": int(part["passed"].sum()),
            "retention": part["passed"].mean() if len(part) else float("nan"),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def since(days: int | None, end: date) -> pd.Timestamp | None:
    """The first day of a period of `days` ending at `end` (None: all of it)."""
    return None if days is None else pd.Timestamp(end - timedelta(days=days - 1))
