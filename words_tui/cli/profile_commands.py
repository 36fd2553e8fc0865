"""`words-tui profile list|add|use`: manage the learner's language profiles from the shell."""

from __future__ import annotations

import argparse
import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from words_tui.infrastructure.db.database import Database
    from words_tui.infrastructure.db.models import Profile


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    profile = commands.add_parser("profile", help="list, add and switch language profiles")
    actions = profile.add_subparsers(title="profile commands", metavar="ACTION", required=True)
    actions.add_parser("list", help="the profiles, * marks the active one").set_defaults(
        handler=run_list
    )
    add = actions.add_parser("add", help="create a profile and fill it for its level")
    add.add_argument("native", help="your language, e.g. en")
    add.add_argument("target", help="the language to learn, e.g. ru")
    add.add_argument("--level", default="A1", help="CEFR level A1–C2 (default A1)")
    add.add_argument("--name", help="profile name (default: native→target)")
    add.add_argument("--timezone", help="IANA time zone for streaks, e.g. Europe/Madrid")
    add.add_argument(
        "--empty", action="store_true", help="do not add the starter words of the level"
    )
    add.set_defaults(handler=run_add)
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


async def _with_database(action: str, args: argparse.Namespace) -> list[str]:
    from words_tui.infrastructure.db.database import Database
    from words_tui.services.stats.fsrs_params import OptimizerUnavailable
    from words_tui.services.vocabulary.profiles import ProfileError
    from words_tui.settings import load_settings

    settings = load_settings()
    database = Database(settings.effective_database_url)
    try:
        await database.init()
        handler = {"list": _list, "add": _add, "use": _use, "fit": _fit}[action]
        return await handler(database, settings.user, args)
    except (ProfileError, LookupError, OptimizerUnavailable) as err:
        from words_tui.cli import CommandError

        raise CommandError(str(err)) from None
    finally:
        await database.close()


async def _list(database: Database, user: str, _: argparse.Namespace) -> list[str]:
    from words_tui.services.vocabulary.profiles import list_profiles

    profiles = await list_profiles(database, user)
    if not profiles:
        return ["no profiles yet: words-tui profile add <native> <target> --level A1"]
    return [f"{'*' if p.is_active else ' '} {_describe(p)}" for p in profiles]


async def _add(database: Database, user: str, args: argparse.Namespace) -> list[str]:
    from words_tui.infrastructure.dictionaries.starter import StarterVocabulary
    from words_tui.services.vocabulary.profiles import ProfileKnobs, create_profile
    from words_tui.services.vocabulary.wordlists import bootstrap_from_starter

    knobs = ProfileKnobs(name=args.name, timezone=args.timezone)
    profile = await create_profile(database, user, args.native, args.target, args.level, knobs)
    assert profile.id is not None
    lines = [f"created and activated: {_describe(profile)}"]
    starter = StarterVocabulary.default()
    if args.empty:
        return lines
    if {profile.native_lang, profile.target_lang} <= starter.languages:
        result = await bootstrap_from_starter(database, profile.id, starter)
        lines.append(f"added {result.added} starter words up to {profile.level}")
    else:
        lines.append("no starter vocabulary for this pair; add words in the app or import a list")
    return lines


async def _use(database: Database, user: str, args: argparse.Namespace) -> list[str]:
    from words_tui.services.vocabulary.profiles import ProfileNotFound, list_profiles, use_profile

    wanted = args.profile.strip()
    for profile in await list_profiles(database, user):
        if str(profile.id) == wanted or profile.name == wanted:
            assert profile.id is not None
            chosen = await use_profile(database, user, profile.id)
            return [f"active: {_describe(chosen)}"]
    raise ProfileNotFound(
        f"learner '{user}' has no profile '{wanted}' (see: words-tui profile list)"
    )


async def _fit(database: Database, user: str, _: argparse.Namespace) -> list[str]:
    from words_tui.services.stats.fsrs_params import fit_personal_parameters
    from words_tui.services.vocabulary.profiles import ProfileNotFound, active_profile

    profile = await active_profile(database, user)
    if profile is None or profile.id is None:
        raise ProfileNotFound(f"learner '{user}' has no active profile")
    report = await fit_personal_parameters(database, profile.id)
    lines = [report.message]
    if report.kept:
        lines.append(f"rescheduled {report.rescheduled:,} cards")
    return lines


def _run(action: str, args: argparse.Namespace) -> int:
    for line in asyncio.run(_with_database(action, args)):
        print(line)
    return 0


def run_list(args: argparse.Namespace) -> int:
    return _run("list", args)


def run_add(args: argparse.Namespace) -> int:
    return _run("add", args)


def run_use(args: argparse.Namespace) -> int:
    return _run("use", args)


def run_fit(args: argparse.Namespace) -> int:
    return _run("fit", args)
