"""Anki `.apkg` decks → located word records, with each card's review history as FSRS state.

Which note field is the word and which the translation is guessed from the field names (`Front`,
`Word`, `Meaning`, ...) and then their order; `mapping` overrides the guess by field name or
number. A template asking with the word field becomes the foreign → native card, one asking with
the translation the native → foreign card. The note GUID is the stable key, so re-importing an
edited deck updates the same words.
"""

from __future__ import annotations

import html
import re
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from fsrs import Scheduler

from words_tui.domain.enums import CardState, Direction, WordStatus
from words_tui.domain.text import clean_text
from words_tui.infrastructure.importers import cells
from words_tui.infrastructure.importers.anki_collection import (
    NoteType,
    Template,
    open_collection,
    read_note_types,
)
from words_tui.infrastructure.importers.anki_history import AnkiCard, AnkiReview, card_progress
from words_tui.infrastructure.importers.csv_format import HEADER_TO_FIELD, normalise_header
from words_tui.infrastructure.importers.records import (
    ImportedCard,
    ImportRecord,
    Location,
    ParsedSource,
    Problem,
    SourceError,
)

ROLES = ("word", "translations", "examples", "notes", "forms", "pos")
FIELD_SEPARATOR = "\x1f"
KEY_PREFIX = "anki:"
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_BREAK = re.compile(r"<\s*(?:br|/div|/p|/li)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def field_text(value: str) -> str:
    """An Anki field as plain text: markup dropped, line breaks kept as new lines."""
    text = _TAG.sub("", _BREAK.sub("\n", _SOUND.sub("", value)))
    return "\n".join(line.strip() for line in html.unescape(text).splitlines()).strip()


def guess_roles(note_type: NoteType, mapping: Mapping[str, str | int] | None) -> dict[str, int]:
    """Role → field index: the user's mapping, then field names, then the first free fields."""
    roles: dict[str, int] = {}
    for role, wanted in (mapping or {}).items():
        index = _field_index(note_type, wanted)
        if index is not None:
            roles[role] = index
    for index, name in enumerate(note_type.fields):
        guess = HEADER_TO_FIELD.get(normalise_header(name))
        if guess in ROLES and guess not in roles and index not in roles.values():
            roles[str(guess)] = index
    free = [i for i in range(len(note_type.fields)) if i not in roles.values()]
    for role in ("word", "translations"):
        if role not in roles and free:
            roles[role] = free.pop(0)
    return roles


def _field_index(note_type: NoteType, wanted: str | int) -> int | None:
    if isinstance(wanted, int) or wanted.isdigit():
        index = int(wanted) - 1
        return index if 0 <= index < len(note_type.fields) else None
    folded = wanted.strip().casefold()
    return next((i for i, n in enumerate(note_type.fields) if n.casefold() == folded), None)


def _asks_with(template: Template, field: str) -> bool:
    pattern = r"\{\{(?:[^}]*[:#^/])?\s*" + re.escape(field) + r"\s*\}\}"
    return re.search(pattern, template.question) is not None


def template_directions(note_type: NoteType, roles: dict[str, int]) -> dict[int, Direction]:
    """Template ord → the direction it asks in; a direction taken twice keeps its first template."""
    word = note_type.fields[roles["word"]]
    translation = note_type.fields[roles["translations"]]
    directions: dict[int, Direction] = {}
    for template in note_type.templates:
        by_word, by_translation = _asks_with(template, word), _asks_with(template, translation)
        if by_word != by_translation:
            direction = Direction.FOREIGN_TO_NATIVE if by_word else Direction.NATIVE_TO_FOREIGN
        elif template.ord in (0, 1):
            direction = Direction(template.ord)
        else:
            continue
        if direction not in directions.values():
            directions[template.ord] = direction
    return directions


def _status(progress: list[ImportedCard]) -> WordStatus | None:
    if not progress:
        return None
    if all(not card.active for card in progress) and len(progress) == len(Direction):
        return WordStatus.SUSPENDED
    states = {card.state for card in progress if card.active}
    if CardState.REVIEW in states:
        return WordStatus.REVIEW
    if states & {CardState.LEARNING, CardState.RELEARNING}:
        return WordStatus.LEARNING
    return None


class _Collection:
    """The rows of one opened collection that notes are built from."""

    def __init__(self, connection: sqlite3.Connection, name: str) -> None:
        self.types = read_note_types(connection, name)
        row = connection.execute("SELECT crt FROM col").fetchone()
        self.created = int(row[0]) if row else 0
        self.cards: dict[int, list[tuple[int, AnkiCard]]] = {}
        query = "SELECT id, nid, ord, type, queue, due, ivl, reps, lapses, data FROM cards"
        for cid, nid, ord_, type_, queue, due, ivl, reps, lapses, data in connection.execute(query):
            card = AnkiCard(cid, type_, queue, due, ivl, reps, lapses, str(data or ""))
            self.cards.setdefault(int(nid), []).append((int(ord_), card))
        self.reviews: dict[int, list[AnkiReview]] = {}
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if "revlog" in tables:
            for rid, cid, ease, type_ in connection.execute(
                "SELECT id, cid, ease, type FROM revlog ORDER BY id"
            ):
                self.reviews.setdefault(int(cid), []).append(AnkiReview(rid, ease, type_))


def parse_apkg(
    package: BinaryIO, name: str, *, mapping: Mapping[str, str | int] | None = None
) -> ParsedSource:
    """Read every note of the package (`name` stands for it in locations and messages); notes
    that are no word cards become located problems."""
    parsed = ParsedSource(path=Path(name), format="anki")
    scheduler = Scheduler(enable_fuzzing=False)
    with open_collection(package, name) as connection:
        collection = _Collection(connection, name)
        _check_mapping(mapping, collection.types, name)
        roles = {mid: guess_roles(nt, mapping) for mid, nt in collection.types.items()}
        for nid, guid, mid, tags, flds in connection.execute(
            "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id"
        ):
            location = Location(name, item=f"note {nid}")
            note_type = collection.types.get(int(mid))
            if note_type is None:
                parsed.problems.append(Problem(location, f"unknown note type {mid}"))
                continue
            problem = _unusable(note_type, roles[note_type.id])
            if problem:
                parsed.problems.append(Problem(location, problem))
                continue
            directions = template_directions(note_type, roles[note_type.id])
            progress = [
                p
                for ord_, card in collection.cards.get(int(nid), [])
                if ord_ in directions
                for p in [
                    card_progress(
                        directions[ord_],
                        card,
                        collection.reviews.get(card.id, []),
                        collection.created,
                        scheduler,
                    )
                ]
                if p is not None
            ]
            values = str(flds).split(FIELD_SEPARATOR)
            _add_note(
                parsed, location, note_type, roles[note_type.id], values, guid, tags, progress
            )
        for note_type in collection.types.values():
            parsed.info.append(_describe(note_type, roles[note_type.id]))
    return parsed


def _check_mapping(
    mapping: Mapping[str, str | int] | None, types: dict[int, NoteType], name: str
) -> None:
    for role, wanted in (mapping or {}).items():
        if role not in ROLES:
            raise SourceError(key="error.import.unknown_field", field=role, fields=", ".join(ROLES))
        if all(_field_index(nt, wanted) is None for nt in types.values()):
            raise SourceError(key="error.anki.no_field", name=name, field=wanted, role=role)


def _unusable(note_type: NoteType, roles: dict[str, int]) -> str | None:
    if note_type.is_cloze:
        return f"note type '{note_type.name}' is a cloze type, not a word and its translation"
    if "word" not in roles or "translations" not in roles:
        return f"note type '{note_type.name}' has no separate word and translation fields"
    return None


def _describe(note_type: NoteType, roles: dict[str, int]) -> str:
    pairs = ", ".join(
        f"{role}={note_type.fields[index]}"
        for role, index in sorted(roles.items(), key=lambda r: r[1])
    )
    return f"note type '{note_type.name}': {pairs or 'not used'}"


def _add_note(
    parsed: ParsedSource,
    location: Location,
    note_type: NoteType,
    roles: dict[str, int],
    values: list[str],
    guid: str,
    tags: str,
    progress: list[ImportedCard],
) -> None:
    parsed.note_controls([*values, tags], location)
    texts = {role: field_text(values[i]) if i < len(values) else "" for role, i in roles.items()}
    word = clean_text(texts["word"])
    if not word:
        parsed.problems.append(
            Problem(location.at_field(note_type.fields[roles["word"]]), "the word is empty")
        )
        return
    try:
        role = "forms"
        forms = cells.parse_forms(texts.get(role, ""))
        role = "examples"
        examples = cells.parse_examples(texts.get(role, ""))
    except cells.CellError as err:
        parsed.problems.append(Problem(location.at_field(note_type.fields[roles[role]]), str(err)))
        return
    parsed.records.append(
        ImportRecord(
            location=location,
            word=word,
            provided=frozenset({*roles, "tags"}),
            meanings=tuple(cells.parse_meanings(texts["translations"])),
            examples=tuple(examples),
            forms=forms,
            notes=texts.get("notes", ""),
            tags=tuple(dict.fromkeys(str(tags).split())),
            pos=clean_text(texts.get("pos", "")),
            key=f"{KEY_PREFIX}{guid}",
            status=_status(progress),
            cards=tuple(progress),
        )
    )
