"""consents, referrals, status history, messages, audit trail and lookup throttling

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NOW = sa.text("CURRENT_TIMESTAMP")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    # The reports table first: on SQLite, batch mode recreates it, and dropping the old one
    # with foreign keys on would cascade into child tables if they existed already.
    _add_report_columns()
    op.create_table("consents", *_child_of_report(),
                    sa.Column("recipient", sa.String(64), nullable=False),
                    sa.Column("given_at", WHEN, nullable=False),
                    sa.Column("withdrawn_at", WHEN, nullable=True),
                    sa.UniqueConstraint("report_id", "recipient"))
    op.create_table("referrals", *_child_of_report(),
                    sa.Column("organisation", sa.String(64), nullable=False),
                    sa.Column("method", sa.String(20), nullable=False),
                    sa.Column("state", sa.String(20), nullable=False, index=True),
                    sa.Column("created_at", WHEN, nullable=False),
                    sa.Column("updated_at", WHEN, nullable=False),
                    sa.UniqueConstraint("report_id", "organisation"))
    op.create_table("status_changes", *_child_of_report(),
                    sa.Column("status", sa.String(20), nullable=False),
                    sa.Column("note_enc", sa.Text(), nullable=True),
                    sa.Column("at", WHEN, nullable=False),
                    sa.Column("actor", sa.String(64), nullable=False))
    op.create_table("messages", *_child_of_report(),
                    sa.Column("direction", sa.String(20), nullable=False),
                    sa.Column("author", sa.String(64), nullable=False),
                    sa.Column("body_enc", sa.Text(), nullable=False),
                    sa.Column("at", WHEN, nullable=False),
                    sa.Column("notified_at", WHEN, nullable=True, index=True))
    op.create_table("audit_events",
                    sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("at", WHEN, nullable=False, index=True),
                    sa.Column("actor", sa.String(64), nullable=False),
                    sa.Column("action", sa.String(40), nullable=False),
                    sa.Column("report_reference", sa.String(16), nullable=True, index=True),
                    sa.Column("detail", sa.JSON(), nullable=False))
    op.create_table("lookup_failures",
                    sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("chat_key", sa.String(64), nullable=False, index=True),
                    sa.Column("at", WHEN, nullable=False, index=True))


def _child_of_report() -> list[sa.Column]:
    return [sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("report_id", sa.Integer(),
                      sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True)]


def _add_report_columns() -> None:
    """updated_at starts as created_at for existing reports, then becomes required."""
    with op.batch_alter_table("reports") as batch:
        for name in ("answers_enc", "contact_enc", "delivery_enc"):
            batch.add_column(sa.Column(name, sa.Text(), nullable=True))
        batch.add_column(sa.Column("updated_at", WHEN, nullable=True))
    op.execute("UPDATE reports SET updated_at = created_at")
    with op.batch_alter_table("reports") as batch:
        batch.alter_column("updated_at", existing_type=WHEN, nullable=False, server_default=NOW)


def downgrade() -> None:
    for table in ("lookup_failures", "audit_events", "messages", "status_changes", "referrals",
                  "consents"):
        op.drop_table(table)
    with op.batch_alter_table("reports") as batch:
        for name in ("updated_at", "delivery_enc", "contact_enc", "answers_enc"):
            batch.drop_column(name)
