"""Plain `words-tui`: start the terminal quiz."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    quiz = commands.add_parser("quiz", help="start the terminal quiz (the default)")
    quiz.add_argument(
        "--tag",
        help="lessons only on words carrying this tag (a Kindle book's title, an imported "
        "file's name, your own tag)",
    )
    quiz.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from words_tui.tui.main import run_app

    return run_app(getattr(args, "tag", None))
