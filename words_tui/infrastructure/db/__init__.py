"""The database: engine and sessions, the schema (SQLModel), Alembic migrations, bulk statements,
card-row mapping, the statistics rollups and the file hold that keeps a lesson's commits cheap.

All database mechanics live here. Imports `domain` and `words_tui.settings`/`errors`; the
modules are imported one by one (this package imports nothing itself) so that a cheap module
such as `types` never pulls in SQLAlchemy's engine machinery.
"""
