"""What a notebook works on: a `Core` (the learner's database, settings and LLM) and one profile.

    ws = await open_workspace(demo=True)                  # a throwaway database with months of history
    ws = await open_workspace()                           # your own words: the quiz's active profile
    ws = await open_workspace(native="en", target="de")   # that pair's profile, created if missing

The first cell of every notebook opens one; the components take it and reach the services
through `ws.core`. Demo mode needs no API key: it translates with the configured endpoint when
there is one (a local server, say) and from the bundled starter vocabulary otherwise.
"""

from __future__ import annotations

import shutil
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from words_tui.domain.enums import Level
from words_tui.services import Core
from words_tui.services.demo import LearnerProfile, build_demo
from words_tui.services.vocabulary import Profile, ProfileKnobs
from words_tui.settings import Settings


class WorkspaceError(LookupError):
    """The notebook cannot start: no profile yet, or the one asked for is not the learner's."""


@dataclass
class Workspace:
    """The notebook's connection to the learner's data (never shows the API key)."""

    core: Core
    profile: Profile
    demo: bool
    demo_path: Path | None = None
    _delete_demo: Callable[[], object] | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        return self.core.settings

    @property
    def user(self) -> str:
        return self.core.user

    @property
    def profile_id(self) -> int:
        assert self.profile.id is not None
        return self.profile.id

    @property
    def llm_model(self) -> str | None:
        """The model that translates, or None when no LLM endpoint is configured."""
        return self.settings.llm_model if self.core.llm_configured else None

    def __repr__(self) -> str:
        kind = f"demo database {self.demo_path}" if self.demo else self.core.database_location
        return (
            f"Workspace(profile={self.profile.name!r}, "
            f"{self.profile.target_lang} from {self.profile.native_lang}, {kind}, "
            f"llm={self.llm_model!r})"
        )

    async def close(self) -> None:
        """Close the core (the LLM client's and the database's connections); a demo database
        is deleted."""
        await self.core.close()
        if self._delete_demo is not None:
            self._delete_demo()


async def open_workspace(
    demo: bool = False,
    *,
    profile_id: int | None = None,
    native: str | None = None,
    target: str | None = None,
    level: Level | str = Level.A1,
    settings: Settings | None = None,
    learner: LearnerProfile | None = None,
    now: datetime | None = None,
) -> Workspace:
    """Open the learner's database (or build the demo one) and pick the profile to work on.

    The profile is `profile_id`; else the learner's profile for `native` → `target` (created at
    `level` when there is none, with the lesson knobs of the settings and the starter words of
    its level); else the active profile — the one the quiz shows.
    """
    if demo:
        core, built = await build_demo(settings, learner=learner, now=now)
        profile = await core.profiles.get(built.profile_id)
        assert built.path is not None
        # Deleted by `close`, else when the core is collected or the kernel exits (a notebook
        # closed without its last cell leaves no demo folder behind in the temp directory).
        folder = built.path.parent
        delete = weakref.finalize(core, shutil.rmtree, folder, ignore_errors=True)
        return Workspace(core, profile, demo=True, demo_path=built.path, _delete_demo=delete)
    core = await Core.connect(settings)
    try:
        profile = await _profile(core, profile_id, native, target, level)
    except BaseException:
        await core.close()
        raise
    return Workspace(core, profile, demo=False)


async def _profile(
    core: Core, profile_id: int | None, native: str | None, target: str | None, level: Level | str
) -> Profile:
    if profile_id is not None:
        return await core.profiles.get(profile_id)
    if native is not None and target is not None:
        return await _profile_for_pair(core, native, target, level)
    profile = await core.profiles.active()
    if profile is None:
        raise WorkspaceError(
            f"learner '{core.user}' has no profile in {core.database_location} yet: run "
            "words-tui once to create one, open one for a language pair with "
            "open_workspace(native='en', target='de'), or open the demo with "
            "open_workspace(demo=True)"
        )
    return profile


async def _profile_for_pair(core: Core, native: str, target: str, level: Level | str) -> Profile:
    """The learner's first profile for the pair, or a new one (the quiz's active profile stays)."""
    wanted = (native.strip().lower(), target.strip().lower())
    for profile in await core.profiles.all():
        if (profile.native_lang, profile.target_lang) == wanted:
            return profile
    profile = await core.profiles.create(native, target, level, ProfileKnobs(), activate=False)
    assert profile.id is not None
    if {profile.native_lang, profile.target_lang} <= core.vocabulary.starter_languages:
        await core.vocabulary.fill_from_starter(profile.id)
    return profile
