"""`words-tui profile list|add|use|fit-fsrs`: manage the learner's language profiles from the shell."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from words_tui.cli.import_export import ProgressBar
from words_tui.cli.with_core import run_with_core
from words_tui.services import Core

if TYPE_CHECKING:
    from words_tui.services.vocabulary import LevelFill, Profile


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    profile = commands.add_parser("profile", help="list, add and switch language profiles")
    actions = profile.add_subparsers(title="profile commands", metavar="ACTION", required=True)
    actions.add_parser("list", help="the profiles, * marks the active one").set_defaults(
        handler=run_list
    )
    add = actions.add_parser(
        "add",
        help="create a profile and fill it for its level",
        description="Create a profile and fill it for its level: the starter vocabulary's "
        "words (English, Russian, Spanish up to B1), then the most frequent words of the "
        "language to learn, translated by your stored entries, the starter vocabulary, "
        "offline dictionaries and the LLM (when configured). Words nothing can translate wait "
        "in a list: see `words-tui profile pending`. Its lesson size, new words and reviews "
        "per day, desired retention and typing threshold come from the settings "
        "(WORDS_LESSON_SIZE ...); change them later in the quiz's settings.",
    )
    add.add_argument("native", help="your language, e.g. en")
    add.add_argument("target", help="the language to learn, e.g. ru")
    add.add_argument("--level", default="A1", help="CEFR level A1–C2 (default A1)")
    add.add_argument("--name", help="profile name (default: native→target)")
    add.add_argument("--timezone", help="IANA time zone for streaks, e.g. Europe/Madrid")
    add.add_argument("--empty", action="store_true", help="do not add the words of the level")
    add.set_defaults(handler=run_add)
    pending = actions.add_parser(
        "pending",
        help="the level's words that wait to be translated (--translate: translate them now)",
        description="A level's words that no source could translate wait in the profile's "
        "'to translate' list. List them, or translate them with --translate once an LLM "
        "(OPENAI_API_KEY or OPENAI_BASE_URL) or an offline dictionary (WORDS_DICTD_PATHS) "
        "is configured.",
    )
    pending.add_argument("--profile", help="profile id or name (default: the active one)")
    pending.add_argument("--translate", action="store_true", help="translate the waiting words now")
    pending.set_defaults(handler=run_pending)
    use = actions.add_parser("use", help="make a profile the active one")
    use.add_argument("profile", help="profile id or name")
    use.set_defaults(handler=run_use)
    fit = actions.add_parser(
        "fit-fsrs",
        help="fit personal FSRS parameters to the active profile's reviews (needs 1,000)",
    )
    fit.set_defaults(handler=run_fit)


def _describe(profile: Profile) -> str:
    return (
        f"{profile.id}  {profile.name}  ({profile.native_lang}→{profile.target_lang}, "
        f"{profile.level}, {profile.timezone})"
    )


async def _list(core: Core, _: argparse.Namespace) -> list[str]:
    profiles = await core.profiles.all()
    if not profiles:
        return ["no profiles yet: words-tui profile add <native> <target> --level A1"]
    return [f"{'*' if p.is_active else ' '} {_describe(p)}" for p in profiles]


async def _add(core: Core, args: argparse.Namespace) -> list[str]:
    from words_tui.services.vocabulary import ProfileKnobs

    knobs = ProfileKnobs(name=args.name, timezone=args.timezone)
    profile = await core.profiles.create(args.native, args.target, args.level, knobs)
    profile_id = profile.id
    assert profile_id is not None
    lines = [f"created and activated: {_describe(profile)}"]
    if args.empty:
        return lines
    fill = await _translating(
        lambda progress: core.vocabulary.fill_level(profile_id, progress=progress)
    )
    lines.append(f"added {fill.added} words up to {profile.level}{_sources(fill)}")
    return lines + _waiting(fill.pending, fill.reason)


async def _translating(
    work: Callable[[Callable[[int, int], None]], Awaitable[LevelFill]],
) -> LevelFill:
    """Run a level's translation with a progress bar on stderr."""
    bar = ProgressBar(sys.stderr)
    try:
        return await work(lambda done, total: bar("translating", done, total))
    finally:
        bar.close()


def _sources(fill: LevelFill) -> str:
    counted = ", ".join(f"{name} {count}" for name, count in fill.by_source.most_common() if count)
    return f" ({counted})" if counted else ""


def _waiting(count: int, reason: str) -> list[str]:
    """What the learner is told about the "to translate" list."""
    if not count:
        return []
    return [
        f"{count} words wait to be translated: {reason or 'no source has them yet'}",
        "translate them when an LLM or an offline dictionary is configured: "
        "words-tui profile pending --translate",
    ]


async def _pending(core: Core, args: argparse.Namespace) -> list[str]:
    profile = await core.profiles.find(args.profile)
    profile_id = profile.id
    assert profile_id is not None
    if args.translate:
        fill = await _translating(
            lambda progress: core.vocabulary.translate_pending(profile_id, progress=progress)
        )
        lines = [f"translated and added {fill.added} words{_sources(fill)}"]
        return lines + _waiting(fill.pending, fill.reason)
    waiting = await core.vocabulary.pending(profile_id)
    if not waiting.count:
        return [f"no words wait to be translated in {profile.name}"]
    more = waiting.count - len(waiting.words)
    listed = ", ".join(waiting.words) + (f" … and {more} more" if more else "")
    return [*_waiting(waiting.count, waiting.reason), listed]


async def _use(core: Core, args: argparse.Namespace) -> list[str]:
    profile = await core.profiles.find(args.profile)
    assert profile.id is not None
    return [f"active: {_describe(await core.profiles.use(profile.id))}"]


async def _fit(core: Core, _: argparse.Namespace) -> list[str]:
    profile = await core.profiles.find(None)
    assert profile.id is not None
    report = await core.stats.fit_fsrs(profile.id)
    lines = [report.message]
    if report.kept:
        lines.append(f"rescheduled {report.rescheduled:,} cards")
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
