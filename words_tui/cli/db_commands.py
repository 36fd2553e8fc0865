"""`words-tui db upgrade`: bring the configured database to the latest schema."""

from __future__ import annotations

import argparse
import asyncio


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(title="db commands", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser("upgrade", help="apply pending schema migrations")
    upgrade.set_defaults(handler=run_upgrade)


async def _upgrade() -> tuple[str, str]:
    from words_tui.infrastructure.db.database import Database

    database = Database.from_settings()
    try:
        revision = await database.init()
    finally:
        await database.close()
    return database.location, revision


def run_upgrade(_: argparse.Namespace) -> int:
    location, revision = asyncio.run(_upgrade())
    print(f"database {location} is at schema revision {revision}")
    return 0
