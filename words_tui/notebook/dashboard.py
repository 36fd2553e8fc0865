"""ProgressDashboard: a profile's progress as charts and tables, in tabs, refreshed on demand.

    dashboard = ProgressDashboard.for_workspace(ws)
    await dashboard.refresh()
    dashboard

Everything it shows comes from `analysis.load_progress` (DataFrames: `dashboard.frames.answers`,
`.cards`, `.reviews_per_day` ...) and `charts`. Choosing the period (1 month, 3 months — the
default —, 1 year, all) loads it again: the answers are read no further back than the period, so a
long history stays quick. The figures are drawn in a worker thread and shown as SVG, sharp at any
zoom, which every front-end (JupyterLab, Notebook 7, VS Code, Voilà) displays.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping

import ipywidgets as widgets
from matplotlib.figure import Figure

from words_tui.notebook.analysis import ProgressFrames, load_details, load_progress
from words_tui.notebook.chart_parts import svg
from words_tui.notebook.charts import CHARTS, DETAIL_CHARTS, HISTORY_CHARTS
from words_tui.notebook.fsrs_panel import FsrsPanel
from words_tui.notebook.labels import WIDE_LABEL, local_time
from words_tui.notebook.tasks import Tasks
from words_tui.notebook.ui import StatusLine, table_html
from words_tui.notebook.workspace import Workspace
from words_tui.services import Core

TABS = (
    ("Today", ("by hour",)),
    ("Activity", ("answers per day", "study time", "calendar")),
    ("Retention", ("retention", "young vs mature")),
    ("Memory", ("memory",)),
    ("Forecast", ("forecast",)),
    ("Learned", ("learned",)),
    ("Hardest words", ("hardest words",)),
)
PERIODS = [("1 month", 30), ("3 months", 91), ("1 year", 365), ("all", 0)]
"""The period's days (0: the whole history)."""
DEFAULT_DAYS = 91


def render_charts(
    frames: ProgressFrames, charts: Mapping[str, Callable[[ProgressFrames], Figure]] = CHARTS
) -> dict[str, bytes]:
    """The dashboard's charts (all of them unless told) as SVG bytes."""
    return {name: svg(chart(frames)) for name, chart in charts.items()}


class ProgressDashboard(widgets.VBox):  # type: ignore[misc]
    """Today's numbers, a summary, charts by tab over a chosen period, the hardest words and
    personal FSRS parameters."""

    def __init__(self, core: Core, profile_id: int) -> None:
        self.core = core
        self.profile_id = profile_id
        self.frames: ProgressFrames | None = None
        self.status = StatusLine()
        self.tasks = Tasks(self.status.error)
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh")
        self.refresh_button.on_click(lambda _: self.tasks.start("refresh", self.refresh()))
        self.period = widgets.ToggleButtons(
            options=PERIODS, value=DEFAULT_DAYS, description="Period", style=WIDE_LABEL
        )
        self.period.observe(lambda _: self.tasks.start("refresh", self.refresh()), names="value")
        self.summary = widgets.HTML()
        self.today = widgets.HTML()
        self.hardest_table = widgets.HTML()
        self.images = {name: widgets.Image(format="svg+xml") for name in CHARTS}
        self.fsrs = FsrsPanel(core, profile_id)
        before = {"Today": [self.today]}
        after = {"Hardest words": [self.hardest_table]}
        pages = [
            widgets.VBox(
                before.get(title, []) + [self.images[n] for n in names] + after.get(title, [])
            )
            for title, names in TABS
        ]
        self.tabs = widgets.Tab(
            children=[*pages, self.fsrs], titles=[title for title, _ in TABS] + ["FSRS"]
        )
        super().__init__(
            [
                widgets.HBox([self.refresh_button, self.period, self.status]),
                self.summary,
                self.tabs,
            ]
        )

    @classmethod
    def for_workspace(cls, workspace: Workspace) -> ProgressDashboard:
        return cls(workspace.core, workspace.profile_id)

    async def refresh(self) -> ProgressFrames:
        """Query the chosen period again and redraw: first the charts of the history's
        aggregates (quick at any size), then those of the answers and cards themselves."""
        self.status.show("loading…", "busy")
        self.refresh_button.disabled = True
        days = self.period.value or None
        try:
            frames = await load_progress(self.core, self.profile_id, days, details=False)
            await self._draw(frames, HISTORY_CHARTS)
            self.summary.value = table_html(
                frames.summary.to_frame().T.assign(**frames.status.to_dict())
            )
            self.hardest_table.value = table_html(frames.hardest)
            self.status.show("reading the answers and cards…", "busy")
            frames = await load_details(self.core, frames, days)
            await self._draw(frames, DETAIL_CHARTS)
        finally:
            self.refresh_button.disabled = False
        self.today.value = table_html(frames.today.to_frame().T, index=True)
        self.frames = frames
        history = frames.history
        moment = local_time(history.generated_at, history.calendar.zone)
        self.status.show(f"updated {moment}", "ok")
        return frames

    async def _draw(
        self, frames: ProgressFrames, charts: Mapping[str, Callable[[ProgressFrames], Figure]]
    ) -> None:
        pictures = await asyncio.to_thread(render_charts, frames, charts)
        for name, picture in pictures.items():
            self.images[name].value = picture
