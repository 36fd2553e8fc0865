"""Text keys that make the same word match however it was typed or imported."""

from __future__ import annotations

import re
import unicodedata

MAX_WORD_LENGTH = 200
MAX_MEANING_LENGTH = 300
"""A translation longer than this is a definition or a paste gone wrong, not something to type."""
MAX_EXAMPLE_LENGTH = 500
MAX_NOTE_LENGTH = 2_000
MAX_TAG_LENGTH = 64

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 control characters except tab, line feed and carriage return, DEL, and the bidi
embedding/override/isolate controls. None belongs in a word list; escape codes (ESC[2J) would
drive the learner's terminal and bidi overrides reorder what is displayed (the "Trojan Source"
trick). Zero-width joiners and other format characters stay: emoji sequences and some scripts
need them."""


def word_key(text: str) -> str:
    """The key a word is stored and deduplicated under: NFC, case-folded, single-spaced."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return " ".join(folded.split())[:MAX_WORD_LENGTH]


def clean_text(text: str) -> str:
    """Display text: NFC, without control characters (see `CONTROL_CHARACTERS`), surrounding
    and repeated whitespace removed. Everything stored as a word or a translation passes here."""
    if not text.isprintable():  # the usual text is: one fast check skips the regex
        text = CONTROL_CHARACTERS.sub("", text)
    return " ".join(unicodedata.normalize("NFC", text).split())


def strip_control_characters(text: str) -> tuple[str, int]:
    """`text` without `CONTROL_CHARACTERS`, and how many were removed. Printable text has none
    (they are all Cc or Cf): one C check instead of the regex for almost every text."""
    if text.isprintable():
        return text, 0
    cleaned, removed = CONTROL_CHARACTERS.subn("", text)
    return cleaned, removed
