"""Lesson selection and multiple-choice distractors (pure policy, no database)."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from words_tui.domain.enums import Direction
from words_tui.domain.lesson_policy import (
    Candidate,
    LessonLimits,
    OptionWord,
    Planned,
    choice_options,
    choose_distractors,
    compose_lesson,
    day_start,
)

ROOMY = LessonLimits(size=30, reviews_left=100, new_left=100)


def cards(*pairs: tuple[int, int]) -> list[Candidate]:
    return [Candidate(card_id, word_id) for card_id, word_id in pairs]


def ids(picked: list[Planned]) -> list[int]:
    return [p.candidate.card_id for p in picked]


def test_due_typing_comes_first_then_due_choice_then_new() -> None:
    picked = compose_lesson(cards((1, 10)), cards((2, 20)), cards((3, 30)), ROOMY)
    assert ids(picked) == [1, 2, 3]


def test_a_lesson_holds_at_most_its_size() -> None:
    due = cards(*[(i, i) for i in range(50)])
    assert ids(compose_lesson(due, [], [], LessonLimits(30, 100, 100))) == list(range(30))


def test_the_backlog_is_capped_by_the_reviews_left_today() -> None:
    due = cards(*[(i, i) for i in range(10)])
    picked = compose_lesson(due, cards((99, 99)), [], LessonLimits(30, 3, 0))
    assert ids(picked) == [0, 1, 2, 99]


def test_new_cards_are_capped_by_the_new_cards_left_today() -> None:
    new = cards(*[(i, i) for i in range(10)])
    assert ids(compose_lesson([], [], new, LessonLimits(30, 100, 4))) == [0, 1, 2, 3]


def test_the_other_direction_of_a_word_waits_while_other_cards_are_due() -> None:
    typing = cards((1, 10), (2, 10), (3, 30))
    assert ids(compose_lesson(typing, cards((4, 40)), [], ROOMY)) == [1, 3, 4, 2]
    assert ids(compose_lesson(typing, cards((4, 40)), [], LessonLimits(3, 100, 0))) == [1, 3, 4]


def test_a_new_card_whose_sibling_is_in_the_lesson_waits_for_another_lesson() -> None:
    new = cards((1, 10), (2, 10), (3, 30))
    assert ids(compose_lesson([], [], new, ROOMY)) == [1, 3]


def test_the_day_starts_at_the_profiles_hour_in_its_time_zone() -> None:
    late = datetime(2030, 6, 2, 1, 30, tzinfo=UTC)  # 03:30 in Berlin (summer time)
    assert day_start(late, "Europe/Berlin", 4) == datetime(2030, 6, 1, 2, 0, tzinfo=UTC)
    morning = datetime(2030, 6, 2, 9, 0, tzinfo=UTC)
    assert day_start(morning, "UTC", 4) == datetime(2030, 6, 2, 4, 0, tzinfo=UTC)


def test_an_unknown_time_zone_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match="Mars/Olympus"):
        day_start(datetime(2030, 1, 1, tzinfo=UTC), "Mars/Olympus", 4)


CAT = OptionWord(1, "gato", ("cat",), "noun", "A1")
POOL = [
    OptionWord(2, "perro", ("dog",), "noun", "A1"),
    OptionWord(3, "minino", ("cat", "kitty"), "noun", "A2"),  # a synonym
    OptionWord(4, "casa", ("house",), "noun", "A1"),
    OptionWord(5, "correr", ("to run",), "verb", "A1"),
    OptionWord(6, "mesa", ("table",), "noun", "B2"),
    OptionWord(7, "pez", ("fish",), "noun", "A1"),
    OptionWord(8, "Gato", ("tomcat",), "noun", "A1"),  # looks like the answer itself
]


def distractors(direction: Direction, pool: list[OptionWord], **kwargs: object) -> list[str]:
    answer_lang = "es" if direction == Direction.NATIVE_TO_FOREIGN else "en"
    accepted = kwargs.pop("accepted", ["gato"] if answer_lang == "es" else ["cat"])
    return choose_distractors(
        CAT,
        direction,
        pool,
        accepted=accepted,  # type: ignore[arg-type]
        answer_lang=answer_lang,
        native_lang="en",
        rng=random.Random(1),
        translations=kwargs.pop("translations", ()),  # type: ignore[arg-type]
    )


def test_distractors_share_part_of_speech_and_level_first() -> None:
    chosen = distractors(Direction.NATIVE_TO_FOREIGN, POOL)
    assert sorted(chosen) == ["casa", "perro", "pez"]


def test_distractors_are_never_synonyms_or_the_answer_itself() -> None:
    for seed_pool in (POOL, POOL[::-1]):
        chosen = distractors(Direction.NATIVE_TO_FOREIGN, seed_pool)
        assert "minino" not in chosen and "Gato" not in chosen


def test_distractors_for_a_native_answer_are_meanings_and_never_an_accepted_answer() -> None:
    pool = [*POOL, OptionWord(9, "felino", ("feline",), "noun", "A1")]
    chosen = distractors(Direction.FOREIGN_TO_NATIVE, pool, accepted=["cat", "feline"])
    assert "feline" not in chosen and "cat" not in chosen and "kitty" not in chosen
    assert len(chosen) == 3


def test_no_option_is_another_translation_of_the_word_or_shares_one() -> None:
    pool = [
        *POOL,
        OptionWord(10, "felino", ("feline",), "noun", "A1"),
        OptionWord(11, "micho", ("puss", "feline"), "noun", "A1"),
    ]
    for direction in Direction:
        for order in (pool, pool[::-1]):
            chosen = distractors(direction, order, translations=("cat", "feline"))
            assert not {"feline", "felino", "micho", "puss"} & set(chosen)


def test_a_small_pool_falls_back_to_other_levels_and_parts_of_speech() -> None:
    chosen = distractors(Direction.NATIVE_TO_FOREIGN, [POOL[3], POOL[4]])
    assert sorted(chosen) == ["correr", "mesa"]


def test_options_hold_the_answer_once_among_the_distractors() -> None:
    options = choice_options("gato", ["perro", "casa", "pez"], random.Random(3))
    assert sorted(options) == ["casa", "gato", "perro", "pez"]
