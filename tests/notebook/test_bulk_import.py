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
from tests.test_bulk_outages import DEAD_END_LIMIT_S, core_for
from words_tui.domain.enums import JobStatus
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.db.models import Profile
from words_tui.notebook.bulk_import import NO_JOB, BulkImport
from words_tui.notebook.bulk_progress import ProgressView
from words_tui.services import Core
from words_tui.services.bulk import BulkProgress, BulkState
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


async def translated(core: Core, profile: Profile, text: str) -> BulkImport:
    """An import of `text`, previewed and translated."""
    bulk = importer(core, profile)
    bulk.text.value = text
    await click(bulk, bulk.preview_button)
    await click(bulk, bulk.translate_button)
    return bulk


async def upload(bulk: BulkImport, content: bytes, name: str = "animals.csv") -> None:
    """Upload a file as the browser does, and wait for its columns to be offered."""
    bulk.upload.value = (
        {
            "name": name,
            "type": "text/csv",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime(2030, 1, 1, tzinfo=UTC),
        },
    )
    await bulk.tasks.wait()


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


async def test_stop_and_resume_keep_every_row_its_line_and_its_edits(
    sqlite_database: Database, profile: Profile, judged: Core, llm_server: FakeLLMServer
) -> None:
    words = [f"zq{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(40)]
    bulk = importer(judged, profile)
    bulk.text.value = "\n".join(["perro", "gato", *words])
    await click(bulk, bulk.preview_button)
    llm_server.set_latency(0.2)
    first_batch = asyncio.Event()
    bulk.progress.bar.observe(lambda _: first_batch.set(), names="value")
    bulk.translate_button.click()
    await first_batch.wait()
    assert not bulk.stop_button.disabled and bulk.commit_button.disabled
    filled = [row.word for row in bulk.grid.rows if row.offered and row.source != "starter"]
    assert filled, "rows fill in as batches finish"
    bulk.stop_button.click()
    await bulk.tasks.wait()
    stopped = bulk.translation
    assert stopped is not None and stopped.result is not None
    assert stopped.result.status == JobStatus.CANCELLED and stopped.pending
    assert bulk.jobs.value == NO_JOB and stopped.result.job_id in dict(bulk.jobs.options).values()
    assert len(bulk.grid.rows) == 42
    pending = next(row for row in bulk.grid.rows if row.word == stopped.pending[0])
    assert pending.error.startswith("not translated yet: resume job")
    bulk.grid.lines[0].meanings.value = ["hound"]
    finished = set(stopped.entries)
    llm_server.set_latency(0.0)
    llm_server.reset_log()
    bulk.jobs.value = stopped.result.job_id
    await click(bulk, bulk.resume_button)
    assert not finished & set(llm_server.requested_words())
    rows = bulk.grid.rows
    assert [row.word for row in rows] == ["perro", "gato", *words]
    assert [row.location for row in rows] == [f"pasted text:{n}" for n in range(1, 43)]
    assert rows[0].chosen == ["hound"] and rows[1].source == "starter"
    assert all(row.ready for row in rows)
    await click(bulk, bulk.commit_button)
    assert len(await meanings_of(sqlite_database, profile)) == 42


async def test_a_double_click_adds_once_and_the_button_waits_for_a_change(
    sqlite_database: Database, profile: Profile, offline: Core
) -> None:
    bulk = await translated(offline, profile, "perro\ngato\ncasa\n")
    assert not bulk.commit_button.disabled
    bulk.commit_button.click()
    bulk.commit_button.click()
    await bulk.tasks.wait()
    assert len(bulk.reports) == 1
    assert "<b>3 added, 0 updated, 0 unchanged</b>" in bulk.result.value
    assert bulk.commit_button.disabled
    bulk.grid.lines[0].meanings.value = ["hound"]
    assert not bulk.commit_button.disabled
    await click(bulk, bulk.commit_button)
    assert "3 added, 1 updated in all (2 times; the last: 0 added, 1 updated, 2 unchanged)" in (
        bulk.result.value
    )
    assert "hound" in (await meanings_of(sqlite_database, profile))["perro"]


async def test_without_an_llm_starter_words_translate_and_the_others_say_why(
    sqlite_database: Database, profile: Profile, offline: Core
) -> None:
    bulk = await translated(offline, profile, "gato\nzzyzxa\n")
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
    await upload(bulk, b"english;spanish\ndog;perro\ncat;gato\n")
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


async def test_failed_only_shows_the_rows_without_translation_and_select_all_drops_the_rest(
    profile: Profile, offline: Core
) -> None:
    bulk = await translated(offline, profile, "perro\nzzyzxa\ngato\n")
    bulk.grid.failed_only.value = True
    assert [line.keep.description for line in bulk.grid.lines if line.candidate] == ["zzyzxa"]
    bulk.grid.failed_only.value = False
    bulk.grid.select_all.value = False
    assert not any(row.ready for row in bulk.grid.rows) and bulk.commit_button.disabled
    bulk.grid.select_all.value = True
    assert [row.word for row in bulk.grid.rows if row.ready] == ["perro", "gato"]


@pytest.mark.parametrize(
    ("choice", "words"),
    [("split", ["perro", "hola", "adiós", "gracias"]), ("keep", ["perro", "hola, adiós, gracias"])],
)
async def test_a_line_with_commas_is_flagged_and_split_or_kept_as_chosen(
    profile: Profile, offline: Core, choice: str, words: list[str]
) -> None:
    bulk = importer(offline, profile)
    bulk.text.value = "perro\nhola, adiós, gracias\n"
    bulk.source.lists_choice.value = choice
    await click(bulk, bulk.preview_button)
    assert bulk.lists_box.layout.display == ""
    assert "commas or semicolons" in bulk.lists_note.value and "pasted text:2" in (
        bulk.lists_note.value
    )
    assert [row.word for row in bulk.grid.rows] == words


async def test_a_file_without_a_word_column_is_explained_with_the_notebooks_controls(
    profile: Profile, offline: Core
) -> None:
    bulk = importer(offline, profile)
    await upload(bulk, b"english;spanish\ndog;perro\n")
    bulk.preview_button.click()
    await bulk.tasks.wait()
    assert bulk.status.kind == "error"
    assert bulk.status.text.startswith("animals.csv: the first line names the columns")
    assert "“Word column”" in bulk.status.text and "--" not in bulk.status.text


async def test_the_dropdowns_placeholders_stay_shown_when_their_options_change(
    profile: Profile, offline: Core
) -> None:
    bulk = importer(offline, profile)
    await bulk.list_jobs()
    bulk.source.column_choices()
    for dropdown in (bulk.jobs, bulk.word_column, bulk.translation_column, bulk.format):
        assert dropdown.index == 0 and dropdown.label in {"none", "auto", "detect"}
        assert dropdown.style.description_width == "initial"


async def test_a_dead_endpoint_is_reported_in_the_notebook_within_seconds_and_keeps_the_rows(
    sqlite_database: Database, profile: Profile
) -> None:
    base_url = f"http://127.0.0.1:{FakeLLMServer().port}/v1"
    core = core_for(sqlite_database, base_url)
    bulk = importer(core, profile)
    bulk.text.value = "perro\nzzyzxa\nqwertz\n"
    await click(bulk, bulk.preview_button)
    async with asyncio.timeout(DEAD_END_LIMIT_S):
        bulk.translate_button.click()
        await bulk.tasks.wait()
    await core.close()
    assert bulk.status.kind == "error"
    assert bulk.status.text.startswith(f"paused: cannot connect to the LLM endpoint {base_url}")
    assert bulk.progress.bar.bar_style == "warning"
    assert [row.word for row in bulk.grid.rows] == ["perro", "zzyzxa", "qwertz"]
    assert bulk.grid.rows[1].error.startswith("not translated yet: resume job #")


def test_the_progress_line_says_since_when_and_why_it_waits_for_the_endpoint() -> None:
    view = ProgressView()
    since = datetime(2030, 1, 1, 12, 0, 5, tzinfo=UTC)
    view.update(
        BulkProgress(
            done=3,
            failed=0,
            total=10,
            words_per_minute=0.0,
            eta_s=None,
            prompt_tokens=0,
            completion_tokens=0,
            cost_usd=0.0,
            requests=4,
            in_flight=1,
            state=BulkState.WAITING,
            since=since,
            reason="HTTP 503 <busy>",
        )
    )
    assert view.bar.bar_style == "warning"
    assert view.figures.value.startswith(
        f"waiting for the LLM endpoint since {since.astimezone():%H:%M:%S}: HTTP 503 &lt;busy&gt;"
    )
