"""The bundled starter vocabulary: a concept-aligned English/Russian/Spanish table shipped in the package.

Each line of `words_tui/data/starter/*.jsonl` is one concept with, per language, 1–4 ways to say it
(most common first; the first is the lemma), one example sentence and key word forms. Any language
pair and both directions come from this one table, so a learner without an API key or network can
start at once. Lookups return the same `WordEntry` as the LLM and the offline dictionaries, with
`source="starter"`. See `words_tui/data/starter/README.md` for the format.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.domain.enums import Level
from words_tui.domain.text import word_key

SOURCE = "starter"
DATA_PACKAGE = "words_tui"
DATA_PATH = ("data", "starter")
META_KEYS = frozenset({"id", "pos", "cefr"})
PARTS_OF_SPEECH = frozenset(
    {"noun", "verb", "adj", "adv", "pron", "prep", "conj", "num", "det", "intj", "phrase"}
)
MAX_WORDS = 4
NON_INFLECTION_FORMS = frozenset({"gender", "aspect", "aspect_pair", "countability", "ipa"})
"""Form keys whose values are not inflections of the lemma, so never lead a lookup to it."""


class StarterDataError(ValueError):
    """A starter data line is malformed; the message names the file, line and field."""


@dataclass(frozen=True)
class Side:
    """One language's part of a concept."""

    words: tuple[str, ...]
    example: str
    forms: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def lemma(self) -> str:
        return self.words[0]


@dataclass(frozen=True)
class Concept:
    """One line of the table: a meaning expressed in every language it lists."""

    id: str
    pos: str
    cefr: Level
    sides: Mapping[str, Side]
    origin: str
    """`file:line`, so reports and errors point at the data."""

    def lemma(self, lang: str) -> str:
        return self.sides[lang].lemma

    def entry(self, source_lang: str, target_lang: str, headword: str | None = None) -> WordEntry:
        """The entry for `headword` (default: the lemma) from `source_lang` into `target_lang`.

        The example and forms describe the lemma, so a synonym gets neither: a sentence without
        the headword, or another word's gender, would mislead the learner.
        """
        source, target = self.sides[source_lang], self.sides[target_lang]
        word = headword or source.lemma
        is_lemma = word == source.lemma
        return WordEntry(
            word=word,
            source_lang=source_lang,
            target_lang=target_lang,
            pos=self.pos,
            meanings=tuple(Meaning(text=text, pos=self.pos) for text in target.words),
            examples=(Example(source=source.example, target=target.example),) if is_lemma else (),
            forms=dict(source.forms) if is_lemma else {},
            source=SOURCE,
        )


def lookup_key(text: str) -> str:
    """The matching key: `word_key` plus ё → е, since learners rarely type the diaeresis."""
    return word_key(text).replace("ё", "е")


def _fail(origin: str, problem: str) -> StarterDataError:
    return StarterDataError(f"{origin}: {problem}")


