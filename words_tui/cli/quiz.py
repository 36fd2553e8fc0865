"""Plain `words-tui`: start the terminal quiz."""

from __future__ import annotations

import argparse

from words_tui.cli.language import texts


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    t = texts()
    quiz = commands.add_parser("quiz", help=t("cli.help.quiz"))
    quiz.add_argument("--tag", metavar=t("cli.metavar.tag"), help=t("cli.help.quiz.tag"))
    quiz.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from words_tui.tui.main import run_app

    return run_app(getattr(args, "tag", None))
