"""Key bindings that work on the Russian (ЙЦУКЕН) keyboard layout as on QWERTY.

A terminal reports the character a key types, not the key: with the Russian layout on, the key
of `u` arrives as `г`. Every binding to a letter (or to `/` and `?`) therefore gets a hidden twin
for the character the same physical key types on ЙЦУКЕН, so learners never switch layouts to
undo, override or leave. Screens and dialogs get the twins through their base class
(`words_tui.tui.base`); the footer and the help show the Latin key only.
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


def twin_keys(keys: str) -> str:
    """The ЙЦУКЕН twins of a binding's comma-separated keys ("" when none has one)."""
    return ",".join(JCUKEN_TWINS[key] for key in keys.split(",") if key in JCUKEN_TWINS)


def on_any_layout(bindings: Iterable[BindingType]) -> list[BindingType]:
    """`bindings` followed by a hidden twin of each one whose keys have Russian-layout twins."""
    listed = list(bindings)
    twins: list[BindingType] = []
    for binding in listed:
        if isinstance(binding, Binding) and (keys := twin_keys(binding.key)):
            twins.append(replace(binding, key=keys, show=False, key_display=None, id=None))
    return listed + twins
