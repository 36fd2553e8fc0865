"""Database failures a user can fix, told in one line that names the database and the remedy.

The server refusing the connection, an unknown host or database, a rejected login, a full disk,
a folder that cannot be written: these reach the front-ends as `DatabaseError` (a `UserError`,
one line, exit status 1) instead of a driver traceback. Anything else (a bug, a constraint)
keeps its own type.
"""

from __future__ import annotations

import errno
import socket

from sqlalchemy.engine import make_url

from words_tui.errors import DatabaseError


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _server(url: str) -> str:
    parsed = make_url(url)
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}"


def explain(error: BaseException, url: str, location: str) -> DatabaseError | None:
    """The one-line `DatabaseError` for `error` met using the database at `url` (shown as
    `location`), or None when it is not a failure the user can fix."""
    for cause in _chain(error):
        name = type(cause).__name__
        text = str(cause)
        if isinstance(cause, ConnectionRefusedError) or name == "CannotConnectNowError":
            return DatabaseError(
                f"cannot connect to the database server at {_server(url)}: the connection was "
                "refused — is PostgreSQL running there? (setting database_url)"
            )
        if isinstance(cause, socket.gaierror):
            host = make_url(url).host
            return DatabaseError(
                f"cannot find the database host '{host}': {cause.strerror} (setting database_url)"
            )
        if name == "InvalidCatalogNameError" or ("does not exist" in text and "database" in text):
            database = make_url(url).database
            return DatabaseError(
                f"the server at {_server(url)} has no database '{database}': create it "
                f"(createdb {database}) or fix the setting database_url"
            )
        if name in ("InvalidPasswordError", "InvalidAuthorizationSpecificationError"):
            return DatabaseError(
                f"the database server at {_server(url)} refused the login: {text.splitlines()[0]}"
            )
        if name == "TooManyConnectionsError":
            return DatabaseError(
                f"the database server at {_server(url)} has no free connection; try again in a "
                "moment, or put a pooler in front of it (see README, Shared PostgreSQL)"
            )
        if "database or disk is full" in text or (
            isinstance(cause, OSError) and cause.errno == errno.ENOSPC
        ):
            return DatabaseError(
                f"the disk holding {location} is full: free some space and try again "
                "(what was being saved was not saved; everything saved before is intact)"
            )
        if "unable to open database file" in text or "readonly database" in text:
            return DatabaseError(
                f"cannot write {location}: check that its folder exists and is writable "
                "(settings data_dir, database_url)"
            )
    return None
