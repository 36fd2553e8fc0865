"""`words-tui db upgrade`: bring the configured database to the latest schema."""

from __future__ import annotations

import argparse

from words_tui.cli.with_core import run_with_core
from words_tui.services import Core


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(title="db commands", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser("upgrade", help="apply pending schema migrations")
    upgrade.set_defaults(handler=run_upgrade)


async def _upgraded(core: Core) -> str:
    return f"database {core.database_location} is at schema revision {core.revision}"


def run_upgrade(_: argparse.Namespace) -> int:
    print(run_with_core(_upgraded))
    return 0
