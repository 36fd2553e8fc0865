"""Bulk translation: thousands of words at the API's rate limit, resumable job by job.

Imports `domain` and `infrastructure` only. `BulkTranslator` is the engine; jobs and their items
persist in the database so an interrupted run resumes where it stopped.
"""

from words_tui.services.bulk.jobs import TOO_LONG, unfinished_jobs
from words_tui.services.bulk.pacing import in_flight_target
from words_tui.services.bulk.translator import (
    NO_SOURCE,
    BulkProgress,
    BulkResult,
    BulkTranslator,
    ItemFailure,
    ProgressCallback,
)

__all__ = [
    "NO_SOURCE",
    "TOO_LONG",
    "BulkProgress",
    "BulkResult",
    "BulkTranslator",
    "ItemFailure",
    "ProgressCallback",
    "in_flight_target",
    "unfinished_jobs",
]
