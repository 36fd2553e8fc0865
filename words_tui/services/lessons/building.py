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
    Planned,
    compose_lesson,
    day_start,
    lay_out,
)
from words_tui.domain.lexicon import KnownWord
from words_tui.domain.text import word_key
from words_tui.infrastructure.db.models import ALL_TABLES, Profile
from words_tui.services.lessons.candidates import lesson_candidates, with_both_directions
from words_tui.services.lessons.cards import LessonCard, build_card, lesson_entries, with_options
from words_tui.services.lessons.queries import (
    answers_today,
    card_details,
    inserted_id,
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
    """A lesson's asks in order (a card asked twice is in it twice) and its row id (None when
    there was nothing to practise)."""

    profile: Profile
    lesson_id: int | None
    cards: list[LessonCard]
    entries: dict[str, dict[str, KnownWord]] = field(default_factory=dict)


async def _pick(
    session: AsyncSession, profile: Profile, now: datetime, tag: str | None, extra_new: int
) -> tuple[list[Planned], list[int]]:
    """The lesson's cards with their asks, and the other candidates' words (distractor
    material). `extra_new` new cards are allowed past today's limit."""
    assert profile.id is not None
    since = day_start(now, profile.timezone, profile.day_start_hour)
    reviews_done, new_done = await answers_today(session, profile.id, since)
    limits = LessonLimits(
        size=profile.lesson_size,
        reviews_left=profile.reviews_per_day - reviews_done,
        new_left=max(profile.new_per_day - new_done, 0) + extra_new,
        typing_after=profile.typing_after,
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
    new = await with_both_directions(session, found.new)
    picked = compose_lesson(found.typing, found.choice, new, limits)
    candidates = [*found.typing, *found.choice, *new]
    unpicked = {c.user_word_id for c in candidates} - {p.candidate.user_word_id for p in picked}
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
    session: AsyncSession,
    profile_id: int,
    now: datetime,
    tag: str | None = None,
    *,
    extra_new: int = 0,
) -> BuiltLesson:
    """Pick the cards (only words carrying `tag` when given; `extra_new` new cards past
    today's limit), lay out their asks and open the lesson row."""
    profile = await load_profile(session, profile_id)
    picked, other_words = await _pick(session, profile, now, tag, extra_new)
    return await _opened(session, profile, now, lay_out(picked), other_words)


async def build_practice(
    session: AsyncSession, profile_id: int, now: datetime, card_ids: list[int]
) -> BuiltLesson:
    """A lesson asking these cards once each, in this order (a review of mistakes, practice
    ahead)."""
    profile = await load_profile(session, profile_id)
    asks = [Candidate(card_id, 0) for card_id in card_ids]
    return await _opened(session, profile, now, asks, [])


async def _opened(
    session: AsyncSession,
    profile: Profile,
    now: datetime,
    asks: list[Candidate],
    other_words: list[int],
) -> BuiltLesson:
    """The lesson row opened for `asks`, with each card built once and choice cards given
    their options (the same options every time a card comes back)."""
    if not asks:
        return BuiltLesson(profile, None, [])
    details = await card_details(session, sorted({ask.card_id for ask in asks}))
    built = {card_id: build_card(found, profile.native_lang) for card_id, found in details.items()}
    values = {"profile_id": profile.id, "started_at": now, "size": len(asks)}
    lesson_id = inserted_id(await session.execute(_OPEN_LESSON, values))
    cards = list(built.values())
    if any(card.is_choice for card in cards):
        pool = await _option_pool(session, profile, cards, other_words)
        built = {
            card_id: with_options(
                card, pool, profile.native_lang, seed=lesson_id * 1_000_003 + card_id
            )
            if card.is_choice
            else card
            for card_id, card in built.items()
        }
    queue = [built[ask.card_id] for ask in asks if ask.card_id in built]
    return BuiltLesson(profile, lesson_id, queue, lesson_entries(built.values()))
