"""casework: assignment, the outcome of a closed report, internal notes; the audit trail
made append-only by the database itself

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("assigned_to", sa.String(64), nullable=True))
        batch.create_index("ix_reports_assigned_to", ["assigned_to"])
    with op.batch_alter_table("status_changes") as batch:
        batch.add_column(sa.Column("outcome", sa.String(40), nullable=True))
    op.create_table("case_notes",
                    sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("report_id", sa.Integer(),
                              sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False,
                              index=True),
                    sa.Column("author", sa.String(64), nullable=False),
                    sa.Column("body_enc", sa.Text(), nullable=False),
                    sa.Column("at", sa.DateTime(timezone=True), nullable=False))
    for statement in APPEND_ONLY[op.get_bind().dialect.name]:
        op.execute(statement)


# Nobody, not even the app, can change or delete an audit line.
APPEND_ONLY = {
    "sqlite": [f"CREATE TRIGGER audit_events_no_{verb} BEFORE {verb.upper()} ON audit_events "
               "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
               for verb in ("update", "delete")],
    "postgresql": [
        "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$",
        "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()"],
}
UNDO_APPEND_ONLY = {
    "sqlite": ["DROP TRIGGER audit_events_no_update", "DROP TRIGGER audit_events_no_delete"],
    "postgresql": ["DROP TRIGGER audit_events_append_only ON audit_events",
                   "DROP FUNCTION audit_events_append_only()"],
}


def downgrade() -> None:
    for statement in UNDO_APPEND_ONLY[op.get_bind().dialect.name]:
        op.execute(statement)
    op.drop_table("case_notes")
    with op.batch_alter_table("status_changes") as batch:
        batch.drop_column("outcome")
    with op.batch_alter_table("reports") as batch:
        batch.drop_index("ix_reports_assigned_to")
        batch.drop_column("assigned_to")
