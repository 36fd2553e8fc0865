"""The end of a lesson: how it went, new words, time spent and the day streak."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Header, Static

from words_tui.tui.base import WordsScreen
from words_tui.tui.widgets.footer import TranslatedFooter

if TYPE_CHECKING:
    from words_tui.services.lessons import LessonSummary


def minutes_and_seconds(span: timedelta) -> str:
    """A duration as m:ss (lessons last minutes, not hours)."""
    seconds = max(0, round(span.total_seconds()))
    return f"{seconds // 60}:{seconds % 60:02d}"


class SummaryScreen(WordsScreen[None]):
    """Shown when a lesson ends or is left; every number comes from the lesson service."""

    DEFAULT_CSS = """
    SummaryScreen #summary { padding: 1 2; height: auto; }
    SummaryScreen #summary-title { text-style: bold; color: $accent; margin-bottom: 1; }
    SummaryScreen .line { height: 1; }
    SummaryScreen #streak-line { margin-top: 1; text-style: bold; }
    SummaryScreen #leeches { color: $warning; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "home", "key.home", priority=True),
        Binding("escape", "home", "key.home", show=False),
        Binding("t", "statistics", "key.statistics"),
    ]

    def __init__(self, summary: LessonSummary, profile_id: int) -> None:
        super().__init__()
        self.summary = summary
        self.profile_id = profile_id

    def compose(self) -> ComposeResult:
        summary = self.summary
        yield Header()
        with Vertical(id="summary"):
            yield Static(self.t("summary.title"), id="summary-title")
            yield Static(self.t("summary.answered", count=summary.answered), classes="line")
            yield Static(self.t("summary.correct", count=summary.correct), classes="line")
            yield Static(self.t("summary.wrong", count=summary.wrong), classes="line")
            yield Static(self.t("summary.new_words", count=summary.new_words), classes="line")
            yield Static(self.t("summary.promoted", count=summary.promoted), classes="line")
            yield Static(self.t("summary.mastered", count=summary.mastered), classes="line")
            yield Static(
                self.t("summary.time", time=minutes_and_seconds(summary.elapsed)), classes="line"
            )
            yield Static("", id="streak-line")
            if summary.leeches:
                yield Static(
                    self.t("summary.leeches", words=", ".join(summary.leeches)),
                    id="leeches",
                    markup=False,
                )
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.title = self.t("summary.title")
        self.load_streak()

    @work(exclusive=True, group="summary", exit_on_error=False)
    async def load_streak(self) -> None:
        stats = await self.core.stats.summary(self.profile_id)
        self.query_one("#streak-line", Static).update(
            self.t("summary.streak", count=stats.streak.current)
        )

    def action_home(self) -> None:
        self.app.pop_screen()

    def action_statistics(self) -> None:
        from words_tui.tui.screens.statistics import StatisticsScreen

        self.app.switch_screen(StatisticsScreen())
