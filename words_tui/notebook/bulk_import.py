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

import html
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from words_tui.domain.enums import JobStatus
from words_tui.notebook.bulk_grid import ResultsGrid
from words_tui.notebook.bulk_progress import ProgressView
from words_tui.notebook.bulk_source import SourcePicker
from words_tui.notebook.labels import WIDE_LABEL, local_time
from words_tui.notebook.preview_view import lists_html, preview_html
from words_tui.notebook.tasks import Tasks
from words_tui.notebook.ui import StatusLine
from words_tui.notebook.workspace import Workspace
from words_tui.services import Core
from words_tui.services.bulk import BulkProgress
from words_tui.services.transfer import CommitReport, Preview
from words_tui.services.transfer import batch as batch_import
from words_tui.services.vocabulary import Profile, Translation, WordSources

NO_JOB = 0


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
        self.reports: list[CommitReport] = []
        self.committed_version = -1
        self.engine: WordSources | None = None
        self.running = False
        self.status = StatusLine()
        self.tasks = Tasks(self._failed)
        self._build(profile_id if profile_id in self.profiles else profiles[0].id)

    def _build(self, profile_id: int | None) -> None:
        self.source = SourcePicker(
            lambda name, content: self.tasks.start("columns", self._offer_columns(name, content))
        )
        self.text, self.upload = self.source.text, self.source.upload
        self.header, self.format = self.source.header, self.source.format
        self.word_column = self.source.word_column
        self.translation_column = self.source.translation_column
        self.profile = widgets.Dropdown(
            options=[(_profile_label(p), p.id) for p in self.profiles.values()],
            value=profile_id,
            description="Profile",
            style=WIDE_LABEL,
        )
        self.preview_button = widgets.Button(description="Preview", button_style="primary")
        self.preview_box = widgets.HTML()
        self.lists_note = widgets.HTML()
        self.lists_box = widgets.VBox([self.lists_note, self.source.lists_choice])
        self.lists_box.layout.display = "none"
        self.translate_button = widgets.Button(description="Translate", disabled=True)
        self.stop_button = widgets.Button(description="Stop", disabled=True, button_style="danger")
        self.progress = ProgressView()
        self.jobs = widgets.Dropdown(
            options=[("none", NO_JOB)], description="Unfinished jobs", style=WIDE_LABEL
        )
        self.resume_button = widgets.Button(description="Resume", disabled=True)
        self.grid = ResultsGrid()
        self.commit_button = widgets.Button(
            description="Add to profile", disabled=True, button_style="success"
        )
        self.result = widgets.HTML()
        self.grid.on_change = self._enable
        self.profile.observe(self._profile_changed, names="value")
        self.jobs.observe(lambda _: self._enable(), names="value")
        self.source.lists_choice.observe(
            lambda _: self.tasks.start("preview", self.read()), names="value"
        )
        self.preview_button.on_click(lambda _: self.tasks.start("preview", self.read()))
        self.translate_button.on_click(lambda _: self.tasks.start("translate", self.translate()))
        self.stop_button.on_click(lambda _: self.stop())
        self.resume_button.on_click(lambda _: self.tasks.start("translate", self.resume()))
        self.commit_button.on_click(self._commit_clicked)
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
                self.lists_box,
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
        """Buttons follow the state: while a step runs only Stop works; "Add to profile" waits
        for rows to add that changed since the last time."""
        if running is not None:
            self.running = running
        running = self.running
        self.preview_button.disabled = running
        self.translate_button.disabled = running or not (self.preview and self.preview.to_translate)
        self.stop_button.disabled = not running
        self.resume_button.disabled = running or self.jobs.value == NO_JOB
        self.commit_button.disabled = (
            running
            or self.grid.version == self.committed_version
            or not any(row.ready for row in self.grid.rows)
        )

    def _profile_changed(self, _change: dict[str, Any]) -> None:
        """Another profile knows other words and has other jobs: preview again."""
        self.preview = self.translation = self.report = None
        self.reports = []
        self.preview_box.value = self.result.value = ""
        self.grid.show([])
        self.tasks.start("jobs", self.list_jobs())

    # -- reading ----------------------------------------------------------------------------

    async def _offer_columns(self, name: str, content: bytes) -> None:
        self.status.show(await self.source.offer_columns(name, content))

    async def read(self) -> Preview:
        """Read the uploaded file (or else the pasted text) and preview it against the profile;
        lines holding commas or semicolons are split into words or kept, as the learner chose."""
        self._enable(running=True)
        self.status.show("reading…", "busy")
        parsed, listed = await self.source.read()
        found = await self.core.transfer.preview(self.profile_id, parsed)
        self.preview, self.translation, self.report = found, None, None
        self.reports = []
        self.preview_box.value = preview_html(found, self.chosen_profile)
        self.lists_note.value = lists_html(listed)
        self.lists_box.layout.display = "" if listed else "none"
        self.grid.show(batch_import.review_rows(found.new, {}, {}))
        self.result.value = ""
        self.status.show(f"{len(found.new):,} new words", "ok")
        self._enable(running=False)
        return found

    # -- translating ------------------------------------------------------------------------

    async def translate(self) -> Translation:
        """Translate the previewed new words that have no translation yet; the rows fill in as
        batches finish."""
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
                progress=self._progressed,
                profile_id=profile.id,
            )
        finally:
            self.engine = None
        self._translated(translation)
        return translation

    def _progressed(self, progress: BulkProgress) -> None:
        """The engine's progress callback: the bar, and the rows of the words just translated."""
        self.progress.update(progress)
        if progress.translated and batch_import.fill_rows(self.grid.rows, progress.translated):
            self.grid.changed(redraw=True)

    def stop(self) -> None:
        """Cancel the running translation; what is done is kept and the rest can be resumed."""
        if self.engine is not None:
            self.engine.cancel()
            self.status.show("stopping…", "busy")

    async def resume(self) -> Translation:
        """Continue the unfinished job picked under "Unfinished jobs", into the rows shown (a job
        resumed in a new session brings its own rows)."""
        job_id = self.jobs.value
        engine = self.engine = await self.core.vocabulary.sources()
        if job_id == NO_JOB:
            raise ValueError("pick a job under “Unfinished jobs” first")
        if engine.bulk is None:
            raise ValueError("resuming a translation needs an LLM: configure one, then resume")
        self._enable(running=True)
        self.progress.start(0, f"resuming job {job_id}…")
        try:
            translation = await engine.resume(job_id, self._progressed)
        finally:
            self.engine = None
        self._translated(translation)
        return translation

    def _translated(self, translation: Translation) -> None:
        """Fill the rows with what the run found; every row stays, pending ones say how to go on."""
        self.translation = translation
        result = translation.result
        job = f"job #{result.job_id}" if result else "the job"
        batch_import.fill_rows(
            self.grid.rows,
            translation.entries,
            translation.failures,
            pending=translation.pending,
            pending_reason=f"not translated yet: resume {job} under “Unfinished jobs”",
        )
        self.grid.changed(redraw=True)
        stopped = result is not None and result.status != JobStatus.DONE
        note = f"{len(translation.entries):,} translated ({translation.offline:,} offline)"
        if translation.failures:
            note += f", {len(translation.failures):,} failed"
        if translation.pending:
            note += f", {len(translation.pending):,} left for later ({job})"
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
        self.jobs.options = [("none", NO_JOB)] + [
            (
                f"#{job.id}: {job.total:,} words ({job.status}, {local_time(job.created_at)})",
                job.id,
            )
            for job in jobs
        ]
        self._enable()

    # -- committing -------------------------------------------------------------------------

    def _commit_clicked(self, _button: object) -> None:
        """A click while a commit runs or with nothing new to add is ignored: a double click
        adds once (the browser may deliver the second click before the button is disabled)."""
        if self.commit_button.disabled or self.tasks.busy("commit"):
            return
        self._enable(running=True)
        self.tasks.start("commit", self.commit())

    async def commit(self) -> CommitReport:
        """Add the kept rows to the profile (again after edits: only the changes are written)."""
        self._enable(running=True)
        version = self.grid.version
        report = await self.core.transfer.commit(self.profile_id, self.grid.rows)
        self.report = report
        self.reports.append(report)
        self.committed_version = version
        skipped = "".join(f"<li>{html.escape(str(p))}</li>" for p in report.skipped)
        self.result.value = f"<b>{html.escape(cumulative(self.reports))}</b>" + (
            f"<ul>{skipped}</ul>" if skipped else ""
        )
        self.status.show(f"added to {self.chosen_profile.name}", "ok")
        self._enable(running=False)
        return report


def cumulative(reports: Sequence[CommitReport]) -> str:
    """What the list's commits wrote in all: "85 added, 0 updated, 2 unchanged" for the first;
    later ones (after edits) add theirs, and the last one is named."""
    first, last = reports[0], reports[-1]
    if len(reports) == 1:
        return first.summary()
    added = sum(report.added for report in reports)
    updated = sum(report.updated for report in reports)
    return (
        f"{added} added, {updated} updated in all ({len(reports)} times; "
        f"the last: {last.summary()})"
    )


def _profile_label(profile: Profile) -> str:
    return f"{profile.name} ({profile.target_lang} → {profile.native_lang}, {profile.level})"
