"""The level's words that wait for a translation, and a button that translates them.

    waiting = WaitingWords.for_workspace(ws)
    await waiting.refresh()
    waiting

A level's words that no source could translate (no LLM, no dictionary when the profile was
made) wait in the profile's "to translate" list. This shows how many, the first of them and
why; "Translate" sends them through the source chain as configured now (the LLM included), with
a progress bar, and adds those that get a translation — as `words-tui profile pending
--translate` does.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from words_tui.notebook.tasks import Tasks
from words_tui.notebook.ui import StatusLine
from words_tui.notebook.workspace import Workspace
from words_tui.services.vocabulary import LevelFill, PendingWords, Vocabulary


class WaitingWords(widgets.VBox):  # type: ignore[misc]
    """The "to translate" list of one profile."""

    def __init__(self, vocabulary: Vocabulary, profile_id: int) -> None:
        self.vocabulary = vocabulary
        self.profile_id = profile_id
        self.waiting: PendingWords | None = None
        self.status = StatusLine()
        self.tasks = Tasks(self.status.error)
        self.summary = widgets.HTML()
        self.progress = widgets.IntProgress(value=0, min=0, max=1, description="Translating")
        self.progress.layout.visibility = "hidden"
        self.translate_button = widgets.Button(description="Translate", disabled=True)
        self.translate_button.on_click(lambda _: self.tasks.start("translate", self.translate()))
        super().__init__(
            [self.summary, widgets.HBox([self.translate_button, self.progress, self.status])]
        )

    @classmethod
    def for_workspace(cls, workspace: Workspace) -> WaitingWords:
        return cls(workspace.core.vocabulary, workspace.profile_id)

    async def refresh(self) -> PendingWords:
        """Read the list again."""
        waiting = await self.vocabulary.pending(self.profile_id)
        self.waiting = waiting
        if not waiting.count:
            self.summary.value = "No words wait to be translated."
        else:
            more = waiting.count - len(waiting.words)
            listed = ", ".join(waiting.words) + (f" … and {more:,} more" if more else "")
            self.summary.value = (
                f"<b>{waiting.count:,}</b> words wait to be translated "
                f"({html.escape(waiting.reason)}): {html.escape(listed)}"
            )
        self.translate_button.disabled = not waiting.count
        return waiting

    def _advance(self, done: int, total: int) -> None:
        self.progress.max = max(total, 1)
        self.progress.value = done

    async def translate(self) -> LevelFill:
        """Translate the waiting words with the sources configured now and add them."""
        self.translate_button.disabled = True
        self.progress.layout.visibility = "visible"
        self.status.show("translating…", "busy")
        try:
            fill = await self.vocabulary.translate_pending(self.profile_id, progress=self._advance)
        finally:
            self.progress.layout.visibility = "hidden"
        kind = "ok" if not fill.pending else "error"
        self.status.show(f"{fill.added:,} words added; {fill.pending:,} still wait", kind)
        await self.refresh()
        return fill
