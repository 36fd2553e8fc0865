"""An Anki deck of the profile's words: both directions as cards, examples and forms on the back.

genanki's default note GUID hashes every field, so an edited word would come back to Anki as a
new note; ours hashes the word's stable key instead (and a word that came from Anki keeps its
original GUID), so re-importing an updated export updates the notes already in Anki. The fields
use the importer's cell codec, so the deck also imports back into words-tui.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable
from pathlib import Path

import genanki

from words_tui.infrastructure.exporters import DeckInfo, ExportedWord
from words_tui.infrastructure.importers import cells

MODEL_ID = 1_718_204_611
MODEL_NAME = "words-tui word"
ANKI_KEY_PREFIX = "anki:"
FIELDS = ("Word", "Translation", "Part of speech", "Examples", "Forms", "Notes")
CSS = """
.card { font-family: sans-serif; font-size: 22px; text-align: center; }
.extra { font-size: 16px; color: #555; margin-top: 0.8em; }
"""
BACK_EXTRA = (
    '<div class="extra">{{Part of speech}}</div>'
    '<div class="extra">{{Examples}}</div>'
    '<div class="extra">{{Forms}}</div>'
    '<div class="extra">{{Notes}}</div>'
)


def _model(deck: DeckInfo) -> genanki.Model:
    forward = f"{deck.target_lang} → {deck.native_lang}"
    backward = f"{deck.native_lang} → {deck.target_lang}"
    return genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[
            {
                "name": forward,
                "qfmt": "{{Word}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Translation}}' + BACK_EXTRA,
            },
            {
                "name": backward,
                "qfmt": "{{Translation}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Word}}' + BACK_EXTRA,
            },
        ],
        css=CSS,
    )


def deck_id(name: str) -> int:
    """A deck id that stays the same for the same profile name, so Anki merges re-exports."""
    digest = hashlib.sha256(f"words-tui deck {name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(key: str) -> str:
    """The note GUID of a word: its Anki GUID if it came from Anki, else a hash of its key."""
    if key.startswith(ANKI_KEY_PREFIX):
        return key[len(ANKI_KEY_PREFIX) :]
    return str(genanki.guid_for("words-tui", key))


def _field(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _note(model: genanki.Model, word: ExportedWord) -> genanki.Note:
    return genanki.Note(
        model=model,
        fields=[
            _field(word.word),
            _field(cells.format_meanings(word.meanings)),
            _field(word.pos),
            _field(cells.format_examples(word.examples)),
            _field(cells.format_forms(word.forms)),
            _field(word.notes),
        ],
        tags=["_".join(tag.split()) for tag in word.tags if tag.strip()],
        guid=note_guid(word.key),
    )


def write_apkg(words: Iterable[ExportedWord], deck: DeckInfo, out: Path) -> int:
    """Write the deck to `out`; returns the number of notes (each has two cards)."""
    model = _model(deck)
    anki_deck = genanki.Deck(deck_id(deck.name), deck.name)
    for word in words:
        anki_deck.add_note(_note(model, word))
    genanki.Package(anki_deck).write_to_file(str(out))
    return len(anki_deck.notes)
