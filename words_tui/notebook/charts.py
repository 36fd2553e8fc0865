"""Matplotlib figures of the progress DataFrames; each function takes frames, returns a Figure.

Figures are built with the object-oriented API (`Figure()`, never pyplot), so they hold no global
state, work under any backend (Agg in tests and scripts) and can be saved with `fig.savefig(...)`.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from words_tui.notebook.analysis import ProgressFrames

WIDTH = 9.0
HEATMAP_WEEKS = 53
MAX_DATE_TICKS = 6
LONG_SPAN_DAYS = 180
MARKER_POINTS = 26
LEVEL_COLOURS = {
    "A1": "#9ecae1",
    "A2": "#6baed6",
    "B1": "#4292c6",
    "B2": "#2171b5",
    "C1": "#08519c",
    "C2": "#08306b",
}


def _figure(height: float, *, left: float = 0.07, bottom: float = 0.2) -> Figure:
    """A figure with fixed margins: a layout engine would double the drawing time."""
    figure = Figure(figsize=(WIDTH, height))
    figure.subplots_adjust(left=left, right=0.98, bottom=bottom, top=0.88, wspace=0.08)
    return figure


def _dates(axes: Axes, index: pd.Index, ticks: int = MAX_DATE_TICKS) -> None:
    """A few evenly spread, unrotated date ticks (rotated labels cost a second layout pass): day
    and month for a few months of data, month and year beyond."""
    if len(index) == 0:
        return
    span = index.max() - index.min()
    layout = "%b %Y" if span > pd.Timedelta(days=LONG_SPAN_DAYS) else "%d %b"
    spots = np.linspace(0, len(index) - 1, min(ticks, len(index))).round().astype(int)
    chosen = pd.DatetimeIndex(index[np.unique(spots)])
    axes.set_xticks(list(chosen.to_pydatetime()), [day.strftime(layout) for day in chosen])


def _line(axes: Axes, series: pd.Series, label: str) -> None:
    """A line, with point markers only when there are few points (markers are slow to draw)."""
    marker = "o" if series.count() <= MARKER_POINTS else None
    axes.plot(series.index, series, marker=marker, markersize=3, label=label)


def _empty(figure: Figure, message: str) -> Figure:
    axes = figure.add_subplot()
    axes.text(0.5, 0.5, message, ha="center", va="center", color="grey")
    axes.set_axis_off()
    return figure


def reviews_per_day_chart(frames: ProgressFrames) -> Figure:
    """Answers per day (choice and typing stacked) with a 7-day average."""
    figure = _figure(3.2)
    daily = frames.reviews_per_day
    if daily["reviews"].sum() == 0:
        return _empty(figure, "no answers yet")
    axes = figure.add_subplot()
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
    axes.legend(loc="upper left", frameon=False)
    _dates(axes, daily.index)
    return figure


def calendar_heatmap(frames: ProgressFrames) -> Figure:
    """The last year of study days, one square per day (weeks across, Monday on top)."""
    figure = _figure(2.2, left=0.05, bottom=0.12)
    end = pd.Timestamp(frames.history.today)
    first = end - pd.Timedelta(days=end.weekday()) - pd.Timedelta(weeks=HEATMAP_WEEKS - 1)
    counts = frames.reviews_per_day["reviews"].reindex(pd.date_range(first, end), fill_value=0)
    grid = np.full((7, HEATMAP_WEEKS), np.nan)
    for day, count in counts.items():
        grid[day.weekday(), (day - first).days // 7] = count
    axes = figure.add_subplot()
    axes.imshow(np.ma.masked_invalid(grid), aspect="equal", cmap="Greens", vmin=0)
    axes.set_yticks([0, 2, 4, 6], ["Mon", "Wed", "Fri", "Sun"])
    mondays = pd.date_range(first, end, freq="W-MON")
    starts = [week for week, monday in enumerate(mondays) if monday.day <= 7]
    axes.set_xticks(starts, [mondays[week].strftime("%b") for week in starts])
    busiest = int(np.nanmax(grid)) if np.isfinite(grid).any() else 0
    axes.set_title(f"Study calendar: answers per day (darkest: {busiest:,})")
    return figure


def retention_chart(frames: ProgressFrames) -> Figure:
    """True retention by direction (left) and accuracy by mode (right), week by week."""
    figure = _figure(3.2)
    table = frames.retention
    if table.empty:
        return _empty(figure, "no answers yet")
    left, right = figure.subplots(1, 2, sharey=True)
    for name in [c for c in table.columns if c.startswith("retention")]:
        _line(left, table[name], name.removeprefix("retention "))
    left.set_title("True retention (typed, cards in review)")
    for name in [c for c in table.columns if c.startswith("accuracy")]:
        _line(right, table[name], name.removeprefix("accuracy "))
    right.set_title("Accuracy by mode")
    lowest = float(np.nanmin(table.to_numpy()))
    for axes in (left, right):
        axes.set_ylim(min(0.5, lowest - 0.05), 1.02)
        axes.legend(loc="lower left", frameon=False, fontsize="small")
        _dates(axes, table.index, ticks=MAX_DATE_TICKS // 2)
    return figure


def forecast_chart(frames: ProgressFrames) -> Figure:
    """Cards due on each of the coming days (today includes the backlog)."""
    figure = _figure(3.0)
    due = frames.forecast
    if due.empty or due["due"].sum() == 0:
        return _empty(figure, "nothing due in the next 30 days")
    axes = figure.add_subplot()
    axes.bar(due.index, due["due"], color="#6baed6")
    axes.set_ylabel("cards due")
    axes.set_title("Due in the next 30 days")
    _dates(axes, due.index)
    return figure


def learned_chart(frames: ProgressFrames) -> Figure:
    """Words learned over time, stacked by CEFR level."""
    figure = _figure(3.2)
    table = frames.learned
    if table.empty:
        return _empty(figure, "no word recalled from long-term memory yet")
    axes = figure.add_subplot()
    colours = [LEVEL_COLOURS.get(str(level), "#bdbdbd") for level in table.columns]
    axes.stackplot(
        table.index, table.T.to_numpy(), labels=[str(c) for c in table.columns], colors=colours
    )
    axes.set_ylabel("words")
    axes.set_title("Words learned, by level")
    axes.legend(loc="upper left", frameon=False)
    _dates(axes, table.index)
    return figure


def hardest_chart(frames: ProgressFrames) -> Figure:
    """The most-forgotten words by lapses."""
    table = frames.hardest
    figure = _figure(0.8 + 0.28 * max(len(table), 1), left=0.2, bottom=0.12)
    if table.empty or table["lapses"].sum() == 0:
        return _empty(figure, "no word forgotten yet")
    axes = figure.add_subplot()
    ordered = table.iloc[::-1]
    axes.barh(ordered["word"], ordered["lapses"], color="#fb6a4a")
    axes.set_xlabel("times forgotten (lapses)")
    axes.set_title("Hardest words")
    return figure


CHARTS: dict[str, Callable[[ProgressFrames], Figure]] = {
    "answers per day": reviews_per_day_chart,
    "calendar": calendar_heatmap,
    "retention": retention_chart,
    "forecast": forecast_chart,
    "learned": learned_chart,
    "hardest words": hardest_chart,
}


def all_charts(frames: ProgressFrames) -> dict[str, Figure]:
    """Every dashboard figure by name."""
    return {name: chart(frames) for name, chart in CHARTS.items()}


def png(figure: Figure, dpi: int = 90) -> bytes:
    """The figure as PNG bytes (what the dashboard's image widgets show)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
