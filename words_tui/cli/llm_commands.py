"""`words-tui llm usage`: what the LLM cost — calls, tokens and estimated USD by day, model, purpose."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from words_tui.cli.language import texts
from words_tui.cli.with_core import run_with_core

if TYPE_CHECKING:
    from words_tui.services.stats import UsageRow


HEADER = (
    "cli.llm.day",
    "cli.llm.model",
    "cli.llm.purpose",
    "cli.llm.calls",
    "cli.llm.failed",
    "cli.llm.prompt",
    "cli.llm.completion",
    "cli.llm.cost",
)
"""The report's columns, by catalogue key."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    t = texts()
    llm = commands.add_parser("llm", help=t("cli.help.llm"))
    actions = llm.add_subparsers(
        title=t("cli.help.actions"), metavar=t("cli.metavar.action"), required=True
    )
    usage = actions.add_parser("usage", help=t("cli.help.llm.usage"))
    usage.add_argument(
        "--days", type=int, default=30, metavar=t("cli.metavar.days"), help=t("cli.help.llm.days")
    )
    usage.add_argument("--all", action="store_true", help=t("cli.help.llm.all"))
    usage.set_defaults(handler=run_usage)


def _cost(value: float | None) -> str:
    return "?" if value is None else f"{value:.4f}"


def format_usage(rows: list[UsageRow]) -> list[str]:
    """The report as aligned text lines, ending with a total line, in the command's language
    (counts grouped its way; costs and dates as the machine-readable figures they are)."""
    t = texts()
    number = t.number
    table = [tuple(t(key) for key in HEADER)] + [
        (
            r.day.isoformat(),
            r.model,
            r.purpose,
            number(r.calls),
            number(r.failed),
            number(r.prompt_tokens),
            number(r.completion_tokens),
            _cost(r.cost_usd),
        )
        for r in rows
    ]
    costs = [r.cost_usd for r in rows]
    total_cost = None if None in costs else sum(c for c in costs if c is not None)
    table.append(
        (
            t("cli.llm.total"),
            "",
            "",
            number(sum(r.calls for r in rows)),
            number(sum(r.failed for r in rows)),
            number(sum(r.prompt_tokens for r in rows)),
            number(sum(r.completion_tokens for r in rows)),
            _cost(total_cost),
        )
    )
    widths = [max(len(row[i]) for row in table) for i in range(len(HEADER))]
    return [
        "  ".join(
            cell.ljust(w) if i < 3 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in table
    ]


def run_usage(args: argparse.Namespace) -> int:
    rows = run_with_core(lambda core: core.stats.llm_usage(args.days, everyone=args.all))
    t = texts()
    if not rows:
        print(t("cli.llm.none" if args.all else "cli.llm.none_yours", count=args.days))
        return 0
    for line in format_usage(rows):
        print(line.rstrip())
    print(t("cli.llm.prices"))
    return 0
