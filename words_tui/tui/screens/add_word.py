"""Add a word: type it in either language, see its entry, choose meanings, add.

The lookup is debounced and runs in an exclusive worker, so typing on cancels the lookup of the
previous text, and a result that arrives for text no longer in the box is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import (
    Button,
    Header,
    Input,
    LoadingIndicator,
    OptionList,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option

from words_tui.tui.base import WordsScreen
from words_tui.tui.widgets.entry_view import EntryView
from words_tui.tui.widgets.footer import TranslatedFooter

if TYPE_CHECKING:
    from words_tui.services.vocabulary import FoundEntry, LookupResult

DEBOUNCE_S = 0.3
"""Quiet time after the last key press before a lookup starts."""


class AddWordScreen(WordsScreen[None]):
    """Look a word up and add it with the meanings the learner picks."""

    DEFAULT_CSS = """
    AddWordScreen #add-body { padding: 0 1; }
    AddWordScreen #query { margin-top: 1; }
    AddWordScreen #status { color: $text-muted; padding: 0 1; height: auto; }
    AddWordScreen #status.-problem { color: $warning; }
    AddWordScreen #candidates { height: auto; max-height: 5; border: none; }
    AddWordScreen #meanings { height: auto; max-height: 8; border: none; margin-top: 1; }
    AddWordScreen #add { margin: 1 1 0 1; }
    AddWordScreen LoadingIndicator { height: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back"),
        Binding("ctrl+s", "add", "key.add_selected"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.result: LookupResult | None = None
        self.chosen: FoundEntry | None = None
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="add-body"):
            yield Input(id="query")
            yield Static("", id="status")
            yield LoadingIndicator()
            yield OptionList(id="candidates")
            yield EntryView(id="entry")
            yield SelectionList[str](id="meanings")
            yield Button("", id="add", variant="primary")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        profile = self.words_app.profile
        assert profile is not None
        names = self.words_app.texts.language_name
        self.title = self.t("add.title")
        query = self.query_one("#query", Input)
        query.placeholder = self.t(
            "add.placeholder", target=names(profile.target_lang), native=names(profile.native_lang)
        )
        self.query_one(LoadingIndicator).display = False
        self.show_candidates(None)
        self.set_status(self.t("add.hint"))
        query.focus()

    def set_status(self, text: str, *, problem: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(Content(text))
        status.set_class(problem, "-problem")

    # -- looking up -----------------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def typed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        if event.value.strip():
            self._debounce = self.set_timer(DEBOUNCE_S, self.start_lookup)
        else:
            self.show_candidates(None)
            self.set_status(self.t("add.hint"))

    @on(Input.Submitted, "#query")
    def submitted(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self.start_lookup()

    def start_lookup(self) -> None:
        text = self.query_one("#query", Input).value.strip()
        if text:
            self.query_one(LoadingIndicator).display = True
            self.set_status(self.t("add.looking_up", word=text))
            self.look_up(text)

    @work(exclusive=True, group="lookup", exit_on_error=False)
    async def look_up(self, text: str) -> None:
        profile = self.words_app.profile
        assert profile is not None and profile.id is not None
        try:
            result = await self.core.vocabulary.lookup(profile.id, text)
        finally:
            self.query_one(LoadingIndicator).display = False
        if self.query_one("#query", Input).value.strip() != text:
            return
        self.show_result(result)

    def show_result(self, result: LookupResult) -> None:
        self.result = result
        if not result.candidates:
            self.show_candidates(None)
            if not self.core.llm_configured:
                self.set_status(self.t("add.no_source", word=result.query), problem=True)
            else:
                self.set_status(
                    self.t("add.not_found", word=result.query, problem=result.problem),
                    problem=True,
                )
            return
        language = self.words_app.texts.language_name(result.typed_lang)
        self.set_status(self.t("add.found", count=len(result.candidates), language=language))
        self.show_candidates(result)

    def show_candidates(self, result: LookupResult | None) -> None:
        candidates = self.query_one("#candidates", OptionList)
        candidates.clear_options()
        found = result.candidates if result is not None else ()
        candidates.add_options(
            Option(
                Content.assemble(
                    (c.entry.word, "bold"),
                    f" ({c.entry.pos})" if c.entry.pos else "",
                    " — " + ", ".join(c.entry.translations),
                    ("  " + self.t("add.in_vocabulary"), "$success") if c.in_vocabulary else "",
                ),
                id=str(index),
            )
            for index, c in enumerate(found)
        )
        candidates.display = len(found) > 1
        self.query_one("#add", Button).display = bool(found)
        self.query_one("#meanings", SelectionList).display = bool(found)
        if found:
            candidates.highlighted = 0
        self.choose(found[0] if found else None)

    @on(OptionList.OptionHighlighted, "#candidates")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.result is not None and event.option.id is not None:
            self.choose(self.result.candidates[int(event.option.id)])

    def choose(self, candidate: FoundEntry | None) -> None:
        """Show `candidate`'s entry with all its meanings ticked."""
        self.chosen = candidate
        entry = candidate.entry if candidate is not None else None
        self.query_one(EntryView).show(entry, self.words_app.texts)
        meanings = self.query_one("#meanings", SelectionList)
        meanings.clear_options()
        if entry is not None:
            meanings.add_options((Content(text), text, True) for text in entry.translations)
        known = candidate is not None and candidate.in_vocabulary
        button = self.query_one("#add", Button)
        button.disabled = candidate is None or known
        button.label = self.t("add.in_vocabulary" if known else "add.button")

    # -- adding ---------------------------------------------------------------------------------

    @on(Button.Pressed, "#add")
    def action_add(self) -> None:
        candidate = self.chosen
        if candidate is None or candidate.in_vocabulary:
            return
        meanings: list[str] = list(self.query_one("#meanings", SelectionList).selected)
        if not meanings:
            self.notify(self.t("add.pick_meaning"), severity="warning")
            return
        self.add(candidate, meanings)

    @work(exclusive=True, group="add", exit_on_error=False)
    async def add(self, candidate: FoundEntry, meanings: list[str]) -> None:
        profile = self.words_app.profile
        assert profile is not None and profile.id is not None
        outcome = await self.core.vocabulary.add(profile.id, candidate.entry, meanings)
        key = "add.added" if outcome.created else "add.already"
        self.notify(self.t(key, word=candidate.entry.word), markup=False)
        query = self.query_one("#query", Input)
        query.value = ""
        query.focus()

    def action_back(self) -> None:
        self.app.pop_screen()
