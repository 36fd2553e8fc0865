"""Opening a notebook's workspace: the learner's own database, a language pair's profile, or the demo."""

from __future__ import annotations

import pytest

from tests.conftest import knobs_of
from tests.notebook.conftest import NOW
from words_tui.notebook.workspace import WorkspaceError, open_workspace
from words_tui.services import Core
from words_tui.services.demo import LearnerProfile

TINY = LearnerProfile(days=5, new_words_per_day=2)


async def test_the_demo_workspace_needs_no_key_and_has_a_history() -> None:
    workspace = await open_workspace(demo=True, learner=TINY, now=NOW)
    try:
        assert workspace.demo and workspace.llm_model is None
        assert workspace.profile.name == "Demo: Spanish"
        assert workspace.demo_path is not None and workspace.demo_path.exists()
        assert (await workspace.core.lessons.today(workspace.profile_id)).due > 0
    finally:
        await workspace.close()
    assert not workspace.demo_path.exists()


async def test_the_demo_uses_a_configured_endpoint_and_never_shows_its_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-never-shown-42")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    workspace = await open_workspace(demo=True, learner=TINY, now=NOW)
    try:
        assert workspace.core.llm_configured and await workspace.core.llm() is not None
        assert "sk-secret" not in repr(workspace)
    finally:
        await workspace.close()


async def test_without_a_profile_the_learner_is_told_how_to_make_one() -> None:
    with pytest.raises(WorkspaceError, match=r"has no profile .* run words-tui once"):
        await open_workspace()


async def test_the_learners_active_profile_is_opened_from_the_settings() -> None:
    async with Core.open() as core:
        await core.profiles.create("en", "ru")
        chosen = await core.profiles.create("en", "es")
    workspace = await open_workspace()
    try:
        assert not workspace.demo
        assert workspace.profile_id == chosen.id
        assert workspace.user == "tester"
    finally:
        await workspace.close()


async def test_a_language_pair_opens_its_profile_made_with_the_settings_knobs(
    profile_defaults_in_env: dict[str, float],
) -> None:
    workspace = await open_workspace(native="en", target="es", level="A1")
    try:
        assert knobs_of(workspace.profile) == profile_defaults_in_env
        lesson = await workspace.core.lessons.start_lesson(workspace.profile_id)
        assert len({c.card_id for c in lesson.cards}) == profile_defaults_in_env["new_per_day"]
        assert (lesson.config.desired_retention, lesson.config.typing_after) == (0.85, 4)
    finally:
        await workspace.close()
    again = await open_workspace(native="EN", target="es")
    try:
        assert again.profile_id == workspace.profile_id
    finally:
        await again.close()
