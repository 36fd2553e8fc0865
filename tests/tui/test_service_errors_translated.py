"""A service error reaches the learner in the interface language: the lesson's database refuses
an answer (a real failure inside SQLite) and a Russian learner reads why in Russian."""

from __future__ import annotations

from tests.builders import refusing_writes, spanish_learner
from tests.tui.pilot import current, open_screen, settle
from words_tui.services import Core
from words_tui.services.vocabulary.profiles import ProfileKnobs
from words_tui.tui.screens.lesson import LessonScreen


async def test_a_refused_answer_is_explained_in_russian(core: Core) -> None:
    await spanish_learner(core.database, knobs=ProfileKnobs(interface_lang="ru"))
    async with open_screen(core, "l") as pilot:
        screen = current(pilot, LessonScreen)
        card = screen.lesson.current
        assert card is not None and card.is_choice
        with refusing_writes(core.database, "reviews", "INSERT"):
            await pilot.press(str(card.options.index(card.expected) + 1))
            await settle(pilot)
        [notice] = [n.message for n in pilot.app._notifications]
        assert f"ваш ответ: не сохранено в {core.database.location}: disk I/O error" in notice
        assert "saved" not in notice
