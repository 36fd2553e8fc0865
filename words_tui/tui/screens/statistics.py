"""Statistics: counts by status, streaks, accuracy, true retention, the 30-day forecast, a year
heatmap and the hardest words — all from one `statistics_summary` record.

Two panels — the numbers with the forecast, the past year with the hardest words — stacked, or
side by side on a wide terminal (the app's `-wide` class)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, LoadingIndicator, Static

from words_tui.domain.enums import Direction, Stage, WordStatus
from words_tui.tui.base import WordsScreen
from words_tui.tui.literal import literal
from words_tui.tui.widgets.charts import ColumnChart, Heatmap
from words_tui.tui.widgets.flow import Flow, FlowStatic, items
from words_tui.tui.widgets.footer import TranslatedFooter

if TYPE_CHECKING:
    from words_tui.services.stats import Accuracy, RetentionPoint, StatisticsSummary

RETENTION_WEEKS_SHOWN = 4


def recent_retention(points: tuple[RetentionPoint, ...]) -> tuple[int, int]:
    """(passed, total) over the last few weeks that had reviews."""
    recent = points[-RETENTION_WEEKS_SHOWN:]
    return sum(p.passed for p in recent), sum(p.total for p in recent)


class StatisticsScreen(WordsScreen[None]):
    """Progress of the current profile."""

    DEFAULT_CSS = """
    StatisticsScreen #stats { padding: 0 2; }
    StatisticsScreen .panel { height: auto; }
    StatisticsScreen #panels { height: auto; }
    StatisticsScreen.-wide #panels { layout: horizontal; }
    StatisticsScreen.-wide .panel { width: 1fr; }
    StatisticsScreen.-wide #outlook { margin-top: 1; }
    StatisticsScreen.-wide #history { margin-left: 2; }
    StatisticsScreen .section { text-style: bold; color: $accent; margin-top: 1; }
    StatisticsScreen LoadingIndicator { height: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back"),
        Binding("f5", "reload", "key.reload"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats"):
            yield LoadingIndicator()
            with Vertical(id="panels"):
                with Vertical(id="outlook", classes="panel"):
                    yield FlowStatic("", id="counts")
                    yield Static(self.t("stats.forecast"), classes="section")
                    yield ColumnChart(id="forecast")
                with Vertical(id="history", classes="panel"):
                    yield Static(self.t("stats.heatmap"), classes="section")
                    yield Heatmap(id="heatmap")
                    yield Static(self.t("stats.hardest"), classes="section")
                    yield Static("", id="hardest")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.title = self.t("stats.title")
        self.query_one(VerticalScroll).focus()
        self.load()

    def action_reload(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.app.pop_screen()

    @work(exclusive=True, group="statistics", exit_on_error=False)
    async def load(self) -> None:
        profile = self.words_app.profile
        assert profile is not None and profile.id is not None
        summary = await self.core.stats.summary(profile.id)
        self.query_one(LoadingIndicator).display = False
        self.show(summary)

    def show(self, summary: StatisticsSummary) -> None:
        self.query_one("#counts", FlowStatic).update(Flow(self.count_lines(summary)))
        forecast = summary.forecast
        texts = self.words_app.texts
        counts = [day.count for day in forecast]
        self.query_one(ColumnChart).plot(
            counts,
            self.t("stats.today"),
            texts.day_and_month(forecast[-1].day) if forecast else "",
            texts.number(max(counts, default=0)),
        )
        weekdays = [self.t(f"weekday.{number}") for number in range(7)]
        self.query_one(Heatmap).plot([(d.day, d.count) for d in summary.heatmap], weekdays)
        hardest = [
            self.t(
                "stats.hard_word",
                word=word.word,
                meanings=", ".join(word.meanings),
                count=word.lapses,
            )
            for word in summary.hardest
            if word.lapses > 0
        ]
        self.query_one("#hardest", Static).update(
            literal("\n".join(hardest) if hardest else self.t("stats.no_hard_words"))
        )

    def count_lines(self, summary: StatisticsSummary) -> list[list[Content]]:
        """The lines of numbers, each cut into the items it lists ("0 new", "choice 100 %"):
        a `Flow` wraps a line only between items, so a number never leaves its word."""
        counts = summary.status_counts
        statuses = [
            literal(self.t(f"stats.status.{status.name.lower()}", count=counts.get(status, 0)))
            for status in WordStatus
        ]
        words = Content.styled(self.t("stats.words", count=summary.words), "bold")
        passed, total = recent_retention(summary.retention_by_week)
        return [
            [Content.assemble(words, "  ", statuses[0]), *statuses[1:]],
            items(
                self.t(
                    "stats.streak",
                    current=summary.streak.current,
                    longest=summary.streak.longest,
                    lessons=summary.lessons,
                    reviews=summary.reviews,
                )
            ),
            items(self.accuracy_line(summary.accuracy_by_direction, summary.accuracy_by_mode)),
            items(
                self.t(
                    "stats.retention",
                    rate=self.words_app.texts.percent(passed / total if total else None),
                    passed=passed,
                    total=total,
                    count=RETENTION_WEEKS_SHOWN,
                )
            ),
        ]

    def accuracy_line(
        self, by_direction: dict[Direction, Accuracy], by_mode: dict[Stage, Accuracy]
    ) -> str:
        def rate(accuracy: Accuracy | None) -> str:
            return self.words_app.texts.percent(accuracy.rate if accuracy is not None else None)

        return self.t(
            "stats.accuracy",
            foreign=rate(by_direction.get(Direction.FOREIGN_TO_NATIVE)),
            native=rate(by_direction.get(Direction.NATIVE_TO_FOREIGN)),
            choice=rate(by_mode.get(Stage.CHOICE)),
            typing=rate(by_mode.get(Stage.TYPING)),
        )
