"""Small pieces every component shares: status lines, error messages, HTML tables."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import ipywidgets as widgets
import pandas as pd

COLOURS = {"info": "#555", "ok": "#1a7f37", "error": "#cf222e", "busy": "#9a6700"}


class StatusLine(widgets.HTML):  # type: ignore[misc]
    """One line telling the learner what the component is doing or what went wrong.

    `text` and `kind` keep the plain message, for tests and for code driving the component.
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.text = ""
        self.kind = "info"

    def show(self, text: str, kind: str = "info") -> None:
        colour = COLOURS.get(kind, COLOURS["info"])
        self.text, self.kind = text, kind
        self.value = f'<span style="color:{colour}">{html.escape(text)}</span>'

    def error(self, error: BaseException) -> None:
        self.show(error_message(error), "error")


def error_message(error: BaseException) -> str:
    """The message a learner can act on: the project's errors already name the problem and the
    place; anything else is shown with its type so it can be reported."""
    text = str(error) or type(error).__name__
    if isinstance(error, ValueError | LookupError | OSError | RuntimeError):
        return text
    return f"{type(error).__name__}: {text}"


def table_html(frame: pd.DataFrame, *, index: bool = False) -> str:
    """A DataFrame as a compact HTML table (values escaped)."""
    return str(frame.to_html(index=index, border=0, na_rep="", escape=True, classes="words-table"))


def rows_html(rows: Iterable[Sequence[object]], header: Sequence[str]) -> str:
    """A plain HTML table from rows of values (escaped)."""
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return f'<table class="words-table"><tr>{head}</tr>{body}</table>'
