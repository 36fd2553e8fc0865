"""Progress as pandas DataFrames: the plain functions under the dashboard, usable from a script.

    frames = await load_progress(core, profile_id)
    frames.reviews_per_day.tail()
    frames.retention            # week by week, by direction and by mode

The counting happens in SQL (`services.progress_history`, one scan of the review log); pandas
only shapes results that are already small — one row per study day, direction, mode and outcome.
Days are the learner's study days (time zone and day-start hour of the profile).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from words_tui.domain.enums import CardState, Direction, Level, Stage
from words_tui.domain.study_days import day_from_number, streaks
from words_tui.notebook import study_stats
from words_tui.notebook.labels import direction_label, status_label
from words_tui.notebook.tables import answers_frame, cards_frame
from words_tui.services import Core
from words_tui.services.stats import AnswerRecord, CardRecord, ProgressHistory

MODE_NAMES = {Stage.CHOICE: "choice", Stage.TYPING: "typing"}
RECENT_DAYS = 30


@dataclass(frozen=True)
class ProgressFrames:
    """Every table the dashboard shows; each is an ordinary DataFrame (or Series)."""

    history: ProgressHistory
    summary: pd.Series
    status: pd.Series
    reviews_per_day: pd.DataFrame
    retention: pd.DataFrame
    forecast: pd.DataFrame
    learned: pd.DataFrame
    hardest: pd.DataFrame
    answers: pd.DataFrame
    """Every answer (local times), see `tables.answers_frame`."""
    cards: pd.DataFrame
    """Every card now, see `tables.cards_frame`."""
    today: pd.Series
    study_time: pd.Series
    by_hour: pd.DataFrame
    young_mature: pd.DataFrame

    def within(self, days: int | None) -> ProgressFrames:
        """The same frames, the ones over time cut to the last `days` study days (None: all):
        what the dashboard's period choice shows. Cards, forecast and today stay as they are."""
        start = study_stats.since(days, self.history.today)
        if start is None:
            return self
        answers = self.answers[
            study_stats.study_days(self.answers["time"], self.history.calendar) >= start
        ]
        return replace(
            self,
            reviews_per_day=self.reviews_per_day[self.reviews_per_day.index >= start],
            retention=self.retention[self.retention.index >= start - pd.Timedelta(days=6)],
            learned=self.learned[self.learned.index >= start],
            answers=answers,
            study_time=self.study_time[self.study_time.index >= start],
            by_hour=study_stats.by_hour(answers),
            young_mature=study_stats.young_mature(answers),
        )


def _days(start: date, end: date) -> pd.DatetimeIndex:
    return pd.date_range(start, end, freq="D", name="day")


