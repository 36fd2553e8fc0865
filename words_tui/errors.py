"""Errors a user can fix, printed by every front-end as one clear line.

They live in a module with no dependencies so that the command line can catch them without
importing pydantic, SQLAlchemy or Alembic before it knows which command runs.

An error (`Explained`) raised with a catalogue `key` (`ProfileError(key="error.setting.range", setting=...,
value=..., low=..., high=...)`) is shown by each front-end in the learner's interface language
(`Texts.error`); its `str()` is the English text of that key, for logs and English front-ends.
Values named `setting` are setting names, shown by their label (`Texts.setting_name`).
"""

from __future__ import annotations


class Explained(Exception):
    """An error whose text the catalogue has (`key` and the `values` to fill in), so each
    front-end words it in the learner's language."""

    def __init__(self, message: str = "", *, key: str | None = None, **values: object) -> None:
        self.key = key
        self.values = values
        if key is not None and not message:
            from words_tui.i18n import Texts

            message = Texts("en").error(self)
        super().__init__(message)


class UserError(Explained):
    """A problem the user can fix; the message names the setting, file or value at fault."""


class SettingsError(UserError, ValueError):
    """A setting has a bad value; the message names the setting and its source."""


class DatabaseError(UserError, RuntimeError):
    """The database cannot be used as it is; the message names the file or URL."""


class InputError(UserError, ValueError):
    """What the learner typed or picked cannot be used as it is (an empty word, no translation)."""


class CommandError(UserError, RuntimeError):
    """A command-line request cannot be carried out as given."""
