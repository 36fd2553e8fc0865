"""`words-tui profile list|add|use|fit-fsrs`: manage the learner's language profiles from the shell."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from words_tui.cli.import_export import ProgressBar, add_profile_option
from words_tui.cli.language import speak, texts
from words_tui.cli.with_core import run_with_core
from words_tui.services import Core

if TYPE_CHECKING:
    from words_tui.services.vocabulary import LevelFill, Profile

TRANSLATING = "translating"
"""The progress bar's stage (`cli.stage.translating`), as the import's translation names it."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    t = texts()
    profile = commands.add_parser("profile", help=t("cli.help.profile"))
    actions = profile.add_subparsers(
        title=t("cli.help.actions"), metavar=t("cli.metavar.action"), required=True
    )
    actions.add_parser("list", help=t("cli.help.profile.list")).set_defaults(handler=run_list)
    add = actions.add_parser(
        "add",
        help=t("cli.help.profile.add"),
        description=t("cli.help.profile.add.description"),
    )
    add.add_argument("native", metavar=t("cli.metavar.native"), help=t("cli.help.profile.native"))
    add.add_argument("target", metavar=t("cli.metavar.target"), help=t("cli.help.profile.target"))
    for option, metavar, default in (
        ("level", "cli.metavar.level", "A1"),
        ("name", "cli.metavar.name", None),
        ("timezone", "cli.metavar.timezone", None),
    ):
        add.add_argument(
            f"--{option}", default=default, metavar=t(metavar), help=t(f"cli.help.profile.{option}")
        )
    add.add_argument("--empty", action="store_true", help=t("cli.help.profile.empty"))
    add.set_defaults(handler=run_add)
    pending = actions.add_parser(
        "pending",
        help=t("cli.help.profile.pending"),
        description=t("cli.help.profile.pending.description"),
    )
    add_profile_option(pending)
    pending.add_argument("--translate", action="store_true", help=t("cli.help.profile.translate"))
    pending.set_defaults(handler=run_pending)
    use = actions.add_parser("use", help=t("cli.help.profile.use"))
    use.add_argument("profile", metavar=t("cli.metavar.profile"), help=t("cli.help.profile_option"))
    use.set_defaults(handler=run_use)
    fit = actions.add_parser("fit-fsrs", help=t("cli.help.profile.fit"))
    fit.set_defaults(handler=run_fit)


def _describe(profile: Profile) -> str:
    return (
        f"{profile.id}  {profile.name}  ({profile.native_lang}→{profile.target_lang}, "
        f"{profile.level}, {profile.timezone})"
    )


async def _list(core: Core, _: argparse.Namespace) -> list[str]:
    profiles = await core.profiles.all()
    if not profiles:
        return [texts()("cli.profile.none")]
    return [f"{'*' if p.is_active else ' '} {_describe(p)}" for p in profiles]


async def _add(core: Core, args: argparse.Namespace) -> list[str]:
    from words_tui.services.vocabulary import ProfileKnobs

    knobs = ProfileKnobs(name=args.name, timezone=args.timezone)
    profile = await core.profiles.create(args.native, args.target, args.level, knobs)
    speak(profile.interface_lang)  # the new profile is the active one: speak its language
    profile_id = profile.id
    assert profile_id is not None
    t = texts()
    lines = [t("cli.profile.created", profile=_describe(profile))]
    if args.empty:
        return lines
    fill = await _translating(
        lambda progress: core.vocabulary.fill_level(profile_id, progress=progress)
    )
    lines.append(
        t("cli.profile.added", count=fill.added, level=profile.level, sources=_sources(fill))
    )
    return lines + _waiting(fill.pending, fill.reason)


async def _translating(
    work: Callable[[Callable[[int, int], None]], Awaitable[LevelFill]],
) -> LevelFill:
    """Run a level's translation with a progress bar on stderr."""
    bar = ProgressBar(sys.stderr)
    try:
        return await work(lambda done, total: bar(TRANSLATING, done, total))
    finally:
        bar.close()


def _sources(fill: LevelFill) -> str:
    number = texts().number
    counted = ", ".join(
        f"{name} {number(count)}" for name, count in fill.by_source.most_common() if count
    )
    return f" ({counted})" if counted else ""


def _waiting(count: int, reason: str) -> list[str]:
    """What the learner is told about the "to translate" list."""
    if not count:
        return []
    t = texts()
    why = reason or t("cli.profile.no_source")
    return [t("cli.profile.waiting", count=count, reason=why), t("cli.profile.how_to_translate")]


async def _pending(core: Core, args: argparse.Namespace) -> list[str]:
    t = texts()
    profile = await core.profiles.find(args.profile)
    profile_id = profile.id
    assert profile_id is not None
    if args.translate:
        fill = await _translating(
            lambda progress: core.vocabulary.translate_pending(profile_id, progress=progress)
        )
        lines = [t("cli.profile.translated", count=fill.added, sources=_sources(fill))]
        return lines + _waiting(fill.pending, fill.reason)
    waiting = await core.vocabulary.pending(profile_id)
    if not waiting.count:
        return [t("cli.profile.none_waiting", name=profile.name)]
    more = waiting.count - len(waiting.words)
    listed = ", ".join(waiting.words) + (t("cli.profile.and_more", count=more) if more else "")
    return [*_waiting(waiting.count, waiting.reason), listed]


async def _use(core: Core, args: argparse.Namespace) -> list[str]:
    profile = await core.profiles.find(args.profile)
    assert profile.id is not None
    active = await core.profiles.use(profile.id)
    speak(active.interface_lang)
    return [texts()("cli.profile.active", profile=_describe(active))]


async def _fit(core: Core, _: argparse.Namespace) -> list[str]:
    profile = await core.profiles.find(None)
    assert profile.id is not None
    report = await core.stats.fit_fsrs(profile.id)
    t = texts()
    lines = [t.said(report.message)]
    if report.kept:
        lines.append(t("cli.profile.rescheduled", count=report.rescheduled))
    return lines


Action = Callable[[Core, argparse.Namespace], Awaitable[list[str]]]


def _run(action: Action, args: argparse.Namespace) -> int:
    for line in run_with_core(lambda core: action(core, args)):
        print(line)
    return 0


def run_list(args: argparse.Namespace) -> int:
    return _run(_list, args)


def run_add(args: argparse.Namespace) -> int:
    return _run(_add, args)


def run_pending(args: argparse.Namespace) -> int:
    return _run(_pending, args)


def run_use(args: argparse.Namespace) -> int:
    return _run(_use, args)


def run_fit(args: argparse.Namespace) -> int:
    return _run(_fit, args)
