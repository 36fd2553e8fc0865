"""Text keys that make the same word match however it was typed or imported."""

from __future__ import annotations

import unicodedata

MAX_WORD_LENGTH = 200


def word_key(text: str) -> str:
    """The key a word is stored and deduplicated under: NFC, case-folded, single-spaced."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return " ".join(folded.split())[:MAX_WORD_LENGTH]


def clean_text(text: str) -> str:
    """Display text: NFC with surrounding and repeated whitespace removed."""
    return " ".join(unicodedata.normalize("NFC", text).split())
