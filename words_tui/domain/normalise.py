"""Per-language normalisation of answers, so that how something was typed never decides if it was right.

Everything a learner cannot reasonably be blamed for is removed before comparing: case, Unicode
composition, spacing, punctuation, notes in brackets ("(informal)"), the leading particle or
article a dictionary adds ("to go", "el gato", "l'eau"), Russian ё. Accents are *not* removed by
`normalise`: an answer that differs only in accents is accepted but the learner is shown them, so
`fold_accents` is a separate, second step.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

ALTERNATIVE_SEPARATORS = re.compile(r"[/,;]")
"""What separates alternatives in a stored translation or a typed answer: "car, automobile"."""

PARENTHETICAL = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
"""Curly and look-alike apostrophes typed by phones and keyboards, all mapped to the ASCII one."""

LEADING_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"to", "a", "an", "the"}),
    "es": frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas"}),
    "fr": frozenset({"le", "la", "les", "un", "une", "des", "l'"}),
    "de": frozenset({"der", "die", "das", "ein", "eine", "den", "dem"}),
    "it": frozenset({"il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "l'", "un'"}),
    "pt": frozenset({"o", "a", "os", "as", "um", "uma"}),
    "ca": frozenset({"el", "la", "els", "les", "un", "una", "l'"}),
    "nl": frozenset({"de", "het", "een"}),
    "sv": frozenset({"en", "ett", "att"}),
    "nb": frozenset({"en", "ei", "et", "å"}),
    "da": frozenset({"en", "et", "at"}),
}
"""Particles and articles a dictionary puts before a headword; typing them or not is equally right."""

DEFINITE_ARTICLES: dict[str, frozenset[str]] = {
    "es": frozenset({"el", "la", "los", "las"}),
    "fr": frozenset({"le", "la", "les"}),
    "de": frozenset({"der", "die", "das"}),
    "it": frozenset({"il", "lo", "la", "i", "gli", "le"}),
    "pt": frozenset({"o", "a", "os", "as"}),
    "ca": frozenset({"el", "la", "els", "les"}),
    "nl": frozenset({"de", "het"}),
}
"""Articles that carry the noun's gender: typing the wrong one is worth a note, not a pass."""

ELIDED_ARTICLES = ("l'", "un'")
STRESS_MARKS = frozenset({"\u0300", "\u0301"})
STRESS_MARKED_LANGUAGES = frozenset({"ru", "uk", "be", "bg"})
"""Dictionaries print stress marks (молоко́) that nobody types; they are dropped, not folded."""

YO_LANGUAGES = frozenset({"ru", "be"})
LETTER_FOLDS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "ħ": "h", "þ": "th"}
)
"""Letters with no Unicode decomposition that people still type without their stroke."""

GERMAN_FOLDS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})

LETTERS_WITH_MARKS: dict[str, str] = {
    "es": "ñ",
    "ru": "й",
    "uk": "йї",
    "be": "йў",
    "bg": "й",
}
"""Characters that look accented but are letters of their own in the language: "año" and "ano",
"мой" and "мои" are different words, so dropping the mark is a spelling difference, not an
accent slip. (Russian ё is written е by most people and is folded earlier, in `normalise`.)"""
_PRIVATE_USE = 0xE000
_PROTECT = {
    lang: str.maketrans({c: chr(_PRIVATE_USE + i) for i, c in enumerate(letters)})
    for lang, letters in LETTERS_WITH_MARKS.items()
}
_RESTORE = {
    lang: str.maketrans({chr(_PRIVATE_USE + i): c for i, c in enumerate(letters)})
    for lang, letters in LETTERS_WITH_MARKS.items()
}


@lru_cache(maxsize=256)
def base_language(language: str) -> str:
    """The primary subtag of a language code: 'pt-BR' and 'pt_br' are both 'pt'."""
    return language.strip().lower().replace("_", "-").partition("-")[0]


class _SeparatorTable(dict[int, str]):
    """A `str.translate` table turning punctuation, symbols and controls into spaces.

    Built lazily per character (`__missing__`) and kept, so each distinct character is classified
    once per process; the apostrophe is kept because it belongs to words ("l'eau", "don't").
    """

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        keep = char == "'" or unicodedata.category(char)[0] in "LMN"
        value = char if keep else " "
        self[codepoint] = value
        return value


_SEPARATORS = _SeparatorTable()


def _drop_parentheticals(text: str) -> str:
    """Remove "(informal)" and "[of a building]"; keep the words if nothing else would remain."""
    previous = None
    stripped = text
    while previous != stripped:
        previous, stripped = stripped, PARENTHETICAL.sub(" ", stripped)
    return stripped if stripped.strip(" ()[]") else text


