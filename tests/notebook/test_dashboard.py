"""ProgressDashboard as a Python object: refresh, click, read what it shows."""

from __future__ import annotations

import struct
from dataclasses import replace

import pandas as pd
from matplotlib.figure import Figure

from tests.notebook.conftest import NOW, BuiltDemo
from words_tui.infrastructure.db.database import Database
from words_tui.notebook.analysis import load_progress
from words_tui.notebook.chart_parts import png, svg
from words_tui.notebook.charts import CHARTS, all_charts, calendar_weeks
from words_tui.notebook.dashboard import ProgressDashboard
from words_tui.services import Core
from words_tui.settings import load_settings

SVG = b"<?xml"


async def test_refresh_draws_every_chart_and_fills_the_summary(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    board = ProgressDashboard(demo_core, built_demo.profile_id)
    frames = await board.refresh()
    assert set(board.images) == set(CHARTS)
    assert all(bytes(image.value).startswith(SVG) for image in board.images.values())
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


async def test_the_period_choice_loads_and_draws_that_period(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    board = ProgressDashboard(demo_core, built_demo.profile_id)
    board.period.value = 0
    await board.tasks.wait()
    assert board.frames is not None and len(board.frames.reviews_per_day) > 30
    everything = len(board.frames.answers)
    board.period.value = 30
    await board.tasks.wait()
    assert len(board.frames.reviews_per_day) == 30
    assert 0 < len(board.frames.answers) < everything
    assert board.frames.answers["time"].min() >= pd.Timestamp("2030-01-31 00:00")


async def test_the_today_tab_shows_the_study_days_block(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    board = ProgressDashboard(demo_core, built_demo.profile_id)
    await board.refresh()
    assert "today (2030-03-01)" in board.today.value and "new cards seen" in board.today.value


async def test_charts_show_percentages_the_target_line_and_legends_beside_the_data(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    frames = await load_progress(demo_core, built_demo.profile_id)
    figures = all_charts(frames)
    left = figures["retention"].axes[0]
    assert left.yaxis.get_major_formatter().format_ticks([0.8, 0.9]) == ["80%", "90%"]
    target = [line for line in left.get_lines() if line.get_label() == "target 90%"]
    assert target and list(target[0].get_ydata()) == [0.9, 0.9]
    answers = figures["answers per day"]
    answers.canvas.draw()
    axes_box = answers.axes[0].get_window_extent()
    legend_box = answers.axes[0].get_legend().get_window_extent()
    assert legend_box.x0 >= axes_box.x1


async def test_the_calendar_spans_the_history_not_a_whole_year(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    frames = await load_progress(demo_core, built_demo.profile_id)
    assert calendar_weeks(frames) == 12  # 75 days of history: parts of 12 calendar weeks
    image = all_charts(frames)["calendar"].axes[0].get_images()[0]
    assert image.get_array().shape == (7, 12)
    long = replace(
        frames,
        reviews_per_day=frames.reviews_per_day.reindex(
            pd.date_range("2027-01-01", frames.reviews_per_day.index[-1]), fill_value=1
        ),
    )
    assert calendar_weeks(long) == 53


def test_dashboard_pictures_are_svg_and_files_are_144_dpi() -> None:
    made = Figure(figsize=(2, 1))
    assert svg(made).startswith(SVG)
    picture = png(made)
    assert struct.unpack(">II", picture[16:24]) == (288, 144)
