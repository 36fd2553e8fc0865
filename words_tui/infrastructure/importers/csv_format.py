"""The columns of words-tui's own CSV, shared by the exporter and the importer so they agree.

Hand-made lists use a subset (often just word and translation, under names people actually use:
"Front", "Meaning", "English"); the aliases map those headers onto our fields.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from words_tui.domain.enums import Direction, WordStatus
from words_tui.infrastructure.importers.cells import CellError
from words_tui.infrastructure.importers.records import ImportedCard

KEY = "key"
STATUS = "status"
CEFR = "cefr"
ADDED_AT = "added_at"
CARDS = "cards"
COLUMNS = (
    KEY,
    "word",
    "pos",
    "translations",
    "examples",
    "forms",
    "notes",
    "tags",
    STATUS,
    CEFR,
    ADDED_AT,
    CARDS,
)
POSITIONAL_FIELDS = ("word", "translations", "examples", "notes", "tags")
"""What the columns of a file without a header are taken to be, in order."""

ALIASES: dict[str, tuple[str, ...]] = {
    "word": (
        "word",
        "words",
        "front",
        "term",
        "foreign",
        "expression",
        "headword",
        "lemma",
        "vocab",
        "vocabulary",
        "question",
    ),
    "translations": (
        "translations",
        "translation",
        "meaning",
        "meanings",
        "back",
        "definition",
        "definitions",
        "native",
        "answer",
    ),
    "examples": ("examples", "example", "sentence", "sentences", "usage", "context"),
    "notes": ("notes", "note", "comment", "comments", "extra", "remarks"),
    "tags": ("tags", "tag", "labels"),
    "pos": ("pos", "partofspeech", "wordclass"),
    "forms": ("forms", "wordforms", "inflections"),
    KEY: ("key", "id", "guid", "extkey"),
    STATUS: ("status",),
    CEFR: ("cefr", "level"),
    ADDED_AT: ("addedat", "added", "created"),
    CARDS: ("cards", "progress"),
}
FIELDS = tuple(ALIASES)


def normalise_header(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


HEADER_TO_FIELD = {alias: field for field, names in ALIASES.items() for alias in names}

LANGUAGE_NAMES = frozenset(
    normalise_header(name)
    for name in (
        "English", "Spanish", "Russian", "German", "French", "Italian", "Portuguese", "Dutch",
        "Polish", "Ukrainian", "Swedish", "Norwegian", "Danish", "Finnish", "Czech", "Slovak",
        "Hungarian", "Romanian", "Bulgarian", "Greek", "Turkish", "Arabic", "Hebrew", "Chinese",
        "Japanese", "Korean", "Catalan", "Croatian", "Serbian", "Slovenian", "Lithuanian",
        "Latvian", "Estonian", "Indonesian", "Vietnamese", "Hindi", "Persian", "Latin",
        "español", "castellano", "inglés", "ruso", "alemán", "francés", "italiano", "portugués",
        "русский", "английский", "испанский", "немецкий", "французский", "итальянский",
        "Deutsch", "Englisch", "Spanisch", "Russisch", "français", "anglais", "espagnol",
        "português", "inglês", "Nederlands", "polski", "українська", "svenska", "norsk", "dansk",
        "suomi", "čeština", "magyar", "română", "ελληνικά", "türkçe", "中文", "日本語", "한국어",
    )
)  # fmt: skip
"""Names a word list's header gives its language columns ("Spanish;English"): they mark the first
line as column names, though none of them says which column is the word."""


def parse_status(text: str) -> WordStatus:
    """A status by name (`review`) or number (`2`)."""
    name = text.strip()
    if name.isdigit():
        return WordStatus(int(name))
    try:
        return WordStatus[name.upper()]
    except KeyError:
        known = ", ".join(s.name.lower() for s in WordStatus)
        raise CellError(key="import.problem.status", status=name, known=known) from None


def _time(value: Any) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise CellError(key="import.problem.no_time_zone", time=str(value))
    return moment


def parse_cards(text: str) -> tuple[ImportedCard, ...]:
    """The `cards` cell: a JSON list of both directions' memory state (see `format_cards`)."""
    if not text.strip():
        return ()
    items = json.loads(text)
    if not isinstance(items, list):
        raise CellError(key="import.problem.cards_list")
    cards = []
    for item in items:
        if not isinstance(item, dict):
            raise CellError(key="import.problem.card_object")
        due = _time(item["due"])
        if due is None:
            raise CellError(key="import.problem.card_due")
        cards.append(
            ImportedCard(
                direction=Direction[str(item["direction"]).upper()],
                state=int(item.get("state", 0)),
                due=due,
                step=None if item.get("step") is None else int(item["step"]),
                stability=None if item.get("stability") is None else float(item["stability"]),
                difficulty=None if item.get("difficulty") is None else float(item["difficulty"]),
                last_review=_time(item.get("last_review")),
                reps=int(item.get("reps", 0)),
                lapses=int(item.get("lapses", 0)),
                stage=int(item.get("stage", 0)),
                active=bool(item.get("active", True)),
                consecutive_correct=int(item.get("consecutive_correct", 0)),
                choice_correct=int(item.get("choice_correct", 0)),
                accepted_extra=tuple(str(a) for a in item.get("accepted_extra", [])),
            )
        )
    if len({card.direction for card in cards}) != len(cards):
        raise CellError(key="import.problem.card_twice")
    return tuple(cards)


def format_cards(cards: list[ImportedCard]) -> str:
    return json.dumps(
        [
            {
                "direction": card.direction.name.lower(),
                "state": card.state,
                "step": card.step,
                "stability": card.stability,
                "difficulty": card.difficulty,
                "due": card.due.isoformat(),
                "last_review": card.last_review.isoformat() if card.last_review else None,
                "reps": card.reps,
                "lapses": card.lapses,
                "stage": card.stage,
                "active": card.active,
                "consecutive_correct": card.consecutive_correct,
                "choice_correct": card.choice_correct,
                "accepted_extra": list(card.accepted_extra),
            }
            for card in cards
        ],
        ensure_ascii=False,
    )
