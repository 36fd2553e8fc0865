"""Which cards make a lesson, in what order, and which wrong options a multiple-choice card shows.

The queries fetch candidates already ordered (due typing cards by lowest retrievability, due
choice cards by due time, new cards by when they were added); this module applies the rules that
need no database: due typing first, capped by the day's remaining reviews so a backlog after a
break is spread over days; then due choice cards; then new cards up to the day's remaining new
cards. The two directions of one word are not put in the same lesson while other due cards can
fill it, so one direction never gives away the other.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from words_tui.domain.answers import answer_key
from words_tui.domain.enums import Direction

CHOICE_OPTIONS = 4
"""A multiple-choice card shows the answer and three distractors (fewer if the pool is small)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A card that could go into a lesson."""

    card_id: int
    user_word_id: int


@dataclass(frozen=True, slots=True)
class LessonLimits:
    """How many cards fit: the lesson's size and what is left of today's allowances."""

    size: int
    reviews_left: int
    new_left: int


def compose_lesson(
    due_typing: Sequence[Candidate],
    due_choice: Sequence[Candidate],
    new: Sequence[Candidate],
    limits: LessonLimits,
) -> list[Candidate]:
    """The lesson's cards in the order they are asked.

    A due card whose sibling direction is already in the lesson waits until no other due card
    is left; a new card whose sibling is in the lesson waits for another lesson.
    """
    picked: list[Candidate] = []
    words: set[int] = set()
    deferred: list[Candidate] = []

    def room() -> bool:
        return len(picked) < limits.size

    def take(candidate: Candidate) -> None:
        picked.append(candidate)
        words.add(candidate.user_word_id)

    for candidate in [*due_typing[: max(limits.reviews_left, 0)], *due_choice]:
        if not room():
            return picked
        if candidate.user_word_id in words:
            deferred.append(candidate)
        else:
            take(candidate)
    for candidate in deferred:
        if not room():
            return picked
        take(candidate)
    introduced = 0
    for candidate in new:
        if not room() or introduced >= limits.new_left:
            break
        if candidate.user_word_id not in words:
            take(candidate)
            introduced += 1
    return picked


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
