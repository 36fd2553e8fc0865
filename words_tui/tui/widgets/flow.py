"""Lines of short items ("0 new · 1 learning · 0 mastered") that wrap between items, never inside.

Textual wraps text at any white space, a no-break space included (`textual._wrap` splits chunks
on `\\s`), so at 80 columns "0" could end one row and "исключённых" start the next, or "100" and
"%" be parted. `Flow` is a `Visual`: Textual asks it for its height and its rows at the width it
is drawn at, again whenever that width changes, and it packs whole items into rows of that width
before `Content` draws them. An item wider than a row is broken between its words, never next to
a number (`words`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

from words_tui.tui.literal import literal

SEPARATOR = " · "
WORD = re.compile(r"[^ ]+")
"""What `words` cuts at: the plain space, not the no-break ones a number keeps its sign with."""


def items(text: str) -> list[Content]:
    """A filled-in catalogue text cut into its `SEPARATOR`-separated items (every language's
    catalogue separates them so), each shown literally."""
    return [literal(part) for part in text.split(SEPARATOR)]


def words(item: Content) -> list[Content]:
    """`item` cut at its spaces, each part keeping the spaces after it — but never next to a
    number ("last 4 weeks", "longest 1", "(0 of 0)" stay whole) nor before a sign with neither
    letters nor digits ("typing –", "native →"). A no-break space ("100\u00a0%") never cuts."""
    starts = [0]
    after_number = True
    for match in WORD.finditer(item.plain):
        word = match.group()
        letters = any(character.isalpha() for character in word)
        if letters and not after_number:
            starts.append(match.start())
        after_number = not letters and any(character.isdigit() for character in word)
    ends = [*starts[1:], len(item.plain)]
    return [item[start:end] for start, end in zip(starts, ends, strict=True)]


def pieces(line: Sequence[Content], width: int, separator: str) -> list[Content]:
    """The units a row is packed from: each item with its separator, or the words of an item too
    wide for a row."""
    units: list[Content] = []
    for index, item in enumerate(line):
        after = "" if index == len(line) - 1 else separator
        if (item + after).rstrip().cell_length <= width:
            units.append(item + after)
        else:
            *first, last = words(item)
            units += [*first, last + after]
    return units


def rows(line: Sequence[Content], width: int, separator: str = SEPARATOR) -> list[Content]:
    """`line` packed greedily into rows at most `width` cells wide, broken only between items
    (or between words of an item too wide for a row); a row that goes on keeps the separator's
    "·" at its end, so it reads as continued."""
    packed: list[Content] = []
    row = Content("")
    for piece in pieces(line, width, separator):
        if row.plain.strip() and (row + piece).rstrip().cell_length > width:
            packed.append(row.rstrip())
            row = piece
        else:
            row += piece
    packed.append(row.rstrip())
    return packed


class Flow(Visual):
    """Lines of items drawn with line breaks only between items (when each item fits a row)."""

    def __init__(self, lines: Sequence[Sequence[Content]], separator: str = SEPARATOR) -> None:
        self.lines = tuple(tuple(line) for line in lines)
        self.separator = separator
        self.whole = Content("\n").join(Content(separator).join(line) for line in self.lines)
        self._laid_out: tuple[int, Content] = (-1, self.whole)

    @property
    def shown(self) -> Content:
        """The rows as last drawn (what a selection's lines and columns count in)."""
        return self._laid_out[1]

    def __str__(self) -> str:
        """The plain text, one line per line of items, however it is wrapped."""
        return self.whole.plain

    def at(self, width: int) -> Content:
        """The content with its rows broken for `width` cells (the last width is kept)."""
        if self._laid_out[0] != width:
            broken = [row for line in self.lines for row in rows(line, width, self.separator)]
            self._laid_out = (width, Content("\n").join(broken))
        return self._laid_out[1]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        inner = width - 2 * options.rules.get("line_pad", 0)
        return self.at(inner).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.whole.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.whole.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        inner = width - 2 * rules.get("line_pad", 0)
        return self.at(inner).get_height(rules, width)


class FlowStatic(Static):
    """A `Static` for a `Flow`: text selected in it is copied as its rows show it (Textual only
    copies from `Content` and Rich `Text`)."""

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        visual = self.visual
        if isinstance(visual, Flow):
            return selection.extract(visual.shown.plain), "\n"
        return super().get_selection(selection)
