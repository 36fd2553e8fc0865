"""BulkImport as a Python object: paste or upload, preview, translate against the local
OpenAI-compatible server, stop and resume, fix rows, commit — then read the database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.builders import meanings_of
from tests.llm_server import FakeLLMServer, fake_translation
from words_tui.domain.enums import JobStatus
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Profile
from words_tui.notebook.bulk_import import BulkImport
from words_tui.services import Core
from words_tui.services.vocabulary import NO_LLM
from words_tui.services.vocabulary.profiles import create_profile
from words_tui.settings import load_settings


@pytest.fixture
async def profile(sqlite_database: Database) -> Profile:
    return await create_profile(sqlite_database, "tester", "en", "es")


@pytest.fixture
async def judged(llm_server: FakeLLMServer, sqlite_database: Database) -> AsyncIterator[Core]:
    """A core with the LLM on the local test server."""
    settings = load_settings(
        openai_api_key=llm_server.api_key,
        openai_base_url=llm_server.base_url,
        llm_requests_per_minute=6000,
        llm_max_concurrent=1,
        llm_batch_size=5,
    )
    core = Core(sqlite_database, settings)
    yield core
    await core.close()


@pytest.fixture
def offline(sqlite_database: Database) -> Core:
    """A core without an LLM."""
    return Core(sqlite_database, load_settings())


def importer(core: Core, profile: Profile) -> BulkImport:
    return BulkImport(core, [profile], profile_id=profile.id)


async def click(bulk: BulkImport, button: Any) -> None:
    button.click()
    await bulk.tasks.wait()
    assert bulk.status.kind != "error", bulk.status.text


async def test_a_pasted_list_is_previewed_translated_fixed_and_committed(
    sqlite_database: Database, profile: Profile, judged: Core, llm_server: FakeLLMServer
) -> None:
    bulk = importer(judged, profile)
    bulk.text.value = "perro\nzzyzxa\nqwertz\nperro\n42\n"
    await click(bulk, bulk.preview_button)
    assert "<b>3</b> new words" in bulk.preview_box.value
    assert "<b>1</b> repeated line" in bulk.preview_box.value
    assert "pasted text:5" in bulk.preview_box.value and "has no letters" in bulk.preview_box.value
    await click(bulk, bulk.translate_button)
    assert sorted(llm_server.requested_words()) == ["qwertz", "zzyzxa"]
    assert bulk.progress.bar.value == bulk.progress.bar.max == 2
    rows = {row.word: row for row in bulk.grid.rows}
    assert "dog" in rows["perro"].chosen and rows["perro"].source == "starter"
    assert rows["zzyzxa"].chosen[0] == fake_translation("zzyzxa", "en")
    bulk.grid.lines[1].meanings.value = ["fixed"]
    bulk.grid.lines[2].keep.value = False
    await click(bulk, bulk.commit_button)
    assert bulk.report is not None and bulk.report.summary() == "2 added, 0 updated, 0 unchanged"
    words = await meanings_of(sqlite_database, profile)
    assert set(words) == {"perro", "zzyzxa"} and words["zzyzxa"] == ["fixed"]


async def test_stop_leaves_a_job_that_resumes_without_paying_twice(
    sqlite_database: Database, profile: Profile, judged: Core, llm_server: FakeLLMServer
) -> None:
    words = [f"zq{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(40)]
    bulk = importer(judged, profile)
    bulk.text.value = "\n".join(words)
    await click(bulk, bulk.preview_button)
    llm_server.set_latency(0.2)
    first_batch = asyncio.Event()
    bulk.progress.bar.observe(lambda _: first_batch.set(), names="value")
    bulk.translate_button.click()
    await first_batch.wait()
    assert not bulk.stop_button.disabled
    bulk.stop_button.click()
    await bulk.tasks.wait()
    stopped = bulk.translation
    assert stopped is not None and stopped.result is not None
    assert stopped.result.status == JobStatus.CANCELLED and stopped.pending
    assert bulk.jobs.value is None and stopped.result.job_id in dict(bulk.jobs.options).values()
    finished = set(stopped.entries)
    llm_server.set_latency(0.0)
    llm_server.reset_log()
    bulk.jobs.value = stopped.result.job_id
    await click(bulk, bulk.resume_button)
    assert not finished & set(llm_server.requested_words())
    assert {row.word for row in bulk.grid.rows if row.ready} == set(words)
    await click(bulk, bulk.commit_button)
    assert len(await meanings_of(sqlite_database, profile)) == len(words)


async def test_without_an_llm_starter_words_translate_and_the_others_say_why(
    sqlite_database: Database, profile: Profile, offline: Core
) -> None:
    bulk = importer(offline, profile)
    bulk.text.value = "gato\nzzyzxa\n"
    await click(bulk, bulk.preview_button)
    await click(bulk, bulk.translate_button)
    rows = {row.word: row for row in bulk.grid.rows}
    assert rows["gato"].ready and not rows["zzyzxa"].ready
    assert rows["zzyzxa"].error == NO_LLM
    assert NO_LLM in bulk.grid.lines[1].note.value
    assert bulk.progress.bar.bar_style == "warning"
    assert not bulk.commit_button.disabled


async def test_an_uploaded_table_is_read_from_the_chosen_columns(
    sqlite_database: Database, profile: Profile, offline: Core
) -> None:
    bulk = importer(offline, profile)
    content = b"english;spanish\ndog;perro\ncat;gato\n"
    bulk.upload.value = (
        {
            "name": "animals.csv",
            "type": "text/csv",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime(2030, 1, 1, tzinfo=UTC),
        },
    )
    await bulk.tasks.wait()
    assert bulk.header.value
    bulk.word_column.value = "spanish"
    bulk.translation_column.value = "english"
    await click(bulk, bulk.preview_button)
    assert bulk.translate_button.disabled
    assert [(row.word, row.chosen) for row in bulk.grid.rows] == [
        ("perro", ["dog"]),
        ("gato", ["cat"]),
    ]
    await click(bulk, bulk.commit_button)
    assert await meanings_of(sqlite_database, profile) == {"perro": ["dog"], "gato": ["cat"]}


async def test_previewing_nothing_says_what_to_do(
    sqlite_database: Database, profile: Profile, offline: Core
) -> None:
    bulk = importer(offline, profile)
    bulk.preview_button.click()
    await bulk.tasks.wait()
    assert bulk.status.kind == "error"
    assert bulk.status.text == "nothing to import: paste some words or upload a file"
    assert not bulk.preview_button.disabled
