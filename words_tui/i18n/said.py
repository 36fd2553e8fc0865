"""`Said`: a line of English that remembers its catalogue key, for texts the core writes.

Import reports, skipped rows and the like are built deep in the core, which knows no interface
language. A `Said` is the English text (a `str`, so logs, the notebook and every existing check
read it as before) carrying its key and values, so a front-end can word it in the learner's
language instead (`Texts.said`).
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable
from typing import Any


class Said(str):
    """The English text of catalogue `key` with `values`, which a front-end may word anew."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, /, **values: Any) -> Said:
        from words_tui.i18n import Texts

        said = super().__new__(cls, Texts("en")(key, **values))
        said.key = key
        said.values = values
        return said

    def __reduce__(self) -> tuple[Any, ...]:
        """Copied or pickled with its key and values, not as the English text alone."""
        return (_said_again, (self.key, self.values))


def _said_again(key: str, values: dict[str, Any]) -> Said:
    return Said(key, **values)


def read_back(text: str, keys: Iterable[str]) -> str:
    """The `Said` line whose English text `text` is, among the catalogue `keys`; else `text`.

    Reasons the core keeps in the database (why a word failed, why it waits) are stored as their
    English text, so rows written before a reason had a key, and every reader that only logs
    them, stay as they were. Reading them back as `Said` lets a front-end word them in the
    learner's language. A text with values ("… for any of 3 words") is matched against its
    key's English template and keeps its values; a value that is itself one of `keys`' texts
    is read back too. Templates that are nothing but a value ("{error}") match everything and
    are never tried.
    """
    keys = tuple(keys)
    return _read_back(text, keys) or text


def _read_back(text: str, keys: tuple[str, ...]) -> Said | None:
    for key in keys:
        for pattern in _patterns(key):
            match = pattern.fullmatch(text)
            if match is None:
                continue
            raw = match.groupdict()
            for values in ({name: _value(v, keys) for name, v in raw.items()}, raw):
                said = Said(key, **values)
                if said == text:  # the values read are the values said
                    return said
    return None


def _value(raw: str, keys: tuple[str, ...]) -> Any:
    """A matched value as the core gave it: a number when English writes it so, a `Said` line
    when it is one of `keys`' texts, else the text."""
    from words_tui.i18n import Texts

    number = raw.replace(",", "")
    if number.isdigit() and Texts("en").number(int(number)) == raw:
        return int(number)
    return _read_back(raw, keys) or raw


@functools.cache
def _patterns(key: str) -> tuple[re.Pattern[str], ...]:
    """A regular expression per English form of `key` (one per plural form), a named group
    per value; none for a template that has no text of its own."""
    from words_tui.i18n import CATALOGUES

    message = CATALOGUES["en"].get(key)
    forms = [message] if isinstance(message, str) else list((message or {}).values())
    patterns: list[re.Pattern[str]] = []
    for form in forms:
        parts: list[str] = []
        seen: set[str] = set()
        for literal, name, _, _ in string.Formatter().parse(form):
            parts.append(re.escape(literal))
            if name is None:
                continue
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
        if any(literal for literal, *_ in string.Formatter().parse(form)):
            patterns.append(re.compile("".join(parts), re.DOTALL))
    return tuple(patterns)
