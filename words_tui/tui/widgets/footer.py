"""The footer, with each binding's description translated into the interface language.

Bindings are declared with text keys as descriptions ("key.next"); this footer looks each one up
when it is drawn, so switching the interface language needs no rebinding.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class TranslatedFooter(Footer):
    """`Footer` whose key descriptions are interface-text keys."""

    def compose(self) -> ComposeResult:
        texts = getattr(self.app, "texts", None)
        for widget in super().compose():
            if texts is not None and isinstance(widget, FooterKey):
                widget.description = texts.get(widget.description)
                if widget.tooltip:
                    widget.tooltip = texts.get(str(widget.tooltip))
            yield widget
