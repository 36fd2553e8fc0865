"""The small text codec for cells that hold several values (CSV cells, Anki fields).

People type `bank (of a river); [verb] to rely` in a spreadsheet, and our own export writes the
same shape, so one codec serves both: `;` (or a new line) separates items, `[pos]` in front and
`(note)` at the end are optional, and a backslash makes any of these characters literal. Every
`format_*` is undone exactly by its `parse_*` (a property test holds this).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from words_tui.domain.entries import Example, Meaning
from words_tui.domain.text import clean_text
from words_tui.errors import Explained

ESCAPE = "\\"
ITEM_SEPARATORS = (";", "\n")
MEANING_SPECIALS = ESCAPE + ";[]()\n"
EXAMPLE_SEPARATOR = "|"
EXAMPLE_SPECIALS = ESCAPE + "|\n"
FORM_SEPARATOR = "="
FORM_SPECIALS = ESCAPE + ";=\n"
TAG_SPECIALS = ESCAPE + ";\n"

_PLAIN_ITEMS = re.compile("[;\n]")
_SYNTAX: dict[str, re.Pattern[str]] = {}
Token = tuple[str, bool]
"""A character and whether it was escaped (escaped characters never act as syntax)."""


class CellError(Explained, ValueError):
    """A cell's text does not follow the codec; the caller adds the location. Raised with a
    catalogue key (`import.problem.*`), so the skipped row is reported in the learner's language."""


def escape(text: str, specials: str) -> str:
    if _plain(text, specials):  # the usual case: nothing to escape, no walk over the characters
        return text
    return "".join(ESCAPE + ch if ch in specials else ch for ch in text)


def _tokens(text: str) -> list[Token]:
    tokens: list[Token] = []
    chars = iter(text)
    for ch in chars:
        if ch == ESCAPE:
            tokens.append((next(chars, ESCAPE), True))
        else:
            tokens.append((ch, False))
    return tokens


def _text(tokens: Iterable[Token]) -> str:
    return clean_text("".join(ch for ch, _ in tokens))


def _split(tokens: list[Token], separators: Iterable[str]) -> list[list[Token]]:
    seps = set(separators)
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if not token[1] and token[0] in seps:
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if _text(part)]


def _strip(tokens: list[Token]) -> list[Token]:
    start, end = 0, len(tokens)
    while start < end and not tokens[start][1] and tokens[start][0].isspace():
        start += 1
    while end > start and not tokens[end - 1][1] and tokens[end - 1][0].isspace():
        end -= 1
    return tokens[start:end]


def _note_start(tokens: list[Token]) -> int | None:
    """Index of the `(` that opens a trailing `(note)`, or None."""
    if not tokens or tokens[-1] != (")", False):
        return None
    depth = 0
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index] == (")", False):
            depth += 1
        elif tokens[index] == ("(", False):
            depth -= 1
            if depth == 0:
                return index if index > 0 else None
    return None


def _parse_meaning(tokens: list[Token]) -> Meaning | None:
    tokens = _strip(tokens)
    pos = ""
    if tokens and tokens[0] == ("[", False) and ("]", False) in tokens:
        close = tokens.index(("]", False))
        pos, tokens = _text(tokens[1:close]), _strip(tokens[close + 1 :])
    note = ""
    start = _note_start(tokens)
    if start is not None and _text(tokens[:start]):
        note, tokens = _text(tokens[start + 1 : -1]), tokens[:start]
    text = _text(tokens)
    return Meaning(text=text, pos=pos, note=note) if text else None


def _plain(text: str, specials: str) -> bool:
    """Whether `text` has none of the syntax characters: nothing to escape, and str.split does
    the whole job."""
    pattern = _SYNTAX.get(specials)
    if pattern is None:
        pattern = _SYNTAX[specials] = re.compile("[" + re.escape(specials) + "]")
    return pattern.search(text) is None


