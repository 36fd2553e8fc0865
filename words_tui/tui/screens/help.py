"""Help (F1 or ?): what the screen underneath is for, and every key it answers to.

The keys stand in two columns, down the first then down the second: in one column the keys of
home, the lesson or the browser (a dozen and more, with the app's own) made the dialog taller than
an 80×24 terminal, and it had to be scrolled to see them all."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from words_tui.tui.base import WordsModal

GENERAL_KEYS = (
    ("F1 / ?", "key.help"),
    ("Ctrl+P", "help.palette"),
    ("Ctrl+T", "key.theme"),
    ("Ctrl+Q", "key.quit"),
)


KEY_NAMES = {"⏎": "Enter", "esc": "Esc", "pgdn": "PgDn", "pgup": "PgUp", "tab": "Tab"}
"""Textual's footer abbreviations spelled out for the help, in the style of `GENERAL_KEYS`."""


def readable_key(display: str) -> str:
    """ "Ctrl+S" for Textual's "^s", "F2" for "f2", "PgDn" for "pgdn"."""
    if display.startswith("^") and len(display) > 1:
        return f"Ctrl+{display[1:].upper()}"
    if display[:1] == "f" and display[1:].isdigit():
        return display.upper()
    return KEY_NAMES.get(display, display)


def screen_topic(screen: Screen[object]) -> str:
    """The help topic of a screen: its class name without "Screen", lower case."""
    return type(screen).__name__.removesuffix("Screen").lower()


class HelpScreen(WordsModal[None]):
    """Lists the keys of the screen it was opened from, in the interface language."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 95%; height: auto; max-height: 90%;
        border: thick $accent; background: $panel; padding: 1 2;
    }
    HelpScreen #help-title { text-style: bold; color: $accent; }
    HelpScreen #help-about { margin: 1 0; }
    HelpScreen #help-keys { height: auto; }
    HelpScreen .help-column { width: 1fr; height: auto; }
    HelpScreen #help-keys > .help-column:first-child { margin-right: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.close"),
        Binding("f1", "close", show=False),
        Binding("q", "close", show=False),
    ]

    def __init__(self, underneath: Screen[object]) -> None:
        super().__init__()
        self.underneath = underneath

    def compose(self) -> ComposeResult:
        topic = screen_topic(self.underneath)
        with VerticalScroll():
            yield Static(self.t("help.title"), id="help-title")
            about = f"help.{topic}"
            texts = self.words_app.texts
            yield Static(texts(about if texts.has(about) else "help.general"), id="help-about")
            lines = self.key_lines()
            half = (len(lines) + 1) // 2
            with Horizontal(id="help-keys"):
                for column in (lines[:half], lines[half:]):
                    width = max((cell_len(key) for key, _ in column), default=0)
                    with Vertical(classes="help-column"):
                        for key, description in column:
                            line = Content.assemble((key.ljust(width), "bold"), " ", description)
                            yield Static(line, classes="help-key")

    def key_lines(self) -> list[tuple[str, str]]:
        """Every key of the screen underneath (enabled now or not), then the app's keys it does
        not already list (home has its own Ctrl+Q)."""
        lines: list[tuple[str, str]] = []
        seen: set[str] = set()
        texts = self.words_app.texts
        for binding in type(self.underneath).BINDINGS:
            if not isinstance(binding, Binding) or binding.action in seen:
                continue
            if texts.has(binding.description):
                seen.add(binding.action)
                lines.append((self.key_names(binding), texts(binding.description)))
        shown = {key for key, _ in lines}
        lines += [(key, self.t(text)) for key, text in GENERAL_KEYS if key not in shown]
        return lines

    def key_names(self, binding: Binding) -> str:
        """Every key of `binding`, readable: "PgDn / n" for "pagedown,n"."""
        keys = [key.strip() for key in binding.key.split(",")]
        return " / ".join(
            readable_key(self.app.get_key_display(Binding(key, binding.action))) for key in keys
        )

    def action_close(self) -> None:
        self.dismiss(None)
