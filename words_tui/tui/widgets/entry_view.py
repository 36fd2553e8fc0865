"""A dictionary-style view of one entry: headword, part of speech, forms and examples.

The meanings are not drawn here: the add-word screen shows them as a list to pick from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from words_tui.tui.literal import literal, shown

if TYPE_CHECKING:
    from words_tui.domain.entries import WordEntry
    from words_tui.tui.i18n import Texts

MAX_EXAMPLES = 3


class EntryView(Static):
    """Shows a `WordEntry` (or nothing)."""

    DEFAULT_CSS = """
    EntryView { height: auto; padding: 0 1; }
    """

    def show(self, entry: WordEntry | None, texts: Texts) -> None:
        if entry is None:
            self.update("")
            return
        lines: list[Content] = [
            Content.assemble(
                (shown(entry.word), "bold $accent"),
                (f"  {texts.get('pos.' + entry.pos, entry.pos)}" if entry.pos else "", "italic"),
                (f"  · {texts('add.source', source=entry.source)}" if entry.source else "", "dim"),
            )
        ]
        if entry.forms:
            forms = " · ".join(
                f"{texts.get('form.' + name, name)}: {value}" for name, value in entry.forms.items()
            )
            lines.append(literal(forms, "dim"))
        for example in entry.examples[:MAX_EXAMPLES]:
            text = example.source + (f" — {example.target}" if example.target else "")
            lines.append(literal(text, "italic"))
        self.update(Content("\n").join(lines))
