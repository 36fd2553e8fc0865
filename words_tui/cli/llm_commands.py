"""`words-tui llm usage`: what the LLM cost — calls, tokens and estimated USD by day, model, purpose."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from words_tui.cli.with_core import run_with_core

if TYPE_CHECKING:
    from words_tui.services.stats import UsageRow


HEADER = ("day", "model", "purpose", "calls", "failed", "prompt tok", "compl. tok", "est. USD")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    llm = commands.add_parser("llm", help="LLM usage and cost")
    actions = llm.add_subparsers(title="llm commands", metavar="ACTION", required=True)
    usage = actions.add_parser(
        "usage", help="calls, tokens and estimated cost by day, model, purpose"
    )
    usage.add_argument("--days", type=int, default=30, help="how many days back (default 30)")
    usage.add_argument(
        "--all",
        action="store_true",
        help="every learner's calls on a shared database (default: only yours)",
    )
    usage.set_defaults(handler=run_usage)


def _cost(value: float | None) -> str:
    return "?" if value is None else f"{value:.4f}"


def format_usage(rows: list[UsageRow]) -> list[str]:
    """The report as aligned text lines, ending with a total line."""
    table = [HEADER] + [
        (
            r.day.isoformat(),
            r.model,
            r.purpose,
            str(r.calls),
            str(r.failed),
            str(r.prompt_tokens),
            str(r.completion_tokens),
            _cost(r.cost_usd),
        )
        for r in rows
    ]
    costs = [r.cost_usd for r in rows]
    total_cost = None if None in costs else sum(c for c in costs if c is not None)
    table.append(
        (
            "total",
            "",
            "",
            str(sum(r.calls for r in rows)),
            str(sum(r.failed for r in rows)),
            str(sum(r.prompt_tokens for r in rows)),
            str(sum(r.completion_tokens for r in rows)),
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
    if not rows:
        whose = "" if args.all else "of yours "
        print(f"no LLM calls {whose}in the last {args.days} days")
        return 0
    for line in format_usage(rows):
        print(line.rstrip())
    print("est. USD from the llm_prices setting; '?' marks a model without a price")
    return 0
