"""PostgreSQL connections for programs that mostly wait for a learner.

One quiz process serves one learner, who answers a card every few seconds. A pool that keeps
several connections open per process, or even one while the learner thinks, exhausts a default
server (100 connections) near 100 learners. So the pool holds at most `POOL_SIZE` connection for
a burst of work (an answer's two statements, a statistics screen's queries) and `IdleRelease`
closes it once the process has done no database work for `IDLE_RELEASE_S`; the next answer opens
a fresh one (a few milliseconds, unnoticed between two cards). Bulk work (imports, notebooks)
may overflow the pool briefly.

A server that terminates its connections (a restart, a failover, `pg_terminate_backend`) leaves
asyncpg connections in states SQLAlchemy's asyncpg dialect does not always recognise as closed —
"cannot switch to state 12", "connection was closed in the middle of operation" — and such a
connection went back into the pool and failed the next answers too. `classify_disconnects` marks
those errors as disconnects, so the pool drops the connection (and its siblings, opened to the
same dead server) and the pre-ping of the next checkout opens a new one.

A server with no free connection ("too many clients", or a role's connection limit) is a
moment's congestion for learners who each hold a connection for milliseconds: `patient_connect`
tries again for up to `CONNECT_PATIENCE_S` with jittered backoff before the one-line error, so a
classroom larger than `max_connections` waits a little instead of losing answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import uuid
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.ext.asyncio import AsyncEngine

POOL_SIZE = 1
MAX_OVERFLOW = 4
IDLE_RELEASE_S = 0.1
"""Seconds without database work after which a process gives its connections back to the server:
well under a learner's think time (seconds), well over the gaps inside one burst of work (an
answer's two units of work, a screen's queries: milliseconds)."""

CONNECT_PATIENCE_S = 10.0
"""How long opening a connection waits for the server to have one free."""
FIRST_RETRY_S = 0.02
LONGEST_RETRY_S = 0.5

DISCONNECT_ERRORS = frozenset(
    {
        "AdminShutdownError",
        "CannotConnectNowError",
        "ConnectionDoesNotExistError",
        "ConnectionFailureError",
        "CrashShutdownError",
        "InternalClientError",
        "ConnectionResetError",
        "BrokenPipeError",
    }
)
"""asyncpg (and socket) errors that leave a connection unusable: names, so that this module does
not import asyncpg (an optional extra)."""
DISCONNECT_MESSAGES = ("connection was closed", "connection is closed", "cannot switch to state")


def _is_disconnect(error: BaseException | None) -> bool:
    while error is not None:
        if type(error).__name__ in DISCONNECT_ERRORS:
            return True
        if any(message in str(error) for message in DISCONNECT_MESSAGES):
            return True
        error = error.__cause__ or error.__context__
    return False


def classify_disconnects(engine: AsyncEngine) -> None:
    """Count every error that leaves an asyncpg connection unusable as a disconnect."""

    @event.listens_for(engine.sync_engine, "handle_error")
    def _handle_error(context: ExceptionContext) -> None:
        if not context.is_disconnect and _is_disconnect(context.original_exception):
            context.is_disconnect = True


class IdleRelease:
    """Closes the pool's idle connections once no unit of work has run for `after_s` seconds.

    `Database.session()` calls `busy()` on entry and `idle()` on exit. Disposing the pool closes
    only the connections checked in; a unit of work that starts meanwhile gets a new one.
    """

    def __init__(self, engine: AsyncEngine, after_s: float = IDLE_RELEASE_S) -> None:
        self._engine = engine
        self._after_s = after_s
        self._active = 0
        self._timer: asyncio.TimerHandle | None = None
        self._release: asyncio.Task[None] | None = None

    def busy(self) -> None:
        self._active += 1
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def idle(self) -> None:
        self._active -= 1
        if self._active == 0:
            loop = asyncio.get_running_loop()
            self._timer = loop.call_later(self._after_s, self._start_release)

    def _start_release(self) -> None:
        self._timer = None
        if self._active == 0 and (self._release is None or self._release.done()):
            self._release = asyncio.ensure_future(self._engine.dispose(close=True))

    async def close(self) -> None:
        """Stop the timer and wait for a release under way (before the engine is disposed)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._release is not None:
            with contextlib.suppress(Exception):
                await self._release


async def patient_connect(*args: Any, **kwargs: Any) -> Any:
    """`asyncpg.connect`, waiting while the server has no connection free (SQLSTATE 53300)."""
    import asyncpg

    loop = asyncio.get_running_loop()
    deadline = loop.time() + CONNECT_PATIENCE_S
    delay = FIRST_RETRY_S
    while True:
        try:
            return await asyncpg.connect(*args, **kwargs)
        except asyncpg.TooManyConnectionsError:
            if loop.time() + delay > deadline:
                raise
            await asyncio.sleep(delay * random.uniform(0.5, 1.5))
            delay = min(delay * 2, LONGEST_RETRY_S)


def _statement_name() -> str:
    return f"__words_{uuid.uuid4().hex}__"


def postgres_engine_options(*, pooler: bool = False) -> dict[str, Any]:
    """Pool arguments for `create_async_engine` on PostgreSQL.

    `pooler`: the URL is PgBouncer in transaction mode, which hands each transaction to any
    server connection, so no statement may stay prepared across transactions under a name
    another client could reuse: asyncpg's and SQLAlchemy's statement caches are off and every
    prepared statement gets a unique name (SQLAlchemy's documented recipe for PgBouncer).
    """
    connect_args: dict[str, Any] = {"async_creator_fn": patient_connect}
    if pooler:
        connect_args |= {
            "statement_cache_size": 0,
            "prepared_statement_cache_size": 0,
            "prepared_statement_name_func": _statement_name,
        }
    return {
        "pool_pre_ping": True,
        "pool_size": POOL_SIZE,
        "max_overflow": MAX_OVERFLOW,
        "connect_args": connect_args,
    }
