"""Matplotlib figures of the progress DataFrames; each function takes frames, returns a Figure.

The shared pieces (margins, legend beside the axes, percentages, SVG/PNG) are in `chart_parts`;
the Anki-style statistics (study time, hours, memory distributions, young vs mature) in
`stats_charts`. `CHARTS` names them all, in the dashboard's order.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from words_tui.notebook import stats_charts
from words_tui.notebook.analysis import ProgressFrames
from words_tui.notebook.chart_parts import (
    MAX_DATE_TICKS,
    dates,
    empty,
    figure,
    legend_below,
    legend_beside,
    line,
    percent_axis,
    png,
    svg,
)

__all__ = ["CHARTS", "DETAIL_CHARTS", "HISTORY_CHARTS", "all_charts", "png", "svg"]

MAX_WEEKS = 53
MIN_WEEKS = 8
LEVEL_COLOURS = {
    "A1": "#9ecae1",
    "A2": "#6baed6",
    "B1": "#4292c6",
    "B2": "#2171b5",
    "C1": "#08519c",
    "C2": "#08306b",
}


def reviews_per_day_chart(frames: ProgressFrames) -> Figure:
    """Answers per day (choice and typing stacked) with a 7-day average."""
    made = figure(3.2, legend=True)
    daily = frames.reviews_per_day
    if daily["reviews"].sum() == 0:
        return empty(made, "no answers yet")
    axes = made.add_subplot()
    axes.stackplot(
        daily.index,
        daily["typing"],
        daily["choice"],
        labels=["typed", "multiple choice"],
        colors=["#4292c6", "#c6dbef"],
        step="mid",
    )
    axes.plot(
        daily.index,
        daily["reviews"].rolling(7, min_periods=1).mean(),
        color="#d94801",
        label="7-day average",
    )
    axes.set_ylabel("answers")
    axes.set_title("Answers per day")
    legend_beside(axes)
    dates(axes, daily.index)
    return made


def calendar_weeks(frames: ProgressFrames) -> int:
    """Weeks the calendar spans: the history's, at least 8 (so a new learner's squares stay
    squares of a sensible size) and at most a year."""
    daily = frames.reviews_per_day
    first = daily.index[daily["reviews"] > 0].min() if daily["reviews"].sum() else None
    if first is None or pd.isna(first):
        return MIN_WEEKS
    end = pd.Timestamp(frames.history.today)
    start_week = first - pd.Timedelta(days=first.weekday())
    return int(min(max((end - start_week).days // 7 + 1, MIN_WEEKS), MAX_WEEKS))


def calendar_heatmap(frames: ProgressFrames) -> Figure:
    """The study days of the period, one square per day (weeks across, Monday on top), as many
    weeks as the history has (up to a year)."""
    weeks = calendar_weeks(frames)
    made = figure(2.2, left=0.05, bottom=0.12)
    end = pd.Timestamp(frames.history.today)
    first = end - pd.Timedelta(days=end.weekday()) - pd.Timedelta(weeks=weeks - 1)
    counts = frames.reviews_per_day["reviews"].reindex(pd.date_range(first, end), fill_value=0)
    grid = np.full((7, weeks), np.nan)
    for day, count in counts.items():
        grid[day.weekday(), (day - first).days // 7] = count
    axes = made.add_subplot()
    axes.imshow(np.ma.masked_invalid(grid), aspect="equal", cmap="Greens", vmin=0)
    axes.set_yticks([0, 2, 4, 6], ["Mon", "Wed", "Fri", "Sun"])
    mondays = pd.date_range(first, end, freq="W-MON")
    starts = [week for week, monday in enumerate(mondays) if monday.day <= 7]
    if weeks <= MIN_WEEKS * 2:
        starts = list(range(0, len(mondays), 3))
    layout = "%b" if weeks > MIN_WEEKS * 2 else "%d %b"
    axes.set_xticks(starts, [mondays[week].strftime(layout) for week in starts], fontsize="small")
    busiest = int(np.nanmax(grid)) if np.isfinite(grid).any() else 0
    axes.set_title(f"Study calendar: answers per day (darkest: {busiest:,})")
    return made


def retention_chart(frames: ProgressFrames) -> Figure:
    """True retention by direction (left) and accuracy by mode (right), week by week, against
    the profile's desired retention."""
    made = figure(4.0, bottom=0.34)
    table = frames.retention
    if table.empty:
        return empty(made, "no answers yet")
    left, right = made.subplots(1, 2, sharey=True)
    for name in [c for c in table.columns if c.startswith("retention")]:
        line(left, table[name], name.removeprefix("retention "))
    left.set_title("True retention (typed, cards in review)")
    for name in [c for c in table.columns if c.startswith("accuracy")]:
        line(right, table[name], name.removeprefix("accuracy "))
    right.set_title("Accuracy by mode")
    target = frames.history.desired_retention
    lowest = float(np.nanmin(table.to_numpy()))
    for axes in (left, right):
        axes.axhline(
            target, color="#d94801", linestyle="--", linewidth=1, label=f"target {target:.0%}"
        )
        axes.set_ylim(min(0.5, lowest - 0.05), 1.02)
        percent_axis(axes)
        dates(axes, table.index, ticks=MAX_DATE_TICKS // 2)
    legend_below(left)
    legend_below(right)
    return made


def forecast_chart(frames: ProgressFrames) -> Figure:
    """Cards due on each of the coming days (today includes the backlog)."""
    made = figure(3.0)
    due = frames.forecast
    if due.empty or due["due"].sum() == 0:
        return empty(made, "nothing due in the next 30 days")
    axes = made.add_subplot()
    axes.bar(due.index, due["due"], color="#6baed6")
    axes.set_ylabel("cards due")
    axes.set_title("Due in the next 30 days")
    dates(axes, due.index)
    return made


def learned_chart(frames: ProgressFrames) -> Figure:
    """Words learned over time, stacked by CEFR level."""
    made = figure(3.2, legend=True)
    table = frames.learned
    if table.empty:
        return empty(made, "no word recalled from long-term memory yet")
    axes = made.add_subplot()
    colours = [LEVEL_COLOURS.get(str(level), "#bdbdbd") for level in table.columns]
    axes.stackplot(
        table.index, table.T.to_numpy(), labels=[str(c) for c in table.columns], colors=colours
    )
    axes.set_ylabel("words")
    axes.set_title("Words learned, by level")
    legend_beside(axes)
    dates(axes, table.index)
    return made


def hardest_chart(frames: ProgressFrames) -> Figure:
    """The most-forgotten words by lapses."""
    table = frames.hardest
    made = figure(0.8 + 0.28 * max(len(table), 1), left=0.2, bottom=0.12)
    if table.empty or table["lapses"].sum() == 0:
        return empty(made, "no word forgotten yet")
    axes = made.add_subplot()
    ordered = table.iloc[::-1]
    axes.barh(ordered["word"], ordered["lapses"], color="#fb6a4a")
    axes.set_xlabel("times forgotten (lapses)")
    axes.set_title("Hardest words")
    return made


HISTORY_CHARTS: dict[str, Callable[[ProgressFrames], Figure]] = {
    "answers per day": reviews_per_day_chart,
    "calendar": calendar_heatmap,
    "retention": retention_chart,
    "forecast": forecast_chart,
    "learned": learned_chart,
    "hardest words": hardest_chart,
}
"""The charts of the history's aggregates (quick at any size)."""
DETAIL_CHARTS = stats_charts.CHARTS
"""The charts of the answers and cards themselves (`analysis.load_details`)."""
CHARTS = {**HISTORY_CHARTS, **DETAIL_CHARTS}


def all_charts(frames: ProgressFrames) -> dict[str, Figure]:
    """Every dashboard figure by name."""
    return {name: chart(frames) for name, chart in CHARTS.items()}
