"""Pronunciation through `espeak-ng`, when it is installed: a word spoken in its language.

Speaking starts a separate process and returns at once (the interface never waits for the
sound); a word spoken while the last one is still sounding stops that one first. Without
espeak-ng, `available` is False and front-ends hide the key, so nothing is ever attempted.
"""

from __future__ import annotations

import asyncio
import shutil
from dataclasses import dataclass, field

PROGRAM = "espeak-ng"
VOICES = {"nb": "nb", "sh": "sr", "fil": "tl"}
"""espeak-ng voices whose names differ from the language code (most are the code itself)."""


def speech_command(program: str, text: str, lang: str) -> list[str]:
    """The command line that speaks `text` in `lang`; the text is one argument after `--`, so
    a word starting with "-" is never read as an option, and no shell is involved."""
    return [program, "-v", VOICES.get(lang, lang), "--", text]


@dataclass
class Speaker:
    """Speaks words with espeak-ng; `program` is its path (None: not installed)."""

    program: str | None = field(default_factory=lambda: shutil.which(PROGRAM))
    _playing: asyncio.subprocess.Process | None = field(default=None, init=False, repr=False)

    @property
    def available(self) -> bool:
        return self.program is not None

    async def speak(self, text: str, lang: str) -> None:
        """Start speaking `text` (returns as soon as the process runs; nothing when espeak-ng
        is absent or the text is blank)."""
        if self.program is None or not text.strip():
            return
        self.stop()
        self._playing = await asyncio.create_subprocess_exec(
            *speech_command(self.program, text.strip(), lang),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )

    async def wait(self) -> None:
        """Until the word being spoken has been said."""
        if self._playing is not None:
            await self._playing.wait()

    def stop(self) -> None:
        """Silence the word still sounding, if any."""
        playing, self._playing = self._playing, None
        if playing is not None and playing.returncode is None:
            playing.kill()
