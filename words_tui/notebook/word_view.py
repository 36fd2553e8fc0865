"""A word's details as HTML: entry, chosen meanings, examples, forms, cards, answer history.

Plain functions of `services.word_details.WordDetails`, so the Explorer stays a thin widget and
the rendering is tested without a browser. Every value is escaped.
"""

from __future__ import annotations

import html
from datetime import tzinfo

from words_tui.domain.enums import CardState
from words_tui.notebook.labels import (
    direction_label,
    local_time,
    mode_label,
    rating_label,
    state_label,
    status_label,
    verdict_label,
)
from words_tui.notebook.ui import rows_html
from words_tui.services.vocabulary import DirectionCard, WordDetails


def _card_row(card: DirectionCard, native: str, target: str, zone: tzinfo | None) -> list[object]:
    progress = card.progress
    stability = "" if progress.stability is None else f"{progress.stability:.1f} d"
    difficulty = "" if progress.difficulty is None else f"{progress.difficulty:.1f}"
    recall = "" if progress.state == CardState.NEW else f"{card.recall_now:.0%}"
    return [
        direction_label(card.direction, native, target),
        mode_label(progress.stage),
        state_label(progress.state),
        local_time(progress.due, zone) if progress.reps else "new",
        stability,
        difficulty,
        progress.reps,
        progress.lapses,
        recall,
        "yes" if card.active else "no",
    ]


CARD_HEADER = (
    "direction",
    "stage",
    "FSRS state",
    "due",
    "stability",
    "difficulty",
    "answers",
    "lapses",
    "recall now",
    "asked",
)
HISTORY_HEADER = ("when", "direction", "mode", "answer", "verdict", "rating", "seconds")


def _meanings_html(details: WordDetails) -> str:
    chosen = set(details.item.meanings)
    entry_texts = [] if details.entry is None else [m.text for m in details.entry.meanings]
    items = []
    for meaning in details.entry.meanings if details.entry is not None else ():
        mark = "✓ " if meaning.text in chosen else ""
        extra = ", ".join(part for part in (meaning.pos, meaning.note) if part)
        suffix = f" <i>({html.escape(extra)})</i>" if extra else ""
        items.append(f"<li>{mark}{html.escape(meaning.text)}{suffix}</li>")
    items += [f"<li>✓ {html.escape(m)}</li>" for m in details.item.meanings if m not in entry_texts]
    return f"<ul>{''.join(items)}</ul>"


def _examples_html(details: WordDetails) -> str:
    if details.entry is None or not details.entry.examples:
        return ""
    lines = "".join(
        f"<li>{html.escape(e.source)}"
        + (f" — <i>{html.escape(e.target)}</i>" if e.target else "")
        + "</li>"
        for e in details.entry.examples
    )
    return f"<b>Examples</b><ul>{lines}</ul>"


def _forms_html(details: WordDetails) -> str:
    if details.entry is None or not details.entry.forms:
        return ""
    rows = [(name.replace("_", " "), form) for name, form in details.entry.forms.items()]
    return "<b>Forms</b>" + rows_html(rows, ("form", "word"))


def details_html(details: WordDetails, native: str, target: str, zone: tzinfo | None = None) -> str:
    """The whole detail pane; ✓ marks the meanings the learner is asked for. Times are in
    `zone` (the profile's time zone; the computer's when not given)."""
    item = details.item
    facts = " · ".join(
        html.escape(part)
        for part in (
            item.pos,
            item.cefr or "",
            status_label(item.status),
            f"added {local_time(item.added_at, zone)}",
        )
        if part
    )
    source = f" <small>source: {html.escape(details.entry.source)}</small>" if details.entry else ""
    history = [
        (
            local_time(r.reviewed_at, zone),
            direction_label(r.direction, native, target),
            mode_label(r.mode),
            r.answer,
            verdict_label(r.verdict) + (f"; right, but: {r.correction}" if r.correction else ""),
            rating_label(r.rating),
            f"{r.duration_ms / 1000:.1f}",
        )
        for r in reversed(details.history)
    ]
    return "".join(
        [
            f"<h3>{html.escape(item.word)}</h3><div>{facts}</div>",
            f"<b>Meanings</b>{source}{_meanings_html(details)}",
            _examples_html(details),
            _forms_html(details),
            "<b>Cards</b>",
            rows_html([_card_row(c, native, target, zone) for c in details.cards], CARD_HEADER),
            f"<b>Answers</b> ({len(history)}, newest first)",
            rows_html(history, HISTORY_HEADER) if history else "<div>not asked yet</div>",
        ]
    )
