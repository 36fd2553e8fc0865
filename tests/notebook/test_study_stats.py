"""The Anki-style statistics and the answers/cards tables, from hand-made answers and the demo."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd

from tests.notebook.conftest import NOW, BuiltDemo
from words_tui.domain.enums import CardState, Direction, Stage
from words_tui.domain.study_days import StudyCalendar
from words_tui.notebook import study_stats
from words_tui.notebook.analysis import load_progress
from words_tui.notebook.tables import answers_frame
from words_tui.services import Core
from words_tui.services.stats import AnswerRecord

MADRID = ZoneInfo("Europe/Madrid")
CALENDAR = StudyCalendar("Europe/Madrid", 4)


def answer(
    at: datetime,
    *,
    rating: int = 3,
    seconds: float = 6.0,
    elapsed: float | None = 3.0,
    state: CardState = CardState.REVIEW,
    mode: Stage = Stage.TYPING,
) -> AnswerRecord:
    return AnswerRecord(
        reviewed_at=at,
        word="perro",
        direction=Direction.FOREIGN_TO_NATIVE,
        mode=mode,
        answer="dog",
        verdict="exact" if rating > 1 else "wrong",
        rating=rating,
        duration_ms=round(seconds * 1000),
        correction="",
        state_before=state,
        elapsed_days=elapsed,
    )


def frame(*answers: AnswerRecord) -> pd.DataFrame:
    return answers_frame(answers, MADRID, "en", "es")


def test_answers_are_listed_in_local_time_with_ratings_and_states_as_words() -> None:
    table = frame(answer(datetime(2030, 3, 1, 6, 30, tzinfo=UTC), rating=1, state=CardState.NEW))
    row = table.iloc[0]
    assert row["time"] == pd.Timestamp(2030, 3, 1, 7, 30)
    assert (row["rating"], row["verdict"], row["state before"]) == ("again", "wrong", "new")
    assert (row["direction"], row["mode"]) == ("es → en", "typed")


def test_today_counts_the_study_days_answers_time_and_accuracy() -> None:
    day = date(2030, 3, 1)
    table = frame(
        answer(datetime(2030, 3, 1, 2, 0, tzinfo=UTC)),  # 03:00 local: the day before (start 4h)
        answer(datetime(2030, 3, 1, 8, 0, tzinfo=UTC), seconds=30),
        answer(datetime(2030, 3, 1, 9, 0, tzinfo=UTC), seconds=30, rating=1),
        answer(datetime(2030, 3, 1, 10, 0, tzinfo=UTC), seconds=30, state=CardState.NEW),
        answer(datetime(2030, 3, 1, 11, 0, tzinfo=UTC), seconds=30),
    )
    today = study_stats.today(table, CALENDAR, day)
    assert today.to_dict() == {
        "answers": 4,
        "minutes": 2.0,
        "accuracy": "75%",
        "again": 1,
        "new cards seen": 1,
    }


def test_study_time_adds_up_each_study_days_minutes() -> None:
    table = frame(
        answer(datetime(2030, 2, 27, 18, 0, tzinfo=UTC), seconds=90),
        answer(datetime(2030, 3, 1, 18, 0, tzinfo=UTC), seconds=30),
        answer(datetime(2030, 3, 1, 19, 0, tzinfo=UTC), seconds=30),
    )
    minutes = study_stats.study_time(table, CALENDAR, date(2030, 3, 1))
    assert minutes.to_dict() == {
        pd.Timestamp(2030, 2, 27): 1.5,
        pd.Timestamp(2030, 2, 28): 0.0,
        pd.Timestamp(2030, 3, 1): 1.0,
    }


def test_answers_by_hour_use_the_local_hour() -> None:
    table = frame(
        answer(datetime(2030, 3, 1, 6, 10, tzinfo=UTC)),
        answer(datetime(2030, 3, 1, 6, 50, tzinfo=UTC), rating=1),
    )
    hours = study_stats.by_hour(table)
    assert len(hours) == 24 and hours["answers"].sum() == 2
    assert hours.loc[7].to_dict() == {"answers": 2, "accuracy": 0.5}


def test_young_and_mature_split_at_21_days_between_answers() -> None:
    start = datetime(2030, 3, 1, 8, tzinfo=UTC)
    table = frame(
        answer(start, elapsed=3.0),
        answer(start + timedelta(minutes=1), elapsed=20.9, rating=1),
        answer(start + timedelta(minutes=2), elapsed=21.0),
        answer(start + timedelta(minutes=3), elapsed=40.0, rating=1),
        answer(start + timedelta(minutes=4), elapsed=40.0, mode=Stage.CHOICE),
    )
    split = study_stats.young_mature(table)
    assert split.loc["young"].to_dict() == {"answers": 2, "passed": 1, "retention": 0.5}
    assert split.loc["mature"].to_dict() == {"answers": 2, "passed": 1, "retention": 0.5}


async def test_the_demos_cards_have_their_recall_probability_and_no_enum_names(
    demo_core: Core, built_demo: BuiltDemo
) -> None:
    frames = await load_progress(demo_core, built_demo.profile_id)
    assert len(frames.answers) == built_demo.reviews
    typed = frames.cards.dropna(subset=["stability (days)"])
    assert not typed.empty and typed["recall now"].between(0, 1).all()
    assert (typed["interval (days)"] > 0).all()
    for table in (frames.answers, frames.cards):
        texts = [name for name in table.columns if pd.api.types.is_string_dtype(table[name])]
        words = table[texts].astype(str)
        assert not words.apply(lambda column: column.str.fullmatch(r"[A-Z_]{3,}")).any().any()
        assert not words.apply(lambda column: column.str.contains(r"\w+\.[A-Z_]{3,}")).any().any()
    assert frames.answers["time"].max() <= pd.Timestamp(
        NOW.astimezone(frames.history.calendar.zone).replace(tzinfo=None)
    )
