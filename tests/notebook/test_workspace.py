"""Opening a notebook's workspace: the learner's own database, or the demo."""

from __future__ import annotations

import pytest

from tests.notebook.conftest import NOW
from words_tui.infrastructure.db.database import Database
from words_tui.notebook.demo_learner import LearnerProfile
from words_tui.notebook.workspace import WorkspaceError, open_workspace
from words_tui.services.vocabulary.profiles import create_profile
from words_tui.settings import load_settings

TINY = LearnerProfile(days=5, new_words_per_day=2)


async def test_the_demo_workspace_needs_no_key_and_has_a_history() -> None:
    workspace = await open_workspace(demo=True, learner=TINY, now=NOW)
    try:
        assert workspace.demo and workspace.llm is None
        assert workspace.profile.name == "Demo: Spanish"
        assert workspace.demo_path is not None and workspace.demo_path.exists()
    finally:
        await workspace.close()


async def test_the_demo_uses_a_configured_endpoint_and_never_shows_its_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-never-shown-42")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    workspace = await open_workspace(demo=True, learner=TINY, now=NOW)
    try:
        assert workspace.llm is not None
        assert "sk-secret" not in repr(workspace)
    finally:
        await workspace.close()


async def test_without_a_profile_the_learner_is_told_how_to_make_one() -> None:
    with pytest.raises(WorkspaceError, match=r"has no profile .* run words-tui once"):
        await open_workspace()


async def test_the_learners_active_profile_is_opened_from_the_settings() -> None:
    settings = load_settings()
    database = Database(settings.effective_database_url)
    await database.init()
    await create_profile(database, settings.user, "en", "ru", activate=True)
    chosen = await create_profile(database, settings.user, "en", "es", activate=True)
    await database.close()
    workspace = await open_workspace()
    try:
        assert not workspace.demo
        assert workspace.profile_id == chosen.id
        assert workspace.user == "tester"
    finally:
        await workspace.close()
