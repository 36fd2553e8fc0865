"""Lemmas, known words and real-word membership for the answer checker.

The domain checker takes plain values; this module builds them:
- lemmas and membership from simplemma's per-language tables of word forms (form → lemma).
  Membership answers "is this a real word?" for rare words too ("ano"), which a frequency list
  cannot do without also knowing common misspellings ("arbol"). The tables are read from the
  compact files of `lexicon_store` (a new process opens them in milliseconds); a language's file
  is built once, from simplemma's own table, the first time the language is needed — `warm_up`
  does that in a worker thread before the first answer instead of during it;
- known words with their meanings from the starter vocabulary (already in the package): every
  listed word and form, in any language pair it covers, kept beside the tables as JSON.
No frequency list is loaded on the lesson's path.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from words_tui.domain.answers import Lemmatiser, answer_key, check_answer
from words_tui.domain.lexicon import KnownWord, Lexicon, WordTest
from words_tui.domain.normalise import base_language
from words_tui.infrastructure.lexicon_store import LexiconStore, write_forms, write_json

log = logging.getLogger(__name__)

T = TypeVar("T")
WORD_CACHE_SIZE = 65536
NOT_WORD_FORMS = frozenset({"gender", "aspect", "countability", "ipa"})
"""Starter form names whose values are labels ("f", "impf"), not words."""


@cache
def _simplemma_languages() -> frozenset[str]:
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return frozenset(SUPPORTED_LANGUAGES)


@cache
def _simplemma_version() -> str:
    from simplemma.__metadata__ import __version__

    return str(__version__)


@cache
def _in_memory_forms(language: str) -> Mapping[str, str]:
    """simplemma's own table of `language`, decoded into memory (the slow way, shared by the
    process): what a table is built from, and what is used where no file can be written."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    return DefaultDictionaryFactory(cache_max_size=0).get_dictionary(language)


def _starter_entries(answer: str, prompt: str) -> dict[str, tuple[str, list[str], list[str]]]:
    """Every word and form of the starter vocabulary in `answer`, with its meanings in
    `prompt` and their parts of speech (a word in several concepts means all of them)."""
    from words_tui.infrastructure.dictionaries.starter import StarterVocabulary

    meanings: dict[str, tuple[str, dict[tuple[str, str], None]]] = {}
    for concept in StarterVocabulary.default().all_concepts:
        if answer not in concept.sides or prompt not in concept.sides:
            continue
        side = concept.sides[answer]
        texts = [*side.words]
        texts += [form for name, form in side.forms.items() if name not in NOT_WORD_FORMS]
        for text in texts:
            key = answer_key(text, answer)
            if key:
                found = meanings.setdefault(key, (text, {}))[1]
                found.update(dict.fromkeys((m, concept.pos) for m in concept.sides[prompt].words))
    return {
        key: (text, [m for m, _ in found], [pos for _, pos in found])
        for key, (text, found) in meanings.items()
    }


@cache
def _starter_digest() -> str:
    """What the packaged starter vocabulary holds, in short: its stored words' file name."""
    from words_tui.infrastructure.dictionaries.starter import starter_files

    digest = hashlib.sha256()
    for name, text in starter_files():
        digest.update(name.encode())
        digest.update(text.encode())
    return digest.hexdigest()[:16]


def _never(_: str) -> bool:
    return False


def _per_language(made: dict[str, T | None], make: Callable[[str], T], language: str) -> T | None:
    """`made[lang]`, made once for each simplemma language (None for the others)."""
    lang = base_language(language)
    if lang not in made:
        made[lang] = make(lang) if lang in _simplemma_languages() else None
    return made[lang]


class _KnownWords(Mapping[str, KnownWord]):
    """Stored starter words as `KnownWord`s, each made when first looked up (a few thousand
    objects made at once would cost a loaded machine tens of milliseconds)."""

    def __init__(self, stored: Mapping[str, Any]) -> None:
        self._stored = stored
        self._made: dict[str, KnownWord] = {}

    def __getitem__(self, key: str) -> KnownWord:
        found = self._made.get(key)
        if found is None:
            text, meanings, pos = self._stored[key]
            found = self._made[key] = KnownWord(text, tuple(meanings), tuple(pos))
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)


class _StoredTables:
    """simplemma's `DictionaryFactory`, answering from the owner's tables."""

    def __init__(self, tables: Callable[[str], Mapping[str, str]]) -> None:
        self.get_dictionary = tables


