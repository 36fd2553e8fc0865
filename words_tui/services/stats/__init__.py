"""Statistics: the summary screen, the progress history for charts, reminders, personal FSRS.

Imports `domain`, `infrastructure` (the rollups live with the database) and the vocabulary
capability's public surface (profiles). Front-ends use `Stats` (through `Core.stats`).
"""

from words_tui.infrastructure.llm.ledger import UsageRow
from words_tui.services.stats.facade import Stats
from words_tui.services.stats.fsrs_params import (
    FitReport,
    OptimizerUnavailable,
    TypedReview,
    fit_personal_parameters,
    histories,
)
from words_tui.services.stats.history import ProgressHistory, progress_history
from words_tui.services.stats.log import AnswerRecord, CardRecord
from words_tui.services.stats.queries import HardWord, ReviewBucket
from words_tui.services.stats.reminders import DaytimeWindow, Reminder, reminders
from words_tui.services.stats.summary import (
    Accuracy,
    Activity,
    RetentionPoint,
    StatisticsSummary,
    statistics_summary,
)

__all__ = [
    "Accuracy",
    "Activity",
    "AnswerRecord",
    "CardRecord",
    "DaytimeWindow",
    "FitReport",
    "HardWord",
    "OptimizerUnavailable",
    "ProgressHistory",
    "Reminder",
    "RetentionPoint",
    "ReviewBucket",
    "StatisticsSummary",
    "Stats",
    "TypedReview",
    "UsageRow",
    "fit_personal_parameters",
    "histories",
    "progress_history",
    "reminders",
    "statistics_summary",
]
