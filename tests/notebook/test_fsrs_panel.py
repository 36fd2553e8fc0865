"""The dashboard's FSRS tab: personal parameters fitted on request, with both log losses."""

from __future__ import annotations

from sqlalchemy import select

from tests.notebook.conftest import NOW, SMALL_LEARNER
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Card
from words_tui.notebook.fsrs_panel import FsrsPanel, counts_text
from words_tui.services import Core
from words_tui.services.demo import populate_demo
from words_tui.services.stats import FitReport
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


async def test_a_better_fit_is_offered_and_reschedules_only_when_the_learner_says_so(
    sqlite_database: Database,
) -> None:
    core = Core(sqlite_database, load_settings())
    demo = await populate_demo(core, SMALL_LEARNER, now=NOW)
    before = await due_dates(sqlite_database)
    panel = FsrsPanel(core, demo.profile_id)
    report = await panel.fit()
    assert report.better and not report.kept
    assert report.personal_log_loss is not None and report.default_log_loss is not None
    assert report.personal_log_loss < report.default_log_loss
    assert "FSRS defaults" in panel.result.value and "personal" in panel.result.value
    assert panel.question.layout.display == "" and not panel.keep_button.disabled
    assert await due_dates(sqlite_database) == before
    panel.keep_button.click()
    await panel.tasks.wait()
    assert panel.rescheduled is not None and panel.rescheduled > 0
    assert panel.status.text == f"personal parameters kept; {panel.rescheduled:,} cards rescheduled"
    assert await due_dates(sqlite_database) != before
    assert panel.question.layout.display == "none"


async def test_keeping_the_defaults_changes_nothing(sqlite_database: Database) -> None:
    core = Core(sqlite_database, load_settings())
    demo = await populate_demo(core, SMALL_LEARNER, now=NOW)
    before = await due_dates(sqlite_database)
    panel = FsrsPanel(core, demo.profile_id)
    await panel.fit()
    panel.skip_button.click()
    assert panel.status.text == "kept the defaults: nothing was rescheduled"
    assert await due_dates(sqlite_database) == before


def test_the_fit_counts_add_up_to_the_typed_answers() -> None:
    report = FitReport(reviews=2039, kept=False, message="", train_items=1004, test_items=257)
    assert counts_text(report) == (
        "2,039 typed answers: 1,004 fitted the parameters, 257 were held out to judge them, "
        "778 are no FSRS item (a card's first answer, or another answer the same day)."
    )
    assert report.train_items + report.test_items + report.unused == report.reviews


async def due_dates(database: Database) -> list[object]:
    async with database.session() as session:
        return list((await session.execute(select(Card.due).order_by(Card.id))).scalars())


def test_the_buttons_are_as_wide_as_their_labels(sqlite_database: Database) -> None:
    panel = FsrsPanel(Core(sqlite_database, load_settings()), 1)
    buttons = (panel.fit_button, panel.keep_button, panel.skip_button)
    assert [button.layout.width for button in buttons] == ["auto", "auto", "auto"]
