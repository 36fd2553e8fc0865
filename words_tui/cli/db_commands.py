"""`words-tui db upgrade|backup|check`: schema migrations, safe copies, integrity checks."""

from __future__ import annotations

import argparse
from pathlib import Path

from words_tui.cli.doctor import describe_schema
from words_tui.cli.language import texts
from words_tui.cli.with_core import run_with_core
from words_tui.services import Core


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    t = texts()
    db = commands.add_parser("db", help=t("cli.help.db"))
    db_commands = db.add_subparsers(
        title=t("cli.help.actions"), metavar=t("cli.metavar.action"), required=True
    )
    upgrade = db_commands.add_parser("upgrade", help=t("cli.help.db.upgrade"))
    upgrade.set_defaults(handler=run_upgrade)
    backup = db_commands.add_parser("backup", help=t("cli.help.db.backup"))
    backup.add_argument("file", type=Path, metavar=t("cli.metavar.file"))
    backup.add_argument("--force", action="store_true", help=t("cli.help.db.force"))
    backup.set_defaults(handler=run_backup)
    check = db_commands.add_parser("check", help=t("cli.help.db.check"))
    check.set_defaults(handler=run_check)


async def _upgraded(core: Core) -> str:
    return texts()("cli.db.upgraded", location=core.database_location, revision=core.revision)


def run_upgrade(_: argparse.Namespace) -> int:
    print(run_with_core(_upgraded))
    return 0


def run_backup(args: argparse.Namespace) -> int:
    target: Path = args.file.expanduser()

    async def backup(core: Core) -> str:
        copy = await core.backup(target, overwrite=args.force)
        return texts()("cli.db.backed_up", location=core.database_location, copy=copy)

    print(run_with_core(backup, migrate=False))
    return 0


async def _checked(core: Core) -> tuple[list[str], bool]:
    t = texts()
    lines: list[str] = []
    problems = await core.integrity_problems()
    location = core.database_location
    if problems is not None:
        verdict = "cli.db.pages_damaged" if problems else "cli.db.pages_ok"
        lines.append(t(verdict, location=location))
        lines.extend(f"  {problem}" for problem in problems)
    else:
        lines.append(t("cli.db.postgres", location=location))
    lines.append(t("cli.schema", schema=describe_schema(await core.schema())))
    return lines, bool(problems)


def run_check(_: argparse.Namespace) -> int:
    lines, damaged = run_with_core(_checked, migrate=False)
    for line in lines:
        print(line)
    return 1 if damaged else 0
