"""The pseudo-language `qps`: English with every catalogue text marked, for tests and translators.

Each text's words are framed ⟦…⟧ and their letters accented (`Next` → `⟦Ñéẋţ⟧`), values filled in
stay as they are. Anything on screen still in plain ASCII letters did not come from the catalogue:
a text a translator would never see. `tests/tui/test_pseudo_locale.py` walks every screen in it;
`LANG=qps words-tui` shows it to a person.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

PSEUDO = "qps"
ASCII_LETTERS = string.ascii_lowercase + string.ascii_uppercase
ACCENTED_LETTERS = "áƀçðéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ"
ACCENTS = str.maketrans(ASCII_LETTERS, ACCENTED_LETTERS)


def mark(text: str) -> str:
    """`text`'s words framed and accented; the white space around them kept outside the frame."""
    words = text.strip()
    if not words:
        return text
    start = text.index(words[0])
    return f"{text[:start]}⟦{words.translate(ACCENTS)}⟧{text[start + len(words) :]}"


def mark_template(template: str) -> str:
    """A `str.format` template with its literal parts marked and its fields left to fill in."""
    parts: list[str] = []
    for literal, field, spec, conversion in string.Formatter().parse(template):
        parts.append(mark(literal).replace("{", "{{").replace("}", "}}"))
        if field is not None:
            suffix = (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            parts.append("{" + field + suffix + "}")
    return "".join(parts)


def pseudo_catalogue(
    english: Mapping[str, str | Mapping[str, str]],
) -> dict[str, str | Mapping[str, str]]:
    """The English catalogue with every text (every plural form) marked."""
    return {
        key: mark_template(message)
        if isinstance(message, str)
        else {category: mark_template(form) for category, form in message.items()}
        for key, message in english.items()
    }
