"""ProgressDashboard: a profile's progress as charts and tables, in tabs, refreshed on demand.

    dashboard = ProgressDashboard.for_workspace(ws)
    await dashboard.refresh()
    dashboard

Everything it shows comes from `analysis.progress_frames` and `charts`; the figures are drawn in
a worker thread and shown as PNG images, which every front-end (JupyterLab, Notebook 7, VS Code,
Voilà) displays the same way.
"""

from __future__ import annotations

import asyncio

import ipywidgets as widgets

from words_tui.notebook.analysis import ProgressFrames, load_progress
from words_tui.notebook.charts import CHARTS, png
from words_tui.notebook.fsrs_panel import FsrsPanel
from words_tui.notebook.tasks import Tasks
from words_tui.notebook.ui import StatusLine, table_html
from words_tui.notebook.workspace import Workspace
from words_tui.services import Core

TABS = (
    ("Activity", ("answers per day", "calendar")),
    ("Retention", ("retention",)),
    ("Forecast", ("forecast",)),
    ("Learned", ("learned",)),
    ("Hardest words", ("hardest words",)),
)


def render_charts(frames: ProgressFrames) -> dict[str, bytes]:
    """Every dashboard chart as PNG bytes."""
    return {name: png(chart(frames)) for name, chart in CHARTS.items()}


class ProgressDashboard(widgets.VBox):  # type: ignore[misc]
    """Summary numbers, charts by tab, the hardest words and personal FSRS parameters."""

    def __init__(self, core: Core, profile_id: int) -> None:
        self.core = core
        self.profile_id = profile_id
        self.frames: ProgressFrames | None = None
        self.status = StatusLine()
        self.tasks = Tasks(self.status.error)
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh")
        self.refresh_button.on_click(lambda _: self.tasks.start("refresh", self.refresh()))
        self.summary = widgets.HTML()
        self.hardest_table = widgets.HTML()
        self.images = {name: widgets.Image(format="png") for name in CHARTS}
        self.fsrs = FsrsPanel(core, profile_id)
        pages = [
            widgets.VBox(
                [self.images[name] for name in names]
                + ([self.hardest_table] if title == "Hardest words" else [])
            )
            for title, names in TABS
        ]
        self.tabs = widgets.Tab(
            children=[*pages, self.fsrs], titles=[title for title, _ in TABS] + ["FSRS"]
        )
        super().__init__(
            [widgets.HBox([self.refresh_button, self.status]), self.summary, self.tabs]
        )

    @classmethod
    def for_workspace(cls, workspace: Workspace) -> ProgressDashboard:
        return cls(workspace.core, workspace.profile_id)

    async def refresh(self) -> ProgressFrames:
        """Query the history again and redraw every chart."""
        self.status.show("loading…", "busy")
        self.refresh_button.disabled = True
        try:
            frames = await load_progress(self.core, self.profile_id)
            pictures = await asyncio.to_thread(render_charts, frames)
        finally:
            self.refresh_button.disabled = False
        for name, picture in pictures.items():
            self.images[name].value = picture
        self.summary.value = table_html(
            frames.summary.to_frame().T.assign(**frames.status.to_dict())
        )
        self.hardest_table.value = table_html(frames.hardest)
        self.frames = frames
        self.status.show(f"updated {frames.history.generated_at:%Y-%m-%d %H:%M} UTC", "ok")
        return frames
