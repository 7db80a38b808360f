"""telegram updates: webhook updates claimed by an app replica, each handled once

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("telegram_updates",
                    sa.Column("update_id", sa.BigInteger(), primary_key=True, autoincrement=False),
                    sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False, index=True),
                    sa.Column("done", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_table("telegram_updates")
