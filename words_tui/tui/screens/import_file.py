"""Import a word list (CSV/TSV, Anki .apkg, Kindle vocab.db) into the profile, with a progress bar.

Words that come without a translation can be translated in bulk by the LLM on the way in. The
import service writes everything in one transaction, so a failed import leaves nothing behind. A
table whose first line names no column the importer knows (`Spanish;English;Note`) stops before
anything is written; the screen then shows its columns with a sample row and asks which column
holds the word and which its translations, and the next import reads them from there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Header, Input, ProgressBar, Select, Static

from words_tui.services.transfer import SourceError, UnknownColumns
from words_tui.tui.base import WordsScreen
from words_tui.tui.literal import literal
from words_tui.tui.widgets.footer import TranslatedFooter

if TYPE_CHECKING:
    from words_tui.services.transfer import ImportReport

PROBLEMS_SHOWN = 8


class ImportScreen(WordsScreen[None]):
    """Pick a file, import it, read the report."""

    DEFAULT_CSS = """
    ImportScreen #import { padding: 0 2; }
    ImportScreen #import-hint { color: $text-muted; margin-top: 1; }
    ImportScreen #start-import { margin-top: 1; }
    ImportScreen #stage { margin-top: 1; color: $text-muted; }
    ImportScreen ProgressBar { margin-top: 0; }
    ImportScreen #report { margin-top: 1; }
    ImportScreen #columns-info { margin-top: 1; }
    ImportScreen #columns { height: auto; }
    ImportScreen #columns Select { width: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back"),
        Binding("ctrl+s", "start", "key.import"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="import"):
            yield Static(self.t("import.hint"), id="import-hint")
            yield Input(id="path", placeholder=self.t("import.path"))
            yield Static("", id="columns-info")
            with Horizontal(id="columns"):
                yield Select[str | int]([], prompt=self.t("import.word_column"), id="word-column")
                yield Select[str | int](
                    [], prompt=self.t("import.translations_column"), id="translations-column"
                )
            yield Checkbox(self.t("import.translate"), id="translate")
            yield Button(self.t("import.start"), id="start-import", variant="primary")
            yield Static("", id="stage")
            yield ProgressBar(show_eta=False)
            yield Static("", id="report")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.title = self.t("import.title")
        translate = self.query_one("#translate", Checkbox)
        translate.display = self.core.llm_configured
        self.query_one(ProgressBar).display = False
        self.show_columns(None)
        self.query_one("#path", Input).focus()

    def show_columns(self, problem: UnknownColumns | None) -> None:
        """Ask which column is which (the file's columns and a sample row), or hide the
        question (None)."""
        info = self.query_one("#columns-info", Static)
        columns = self.query_one("#columns", Horizontal)
        info.display = columns.display = problem is not None
        if problem is None:
            return
        shape = problem.shape
        info.update(
            literal(
                self.t(
                    "import.which_columns",
                    file=problem.name,
                    columns=", ".join(shape.first_row),
                    sample=" | ".join(shape.sample) or "–",
                )
            )
        )
        choices = [(literal(label), value) for label, value in shape.column_choices(True)]
        for name in ("#word-column", "#translations-column"):
            self.query_one(name, Select).set_options(choices)
        self.query_one("#word-column", Select).focus()

    def mapping(self) -> dict[str, str | int] | None:
        """The columns the learner picked (None while the question is not asked)."""
        if not self.query_one("#columns", Horizontal).display:
            return None
        picked: dict[str, str | int] = {}
        for field, name in (("word", "#word-column"), ("translations", "#translations-column")):
            value = self.query_one(name, Select).value
            if isinstance(value, str | int):
                picked[field] = value
        return picked or None

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#start-import")
    def action_start(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.notify(self.t("import.no_path"), severity="warning")
            return
        translate = self.query_one("#translate", Checkbox).value and self.core.llm_configured
        self.query_one("#start-import", Button).disabled = True
        self.query_one(ProgressBar).display = True
        self.query_one("#report", Static).update("")
        self.run_import(Path(text).expanduser(), translate=translate, mapping=self.mapping())

    def progress(self, stage: str, done: int, total: int) -> None:
        """The import service's progress callback (it runs on the event loop)."""
        self.query_one("#stage", Static).update(
            self.t(f"import.stage.{stage}", done=done, total=total)
        )
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    @work(exclusive=True, group="import", exit_on_error=False)
    async def run_import(
        self, path: Path, *, translate: bool, mapping: dict[str, str | int] | None
    ) -> None:
        profile = self.words_app.profile
        assert profile is not None and profile.id is not None
        try:
            report = await self.core.transfer.import_file(
                profile.id, path, mapping=mapping, translate=translate, progress=self.progress
            )
        except UnknownColumns as err:
            self.hide_progress()
            self.query_one("#report", Static).update("")
            self.show_columns(err)
            return
        except SourceError as err:
            self.hide_progress()
            self.query_one("#report", Static).update(
                literal(self.t("import.failed", problem=self.words_app.texts.error(err)))
            )
            return
        except BaseException:
            self.hide_progress()
            raise
        finally:
            self.query_one("#start-import", Button).disabled = False
        self.show_columns(None)
        self.show_report(report)

    def hide_progress(self) -> None:
        """No "Reading the file… 0%" left above a failure: nothing was imported."""
        self.query_one("#stage", Static).update("")
        self.query_one(ProgressBar).display = False

    def show_report(self, report: ImportReport) -> None:
        texts = self.words_app.texts
        lines = [
            self.t("import.done", **report.counts),
            *(texts.said(line) for line in report.info),
            *(
                self.t("import.skipped", problem=f"{p.location}: {texts.said(p.reason)}")
                for p in report.problems[:PROBLEMS_SHOWN]
            ),
        ]
        if len(report.problems) > PROBLEMS_SHOWN:
            lines.append(self.t("import.more", count=len(report.problems) - PROBLEMS_SHOWN))
        self.query_one("#report", Static).update(literal("\n".join(lines)))

    def action_back(self) -> None:
        self.app.pop_screen()
