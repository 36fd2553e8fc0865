"""Add a word from a notebook: look it up in either language, or type your own translation.

    adder = AddWord.for_workspace(ws)
    adder

"Look up" fills the form from the first source of the chain that knows the word (your stored
entries, the translation cache, the starter vocabulary, dictionaries, the LLM); change anything,
or type the word and its translations yourself when no source has it, then "Add". The same
service as the quiz's Add word: a word already there gets the new translations merged, and a
word added by hand comes up in the next lesson.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from words_tui.domain.entries import WordEntry
from words_tui.notebook.tasks import Tasks
from words_tui.notebook.ui import StatusLine
from words_tui.notebook.workspace import Workspace
from words_tui.services.vocabulary import (
    AddOutcome,
    LookupResult,
    Vocabulary,
    WordDraft,
    split_translations,
)


class AddWord(widgets.VBox):  # type: ignore[misc]
    """A lookup box above a form: the word, its translations, an example, a note, tags."""

    def __init__(
        self, vocabulary: Vocabulary, profile_id: int, *, native: str, target: str
    ) -> None:
        self.vocabulary = vocabulary
        self.profile_id = profile_id
        self.target = target
        self.base: WordEntry | None = None
        self.status = StatusLine()
        self.tasks = Tasks(self.status.error)
        self.query = widgets.Text(
            placeholder=f"a word in {target} or {native}", description="Look up"
        )
        self.lookup_button = widgets.Button(description="Look up")
        self.entry = widgets.HTML()
        self.word = widgets.Text(description=target)
        self.translations = widgets.Text(placeholder="separated by commas", description=native)
        self.example = widgets.Text(description="Example")
        self.note = widgets.Text(description="Note")
        self.tags = widgets.Text(placeholder="separated by commas", description="Tags")
        self.add_button = widgets.Button(description="Add", button_style="primary")
        self.lookup_button.on_click(lambda _: self.tasks.start("lookup", self.look_up()))
        self.add_button.on_click(lambda _: self.tasks.start("add", self.add()))
        super().__init__(
            [
                widgets.HBox([self.query, self.lookup_button]),
                self.entry,
                self.word,
                self.translations,
                self.example,
                self.note,
                self.tags,
                widgets.HBox([self.add_button, self.status]),
            ]
        )

    @classmethod
    def for_workspace(cls, workspace: Workspace) -> AddWord:
        profile = workspace.profile
        return cls(
            workspace.core.vocabulary,
            workspace.profile_id,
            native=profile.native_lang,
            target=profile.target_lang,
        )

    async def look_up(self) -> LookupResult:
        """Fill the form from the first source that knows the word typed in "Look up"; with
        none, put the word in the field of its language."""
        text = self.query.value.strip()
        if not text:
            raise ValueError("type a word to look up")
        result = await self.vocabulary.lookup(self.profile_id, text)
        if result.candidates:
            found = result.candidates[0].entry
            draft = WordDraft.from_entry(found)
            self.base = found
            self.word.value, self.example.value = draft.word, draft.example
            self.translations.value = ", ".join(draft.translations)
            self.entry.value = (
                f"<i>{html.escape(found.pos)}</i> from {html.escape(found.source)}"
                if found.pos
                else f"from {html.escape(found.source)}"
            )
            self.status.show(f"found in {found.source}: change anything, then Add", "ok")
        else:
            self.base = None
            in_target = result.typed_lang == self.target
            self.word.value = result.query if in_target else ""
            self.translations.value = "" if in_target else result.query
            self.example.value = ""
            self.entry.value = ""
            self.status.show(f"{result.problem}: type your own translation")
        return result

    def draft(self) -> WordDraft:
        base = self.base
        return WordDraft(
            word=self.word.value,
            translations=split_translations(self.translations.value),
            example=self.example.value,
            note=self.note.value,
            tags=split_translations(self.tags.value),
            pos=base.pos if base is not None else "",
            base=base,
        )

    async def add(self) -> AddOutcome:
        """Add the form's word (or merge it into the one already there) and clear the form."""
        outcome = await self.vocabulary.add(self.profile_id, self.draft())
        self.status.show(outcome.message, "ok")
        for field in (self.query, self.word, self.translations, self.example, self.note, self.tags):
            field.value = ""
        self.base, self.entry.value = None, ""
        return outcome
