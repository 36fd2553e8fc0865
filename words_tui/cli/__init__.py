"""The `words-tui` command. Each command group lives in its own module with a `register` function.

Heavy modules (textual, openai, pandas) are imported only inside the command that needs them, so
`words-tui --version` and the quiz start fast. Help, output and errors come from the catalogue in
the command's language (`words_tui.cli.language`).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from words_tui import __version__
from words_tui.cli import (
    db_commands,
    doctor,
    import_export,
    language,
    llm_commands,
    profile_commands,
    quiz,
    remind,
)
from words_tui.errors import CommandError, UserError

__all__ = ["COMMAND_GROUPS", "CommandError", "build_parser", "main"]

Register = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]
COMMAND_GROUPS: list[Register] = [
    quiz.register,
    db_commands.register,
    doctor.register,
    import_export.register,
    llm_commands.register,
    profile_commands.register,
    remind.register,
]


def build_parser() -> argparse.ArgumentParser:
    """The parser, worded in the command's language (`language.start` chooses it)."""
    t = language.texts()
    parser = argparse.ArgumentParser(prog="words-tui", description=t("cli.help.description"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"words-tui {__version__}",
        help=t("cli.help.version"),
    )
    parser.set_defaults(handler=quiz.run)
    commands = parser.add_subparsers(title=t("cli.help.commands"), metavar=t("cli.metavar.command"))
    for register in COMMAND_GROUPS:
        register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: parse, run the handler, turn known errors into one clear line in the
    command's language."""
    language.start()
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        result: int = args.handler(args)
    except UserError as err:
        print(f"words-tui: {language.texts().error(err)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return result
