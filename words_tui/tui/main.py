"""Start the terminal quiz: settings → app; the database and the LLM open inside the app.

Only the settings are read before the first frame (a bad setting is reported as one line by the
CLI); the database is opened and migrated by the app's start-up worker, and the LLM client is
built in a thread after that, so `words-tui` draws its first frame without waiting for SQLAlchemy,
Alembic or the openai SDK.
"""

from __future__ import annotations

import locale
import os


def system_language() -> str:
    """The user's language from the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value and value not in ("C", "POSIX"):
            return value.split(":")[0]
    return locale.getlocale()[0] or "en"


def run_app() -> int:
    """Run the app until the learner quits; returns the process exit status."""
    from functools import partial

    from words_tui.settings import load_settings
    from words_tui.tui.app import create_app
    from words_tui.tui.backend import open_backend

    settings = load_settings()
    app = create_app(loader=partial(open_backend, settings), language=system_language())
    app.run()
    return app.return_code or 0
