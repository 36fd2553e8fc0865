"""`words-tui db upgrade|backup|check`: schema migrations, safe copies, integrity checks."""

from __future__ import annotations

import argparse
from pathlib import Path

from words_tui.cli.doctor import describe_schema
from words_tui.cli.with_core import run_with_core
from words_tui.services import Core


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(title="db commands", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser("upgrade", help="apply pending schema migrations")
    upgrade.set_defaults(handler=run_upgrade)
    backup = db_commands.add_parser(
        "backup", help="copy the SQLite database to FILE (safe while the quiz runs)"
    )
    backup.add_argument("file", type=Path, metavar="FILE")
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists")
    backup.set_defaults(handler=run_backup)
    check = db_commands.add_parser("check", help="check the database's integrity and schema")
    check.set_defaults(handler=run_check)


async def _upgraded(core: Core) -> str:
    return f"database {core.database_location} is at schema revision {core.revision}"


def run_upgrade(_: argparse.Namespace) -> int:
    print(run_with_core(_upgraded))
    return 0


def run_backup(args: argparse.Namespace) -> int:
    target: Path = args.file.expanduser()

    async def backup(core: Core) -> str:
        copy = await core.backup(target, overwrite=args.force)
        return f"backed up {core.database_location} to {copy} (integrity check: ok)"

    print(run_with_core(backup, migrate=False))
    return 0


async def _checked(core: Core) -> tuple[list[str], bool]:
    lines: list[str] = []
    problems = await core.integrity_problems()
    if problems is not None:
        verdict = "DAMAGED" if problems else "ok"
        lines.append(f"{core.database_location}: pages, indexes and foreign keys {verdict}")
        lines.extend(f"  {problem}" for problem in problems)
    else:
        lines.append(f"{core.database_location}: PostgreSQL checks its own pages and keys")
    lines.append(f"schema: {describe_schema(await core.schema())}")
    return lines, bool(problems)


def run_check(_: argparse.Namespace) -> int:
    lines, damaged = run_with_core(_checked, migrate=False)
    for line in lines:
        print(line)
    return 1 if damaged else 0
