"""Add a word: look it up in either language, or type your own translation; edit; add.

The lookup is debounced and runs in an exclusive worker, so typing on cancels the lookup of the
previous text, and a result that arrives for text no longer in the box is dropped. A found entry
fills the form (the word in the language learnt, its translations, an example), where the learner
may change anything before adding; with no entry, the typed text lands in the field of its
language and the learner types the rest, so a word can be added with no source at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import (
    Button,
    Header,
    Input,
    LoadingIndicator,
    OptionList,
    Static,
)
from textual.widgets.option_list import Option

from words_tui.services.vocabulary import WordDraft, split_translations
from words_tui.tui.base import WordsScreen
from words_tui.tui.literal import literal, shown
from words_tui.tui.speech import SAY, SpeaksWord
from words_tui.tui.widgets.entry_view import EntryView
from words_tui.tui.widgets.footer import TranslatedFooter

if TYPE_CHECKING:
    from words_tui.services.vocabulary import FoundEntry, LookupResult

DEBOUNCE_S = 0.3
"""Quiet time after the last key press before a lookup starts."""
FIELDS = ("word", "translations", "example", "note", "tags")
"""The form's inputs, in order: the word and its translations are labelled with their languages,
the others with the text `add.field.<name>`."""


class AddWordScreen(SpeaksWord, WordsScreen[None]):
    """Look a word up and add it with the meanings the learner picks."""

    DEFAULT_CSS = """
    AddWordScreen #add-body { padding: 0 1; }
    AddWordScreen #query { margin-top: 1; }
    AddWordScreen #status { color: $text-muted; padding: 0 1; height: auto; }
    AddWordScreen #status.-problem { color: $warning; }
    AddWordScreen #candidates { height: auto; max-height: 5; border: none; }
    AddWordScreen #form { height: auto; margin-top: 1; }
    AddWordScreen .field { height: auto; }
    AddWordScreen .field Static { width: 16; padding: 0 1; color: $text-muted; }
    AddWordScreen .field Input { width: 1fr; }
    AddWordScreen #add { margin: 1 1 0 1; }
    AddWordScreen LoadingIndicator { height: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back"),
        Binding("ctrl+s", "add", "key.add_selected"),
        SAY,
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
            with Vertical(id="form"):
                for name in FIELDS:
                    with Horizontal(classes="field"):
                        yield Static("", id=f"{name}-label")
                        yield Input(id=name, compact=True)
            yield Button("", id="add", variant="primary")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        profile = self.words_app.profile
        assert profile is not None
        names = self.words_app.texts.language_name
        target, native = names(profile.target_lang), names(profile.native_lang)
        self.title = self.t("add.title")
        query = self.query_one("#query", Input)
        query.placeholder = self.t("add.placeholder", target=target, native=native)
        labels = {"word": target, "translations": native}
        for name in FIELDS:
            label = labels.get(name) or self.t(f"add.field.{name}")
            self.query_one(f"#{name}-label", Static).update(literal(label))
        self.query_one("#translations", Input).placeholder = self.t("add.translations_hint")
        self.query_one("#tags", Input).placeholder = self.t("add.tags_hint")
        self.query_one("#add", Button).label = self.t("add.button")
        self.query_one(LoadingIndicator).display = False
        self.show_candidates(None)
        self.set_status(self.t("add.hint"))
        query.focus()

    def set_status(self, text: str, *, problem: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(literal(text))
        status.set_class(problem, "-problem")

    def word_to_say(self) -> tuple[str, str] | None:
        profile = self.words_app.profile
        word = self.field("word").value.strip()
        return (word, profile.target_lang) if word and profile is not None else None

    def field(self, name: str) -> Input:
        return self.query_one(f"#{name}", Input)

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
            self.fill_typed(result)
            key = "add.no_source" if not self.core.llm_configured else "add.not_found"
            self.set_status(self.t(key, word=result.query, problem=result.problem), problem=True)
            return
        language = self.words_app.texts.language_name(result.typed_lang)
        self.set_status(self.t("add.found", count=len(result.candidates), language=language))
        self.show_candidates(result)

    def fill_typed(self, result: LookupResult) -> None:
        """No source has the word: put it in the field of the language it was typed in and
        move to the field the learner must fill."""
        profile = self.words_app.profile
        assert profile is not None
        in_target = result.typed_lang == profile.target_lang
        self.fill(result.query if in_target else "", "" if in_target else result.query)
        self.field("translations" if in_target else "word").focus()

    def fill(self, word: str, translations: str, example: str = "") -> None:
        self.field("word").value = word
        self.field("translations").value = translations
        self.field("example").value = example

    def show_candidates(self, result: LookupResult | None) -> None:
        candidates = self.query_one("#candidates", OptionList)
        candidates.clear_options()
        texts = self.words_app.texts
        found = result.candidates if result is not None else ()
        candidates.add_options(
            Option(
                Content.assemble(
                    (shown(c.entry.word), "bold"),
                    shown(f" ({texts.get(f'pos.{c.entry.pos}', c.entry.pos)})")
                    if c.entry.pos
                    else "",
                    shown(" — " + ", ".join(c.entry.translations)),
                    ("  " + self.t("add.in_vocabulary"), "$success") if c.in_vocabulary else "",
                ),
                id=str(index),
            )
            for index, c in enumerate(found)
        )
        candidates.display = len(found) > 1
        if found:
            candidates.highlighted = 0
        self.choose(found[0] if found else None)

    @on(OptionList.OptionHighlighted, "#candidates")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.result is not None and event.option.id is not None:
            self.choose(self.result.candidates[int(event.option.id)])

    def choose(self, candidate: FoundEntry | None) -> None:
        """Show `candidate`'s entry and put it in the form to edit."""
        self.chosen = candidate
        entry = candidate.entry if candidate is not None else None
        self.query_one(EntryView).show(entry, self.words_app.texts)
        if entry is not None:
            draft = WordDraft.from_entry(entry)
            self.fill(draft.word, ", ".join(draft.translations), draft.example)

    # -- adding ---------------------------------------------------------------------------------

    def draft(self) -> WordDraft:
        """The form as a draft, based on the entry shown (the service tells what changed)."""
        base = self.chosen.entry if self.chosen is not None else None
        return WordDraft(
            word=self.field("word").value,
            translations=split_translations(self.field("translations").value),
            example=self.field("example").value,
            note=self.field("note").value,
            tags=split_translations(self.field("tags").value),
            pos=base.pos if base is not None else "",
            base=base,
        )

    @on(Button.Pressed, "#add")
    def action_add(self) -> None:
        draft = self.draft()
        if not draft.word.strip():
            self.notify(self.t("add.need_word"), severity="warning")
            self.field("word").focus()
            return
        if not draft.translations:
            self.notify(self.t("add.need_translation"), severity="warning")
            self.field("translations").focus()
            return
        self.add(draft)

    @work(exclusive=True, group="add", exit_on_error=False)
    async def add(self, draft: WordDraft) -> None:
        profile = self.words_app.profile
        assert profile is not None and profile.id is not None
        outcome = await self.core.vocabulary.add(profile.id, draft)
        if outcome.created:
            message = self.t("add.added", word=draft.word.strip())
        elif outcome.merged_translations:
            merged = ", ".join(outcome.merged_translations)
            message = self.t("add.merged", word=draft.word.strip(), translations=merged)
        else:
            message = self.t("add.already", word=draft.word.strip())
        self.notify(shown(message), markup=False)
        for name in ("query", *FIELDS):
            self.query_one(f"#{name}", Input).value = ""
        self.chosen = None
        self.query_one(EntryView).show(None, self.words_app.texts)
        self.query_one("#query", Input).focus()

    def action_back(self) -> None:
        self.app.pop_screen()
