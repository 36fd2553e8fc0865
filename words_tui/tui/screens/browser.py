"""Browse the vocabulary a page at a time: search, filter, edit, suspend, delete, reset, history.

Enter or ↓ in the search box moves to the results; the keys that act on a word (edit, suspend,
delete, reset, history, say) work only while the results have the focus, where the highlighted
row shows which word they act on — elsewhere they are not offered.

Pages come from the vocabulary service's keyset paging (the same cost on every page at 100k
words); the screen keeps the cursors of the pages before, so "previous page" needs no offset.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar
from zoneinfo import ZoneInfo

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Select, Static

from words_tui.domain.enums import Direction, Level, WordStatus
from words_tui.services.vocabulary import VocabularyFilter
from words_tui.tui.base import WordsScreen
from words_tui.tui.literal import cell, literal, shown
from words_tui.tui.speech import SAY, SpeaksWord
from words_tui.tui.widgets.footer import TranslatedFooter

if TYPE_CHECKING:
    from words_tui.services.vocabulary import (
        Cursor,
        DirectionAccuracy,
        Page,
        VocabularyItem,
    )

PAGE_SIZE = 50
SEARCH_DEBOUNCE_S = 0.25
MEANINGS_WIDTH = 28
WORD_ACTIONS = frozenset({"edit", "suspend", "delete", "reset", "history", "say"})
NOT_STUDIED = "—"
"""The "Next" of a word never answered: it has no review date yet."""


class BrowserScreen(SpeaksWord, WordsScreen[None]):
    """The profile's words in a table, 50 to a page."""

    DEFAULT_CSS = """
    BrowserScreen #filters { height: auto; padding: 0 1; }
    BrowserScreen #search { width: 1fr; }
    BrowserScreen Select { width: 22; }
    BrowserScreen #tag { width: 26; }
    BrowserScreen.-narrow #filters { layout: grid; grid-size: 3; grid-rows: 1; grid-gutter: 0 1; }
    BrowserScreen.-narrow #search { column-span: 3; }
    BrowserScreen.-narrow Select { width: 1fr; }
    BrowserScreen #page-info { color: $text-muted; padding: 0 1; height: 1; }
    BrowserScreen DataTable { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back"),
        Binding("slash", "focus_search", "key.search", show=False),
        Binding("e", "edit", "key.edit"),
        Binding("s", "suspend", "key.suspend_toggle"),
        Binding("d", "delete", "key.delete"),
        Binding("h", "history", "key.history"),
        Binding("r", "reset", "key.reset"),
        Binding("pagedown,n", "next_page", "key.next_page", show=False),
        Binding("pageup,p", "previous_page", "key.previous_page", show=False),
        Binding("down", "results", show=False),
        SAY,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[VocabularyItem] = []
        self.cursors: list[Cursor | None] = [None]
        self.next_cursor: Cursor | None = None
        self.total: int | None = None
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filters"):
            yield Input(id="search", compact=True)
            yield Select[int](
                [(self.t(f"status.{status.name.lower()}"), int(status)) for status in WordStatus],
                prompt=self.t("browser.all_statuses"),
                id="status",
                compact=True,
            )
            yield Select[str](
                [(level.value, level.value) for level in Level],
                prompt=self.t("browser.all_levels"),
                id="level",
                compact=True,
            )
            yield Select[str]([], prompt=self.t("browser.all_tags"), id="tag", compact=True)
        yield Static("", id="page-info")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.title = self.t("browser.title")
        self.query_one("#search", Input).placeholder = self.t("browser.search")
        table = self.query_one(DataTable)
        table.add_columns(
            self.t("browser.word"),
            self.t("browser.translations"),
            self.t("browser.level"),
            self.t("browser.status"),
            self.t("browser.due"),
            *self.accuracy_headers(),
        )
        table.focus()
        self.reload()
        self.load_tags()

    def accuracy_headers(self) -> tuple[str, str]:
        """ "es→en %" and "en→es %": each direction's success rate, named by its languages."""
        profile = self.words_app.profile
        assert profile is not None
        foreign, native = profile.target_lang, profile.native_lang
        return f"{foreign}→{native} %", f"{native}→{foreign} %"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Word keys only while the results have the focus (hidden from the footer elsewhere)."""
        if action in WORD_ACTIONS and self.focused is not self.query_one(DataTable):
            return False
        return super().check_action(action, parameters)

    @work(exclusive=True, group="browser-tags", exit_on_error=False)
    async def load_tags(self) -> None:
        """The tag filter's choices (hidden while no word carries a tag)."""
        tags = await self.core.vocabulary.tags(self.profile_id)
        select = self.query_one("#tag", Select)
        select.set_options((literal(f"{tag} ({words})"), tag) for tag, words in tags)
        select.display = bool(tags)

    @property
    def profile_id(self) -> int:
        profile = self.words_app.profile
        assert profile is not None and profile.id is not None
        return profile.id

    def filters(self) -> VocabularyFilter:
        status = self.query_one("#status", Select).value
        level = self.query_one("#level", Select).value
        tag = self.query_one("#tag", Select).value
        return VocabularyFilter(
            search=self.query_one("#search", Input).value,
            status=WordStatus(status) if isinstance(status, int) else None,
            level=level if isinstance(level, str) else None,
            tag=tag if isinstance(tag, str) else None,
        )

    # -- loading pages --------------------------------------------------------------------------

    def reload(self) -> None:
        """Back to the first page of the current filters; the total is counted alongside."""
        self.cursors = [None]
        self.total = None
        self.load_page()
        self.count_matches()

    @work(exclusive=True, group="browser", exit_on_error=False)
    async def load_page(self) -> None:
        vocabulary = self.core.vocabulary
        page = await vocabulary.browse(
            self.profile_id, self.filters(), after=self.cursors[-1], limit=PAGE_SIZE
        )
        accuracy = await vocabulary.accuracy(
            self.profile_id, [item.user_word_id for item in page.items]
        )
        self.show_page(page, accuracy)

    @work(exclusive=True, group="browser-count", exit_on_error=False)
    async def count_matches(self) -> None:
        """The number of matching words (a count over the whole vocabulary: not on the path of
        the first page)."""
        self.total = await self.core.vocabulary.count(self.profile_id, self.filters())
        self.show_page_info()

    def show_page(
        self, page: Page, accuracy: dict[int, dict[Direction, DirectionAccuracy]]
    ) -> None:
        self.items = list(page.items)
        self.next_cursor = page.next_cursor
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        profile = self.words_app.profile
        zone = ZoneInfo(profile.timezone if profile is not None else "UTC")
        texts = self.words_app.texts

        def rate(accuracy: DirectionAccuracy | None) -> str:
            """ "83%" for a direction answered before, "–" for one never answered."""
            return texts.percent(accuracy.rate if accuracy is not None else None)

        for item in self.items:
            by_direction = accuracy.get(item.user_word_id, {})
            meanings = ", ".join(item.meanings)
            if len(meanings) > MEANINGS_WIDTH:
                meanings = meanings[: MEANINGS_WIDTH - 1] + "…"
            table.add_row(
                cell(item.word),
                cell(meanings),
                cell(item.cefr or ""),
                cell(self.t(f"status.{item.status.name.lower()}")),
                cell(self.next_review(item, zone)),
                cell(rate(by_direction.get(Direction.FOREIGN_TO_NATIVE))),
                cell(rate(by_direction.get(Direction.NATIVE_TO_FOREIGN))),
                key=str(item.user_word_id),
            )
        if self.items:
            table.move_cursor(row=min(row, len(self.items) - 1))
        self.show_page_info()

    def next_review(self, item: VocabularyItem, zone: ZoneInfo) -> str:
        """The date of the word's next review; a dash for a word never answered (its cards are
        due at once, which is not a review date)."""
        if item.next_due is None or item.reps == 0:
            return NOT_STUDIED
        return self.words_app.texts.short_date(item.next_due.astimezone(zone))

    def show_page_info(self) -> None:
        """The "51–100 of 1,234" line (the total appears once it is counted)."""
        first = (len(self.cursors) - 1) * PAGE_SIZE + 1
        self.query_one("#page-info", Static).update(
            self.t(
                "browser.page_info",
                first=first if self.items else 0,
                last=first + len(self.items) - 1,
                total="…" if self.total is None else self.total,
            )
        )

    @on(Input.Changed, "#search")
    def search_changed(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(SEARCH_DEBOUNCE_S, self.reload)

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        """Enter: the results of what is typed, at once, with the focus on them."""
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
            self.reload()
        self.action_results()

    @on(Select.Changed)
    def filter_changed(self) -> None:
        self.reload()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_results(self) -> None:
        self.query_one(DataTable).focus()

    def action_next_page(self) -> None:
        if self.next_cursor is not None:
            self.cursors.append(self.next_cursor)
            self.load_page()

    def action_previous_page(self) -> None:
        if len(self.cursors) > 1:
            self.cursors.pop()
            self.load_page()

    def action_back(self) -> None:
        self.app.pop_screen()

    # -- acting on the selected word ------------------------------------------------------------

    def word_to_say(self) -> tuple[str, str] | None:
        item = self.selected()
        profile = self.words_app.profile
        if item is None or profile is None:
            return None
        return item.word, profile.target_lang

    def selected(self) -> VocabularyItem | None:
        table = self.query_one(DataTable)
        if not self.items or table.cursor_row < 0:
            return None
        return self.items[min(table.cursor_row, len(self.items) - 1)]

    def action_edit(self) -> None:
        from words_tui.tui.dialogs.edit_word import EditWordDialog

        item = self.selected()
        if item is None:
            return

        def edited(meanings: list[str] | None) -> None:
            if meanings is not None:
                self.save_meanings(item, meanings)

        self.app.push_screen(EditWordDialog(item.word, item.meanings), edited)

    @work(exclusive=True, group="browser-change", exit_on_error=False)
    async def save_meanings(self, item: VocabularyItem, meanings: list[str]) -> None:
        await self.core.vocabulary.edit_meanings(self.profile_id, item.user_word_id, meanings)
        self.notify(shown(self.t("browser.edited", word=item.word)), markup=False)
        self.load_page()

    def action_suspend(self) -> None:
        item = self.selected()
        if item is not None:
            self.toggle_suspended(item)

    @work(exclusive=True, group="browser-change", exit_on_error=False)
    async def toggle_suspended(self, item: VocabularyItem) -> None:
        suspend = item.status != WordStatus.SUSPENDED
        await self.core.vocabulary.set_suspended(self.profile_id, item.user_word_id, suspend)
        key = "browser.suspended" if suspend else "browser.resumed"
        self.notify(shown(self.t(key, word=item.word)), markup=False)
        self.load_page()

    def action_delete(self) -> None:
        self.confirm_then("browser.confirm_delete", "browser.delete", self.delete_selected)

    def action_reset(self) -> None:
        self.confirm_then("browser.confirm_reset", "browser.reset", self.reset_selected)

    def confirm_then(
        self, question: str, label: str, act: Callable[[VocabularyItem], object]
    ) -> None:
        from words_tui.tui.dialogs.confirm import ConfirmDialog

        item = self.selected()
        if item is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                act(item)

        self.app.push_screen(
            ConfirmDialog(self.t(question, word=item.word), self.t(label)), answered
        )

    @work(exclusive=True, group="browser-change", exit_on_error=False)
    async def delete_selected(self, item: VocabularyItem) -> None:
        await self.core.vocabulary.delete(self.profile_id, item.user_word_id)
        self.notify(shown(self.t("browser.deleted", word=item.word)), markup=False)
        self.load_page()
        self.count_matches()

    @work(exclusive=True, group="browser-change", exit_on_error=False)
    async def reset_selected(self, item: VocabularyItem) -> None:
        await self.core.vocabulary.reset(self.profile_id, item.user_word_id)
        self.notify(shown(self.t("browser.was_reset", word=item.word)), markup=False)
        self.load_page()

    def action_history(self) -> None:
        item = self.selected()
        if item is not None:
            self.show_history(item)

    @work(exclusive=True, group="browser-history", exit_on_error=False)
    async def show_history(self, item: VocabularyItem) -> None:
        from words_tui.tui.dialogs.history import HistoryDialog

        records = await self.core.vocabulary.history(self.profile_id, item.user_word_id)
        profile = self.words_app.profile
        assert profile is not None
        languages = (profile.target_lang, profile.native_lang)
        self.app.push_screen(HistoryDialog(item.word, records, profile.timezone, languages))
