"""Start the terminal quiz. The first frame comes first; everything else opens inside the app.

The app's start-up worker reads the settings, imports SQLAlchemy and the screens in a thread and
opens and migrates the database; the LLM client is built in another thread after that. So
`words-tui` draws its first frame without waiting for pydantic-settings, SQLAlchemy, Alembic or
the openai SDK, and a bad setting or an unusable database ends the app with one line naming it.

The cyclic garbage collector is paused for the start: importing the libraries and building the
first screens creates ~100k objects that all live as long as the process, so every collection
on the way to the first card (≈ 0.1 s of CPU in all) would find next to nothing to free. It
resumes once the first screen after start-up has settled, with those objects frozen out of later
collections. The few thousand unreachable ones among them (≈ 1 MB) stay: collecting them first
would cost the pause this avoids (a full collection of the start's objects, 40–90 ms).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from words_tui.tui.app import WordsApp


def resume_collector() -> None:
    """Collect again, leaving out everything alive now (the modules and the first screens)."""
    gc.freeze()
    gc.enable()


def build_app(lesson_tag: str | None = None) -> WordsApp:
    """The app `words-tui` runs (its lessons only on words carrying `lesson_tag` when given),
    with the garbage collector paused until its start is over."""
    gc.disable()
    from words_tui.i18n import system_language
    from words_tui.tui.app import create_app
    from words_tui.tui.boot import open_core

    return create_app(
        loader=open_core,
        language=system_language(),
        lesson_tag=lesson_tag,
        after_start=resume_collector,
    )


def run_app(lesson_tag: str | None = None) -> int:
    """Run the app until the learner quits; returns the process exit status."""
    app = build_app(lesson_tag)
    app.run()
    return app.return_code or 0
