"""Building a lesson: today's allowances, the candidates, the policy's pick, the choice options.

Only a window of each kind of candidate is read (twice the lesson size), enough for the policy to
skip sibling directions; card details are loaded for the picked cards only. Distractors come from
the words of those candidates (the words being learnt now look most alike), topped up from the
whole vocabulary and the shared dictionary while the learner's vocabulary is small.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncSession

from words_tui.domain.lesson_policy import (
    Candidate,
    LessonLimits,
    OptionWord,
    compose_lesson,
    day_start,
)
from words_tui.domain.lexicon import KnownWord
from words_tui.domain.text import word_key
from words_tui.infrastructure.db.models import ALL_TABLES, Profile
from words_tui.services.lessons.cards import LessonCard, build_card, lesson_entries, with_options
from words_tui.services.lessons.queries import (
    answers_today,
    card_details,
    inserted_id,
    lesson_candidates,
    load_profile,
    shared_options,
    vocabulary_near,
    vocabulary_options,
)

CANDIDATE_WINDOW = 2
"""Candidates read per kind, as a multiple of the lesson size."""
OTHER_OPTION_WORDS = 40
"""Words of other candidates added to the lesson's own words as distractor material. Each
choice card weighs every word of the pool, so the pool is what a lesson's options cost."""
OPTION_POOL_SIZE = 120
"""Words read to top up a small vocabulary's pool (from the vocabulary, then the dictionary)."""
MIN_OPTION_WORDS = 12
"""Below this many distinct words the pool is topped up, so four options stay possible."""
LESSONS: Table = ALL_TABLES.tables["lessons"]
_OPEN_LESSON = insert(LESSONS)


@dataclass(frozen=True, slots=True)
class BuiltLesson:
    """A lesson's cards and its row id (None when there was nothing to practise)."""

    profile: Profile
    lesson_id: int | None
    cards: list[LessonCard]
    entries: dict[str, dict[str, KnownWord]] = field(default_factory=dict)


async def _pick(
    session: AsyncSession, profile: Profile, now: datetime, tag: str | None
) -> tuple[list[Candidate], list[int]]:
    """The lesson's cards, and the other candidates' words (distractor material)."""
    assert profile.id is not None
    since = day_start(now, profile.timezone, profile.day_start_hour)
    reviews_done, new_done = await answers_today(session, profile.id, since)
    limits = LessonLimits(
        size=profile.lesson_size,
        reviews_left=profile.reviews_per_day - reviews_done,
        new_left=profile.new_per_day - new_done,
    )
    window = CANDIDATE_WINDOW * limits.size
    found = await lesson_candidates(
        session,
        profile.id,
        now,
        typing=min(window, limits.reviews_left),
        choice=window,
        new=min(window, 2 * limits.new_left),
        tag=tag,
    )
    picked = compose_lesson(found.typing, found.choice, found.new, limits)
    candidates = [*found.typing, *found.choice, *found.new]
    unpicked = {c.user_word_id for c in candidates} - {c.user_word_id for c in picked}
    return picked, sorted(unpicked)


async def _option_pool(
    session: AsyncSession, profile: Profile, cards: list[LessonCard], other_words: list[int]
) -> list[OptionWord]:
    assert profile.id is not None
    pool = [card.as_option_word() for card in cards]
    if other_words:
        pool += await vocabulary_options(session, profile.id, other_words[:OTHER_OPTION_WORDS])
    if len({word.word_id for word in pool}) < MIN_OPTION_WORDS:
        after = min(card.user_word_id for card in cards)
        pool += await vocabulary_near(session, profile.id, after, OPTION_POOL_SIZE)
        start = min(word_key(card.headword) for card in cards if card.is_choice)
        pool += await shared_options(
            session, profile.target_lang, profile.native_lang, start, OPTION_POOL_SIZE
        )
    return pool


async def build_lesson(
    session: AsyncSession, profile_id: int, now: datetime, tag: str | None = None
) -> BuiltLesson:
    """Pick the cards (only words carrying `tag` when given), open the lesson row and give
    choice cards their options."""
    profile = await load_profile(session, profile_id)
    picked, other_words = await _pick(session, profile, now, tag)
    if not picked:
        return BuiltLesson(profile, None, [])
    details = await card_details(session, [c.card_id for c in picked])
    cards = [build_card(details[c.card_id], profile.native_lang) for c in picked]
    values = {"profile_id": profile_id, "started_at": now, "size": len(cards)}
    lesson_id = inserted_id(await session.execute(_OPEN_LESSON, values))
    if any(card.is_choice for card in cards):
        pool = await _option_pool(session, profile, cards, other_words)
        cards = [
            with_options(card, pool, profile.native_lang, seed=lesson_id * 1_000_003 + card.card_id)
            if card.is_choice
            else card
            for card in cards
        ]
    return BuiltLesson(profile, lesson_id, cards, lesson_entries(cards))
