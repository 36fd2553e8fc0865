"""What every import checks, whatever the file's format: control characters and lengths.

Imported text is shown to the learner (and, on a shared database, to other learners), so it is
data and nothing else: control characters are removed and the removal reported with the lines
where it happened; a word, translation, example, note or tag longer than a learner could type is
refused with its location, and the rest of the file still imports.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from words_tui.domain.entries import Example, Meaning
from words_tui.domain.text import (
    CONTROL_CHARACTERS,
    MAX_EXAMPLE_LENGTH,
    MAX_MEANING_LENGTH,
    MAX_NOTE_LENGTH,
    MAX_TAG_LENGTH,
    MAX_WORD_LENGTH,
    strip_control_characters,
)
from words_tui.i18n.said import Said
from words_tui.infrastructure.importers.records import ImportRecord, ParsedSource, Problem

SHOWN_LINES = 5


def controls_removed_note(count: int, where: list[str]) -> str:
    """The report's line about removed control characters, naming where (the first few)."""
    shown = ", ".join(where[:SHOWN_LINES]) + (" …" if len(where) > SHOWN_LINES else "")
    return Said("import.info.controls_removed", count=count, places=shown)


def strip_text_controls(text: str, parsed: ParsedSource, name: str) -> str:
    """A text file's content without control characters, counted in `parsed` with the lines
    where they were (numbered as the CSV reader numbers them)."""
    parsed.controls_stripped = True
    if CONTROL_CHARACTERS.search(text) is None:
        return text
    for number, line in enumerate(text.split("\n"), start=1):
        parsed.note_controls([line], f"{name}:{number}")
    return CONTROL_CHARACTERS.sub("", text)


def _meaning(meaning: Meaning) -> tuple[Meaning, int]:
    text, a = strip_control_characters(meaning.text)
    pos, b = strip_control_characters(meaning.pos)
    note, c = strip_control_characters(meaning.note)
    if a + b + c == 0:
        return meaning, 0
    return Meaning(text=text or "?", pos=pos, note=note), a + b + c


def _example(example: Example) -> tuple[Example, int]:
    source, a = strip_control_characters(example.source)
    target, b = strip_control_characters(example.target)
    if a + b == 0:
        return example, 0
    return Example(source=source or "?", target=target), a + b


def strip_record_controls(record: ImportRecord) -> tuple[ImportRecord, int]:
    """The record with control characters removed from every text it holds, and how many."""
    word, removed = strip_control_characters(record.word)
    notes, count = strip_control_characters(record.notes)
    removed += count
    meanings = []
    for meaning in record.meanings:
        cleaned_meaning, count = _meaning(meaning)
        meanings.append(cleaned_meaning)
        removed += count
    examples = []
    for example in record.examples:
        cleaned_example, count = _example(example)
        examples.append(cleaned_example)
        removed += count
    tags = []
    for tag in record.tags:
        cleaned_tag, count = strip_control_characters(tag)
        tags.append(cleaned_tag)
        removed += count
    if removed == 0:
        return record, 0
    return (
        replace(
            record,
            word=word,
            notes=notes,
            meanings=tuple(meanings),
            examples=tuple(examples),
            tags=tuple(tags),
        ),
        removed,
    )


def _too_long(record: ImportRecord) -> Iterator[tuple[str, str]]:
    """(field, reason) for each text of the record over its limit."""
    if len(record.word) > MAX_WORD_LENGTH:
        yield "word", f"the word is longer than {MAX_WORD_LENGTH:,} characters"
    for number, meaning in enumerate(record.meanings, start=1):
        if len(meaning.text) > MAX_MEANING_LENGTH:
            yield (
                "translations",
                f"translation {number} is {len(meaning.text):,} characters long; "
                f"the longest a translation may be is {MAX_MEANING_LENGTH:,}",
            )
    for number, example in enumerate(record.examples, start=1):
        if max(len(example.source), len(example.target)) > MAX_EXAMPLE_LENGTH:
            yield "examples", f"example {number} is longer than {MAX_EXAMPLE_LENGTH:,} characters"
    if len(record.notes) > MAX_NOTE_LENGTH:
        yield "notes", f"the note is longer than {MAX_NOTE_LENGTH:,} characters"
    for tag in record.tags:
        if len(tag) > MAX_TAG_LENGTH:
            yield "tags", f"a tag is longer than {MAX_TAG_LENGTH} characters"


def vet(parsed: ParsedSource) -> ParsedSource:
    """Remove any control character left in the records (the formats clean most text on the way;
    what they counted is reported here, once, with where) and refuse over-long or, once clean,
    empty records as located problems."""
    kept: list[ImportRecord] = []
    for record in parsed.records:
        if not parsed.controls_stripped:
            record, _ = strip_record_controls(record)
        problems = list(_too_long(record))
        if not record.word.strip():
            problems.insert(0, ("word", Said("import.problem.empty_word")))
        if problems:
            field, reason = problems[0]
            parsed.problems.append(Problem(record.location.at_field(field), reason))
            continue
        kept.append(record)
    parsed.records = kept
    if parsed.controls_removed:
        parsed.info.append(controls_removed_note(parsed.controls_removed, parsed.control_places))
    return parsed
