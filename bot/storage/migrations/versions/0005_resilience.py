"""Losing nothing across database outages: idempotency keys on spooled rows, and event claims
that record whether the delivery was answered.

`write_key` lets a row spooled during an outage be written exactly once even when a commit's
outcome was lost with the connection (the retry hits the unique index and does nothing).
`answered_at` separates "a process took this delivery" from "it was answered", so a retry of a
delivery whose process died before answering is answered by whoever gets the retry.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("question_log", "feedback"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("write_key", sa.String(36), nullable=True))
            batch.create_index(f"ux_{table}_write_key", ["write_key"], unique=True)
    with op.batch_alter_table("processed_events") as batch:
        batch.add_column(sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("processed_events") as batch:
        batch.drop_column("answered_at")
    for table in ("feedback", "question_log"):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ux_{table}_write_key")
            batch.drop_column("write_key")
