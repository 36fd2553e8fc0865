"""The bulk capability as a `Core` hands it out: `core.bulk`, the translation jobs left behind.

The engines themselves come with the word-source chain (`Core.word_sources`), which builds them.
"""

from __future__ import annotations

from words_tui.infrastructure.db.models import BulkJob
from words_tui.services.bulk.jobs import unfinished_jobs
from words_tui.services.parts import Parts


class Bulk:
    """Bulk translation jobs."""

    def __init__(self, parts: Parts) -> None:
        self._parts = parts

    async def unfinished_jobs(self, profile_id: int | None = None) -> list[BulkJob]:
        """Interrupted, cancelled or abandoned jobs (of one profile, when given), newest first."""
        jobs = await unfinished_jobs(self._parts.database)
        return [job for job in jobs if profile_id is None or job.profile_id == profile_id]
