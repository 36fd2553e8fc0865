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
            return DatabaseError(key="error.database.refused", server=_server(url))
        if isinstance(cause, socket.gaierror):
            host = make_url(url).host
            return DatabaseError(
                key="error.database.unknown_host", host=host, reason=str(cause.strerror)
            )
        if name == "InvalidCatalogNameError" or ("does not exist" in text and "database" in text):
            database = make_url(url).database
            return DatabaseError(
                key="error.database.no_such_database", server=_server(url), database=database
            )
        if name in ("InvalidPasswordError", "InvalidAuthorizationSpecificationError"):
            return DatabaseError(
                key="error.database.login", server=_server(url), reason=text.splitlines()[0]
            )
        if name == "TooManyConnectionsError":
            return DatabaseError(key="error.database.no_connection", server=_server(url))
        if "database or disk is full" in text or (
            isinstance(cause, OSError) and cause.errno == errno.ENOSPC
        ):
            return DatabaseError(key="error.database.disk_full", location=location)
        if "unable to open database file" in text or "readonly database" in text:
            return DatabaseError(key="error.database.read_only", location=location)
    return None
