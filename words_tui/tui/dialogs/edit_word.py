"""Edit the translations a word is practised with: one line, meanings separated by ";"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from words_tui.tui.base import WordsModal
from words_tui.tui.literal import shown

SEPARATOR = "; "


def split_meanings(text: str) -> list[str]:
    """The meanings typed in the dialog, in order, blanks dropped."""
    return [part.strip() for part in text.split(";") if part.strip()]


class EditWordDialog(WordsModal[list[str] | None]):
    """Returns the new meanings, or None when cancelled."""

    DEFAULT_CSS = """
    EditWordDialog { align: center middle; }
    EditWordDialog > Vertical {
        width: 70; max-width: 95%; height: auto;
        border: thick $accent; background: $panel; padding: 1 2;
    }
    EditWordDialog #edit-title { text-style: bold; }
    EditWordDialog #edit-hint { color: $text-muted; }
    EditWordDialog Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    EditWordDialog Button { margin-left: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, word: str, meanings: Sequence[str]) -> None:
        super().__init__()
        self.word = word
        self.meanings = list(meanings)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(shown(self.t("edit.title", word=self.word)), id="edit-title", markup=False)
            yield Static(self.t("edit.hint"), id="edit-hint")
            yield Input(SEPARATOR.join(self.meanings), id="edit-meanings")
            with Horizontal():
                yield Button(self.t("dialog.cancel"), id="cancel")
                yield Button(self.t("dialog.save"), id="save", variant="primary")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        meanings = split_meanings(self.query_one(Input).value)
        if not meanings:
            self.notify(self.t("edit.empty"), severity="warning")
            return
        self.dismiss(meanings)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
