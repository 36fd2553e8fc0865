"""The review grid of a bulk import: one editable row per word, a page at a time.

Each row has a checkbox (keep or drop the word), its translations as tags (remove the meanings you
do not want to learn, type to fix one or add your own), where the word was in the list (its line)
and where the translations came from — or why the word could not be translated. Only one page of
row widgets exists, however long the list: a widget is a round trip to the browser, and thousands
of them would make the notebook crawl. Edits are written straight into the `ReviewRow`s, which
`core.transfer.commit` takes; the grid never drops one (a translation fills rows in place), and
`version` counts the changes, so "Add to profile" knows whether there is anything new to add.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import pandas as pd

from words_tui.notebook.labels import WIDE_LABEL
from words_tui.services.transfer import ReviewRow

PAGE_SIZE = 20


def failed(row: ReviewRow) -> bool:
    """A row that has no translation to add (and why not)."""
    return bool(row.error) and not row.ready


class _Row:
    """The widgets of one grid line, bound to whichever candidate the page shows there."""

    def __init__(self, grid: ResultsGrid) -> None:
        self.grid = grid
        self.candidate: ReviewRow | None = None
        self.keep = widgets.Checkbox(
            indent=False, style=WIDE_LABEL, layout=widgets.Layout(width="14em")
        )
        self.meanings = widgets.TagsInput(
            allow_duplicates=False, layout=widgets.Layout(width="26em")
        )
        self.note = widgets.HTML(layout=widgets.Layout(width="24em"))
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
        where = f"<small>{html.escape(candidate.location)}</small> · "
        if candidate.error and not candidate.chosen:
            text = f'<span style="color:#cf222e">{html.escape(candidate.error)}</span>'
        else:
            text = html.escape(candidate.source or "yours")
            if offered:
                text += f"<br><small>also: {html.escape('; '.join(offered))}</small>"
        self.note.value = where + text

    def _kept(self, change: dict[str, Any]) -> None:
        if self.candidate is not None and not self.grid.binding:
            self.candidate.keep = bool(change["new"])
            self.grid.changed()

    def _chosen(self, change: dict[str, Any]) -> None:
        if self.candidate is not None and not self.grid.binding:
            self.candidate.chosen = list(change["new"])
            if self.candidate.chosen and not self.candidate.keep:
                self.candidate.keep = True
                self.keep.value = True
            self.grid.changed()


class ResultsGrid(widgets.VBox):  # type: ignore[misc]
    """Pages of editable rows over a list of `ReviewRow`s, all of them or the failed ones only."""

    def __init__(
        self, page_size: int = PAGE_SIZE, on_change: Callable[[], None] | None = None
    ) -> None:
        self.rows: list[ReviewRow] = []
        self.shown: list[ReviewRow] = []
        self.on_change = on_change
        self.page = 0
        self.page_size = page_size
        self.binding = False
        self.version = 0
        """Counts every change of the rows (a new list, a translation, an edit)."""
        self.lines = [_Row(self) for _ in range(page_size)]
        self.previous_button = widgets.Button(description="◀", layout=widgets.Layout(width="3em"))
        self.next_button = widgets.Button(description="▶", layout=widgets.Layout(width="3em"))
        self.failed_only = widgets.Checkbox(
            description="show failed only", indent=False, style=WIDE_LABEL
        )
        self.select_all = widgets.Checkbox(
            description="select all", value=True, indent=False, style=WIDE_LABEL
        )
        self.position = widgets.HTML()
        self.counts = widgets.HTML()
        self.previous_button.on_click(lambda _: self.show_page(self.page - 1))
        self.next_button.on_click(lambda _: self.show_page(self.page + 1))
        self.failed_only.observe(lambda _: self.refresh(page=0), names="value")
        self.select_all.observe(self._select_all, names="value")
        super().__init__(
            [
                widgets.HBox(
                    [
                        self.previous_button,
                        self.next_button,
                        self.position,
                        self.select_all,
                        self.failed_only,
                    ]
                ),
                self.counts,
                *[line.box for line in self.lines],
            ]
        )
        self.show([])

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.shown) // self.page_size))

    def show(self, rows: list[ReviewRow]) -> None:
        """Replace the rows (a new list) and go to the first page."""
        self.rows = rows
        self.changed(redraw=False)
        self.refresh(page=0)

    def refresh(self, page: int | None = None) -> None:
        """Show the rows again after they changed (a batch translated, a filter switched),
        staying on the page unless told otherwise."""
        only_failed = self.failed_only.value
        self.shown = [row for row in self.rows if failed(row)] if only_failed else self.rows
        self.show_page(self.page if page is None else page)

    def show_page(self, page: int) -> None:
        self.page = min(max(page, 0), self.pages - 1)
        start = self.page * self.page_size
        shown = self.shown[start : start + self.page_size]
        self.binding = True
        try:
            for index, line in enumerate(self.lines):
                line.bind(shown[index] if index < len(shown) else None)
        finally:
            self.binding = False
        self.previous_button.disabled = self.page == 0
        self.next_button.disabled = self.page >= self.pages - 1
        end = start + len(shown)
        self.position.value = f"rows {start + 1}–{end} of {len(self.shown)}" if shown else ""
        self._count()

    def changed(self, *, redraw: bool = False) -> None:
        """The rows changed: count the change, redraw the page if asked, tell the owner."""
        self.version += 1
        if redraw:
            self.refresh()
        else:
            self._count()
        if self.on_change is not None:
            self.on_change()

    def _select_all(self, change: dict[str, Any]) -> None:
        """Keep (or drop) every row shown that has a translation."""
        for row in self.shown:
            if row.chosen:
                row.keep = bool(change["new"])
        self.changed(redraw=True)

    def _count(self) -> None:
        ready = sum(row.ready for row in self.rows)
        without = sum(failed(row) for row in self.rows)
        dropped = len(self.rows) - ready - without
        self.counts.value = (
            f"<b>{ready:,}</b> to add · {dropped:,} dropped · {without:,} without translation"
            if self.rows
            else ""
        )

    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame (what would be added, and why not)."""
        return pd.DataFrame(
            [
                {
                    "word": row.word,
                    "keep": row.keep,
                    "meanings": "; ".join(row.chosen),
                    "source": row.source,
                    "problem": row.error if failed(row) else "",
                    "line": row.location,
                }
                for row in self.rows
            ],
            columns=["word", "keep", "meanings", "source", "problem", "line"],
        )
