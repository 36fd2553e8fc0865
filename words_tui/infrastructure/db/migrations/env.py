"""Alembic environment: always runs on a connection handed in by `words_tui.infrastructure.db.migrate`."""

from __future__ import annotations

from alembic import context

from words_tui.infrastructure.db.models import ALL_TABLES

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `words-tui db upgrade` or `init_db()`")

context.configure(
    connection=connection,
    target_metadata=ALL_TABLES,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
