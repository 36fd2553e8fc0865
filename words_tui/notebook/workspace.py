"""What a notebook works on: a database, the learner's profile, the settings and the LLM client.

    ws = await open_workspace(demo=True)     # a throwaway database with months of history
    ws = await open_workspace()              # your own words, from the settings (words-tui's database)

The first cell of every notebook opens one; the components take it. Demo mode needs no API key:
it translates with the configured endpoint when there is one (a local server, say) and from the
bundled starter vocabulary otherwise.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Profile
from words_tui.infrastructure.llm.factory import llm_from_settings
from words_tui.infrastructure.llm.protocols import LLMService
from words_tui.notebook.demo import build_demo
from words_tui.notebook.demo_learner import LearnerProfile
from words_tui.services.vocabulary.profiles import active_profile, get_profile
from words_tui.settings import Settings, load_settings


class WorkspaceError(LookupError):
    """The notebook cannot start: no profile yet, or the one asked for is not the learner's."""


@dataclass
class Workspace:
    """The notebook's connection to the learner's data (never shows the API key)."""

    database: Database
    profile: Profile
    settings: Settings
    llm: LLMService | None
    demo: bool
    demo_path: Path | None = None

    @property
    def user(self) -> str:
        return self.settings.user

    @property
    def profile_id(self) -> int:
        assert self.profile.id is not None
        return self.profile.id

    def __repr__(self) -> str:
        kind = f"demo database {self.demo_path}" if self.demo else self.database.location
        return (
            f"Workspace(profile={self.profile.name!r}, "
            f"{self.profile.target_lang} from {self.profile.native_lang}, {kind}, "
            f"llm={self.llm.model if self.llm is not None else None!r})"
        )

    async def close(self) -> None:
        """Close the LLM client's and the database's connections; a demo database is deleted."""
        if self.llm is not None:
            await self.llm.aclose()
        await self.database.close()
        if self.demo_path is not None:
            shutil.rmtree(self.demo_path.parent, ignore_errors=True)


async def open_workspace(
    demo: bool = False,
    *,
    profile_id: int | None = None,
    settings: Settings | None = None,
    learner: LearnerProfile | None = None,
    now: datetime | None = None,
) -> Workspace:
    """Open the learner's database (or build the demo one) and pick the profile to work on.

    Without `profile_id` the active profile is used — the one the quiz shows.
    """
    settings = settings or load_settings()
    if demo:
        built = await build_demo(learner=learner, now=now)
        settings = settings.model_copy(update={"user": built.user})
        profile = await get_profile(built.database, built.user, built.profile_id)
        llm = llm_from_settings(settings, built.database)
        return Workspace(built.database, profile, settings, llm, demo=True, demo_path=built.path)
    database = Database.from_settings(settings)
    await database.init()
    try:
        profile = await _profile(database, settings.user, profile_id)
    except BaseException:
        await database.close()
        raise
    return Workspace(database, profile, settings, llm_from_settings(settings, database), demo=False)


async def _profile(database: Database, user: str, profile_id: int | None) -> Profile:
    if profile_id is not None:
        return await get_profile(database, user, profile_id)
    profile = await active_profile(database, user)
    if profile is None:
        raise WorkspaceError(
            f"learner '{user}' has no profile in {database.location} yet: run words-tui once to "
            "create one, or open the demo with open_workspace(demo=True)"
        )
    return profile
