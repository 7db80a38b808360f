"""referrals staff ask the reporter to agree to (with the caseworker's reason, encrypted);
staff accounts an admin can disable, and a password that must be changed at next sign-in;
a keyed hash of where staff messages go, so a web chat page can ask for its notices

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("referrals") as batch:
        batch.add_column(sa.Column("reason_enc", sa.Text(), nullable=True))
        batch.add_column(sa.Column("requested_by", sa.String(64), nullable=True))
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("delivery_channel", sa.String(8), nullable=True))
        batch.add_column(sa.Column("delivery_key", sa.String(64), nullable=True))
        batch.create_index("ix_reports_delivery_key", ["delivery_key"])
    with op.batch_alter_table("staff_users") as batch:
        batch.add_column(sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("must_change_password", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("staff_users") as batch:
        batch.drop_column("must_change_password")
        batch.drop_column("disabled_at")
    with op.batch_alter_table("reports") as batch:
        batch.drop_index("ix_reports_delivery_key")
        batch.drop_column("delivery_key")
        batch.drop_column("delivery_channel")
    with op.batch_alter_table("referrals") as batch:
        batch.drop_column("requested_by")
        batch.drop_column("reason_enc")
