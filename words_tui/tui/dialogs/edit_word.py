"""Edit the answers a word is practised with: one line, separated by ";" — its translations, or
(from a lesson's native → foreign card) the foreign words accepted besides the word itself."""

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
    """Returns the new answers, or None when cancelled; `keep` must stay among them."""

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

    def __init__(
        self,
        word: str,
        meanings: Sequence[str],
        *,
        title: str | None = None,
        hint: str | None = None,
        keep: str | None = None,
    ) -> None:
        super().__init__()
        self.word = word
        self.meanings = list(meanings)
        self.title_text = title
        self.hint_text = hint
        self.keep = keep

    def compose(self) -> ComposeResult:
        with Vertical():
            title = self.title_text or self.t("edit.title", word=self.word)
            yield Static(shown(title), id="edit-title", markup=False)
            yield Static(shown(self.hint_text or self.t("edit.hint")), id="edit-hint", markup=False)
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
        if self.keep and self.keep.casefold() not in {m.casefold() for m in meanings}:
            text = shown(self.t("edit.keep_word", word=self.keep))
            self.notify(text, severity="warning", markup=False)
            return
        self.dismiss(meanings)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
