"""The Jupyter front-end: components for bulk import, exploring words and progress analysis.

Only this package imports ipywidgets (and pandas and matplotlib). Names load on first use, so
`from words_tui.notebook.analysis import load_progress` in a script pulls in pandas but never
ipywidgets.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from words_tui.notebook.add_word import AddWord
    from words_tui.notebook.bulk_import import BulkImport
    from words_tui.notebook.dashboard import ProgressDashboard
    from words_tui.notebook.explorer import Explorer
    from words_tui.notebook.waiting_words import WaitingWords
    from words_tui.notebook.workspace import Workspace, WorkspaceError, open_workspace

__all__ = [
    "AddWord",
    "BulkImport",
    "Explorer",
    "ProgressDashboard",
    "WaitingWords",
    "Workspace",
    "WorkspaceError",
    "open_workspace",
]

_LAZY = {
    "AddWord": "words_tui.notebook.add_word",
    "BulkImport": "words_tui.notebook.bulk_import",
    "Explorer": "words_tui.notebook.explorer",
    "ProgressDashboard": "words_tui.notebook.dashboard",
    "WaitingWords": "words_tui.notebook.waiting_words",
    "Workspace": "words_tui.notebook.workspace",
    "WorkspaceError": "words_tui.notebook.workspace",
    "open_workspace": "words_tui.notebook.workspace",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
