"""chat traces: ids of recent Telegram messages, so a quick exit can delete them

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("chat_traces",
                    sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("chat_key", sa.String(64), nullable=False, index=True),
                    sa.Column("message_id", sa.BigInteger(), nullable=False),
                    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True))


def downgrade() -> None:
    op.drop_table("chat_traces")
