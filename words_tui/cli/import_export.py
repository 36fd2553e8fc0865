"""`words-tui import FILE` and `words-tui export --format csv|apkg OUT` for the settings' learner."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from words_tui.infrastructure.db.database import Database
    from words_tui.services.vocabulary import WordSources
    from words_tui.settings import Settings

BAR_WIDTH = 30
PROBLEMS_SHOWN = 20


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    importer = commands.add_parser(
        "import", help="import words from CSV/TSV, an Anki .apkg or a Kindle vocab.db"
    )
    importer.add_argument("file", type=Path, help="the file to import")
    importer.add_argument("--profile", help="profile name (default: the active profile)")
    importer.add_argument("--format", choices=("csv", "tsv", "anki", "apkg", "kindle"))
    importer.add_argument("--encoding", help="text encoding of a CSV (default: detected)")
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="which column or Anki field holds a field, by name or number "
        "(e.g. --map word=Front --map translations=2); repeatable",
    )
    importer.add_argument(
        "--translate", action="store_true", help="translate words that have no translation"
    )
    importer.set_defaults(handler=run_import)
    exporter = commands.add_parser("export", help="export the profile's words")
    exporter.add_argument("out", type=Path, help="the file to write")
    exporter.add_argument("--format", choices=("csv", "apkg"), required=True)
    exporter.add_argument("--profile", help="profile name (default: the active profile)")
    exporter.set_defaults(handler=run_export)


def parse_mapping(pairs: list[str]) -> dict[str, str | int]:
    from words_tui.cli import CommandError

    mapping: dict[str, str | int] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise CommandError(f"--map {pair!r}: write it as FIELD=COLUMN, e.g. word=Front")
        value = column.strip()
        mapping[field.strip().lower()] = int(value) if value.isdigit() else value
    return mapping


class ProgressBar:
    """A plain-text progress bar on one terminal line (one line per stage elsewhere)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.stage = ""
        self.live = stream.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage and self.stage and self.live:
            self.stream.write("\n")
        new_stage, self.stage = stage != self.stage, stage
        share = done / total if total else 1.0
        filled = int(BAR_WIDTH * share)
        line = (
            f"{stage:<12} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {share:4.0%} {done}/{total}"
        )
        if self.live:
            self.stream.write("\r" + line)
        elif new_stage or done == total:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.live and self.stage:
            self.stream.write("\n")


async def _profile_id(database: Database, settings: Settings, name: str | None) -> int:
    from words_tui.cli import CommandError
    from words_tui.services.vocabulary.profiles import active_profile, list_profiles

    if name is None:
        profile = await active_profile(database, settings.user)
        if profile is None:
            raise CommandError(
                f"learner '{settings.user}' has no profile yet: run `words-tui` first"
            )
    else:
        profiles = await list_profiles(database, settings.user)
        matches = [p for p in profiles if p.name.casefold() == name.casefold()]
        if not matches:
            known = ", ".join(p.name for p in profiles) or "none"
            raise CommandError(
                f"learner '{settings.user}' has no profile '{name}' (profiles: {known})"
            )
        profile = matches[0]
    assert profile.id is not None
    return profile.id


def _sources(settings: Settings, database: Database, translate: bool) -> WordSources:
    """The word-source chain for the import; the LLM only with `--translate`."""
    from words_tui.cli import CommandError
    from words_tui.infrastructure.llm.factory import llm_from_settings
    from words_tui.services.vocabulary import WordSources

    llm = llm_from_settings(settings, database) if translate else None
    if translate and llm is None and not settings.dictd_paths:
        raise CommandError(
            "--translate needs an LLM (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local "
            "server) or offline dictionaries (the dictd_paths setting)"
        )
    return WordSources.from_settings(settings, database, llm)


async def _import(args: argparse.Namespace) -> int:
    from words_tui.cli import CommandError
    from words_tui.infrastructure.db.database import Database
    from words_tui.infrastructure.importers import SourceError
    from words_tui.services.transfer.import_export import import_file
    from words_tui.settings import load_settings

    settings = load_settings()
    mapping = parse_mapping(args.map)
    database = Database(settings.effective_database_url)
    bar = ProgressBar(sys.stderr)
    try:
        await database.init()
        profile_id = await _profile_id(database, settings, args.profile)
        sources = _sources(settings, database, args.translate)
        try:
            report = await import_file(
                database,
                profile_id,
                args.file,
                args.format,
                mapping,
                sources,
                bar,
                encoding=args.encoding,
            )
        finally:
            if sources.llm is not None:
                await sources.llm.aclose()
    except SourceError as err:
        raise CommandError(f"{err} (nothing was imported)") from None
    finally:
        bar.close()
        await database.close()
    for line in report.info:
        print(f"  {line}")
    for problem in report.problems[:PROBLEMS_SHOWN]:
        print(f"  skipped {problem}")
    if len(report.problems) > PROBLEMS_SHOWN:
        print(f"  ... and {len(report.problems) - PROBLEMS_SHOWN} more skipped")
    print(report.summary())
    return 0


def run_import(args: argparse.Namespace) -> int:
    return asyncio.run(_import(args))


async def _export(args: argparse.Namespace) -> int:
    from words_tui.infrastructure.db.database import Database
    from words_tui.services.transfer.import_export import export_profile
    from words_tui.settings import load_settings

    settings = load_settings()
    database = Database(settings.effective_database_url)
    try:
        await database.init()
        profile_id = await _profile_id(database, settings, args.profile)
        report = await export_profile(database, profile_id, args.out, args.format)
    finally:
        await database.close()
    print(report.summary())
    return 0


def run_export(args: argparse.Namespace) -> int:
    return asyncio.run(_export(args))
