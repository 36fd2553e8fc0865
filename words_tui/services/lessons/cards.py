"""What a lesson shows for one card, built from its rows: prompt, accepted answers, options.

A foreign → native card shows the headword and accepts the meanings the learner chose (other
translations of the entry are accepted as alternatives); a native → foreign card shows the
meanings and accepts the headword, with the entry's word forms as forms.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from words_tui.domain.answers import answer_key
from words_tui.domain.entries import Example
from words_tui.domain.enums import Direction, Stage
from words_tui.domain.lesson_policy import (
    OptionWord,
    choice_options,
    choose_distractors,
    option_text,
)
from words_tui.domain.lexicon import KnownWord
from words_tui.services.lessons.checking import Question
from words_tui.services.lessons.queries import CardDetails

PROMPT_SEPARATOR = ", "


@dataclass(frozen=True, slots=True)
class LessonCard:
    """One card as the learner meets it in a lesson.

    `prompt` is shown in `prompt_lang`; the answer is expected in `answer_lang`. `accepted[0]` is
    the answer shown as correct. Multiple-choice cards have `options` (the correct one among
    them); typing cards have none. `is_new` marks a card shown for the first time.
    """

    card_id: int
    user_word_id: int
    word_id: int
    direction: Direction
    stage: Stage
    prompt: str
    prompt_lang: str
    answer_lang: str
    accepted: tuple[str, ...]
    headword: str
    meanings: tuple[str, ...]
    pos: str = ""
    level: str | None = None
    options: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()
    forms: Mapping[str, str] = field(default_factory=dict)
    alternatives: tuple[str, ...] = ()
    is_new: bool = False
    extra: tuple[str, ...] = ()
    """Answers the learner made acceptable ("I was right"), kept when the meanings change."""
    translations: tuple[str, ...] = ()
    """Every translation of the word's dictionary entry, chosen or not."""

    @property
    def expected(self) -> str:
        """The answer shown as correct."""
        return self.accepted[0] if self.accepted else ""

    @property
    def is_choice(self) -> bool:
        return self.stage == Stage.CHOICE

    def question(self) -> Question:
        """What the answer checker needs about this card."""
        return Question(
            prompt=self.prompt,
            accepted=self.accepted,
            prompt_lang=self.prompt_lang,
            answer_lang=self.answer_lang,
            forms=self.forms,
            alternatives=self.alternatives,
            pos=self.pos,
            prompt_meanings=(
                self.meanings if self.direction == Direction.NATIVE_TO_FOREIGN else (self.headword,)
            ),
        )

    def with_accepted(self, answer: str) -> LessonCard:
        """This card once `answer` has been made an accepted alternative."""
        return replace(self, accepted=(*self.accepted, answer), extra=(*self.extra, answer))

    def with_meanings(self, meanings: Sequence[str], native_lang: str) -> LessonCard:
        """This card once the learner has changed the word's chosen meanings: what it asks
        and accepts follows, and a choice card's correct option with it."""
        sides = _sides(
            self.direction,
            self.headword,
            self.prompt_lang if self.direction == Direction.FOREIGN_TO_NATIVE else self.answer_lang,
            tuple(meanings),
            self.extra,
            self.translations,
            native_lang,
        )
        changed = replace(
            self,
            meanings=tuple(meanings),
            prompt=sides.prompt,
            accepted=sides.accepted,
            alternatives=sides.alternatives,
        )
        if not self.options:
            return changed
        old = option_text(self.as_option_word(), self.direction)
        new = option_text(changed.as_option_word(), self.direction)
        options = tuple(
            new if option == old else option for option in self.options if option != new
        )
        return replace(changed, options=options if new in options else self.options)

    def with_extra(self, extra: Sequence[str], native_lang: str) -> LessonCard:
        """This card once the learner has set the answers it accepts besides its meanings or
        word (on a native → foreign card: other words in the foreign language)."""
        return replace(self, extra=tuple(extra)).with_meanings(self.meanings, native_lang)

    def as_option_word(self) -> OptionWord:
        return OptionWord(self.word_id, self.headword, self.meanings, self.pos, self.level)


