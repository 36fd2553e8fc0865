"""Base classes of every screen and dialog: typed access to the app, its texts and core, and the
one route by which a failed worker's error reaches the learner (`WordsApp.report_error`).

Worker state messages do not bubble, so each screen forwards its own workers' failures here; the
workers themselves are declared `exit_on_error=False` and never handle errors piecemeal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState

from words_tui.tui.keys import on_any_layout

if TYPE_CHECKING:
    from words_tui.services import Core
    from words_tui.tui.app import WordsApp

ResultType = TypeVar("ResultType")
WARM_UP_AFTER_S = 1.0
"""Heavy data a screen will need later (lemma tables, the openai SDK) starts loading once the
home screen has been up this long: loading competes with the screen for the interpreter, so a
lesson started at once is not slowed by it (a lesson starts what it needs itself)."""


class AppAccess:
    """Typed shortcuts to the running `WordsApp`, shared by screens and dialogs; their letter
    keys work on the Russian layout too (`words_tui.tui.keys`)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        if "BINDINGS" in cls.__dict__:
            cls.BINDINGS = on_any_layout(cls.__dict__["BINDINGS"])  # type: ignore[attr-defined]
        super().__init_subclass__(**kwargs)

    @property
    def words_app(self) -> WordsApp:
        return cast("WordsApp", cast(Any, self).app)

    @property
    def core(self) -> Core:
        """The services: `self.core.lessons`, `self.core.vocabulary`, ..."""
        return self.words_app.core

    def t(self, key: str, /, **values: object) -> str:
        """The interface text `key` in the learner's interface language."""
        return self.words_app.texts(key, **values)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.words_app.report_error(event.worker.error)


class WordsScreen(AppAccess, Screen[ResultType]):
    """A full screen of the app."""


class WordsModal(AppAccess, ModalScreen[ResultType]):
    """A dialog over the current screen, returning its answer with `dismiss`."""
