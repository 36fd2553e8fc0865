"""Textual's command palette in the interface language: its prompt, and the "No matches found"
line Textual writes into the list itself (a literal in `CommandPalette`, with no setting of its
own), here from the catalogue."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option


class WordsPalette(CommandPalette):
    """The command palette with `placeholder` as its prompt and `no_matches` for a search that
    finds nothing."""

    def __init__(self, placeholder: str, no_matches: str) -> None:
        super().__init__(placeholder=placeholder, id="--command-palette")
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's countdown to the "no matches" line, with this palette's text; an empty
        search (browsing the commands) shows no such line, as in Textual."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.no_matches, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
