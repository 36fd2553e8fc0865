"""The bulk capability as a `Core` hands it out: `core.bulk`, the translation jobs left behind.

The engines themselves come with the word-source chain (`Core.word_sources`), which builds them.
"""

from __future__ import annotations

from words_tui.services.bulk.liveness import JobSummary, unfinished_jobs
from words_tui.services.parts import Parts


class Bulk:
    """Bulk translation jobs."""

    def __init__(self, parts: Parts) -> None:
        self._parts = parts

    async def unfinished_jobs(self, profile_id: int | None = None) -> list[JobSummary]:
        """Stopped, paused, failed or killed jobs (of one profile, when given), newest first;
        a job killed while running shows as stale, and resumable."""
        return await unfinished_jobs(self._parts.database, profile_id)  # heartbeats: real time
