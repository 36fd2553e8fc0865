"""Start the terminal quiz."""

from __future__ import annotations


def run_app() -> int:
    print("The terminal quiz is being built; try `words-tui doctor` or `words-tui db upgrade`.")
    return 0
