"""cards: a partial index of the seen cards by stage and due time, so a lesson's due reviews and
home's count of them are found without walking past every new card of a large vocabulary

Revision ID: 0008_cards_seen_due
Revises: 0007_review_correction
Create Date: 2026-12-05 04:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_cards_seen_due"
down_revision: str | None = "0007_review_correction"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEEN = sa.text("last_review IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_cards_profile_seen_due",
        "cards",
        [
            *("profile_id", "active", "stage", "due", "last_review"),
            *("user_word_id", "direction", "choice_correct", "id"),
        ],
        sqlite_where=SEEN,
        postgresql_where=SEEN,
    )


def downgrade() -> None:
    op.drop_index("ix_cards_profile_seen_due", table_name="cards")
