"""The answers and cards of a profile as DataFrames, in the learner's terms.

    answers = answers_frame(await core.stats.answers(profile_id), zone)
    cards = cards_frame(await core.stats.cards(profile_id), zone, "en", "es")

Times are in the learner's time zone (the profile's study calendar), ratings and states are words
("good", "relearning"), directions read "es → en": what the dashboard shows is what a learner
takes away with `.to_csv()`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

import pandas as pd

from words_tui.notebook.labels import (
    direction_label,
    mode_label,
    rating_label,
    state_label,
    verdict_label,
)
from words_tui.services.stats import AnswerRecord, CardRecord

ANSWER_COLUMNS = [
    "time",
    "word",
    "direction",
    "mode",
    "answer",
    "verdict",
    "rating",
    "passed",
    "seconds",
    "state before",
    "days since previous",
]
CARD_COLUMNS = [
    "word",
    "direction",
    "stage",
    "state",
    "asked",
    "due",
    "last answer",
    "interval (days)",
    "stability (days)",
    "difficulty",
    "recall now",
    "answers",
    "lapses",
]


def _local(moments: pd.Series, zone: tzinfo) -> pd.Series:
    """Aware UTC times as naive local times (what spreadsheets and plots expect)."""
    return pd.to_datetime(moments, utc=True).dt.tz_convert(zone).dt.tz_localize(None)


def answers_frame(
    answers: Sequence[AnswerRecord], zone: tzinfo, native: str = "native", target: str = "target"
) -> pd.DataFrame:
    """One row per answer, oldest first."""
    frame = pd.DataFrame(
        [
            {
                "time": a.reviewed_at,
                "word": a.word,
                "direction": direction_label(a.direction, native, target),
                "mode": mode_label(a.mode),
                "answer": a.answer,
                "verdict": verdict_label(a.verdict),
                "rating": rating_label(a.rating),
                "passed": a.passed,
                "seconds": a.duration_ms / 1000,
                "state before": state_label(a.state_before),
                "days since previous": a.elapsed_days,
            }
            for a in answers
        ],
        columns=ANSWER_COLUMNS,
    )
    frame["time"] = _local(frame["time"], zone)
    return frame


def cards_frame(
    cards: Sequence[CardRecord], zone: tzinfo, native: str = "native", target: str = "target"
) -> pd.DataFrame:
    """One row per card: its memory state now."""
    frame = pd.DataFrame(
        [
            {
                "word": c.word,
                "direction": direction_label(c.direction, native, target),
                "stage": mode_label(c.stage),
                "state": state_label(c.state),
                "asked": c.active,
                "due": c.due if c.last_review else None,
                "last answer": c.last_review,
                "interval (days)": c.interval_days,
                "stability (days)": c.stability,
                "difficulty": c.difficulty,
                "recall now": c.retrievability,
                "answers": c.reps,
                "lapses": c.lapses,
            }
            for c in cards
        ],
        columns=CARD_COLUMNS,
    )
    for column in ("due", "last answer"):
        frame[column] = _local(frame[column], zone)
    return frame
