"""The dashboard's FSRS tab: fit personal parameters to the learner's history, on request, and
reschedule only when the learner says so.

Fitting (`core.stats.fit_fsrs(keep=False)`) needs 1,000 typed reviews and compares the fit with
FSRS's defaults on the later part of the log (log loss, lower is better). When the personal
parameters predict better, the panel shows both and asks: "Reschedule my cards" keeps them and
reschedules every card (`core.stats.keep_fsrs`), "Keep the defaults" leaves everything as it was.
The counts add up: every typed answer is fitted, held out, or no FSRS item (a card's first answer,
or another one the same day).
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
    "judged on your latest answers, which it does not see. When it predicts them better than the "
    "defaults, you decide whether to reschedule your cards with it."
)


def report_frame(report: FitReport) -> pd.DataFrame:
    """The two log losses side by side (lower predicts the held-out answers better)."""
    return pd.DataFrame(
        {
            "parameters": ["FSRS defaults", "personal"],
            "log loss on held-out answers": [report.default_log_loss, report.personal_log_loss],
        }
    )


def counts_text(report: FitReport) -> str:
    """Where every typed answer went; the parts add up to the whole."""
    return (
        f"{report.reviews:,} typed answers: {report.train_items:,} fitted the parameters, "
        f"{report.test_items:,} were held out to judge them, {report.unused:,} are no FSRS item "
        "(a card's first answer, or another answer the same day)."
    )


class FsrsPanel(widgets.VBox):  # type: ignore[misc]
    """A button that fits personal parameters, what the fit found, and the choice to keep them."""

    def __init__(self, core: Core, profile_id: int) -> None:
        self.core = core
        self.profile_id = profile_id
        self.report: FitReport | None = None
        self.rescheduled: int | None = None
        self.status = StatusLine()
        self.tasks = Tasks(self._failed)
        self.fit_button = widgets.Button(
            description="Fit personal parameters", icon="cogs", layout=widgets.Layout(width="auto")
        )
        self.keep_button = widgets.Button(
            description="Reschedule my cards",
            button_style="warning",
            layout=widgets.Layout(width="auto"),
        )
        self.skip_button = widgets.Button(
            description="Keep the defaults", layout=widgets.Layout(width="auto")
        )
        self.fit_button.on_click(lambda _: self.tasks.start("fit", self.fit()))
        self.keep_button.on_click(lambda _: self.tasks.start("keep", self.keep()))
        self.skip_button.on_click(lambda _: self.skip())
        self.question = widgets.HBox([self.keep_button, self.skip_button])
        self.question.layout.display = "none"
        self.result = widgets.HTML()
        super().__init__(
            [
                widgets.HTML(f"<p>{html.escape(EXPLANATION)}</p>"),
                widgets.HBox([self.fit_button, self.status]),
                self.result,
                self.question,
            ]
        )

    def _failed(self, error: BaseException) -> None:
        self.status.error(error)
        self.fit_button.disabled = False
        self.keep_button.disabled = False

    def _ask(self, asking: bool) -> None:
        self.question.layout.display = "" if asking else "none"
        self.keep_button.disabled = not asking

    async def fit(self) -> FitReport:
        """Fit and compare with the defaults; show both log losses, change nothing yet."""
        self.fit_button.disabled = True
        self._ask(False)
        self.status.show("fitting…", "busy")
        report = await self.core.stats.fit_fsrs(self.profile_id, keep=False)
        self.report, self.rescheduled = report, None
        self.fit_button.disabled = False
        self.status.show(report.message, "ok" if report.better else "info")
        if report.default_log_loss is None:
            self.result.value = ""
            return report
        parameters = ", ".join(f"{value:.4f}" for value in report.parameters)
        self.result.value = (
            table_html(report_frame(report))
            + f"<p>{html.escape(counts_text(report))}</p>"
            + f"<p><small>personal parameters: {html.escape(parameters)}</small></p>"
        )
        self._ask(report.better)
        return report

    async def keep(self) -> int:
        """Keep the fitted parameters and reschedule every card (after the learner said so)."""
        report = self.report
        if report is None or not report.better:
            raise ValueError("fit personal parameters first")
        self.keep_button.disabled = True
        count = await self.core.stats.keep_fsrs(self.profile_id, report.parameters)
        self.rescheduled = count
        self._ask(False)
        self.status.show(f"personal parameters kept; {count:,} cards rescheduled", "ok")
        return count

    def skip(self) -> None:
        """Leave the defaults (and the schedule) as they are."""
        self._ask(False)
        self.status.show("kept the defaults: nothing was rescheduled", "info")
