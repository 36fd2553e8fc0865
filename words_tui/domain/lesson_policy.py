"""Which cards make a lesson, in what order, and which wrong options a multiple-choice card shows.

The queries fetch candidates already ordered (due typing cards by lowest retrievability, due
choice cards by due time, new cards by when they were added); this module applies the rules that
need no database: due typing first, capped by the day's remaining reviews so a backlog after a
break is spread over days; then due choice cards; then new cards up to the day's remaining new
cards, alternating directions. The two directions of one word are not put in the same lesson
while other due cards can fill it, so one direction never gives away the other.

A lesson's size counts questions, not cards: a choice card is asked again within the lesson
(learning steps of a few cards instead of minutes) until it is promoted, then once typed, so a
new word meets typing in its first lesson (`learning_asks`). `lay_out` spaces a card's asks so
that a few other cards come between them.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from words_tui.domain.answers import answer_key
from words_tui.domain.enums import Direction

CHOICE_OPTIONS = 4
"""A multiple-choice card shows the answer and three distractors (fewer if the pool is small)."""
COME_BACK_AFTER = 3
"""A card asked again in the same lesson comes back after this many other cards (fewer only when
the lesson has no more): long enough to be recall, short enough to stay one sitting."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A card that could go into a lesson: its direction and, for a choice card, the correct
    choices it already has (they decide how many more asks promote it)."""

    card_id: int
    user_word_id: int
    direction: int = 0
    choice_correct: int = 0


@dataclass(frozen=True, slots=True)
class LessonLimits:
    """How many questions fit: the lesson's size and what is left of today's allowances (new
    cards are counted once each, however often the lesson asks them)."""

    size: int
    reviews_left: int
    new_left: int
    typing_after: int = 2


@dataclass(frozen=True, slots=True)
class Planned:
    """A card picked for the lesson and how many times the lesson means to ask it."""

    candidate: Candidate
    asks: int = 1


def learning_asks(choice_correct: int, typing_after: int) -> int:
    """The asks a choice card takes in one lesson when every answer is right: the correct
    choices it still needs to be promoted, then its first typed answer."""
    return max(typing_after - choice_correct, 1) + 1


def _alternating(new: Sequence[Candidate]) -> list[Candidate]:
    """One card per new word, the directions taking turns (a word's other direction comes in
    another lesson), so a first lesson asks both ways."""
    by_word: dict[int, list[Candidate]] = {}
    for candidate in new:
        by_word.setdefault(candidate.user_word_id, []).append(candidate)
    chosen: list[Candidate] = []
    for turn, cards in enumerate(by_word.values()):
        wanted = turn % 2
        chosen.append(next((c for c in cards if c.direction == wanted), cards[0]))
    return chosen


def compose_lesson(
    due_typing: Sequence[Candidate],
    due_choice: Sequence[Candidate],
    new: Sequence[Candidate],
    limits: LessonLimits,
) -> list[Planned]:
    """The lesson's cards in priority order, each with its planned asks; the asks add up to
    the lesson's size when there are cards enough (the last card may get fewer).

    A due card whose sibling direction is already in the lesson waits until no other due card
    is left; a new card whose sibling is in the lesson waits for another lesson.
    """
    picked: list[Planned] = []
    words: set[int] = set()
    deferred: list[tuple[Candidate, int]] = []
    used = 0

    def room() -> int:
        return limits.size - used

    def take(candidate: Candidate, asks: int) -> None:
        nonlocal used
        asks = min(asks, room())
        picked.append(Planned(candidate, asks))
        words.add(candidate.user_word_id)
        used += asks

    typed = [(c, 1) for c in due_typing[: max(limits.reviews_left, 0)]]
    choice = [(c, learning_asks(c.choice_correct, limits.typing_after)) for c in due_choice]
    for candidate, asks in [*typed, *choice]:
        if room() <= 0:
            return picked
        if candidate.user_word_id in words:
            deferred.append((candidate, asks))
        else:
            take(candidate, asks)
    for candidate, asks in deferred:
        if room() <= 0:
            return picked
        take(candidate, asks)
    introduced = 0
    for candidate in _alternating(new):
        if room() <= 0 or introduced >= limits.new_left:
            break
        if candidate.user_word_id not in words:
            take(candidate, learning_asks(0, limits.typing_after))
            introduced += 1
    return picked


@dataclass
class _Asking:
    planned: Planned
    left: int
    last: int = field(default=-1)


def lay_out(planned: Sequence[Planned], after: int = COME_BACK_AFTER) -> list[Candidate]:
    """Every ask of the lesson in order: each card first in priority order, and a card's next
    ask as soon as `after` other cards have come between (sooner only when nothing else is
    left), so a few words go through their learning steps together before the next come in."""
    waiting: list[_Asking] = []
    fresh = [_Asking(p, p.asks) for p in planned if p.asks > 0]
    fresh.reverse()
    order: list[Candidate] = []
    while waiting or fresh:
        position = len(order)
        if waiting and (position - waiting[0].last > after or not fresh):
            asking = waiting.pop(0)
        else:
            asking = fresh.pop()
        order.append(asking.planned.candidate)
        asking.left -= 1
        asking.last = position
        if asking.left > 0:
            waiting.append(asking)
    return order


def come_back_at(position: int, length: int, after: int = COME_BACK_AFTER) -> int:
    """Where a card asked again goes in a queue of `length` asks whose next is `position`:
    after `after` other cards, or last."""
    return min(position + after, length)


def day_start(now: datetime, timezone: str, hour: int) -> datetime:
    """When the learner's current day began (in UTC): `hour` o'clock local time, today or
    yesterday. Daily limits count from here, so a late-night session belongs to the day before."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone '{timezone}' in the profile's timezone") from None
    if not 0 <= hour <= 23:
        raise ValueError(f"day_start_hour {hour} of the profile is not an hour (0–23)")
    local = now.astimezone(zone)
    start = datetime.combine(local.date(), time(hour), tzinfo=zone)
    if start > local:
        start = datetime.combine(local.date() - timedelta(days=1), time(hour), tzinfo=zone)
    return start.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class OptionWord:
    """A word that can appear as an option: its headword, its meanings, where it sits."""

    word_id: int
    headword: str
    meanings: tuple[str, ...]
    pos: str = ""
    level: str | None = None


