"""Where a bulk import's words come from: pasted text or an uploaded file, with its columns.

An upload offers its columns (the header's names, or column numbers) for the word and the
translations; "auto" lets the importer guess. `read` returns the parsed source, and the lines of
a one-word-per-line list that hold commas or semicolons, split or kept as the learner chose.
Problems with a file are said in the notebook's terms (its dropdowns, not the CLI's flags).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from words_tui.notebook.labels import ANY, WIDE_LABEL
from words_tui.notebook.preview_view import LIST_CHOICES, SPLIT, source_problem
from words_tui.services.transfer import ImportRecord, ParsedSource, SourceError, TableShape
from words_tui.services.transfer import batch as batch_import

FORMATS = [
    ("detect", ANY),
    ("CSV / TSV / list", "csv"),
    ("Anki package", "anki"),
    ("Kindle", "kindle"),
]
AUTO: list[tuple[str, str | int]] = [("auto", ANY)]
PACKAGES = (".apkg", ".colpkg", ".db")


class SourcePicker:
    """The text box, the upload and its column choices (widgets the import lays out)."""

    def __init__(self, on_upload: Callable[[str, bytes], object]) -> None:
        self.shape: TableShape | None = None
        self.text = widgets.Textarea(
            placeholder="one word per line — or CSV/TSV with a header (word, translations, ...)",
            layout=widgets.Layout(width="32em", height="10em"),
        )
        self.upload = widgets.FileUpload(accept=".txt,.csv,.tsv,.apkg,.colpkg,.db", multiple=False)
        self.format = widgets.Dropdown(options=FORMATS, description="Format", style=WIDE_LABEL)
        self.word_column = widgets.Dropdown(
            options=AUTO, description="Word column", style=WIDE_LABEL
        )
        self.translation_column = widgets.Dropdown(
            options=AUTO, description="Translations", style=WIDE_LABEL
        )
        self.header = widgets.Checkbox(
            description="first line names the columns", indent=False, style=WIDE_LABEL
        )
        self.lists_choice = widgets.ToggleButtons(options=LIST_CHOICES, value=SPLIT)
        self.header.observe(lambda _: self.column_choices(), names="value")

        def uploaded(change: dict[str, Any]) -> None:
            files = change["new"]
            if files:
                on_upload(files[0]["name"], bytes(files[0]["content"]))

        self.upload.observe(uploaded, names="value")

    async def offer_columns(self, name: str, content: bytes) -> str:
        """Read the upload's columns into the choices; what to tell the learner about it."""
        self.shape = None
        if not name.lower().endswith(PACKAGES):
            self.shape = await asyncio.to_thread(batch_import.table_shape, name, content)
        self.header.value = self.shape is not None and self.shape.header
        self.column_choices()
        columns = len(self.shape.first_row) if self.shape else 0
        return f"{name}: {columns} columns" if columns else name

    def column_choices(self) -> None:
        shape = self.shape
        choices = AUTO + (shape.column_choices(self.header.value) if shape else [])
        self.word_column.options = choices
        self.translation_column.options = choices

    def mapping(self) -> dict[str, str | int]:
        mapping: dict[str, str | int] = {}
        if self.word_column.value != ANY:
            mapping["word"] = self.word_column.value
        if self.translation_column.value != ANY:
            mapping["translations"] = self.translation_column.value
        return mapping

    async def read(self) -> tuple[ParsedSource, list[ImportRecord]]:
        """The uploaded file (or else the pasted text), and its lines holding lists."""
        files = self.upload.value
        try:
            if files:
                name, content = files[0]["name"], bytes(files[0]["content"])
                parsed = await asyncio.to_thread(
                    batch_import.read_upload,
                    name,
                    content,
                    format=self.format.value or None,
                    mapping=self.mapping() or None,
                )
            elif self.text.value.strip():
                parsed = await asyncio.to_thread(batch_import.read_pasted, self.text.value)
            else:
                raise ValueError("nothing to import: paste some words or upload a file")
        except SourceError as err:
            raise ValueError(source_problem(err)) from err
        listed = [record for record in parsed.records if batch_import.holds_list(record)]
        if listed and self.lists_choice.value == SPLIT:
            parsed = batch_import.split_lists(parsed)
        return parsed, listed
