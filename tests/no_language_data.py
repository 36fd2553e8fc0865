"""Language sources for tests: one with nothing in it, two (empty, real) that load only when
released.

Real language data (simplemma's tables) takes seconds to load; tests of files, processes and
connections answer with the expected text, which needs none of it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from words_tui.domain.answers import Lemmatiser
from words_tui.domain.lexicon import EMPTY_LEXICON, Lexicon
from words_tui.infrastructure.language_data import LanguageData
from words_tui.services.lessons.preload import LOADER_THREAD


class NoLanguageData:
    """Satisfies `services.lessons.LanguageSource` with nothing in it."""

    def lexicon(self, answer_lang: str, prompt_lang: str) -> Lexicon:
        return EMPTY_LEXICON

    def lemmatiser(self, language: str) -> Lemmatiser | None:
        return None

    def warm_up(self, languages: Iterable[str]) -> None:
        return None


class GatedLanguageData:
    """Loads only when `release` is set; using its data before it loaded is an error."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.loads: list[list[str]] = []
        self.loaded = False

    def warm_up(self, languages: Iterable[str]) -> None:
        self.loads.append(list(languages))
        self.release.wait()
        self.loaded = True

    def lexicon(self, answer_lang: str, prompt_lang: str) -> Lexicon:
        assert self.loaded, "the checker used language data before it was loaded"
        return EMPTY_LEXICON

    def lemmatiser(self, language: str) -> Lemmatiser | None:
        assert self.loaded, "the checker used language data before it was loaded"
        return None


class GatedRealLanguageData(LanguageData):
    """The real language data (simplemma's word forms, the starter words), loading only when
    `release` is set; using it before it loaded is an error."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.loaded = False

    def warm_up(self, languages: Iterable[str]) -> None:
        self.release.wait()
        super().warm_up(languages)
        self.loaded = True

    def _assert_loaded(self) -> None:
        loading = threading.current_thread().name == LOADER_THREAD
        assert self.loaded or loading, "the checker used language data before it was loaded"

    def lexicon(self, answer_lang: str, prompt_lang: str) -> Lexicon:
        self._assert_loaded()
        return super().lexicon(answer_lang, prompt_lang)

    def lemmatiser(self, language: str) -> Lemmatiser | None:
        self._assert_loaded()
        return super().lemmatiser(language)
