"""Writers of a profile's words to files other programs read: our CSV and Anki `.apkg`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from words_tui.domain.entries import Example, Meaning
from words_tui.infrastructure.importers import ImportedCard


@dataclass(frozen=True)
class ExportedWord:
    """Everything the learner has on one word, in the shape both exporters write."""

    key: str
    word: str
    lang: str
    pos: str
    meanings: tuple[Meaning, ...]
    examples: tuple[Example, ...]
    forms: dict[str, str]
    notes: str
    tags: tuple[str, ...]
    status: int
    cefr: str | None
    added_at: datetime | None
    cards: tuple[ImportedCard, ...]


@dataclass(frozen=True)
class DeckInfo:
    """What an export names: the deck (the profile's name) and the two languages."""

    name: str
    target_lang: str
    native_lang: str
