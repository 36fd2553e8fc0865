"""What the answer checker takes about a card and gives back: plain values, no logic."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from words_tui.domain.enums import Verdict
from words_tui.domain.lexicon import KnownWord


@dataclass(frozen=True, slots=True)
class LocalVerdict:
    """How the local ladder judged an answer, with what the learner should be shown.

    `expected` is the accepted answer closest to what was typed, spelled as stored; `form` names
    what matched for an accepted answer ("plural", "alternative", "lemma", "article",
    "spelling") and `reason` why another was not ("no_answer", "too_long", "other_word",
    "real_word", "degree", "gender"); `note` is one line for the learner; `edits` counts a
    typo's edits; `correction` is the answer as it should have been typed ("la mujer");
    `known` is the other word the answer is, with its meanings.
    """

    verdict: Verdict
    expected: str
    form: str = ""
    note: str = ""
    edits: int = 0
    reason: str = ""
    correction: str = ""
    known: KnownWord | None = None

    @property
    def accepted(self) -> bool:
        return self.verdict.is_correct


@dataclass(frozen=True, slots=True)
class Card:
    """What the ladder knows about the card beyond its accepted answers.

    `prompt` holds the texts shown (in `prompt_language`): a known word meaning one of them is a
    synonym, not another word. `forms` are the headword's forms by name; `alternatives` other
    correct translations this card does not practise; `pos` its part of speech.
    """

    prompt: tuple[str, ...] = ()
    prompt_language: str = ""
    forms: Mapping[str, str] | None = None
    alternatives: Sequence[str] = ()
    pos: str = ""
