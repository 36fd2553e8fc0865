"""The footer: each key's description in the interface language, every key shown in full.

Bindings are declared with text keys as descriptions ("key.next"); this footer looks each one up
when it is drawn, so switching the interface language needs no rebinding. Keys that do not apply
now (disabled by a screen's `check_action`) are left out. The keys then take the first layout
that fits the terminal's width (`fit`): Textual's spacing with the command-palette key; without
the palette key (Ctrl+P still works, and help lists it); compact spacing; and last, compact with
F1 named "More keys" and the last keys left out until the rest fit (never Esc) — help lists every
key of the screen. Labels are never cut.

It is rebuilt only when what it shows changes (keys, language, width): Textual's footer rebuilds
on every focus change, which in a lesson (focus moves between the options, the answer box and
nothing on every card) cost more than the rest of drawing the next card.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTIONS = frozenset({"help", "app.help"})
"""The key that opens help, which stands for every key left out when they do not all fit."""


@dataclass(frozen=True)
class ShownKey:
    """One key as the footer draws it."""

    key: str
    display: str
    description: str
    action: str
    tooltip: str = ""

    def width(self, *, compact: bool) -> int:
        """Cells taken, as Textual's `FooterKey` styles pad it: " key description " normally,
        "key description" and a one-cell margin when compact."""
        text = cell_len(self.display) + (cell_len(self.description) + 1 if self.description else 0)
        return text + (1 if compact else 2)


@dataclass(frozen=True)
class FooterLayout:
    """The keys to draw, how, and whether some were left for help to list."""

    keys: tuple[ShownKey, ...]
    compact: bool
    palette: bool
    cut: bool = False


def palette_width(palette: ShownKey) -> int:
    """The palette key docked on the right: its border, its text and its right padding."""
    return 1 + palette.width(compact=False) + 1


def fit(
    keys: tuple[ShownKey, ...], palette: ShownKey | None, width: int, more: str
) -> FooterLayout:
    """The first layout whose keys fit in `width` cells (see the module's docstring); `more`
    names the help key when keys had to be left out."""

    def needed(shown: tuple[ShownKey, ...], compact: bool) -> int:
        return sum(key.width(compact=compact) for key in shown)

    if palette is not None and needed(keys, False) + palette_width(palette) <= width:
        return FooterLayout(keys, compact=False, palette=True)
    for compact in (False, True):
        if needed(keys, compact) <= width:
            return FooterLayout(keys, compact=compact, palette=False)
    kept = [replace(key, description=more) if key.action in HELP_ACTIONS else key for key in keys]
    droppable = [key for key in kept if key.action not in HELP_ACTIONS and key.key != "escape"]
    while droppable and needed(tuple(kept), True) > width:
        kept.remove(droppable.pop())
    return FooterLayout(tuple(kept), compact=True, palette=False, cut=True)


class TranslatedFooter(Footer):
    """`Footer` whose key descriptions are interface-text keys, fitted to the width."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[Any, ...] | None = None
        self.fitted = FooterLayout((), compact=False, palette=False)
        """What was drawn last."""

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        texts = getattr(self.app, "texts", None)
        more = texts("key.more") if texts is not None else "More"
        keys, palette = self.keys_of(self.screen)
        layout = fit(keys, palette if self.show_command_palette else None, self._width(), more)
        self.fitted = layout
        self.compact = layout.compact
        for key in layout.keys:
            yield FooterKey(
                key.key, key.display, key.description, key.action, tooltip=key.tooltip
            ).data_bind(compact=Footer.compact)
        if layout.palette and palette is not None:
            yield FooterKey(
                palette.key,
                palette.display,
                palette.description,
                palette.action,
                tooltip=palette.tooltip,
                classes="-command-palette",
            )

    def _width(self) -> int:
        return self.size.width or self.app.size.width

    def keys_of(self, screen: Screen[Any]) -> tuple[tuple[ShownKey, ...], ShownKey | None]:
        """The screen's enabled keys to show, one per action, translated; and the palette key."""
        texts = getattr(self.app, "texts", None)

        def translated(text: str) -> str:
            return texts.get(text) if texts is not None and text else text

        keys: list[ShownKey] = []
        actions: set[str] = set()
        palette: ShownKey | None = None
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items():
            shown = ShownKey(
                key,
                self.app.get_key_display(binding),
                translated(binding.description),
                binding.action,
                translated(tooltip or ""),
            )
            if key == self.app.COMMAND_PALETTE_BINDING and self.app.ENABLE_COMMAND_PALETTE:
                palette = shown
            elif binding.show and enabled and binding.action not in actions:
                actions.add(binding.action)
                keys.append(shown)
        return tuple(keys), palette

    def bindings_changed(self, screen: Screen[Any]) -> None:
        language = getattr(getattr(self.app, "texts", None), "language", "")
        shown = (self._width(), language, self.keys_of(screen))
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)

    def on_resize(self) -> None:
        if self.is_attached:
            self.bindings_changed(self.screen)
