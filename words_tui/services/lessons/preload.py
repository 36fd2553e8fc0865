"""Language data loaded beside the lesson, never in front of a card.

simplemma's tables take a second or more of CPU per language. A multiple-choice card needs none
of it, so a lesson shows its first card without waiting; the data loads once per set of
languages in a daemon thread (quitting never waits for it), started by the lesson or by the
home screen, and only a typed answer waits for it before its verdict — the same data, so the
same verdicts, whether it was ready a second ago or a minute ago.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable
from concurrent.futures import Future

from words_tui.services.lessons.checking import LanguageSource


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
                    target=self._load, args=(sorted(key), load), name="language-data", daemon=True
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

    async def ready(self, languages: Iterable[str]) -> None:
        """Wait until `languages` are loaded (starting the load when nothing has)."""
        await asyncio.wrap_future(self.start(languages))
