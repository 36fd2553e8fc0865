"""Text from learners, files and LLMs as the quiz shows it: literally, never as markup, never as
terminal escape codes.

Textual parses a plain `str` as markup in many places (a table cell, an option, a label):
`[bold red]x[/]` would be drawn red, `click me[/link]` would crash the table, and a word
`[@click=app.quit]x[/]` would quit the app when clicked. And a control character reaching the
terminal drives it: ESC[2J clears the screen. On a shared database one learner's import would do
this to another's screen. So every text that did not come from our own catalogue is shown through
one of these: `shown` for places that take a plain string with markup off, `literal` for
`Content`, `cell` for table cells.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from words_tui.domain.text import CONTROL_CHARACTERS


def shown(text: str) -> str:
    """`text` without control characters (escape codes, bidi overrides); tabs and newlines stay."""
    if text.isprintable():
        return text
    return CONTROL_CHARACTERS.sub("", text)


def literal(text: str, style: str = "") -> Content:
    """`text` as content, character for character, in `style` (never parsed as markup)."""
    return Content.styled(shown(text), style) if style else Content(shown(text))


def cell(text: str) -> Text:
    """`text` as a table cell: a `DataTable` parses a plain string cell as markup."""
    return Text(shown(text))
