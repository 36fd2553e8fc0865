"""The statistics capability as a `Core` hands it out: `core.stats`.

Bound to the core's database, learner, clock and settings (the reminder window and quiet hours,
the LLM prices), so front-ends pass a profile and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from words_tui.infrastructure.llm.ledger import UsageRow, usage_by_day
from words_tui.services.parts import Parts
from words_tui.services.stats import log
from words_tui.services.stats.fsrs_params import FitReport, fit_personal_parameters, keep_parameters
from words_tui.services.stats.history import ProgressHistory, progress_history
from words_tui.services.stats.log import AnswerRecord, CardRecord
from words_tui.services.stats.reminders import DaytimeWindow, Reminder, reminders
from words_tui.services.stats.summary import (
    Activity,
    StatisticsSummary,
    recent_activity,
    statistics_summary,
)


class Stats:
    """Summaries, progress history, reminders, personal FSRS parameters, LLM usage."""

    def __init__(self, parts: Parts) -> None:
        self._parts = parts

    async def summary(self, profile_id: int) -> StatisticsSummary:
        """Counts by status, streak, retention, forecast, heatmap, hardest words — as of now."""
        return await statistics_summary(self._parts.database, profile_id, self._parts.now())

    async def activity(self, profile_id: int, days: int) -> Activity:
        """The streak and the reviews of each of the last `days` days (the home screen's)."""
        return await recent_activity(self._parts.database, profile_id, self._parts.now(), days)

    async def history(self, profile_id: int) -> ProgressHistory:
        """Everything the progress charts are drawn from."""
        return await progress_history(self._parts.database, profile_id, self._parts.now())

    async def reminders(
        self, *, quiet_hours: float | None = None, window: DaytimeWindow | None = None
    ) -> list[Reminder]:
        """The learner's profiles that should be reminded now; the quiet hours and the window
        default to the `remind_after_hours` and `remind_window` settings."""
        settings = self._parts.settings
        return await reminders(
            self._parts.database,
            self._parts.user,
            self._parts.now(),
            quiet_hours=settings.remind_after_hours if quiet_hours is None else quiet_hours,
            window=window or DaytimeWindow.parse(settings.remind_window),
        )

    async def fit_fsrs(self, profile_id: int, *, keep: bool = True) -> FitReport:
        """Fit personal FSRS parameters to the profile's typed answers; keep them if better
        (with `keep=False`, only say whether they are: `keep_fsrs` then keeps them)."""
        return await fit_personal_parameters(self._parts.database, profile_id, keep=keep)

    async def keep_fsrs(self, profile_id: int, parameters: Sequence[float]) -> int:
        """Keep fitted parameters and reschedule the profile's cards; how many were."""
        return await keep_parameters(self._parts.database, profile_id, parameters)

    async def answers(self, profile_id: int, since: datetime | None = None) -> list[AnswerRecord]:
        """Every answer of the profile (from `since`), oldest first, for tables and charts."""
        return await log.answers(self._parts.database, profile_id, since)

    async def cards(self, profile_id: int) -> list[CardRecord]:
        """Every card of the profile with its recall probability now."""
        return await log.cards(self._parts.database, profile_id, self._parts.now())

    async def llm_usage(self, days: int, *, everyone: bool = False) -> list[UsageRow]:
        """The learner's LLM calls, tokens and estimated cost (the `llm_prices` setting) of the
        last days; `everyone`: all learners' on a shared database."""
        since = self._parts.now() - timedelta(days=days)
        return await usage_by_day(
            self._parts.database,
            self._parts.settings.llm_prices,
            learner=None if everyone else self._parts.user,
            since=since,
        )