def bucket_frame(history: ProgressHistory) -> pd.DataFrame:
    """The review buckets as a frame: one row per (day, direction, mode, state before, outcome)."""
    columns = ["day", "direction", "mode", "state_before", "passed", "count"]
    rows = [
        (day_from_number(b.day), b.direction, b.mode, b.state_before, b.passed, b.count)
        for b in history.buckets
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame["day"] = pd.to_datetime(frame["day"])
    return frame


def _in_review(buckets: pd.DataFrame) -> pd.DataFrame:
    """Typed answers to cards in the review state: what true retention counts."""
    return buckets[
        (buckets["state_before"] == CardState.REVIEW) & (buckets["mode"] == Stage.TYPING)
    ]


def reviews_per_day(history: ProgressHistory, buckets: pd.DataFrame | None = None) -> pd.DataFrame:
    """Answers per study day (every day from the first to today, zero when idle): all, passed,
    multiple choice, typed, and the share passed."""
    buckets = bucket_frame(history) if buckets is None else buckets
    columns = ["reviews", "passed", "choice", "typing"]
    if buckets.empty:
        idle = pd.DataFrame(0, index=_days(history.today, history.today), columns=columns)
        return idle.assign(accuracy=float("nan"))
    counts = buckets.assign(
        passed_count=buckets["count"].where(buckets["passed"], 0),
        choice=buckets["count"].where(buckets["mode"] == Stage.CHOICE, 0),
        typing=buckets["count"].where(buckets["mode"] == Stage.TYPING, 0),
    )
    daily = counts.groupby("day")[["count", "passed_count", "choice", "typing"]].sum()
    daily.columns = pd.Index(columns)
    daily = daily.reindex(_days(daily.index.min().date(), history.today), fill_value=0)
    daily["accuracy"] = daily["passed"] / daily["reviews"].where(daily["reviews"] > 0)
    return daily


def retention(
    history: ProgressHistory, freq: str = "W", buckets: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per week (or `freq`): true retention by direction — passed ÷ typed reviews of cards in the
    review state — and accuracy by mode, since multiple-choice cards never reach that state."""
    buckets = bucket_frame(history) if buckets is None else buckets
    if buckets.empty:
        return pd.DataFrame()
    periods = buckets["day"].dt.to_period(freq).dt.start_time
    frame = buckets.assign(period=periods, ok=buckets["count"].where(buckets["passed"], 0))
    in_review = _in_review(frame)
    langs = (history.native_lang, history.target_lang)
    parts = {
        f"retention {direction_label(Direction(d), *langs)}": _rate(group)
        for d, group in in_review.groupby("direction")
    }
    parts["retention (both)"] = _rate(in_review)
    parts.update(
        {f"accuracy {MODE_NAMES[Stage(m)]}": _rate(group) for m, group in frame.groupby("mode")}
    )
    table = pd.DataFrame(parts)
    table.index.name = "period"
    return table.sort_index()


def _rate(frame: pd.DataFrame) -> pd.Series:
    sums = frame.groupby("period")[["ok", "count"]].sum()
    return sums["ok"] / sums["count"]


def forecast(history: ProgressHistory) -> pd.DataFrame:
    """Cards due per study day for the coming days; today includes everything overdue."""
    days = sorted(history.forecast)
    if not days:
        return pd.DataFrame({"due": []}, index=pd.DatetimeIndex([], name="day"))
    index = pd.DatetimeIndex([day_from_number(d) for d in days], name="day")
    frame = pd.DataFrame({"due": [history.forecast[d] for d in days]}, index=index)
    return frame.reindex(_days(history.today, index.max().date()), fill_value=0)


def learned(history: ProgressHistory) -> pd.DataFrame:
    """Words learned up to each day, by CEFR level (a word is learned the day it is first
    recalled by typing from long-term memory); levels as columns, "?" for words without one."""
    if not history.learned:
        return pd.DataFrame(index=pd.DatetimeIndex([], name="day"))
    frame = pd.DataFrame(list(history.learned), columns=["day", "level", "words"])
    frame["day"] = pd.to_datetime(frame["day"].map(day_from_number))
    frame["level"] = frame["level"].replace("", "?")
    table = frame.pivot_table(index="day", columns="level", values="words", aggfunc="sum")
    order = [level.value for level in Level if level.value in table.columns]
    table = table[order + [c for c in table.columns if c not in order]]
    table = table.reindex(_days(table.index.min().date(), history.today), fill_value=0)
    table.columns.name = "level"
    return table.fillna(0).cumsum().astype(int)


def hardest(history: ProgressHistory) -> pd.DataFrame:
    """The words forgotten most often, with their FSRS difficulty (1–10)."""
    return pd.DataFrame(
        [
            {
                "word": word.word,
                "meanings": "; ".join(word.meanings),
                "lapses": word.lapses,
                "difficulty": round(word.difficulty, 1),
            }
            for word in history.hardest
        ],
        columns=["word", "meanings", "lapses", "difficulty"],
    )


def status_counts(history: ProgressHistory) -> pd.Series:
    return pd.Series(
        {status_label(status): count for status, count in history.status_counts.items()},
        name="words",
    )


def summary(history: ProgressHistory, buckets: pd.DataFrame, daily: pd.DataFrame) -> pd.Series:
    """The headline numbers: words, answers, streaks, lessons, true retention of the last 30 days."""
    studied = [day.date() for day in daily.index[daily["reviews"] > 0]]
    streak = streaks(studied, history.today)
    since = pd.Timestamp(history.today) - pd.Timedelta(days=RECENT_DAYS - 1)
    recent = _in_review(buckets[buckets["day"] >= since])
    answered = int(recent["count"].sum())
    passed = int(recent["count"].where(recent["passed"], 0).sum())
    return pd.Series(
        {
            "words": sum(history.status_counts.values()),
            "answers": int(daily["reviews"].sum()),
            "answers, last 30 days": int(daily.tail(RECENT_DAYS)["reviews"].sum()),
            "days studied": len(studied),
            "current streak": streak.current,
            "longest streak": streak.longest,
            "lessons": history.lessons,
            "true retention, last 30 days": study_stats.percent(passed / answered)
            if answered
            else "",
        },
        name=history.profile_name,
        dtype=object,
    )


def progress_frames(
    history: ProgressHistory,
    answers: Sequence[AnswerRecord] = (),
    cards: Sequence[CardRecord] = (),
) -> ProgressFrames:
    """Every DataFrame of the dashboard from one `ProgressHistory` and the answers and cards."""
    buckets = bucket_frame(history)
    daily = reviews_per_day(history, buckets)
    table = retention(history, buckets=buckets)
    zone, langs = history.calendar.zone, (history.native_lang, history.target_lang)
    log = answers_frame(answers, zone, *langs)
    return ProgressFrames(
        history=history,
        summary=summary(history, buckets, daily),
        status=status_counts(history),
        reviews_per_day=daily,
        retention=table,
        forecast=forecast(history),
        learned=learned(history),
        hardest=hardest(history),
        answers=log,
        cards=cards_frame(cards, zone, *langs),
        today=study_stats.today(log, history.calendar, history.today),
        study_time=study_stats.study_time(log, history.calendar, history.today),
        by_hour=study_stats.by_hour(log),
        young_mature=study_stats.young_mature(log),
    )


async def load_progress(
    core: Core, profile_id: int, days: int | None = None, *, details: bool = True
) -> ProgressFrames:
    """Query the profile's history as of the core's clock and shape it (the one call a script
    needs), cut to the last `days` study days; with `details`, also the period's answers and
    every card (`load_details`)."""
    history = await core.stats.history(profile_id)
    frames = progress_frames(history).within(days)
    return await load_details(core, frames, days) if details else frames


async def load_details(
    core: Core, frames: ProgressFrames, days: int | None = None
) -> ProgressFrames:
    """`frames` with the answers of the last `days` study days (read no further back: a long
    log stays quick) and every card — what the Anki-style statistics are drawn from."""
    history = frames.history
    start = study_stats.since(days, history.today)
    since = None if start is None else history.calendar.start_of(start.date())
    answers = await core.stats.answers(history.profile_id, since)
    cards = await core.stats.cards(history.profile_id)
    return progress_frames(history, answers, cards).within(days)
