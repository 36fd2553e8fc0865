"""pending_words: a level's words that wait for a translation

Revision ID: 0004_pending_words
Revises: 0003_bulk_job_liveness
Create Date: 2026-12-04 22:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import words_tui.infrastructure.db.types

revision: str = "0004_pending_words"
down_revision: str | None = "0003_bulk_job_liveness"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pending_words",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("norm", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("cefr", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
        sa.Column("freq_rank", sa.Integer(), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column(
            "created_at",
            words_tui.infrastructure.db.types.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("profile_id", "norm", name="uq_pending_words_profile_norm"),
    )


def downgrade() -> None:
    op.drop_table("pending_words")
