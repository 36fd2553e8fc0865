"""The end of a lesson: how it went, every mistake with its right answer, new words, time spent
and the day streak; `m` reviews just the mistakes (a practice lesson that reschedules nothing)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Header, Static

from words_tui.tui.base import WordsScreen
from words_tui.tui.literal import shown
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
    SummaryScreen #mistakes-title { margin-top: 1; text-style: bold; }
    SummaryScreen #practice-note { margin-top: 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "home", "key.home", priority=True),
        Binding("escape", "home", "key.home", show=False),
        Binding("m", "review_mistakes", "key.review_mistakes"),
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
            if summary.practice:
                yield Static(self.t("summary.practice"), id="practice-note")
            if summary.mistakes:
                yield Static(self.t("summary.mistakes"), id="mistakes-title")
                yield Static(self._mistakes(), id="mistakes", markup=False)
        yield TranslatedFooter()

    def _mistakes(self) -> str:
        """One line per card answered wrong: the question, the right answer, what was given."""
        return "\n".join(
            shown(
                self.t(
                    "summary.mistake",
                    prompt=mistake.prompt,
                    expected=mistake.expected,
                    answer=mistake.answer or "—",
                )
            )
            for mistake in self.summary.mistakes
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`m` is offered only when there are mistakes to review."""
        return bool(self.summary.mistakes) if action == "review_mistakes" else True

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

    @work(exclusive=True, group="summary-review", exit_on_error=False)
    async def action_review_mistakes(self) -> None:
        """A short practice lesson on just the cards answered wrong."""
        from words_tui.tui.screens.lesson import LessonScreen

        cards = [mistake.card_id for mistake in self.summary.mistakes]
        if not cards:
            return
        service = self.core.lessons
        lesson = await service.start_practice(self.profile_id, cards)
        if lesson.cards:
            self.app.switch_screen(LessonScreen(service, lesson))

    def action_statistics(self) -> None:
        from words_tui.tui.screens.statistics import StatisticsScreen

        self.app.switch_screen(StatisticsScreen())
