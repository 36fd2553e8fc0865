"""Explorer: search and filter a profile's vocabulary (by status, level, tag); one word's entry,
cards and history.

    explorer = Explorer.for_workspace(ws)
    await explorer.search_words()
    explorer

Typing in the search box, changing a filter or the order starts a new search (replacing one still
running); "More" fetches the next page (keyset paging, so page 100 costs what page 1 does);
picking a word shows its details. All queries run in the background (`Tasks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import ipywidgets as widgets
import pandas as pd

from words_tui.domain.enums import Level, WordStatus
from words_tui.notebook.labels import ANY, WIDE_LABEL, local_time, status_label
from words_tui.notebook.tasks import Tasks
from words_tui.notebook.ui import StatusLine
from words_tui.notebook.word_view import details_html
from words_tui.notebook.workspace import Workspace
from words_tui.services.vocabulary import (
    Cursor,
    Order,
    Page,
    Vocabulary,
    VocabularyFilter,
    VocabularyItem,
    WordDetails,
)

PAGE_SIZE = 50
FRAME_PAGE = 1_000
FRAME_COLUMNS = [
    "word",
    "part of speech",
    "level",
    "meanings",
    "status",
    "added",
    "next due",
    "answers",
    "lapses",
]


def item_label(item: VocabularyItem) -> str:
    """One line of the result list: word, chosen meanings, status."""
    return f"{item.word} — {', '.join(item.meanings)} [{status_label(item.status)}]"


class Explorer(widgets.VBox):  # type: ignore[misc]
    """A searchable word list beside the selected word's details."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        profile_id: int,
        *,
        native_lang: str = "native",
        target_lang: str = "target",
        page_size: int = PAGE_SIZE,
        zone: tzinfo | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.profile_id = profile_id
        self.native_lang, self.target_lang = native_lang, target_lang
        self.zone = zone
        self.page_size = page_size
        self.items: list[VocabularyItem] = []
        self.details: WordDetails | None = None
        self._cursor: Cursor | None = None
        self._refilling = False
        self.status = StatusLine()
        self.tasks = Tasks(self.status.error)
        self.search = widgets.Text(
            placeholder="word or translation", description="Search", style=WIDE_LABEL
        )
        self.status_filter = widgets.Dropdown(
            options=[("any status", ANY)] + [(status_label(s), s.value) for s in WordStatus],
            description="Status",
            style=WIDE_LABEL,
        )
        self.level_filter = widgets.Dropdown(
            options=[("any level", ANY)] + [(level.value, level.value) for level in Level],
            description="Level",
            style=WIDE_LABEL,
        )
        self.tag_filter = widgets.Dropdown(
            options=[("any tag", ANY)], description="Tag", style=WIDE_LABEL
        )
        self.order = widgets.Dropdown(
            options=[("as added", Order.ADDED), ("A–Z", Order.ALPHABETICAL)],
            description="Order",
            style=WIDE_LABEL,
        )
        self.count = widgets.HTML()
        self.results = widgets.Select(options=[], rows=16, layout=widgets.Layout(width="26em"))
        self.more_button = widgets.Button(description="More", disabled=True)
        self.detail = widgets.HTML(layout=widgets.Layout(width="auto", flex="1"))
        filters = (self.search, self.status_filter, self.level_filter, self.tag_filter, self.order)
        for control in filters:
            control.observe(self._filters_changed, names="value")
        self.results.observe(self._selected, names="value")
        self.more_button.on_click(lambda _: self.tasks.start("more", self.more()))
        super().__init__(
            [
                widgets.HBox([self.search, self.status_filter, self.level_filter, self.tag_filter]),
                self.order,
                widgets.HBox([self.count, self.status]),
                widgets.HBox(
                    [widgets.VBox([self.results, self.more_button]), self.detail],
                    layout=widgets.Layout(align_items="flex-start"),
                ),
            ]
        )

    @classmethod
    def for_workspace(cls, workspace: Workspace) -> Explorer:
        return cls(
            workspace.core.vocabulary,
            workspace.profile_id,
            native_lang=workspace.profile.native_lang,
            target_lang=workspace.profile.target_lang,
            zone=_zone(workspace.profile.timezone),
        )

    @property
    def filters(self) -> VocabularyFilter:
        status = self.status_filter.value
        return VocabularyFilter(
            search=self.search.value,
            status=WordStatus(status) if status != ANY else None,
            level=self.level_filter.value or None,
            tag=self.tag_filter.value or None,
        )

    def _filters_changed(self, _change: dict[str, Any]) -> None:
        self.tasks.start("search", self.search_words())

    def _selected(self, change: dict[str, Any]) -> None:
        if change["new"] is not None and not self._refilling:
            self.tasks.start("details", self.show_word(change["new"]))

    async def search_words(self) -> Page:
        """The first page of words matching the filters, and how many match in all (the tag
        filter's choices are read on the way)."""
        if len(self.tag_filter.options) == 1:
            tags = await self.vocabulary.tags(self.profile_id)
            self.tag_filter.options = [("any tag", ANY)] + [
                (f"{tag} ({count:,})", tag) for tag, count in tags
            ]
        filters = self.filters
        page = await self.vocabulary.browse(
            self.profile_id, filters, order=self.order.value, limit=self.page_size
        )
        total = await self.vocabulary.count(self.profile_id, filters)
        self.items = []
        self.count.value = f"<b>{total:,}</b> word{'s' if total != 1 else ''}"
        self._show(page)
        return page

    async def more(self) -> Page:
        """The next page, appended to the list."""
        page = await self.vocabulary.browse(
            self.profile_id,
            self.filters,
            order=self.order.value,
            after=self._cursor,
            limit=self.page_size,
        )
        self._show(page)
        return page

    def _show(self, page: Page) -> None:
        self.items.extend(page.items)
        self._cursor = page.next_cursor
        selected = self.results.value
        self._refilling = True
        try:
            self.results.options = [(item_label(item), item.user_word_id) for item in self.items]
            kept = selected in {item.user_word_id for item in self.items}
            self.results.value = selected if kept else None
        finally:
            self._refilling = False
        if not kept:
            self.details = None
            self.detail.value = ""
        self.more_button.disabled = page.next_cursor is None
        self.status.show("")

    async def show_word(self, user_word_id: int) -> WordDetails:
        """Show the word's entry, its cards in both directions and its answers."""
        details = await self.vocabulary.details(self.profile_id, user_word_id)
        self.details = details
        self.detail.value = details_html(details, self.native_lang, self.target_lang, self.zone)
        return details

    async def frame(self) -> pd.DataFrame:
        """Every word matching the filters as a DataFrame (all pages, not only those shown)."""
        items: list[VocabularyItem] = []
        cursor: Cursor | None = None
        while True:
            page = await self.vocabulary.browse(
                self.profile_id,
                self.filters,
                order=self.order.value,
                after=cursor,
                limit=FRAME_PAGE,
            )
            items.extend(page.items)
            cursor = page.next_cursor
            if cursor is None:
                return vocabulary_frame(items, self.zone)


def vocabulary_frame(items: Sequence[VocabularyItem], zone: tzinfo | None) -> pd.DataFrame:
    """Words as a table: text, part of speech, level, chosen meanings, status, dates (local)."""
    return pd.DataFrame(
        [
            {
                "word": item.word,
                "part of speech": item.pos,
                "level": item.cefr or "",
                "meanings": "; ".join(item.meanings),
                "status": status_label(item.status),
                "added": local_time(item.added_at, zone),
                "next due": local_time(item.next_due, zone),
                "answers": item.reps,
                "lapses": item.lapses,
            }
            for item in items
        ],
        columns=FRAME_COLUMNS,
    )


def _zone(name: str | None) -> tzinfo | None:
    """The profile's time zone (None: the computer's)."""
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None
