"""The composition root: one `Core` from the settings hands out every service, configured by them."""

from __future__ import annotations

from pathlib import Path

from tests.builders import T0
from tests.conftest import PROFILE_DEFAULTS, knobs_of
from tests.llm_server import FakeLLMServer
from tests.starter_samples import sample_starter
from tests.test_dictd import build_dictionary
from words_tui.infrastructure.db.database import Database
from words_tui.services import Core
from words_tui.services.vocabulary import LLM_NOT_ASKED, SETTING_KNOBS, ProfileKnobs
from words_tui.settings import load_settings


def test_every_profile_default_of_the_settings_is_covered() -> None:
    assert set(SETTING_KNOBS) == set(PROFILE_DEFAULTS)


async def test_open_reads_the_settings_migrates_and_closes(
    isolated_settings: Path, profile_defaults_in_env: dict[str, float]
) -> None:
    async with Core.open() as core:
        assert core.settings.lesson_size == PROFILE_DEFAULTS["lesson_size"]
        assert core.revision == (await core.schema()).head
        assert core.database_location == str(isolated_settings / "data" / "words.db")
    assert (isolated_settings / "data" / "words.db").exists()


async def test_opened_without_migrating_the_database_is_left_as_it_is(
    isolated_settings: Path,
) -> None:
    settings = load_settings()
    assert not Core.has_database(settings)
    async with Core.open(settings, migrate=False) as core:
        assert not Core.has_database(settings)
        assert core.revision is None
        assert (await core.schema()).current is None


async def test_a_new_profile_takes_its_knobs_from_the_settings(
    sqlite_database: Database, profile_defaults_in_env: dict[str, float]
) -> None:
    core = Core(sqlite_database, load_settings(), starter=sample_starter())
    profile = await core.profiles.create("en", "es", "A1")
    assert knobs_of(profile) == profile_defaults_in_env


async def test_knobs_given_for_a_new_profile_win_over_the_settings(
    sqlite_database: Database, profile_defaults_in_env: dict[str, float]
) -> None:
    core = Core(sqlite_database, load_settings())
    profile = await core.profiles.create("en", "es", "A1", ProfileKnobs(lesson_size=9))
    assert (profile.lesson_size, profile.new_per_day) == (9, PROFILE_DEFAULTS["new_per_day"])


async def test_lessons_of_a_new_profile_follow_the_settings(
    sqlite_database: Database, profile_defaults_in_env: dict[str, float]
) -> None:
    core = Core(sqlite_database, load_settings(), clock=lambda: T0, starter=sample_starter())
    profile = await core.profiles.create("en", "es", "B1", ProfileKnobs(new_per_day=100))
    assert profile.id is not None
    await core.vocabulary.fill_from_starter(profile.id)
    lesson = await core.lessons.start_lesson(profile.id)
    assert len(lesson.cards) == PROFILE_DEFAULTS["lesson_size"]
    assert (lesson.config.desired_retention, lesson.config.typing_after) == (0.85, 4)


async def test_new_words_per_day_from_the_settings_limit_today(
    sqlite_database: Database, profile_defaults_in_env: dict[str, float]
) -> None:
    core = Core(sqlite_database, load_settings(), clock=lambda: T0, starter=sample_starter())
    profile = await core.profiles.create("en", "es", "A1")
    assert profile.id is not None
    await core.vocabulary.fill_from_starter(profile.id)
    assert (await core.lessons.today(profile.id)).new == PROFILE_DEFAULTS["new_per_day"]


async def test_lessons_take_judge_timeout_mastery_and_leeches_from_the_settings(
    sqlite_database: Database,
) -> None:
    settings = load_settings(judge_timeout_s=2.5, mastery_streak=12, leech_lapses=5)
    lessons = Core(sqlite_database, settings).lessons
    assert lessons.checker.judge_timeout_s == 2.5
    assert (lessons.scheduling.mastery_streak, lessons.scheduling.leech_lapses) == (12, 5)


async def test_the_word_source_chain_is_built_from_the_settings(
    database: Database, llm_server: FakeLLMServer, tmp_path: Path
) -> None:
    settings = load_settings(
        openai_api_key=llm_server.api_key,
        openai_base_url=llm_server.base_url,
        llm_model="m1",
        llm_batch_size=3,
        dictd_paths=[build_dictionary(tmp_path)],
    )
    core = Core(database, settings)
    sources = await core.word_sources()

    found = await sources.translate(["Haus", "Baum", "Katze", "Hund", "Maus"], "de", "en")
    offline = await (await core.word_sources(llm=False)).translate(["Igel"], "de", "en")
    await core.close()

    assert found.entries["Haus"].source == "dictd:deu-eng"
    assert found.by_source["llm"] == 4
    assert sorted(len(r.words) for r in llm_server.records) == [1, 3]
    assert offline.failures == {"Igel": LLM_NOT_ASKED} and not offline.entries


async def test_without_an_llm_the_chain_has_no_bulk_engine(sqlite_database: Database) -> None:
    sources = await Core(sqlite_database, load_settings()).word_sources()
    assert sources.bulk is None and sources.llm is None


async def test_the_llm_client_is_built_once_and_closed_with_the_core(
    llm_server: FakeLLMServer, sqlite_database: Database
) -> None:
    settings = load_settings(openai_api_key=llm_server.api_key, openai_base_url=llm_server.base_url)
    core = Core(sqlite_database, settings)
    assert core.llm_configured and not core.llm_ready
    first = await core.llm()
    assert first is not None and core.llm_ready
    assert await core.llm() is first
    await core.close()
    assert not core.llm_ready
