"""Bulk translation: thousands of words at the API's rate limit, resumable job by job.

Imports `domain` and `infrastructure` only. `BulkTranslator` is the engine — the LLM end of the
word-source chain (`vocabulary.WordSources` asks the free sources first); jobs and their items
persist in the database so an interrupted run resumes where it stopped. Front-ends get engines
with the word-source chain (`Core.word_sources`) and the jobs from `Bulk` (`Core.bulk`).
"""

from words_tui.services.bulk.facade import Bulk
from words_tui.services.bulk.jobs import TOO_LONG
from words_tui.services.bulk.liveness import JobBusy, JobSummary, unfinished_jobs
from words_tui.services.bulk.pacing import in_flight_target
from words_tui.services.bulk.progress import (
    BulkProgress,
    BulkResult,
    BulkState,
    ItemFailure,
    ProgressCallback,
)
from words_tui.services.bulk.translator import NO_SOURCE, BulkTranslator

__all__ = [
    "NO_SOURCE",
    "TOO_LONG",
    "Bulk",
    "BulkProgress",
    "BulkResult",
    "BulkState",
    "BulkTranslator",
    "ItemFailure",
    "JobBusy",
    "JobSummary",
    "ProgressCallback",
    "in_flight_target",
    "unfinished_jobs",
]
