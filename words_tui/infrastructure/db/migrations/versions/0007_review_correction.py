"""reviews.correction: the answer as it should have been typed when it was right but not quite
(a wrong article: "la mujer"), so the answer history can say so

Revision ID: 0007_review_correction
Revises: 0006_profile_theme
Create Date: 2026-12-05 01:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007_review_correction"
down_revision: str | None = "0006_profile_theme"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(
            sa.Column(
                "correction",
                sqlmodel.sql.sqltypes.AutoString(length=120),
                nullable=False,
                server_default="",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("correction")
