"""`words-tui import FILE` and `words-tui export --format csv|apkg OUT` for the settings' learner."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from words_tui.cli.language import texts
from words_tui.cli.with_core import run_with_core
from words_tui.errors import CommandError
from words_tui.services import Core

if TYPE_CHECKING:
    from words_tui.services.bulk import BulkProgress
    from words_tui.services.transfer import ExportReport, ImportReport

BAR_WIDTH = 30
PROBLEMS_SHOWN = 20


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    t = texts()
    file = t("cli.metavar.file")
    importer = commands.add_parser("import", help=t("cli.help.import"))
    importer.add_argument("file", type=Path, metavar=file, help=t("cli.help.import.file"))
    add_profile_option(importer)
    importer.add_argument(
        "--format",
        choices=("csv", "tsv", "anki", "apkg", "kindle"),
        help=t("cli.help.import.format"),
    )
    importer.add_argument(
        "--encoding", metavar=t("cli.metavar.encoding"), help=t("cli.help.import.encoding")
    )
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        metavar=t("cli.metavar.mapping"),
        help=t("cli.help.import.map"),
    )
    importer.add_argument("--translate", action="store_true", help=t("cli.help.import.translate"))
    importer.add_argument("--replace", action="store_true", help=t("cli.help.import.replace"))
    importer.set_defaults(handler=run_import)
    exporter = commands.add_parser("export", help=t("cli.help.export"))
    exporter.add_argument("out", type=Path, metavar=file, help=t("cli.help.export.out"))
    exporter.add_argument(
        "--format", choices=("csv", "apkg"), required=True, help=t("cli.help.export.format")
    )
    add_profile_option(exporter)
    exporter.set_defaults(handler=run_export)


def add_profile_option(parser: argparse.ArgumentParser) -> None:
    """`--profile`: the profile a command works on, by id or name (default: the active one)."""
    t = texts()
    parser.add_argument(
        "--profile", metavar=t("cli.metavar.profile"), help=t("cli.help.profile_option")
    )


def parse_mapping(pairs: list[str]) -> dict[str, str | int]:
    mapping: dict[str, str | int] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise CommandError(key="error.cli.map", pair=pair)
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
        name = texts()(f"cli.stage.{stage}")
        line = (
            f"{name:<12} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {share:4.0%} {done}/{total}"
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

        t = texts()
        waiting = progress.state == BulkState.WAITING
        if waiting and not self._waiting:
            limit = round(self._limit_s)
            if progress.since is None:
                line = t("cli.import.waiting", reason=progress.reason, limit=limit)
            else:
                since = f"{progress.since.astimezone():%H:%M:%S}"
                line = t(
                    "cli.import.waiting_since", time=since, reason=progress.reason, limit=limit
                )
            self._bar.say(line)
        elif self._waiting and progress.state == BulkState.RUNNING:
            self._bar.say(t("cli.import.answers_again"))
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
        problem = (err, err.cli_hint) if err.cli_hint else err  # a tuple reads "what; hint"
        raise CommandError(key="error.cli.nothing_imported", problem=problem) from None
    finally:
        bar.close()


def run_import(args: argparse.Namespace) -> int:
    """Exit status 0 when everything usable was imported, 1 when words asked to be translated
    were not (the endpoint stopped answering, a key was rejected, no source knew them): the
    user has to act."""
    parse_mapping(args.map)  # a malformed --map is reported before anything opens
    report = run_with_core(lambda core: _import(core, args))
    t = texts()
    for line in report.info:
        print(f"  {t.said(line)}")
    for change in report.changes[:PROBLEMS_SHOWN]:
        print("  " + t("cli.import.updated", change=change))
    if len(report.changes) > PROBLEMS_SHOWN:
        print("  " + t("cli.import.more_updated", count=len(report.changes) - PROBLEMS_SHOWN))
    for problem in report.problems[:PROBLEMS_SHOWN]:
        print(
            "  " + t("cli.import.skipped", problem=f"{problem.location}: {t.said(problem.reason)}")
        )
    if len(report.problems) > PROBLEMS_SHOWN:
        print("  " + t("cli.import.more_skipped", count=len(report.problems) - PROBLEMS_SHOWN))
    print(import_summary(report))
    missing = len(report.untranslated)
    if not missing:
        return 0
    if not args.translate:
        print(t("cli.import.hint_translate", count=missing))
        return 0
    why = report.translation_stopped or t("cli.import.see_above")
    print(t("cli.import.not_translated", count=missing, why=why), file=sys.stderr)
    return 1


def import_summary(report: ImportReport) -> str:
    """What the import did, in counts: the report's `summary` in the command's language."""
    t = texts()
    parts = [t("cli.import.summary", **report.counts)]
    if report.merged:
        parts.append(t("cli.import.merged", count=len(report.merged)))
    if report.translated:
        parts.append(t("cli.import.translated", count=report.translated))
    return ", ".join(parts)


async def _export(core: Core, args: argparse.Namespace) -> ExportReport:
    profile = await core.profiles.find(args.profile)
    assert profile.id is not None
    return await core.transfer.export(profile.id, args.out, args.format)


def run_export(args: argparse.Namespace) -> int:
    report = run_with_core(lambda core: _export(core, args))
    print(texts()("cli.export.summary", count=report.words, path=report.path, format=report.format))
    return 0
