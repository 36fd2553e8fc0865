"""Language data loaded beside the lesson, never in front of a card or of a verdict that needs none.

Loading a set of languages (opening their word-form files, building them the first time, reading
the starter words) runs once per set in a daemon thread (quitting never waits for it), started
by the lesson or by the home screen. A multiple-choice card needs none of it. A typed answer
given while it loads is first checked with `PendingLanguageData`, whose every lookup raises
`LanguageDataPending`: what the ladder decides without touching language data (the answer as
typed is right) is the verdict at once; anything else waits for the data and is checked again
with it. The ladder is a pure function of the answer, the card and the lookups it makes, so
both ways give the same verdict — the data only decides how soon.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future
from typing import NoReturn

from words_tui.domain.answers import Lemmatiser
from words_tui.domain.lexicon import KnownWord, Lexicon
from words_tui.services.lessons.checking import LanguageSource

LOADER_THREAD = "language-data"


class LanguageDataPending(Exception):
    """The ladder needed language data that is still loading."""


def _pending(_: str) -> NoReturn:
    raise LanguageDataPending


class _PendingEntries(Mapping[str, KnownWord]):
    """Known words that are not there yet: any lookup raises `LanguageDataPending`."""

    def __getitem__(self, key: str) -> KnownWord:
        raise LanguageDataPending

    def __iter__(self) -> Iterator[str]:
        raise LanguageDataPending

    def __len__(self) -> int:
        raise LanguageDataPending


class PendingLanguageData:
    """A `LanguageSource` for while the real one loads: every lemma, word-form or known-word
    lookup raises `LanguageDataPending`."""

    def lemmatiser(self, language: str) -> Lemmatiser | None:
        return _pending

    def lexicon(self, answer_lang: str, prompt_lang: str) -> Lexicon:
        return Lexicon((_PendingEntries(),), _pending)

    def warm_up(self, languages: Iterable[str]) -> None:
        return None


class LanguagePreload:
    """Starts each set of languages' `warm_up` once in the background; `ready` waits for it."""

    def __init__(self, source: LanguageSource) -> None:
        self.source = source
        self._loads: dict[frozenset[str], Future[None]] = {}
        self._lock = threading.Lock()

    def start(self, languages: Iterable[str]) -> Future[None]:
        """Begin loading `languages` unless that began already; returns the load's future."""
        key = frozenset(languages)
        with self._lock:
            load = self._loads.get(key)
            if load is None:
                load = self._loads[key] = Future()
                thread = threading.Thread(
                    target=self._load, args=(sorted(key), load), name=LOADER_THREAD, daemon=True
                )
                thread.start()
        return load

    def _load(self, languages: list[str], load: Future[None]) -> None:
        try:
            self.source.warm_up(languages)
        except BaseException as err:  # the waiting answer reports it
            load.set_exception(err)
        else:
            load.set_result(None)

    def begun(self, languages: Iterable[str]) -> bool:
        """Whether loading `languages` has begun (it may have finished)."""
        with self._lock:
            return frozenset(languages) in self._loads

    def loaded(self, languages: Iterable[str]) -> bool:
        """Whether `languages` finished loading (or failed to: `ready` raises why); starts the
        load when nothing has."""
        return self.start(languages).done()

    async def ready(self, languages: Iterable[str]) -> None:
        """Wait until `languages` are loaded (starting the load when nothing has)."""
        await asyncio.wrap_future(self.start(languages))
