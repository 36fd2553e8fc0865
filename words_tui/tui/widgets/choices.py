"""The options of a multiple-choice card: numbered 1–4, chosen by key, Enter or the mouse.

After the answer the list shows which option was right (✓) and which the learner picked (✗),
and takes no further choice until it is given new options.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from words_tui.tui.literal import shown


class ChoiceList(OptionList):
    """Numbered options; posts `ChoiceList.Chosen` once per card."""

    DEFAULT_CSS = """
    ChoiceList {
        height: auto;
        max-height: 6;
        border: none;
        padding: 0 1;
        background: $surface;
    }
    ChoiceList:focus { border: none; }
    ChoiceList > .option-list--option { padding: 0 1; }
    """

    class Chosen(Message):
        """The learner picked `text` (the option's own text, as the lesson service wants it)."""

        def __init__(self, choice_list: ChoiceList, index: int, text: str) -> None:
            super().__init__()
            self.choice_list = choice_list
            self.index = index
            self.text = text

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices: tuple[str, ...] = ()
        self.locked = False

    def ask(self, choices: Sequence[str]) -> None:
        """Show fresh options and accept one choice."""
        self.choices = tuple(choices)
        self.locked = False
        self.set_options(
            Option(
                Content.assemble((f"{number} ", "bold $accent"), shown(text)), id=str(number - 1)
            )
            for number, text in enumerate(self.choices, start=1)
        )
        self.highlighted = None

    def choose(self, index: int) -> None:
        """Pick option `index` (0-based), as a key press or click does."""
        if self.locked or not 0 <= index < len(self.choices):
            return
        self.locked = True
        self.post_message(self.Chosen(self, index, self.choices[index]))

    def reveal(self, correct: str, picked: int | None) -> None:
        """Mark the right option and, if it was not the one picked, the learner's pick."""
        self.locked = True
        options = []
        for index, text in enumerate(self.choices):
            if text == correct:
                mark, style = "✓", "bold $success"
            elif index == picked:
                mark, style = "✗", "bold $error"
            else:
                mark, style = " ", "dim"
            label = Content.assemble((f"{mark} {index + 1} ", style), (shown(text), style))
            options.append(Option(label, id=str(index)))
        self.set_options(options)
        self.highlighted = None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.choose(int(event.option.id))
