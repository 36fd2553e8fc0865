"""The review grid of a bulk import: one editable row per word, a page at a time.

Each row has a checkbox (keep or drop the word), its translations as tags (remove the meanings you
do not want to learn, type to fix one or add your own) and where they came from — or why the word
could not be translated. Only one page of row widgets exists, however long the list: a widget is a
round trip to the browser, and thousands of them would make the notebook crawl. Edits are written
straight into the `ReviewRow`s, which `core.transfer.commit` takes.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import pandas as pd

from words_tui.services.transfer import ReviewRow

PAGE_SIZE = 20


class _Row:
    """The widgets of one grid line, bound to whichever candidate the page shows there."""

    def __init__(self, grid: ResultsGrid) -> None:
        self.grid = grid
        self.candidate: ReviewRow | None = None
        self.keep = widgets.Checkbox(indent=False, layout=widgets.Layout(width="14em"))
        self.meanings = widgets.TagsInput(
            allow_duplicates=False, layout=widgets.Layout(width="26em")
        )
        self.note = widgets.HTML(layout=widgets.Layout(width="22em"))
        self.box = widgets.HBox([self.keep, self.meanings, self.note])
        self.keep.observe(self._kept, names="value")
        self.meanings.observe(self._chosen, names="value")

    def bind(self, candidate: ReviewRow | None) -> None:
        self.candidate = candidate
        self.box.layout.display = "none" if candidate is None else ""
        if candidate is None:
            return
        self.keep.description = candidate.word
        self.keep.value = candidate.keep
        self.meanings.value = list(candidate.chosen)
        offered = [m.text for m in candidate.offered if m.text not in candidate.chosen]
        if candidate.error:
            text = f'<span style="color:#cf222e">{html.escape(candidate.error)}</span>'
        else:
            text = html.escape(candidate.source)
            if offered:
                text += f"<br><small>also: {html.escape('; '.join(offered))}</small>"
        self.note.value = text

    def _kept(self, change: dict[str, Any]) -> None:
        if self.candidate is not None and not self.grid.binding:
            self.candidate.keep = bool(change["new"])
            self.grid.count_rows()

    def _chosen(self, change: dict[str, Any]) -> None:
        if self.candidate is not None and not self.grid.binding:
            self.candidate.chosen = list(change["new"])
            if self.candidate.chosen and not self.candidate.keep:
                self.candidate.keep = True
                self.keep.value = True
            self.grid.count_rows()


class ResultsGrid(widgets.VBox):  # type: ignore[misc]
    """Pages of editable rows over a list of `ReviewRow`s."""

    def __init__(
        self, page_size: int = PAGE_SIZE, on_change: Callable[[], None] | None = None
    ) -> None:
        self.rows: list[ReviewRow] = []
        self.on_change = on_change
        self.page = 0
        self.page_size = page_size
        self.binding = False
        self.lines = [_Row(self) for _ in range(page_size)]
        self.previous_button = widgets.Button(description="◀", layout=widgets.Layout(width="3em"))
        self.next_button = widgets.Button(description="▶", layout=widgets.Layout(width="3em"))
        self.position = widgets.HTML()
        self.counts = widgets.HTML()
        self.previous_button.on_click(lambda _: self.show_page(self.page - 1))
        self.next_button.on_click(lambda _: self.show_page(self.page + 1))
        super().__init__(
            [
                widgets.HBox([self.previous_button, self.next_button, self.position, self.counts]),
                *[line.box for line in self.lines],
            ]
        )
        self.show([])

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.rows) // self.page_size))

    def show(self, rows: list[ReviewRow]) -> None:
        """Replace the rows and go to the first page."""
        self.rows = rows
        self.show_page(0)

    def show_page(self, page: int) -> None:
        self.page = min(max(page, 0), self.pages - 1)
        start = self.page * self.page_size
        shown = self.rows[start : start + self.page_size]
        self.binding = True
        try:
            for index, line in enumerate(self.lines):
                line.bind(shown[index] if index < len(shown) else None)
        finally:
            self.binding = False
        self.previous_button.disabled = self.page == 0
        self.next_button.disabled = self.page >= self.pages - 1
        end = start + len(shown)
        self.position.value = f"rows {start + 1}–{end} of {len(self.rows)}" if shown else ""
        self.count_rows()

    def count_rows(self) -> None:
        ready = sum(row.ready for row in self.rows)
        failed = sum(bool(row.error) and not row.ready for row in self.rows)
        dropped = len(self.rows) - ready - failed
        self.counts.value = (
            f" · <b>{ready:,}</b> to add · {dropped:,} dropped · {failed:,} without translation"
            if self.rows
            else ""
        )
        if self.on_change is not None:
            self.on_change()

    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame (what would be added, and why not)."""
        return pd.DataFrame(
            [
                {
                    "word": row.word,
                    "keep": row.keep,
                    "meanings": "; ".join(row.chosen),
                    "source": row.source,
                    "problem": row.error,
                    "line": row.location,
                }
                for row in self.rows
            ],
            columns=["word", "keep", "meanings", "source", "problem", "line"],
        )
