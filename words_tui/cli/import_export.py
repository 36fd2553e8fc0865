"""`words-tui import FILE` and `words-tui export --format csv|apkg OUT` for the settings' learner."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from words_tui.cli.with_core import run_with_core
from words_tui.errors import CommandError
from words_tui.services import Core

if TYPE_CHECKING:
    from words_tui.services.bulk import BulkProgress
    from words_tui.services.transfer import ExportReport, ImportReport

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
    importer.add_argument(
        "--replace",
        action="store_true",
        help="let the file's translations, examples, forms, notes and tags replace those of "
        "words already in the profile (default: add to them)",
    )
    importer.set_defaults(handler=run_import)
    exporter = commands.add_parser("export", help="export the profile's words")
    exporter.add_argument("out", type=Path, help="the file to write")
    exporter.add_argument("--format", choices=("csv", "apkg"), required=True)
    exporter.add_argument("--profile", help="profile name (default: the active profile)")
    exporter.set_defaults(handler=run_export)


def parse_mapping(pairs: list[str]) -> dict[str, str | int]:
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

    def say(self, line: str) -> None:
        """A line of its own, without breaking a live bar (the bar goes on below it)."""
        self.stream.write(("\r\033[K" if self.live else "") + line + "\n")
        self.stream.flush()


class TranslationWatch:
    """Prints one line when the bulk translation starts or stops waiting for the endpoint."""

    def __init__(self, bar: ProgressBar, limit_s: float) -> None:
        self._bar = bar
        self._limit_s = limit_s
        self._waiting = False

    def __call__(self, progress: BulkProgress) -> None:
        from words_tui.services.bulk import BulkState

        waiting = progress.state == BulkState.WAITING
        if waiting and not self._waiting:
            since = f" since {progress.since.astimezone():%H:%M:%S}" if progress.since else ""
            self._bar.say(
                f"waiting for the LLM{since}: {progress.reason} "
                f"(the translation pauses after {self._limit_s:.0f} s without an answer)"
            )
        elif self._waiting and progress.state == BulkState.RUNNING:
            self._bar.say("the LLM answers again")
        self._waiting = waiting


async def _import(core: Core, args: argparse.Namespace) -> ImportReport:
    from words_tui.services.transfer import SourceError

    profile = await core.profiles.find(args.profile)
    assert profile.id is not None
    bar = ProgressBar(sys.stderr)
    try:
        return await core.transfer.import_file(
            profile.id,
            args.file,
            args.format,
            parse_mapping(args.map),
            translate=args.translate,
            progress=bar,
            encoding=args.encoding,
            overwrite=args.replace,
            on_translation=TranslationWatch(bar, core.settings.llm_outage_limit_s),
        )
    except SourceError as err:
        raise CommandError(f"{err} (nothing was imported)") from None
    finally:
        bar.close()


def run_import(args: argparse.Namespace) -> int:
    """Exit status 0 when everything usable was imported, 1 when words asked to be translated
    were not (the endpoint stopped answering, a key was rejected, no source knew them): the
    user has to act."""
    parse_mapping(args.map)  # a malformed --map is reported before anything opens
    report = run_with_core(lambda core: _import(core, args))
    for line in report.info:
        print(f"  {line}")
    for change in report.changes[:PROBLEMS_SHOWN]:
        print(f"  updated {change}")
    if len(report.changes) > PROBLEMS_SHOWN:
        print(f"  ... and {len(report.changes) - PROBLEMS_SHOWN} more updated")
    for problem in report.problems[:PROBLEMS_SHOWN]:
        print(f"  skipped {problem}")
    if len(report.problems) > PROBLEMS_SHOWN:
        print(f"  ... and {len(report.problems) - PROBLEMS_SHOWN} more skipped")
    print(report.summary())
    missing = len(report.untranslated)
    if not missing:
        return 0
    if not args.translate:
        print(f"hint: import again with --translate to translate the {missing} skipped new words")
        return 0
    why = report.translation_stopped or "the lines above say why"
    print(
        f"words-tui: {missing} words were not translated ({why}); import the file again with "
        "--translate once that is fixed (words already translated are cached: no second charge)",
        file=sys.stderr,
    )
    return 1


async def _export(core: Core, args: argparse.Namespace) -> ExportReport:
    profile = await core.profiles.find(args.profile)
    assert profile.id is not None
    return await core.transfer.export(profile.id, args.out, args.format)


def run_export(args: argparse.Namespace) -> int:
    print(run_with_core(lambda core: _export(core, args)).summary())
    return 0
