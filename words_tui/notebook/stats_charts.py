"""The Anki-style statistics as figures: study time per day, answers by hour, the distributions
of intervals, stability, difficulty and recall probability, young vs mature retention.

Each function takes `ProgressFrames` and returns a matplotlib Figure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from words_tui.notebook.analysis import ProgressFrames
from words_tui.notebook.chart_parts import dates, empty, figure, legend_beside, percent_axis

BINS = 20
COLOUR = "#6baed6"
ACCENT = "#d94801"


def study_time_chart(frames: ProgressFrames) -> Figure:
    """Minutes spent answering each study day, with a 7-day average."""
    made = figure(3.0, legend=True)
    minutes: pd.Series = frames.study_time
    if minutes.empty or minutes.sum() == 0:
        return empty(made, "no answers yet")
    axes = made.add_subplot()
    axes.bar(minutes.index, minutes, color=COLOUR, label="minutes")
    axes.plot(
        minutes.index, minutes.rolling(7, min_periods=1).mean(), color=ACCENT, label="7-day average"
    )
    axes.set_ylabel("minutes")
    axes.set_title(f"Study time per day ({minutes.sum() / 60:,.1f} h in all)")
    legend_beside(axes)
    dates(axes, minutes.index)
    return made


def by_hour_chart(frames: ProgressFrames) -> Figure:
    """Answers for each hour of the day (bars) and their accuracy (line, right axis)."""
    made = figure(3.0, legend=True)
    table: pd.DataFrame = frames.by_hour
    if table["answers"].sum() == 0:
        return empty(made, "no answers yet")
    axes = made.add_subplot()
    axes.bar(table.index, table["answers"], color=COLOUR, label="answers")
    axes.set_xticks(range(0, 24, 3), [f"{hour:02d}:00" for hour in range(0, 24, 3)])
    axes.set_ylabel("answers")
    axes.set_title("Answers by hour of the day")
    share = axes.twinx()
    answered = table["answers"] > 0
    share.plot(
        table.index[answered],
        table["accuracy"][answered],
        "o-",
        color=ACCENT,
        markersize=3,
        label="accuracy",
    )
    share.set_ylim(0, 1.02)
    percent_axis(share)
    lines = axes.get_legend_handles_labels()
    more = share.get_legend_handles_labels()
    axes.legend(
        lines[0] + more[0],
        lines[1] + more[1],
        loc="upper left",
        bbox_to_anchor=(1.08, 1.0),
        frameon=False,
        fontsize="small",
    )
    return made


def _histogram(
    axes: Axes, values: pd.Series, title: str, *, log: bool = False, share: bool = False
) -> None:
    values = values.dropna()
    axes.set_title(f"{title} ({len(values):,} cards)", fontsize="medium")
    if values.empty:
        axes.text(
            0.5, 0.5, "none yet", ha="center", va="center", color="grey", transform=axes.transAxes
        )
        return
    bins: Any = BINS
    if log and values.min() > 0:
        bins = np.geomspace(values.min(), values.max() * 1.001, BINS)
        axes.set_xscale("log")
    axes.hist(values, bins=bins, color=COLOUR)
    if share:
        axes.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    axes.set_ylabel("cards")


def memory_chart(frames: ProgressFrames) -> Figure:
    """How the typed cards stand: intervals, stability, difficulty (1–10) and the probability of
    recalling each one now."""
    made = figure(5.0, bottom=0.1)
    cards: pd.DataFrame = frames.cards
    typed = cards[cards["stability (days)"].notna()] if not cards.empty else cards
    if typed.empty:
        return empty(made, "no card answered by typing yet")
    made.subplots_adjust(hspace=0.55, top=0.92)
    grid = made.subplots(2, 2)
    _histogram(grid[0][0], typed["interval (days)"], "Intervals (days)", log=True)
    _histogram(grid[0][1], typed["stability (days)"], "Stability (days)", log=True)
    _histogram(grid[1][0], typed["difficulty"], "Difficulty (1–10)")
    _histogram(grid[1][1], typed["recall now"], "Recall probability now", share=True)
    return made


def young_mature_chart(frames: ProgressFrames) -> Figure:
    """True retention of young cards (previous answer < 21 days before) and mature ones."""
    made = figure(2.6, left=0.14, legend=True)
    table: pd.DataFrame = frames.young_mature
    if table["answers"].sum() == 0:
        return empty(made, "no typed answer to a card in review yet")
    axes = made.add_subplot()
    labels = [f"{name}\n({count:,} answers)" for name, count in table["answers"].items()]
    shares = table["retention"].fillna(0)
    axes.barh(labels, shares, color=[COLOUR, "#08519c"])
    for position, value in enumerate(table["retention"]):
        if not pd.isna(value):
            axes.text(value + 0.01, position, f"{value:.0%}", va="center")
    target = frames.history.desired_retention
    axes.axvline(target, color=ACCENT, linestyle="--", linewidth=1, label=f"target {target:.0%}")
    legend_beside(axes)
    axes.set_xlim(0, 1.12)
    axes.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    axes.set_title("True retention: young vs mature cards (21 days)")
    return made


CHARTS: dict[str, Callable[[ProgressFrames], Figure]] = {
    "study time": study_time_chart,
    "by hour": by_hour_chart,
    "memory": memory_chart,
    "young vs mature": young_mature_chart,
}
