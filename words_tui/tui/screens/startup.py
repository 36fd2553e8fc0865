"""The first frame: drawn before the database and the other screens are loaded."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.widgets import LoadingIndicator, Static

from words_tui.tui.base import WordsScreen


class StartupScreen(WordsScreen[None]):
    """Shown while the core opens; replaced by onboarding or the home screen."""

    DEFAULT_CSS = """
    StartupScreen { align: center middle; }
    StartupScreen #startup-title { text-style: bold; color: $accent; width: auto; }
    StartupScreen #startup-note { color: $text-muted; width: auto; }
    StartupScreen LoadingIndicator { height: 1; width: 20; }
    """

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static("words-tui", id="startup-title")
        with Center():
            yield Static(self.t("startup.opening"), id="startup-note")
        with Center():
            yield LoadingIndicator()
