"""Start the terminal quiz. The first frame comes first; everything else opens inside the app.

The app's start-up worker reads the settings, imports SQLAlchemy and the screens in a thread and
opens and migrates the database; the LLM client is built in another thread after that. So
`words-tui` draws its first frame without waiting for pydantic-settings, SQLAlchemy, Alembic or
the openai SDK, and a bad setting or an unusable database ends the app with one line naming it.
"""

from __future__ import annotations


def run_app(lesson_tag: str | None = None) -> int:
    """Run the app until the learner quits (its lessons only on words carrying `lesson_tag`
    when given); returns the process exit status."""
    from words_tui.i18n import system_language
    from words_tui.tui.app import create_app
    from words_tui.tui.boot import open_core

    app = create_app(loader=open_core, language=system_language(), lesson_tag=lesson_tag)
    app.run()
    return app.return_code or 0
