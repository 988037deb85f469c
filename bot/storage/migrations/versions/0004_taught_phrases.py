"""Taught phrases with their audit trail, and the thread each logged question was answered in.

Revision ID: 0004
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "taught_phrases",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("phrase", sa.String(64), nullable=False),
        sa.Column("target_kind", sa.String(16), nullable=False),
        sa.Column("target_id", sa.String(64), nullable=False),
        sa.Column("target_country", sa.String(8), nullable=True),
        sa.Column("target_label", sa.String(128), nullable=False),
        sa.Column("taught_by", sa.String(64), nullable=False),
        sa.Column("taught_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "teaching_audit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("phrase", sa.String(64), nullable=False),
        sa.Column("target_kind", sa.String(16), nullable=False),
        sa.Column("target_id", sa.String(64), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_teaching_audit_at", "teaching_audit", ["at"])
    with op.batch_alter_table("question_log") as batch:
        batch.add_column(sa.Column("thread_ts", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("question_log") as batch:
        batch.drop_column("thread_ts")
    op.drop_index("ix_teaching_audit_at", table_name="teaching_audit")
    op.drop_table("teaching_audit")
    op.drop_table("taught_phrases")