@dataclass(frozen=True, slots=True)
class _Sides:
    prompt: str
    prompt_lang: str
    answer_lang: str
    accepted: tuple[str, ...]
    alternatives: tuple[str, ...]


def _sides(
    direction: Direction,
    headword: str,
    lang: str,
    meanings: tuple[str, ...],
    extra: tuple[str, ...],
    translations: tuple[str, ...],
    native_lang: str,
) -> _Sides:
    """What a card of `direction` asks and accepts for a word of `lang` with these meanings."""
    if direction == Direction.FOREIGN_TO_NATIVE:
        chosen = {answer_key(m, native_lang) for m in meanings}
        alternatives = tuple(t for t in translations if answer_key(t, native_lang) not in chosen)
        return _Sides(headword, lang, native_lang, (*meanings, *extra), alternatives)
    prompt = PROMPT_SEPARATOR.join(meanings)
    return _Sides(prompt, native_lang, lang, (headword, *extra), ())


def build_card(details: CardDetails, native_lang: str) -> LessonCard:
    """The lesson view of a card (without options: see `with_options`)."""
    direction = Direction(details.direction)
    extra = tuple(details.accepted_extra)
    translations = tuple(details.translations)
    sides = _sides(
        direction,
        details.headword,
        details.lang,
        tuple(details.meanings),
        extra,
        translations,
        native_lang,
    )
    return LessonCard(
        card_id=details.card_id,
        user_word_id=details.user_word_id,
        word_id=details.word_id,
        direction=direction,
        stage=Stage(details.stage),
        prompt=sides.prompt,
        prompt_lang=sides.prompt_lang,
        answer_lang=sides.answer_lang,
        accepted=sides.accepted,
        headword=details.headword,
        meanings=tuple(details.meanings),
        pos=details.pos,
        level=details.level,
        examples=tuple(Example.model_validate(e) for e in details.examples),
        forms=details.forms if direction == Direction.NATIVE_TO_FOREIGN else {},
        alternatives=sides.alternatives,
        is_new=details.last_review is None and details.stage == Stage.CHOICE,
        extra=extra,
        translations=translations,
    )


def with_options(
    card: LessonCard, pool: Sequence[OptionWord], native_lang: str, seed: int
) -> LessonCard:
    """A choice card with its shuffled options; `seed` makes them the same on every run."""
    rng = random.Random(seed)
    correct = option_text(card.as_option_word(), card.direction)
    distractors = choose_distractors(
        card.as_option_word(),
        card.direction,
        pool,
        accepted=card.accepted,
        answer_lang=card.answer_lang,
        native_lang=native_lang,
        rng=rng,
        translations=card.translations,
    )
    return replace(card, options=tuple(choice_options(correct, distractors, rng)))


def lesson_entries(cards: Iterable[LessonCard]) -> dict[str, dict[str, KnownWord]]:
    """The lesson's words as known words, by answer language and answer key: the likeliest
    confusions, each with what it means on the card's other side ("abuelo" → grandfather,
    "grandfather" → abuelo)."""
    found: dict[str, dict[str, dict[tuple[str, str], None]]] = {}
    texts: dict[tuple[str, str], str] = {}

    def add(lang: str, text: str, meanings: Iterable[str], pos: str) -> None:
        key = answer_key(text, lang)
        if key:
            texts.setdefault((lang, key), text)
            senses = dict.fromkeys((m, pos) for m in meanings)
            found.setdefault(lang, {}).setdefault(key, {}).update(senses)

    for card in cards:
        native, foreign = card.prompt_lang, card.answer_lang
        if card.direction == Direction.FOREIGN_TO_NATIVE:
            native, foreign = foreign, native
        add(foreign, card.headword, card.meanings, card.pos)
        for meaning in card.meanings:
            add(native, meaning, (card.headword,), card.pos)
    return {
        lang: {
            key: KnownWord(texts[lang, key], tuple(m for m, _ in s), tuple(p for _, p in s))
            for key, s in keys.items()
        }
        for lang, keys in found.items()
    }