def _strings(value: Any, origin: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_WORDS:
        raise _fail(origin, f"'{where}' must be a list of 1–{MAX_WORDS} words")
    if not all(isinstance(item, str) and item.strip() for item in value):
        raise _fail(origin, f"'{where}' holds an empty or non-text word")
    return tuple(value)


def _side(value: Any, origin: str, lang: str) -> Side:
    if not isinstance(value, dict):
        raise _fail(origin, f"'{lang}' must be an object with words, example, forms")
    words = _strings(value.get("words"), origin, f"{lang}.words")
    example = value.get("example")
    if not isinstance(example, str) or not example.strip():
        raise _fail(origin, f"'{lang}.example' must be a non-empty sentence")
    forms = value.get("forms", {})
    if not isinstance(forms, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in forms.items()
    ):
        raise _fail(origin, f"'{lang}.forms' must map names to non-empty words")
    return Side(words=words, example=example, forms=MappingProxyType(dict(forms)))


def parse_concept(line: str, origin: str) -> Concept:
    """One JSON line → a `Concept`; a `StarterDataError` naming `origin` and the field otherwise."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as err:
        raise _fail(origin, f"not valid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(raw, dict):
        raise _fail(origin, "a line must be one JSON object")
    concept_id, pos, cefr = raw.get("id"), raw.get("pos"), raw.get("cefr")
    if not isinstance(concept_id, str) or not concept_id:
        raise _fail(origin, "'id' is missing")
    if pos not in PARTS_OF_SPEECH:
        raise _fail(origin, f"'pos' is {pos!r}; use one of {', '.join(sorted(PARTS_OF_SPEECH))}")
    if cefr not in {level.value for level in Level}:
        raise _fail(origin, f"'cefr' is {cefr!r}; use A1–C2")
    langs = [key for key in raw if key not in META_KEYS]
    if not langs:
        raise _fail(origin, "no language in the line")
    sides = {lang: _side(raw[lang], origin, lang) for lang in langs}
    return Concept(
        id=concept_id, pos=pos, cefr=Level(cefr), sides=MappingProxyType(sides), origin=origin
    )


def read_concepts(sources: Iterable[tuple[str, str]]) -> tuple[Concept, ...]:
    """Concepts from `(file name, text)` pairs; blank lines are skipped."""
    concepts: list[Concept] = []
    for name, text in sources:
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                concepts.append(parse_concept(line, f"{name}:{number}"))
    return tuple(concepts)


def starter_files() -> list[tuple[str, str]]:
    """The packaged data files as `(name, text)`, sorted by name so the order is stable."""
    folder = files(DATA_PACKAGE).joinpath(*DATA_PATH)
    found = [item for item in folder.iterdir() if item.name.endswith(".jsonl")]
    found.sort(key=lambda item: item.name)
    return [(item.name, item.read_text(encoding="utf-8")) for item in found]


@cache
def load_concepts() -> tuple[Concept, ...]:
    """Every packaged concept, read once per process (the data never changes at run time)."""
    return read_concepts(starter_files())


class StarterVocabulary:
    """Lookups over a set of concepts: by any listed word, by language and level."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        self._concepts = tuple(concepts)
        self._by_word: dict[tuple[str, str], list[tuple[Concept, str]]] = {}
        self._by_form: dict[tuple[str, str], list[Concept]] = {}
        for concept in self._concepts:
            for lang, side in concept.sides.items():
                for word in side.words:
                    self._by_word.setdefault((lang, lookup_key(word)), []).append((concept, word))
                for name, form in side.forms.items():
                    if name not in NON_INFLECTION_FORMS:
                        self._by_form.setdefault((lang, lookup_key(form)), []).append(concept)

    @classmethod
    def default(cls) -> StarterVocabulary:
        """The packaged table (loaded once, then shared: it is immutable)."""
        return _default_vocabulary()

    def __len__(self) -> int:
        return len(self._concepts)

    @property
    def all_concepts(self) -> tuple[Concept, ...]:
        return self._concepts

    @property
    def languages(self) -> frozenset[str]:
        """The languages every concept is given in: any pair of them works in both directions."""
        if not self._concepts:
            return frozenset()
        common = set(self._concepts[0].sides)
        for concept in self._concepts[1:]:
            common &= set(concept.sides)
        return frozenset(common)

    def concepts(self, lang: str, level: Level | None = None) -> tuple[Concept, ...]:
        """Concepts given in `lang`, only those of band `level` when it is given."""
        return tuple(
            concept
            for concept in self._concepts
            if lang in concept.sides and (level is None or concept.cefr == level)
        )

    def entries(self, word: str, source_lang: str, target_lang: str) -> list[WordEntry]:
        """Every reading of `word`, one merged entry per part of speech, likeliest first.

        `word` may be any listed way to say a concept (matched case-, space- and ё-insensitively)
        or, failing that, an inflected form such as "went". Concepts where it is the lemma come
        before those where it is a synonym, easier bands first.
        """
        key = (source_lang, lookup_key(word))
        matches = [
            (concept, listed)
            for concept, listed in self._by_word.get(key, [])
            if target_lang in concept.sides
        ]
        if not matches:
            matches = [
                (concept, concept.lemma(source_lang))
                for concept in self._by_form.get(key, [])
                if target_lang in concept.sides
            ]
        matches.sort(
            key=lambda match: (match[1] != match[0].lemma(source_lang), match[0].cefr.rank)
        )
        by_pos: dict[str, list[WordEntry]] = {}
        for concept, listed in matches:
            by_pos.setdefault(concept.pos, []).append(
                concept.entry(source_lang, target_lang, listed)
            )
        return [merge_entries(group) for group in by_pos.values()]

    def entry(self, word: str, source_lang: str, target_lang: str) -> WordEntry | None:
        """The likeliest entry for `word`, or None when the table does not have it."""
        found = self.entries(word, source_lang, target_lang)
        return found[0] if found else None


def merge_entries(entries: list[WordEntry]) -> WordEntry:
    """One entry from several senses of the same headword and part of speech, in order."""
    first = entries[0]
    if len(entries) == 1:
        return first
    meanings = tuple(dict.fromkeys(m for entry in entries for m in entry.meanings))
    examples = tuple(dict.fromkeys(e for entry in entries for e in entry.examples))
    forms: dict[str, str] = {}
    for entry in entries:
        forms = {**entry.forms, **forms}
    return first.model_copy(update={"meanings": meanings, "examples": examples, "forms": forms})


@cache
def _default_vocabulary() -> StarterVocabulary:
    return StarterVocabulary(load_concepts())
