"""The kind of a decision's batch (Loại đợt: theo quý, tổng kết năm, chuyên đề, …) and an awardee's rank
(cấp bậc, quân hàm). Plain ADD/DROP COLUMN: SQLite (3.35 and later) and PostgreSQL both have them, and
no table is rebuilt under its foreign keys.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("decisions", sa.Column("batch_kind", sa.Text, nullable=False, server_default=""))
    op.add_column("awards", sa.Column("rank", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("awards", "rank")
    op.drop_column("decisions", "batch_kind")
