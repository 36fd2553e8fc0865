"""The dashboard's FSRS tab: personal parameters fitted on request, with both log losses."""

from __future__ import annotations

from tests.notebook.conftest import NOW, SMALL_LEARNER
from words_tui.infrastructure.db.database import Database
from words_tui.notebook.fsrs_panel import FsrsPanel
from words_tui.services import Core
from words_tui.services.demo import populate_demo
from words_tui.settings import load_settings


async def test_with_too_few_typed_answers_the_panel_says_how_many_are_needed(
    sqlite_database: Database,
) -> None:
    core = Core(sqlite_database, load_settings())
    profile = await core.profiles.create("en", "es")
    assert profile.id is not None
    panel = FsrsPanel(core, profile.id)
    panel.fit_button.click()
    await panel.tasks.wait()
    assert panel.report is not None and not panel.report.kept
    assert panel.status.text == "0 typed reviews; 1,000 are needed"
    assert panel.result.value == ""
    assert not panel.fit_button.disabled


async def test_the_forgetful_demo_learner_gets_personal_parameters_that_predict_better(
    sqlite_database: Database,
) -> None:
    core = Core(sqlite_database, load_settings())
    demo = await populate_demo(core, SMALL_LEARNER, now=NOW)
    panel = FsrsPanel(core, demo.profile_id)
    report = await panel.fit()
    assert report.kept
    assert report.personal_log_loss is not None and report.default_log_loss is not None
    assert report.personal_log_loss < report.default_log_loss
    assert "FSRS defaults" in panel.result.value and "personal" in panel.result.value
