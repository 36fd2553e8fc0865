"""ProgressDashboard as a Python object: refresh, click, read what it shows."""

from __future__ import annotations

from tests.notebook.conftest import NOW, BuiltDemo
from words_tui.infrastructure.db.database import Database
from words_tui.notebook.analysis import load_progress
from words_tui.notebook.charts import CHARTS, all_charts
from words_tui.notebook.dashboard import ProgressDashboard
from words_tui.services import Core
from words_tui.settings import load_settings

PNG = b"\x89PNG\r\n\x1a\n"


async def test_refresh_draws_every_chart_and_fills_the_summary(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    board = ProgressDashboard(demo_core, built_demo.profile_id)
    frames = await board.refresh()
    assert set(board.images) == set(CHARTS)
    assert all(bytes(image.value).startswith(PNG) for image in board.images.values())
    assert f"{built_demo.reviews}" in board.summary.value
    assert frames.hardest.iloc[0]["word"] in board.hardest_table.value
    assert board.status.kind == "ok"


async def test_clicking_refresh_loads_in_the_background(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    board = ProgressDashboard(demo_core, built_demo.profile_id)
    board.refresh_button.click()
    assert board.tasks.busy("refresh")
    await board.tasks.wait()
    assert board.frames is not None
    assert not board.refresh_button.disabled


async def test_a_failed_refresh_is_shown_in_the_status_line(demo_core: Core) -> None:
    board = ProgressDashboard(demo_core, 999)
    board.refresh_button.click()
    await board.tasks.wait()
    assert board.status.kind == "error"
    assert board.status.text == "no profile 999"
    assert not board.refresh_button.disabled


async def test_charts_of_a_learner_without_answers_say_so_instead_of_failing(
    sqlite_database: Database,
) -> None:
    core = Core(sqlite_database, load_settings(user="newcomer"), clock=lambda: NOW)
    fresh = await core.profiles.create("en", "es")
    assert fresh.id is not None
    frames = await load_progress(core, fresh.id)
    texts = {
        name: [text.get_text() for axes in figure.axes for text in axes.texts]
        for name, figure in all_charts(frames).items()
    }
    assert texts["answers per day"] == ["no answers yet"]
    assert texts["hardest words"] == ["no word forgotten yet"]
