"""What the learner sees after an answer, built from the verdict and what recording did."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from words_tui.domain.answers import answer_key
from words_tui.domain.entries import Example
from words_tui.domain.enums import Stage, Verdict
from words_tui.domain.lexicon import KnownWord
from words_tui.domain.scheduling import Rating
from words_tui.services.lessons.cards import LessonCard
from words_tui.services.lessons.checking import CheckedAnswer
from words_tui.services.lessons.recording import Recorded


@dataclass(frozen=True, slots=True)
class Feedback:
    """What the learner sees after an answer.

    `note` explains the verdict in English (the right spelling, the form that was typed, the
    judge's comment, "could not check — press r if you were right"); `judged` says it is the
    judge's comment. `reason` names why a local verdict was wrong ("other_word", "real_word",
    "degree", "gender", "no_answer", "too_long"), `known` the other word typed, with its
    meanings, and `correction` the answer as it should have been typed ("la mujer").
    `can_override` offers "I was right". `rating` is None for an answer FSRS does not rate (a
    card asked again in the lesson, practice); `comes_back` says the lesson asks it again.
    """

    card: LessonCard
    answer: str
    verdict: Verdict
    rating: Rating | None
    expected: str
    note: str
    form: str
    next_due: datetime
    promoted: bool = False
    mastered: bool = False
    leech: bool = False
    judged: bool = False
    reason: str = ""
    correction: str = ""
    known: KnownWord | None = None
    comes_back: bool = False

    @property
    def correct(self) -> bool:
        return self.verdict.is_correct

    @property
    def can_override(self) -> bool:
        """ "I was right" is offered for a typed answer judged wrong (not for an empty one)."""
        return self.card.stage == Stage.TYPING and not self.correct and bool(self.answer.strip())

    @property
    def accepted(self) -> tuple[str, ...]:
        return self.card.accepted

    @property
    def examples(self) -> tuple[Example, ...]:
        return self.card.examples

    @property
    def forms(self) -> dict[str, str]:
        return dict(self.card.forms)


def choice_checked(card: LessonCard, answer: str) -> CheckedAnswer:
    """A chosen option is right when it is the card's answer (compared as typed answers are)."""
    if not answer.strip():
        return CheckedAnswer(Verdict.CHOICE_WRONG, card.expected, reason="no_answer")
    right = answer_key(answer, card.answer_lang) == answer_key(card.expected, card.answer_lang)
    return CheckedAnswer(Verdict.CHOICE_CORRECT if right else Verdict.CHOICE_WRONG, card.expected)


def feedback_for(
    card: LessonCard, answer: str, checked: CheckedAnswer, recorded: Recorded
) -> Feedback:
    return Feedback(
        card=card,
        answer=answer,
        verdict=checked.verdict,
        rating=recorded.rating,
        expected=checked.expected or card.expected,
        note=checked.note,
        form=checked.form,
        next_due=recorded.next_due,
        promoted=recorded.promoted,
        mastered=recorded.mastered,
        leech=recorded.leech,
        judged=checked.judged,
        reason=checked.reason,
        correction=checked.correction,
        known=checked.known,
    )
