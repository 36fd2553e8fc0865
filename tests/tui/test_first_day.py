"""A new learner's first day with the default settings, driven by keys: onboarding (English →
Spanish, A1), a first lesson of 30 questions in both directions where a mistake comes back and
new words end up typed, a review of the mistakes, a second lesson, then — nothing due and the
daily limit reached — "learn more" and practice ahead."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tests.builders import T0, promote_to_typing, spanish_learner
from tests.tui.pilot import current, open_screen, settle, text_of, words_app
from words_tui.domain.enums import Direction, Stage
from words_tui.services import Core
from words_tui.services.lessons import Lesson, LessonCard
from words_tui.tui.app import WordsApp
from words_tui.tui.dialogs.next_steps import NextStepsDialog
from words_tui.tui.screens.home import HomeScreen
from words_tui.tui.screens.lesson import LessonScreen
from words_tui.tui.screens.onboarding import OnboardingScreen
from words_tui.tui.screens.summary import SummaryScreen


async def onboard_english_to_spanish_a1(pilot: Pilot[Any]) -> None:
    app = words_app(pilot)
    screen = current(pilot, OnboardingScreen)
    await pilot.press("enter")  # English
    options = screen.query_one("#options", OptionList)
    options.highlighted = next(
        i for i in range(options.option_count) if options.get_option_at_index(i).id == "es"
    )
    await pilot.press("enter", "enter")  # Spanish, A1
    await pilot.press("enter")  # start
    await settle(pilot)
    await settle(pilot)
    assert isinstance(app.screen, HomeScreen)


async def give(pilot: Pilot[Any], card: LessonCard, *, right: bool) -> str:
    """Answer the card on screen by keys (an option's number, or typing) and return the
    feedback shown."""
    app = words_app(pilot)
    if card.is_choice:
        index = card.options.index(card.expected)
        if not right:
            index = next(i for i, option in enumerate(card.options) if option != card.expected)
        await pilot.press(str(index + 1))
    else:
        app.screen.query_one("#answer", Input).value = card.expected if right else "zzz"
        await pilot.press("enter")
    await settle(pilot)
    return text_of(app, "#feedback")


async def next_card(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await settle(pilot)


async def answer_all_right(pilot: Pilot[Any], lesson: Lesson) -> list[LessonCard]:
    """Answer every card left right; the cards asked, in order."""
    asked = []
    while (card := lesson.current) is not None:
        asked.append(card)
        assert (await give(pilot, card, right=True)).startswith("✓")
        await next_card(pilot)
    return asked


def new_today(app: WordsApp) -> str:
    return text_of(app, "#new").replace("\n", " ")


async def test_a_new_learners_first_day(core: Core) -> None:
    async with open_screen(core) as pilot:
        app = words_app(pilot)
        await onboard_english_to_spanish_a1(pilot)
        assert new_today(app) == "New today 0 of 20 (daily limit)"

        # The first lesson: 30 questions, both directions; the first card is missed.
        await pilot.press("l")
        await settle(pilot)
        lesson = current(pilot, LessonScreen).lesson
        assert (len(lesson.cards), len({card.card_id for card in lesson.cards})) == (30, 10)
        assert {card.direction for card in lesson.cards} == set(Direction)
        missed = lesson.current
        assert missed is not None and missed.is_choice
        feedback = await give(pilot, missed, right=False)
        assert feedback.startswith("✗ Wrong") and "It comes back in a few cards." in feedback
        await next_card(pilot)
        asked = await answer_all_right(pilot, lesson)
        assert asked[3].card_id == missed.card_id  # back after three other cards
        typed = [card for card in asked if card.stage == Stage.TYPING]
        assert {card.card_id for card in typed} == {card.card_id for card in lesson.cards}

        # The summary lists the mistake; "m" reviews just it, rescheduling nothing.
        summary = current(pilot, SummaryScreen)
        assert [m.card_id for m in summary.summary.mistakes] == [missed.card_id]
        assert f"{missed.prompt} → {missed.expected}" in text_of(app, "#mistakes")
        await pilot.press("m")
        await settle(pilot)
        review = current(pilot, LessonScreen).lesson
        assert review.practice and [c.card_id for c in review.cards] == [missed.card_id]
        await answer_all_right(pilot, review)
        assert current(pilot, SummaryScreen).summary.practice
        await pilot.press("enter")
        await settle(pilot)
        assert new_today(app) == "New today 10 of 20 (daily limit)"

        # The second lesson: the next ten new words.
        await pilot.press("l")
        await settle(pilot)
        second = current(pilot, LessonScreen).lesson
        assert len(second.cards) == 30 and all(card.card_id not in typed for card in second.cards)
        await answer_all_right(pilot, second)
        await pilot.press("enter")
        await settle(pilot)
        assert new_today(app) == "New today 20 of 20 (daily limit)"

        # Nothing due, the daily limit reached: learn more, past the limit.
        await pilot.press("l")
        await settle(pilot)
        dialog = current(pilot, NextStepsDialog)
        offers = dialog.query_one(OptionList)
        assert [str(offers.get_option_at_index(i).prompt) for i in range(2)] == [
            "Learn 10 more new words today (past your daily limit of 20)",
            "Practise ahead: the 20 cards due soonest (they keep their review dates)",
        ]
        await pilot.press("enter")
        await settle(pilot)
        more = current(pilot, LessonScreen).lesson
        assert len({card.card_id for card in more.cards}) == 10 and not more.practice
        await answer_all_right(pilot, more)
        await pilot.press("enter")
        await settle(pilot)
        assert new_today(app) == "New today 30 of 20 (daily limit)"

        # Practice ahead: the cards due soonest, answered without rescheduling them.
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        ahead = current(pilot, LessonScreen).lesson
        assert ahead.practice and len(ahead.cards) == 30
        card = ahead.current
        assert card is not None and await give(pilot, card, right=True)
        await pilot.press("escape")  # 29 cards left: it asks first, and Enter ends
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert current(pilot, SummaryScreen).summary.practice


async def test_a_vocabulary_with_no_new_words_left_says_how_to_add_more(core: Core) -> None:
    profile_id = await spanish_learner(core.database)
    await promote_to_typing(core.database, profile_id, last_review=T0, due=T0 + timedelta(days=3))
    async with open_screen(core, "l") as pilot:
        dialog = current(pilot, NextStepsDialog)
        assert text_of(pilot.app, "#next-add") == (
            "Every word of your vocabulary has been introduced. To add more: raise your level "
            "in Settings (o), import a file (i) or add a word (a)."
        )
        offers = dialog.query_one(OptionList)
        assert str(offers.get_option_at_index(0).prompt).startswith("Practise ahead: the 12 cards")
        await pilot.press("enter")
        await settle(pilot)
        assert current(pilot, LessonScreen).lesson.practice