def option_text(word: OptionWord, direction: Direction) -> str:
    """What the word looks like as an option: the headword when the answer is foreign,
    its first meaning when the answer is in the learner's language."""
    if direction == Direction.NATIVE_TO_FOREIGN or not word.meanings:
        return word.headword
    return word.meanings[0]


def choose_distractors(
    card: OptionWord,
    direction: Direction,
    pool: Sequence[OptionWord],
    *,
    accepted: Collection[str],
    answer_lang: str,
    native_lang: str,
    rng: random.Random,
    count: int = CHOICE_OPTIONS - 1,
    translations: Collection[str] = (),
) -> list[str]:
    """Up to `count` wrong options for `card`, never a second correct answer.

    An option is banned when it is an accepted answer or any translation of the card's word
    (`translations`: the dictionary entry's, chosen or not: "child" for chico), or when its word
    shares a meaning with those (a synonym). Words of the same part of speech and level are
    preferred, then the same part of speech, then any word, so options look alike.
    """
    card_meanings = {answer_key(m, native_lang) for m in (*card.meanings, *translations)}
    banned = {answer_key(text, answer_lang) for text in accepted}
    if direction == Direction.FOREIGN_TO_NATIVE:
        banned |= card_meanings
    banned |= {answer_key(option_text(card, direction), answer_lang)}
    tiers: tuple[list[str], list[str], list[str]] = ([], [], [])
    seen: set[str] = set()
    for word in pool:
        text = option_text(word, direction)
        key = answer_key(text, answer_lang)
        if not key or key in banned or key in seen or word.word_id == card.word_id:
            continue
        if card_meanings & {answer_key(m, native_lang) for m in word.meanings}:
            continue
        seen.add(key)
        same_pos = word.pos == card.pos
        tier = 0 if same_pos and word.level == card.level else 1 if same_pos else 2
        tiers[tier].append(text)
    chosen: list[str] = []
    for tier_texts in tiers:
        rng.shuffle(tier_texts)
        chosen.extend(tier_texts[: count - len(chosen)])
    return chosen


def choice_options(correct: str, distractors: Sequence[str], rng: random.Random) -> list[str]:
    """The options in the order shown: the correct one at a random place among the others."""
    options = [correct, *distractors]
    rng.shuffle(options)
    return options
