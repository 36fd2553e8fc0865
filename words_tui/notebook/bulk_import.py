"""BulkImport: paste or upload a word list, preview it, translate it in bulk, fix, commit.

    bulk = await BulkImport.for_workspace(ws)
    bulk

1. Paste words (one per line, or CSV/TSV) or upload a file (CSV/TSV with a column choice, an Anki
   package, a Kindle vocab.db); pick the profile. **Preview** counts new words, words already in
   the vocabulary, repeated lines and unusable lines (with line number and reason).
2. **Translate** sends the new words without a translation to the bulk engine, with a live
   progress bar; **Stop** cancels (the job stays resumable: pick it under "Unfinished jobs").
3. Review the rows — drop words, remove meanings, fix or add a translation — and **Add to
   profile**.
Every button starts its work in the background (`Tasks`), so the notebook stays responsive.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from words_tui.domain.enums import JobStatus
from words_tui.notebook.bulk_grid import ResultsGrid
from words_tui.notebook.bulk_progress import ProgressView
from words_tui.notebook.preview_view import preview_html
from words_tui.notebook.tasks import Tasks
from words_tui.notebook.ui import StatusLine
from words_tui.notebook.workspace import Workspace
from words_tui.services import Core
from words_tui.services.transfer import CommitReport, Preview, ReviewRow, TableShape
from words_tui.services.transfer import batch as batch_import
from words_tui.services.vocabulary import Profile, Translation, WordSources

FORMATS = [
    ("detect", None),
    ("CSV / TSV / list", "csv"),
    ("Anki package", "anki"),
    ("Kindle", "kindle"),
]
AUTO = [("auto", None)]


class BulkImport(widgets.VBox):  # type: ignore[misc]
    """The whole bulk import, as one widget; each step is also an awaitable method."""

    def __init__(
        self, core: Core, profiles: Sequence[Profile], *, profile_id: int | None = None
    ) -> None:
        if not profiles:
            raise ValueError("there is no profile to import into: create one first")
        self.core = core
        self.profiles = {p.id: p for p in profiles}
        self.preview: Preview | None = None
        self.translation: Translation | None = None
        self.report: CommitReport | None = None
        self.engine: WordSources | None = None
        self.shape: TableShape | None = None
        self.running = False
        self.status = StatusLine()
        self.tasks = Tasks(self._failed)
        self._build(profile_id if profile_id in self.profiles else profiles[0].id)

    def _build(self, profile_id: int | None) -> None:
        self.text = widgets.Textarea(
            placeholder="one word per line — or CSV/TSV with a header (word, translations, ...)",
            layout=widgets.Layout(width="32em", height="10em"),
        )
        self.upload = widgets.FileUpload(accept=".txt,.csv,.tsv,.apkg,.colpkg,.db", multiple=False)
        self.format = widgets.Dropdown(options=FORMATS, description="Format")
        self.word_column = widgets.Dropdown(options=AUTO, description="Word column")
        self.translation_column = widgets.Dropdown(options=AUTO, description="Translations")
        self.header = widgets.Checkbox(description="first line names the columns", indent=False)
        self.header.observe(lambda _: self._column_choices(), names="value")
        self.profile = widgets.Dropdown(
            options=[(_profile_label(p), p.id) for p in self.profiles.values()],
            value=profile_id,
            description="Profile",
        )
        self.preview_button = widgets.Button(description="Preview", button_style="primary")
        self.preview_box = widgets.HTML()
        self.translate_button = widgets.Button(description="Translate", disabled=True)
        self.stop_button = widgets.Button(description="Stop", disabled=True, button_style="danger")
        self.progress = ProgressView()
        self.jobs = widgets.Dropdown(options=[("none", None)], description="Unfinished jobs")
        self.resume_button = widgets.Button(description="Resume", disabled=True)
        self.grid = ResultsGrid()
        self.commit_button = widgets.Button(
            description="Add to profile", disabled=True, button_style="success"
        )
        self.result = widgets.HTML()
        self.grid.on_change = self._enable
        self.upload.observe(self._uploaded, names="value")
        self.profile.observe(self._profile_changed, names="value")
        self.jobs.observe(lambda _: self._enable(), names="value")
        self.preview_button.on_click(lambda _: self.tasks.start("preview", self.read()))
        self.translate_button.on_click(lambda _: self.tasks.start("translate", self.translate()))
        self.stop_button.on_click(lambda _: self.stop())
        self.resume_button.on_click(lambda _: self.tasks.start("translate", self.resume()))
        self.commit_button.on_click(lambda _: self.tasks.start("commit", self.commit()))
        source = widgets.VBox(
            [
                self.upload,
                self.format,
                self.header,
                self.word_column,
                self.translation_column,
                self.profile,
            ]
        )
        super().__init__(
            [
                widgets.HBox([self.text, source]),
                widgets.HBox([self.preview_button, self.status]),
                self.preview_box,
                widgets.HBox(
                    [self.translate_button, self.stop_button, self.jobs, self.resume_button]
                ),
                self.progress,
                self.grid,
                widgets.HBox([self.commit_button, self.result]),
            ]
        )

    @classmethod
    async def for_workspace(cls, workspace: Workspace) -> BulkImport:
        """The import for the workspace's learner, its profile chosen, unfinished jobs listed."""
        profiles = await workspace.core.profiles.all()
        bulk = cls(workspace.core, profiles, profile_id=workspace.profile_id)
        await bulk.list_jobs()
        return bulk

    @property
    def profile_id(self) -> int:
        return int(self.profile.value)

    @property
    def chosen_profile(self) -> Profile:
        return self.profiles[self.profile_id]

    def _failed(self, error: BaseException) -> None:
        self.status.error(error)
        self._enable(running=False)

    def _enable(self, *, running: bool | None = None) -> None:
        """Buttons follow the state: while a step runs only Stop works."""
        if running is not None:
            self.running = running
        running = self.running
        self.preview_button.disabled = running
        self.translate_button.disabled = running or not (self.preview and self.preview.to_translate)
        self.stop_button.disabled = not running
        self.resume_button.disabled = running or self.jobs.value is None
        self.commit_button.disabled = running or not any(row.ready for row in self.grid.rows)

    def _profile_changed(self, _change: dict[str, Any]) -> None:
        """Another profile knows other words and has other jobs: preview again."""
        self.preview = self.translation = self.report = None
        self.preview_box.value = self.result.value = ""
        self.grid.show([])
        self.tasks.start("jobs", self.list_jobs())

    # -- reading ----------------------------------------------------------------------------

    def _uploaded(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if files:
            self.tasks.start(
                "columns", self._offer_columns(files[0]["name"], bytes(files[0]["content"]))
            )

    async def _offer_columns(self, name: str, content: bytes) -> None:
        self.shape = None
        if not name.lower().endswith((".apkg", ".colpkg", ".db")):
            self.shape = await asyncio.to_thread(batch_import.table_shape, name, content)
        self.header.value = self.shape is not None and self.shape.header
        self._column_choices()
        columns = len(self.shape.first_row) if self.shape else 0
        self.status.show(f"{name}: {columns} columns" if columns else name)

    def _column_choices(self) -> None:
        shape = self.shape
        choices = AUTO + (shape.column_choices(self.header.value) if shape else [])
        self.word_column.options = choices
        self.translation_column.options = choices

    def _mapping(self) -> dict[str, str | int]:
        mapping: dict[str, str | int] = {}
        if self.word_column.value is not None:
            mapping["word"] = self.word_column.value
        if self.translation_column.value is not None:
            mapping["translations"] = self.translation_column.value
        return mapping

    async def read(self) -> Preview:
        """Read the uploaded file (or else the pasted text) and preview it against the profile."""
        self._enable(running=True)
        self.status.show("reading…", "busy")
        files = self.upload.value
        if files:
            name, content = files[0]["name"], bytes(files[0]["content"])
            parsed = await asyncio.to_thread(
                batch_import.read_upload,
                name,
                content,
                format=self.format.value,
                mapping=self._mapping() or None,
            )
        elif self.text.value.strip():
            parsed = await asyncio.to_thread(batch_import.read_pasted, self.text.value)
        else:
            raise ValueError("nothing to import: paste some words or upload a file")
        found = await self.core.transfer.preview(self.profile_id, parsed)
        self.preview, self.translation, self.report = found, None, None
        self.preview_box.value = preview_html(found, self.chosen_profile)
        self.grid.show(batch_import.review_rows(found.new, {}, {}))
        self.result.value = ""
        self.status.show(f"{len(found.new):,} new words", "ok")
        self._enable(running=False)
        return found

    # -- translating ------------------------------------------------------------------------

    async def translate(self) -> Translation:
        """Translate the previewed new words that have no translation yet."""
        if self.preview is None:
            raise ValueError("preview the list first")
        profile = self.chosen_profile
        words = self.preview.to_translate
        self.engine = await self.core.vocabulary.sources()
        self._enable(running=True)
        self.progress.start(len(words), f"looking up {len(words):,} words…")
        try:
            translation = await self.engine.translate(
                words,
                profile.target_lang,
                profile.native_lang,
                progress=self.progress.update,
                profile_id=profile.id,
            )
        finally:
            self.engine = None
        self._translated(
            translation,
            batch_import.review_rows(self.preview.new, translation.entries, translation.failures),
        )
        return translation

    def stop(self) -> None:
        """Cancel the running translation; what is done is kept and the rest can be resumed."""
        if self.engine is not None:
            self.engine.cancel()
            self.status.show("stopping…", "busy")

    async def resume(self) -> Translation:
        """Continue the unfinished job picked under "Unfinished jobs"."""
        job_id = self.jobs.value
        engine = self.engine = await self.core.vocabulary.sources()
        if job_id is None or engine.bulk is None:
            raise ValueError("pick an unfinished job; resuming needs an LLM")
        self._enable(running=True)
        self.progress.start(0, f"resuming job {job_id}…")
        try:
            translation = await engine.resume(job_id, self.progress.update)
        finally:
            self.engine = None
        self._translated(translation, batch_import.resumed_rows(translation))
        return translation

    def _translated(self, translation: Translation, rows: list[ReviewRow]) -> None:
        self.translation = translation
        self.grid.show(rows)
        result = translation.result
        stopped = result is not None and result.status != JobStatus.DONE
        note = f"{len(translation.entries):,} translated ({translation.offline:,} offline)"
        if translation.failures:
            note += f", {len(translation.failures):,} failed"
        if translation.pending:
            note += f", {len(translation.pending):,} left for later (job {result.job_id if result else '?'})"
        self.progress.finish("warning" if stopped or translation.failures else "success", note)
        self.status.show(
            result.error if result and result.error else "translated",
            "error" if result and result.error else "ok",
        )
        self.tasks.start("jobs", self.list_jobs())
        self._enable(running=False)

    async def list_jobs(self) -> None:
        """Offer the profile's interrupted jobs for resuming, newest first."""
        jobs = await self.core.bulk.unfinished_jobs(self.profile_id)
        self.jobs.options = [("none", None)] + [
            (
                f"#{job.id}: {job.total:,} words ({job.status}, {job.created_at:%Y-%m-%d %H:%M})",
                job.id,
            )
            for job in jobs
        ]
        self._enable()

    # -- committing -------------------------------------------------------------------------

    async def commit(self) -> CommitReport:
        """Add the kept rows to the profile."""
        self._enable(running=True)
        report = await self.core.transfer.commit(self.profile_id, self.grid.rows)
        self.report = report
        skipped = "".join(f"<li>{html.escape(str(p))}</li>" for p in report.skipped)
        self.result.value = f"<b>{html.escape(report.summary())}</b>" + (
            f"<ul>{skipped}</ul>" if skipped else ""
        )
        self.status.show(f"added to {self.chosen_profile.name}", "ok")
        self._enable(running=False)
        return report


def _profile_label(profile: Profile) -> str:
    return f"{profile.name} ({profile.target_lang} → {profile.native_lang}, {profile.level})"
