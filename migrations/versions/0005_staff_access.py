"""staff access: topics a caseworker handles, sign-out everywhere, failed sign-ins

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_users") as batch:
        batch.add_column(sa.Column("topics", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("session_epoch", sa.Integer(), nullable=False,
                                   server_default="0"))
    op.create_table("staff_login_failures",
                    sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("account_key", sa.String(64), nullable=False, index=True),
                    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True))


def downgrade() -> None:
    op.drop_table("staff_login_failures")
    with op.batch_alter_table("staff_users") as batch:
        batch.drop_column("session_epoch")
        batch.drop_column("topics")
