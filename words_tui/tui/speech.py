"""The "say it" key (F4): a screen's word spoken in its language by espeak-ng.

Screens that show a word mix `SpeaksWord` in and say which word (`word_to_say`). The key works
only where espeak-ng is installed; elsewhere it is hidden from the footer and does nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.binding import Binding

if TYPE_CHECKING:
    from words_tui.services import Core

SAY = Binding("f4", "say", "key.say")


class SpeaksWord:
    """Mixed into a `WordsScreen`: F4 speaks `word_to_say()` (text, language)."""

    core: Core

    def word_to_say(self) -> tuple[str, str] | None:
        """The word on screen and its language; None when there is none."""
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "say":
            return self.core.speech.available
        return True

    def action_say(self) -> None:
        found = self.word_to_say()
        if found is not None:
            self.say(*found)

    @work(exclusive=True, group="speech", exit_on_error=False)
    async def say(self, text: str, lang: str) -> None:
        await self.core.speech.speak(text, lang)
