"""Text charts for the statistics screen: a column chart (the 30-day forecast) and a year heatmap.

Both take plain numbers and draw with block characters, so they work in any terminal and in
snapshot tests; colours come from the theme.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from textual.content import Content
from textual.widgets import Static

EIGHTHS = " ▁▂▃▄▅▆▇█"
HEAT_LEVELS = ("·", "░", "▒", "▓", "█")
HEAT_STYLES = (
    "$text-muted",
    "$success-darken-3",
    "$success-darken-2",
    "$success-darken-1",
    "$success",
)
DAYS_PER_WEEK = 7


def column_rows(values: Sequence[int], height: int) -> list[str]:
    """Rows (top first) of a column chart `height` characters tall, one column per value,
    scaled so the largest value fills the height; a non-zero value shows at least a sliver."""
    top = max(values, default=0)
    rows: list[str] = []
    for level in range(height, 0, -1):
        row = []
        for value in values:
            eighths = round(value / top * height * 8) if top else 0
            if value and not eighths:
                eighths = 1
            filled = eighths - (level - 1) * 8
            row.append(EIGHTHS[max(0, min(8, filled))])
        rows.append("".join(row))
    return rows


def heat_level(count: int, top: int) -> int:
    """0 for no reviews, else 1–4 by quarter of the busiest day."""
    if count <= 0 or top <= 0:
        return 0
    return min(len(HEAT_LEVELS) - 1, 1 + (count * 4 - 1) // top)


def heat_grid(days: Sequence[tuple[date, int]]) -> list[list[int | None]]:
    """Seven rows (Monday first) of week columns; None where the span has no day."""
    if not days:
        return [[] for _ in range(DAYS_PER_WEEK)]
    first = days[0][0] - timedelta(days=days[0][0].weekday())
    weeks = (days[-1][0] - first).days // DAYS_PER_WEEK + 1
    grid: list[list[int | None]] = [[None] * weeks for _ in range(DAYS_PER_WEEK)]
    top = max(count for _, count in days)
    for day, count in days:
        offset = (day - first).days
        grid[day.weekday()][offset // DAYS_PER_WEEK] = heat_level(count, top)
    return grid


class ColumnChart(Static):
    """Columns with a caption of the largest value; one column per value."""

    DEFAULT_CSS = """
    ColumnChart { height: auto; color: $accent; }
    """

    def __init__(self, height: int = 5, bar_width: int = 2, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.chart_height = height
        self.bar_width = bar_width

    def plot(
        self, values: Sequence[int], first_label: str, last_label: str, top_label: str
    ) -> None:
        """Columns of `values`, the axis labelled at both ends, `top_label` (the largest value
        as the interface language writes it) beside the top row."""
        rows = [
            "".join(char * self.bar_width for char in row)
            for row in column_rows(values, self.chart_height)
        ]
        width = len(values) * self.bar_width
        axis = first_label + last_label.rjust(max(0, width - len(first_label)))
        lines = [
            Content(f"{row} {top_label if index == 0 else ''}") for index, row in enumerate(rows)
        ]
        lines.append(Content.styled(axis, "dim"))
        self.update(Content("\n").join(lines))


class Heatmap(Static):
    """A year of daily counts as seven rows of weeks, darker for busier days."""

    DEFAULT_CSS = """
    Heatmap { height: auto; }
    """

    def plot(self, days: Sequence[tuple[date, int]], weekday_names: Sequence[str]) -> None:
        lines: list[Content] = []
        for weekday, row in enumerate(heat_grid(days)):
            parts: list[str | tuple[str, str]] = [f"{weekday_names[weekday]:<3}"]
            for level in row:
                if level is None:
                    parts.append(" ")
                else:
                    parts.append((HEAT_LEVELS[level], HEAT_STYLES[level]))
            lines.append(Content.assemble(*parts))
        self.update(Content("\n").join(lines))
