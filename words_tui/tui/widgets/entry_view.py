"""A dictionary-style view of one entry: headword, pronunciation, part of speech, forms, examples.

The meanings are not drawn here: the add-word screen shows them as a list to pick from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from words_tui.tui.literal import literal, shown

if TYPE_CHECKING:
    from words_tui.domain.entries import WordEntry
    from words_tui.i18n import Texts

MAX_EXAMPLES = 3
IPA = "ipa"
"""The form holding the pronunciation (from dictd entries), shown after the headword."""


class EntryView(Static):
    """Shows a `WordEntry` (or nothing)."""

    DEFAULT_CSS = """
    EntryView { height: auto; padding: 0 1; }
    """

    def show(self, entry: WordEntry | None, texts: Texts) -> None:
        if entry is None:
            self.update("")
            return
        forms = {name: value for name, value in entry.forms.items() if name != IPA}
        ipa = entry.forms.get(IPA, "")
        lines: list[Content] = [
            Content.assemble(
                (shown(entry.word), "bold $accent"),
                (f"  /{shown(ipa)}/" if ipa else "", "$text-muted"),
                (f"  {texts.get('pos.' + entry.pos, entry.pos)}" if entry.pos else "", "italic"),
                (f"  · {texts('add.source', source=entry.source)}" if entry.source else "", "dim"),
            )
        ]
        if forms:
            listed = " · ".join(
                f"{texts.get('form.' + name, name)}: {value}" for name, value in forms.items()
            )
            lines.append(literal(listed, "dim"))
        for example in entry.examples[:MAX_EXAMPLES]:
            text = example.source + (f" — {example.target}" if example.target else "")
            lines.append(literal(text, "italic"))
        self.update(Content("\n").join(lines))
