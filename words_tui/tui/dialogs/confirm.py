"""Yes or no before something that cannot be undone (deleting a word, resetting its progress,
ending a lesson with cards left)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from words_tui.tui.base import WordsModal
from words_tui.tui.literal import shown


class ConfirmDialog(WordsModal[bool]):
    """Returns True only when the learner confirms; Escape and "no" return False. Enter presses
    the focused button: "no", unless `yes_first` (where going on is the usual wish)."""

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 60; max-width: 95%; height: auto;
        border: thick $error; background: $panel; padding: 1 2;
    }
    ConfirmDialog Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    ConfirmDialog Button { margin-left: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "key.cancel"),
        Binding("y", "answer(True)", show=False),
        Binding("n", "answer(False)", show=False),
    ]

    def __init__(self, question: str, confirm_label: str, *, yes_first: bool = False) -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label
        self.yes_first = yes_first

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(shown(self.question), markup=False)
            with Horizontal():
                yield Button(self.t("dialog.cancel"), id="no")
                yield Button(self.confirm_label, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.yes_first else "#no", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