def parse_meanings(text: str) -> list[Meaning]:
    """`bank (of a river); [verb] to rely` → two meanings; duplicates (same text) dropped."""
    meanings: dict[str, Meaning] = {}
    if _plain(text, "\\[]()"):
        for item in _PLAIN_ITEMS.split(text):
            item = clean_text(item)
            if item and item not in meanings:
                meanings[item] = Meaning(text=item)
        return list(meanings.values())
    for part in _split(_tokens(text), ITEM_SEPARATORS):
        meaning = _parse_meaning(part)
        if meaning is not None:
            meanings.setdefault(meaning.text, meaning)
    return list(meanings.values())


def format_meanings(meanings: Iterable[Meaning]) -> str:
    items = []
    for meaning in meanings:
        item = escape(meaning.text, MEANING_SPECIALS)
        if meaning.pos:
            item = f"[{escape(meaning.pos, MEANING_SPECIALS)}] {item}"
        if meaning.note:
            item = f"{item} ({escape(meaning.note, MEANING_SPECIALS)})"
        items.append(item)
    return "; ".join(items)


def _example_parts(text: str) -> list[tuple[str, str]]:
    if ESCAPE not in text:
        return [
            (clean_text(sentence), clean_text(translation))
            for sentence, _, translation in (
                line.partition(EXAMPLE_SEPARATOR) for line in text.split("\n")
            )
        ]
    parts = []
    for tokens in _split(_tokens(text), "\n"):
        source, *rest = _split_once(tokens, EXAMPLE_SEPARATOR)
        parts.append((_text(source), _text(rest[0]) if rest else ""))
    return parts


def parse_examples(text: str) -> list[Example]:
    """One example per line: `Das Haus ist alt. | The house is old.` (the translation optional)."""
    examples = []
    for sentence, translation in _example_parts(text):
        if sentence:
            examples.append(Example(source=sentence, target=translation))
        elif translation:
            raise CellError(key="import.problem.example", translation=translation)
    return examples


def format_examples(examples: Iterable[Example]) -> str:
    lines = []
    for example in examples:
        line = escape(example.source, EXAMPLE_SPECIALS)
        if example.target:
            line += f" {EXAMPLE_SEPARATOR} {escape(example.target, EXAMPLE_SPECIALS)}"
        lines.append(line)
    return "\n".join(lines)


def _split_once(tokens: list[Token], separator: str) -> list[list[Token]]:
    for index, token in enumerate(tokens):
        if token == (separator, False):
            return [tokens[:index], tokens[index + 1 :]]
    return [tokens]


def _form_parts(text: str) -> Iterator[tuple[str, str | None]]:
    if _plain(text, ESCAPE):
        for item in _PLAIN_ITEMS.split(text):
            name, sep, value = item.partition(FORM_SEPARATOR)
            if item.strip():
                yield (clean_text(name), clean_text(value)) if sep else (clean_text(item), None)
        return
    for tokens in _split(_tokens(text), ITEM_SEPARATORS):
        parts = _split_once(tokens, FORM_SEPARATOR)
        yield _text(parts[0]), _text(parts[1]) if len(parts) == 2 else None


def parse_forms(text: str) -> dict[str, str]:
    """`plural=Häuser; gender=n` → {"plural": "Häuser", "gender": "n"}."""
    forms: dict[str, str] = {}
    for name, value in _form_parts(text):
        if value is None or not name:
            raise CellError(key="import.problem.form", name=name)
        forms[name] = value
    return forms


def format_forms(forms: dict[str, str]) -> str:
    return "; ".join(
        f"{escape(name, FORM_SPECIALS)}{FORM_SEPARATOR}{escape(value, FORM_SPECIALS)}"
        for name, value in forms.items()
    )


def parse_tags(text: str) -> list[str]:
    if _plain(text, ESCAPE):
        items = [clean_text(item) for item in _PLAIN_ITEMS.split(text)]
    else:
        items = [_text(item) for item in _split(_tokens(text), ITEM_SEPARATORS)]
    return list(dict.fromkeys(item for item in items if item))


def format_tags(tags: Iterable[str]) -> str:
    return "; ".join(escape(tag, TAG_SPECIALS) for tag in tags)
