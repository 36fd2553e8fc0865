"""A language source with no lemmas and no known words, for tests about anything but checking.

Real language data (simplemma's tables) takes seconds to load; tests of files, processes and
connections answer with the expected text, which needs none of it.
"""

from __future__ import annotations

from collections.abc import Iterable

from words_tui.domain.answers import Lemmatiser
from words_tui.domain.lexicon import EMPTY_LEXICON, Lexicon


class NoLanguageData:
    """Satisfies `services.lessons.LanguageSource` with nothing in it."""

    def lexicon(self, answer_lang: str, prompt_lang: str) -> Lexicon:
        return EMPTY_LEXICON

    def lemmatiser(self, language: str) -> Lemmatiser | None:
        return None

    def warm_up(self, languages: Iterable[str]) -> None:
        return None
