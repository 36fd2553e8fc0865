"""The dashboard's FSRS tab: fit personal parameters to the learner's history, on request.

Fitting (`core.stats.fit_fsrs`) needs 1,000 typed reviews, compares the fit with FSRS's defaults
on the later part of the log (log loss, lower is better) and keeps the personal parameters only
when they predict better — then reschedules the cards. It changes the learner's schedule, so it
runs when the button is pressed, never on a refresh.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from words_tui.notebook.tasks import Tasks
from words_tui.notebook.ui import StatusLine, table_html
from words_tui.services import Core
from words_tui.services.stats import FitReport

EXPLANATION = (
    "FSRS predicts when you will forget a word from 21 parameters. Its defaults describe an "
    "average learner; with at least 1,000 typed answers they can be fitted to you. The fit is "
    "judged on your latest answers, which it does not see: it is kept only if it predicts them "
    "better than the defaults, and then your cards are rescheduled."
)


def report_frame(report: FitReport) -> pd.DataFrame:
    """The two log losses side by side (lower predicts the held-out answers better)."""
    return pd.DataFrame(
        {
            "parameters": ["FSRS defaults", "personal"],
            "log loss on held-out answers": [report.default_log_loss, report.personal_log_loss],
        }
    )


class FsrsPanel(widgets.VBox):  # type: ignore[misc]
    """A button that fits personal parameters, and what the fit found."""

    def __init__(self, core: Core, profile_id: int) -> None:
        self.core = core
        self.profile_id = profile_id
        self.report: FitReport | None = None
        self.status = StatusLine()
        self.tasks = Tasks(self._failed)
        self.fit_button = widgets.Button(description="Fit personal parameters", icon="cogs")
        self.fit_button.on_click(lambda _: self.tasks.start("fit", self.fit()))
        self.result = widgets.HTML()
        super().__init__(
            [
                widgets.HTML(f"<p>{html.escape(EXPLANATION)}</p>"),
                widgets.HBox([self.fit_button, self.status]),
                self.result,
            ]
        )

    def _failed(self, error: BaseException) -> None:
        self.status.error(error)
        self.fit_button.disabled = False

    async def fit(self) -> FitReport:
        """Fit, compare with the defaults, keep the better ones; show both log losses."""
        self.fit_button.disabled = True
        self.status.show("fitting…", "busy")
        report = await self.core.stats.fit_fsrs(self.profile_id)
        self.report = report
        self.fit_button.disabled = False
        self.status.show(report.message, "ok" if report.kept else "info")
        if report.default_log_loss is None:
            self.result.value = ""
            return report
        parameters = ", ".join(f"{value:.4f}" for value in report.parameters)
        self.result.value = (
            table_html(report_frame(report))
            + f"<p>{report.reviews:,} typed answers; {report.train_items:,} fitted, "
            f"{report.test_items:,} held out; {report.rescheduled:,} cards rescheduled.</p>"
            + f"<p><small>personal parameters: {html.escape(parameters)}</small></p>"
        )
        return report
