"""A small starter table for tests that must not depend on the packaged content."""

from __future__ import annotations

import json
from typing import Any

from words_tui.infrastructure.dictionaries.starter import StarterVocabulary, read_concepts

HOUSE = {
    "id": "n0001",
    "pos": "noun",
    "cefr": "A1",
    "en": {
        "words": ["house", "home"],
        "example": "Our house is near the park.",
        "forms": {"plural": "houses"},
    },
    "ru": {
        "words": ["дом"],
        "example": "Наш дом рядом с парком.",
        "forms": {"gender": "m", "plural": "дома"},
    },
    "es": {
        "words": ["casa", "hogar"],
        "example": "Nuestra casa está cerca del parque.",
        "forms": {"gender": "f", "plural": "casas"},
    },
}
GO = {
    "id": "v0001",
    "pos": "verb",
    "cefr": "A1",
    "en": {
        "words": ["go"],
        "example": "We went home.",
        "forms": {"past": "went", "past_participle": "gone"},
    },
    "ru": {
        "words": ["идти", "ехать"],
        "example": "Мы пошли домой.",
        "forms": {"aspect": "impf", "aspect_pair": "пойти", "past_pl": "пошли"},
    },
    "es": {"words": ["ir"], "example": "Fuimos a casa.", "forms": {"pret_1pl": "fuimos"}},
}
HOME_ADVERB = {
    "id": "a0001",
    "pos": "adv",
    "cefr": "A2",
    "en": {"words": ["home"], "example": "Come home early.", "forms": {}},
    "ru": {"words": ["домой"], "example": "Приходи домой рано.", "forms": {}},
    "es": {"words": ["a casa"], "example": "Ven a casa temprano.", "forms": {}},
}
STILL = {
    "id": "a0002",
    "pos": "adv",
    "cefr": "B1",
    "en": {"words": ["still"], "example": "She is still here.", "forms": {}},
    "ru": {"words": ["ещё", "всё ещё"], "example": "Она ещё здесь.", "forms": {}},
    "es": {"words": ["todavía", "aún"], "example": "Todavía está aquí.", "forms": {}},
}
BOOK = {
    "id": "n0002",
    "pos": "noun",
    "cefr": "A2",
    "en": {"words": ["book"], "example": "I am reading a book.", "forms": {"plural": "books"}},
    "ru": {
        "words": ["книга"],
        "example": "Я читаю книгу.",
        "forms": {"gender": "f", "plural": "книги", "acc_sg": "книгу"},
    },
    "es": {
        "words": ["libro"],
        "example": "Estoy leyendo un libro.",
        "forms": {"gender": "m", "plural": "libros"},
    },
}
RED = {
    "id": "j0001",
    "pos": "adj",
    "cefr": "A1",
    "en": {"words": ["red"], "example": "The car is red.", "forms": {}},
    "ru": {
        "words": ["красный"],
        "example": "Машина красная.",
        "forms": {"f": "красная", "n": "красное"},
    },
    "es": {"words": ["rojo"], "example": "El coche es rojo.", "forms": {"f": "roja"}},
}
ALL_ROWS = (HOUSE, GO, RED, HOME_ADVERB, BOOK, STILL)
"""Two concepts per band: A1 house, go, red; A2 home (adv), book; B1 still."""


def table(*rows: dict[str, Any]) -> StarterVocabulary:
    text = "\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    return StarterVocabulary(read_concepts([("test.jsonl", text)]))


def sample_starter() -> StarterVocabulary:
    """All sample rows: A1 house/go/red, A2 home (adverb)/book, B1 still."""
    return table(*ALL_ROWS)
