"""The lesson's keys, driven as a learner would: `u` takes back the last action whatever it was,
Esc clears a half-typed answer and asks before ending a lesson with cards left, the footer
lists only the keys that apply, `r` on a choice card says why it does nothing, and `e` edits
the answers of the side being asked."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tests.builders import cards_of, promote_to_typing, row_count, spanish_learner
from tests.tui.pilot import current, open_screen, settle, text_of, words_app
from words_tui.domain.enums import Direction, WordStatus
from words_tui.infrastructure.db.models import Review, UserWord
from words_tui.services import Core
from words_tui.tui.dialogs.confirm import ConfirmDialog
from words_tui.tui.dialogs.edit_word import EditWordDialog
from words_tui.tui.screens.lesson import LessonScreen
from words_tui.tui.screens.summary import SummaryScreen
from words_tui.tui.widgets.footer import TranslatedFooter

WINDOW = [("ventana", "noun", ("window",), {})]


def footer_actions(pilot: Pilot[Any]) -> set[str]:
    keys, _ = pilot.app.screen.query_one(TranslatedFooter).keys_of(pilot.app.screen)
    return {key.action for key in keys}


def notices(pilot: Pilot[Any]) -> list[str]:
    return [n.message for n in pilot.app._notifications]


async def press(pilot: Pilot[Any], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def type_answer(pilot: Pilot[Any], text: str) -> None:
    pilot.app.screen.query_one("#answer", Input).value = text
    await press(pilot, "enter")


async def choose_wrong(pilot: Pilot[Any], screen: LessonScreen) -> None:
    card = screen.lesson.current
    assert card is not None and card.is_choice
    await press(pilot, str(next(i for i, o in enumerate(card.options) if o != card.expected) + 1))


async def test_u_takes_back_a_suspension_and_asks_the_word_again(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        first = screen.lesson.current
        assert first is not None
        await press(pilot, "s")
        assert screen.lesson.current != first
        await press(pilot, "u")
        assert screen.lesson.current == first
        assert text_of(pilot.app, "#prompt") == first.prompt
        assert f"“{first.headword}” is back in practice." in notices(pilot)
    async with core.database.session() as session:
        word = await session.get(UserWord, first.user_word_id)
    assert word is not None and word.status == int(WordStatus.NEW)


async def test_u_takes_back_i_was_right_and_shows_the_first_verdict_again(core: Core) -> None:
    profile_id = await spanish_learner(core.database, WINDOW)
    await promote_to_typing(core.database, profile_id)
    async with open_screen(core, "l") as pilot:
        await type_answer(pilot, "pane")
        await press(pilot, "r")
        assert text_of(pilot.app, "#feedback").startswith("✓ Counted as right")
        await press(pilot, "u")
        assert text_of(pilot.app, "#feedback").startswith("✗ Wrong")
        assert "override" in footer_actions(pilot)
        assert await row_count(core.database, Review) == 1


async def test_u_takes_back_an_edit_and_shows_the_verdict_it_was_made_on(core: Core) -> None:
    profile_id = await spanish_learner(core.database, WINDOW)
    await promote_to_typing(core.database, profile_id)
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        queue = list(screen.lesson.cards)
        await type_answer(pilot, "zzz")
        verdict = text_of(pilot.app, "#feedback")
        await press(pilot, "e")
        field = current(pilot, EditWordDialog).query_one(Input)
        field.value = f"{field.value}; extra"
        await press(pilot, "enter")
        assert any("extra" in card.accepted for card in screen.lesson.cards)
        await press(pilot, "u")
        assert screen.lesson.cards[: len(queue)] == queue and screen.lesson.position == 1
        assert "Edit of “ventana” taken back." in notices(pilot)
        assert text_of(pilot.app, "#feedback") == verdict
        await press(pilot, "u")
        assert (screen.lesson.cards, screen.lesson.position) == (queue, 0)


async def test_ctrl_z_undoes_while_a_typed_card_is_asked_where_u_is_a_letter(
    core: Core,
) -> None:
    profile_id = await spanish_learner(core.database, WINDOW)
    await promote_to_typing(core.database, profile_id)
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        first = screen.lesson.current
        assert first is not None
        await type_answer(pilot, first.expected)
        await press(pilot, "enter")
        assert {"undo_typing"} <= footer_actions(pilot) and "undo" not in footer_actions(pilot)
        await press(pilot, "u")
        assert screen.query_one("#answer", Input).value == "u"
        await press(pilot, "ctrl+z")
        assert screen.lesson.current == first and screen.lesson.position == 0
        assert await row_count(core.database, Review) == 0


async def test_esc_clears_a_half_typed_answer_and_stays_on_the_card(core: Core) -> None:
    profile_id = await spanish_learner(core.database, WINDOW)
    await promote_to_typing(core.database, profile_id)
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        await pilot.press("v", "e", "n")
        await press(pilot, "escape")
        assert current(pilot, LessonScreen) is screen
        assert screen.query_one("#answer", Input).value == ""
        assert pilot.app.focused is screen.query_one("#answer")


async def test_esc_with_cards_left_asks_and_esc_goes_back_to_the_card(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        await press(pilot, "escape")
        dialog = current(pilot, ConfirmDialog)
        left = screen.lesson.remaining
        assert dialog.question == f"End the lesson? {left} cards left."
        await press(pilot, "escape")
        assert current(pilot, LessonScreen) is screen and screen.lesson.position == 0
        await press(pilot, "escape", "n")
        assert current(pilot, LessonScreen) is screen
        await press(pilot, "escape", "y")
        assert current(pilot, SummaryScreen).summary.answered == 0


async def test_esc_ends_at_once_when_no_card_is_left(core: Core) -> None:
    await spanish_learner(core.database, [("gato", "noun", ("cat",), {})])
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        while (card := screen.lesson.current) is not None:
            if card.is_choice:
                await press(pilot, str(card.options.index(card.expected) + 1))
            else:
                await type_answer(pilot, card.expected)
            if screen.lesson.current is not None:
                await press(pilot, "enter")
        await press(pilot, "escape")
        assert current(pilot, SummaryScreen).summary.correct == 3


async def test_the_footer_lists_only_the_keys_that_apply(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        asking = {"dont_know", "edit", "suspend", "leave", "help"}
        assert footer_actions(pilot) - {"say"} == asking
        await choose_wrong(pilot, screen)
        verdict = {"next", "undo", "edit", "suspend", "leave", "help"}
        assert footer_actions(pilot) - {"say"} == verdict
        await press(pilot, "enter")
        assert footer_actions(pilot) - {"say"} == asking | {"undo"}


async def test_r_after_a_wrong_choice_says_why_it_is_not_offered(core: Core) -> None:
    await spanish_learner(core.database)
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        await choose_wrong(pilot, screen)
        await press(pilot, "r")
        assert notices(pilot)[-1] == (
            "“I was right” is for typed answers: an option is either exactly right or wrong."
        )
        assert text_of(words_app(pilot), "#feedback").startswith("✗ Wrong")


async def test_e_on_an_english_to_spanish_card_edits_the_spanish_answers(core: Core) -> None:
    profile_id = await spanish_learner(core.database, WINDOW)
    await promote_to_typing(core.database, profile_id)
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None
        if card.direction == Direction.FOREIGN_TO_NATIVE:
            await type_answer(pilot, card.expected)
            await press(pilot, "enter")
        card = screen.lesson.current
        assert card is not None and card.direction == Direction.NATIVE_TO_FOREIGN
        await type_answer(pilot, "cristal")
        assert text_of(pilot.app, "#feedback").startswith("✗ Wrong")
        await press(pilot, "e")
        dialog = current(pilot, EditWordDialog)
        assert text_of(pilot.app, "#edit-title") == "Spanish answers to “window”"
        field = dialog.query_one(Input)
        assert field.value == "ventana"
        field.value = "cristal"
        await press(pilot, "enter")
        assert current(pilot, EditWordDialog) is dialog  # the word itself must stay
        field.value = "ventana; cristal"
        await press(pilot, "enter")  # saved: the verdict is still on screen
        await press(pilot, "enter")
        assert screen.lesson.current is not None and screen.lesson.current.card_id == card.card_id
        await type_answer(pilot, "cristal")
        assert text_of(pilot.app, "#feedback").startswith("✓ Correct")
    spanish = next(c for c in await cards_of(core.database, profile_id, "ventana") if c.direction)
    assert spanish.accepted_extra == ["cristal"]
