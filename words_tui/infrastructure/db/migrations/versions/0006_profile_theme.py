"""profiles.theme: the dark or light look a learner chose (Ctrl+T or Settings)

Revision ID: 0006_profile_theme
Revises: 0005_profile_thresholds
Create Date: 2026-12-05 00:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006_profile_theme"
down_revision: str | None = "0005_profile_thresholds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("profiles") as batch:
        batch.add_column(
            sa.Column(
                "theme",
                sqlmodel.sql.sqltypes.AutoString(length=16),
                nullable=False,
                server_default="dark",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("profiles") as batch:
        batch.drop_column("theme")
