"""The live progress of a bulk translation: a bar and one line of figures.

The bulk engine reports a `BulkProgress` after every request; `describe` turns it into what the
learner wants to know — how far, how many failed, how fast, how long still, what it costs.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from words_tui.services.bulk import BulkProgress, BulkState


def duration_text(seconds: float) -> str:
    """'45 s', '5 min 50 s', '2 h 05 min'."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def describe(progress: BulkProgress) -> str:
    """One line: done of total, failed, words per minute, time left, tokens, estimated cost —
    and first, when the endpoint is not answering, since when and why."""
    parts = []
    if progress.state == BulkState.WAITING:
        since = f" since {progress.since.astimezone():%H:%M:%S}" if progress.since else ""
        parts.append(f"waiting for the LLM endpoint{since}: {progress.reason}")
    parts.append(f"{progress.done:,} of {progress.total:,} translated")
    if progress.failed:
        parts.append(f"{progress.failed:,} failed")
    if progress.words_per_minute:
        parts.append(f"{progress.words_per_minute:,.0f} words/min")
    if progress.eta_s is not None and progress.done + progress.failed < progress.total:
        parts.append(f"about {duration_text(progress.eta_s)} left")
    tokens = progress.prompt_tokens + progress.completion_tokens
    if tokens:
        parts.append(f"{tokens:,} tokens")
        cost = progress.cost_usd
        parts.append("cost unknown for this model" if cost is None else f"≈ ${cost:.4f}")
    return " · ".join(parts)


class ProgressView(widgets.VBox):  # type: ignore[misc]
    """A progress bar with the figures under it."""

    def __init__(self) -> None:
        self.bar = widgets.IntProgress(value=0, min=0, max=1, layout=widgets.Layout(width="30em"))
        self.figures = widgets.HTML()
        self.last: BulkProgress | None = None
        super().__init__([self.bar, self.figures])

    def start(self, total: int, note: str = "") -> None:
        self.last = None
        self.bar.max = max(total, 1)
        self.bar.value = 0
        self.bar.bar_style = ""
        self.figures.value = note

    def update(self, progress: BulkProgress) -> None:
        """The engine's progress callback."""
        self.last = progress
        self.bar.max = max(progress.total, 1)
        self.bar.value = progress.done + progress.failed
        self.bar.bar_style = "warning" if progress.state == BulkState.WAITING else ""
        self.figures.value = html.escape(describe(progress))

    def finish(self, style: str, note: str) -> None:
        """Colour the bar ("success", "warning", "danger") and say how it ended."""
        self.bar.bar_style = style
        if self.last is None:
            self.bar.value = self.bar.max
        tail = f" — {describe(self.last)}" if self.last else ""
        self.figures.value = html.escape(note + tail)