@lru_cache(maxsize=65536)
def normalise(text: str, language: str) -> str:
    """The comparable form of `text` in `language`: NFC, case-folded, no notes or punctuation.

    Words are separated by single spaces; apostrophes stay inside words but not around them.
    Articles and particles are kept here (see `split_leading_word`).
    """
    lang = base_language(language)
    if _only_letters(text) and lang not in _LETTER_RULE_LANGUAGES:
        # Most answers are plain words: nothing to remove, only case and spacing to settle.
        return unicodedata.normalize("NFC", " ".join(text.casefold().split()))
    text = unicodedata.normalize("NFC", text).translate(APOSTROPHES)
    text = _drop_parentheticals(text).casefold()
    if lang in STRESS_MARKED_LANGUAGES:
        decomposed = unicodedata.normalize("NFD", text)
        decomposed = "".join(c for c in decomposed if c not in STRESS_MARKS)
        text = unicodedata.normalize("NFC", decomposed)
    if lang in YO_LANGUAGES:
        text = text.replace("ё", "е")
    words = (word.strip("'") for word in text.translate(_SEPARATORS).split())
    return unicodedata.normalize("NFC", " ".join(word for word in words if word))


_LETTER_RULE_LANGUAGES = STRESS_MARKED_LANGUAGES | YO_LANGUAGES
_LETTER_APOSTROPHE = "ʼ"
"""A modifier letter, yet typed as an apostrophe: the one letter the general path rewrites."""


def _only_letters(text: str) -> bool:
    """Letters, digits and single spaces only, already composed (NFC), with no apostrophe."""
    return (
        text.replace(" ", "").isalnum()
        and _LETTER_APOSTROPHE not in text
        and unicodedata.is_normalized("NFC", text)
    )


@dataclass(frozen=True, slots=True)
class Headword:
    """A normalised answer split into its optional leading article/particle and the word itself."""

    leading: str
    core: str


@lru_cache(maxsize=65536)
def split_leading_word(normalised: str, language: str) -> Headword:
    """Separate "el gato" into ("el", "gato") and "l'eau" into ("l'", "eau").

    A text that is nothing but a particle ("to", "la") keeps it as its core, so it stays comparable.
    """
    lang = base_language(language)
    leading = LEADING_WORDS.get(lang)
    if not leading:
        return Headword("", normalised)
    first, _, rest = normalised.partition(" ")
    if rest and first in leading:
        return Headword(first, rest)
    for elided in ELIDED_ARTICLES:
        if elided in leading and normalised.startswith(elided) and len(normalised) > len(elided):
            return Headword(elided, normalised[len(elided) :])
    return Headword("", normalised)


def articles_conflict(answer: Headword, expected: Headword, language: str) -> bool:
    """Whether both sides carry a definite article and they differ ("die Hund" for "der Hund")."""
    definite = DEFINITE_ARTICLES.get(base_language(language), frozenset())
    return (
        answer.leading in definite
        and expected.leading in definite
        and answer.leading != expected.leading
    )


@lru_cache(maxsize=65536)
def fold_accents(normalised: str, language: str) -> str:
    """`normalised` without diacritics, so "arbol" and "árbol" compare equal.

    Only Latin, Greek and Cyrillic letters lose their marks, and not the language's own letters
    (`LETTERS_WITH_MARKS`: Spanish ñ, Russian й). German umlauts fold to their two-letter
    spelling (ä → ae), the way Germans type without them.
    """
    if normalised.isascii():
        return normalised
    lang = base_language(language)
    text = normalised
    if lang == "de":
        text = text.translate(GERMAN_FOLDS)
    protect = _PROTECT.get(lang)
    if protect is not None:
        text = text.translate(protect)
    kept: list[str] = []
    base_has_accents = False
    for char in unicodedata.normalize("NFD", text.translate(LETTER_FOLDS)):
        if not unicodedata.combining(char):
            base_has_accents = _is_accented_script(char)
            kept.append(char)
        elif not base_has_accents:
            kept.append(char)
    folded = unicodedata.normalize("NFC", "".join(kept))
    return folded if protect is None else folded.translate(_RESTORE[lang])


@lru_cache(maxsize=4096)
def _is_accented_script(char: str) -> bool:
    """Latin, Greek and Cyrillic letters take accents; marks in other scripts (Devanagari's
    virama, Arabic vowel signs) are part of the spelling and are never folded away."""
    return unicodedata.name(char, "").startswith(("LATIN", "GREEK", "CYRILLIC"))


def split_alternatives(text: str) -> list[str]:
    """The alternatives in "car, automobile / auto": each stripped, empty ones dropped.

    Separators inside brackets are not split on, so "(of a car, a train)" stays one note.
    """
    if not ALTERNATIVE_SEPARATORS.search(text):
        return [text.strip()] if text.strip() else []
    if "(" not in text and "[" not in text:
        return [part.strip() for part in ALTERNATIVE_SEPARATORS.split(text) if part.strip()]
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and ALTERNATIVE_SEPARATORS.match(char):
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]
