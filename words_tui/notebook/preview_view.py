"""The preview of a word list as HTML: counts first, then the lines that need the learner's eye."""

from __future__ import annotations

import html
from collections.abc import Sequence

from words_tui.notebook.ui import rows_html
from words_tui.services.transfer import ImportRecord, Preview, SourceError
from words_tui.services.vocabulary import Profile

SHOWN = 50


def _plural(count: int, one: str, many: str) -> str:
    return f"<b>{count:,}</b> {one if count == 1 else many}"


def _located(title: str, problems: list[tuple[str, str]]) -> str:
    if not problems:
        return ""
    more = len(problems) - SHOWN
    tail = f"<div>… and {more:,} more</div>" if more > 0 else ""
    return (
        f"<details><summary>{html.escape(title)} ({len(problems):,})</summary>"
        + rows_html(problems[:SHOWN], ("where", "why"))
        + tail
        + "</details>"
    )


def preview_html(preview: Preview, profile: Profile) -> str:
    """Counts of new, known, repeated and unusable lines, with the located details below."""
    to_translate = len(preview.to_translate)
    counts = " · ".join(
        [
            _plural(len(preview.new), "new word", "new words"),
            _plural(len(preview.known), "already in the vocabulary", "already in the vocabulary"),
            _plural(len(preview.duplicates), "repeated line", "repeated lines"),
            _plural(len(preview.invalid), "unusable line", "unusable lines"),
            f"{_plural(to_translate, 'to translate', 'to translate')} "
            f"({html.escape(profile.target_lang)} → {html.escape(profile.native_lang)})",
        ]
    )
    known = ", ".join(html.escape(r.word) for r in preview.known[:SHOWN])
    if len(preview.known) > SHOWN:
        known += ", …"
    return "".join(
        [
            f"<div>{counts}</div>",
            _located("Unusable lines", [(str(p.location), p.reason) for p in preview.invalid]),
            _located("Repeated lines", [(str(p.location), p.reason) for p in preview.duplicates]),
            f"<details><summary>Already in the vocabulary</summary>{known}</details>"
            if known
            else "",
            "".join(f"<div><small>{html.escape(line)}</small></div>" for line in preview.info),
        ]
    )


SPLIT, KEEP = "split", "keep"
LIST_CHOICES = [("split into words", SPLIT), ("keep each as one phrase", KEEP)]
NEEDS = {
    "columns": "choose the column holding the word under “Word column” (and the translations "
    "under “Translations”), then Preview again",
    "encoding": "save the file as UTF-8 (a spreadsheet's “CSV UTF-8”) and upload it again",
}


def lists_html(listed: Sequence[ImportRecord]) -> str:
    """The lines of a one-word-per-line list that hold commas or semicolons, with their place."""
    if not listed:
        return ""
    count = len(listed)
    rows = [(str(record.location), record.word) for record in listed[:SHOWN]]
    return (
        f"<div>⚠ {_plural(count, 'line holds', 'lines hold')} commas or semicolons: several "
        "words, or one phrase each?</div>" + rows_html(rows, ("where", "line"))
    )


def source_problem(error: SourceError) -> str:
    """A file the import cannot read, said in the notebook's terms (its controls, not the
    command line's flags)."""
    hint = NEEDS.get(error.needs)
    return f"{error.reason}: {hint}" if hint else str(error)
