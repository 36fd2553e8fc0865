"""The tag picker: a lesson on one tag's words (a Kindle book, an imported file, your own tag)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from words_tui.tui.base import WordsModal
from words_tui.tui.literal import literal


class TagPicker(WordsModal[str | None]):
    """Returns the tag picked, or None when cancelled."""

    DEFAULT_CSS = """
    TagPicker { align: center middle; }
    TagPicker > Vertical {
        width: 60; max-width: 95%; height: auto;
        border: thick $accent; background: $panel; padding: 1 2;
    }
    TagPicker #tags-title { text-style: bold; margin-bottom: 1; }
    TagPicker OptionList { height: auto; max-height: 12; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, tags: list[tuple[str, int]]) -> None:
        super().__init__()
        self.tags = tags

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.t("tags.title"), id="tags-title")
            yield OptionList(
                *(
                    Option(literal(self.t("tags.option", tag=tag, count=count)), id=str(index))
                    for index, (tag, count) in enumerate(self.tags)
                ),
                id="tags",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        index = event.option.id
        self.dismiss(self.tags[int(index)][0] if index is not None else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
