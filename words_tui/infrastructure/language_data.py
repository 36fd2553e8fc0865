"""Lemmas, known words and real-word membership for the answer checker, cached per process.

The domain checker takes plain values; this module builds them:
- lemmas and membership from simplemma's per-language dictionaries of word forms (form → lemma).
  Membership answers "is this a real word?" for rare words too ("ano"), which a frequency list
  cannot do without also knowing common misspellings ("arbol"). simplemma loads a language's
  table on first use (a second or two for Spanish or Russian), so `warm_up` loads it in a worker
  thread before the first answer instead of during it;
- known words with their meanings from the starter vocabulary (already in the package, read in
  tens of milliseconds): every listed word and form, in any language pair it covers.
No frequency list is loaded on the lesson's path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from types import MappingProxyType

from words_tui.domain.answers import Lemmatiser, answer_key
from words_tui.domain.lexicon import KnownWord, Lexicon, WordTest
from words_tui.domain.normalise import base_language

WORD_CACHE_SIZE = 65536
NOT_WORD_FORMS = frozenset({"gender", "aspect", "countability", "ipa"})
"""Starter form names whose values are labels ("f", "impf"), not words."""


@cache
def _simplemma_languages() -> frozenset[str]:
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return frozenset(SUPPORTED_LANGUAGES)


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


@cache
def word_forms_for(language: str) -> WordTest | None:
    """Whether a word is in simplemma's table of `language`'s word forms; None without data."""
    lang = base_language(language)
    if lang not in _simplemma_languages():
        return None

    import simplemma

    @lru_cache(maxsize=WORD_CACHE_SIZE)
    def is_known(word: str) -> bool:
        return bool(simplemma.is_known(word, lang))

    return is_known


@cache
def starter_entries(answer_lang: str, prompt_lang: str) -> Mapping[str, KnownWord]:
    """Every word and form of the starter vocabulary in `answer_lang`, with its meanings in
    `prompt_lang` (a word in several concepts means all of them)."""
    from words_tui.infrastructure.dictionaries.starter import StarterVocabulary

    answer, prompt = base_language(answer_lang), base_language(prompt_lang)
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
    return MappingProxyType(
        {
            key: KnownWord(text, tuple(m for m, _ in found), tuple(pos for _, pos in found))
            for key, (text, found) in meanings.items()
        }
    )


def _never(_: str) -> bool:
    return False


def warm_up(languages: Iterable[str]) -> None:
    """Load the lemma and word-form tables of each language now (blocking: call it in a
    thread), and the starter vocabulary's words."""
    langs = sorted(set(languages))
    for language in langs:
        lemmatiser = lemmatiser_for(language)
        if lemmatiser is not None:
            lemmatiser("a")
        forms = word_forms_for(language)
        if forms is not None:
            forms("a")
    for answer in langs:
        for prompt in langs:
            if answer != prompt:
                starter_entries(answer, prompt)


class LanguageData:
    """The lemmas and known words of every language, as the answer checker consumes them."""

    def lemmatiser(self, language: str) -> Lemmatiser | None:
        return lemmatiser_for(language)

    def lexicon(self, answer_lang: str, prompt_lang: str) -> Lexicon:
        return Lexicon(
            (starter_entries(answer_lang, prompt_lang),), word_forms_for(answer_lang) or _never
        )

    def warm_up(self, languages: Iterable[str]) -> None:
        warm_up(languages)
