"""Word frequencies (wordfreq) and lemmas (simplemma) for the answer checker, cached per process.

The domain checker takes plain callables; this module builds them. Both libraries load their data
per language on first use (simplemma needs about half a second per language), so `warm_up` lets a
lesson load them in a worker thread before the first answer instead of during it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import cache, lru_cache

from words_tui.domain.answers import Frequency, Lemmatiser
from words_tui.domain.normalise import base_language

WORD_CACHE_SIZE = 65536


@cache
def _wordfreq_languages() -> frozenset[str]:
    import wordfreq

    return frozenset(wordfreq.available_languages())


@cache
def _simplemma_languages() -> frozenset[str]:
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return frozenset(SUPPORTED_LANGUAGES)


@cache
def frequency_for(language: str) -> Frequency:
    """Zipf frequency (0–8, 3 ≈ once per million words) in `language`; 0 for unknown languages."""
    lang = base_language(language)
    if lang not in _wordfreq_languages():
        return _never_heard

    import wordfreq

    @lru_cache(maxsize=WORD_CACHE_SIZE)
    def zipf(text: str) -> float:
        return float(wordfreq.zipf_frequency(text, lang))

    return zipf


@cache
def lemmatiser_for(language: str) -> Lemmatiser | None:
    """simplemma's dictionary form of one word in `language`; None where it has no data."""
    lang = base_language(language)
    if lang not in _simplemma_languages():
        return None

    import simplemma

    @lru_cache(maxsize=WORD_CACHE_SIZE)
    def lemma(word: str) -> str:
        return str(simplemma.lemmatize(word, lang=lang)).casefold()

    return lemma


def _never_heard(_: str) -> float:
    return 0.0


def warm_up(languages: Iterable[str]) -> None:
    """Load the data of each language now (blocking: call it in a thread)."""
    for language in languages:
        frequency_for(language)("a")
        lemmatiser = lemmatiser_for(language)
        if lemmatiser is not None:
            lemmatiser("a")
    _drop_wordfreq_lists()


def _drop_wordfreq_lists() -> None:
    """Free the bucketed word lists wordfreq keeps beside the frequency dict built from them.

    Lookups only use the dict; the lists hold about a million strings per language in
    containers the garbage collector walks on every full collection (several milliseconds
    each, landing on whichever answer triggers one). wordfreq rebuilds them if ever asked.
    """
    if "wordfreq" in sys.modules:
        sys.modules["wordfreq"].get_frequency_list.cache_clear()


class LanguageData:
    """The frequency and lemma data of every language, as the answer checker consumes it."""

    def frequency(self, language: str) -> Frequency:
        return frequency_for(language)

    def lemmatiser(self, language: str) -> Lemmatiser | None:
        return lemmatiser_for(language)

    def warm_up(self, languages: Iterable[str]) -> None:
        warm_up(languages)
