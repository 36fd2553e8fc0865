"""Key bindings that work on the Russian (ЙЦУКЕН) keyboard layout as on QWERTY.

A terminal reports the character a key types, not the key: with the Russian layout on, the key
of `u` arrives as `г`. Every binding to a letter (or to `/` and `?`) therefore gets a hidden twin
for the character the same physical key types on ЙЦУКЕН, so learners never switch layouts to
undo, override or leave. Screens and dialogs get the twins through their base class
(`words_tui.tui.base`); the footer and the help show the Latin key only.

Capitals and modified letters get twins too: `T` → `Е`, `shift+t` → `shift+е`, `ctrl+t` →
`ctrl+е`. A terminal speaking the kitty keyboard protocol (kitty, foot, WezTerm, Ghostty) reports
Ctrl+е as `ctrl+е`, which the twin catches. A legacy terminal can only send Ctrl with a Latin
letter (a control byte): xterm, VTE (GNOME Terminal, Tilix) and Konsole send the byte of the
key's Latin letter, so `ctrl+t` itself works on the Russian layout there; a terminal that sends
nothing for Ctrl+е cannot be helped by any binding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from textual.binding import Binding, BindingType

QWERTY_LETTERS = "qwertyuiopasdfghjklzxcvbnm"
JCUKEN_LETTERS = "йцукенгшщзфывапролдячсмить"
JCUKEN_TWINS: dict[str, str] = {
    **dict(zip(QWERTY_LETTERS, JCUKEN_LETTERS, strict=True)),
    "left_square_bracket": "х",
    "right_square_bracket": "ъ",
    "semicolon": "ж",
    "apostrophe": "э",
    "comma": "б",
    "full_stop": "ю",
    "grave_accent": "ё",
    "slash": "full_stop",
    "question_mark": "comma",
}
"""Textual's name of a key's character on QWERTY → its name on the Russian layout."""


def twin_key(key: str) -> str | None:
    """The ЙЦУКЕН twin of one key (`u` → `г`, `U` → `Г`, `ctrl+u` → `ctrl+г`), None if none."""
    if key in JCUKEN_TWINS:
        return JCUKEN_TWINS[key]
    if key.isupper() and key.lower() in QWERTY_LETTERS:
        return JCUKEN_TWINS[key.lower()].upper()
    *modifiers, name = key.split("+")
    if modifiers and name in QWERTY_LETTERS:
        return "+".join([*modifiers, JCUKEN_TWINS[name]])
    return None


def twin_keys(keys: str) -> str:
    """The ЙЦУКЕН twins of a binding's comma-separated keys ("" when none has one)."""
    return ",".join(twin for key in keys.split(",") if (twin := twin_key(key)) is not None)


def on_any_layout(bindings: Iterable[BindingType]) -> list[BindingType]:
    """`bindings` followed by a hidden twin of each one whose keys have Russian-layout twins."""
    listed = list(bindings)
    twins: list[BindingType] = []
    for binding in listed:
        if isinstance(binding, Binding) and (keys := twin_keys(binding.key)):
            twins.append(replace(binding, key=keys, show=False, key_display=None, id=None))
    return listed + twins
