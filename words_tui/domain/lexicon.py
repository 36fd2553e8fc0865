"""What the checker knows about the words of a language: which are entries with a meaning, and
which are real words at all.

Two questions, two kinds of data. *Is this a word the app knows, and what does it mean?* comes
from entries — the lesson's own words, the learner's vocabulary, the starter vocabulary — keyed by
`answer_key`, each with its meanings in the other language of the card ("abuelo" →
"grandfather"). *Is this a real word at all?* is membership in a table of word forms (a lemmatiser's
dictionary), which knows rare words ("ano") but not what they mean. Membership, not frequency:
a rare real word is still another word, never a misspelling.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class KnownWord:
    """A word of the answer's language and what it means in the prompt's language."""

    text: str
    meanings: tuple[str, ...]
    pos: tuple[str, ...] = ()
    """The part of speech of each meaning ("" or missing: unknown)."""

    def pos_of(self, index: int) -> str:
        return self.pos[index] if index < len(self.pos) else ""

    def describe(self) -> str:
        """ "abuelo = grandfather, grandpa": how feedback names it."""
        return f"{self.text} = {', '.join(self.meanings)}"


WordTest = Callable[[str], bool]
"""Whether a normalised single word is a real word (any form) of the language."""


def _never(_: str) -> bool:
    return False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Entries (first source that knows a key wins) and a membership test, for one language
    pair as a card asks it. Every lookup is a dictionary probe: cheap on the answer path."""

    entries: Sequence[Mapping[str, KnownWord]] = ()
    is_word_form: WordTest = field(default=_never)

    def entry(self, key: str) -> KnownWord | None:
        """The known word stored under this answer key, if any source has one."""
        for source in self.entries:
            found = source.get(key)
            if found is not None:
                return found
        return None

    def is_word(self, key: str) -> bool:
        """Whether `key` (one or more words) is real: an entry, or every word a known form."""
        if self.entry(key) is not None:
            return True
        words = key.split()
        return bool(words) and all(self.is_word_form(word) for word in words)

    def with_entries(self, extra: Mapping[str, KnownWord]) -> Lexicon:
        """This lexicon with `extra` entries consulted first (a word found in the vocabulary)."""
        return Lexicon((extra, *self.entries), self.is_word_form)


EMPTY_LEXICON = Lexicon()
