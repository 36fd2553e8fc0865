"""profiles: the mastery and leech thresholds a profile overrides (NULL follows the settings)

Revision ID: 0005_profile_thresholds
Revises: 0004_pending_words
Create Date: 2026-12-05 00:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_profile_thresholds"
down_revision: str | None = "0004_pending_words"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("mastery_stability_days", sa.Float()),
    ("mastery_streak", sa.Integer()),
    ("leech_lapses", sa.Integer()),
)


def upgrade() -> None:
    with op.batch_alter_table("profiles") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("profiles") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
