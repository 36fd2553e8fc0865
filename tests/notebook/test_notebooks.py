"""Every notebook, executed top to bottom by a real Jupyter kernel in demo mode.

The kernel is the `python3` kernelspec, which jupyter_client starts with this very interpreter
(an extra cell, never saved, checks that). The kernel inherits the test's isolated environment:
a temporary data directory, no config file and — unless a test sets one — no API key. After the
last cell a button is clicked the way a browser clicks it, to show that its work runs in the
background on the kernel's own event loop.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

from tests.llm_server import FakeLLMServer

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SECRET = "sk-notebook-secret-0123456789"
CELL_TIMEOUT_S = 120
CLICKS = {
    "01_bulk_import": ("bulk.preview_button", "bulk.preview = None", "bulk.preview is not None"),
    "03_progress": (
        "dashboard.refresh_button",
        "dashboard.frames = None",
        "dashboard.frames is not None",
    ),
}
"""Per notebook: a button the test clicks as the browser would (a comm message to the kernel),
what is reset before, and what must hold once the work the click started has finished."""


def run(client: NotebookClient, notebook: nbformat.NotebookNode, source: str) -> list[Any]:
    """Execute `source` in the notebook's kernel as an extra cell, not kept in the notebook."""
    notebook.cells.append(new_code_cell(source))
    try:
        client.execute_cell(notebook.cells[-1], len(notebook.cells) - 1)
        return list(notebook.cells[-1].outputs)
    finally:
        notebook.cells.pop()


def click_from_the_browser(
    client: NotebookClient, notebook: nbformat.NotebookNode, button: str
) -> None:
    """Send the comm message a browser sends when the button is clicked."""
    model_id = run(client, notebook, f"print({button}.model_id)")[0]["text"].strip()
    content = {"comm_id": model_id, "data": {"method": "custom", "content": {"event": "click"}}}
    client.kc.shell_channel.send(client.kc.session.msg("comm_msg", content))


def execute(path: Path, workdir: Path) -> nbformat.NotebookNode:
    """Run the notebook in a fresh kernel (a failing cell raises with its traceback), check the
    interpreter, then click a button as the browser would and wait for its background work."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=CELL_TIMEOUT_S,
        resources={"metadata": {"path": str(workdir)}},
    )
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        run(
            client,
            notebook,
            "import os, sys\n"
            f"assert os.path.realpath(sys.executable) == {os.path.realpath(sys.executable)!r}",
        )
        if path.stem in CLICKS:
            button, reset, done = CLICKS[path.stem]
            run(client, notebook, reset)
            click_from_the_browser(client, notebook, button)
            tasks = button.split(".")[0] + ".tasks"
            run(client, notebook, f"await {tasks}.wait()\nassert {done}")
        client.set_widgets_metadata()
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> list[dict[str, object]]:
    return [output for cell in notebook.cells for output in cell.get("outputs", [])]


def test_notebooks_are_stored_without_outputs() -> None:
    assert [path.name for path in NOTEBOOKS] == [
        "01_bulk_import.ipynb",
        "02_explore.ipynb",
        "03_progress.ipynb",
    ]
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert all(not cell.outputs and cell.execution_count is None for cell in code), path.name
        assert any("DEMO = True" in cell.source for cell in code), path.name


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_a_notebook_runs_in_demo_mode_and_saves_no_api_key(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, llm_server: FakeLLMServer
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("OPENAI_BASE_URL", llm_server.base_url)
    executed = execute(path, tmp_path)
    saved = tmp_path / path.name
    nbformat.write(executed, saved)
    assert outputs(executed), "the notebook showed nothing"
    assert SECRET not in saved.read_text(encoding="utf-8")
    assert SECRET not in json.dumps(executed)


@pytest.mark.slow
def test_the_bulk_import_notebook_runs_on_a_fresh_install_without_a_key(tmp_path: Path) -> None:
    executed = execute(ROOT / "notebooks" / "01_bulk_import.ipynb", tmp_path)
    assert outputs(executed)


@pytest.mark.slow
def test_the_demo_database_is_deleted_when_the_kernel_exits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(
        new_code_cell(
            "from words_tui.notebook import open_workspace\n"
            "from words_tui.services.demo import LearnerProfile\n"
            "ws = await open_workspace(demo=True, learner=LearnerProfile(days=3))\n"
            "print(ws.demo_path)"
        )
    )
    client = NotebookClient(notebook, kernel_name="python3", timeout=CELL_TIMEOUT_S)
    with client.setup_kernel():
        client.execute_cell(notebook.cells[0], 0)
        path = Path(notebook.cells[0].outputs[0]["text"].strip())
        assert path.exists() and path.is_relative_to(temp)
    assert not any(temp.iterdir())
