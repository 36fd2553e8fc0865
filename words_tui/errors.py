"""Errors a user can fix, printed by every front-end as one clear line.

They live in a module with no dependencies so that the command line can catch them without
importing pydantic, SQLAlchemy or Alembic before it knows which command runs.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; the message names the setting, file or value at fault."""


class SettingsError(UserError, ValueError):
    """A setting has a bad value; the message names the setting and its source."""


class DatabaseError(UserError, RuntimeError):
    """The database cannot be used as it is; the message names the file or URL."""


class CommandError(UserError, RuntimeError):
    """A command-line request cannot be carried out as given."""
