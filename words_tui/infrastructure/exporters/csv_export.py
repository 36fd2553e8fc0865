"""words-tui's CSV: every field of every word, readable in a spreadsheet, importable unchanged.

Several values in a cell use the same codec the importer reads (`cells`), card memory is JSON,
and the `key` column is the stable key that lets an edited file update its words on re-import.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from words_tui.domain.enums import WordStatus
from words_tui.infrastructure.exporters import ExportedWord
from words_tui.infrastructure.importers import cells
from words_tui.infrastructure.importers import csv_format as fmt


def csv_row(word: ExportedWord) -> dict[str, str]:
    return {
        fmt.KEY: word.key,
        "word": word.word,
        "pos": word.pos,
        "translations": cells.format_meanings(word.meanings),
        "examples": cells.format_examples(word.examples),
        "forms": cells.format_forms(word.forms),
        "notes": word.notes,
        "tags": cells.format_tags(word.tags),
        fmt.STATUS: WordStatus(word.status).name.lower(),
        fmt.CEFR: word.cefr or "",
        fmt.ADDED_AT: word.added_at.isoformat() if word.added_at else "",
        fmt.CARDS: fmt.format_cards(list(word.cards)),
    }


def write_csv(words: Iterable[ExportedWord], out: Path) -> int:
    """Write the words to `out` (UTF-8, header row); returns how many were written."""
    count = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fmt.COLUMNS)
        writer.writeheader()
        for word in words:
            writer.writerow(csv_row(word))
            count += 1
    return count
