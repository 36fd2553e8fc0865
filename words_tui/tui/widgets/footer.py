"""The footer, with each binding's description translated into the interface language.

Bindings are declared with text keys as descriptions ("key.next"); this footer looks each one up
when it is drawn, so switching the interface language needs no rebinding. It is rebuilt only when
the keys it shows change: Textual's footer rebuilds on every focus change, which in a lesson
(focus moves between the options, the answer box and nothing on every card) cost more than the
rest of drawing the next card.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class TranslatedFooter(Footer):
    """`Footer` whose key descriptions are interface-text keys."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[Any, ...] | None = None

    def compose(self) -> ComposeResult:
        texts = getattr(self.app, "texts", None)
        for widget in super().compose():
            if texts is not None and isinstance(widget, FooterKey):
                widget.description = texts.get(widget.description)
                if widget.tooltip:
                    widget.tooltip = texts.get(str(widget.tooltip))
            yield widget

    def bindings_changed(self, screen: Screen[Any]) -> None:
        shown = self._keys_shown(screen)
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)

    def _keys_shown(self, screen: Screen[Any]) -> tuple[Any, ...]:
        """What the footer would draw: visible keys, their state, and the interface language."""
        keys = tuple(
            (key, binding.action, binding.description, enabled)
            for key, (_, binding, enabled, _) in screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )
        return (getattr(getattr(self.app, "texts", None), "language", ""), keys)