class LanguageData:
    """The lemmas and known words of every language, as the answer checker consumes them;
    files under `directory` (default: the user's cache directory, see `lexicon_store`)."""

    def __init__(self, directory: Path | None = None) -> None:
        self.store = LexiconStore(directory)
        self._tables: dict[str, Mapping[str, str]] = {}
        self._known: dict[tuple[str, str], Mapping[str, KnownWord]] = {}
        self._lemmatisers: dict[str, Lemmatiser | None] = {}
        self._word_tests: dict[str, WordTest | None] = {}
        self._building = threading.Lock()
        self._factory = _StoredTables(self.table)

    def table(self, language: str) -> Mapping[str, str]:
        """`language`'s form → lemma table (a simplemma code): its file, built first if need be."""
        found = self._tables.get(language)
        if found is not None:
            return found
        with self._building:
            found = self._tables.get(language)
            if found is None:
                found = self._tables[language] = self._open_or_build(language)
        return found

    def _open_or_build(self, language: str) -> Mapping[str, str]:
        if language not in _simplemma_languages():
            raise ValueError(f"Unsupported language: {language}")
        path = self.store.forms_path(language, _simplemma_version())
        stored = self.store.forms(path)
        if stored is not None:
            return stored
        table = _in_memory_forms(language)
        try:
            write_forms(path, table.items())
        except (OSError, ValueError) as err:  # a read-only home, a full disk: still answer
            log.warning("could not store the %s word forms at %s: %s", language, path, err)
            return table
        stored = self.store.forms(path)
        _in_memory_forms.cache_clear()  # the file answers from now on: free the decoded table
        return stored if stored is not None else table

    def lemmatiser(self, language: str) -> Lemmatiser | None:
        """simplemma's dictionary form of one word in `language`; None where it has no data."""
        return _per_language(self._lemmatisers, self._make_lemmatiser, language)

    def _make_lemmatiser(self, lang: str) -> Lemmatiser:
        from simplemma import Lemmatizer
        from simplemma.strategies import DefaultStrategy

        strategy = DefaultStrategy(dictionary_factory=self._factory)
        lemmatizer = Lemmatizer(WORD_CACHE_SIZE, lemmatization_strategy=strategy)

        def lemma(word: str) -> str:
            return str(lemmatizer.lemmatize(word, lang)).casefold()

        return lemma

    def word_forms(self, language: str) -> WordTest | None:
        """Whether a word is in `language`'s table of word forms; None without data."""
        return _per_language(self._word_tests, self._make_word_test, language)

    def _make_word_test(self, lang: str) -> WordTest:
        from simplemma.strategies import DictionaryLookupStrategy
        from simplemma.utils import normalize_token

        lookup = DictionaryLookupStrategy(self._factory)

        @lru_cache(maxsize=WORD_CACHE_SIZE)
        def is_known(word: str) -> bool:
            return bool(word) and lookup.get_lemma(normalize_token(word), lang) is not None

        return is_known

    def starter_entries(self, answer_lang: str, prompt_lang: str) -> Mapping[str, KnownWord]:
        """Every word and form of the starter vocabulary in `answer_lang`, with its meanings in
        `prompt_lang`: read from its JSON file, built first if need be."""
        pair = (base_language(answer_lang), base_language(prompt_lang))
        found = self._known.get(pair)
        if found is None:
            found = self._known[pair] = _KnownWords(self._stored_starter(*pair))
        return found

    def _stored_starter(self, answer: str, prompt: str) -> dict[str, Any]:
        path = self.store.json_path(f"starter-{answer}-{prompt}-{_starter_digest()}")
        stored = self.store.read_json(path)
        if isinstance(stored, dict):
            return stored
        entries = _starter_entries(answer, prompt)
        try:
            write_json(path, entries)
        except OSError as err:
            log.warning("could not store the starter words at %s: %s", path, err)
        return entries

    def lexicon(self, answer_lang: str, prompt_lang: str) -> Lexicon:
        return Lexicon(
            (self.starter_entries(answer_lang, prompt_lang),),
            self.word_forms(answer_lang) or _never,
        )

    def warm_up(self, languages: Iterable[str]) -> None:
        """Open (or build, the first time) the word-form tables of each language and the
        starter words of each pair now, and load what the checker needs (blocking: call it in a
        thread)."""
        langs = sorted({base_language(language) for language in languages})
        for answer in langs:
            for prompt in langs:
                if answer != prompt:
                    # A made-up near miss takes the ladder through every table and through what
                    # the checker itself loads on first use (its edit distances).
                    lexicon = self.lexicon(answer, prompt)
                    check_answer("abcx", ["abcd"], answer, lexicon=lexicon,
                                 lemmatise=self.lemmatiser(answer))  # fmt: skip
