"""A word's review history: every answer in both directions, oldest first, each direction named
by its languages ("Spanish → English"); a hint under the table says how to close it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from words_tui.domain.enums import Direction, Stage
from words_tui.tui.base import WordsModal
from words_tui.tui.literal import cell

if TYPE_CHECKING:
    from words_tui.services.vocabulary import ReviewRecord


class HistoryDialog(WordsModal[None]):
    """Shows `ReviewRecord`s in a table."""

    DEFAULT_CSS = """
    HistoryDialog { align: center middle; }
    HistoryDialog > Vertical {
        width: 90; max-width: 98%; height: 80%;
        border: thick $accent; background: $panel; padding: 0 1;
    }
    HistoryDialog #history-title { text-style: bold; margin: 1 0; }
    HistoryDialog DataTable { height: 1fr; }
    HistoryDialog #history-hint { color: $text-muted; height: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "key.close")]

    def __init__(
        self,
        word: str,
        records: Sequence[ReviewRecord],
        timezone: str,
        languages: tuple[str, str],
    ) -> None:
        """`languages`: the profile's (foreign, native) language codes."""
        super().__init__()
        self.word = word
        self.languages = languages
        self.records = list(records)
        self.zone = ZoneInfo(timezone)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                self.t("history.title", word=self.word, count=len(self.records)),
                id="history-title",
                markup=False,
            )
            yield DataTable(zebra_stripes=True, cursor_type="row")
            yield Static(self.t("history.close_hint"), id="history-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            self.t("history.when"),
            self.t("history.direction"),
            self.t("history.mode"),
            self.t("history.answer"),
            self.t("history.verdict"),
        )
        names = self.words_app.texts.language_name
        foreign, native = (names(code) for code in self.languages)
        directions = {
            Direction.FOREIGN_TO_NATIVE: f"{foreign} → {native}",
            Direction.NATIVE_TO_FOREIGN: f"{native} → {foreign}",
        }
        for record in self.records:
            table.add_row(
                cell(
                    self.words_app.texts.short_date_time(record.reviewed_at.astimezone(self.zone))
                ),
                cell(directions[record.direction]),
                cell(
                    self.t(
                        "lesson.mode.choice"
                        if record.mode == Stage.CHOICE
                        else "lesson.mode.typing"
                    )
                ),
                cell(record.answer),
                cell(self.words_app.texts.get(f"verdict.{record.verdict}", record.verdict)),
            )
        if not self.records:
            table.display = False
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
