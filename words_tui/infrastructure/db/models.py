"""The schema: SQLModel tables shared by the quiz, the notebooks and the CLI.

Enumerations are stored as their fixed integer or string values (see `domain.enums`); times are
aware UTC (`UTCDateTime`); lists and maps are JSON. Every table a learner's data lives in is
reachable from `profile_id`, so several learners can share one PostgreSQL database safely.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from words_tui.infrastructure.db.types import (
    TableModel,
    foreign_key,
    json_field,
    time_field,
)


class User(TableModel, table=True):
    """One learner. On a shared database the OS login name (or a setting) picks the row."""

    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    created_at: datetime = time_field()


class Profile(TableModel, table=True):
    """A learner's language pair and the knobs that shape lessons for it."""

    __tablename__ = "profiles"
    __table_args__ = (UniqueConstraint("user_id", "name", name="uq_profiles_user_name"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = foreign_key("users.id")
    name: str = Field(max_length=120)
    native_lang: str = Field(max_length=16)
    target_lang: str = Field(max_length=16)
    level: str = Field(default="A1", max_length=2)
    interface_lang: str = Field(default="en", max_length=16)
    theme: str = Field(default="dark", max_length=16, sa_column_kwargs={"server_default": "dark"})
    timezone: str = Field(default="UTC", max_length=64)
    day_start_hour: int = 4
    desired_retention: float = 0.9
    lesson_size: int = 30
    new_per_day: int = 20
    reviews_per_day: int = 200
    typing_after: int = 2
    mastery_stability_days: float | None = None
    """Overrides of the settings of the same name; None follows the settings."""
    mastery_streak: int | None = None
    leech_lapses: int | None = None
    is_active: bool = False
    fsrs_parameters: list[float] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    created_at: datetime = time_field()


class Word(TableModel, table=True):
    """A lexeme in one language, shared by every learner."""

    __tablename__ = "words"
    __table_args__ = (UniqueConstraint("lang", "norm", "pos", name="uq_words_lang_norm_pos"),)

    id: int | None = Field(default=None, primary_key=True)
    lang: str = Field(max_length=16)
    text: str = Field(max_length=200)
    norm: str = Field(max_length=200)
    pos: str = Field(default="", max_length=16)
    cefr: str | None = Field(default=None, max_length=2)
    freq_rank: int | None = None


class Entry(TableModel, table=True):
    """What one source said about a word into another language (a `domain.entries.WordEntry`)."""

    __tablename__ = "entries"
    __table_args__ = (
        UniqueConstraint("word_id", "target_lang", "source", name="uq_entries_word_target_source"),
    )

    id: int | None = Field(default=None, primary_key=True)
    word_id: int = foreign_key("words.id")
    target_lang: str = Field(max_length=16)
    source: str = Field(max_length=120)
    meanings: list[dict[str, str]] = json_field(list)
    examples: list[dict[str, str]] = json_field(list)
    forms: dict[str, str] = json_field(dict)
    created_at: datetime = time_field()


class UserWord(TableModel, table=True):
    """A word in a profile's vocabulary with the meanings the learner chose to learn."""

    __tablename__ = "user_words"
    __table_args__ = (
        UniqueConstraint("profile_id", "word_id", name="uq_user_words_profile_word"),
        Index("ix_user_words_profile_status", "profile_id", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    profile_id: int = foreign_key("profiles.id", index=False)
    word_id: int = foreign_key("words.id")
    entry_id: int | None = foreign_key("entries.id", nullable=True)
    meanings: list[str] = json_field(list)
    status: int = 0
    ext_key: str | None = Field(default=None, max_length=200, index=True)
    notes: str = ""
    tags: list[str] = json_field(list)
    added_at: datetime = time_field()


class PendingWord(TableModel, table=True):
    """A word a profile's level wants that no source could translate yet: its "to translate"
    list, translated later (with an LLM or a dictionary) instead of being dropped."""

    __tablename__ = "pending_words"
    __table_args__ = (UniqueConstraint("profile_id", "norm", name="uq_pending_words_profile_norm"),)

    id: int | None = Field(default=None, primary_key=True)
    profile_id: int = foreign_key("profiles.id", index=False)
    text: str = Field(max_length=200)
    norm: str = Field(max_length=200)
    cefr: str | None = Field(default=None, max_length=2)
    freq_rank: int | None = None
    reason: str = ""
    created_at: datetime = time_field()


SEEN = text("last_review IS NOT NULL")
"""A card answered at least once: the condition of the partial index of seen cards."""


class Card(TableModel, table=True):
    """One direction of one user word, with its own FSRS memory state and counters."""

    __tablename__ = "cards"
    __table_args__ = (
        UniqueConstraint("user_word_id", "direction", name="uq_cards_user_word_direction"),
        Index("ix_cards_profile_active_due", "profile_id", "active", "due"),
        # Statistics: the hardest words are read backwards from the top of this index.
        Index("ix_cards_profile_lapses", "profile_id", "lapses", "difficulty"),
        # Lesson selection: due cards of one stage, covering the backlog's retrievability key
        # and the card id, so ranking a backlog never reads the table (on PostgreSQL the id
        # is not implied by the index as SQLite's rowid is).
        Index(
            "ix_cards_profile_stage_due",
            "profile_id",
            "active",
            "stage",
            "due",
            "last_review",
            "stability",
            "id",
        ),
        # Seen cards alone: due reviews found without walking past a vocabulary of new cards.
        # Partial on PostgreSQL too (0008); postgresql_where here would load its dialect (25 ms).
        Index(
            "ix_cards_profile_seen_due",
            "profile_id",
            "active",
            "stage",
            "due",
            "last_review",
            "user_word_id",
            "direction",
            "choice_correct",
            "id",
            sqlite_where=SEEN,
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_word_id: int = foreign_key("user_words.id", index=False)
    profile_id: int = foreign_key("profiles.id", index=False)
    direction: int
    stage: int = 0
    active: bool = True
    state: int = 0
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime = time_field()
    last_review: datetime | None = time_field(nullable=True)
    reps: int = 0
    lapses: int = 0
    consecutive_correct: int = 0
    choice_correct: int = 0
    accepted_extra: list[str] = json_field(list)


class Lesson(TableModel, table=True):
    """A sitting of K cards; feeds streaks and the lesson summary."""

    __tablename__ = "lessons"

    id: int | None = Field(default=None, primary_key=True)
    profile_id: int = foreign_key("profiles.id")
    started_at: datetime = time_field()
    finished_at: datetime | None = time_field(nullable=True)
    size: int = 0
    correct: int = 0
    wrong: int = 0
    new_words: int = 0


class Review(TableModel, table=True):
    """Append-only log of answers; the source of statistics and FSRS optimisation."""

    __tablename__ = "reviews"
    __table_args__ = (
        Index("ix_reviews_profile_time", "profile_id", "reviewed_at"),
        Index("ix_reviews_card_time", "card_id", "reviewed_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    card_id: int = foreign_key("cards.id", index=False)
    profile_id: int = foreign_key("profiles.id", index=False)
    lesson_id: int | None = foreign_key("lessons.id", nullable=True, index=False)
    reviewed_at: datetime = time_field()
    direction: int = 0
    mode: int = 0
    answer: str = ""
    verdict: str = Field(default="", max_length=16)
    rating: int = 0
    duration_ms: int = 0
    state_before: int = 0
    stability: float | None = None
    difficulty: float | None = None
    card_before: dict[str, Any] = json_field(dict)
    correction: str = Field(default="", max_length=120, sa_column_kwargs={"server_default": ""})
    """The answer as it should have been typed, when it was right but not quite ("la mujer")."""


class TranslationCache(TableModel, table=True):
    """A cached LLM translation; the key covers languages, model and prompt version."""

    __tablename__ = "translation_cache"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=64, unique=True)
    word: str = Field(max_length=200)
    source_lang: str = Field(max_length=16)
    target_lang: str = Field(max_length=16)
    model: str = Field(max_length=120)
    prompt_version: str = Field(max_length=16)
    payload: dict[str, Any] = json_field(dict)
    created_at: datetime = time_field()


class ValidationCache(TableModel, table=True):
    """A cached judgement of a typed answer."""

    __tablename__ = "validation_cache"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=64, unique=True)
    model: str = Field(max_length=120)
    prompt_version: str = Field(max_length=16)
    is_correct: bool = False
    comment: str = ""
    created_at: datetime = time_field()


class LLMCall(TableModel, table=True):
    """The cost ledger: one row per logical LLM call, with the learner it was made for.

    `learner` is the user's name (not a foreign key: the ledger outlives a deleted learner and
    records calls made before a profile exists); '' for calls recorded before it was kept.
    """

    __tablename__ = "llm_calls"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = time_field(index=True)
    learner: str = Field(default="", max_length=120, index=True)
    model: str = Field(max_length=120)
    purpose: str = Field(max_length=32)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_ms: int = 0
    attempts: int = 1
    outcome: str = Field(default="ok", max_length=32)
    error: str = ""


class BulkJob(TableModel, table=True):
    """A bulk translation run; its items make an interrupted run resumable."""

    __tablename__ = "bulk_jobs"

    id: int | None = Field(default=None, primary_key=True)
    profile_id: int | None = foreign_key("profiles.id", nullable=True)
    source_lang: str = Field(max_length=16)
    target_lang: str = Field(max_length=16)
    model: str = Field(default="", max_length=120)
    status: str = Field(default="pending", max_length=16)
    total: int = 0
    created_at: datetime = time_field()
    finished_at: datetime | None = time_field(nullable=True)
    error: str = Field(default="", max_length=500)
    """Why the last run stopped (paused, failed), in one line."""
    runner: str = Field(default="", max_length=120)
    """host:pid of the process running the job, so another can tell a dead run from a live one."""
    heartbeat_at: datetime | None = time_field(nullable=True)
    """Renewed while the job runs; a running job whose heartbeat stopped was killed (stale)."""


class BulkItem(TableModel, table=True):
    """One word of a bulk job, with its own status so finished items are never paid for twice."""

    __tablename__ = "bulk_items"
    __table_args__ = (
        UniqueConstraint("job_id", "norm", name="uq_bulk_items_job_norm"),
        Index("ix_bulk_items_job_status", "job_id", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    job_id: int = foreign_key("bulk_jobs.id", index=False)
    position: int = 0
    word: str = Field(max_length=200)
    norm: str = Field(max_length=200)
    status: str = Field(default="pending", max_length=16)
    attempts: int = 0
    error: str = ""
    payload: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    updated_at: datetime = time_field()


class StatsReviewDay(TableModel, table=True):
    """Review counts of one profile per study day and kind: the statistics' rollup of the log.

    Aggregating a million reviews takes seconds on SQLite; the rollup is brought up to date from
    the reviews added since `StatsWatermark.last_review_id`, so statistics cost what the new
    reviews cost.
    """

    __tablename__ = "stats_review_days"
    __table_args__ = (
        UniqueConstraint(
            "profile_id",
            "day",
            "direction",
            "mode",
            "state_before",
            "passed",
            name="uq_stats_review_days_key",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    profile_id: int = foreign_key("profiles.id", index=False)
    day: int
    direction: int
    mode: int
    state_before: int
    passed: bool
    count: int = 0


class StatsLearnedWord(TableModel, table=True):
    """The study day a word was first recalled from long-term memory (words learned over time)."""

    __tablename__ = "stats_learned_words"
    __table_args__ = (
        UniqueConstraint("profile_id", "user_word_id", name="uq_stats_learned_words_word"),
        Index("ix_stats_learned_words_profile_day", "profile_id", "day", "cefr"),
    )

    id: int | None = Field(default=None, primary_key=True)
    profile_id: int = foreign_key("profiles.id", index=False)
    user_word_id: int = foreign_key("user_words.id", index=False)
    day: int
    cefr: str = Field(default="", max_length=2)


class StatsWatermark(TableModel, table=True):
    """How far a profile's rollups reach, and the calendar their study days were counted in."""

    __tablename__ = "stats_watermarks"

    id: int | None = Field(default=None, primary_key=True)
    profile_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False, unique=True
        )
    )
    last_review_id: int = 0
    timezone: str = Field(max_length=64)
    day_start_hour: int
    updated_at: datetime = time_field()


ALL_TABLES = SQLModel.metadata
