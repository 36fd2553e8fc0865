"""When no lesson is due: the ways on instead of a dead end.

"Learn N more new words today" (an explicit step past the daily limit), "practise ahead" (the
cards due soonest, rescheduling nothing), and — when the vocabulary has no new words left — how
to add more: raise the level, import a file, add a word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from words_tui.tui.base import WordsModal

if TYPE_CHECKING:
    from words_tui.services.lessons import Outlook

MORE_NEW = "more_new"
AHEAD = "ahead"


class NextStepsDialog(WordsModal[str | None]):
    """Returns `MORE_NEW`, `AHEAD`, or None when the learner goes back home."""

    DEFAULT_CSS = """
    NextStepsDialog { align: center middle; }
    NextStepsDialog > Vertical {
        width: 76; max-width: 95%; height: auto;
        border: thick $accent; background: $panel; padding: 1 2;
    }
    NextStepsDialog #next-title { text-style: bold; margin-bottom: 1; }
    NextStepsDialog #next-add { margin-top: 1; color: $text-muted; }
    NextStepsDialog OptionList { height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, outlook: Outlook, new_limit: int) -> None:
        super().__init__()
        self.outlook = outlook
        self.new_limit = new_limit

    def compose(self) -> ComposeResult:
        outlook = self.outlook
        options = []
        if outlook.more_new:
            text = self.t("next.more_new", count=outlook.more_new, limit=self.new_limit)
            options.append(Option(text, id=MORE_NEW))
        if outlook.ahead:
            options.append(Option(self.t("next.ahead", count=outlook.ahead), id=AHEAD))
        with Vertical():
            yield Static(self.t("next.title"), id="next-title")
            if options:
                yield OptionList(*options, id="next-options")
            if outlook.exhausted:
                yield Static(self.t("next.exhausted"), id="next-add")
            elif not outlook.unseen:
                yield Static(self.t("next.no_new"), id="next-add")

    def on_mount(self) -> None:
        for options in self.query(OptionList):
            options.highlighted = 0
            options.focus()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
