"""What every chart shares: figure size and margins, date ticks, percentages, the legend's place,
and the picture formats (SVG for the dashboard, crisp at any zoom; PNG at 144 dpi for files).

Figures are built with the object-oriented API (`Figure()`, never pyplot), so they hold no global
state, work under any backend (Agg in tests and scripts) and can be saved with `fig.savefig(...)`.
"""

from __future__ import annotations

import io

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

WIDTH = 9.0
MAX_DATE_TICKS = 6
LONG_SPAN_DAYS = 180
MARKER_POINTS = 26
PNG_DPI = 144
LEGEND_RIGHT = 0.8
"""With a legend the axes end at 80 % of the width: the legend stands beside the data, never on it."""


def figure(
    height: float, *, left: float = 0.07, bottom: float = 0.2, legend: bool = False
) -> Figure:
    """A figure with fixed margins: a layout engine would double the drawing time."""
    made = Figure(figsize=(WIDTH, height))
    right = LEGEND_RIGHT if legend else 0.98
    made.subplots_adjust(left=left, right=right, bottom=bottom, top=0.88, wspace=0.25)
    return made


def legend_beside(axes: Axes) -> None:
    """The legend to the right of the axes (a short history would hide under it otherwise)."""
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize="small")


def legend_below(axes: Axes) -> None:
    """The legend under the axes, for side-by-side charts that have no room beside them."""
    axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.14),
        ncol=2,
        frameon=False,
        fontsize="small",
    )


def percent_axis(axes: Axes) -> None:
    """Shares on the y axis read "80%", not 0.8."""
    axes.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))


def dates(axes: Axes, index: pd.Index, ticks: int = MAX_DATE_TICKS) -> None:
    """A few evenly spread, unrotated date ticks (rotated labels cost a second layout pass): day
    and month for a few months of data, month and year beyond."""
    if len(index) == 0:
        return
    span = index.max() - index.min()
    layout = "%b %Y" if span > pd.Timedelta(days=LONG_SPAN_DAYS) else "%d %b"
    spots = np.linspace(0, len(index) - 1, min(ticks, len(index))).round().astype(int)
    chosen = pd.DatetimeIndex(index[np.unique(spots)])
    axes.set_xticks(list(chosen.to_pydatetime()), [day.strftime(layout) for day in chosen])


def line(axes: Axes, series: pd.Series, label: str) -> None:
    """A line, with point markers only when there are few points (markers are slow to draw)."""
    marker = "o" if series.count() <= MARKER_POINTS else None
    axes.plot(series.index, series, marker=marker, markersize=3, label=label)


def empty(made: Figure, message: str) -> Figure:
    axes = made.add_subplot()
    axes.text(0.5, 0.5, message, ha="center", va="center", color="grey")
    axes.set_axis_off()
    return made


def svg(made: Figure) -> bytes:
    """The figure as SVG (text kept as text): sharp at any size, what the dashboard shows."""
    buffer = io.BytesIO()
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "words-tui"}):
        made.savefig(buffer, format="svg")
    return buffer.getvalue()


def png(made: Figure, dpi: int = PNG_DPI) -> bytes:
    """The figure as PNG bytes, at 144 dpi so it stays crisp on high-density screens."""
    buffer = io.BytesIO()
    made.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
