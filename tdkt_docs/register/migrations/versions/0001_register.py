"""The award register: decisions, recipients, awards and possible matches.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("issuer", sa.Text, nullable=False),
        sa.Column("issuer_key", sa.Text, nullable=False),
        sa.Column("number", sa.Text, nullable=False),
        sa.Column("number_key", sa.Text, nullable=False),
        sa.Column("signed", sa.Date, nullable=False),
        sa.Column("signer", sa.Text, nullable=False),
        sa.Column("position", sa.Text, nullable=False),
        sa.Column("batch", sa.Text, nullable=False),
        sa.Column("quarter", sa.Text, nullable=False),
        sa.Column("form_key", sa.Text, nullable=False),
        sa.Column("form_name", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("slot", sa.Text, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("superseded_at", sa.DateTime, nullable=True),
        sa.Column("superseded_by", sa.Integer, sa.ForeignKey("decisions.id"), nullable=True),
        sa.UniqueConstraint("issuer_key", "number_key", "signed", "version", name="uq_decisions_version"),
    )
    current = sa.text("superseded_at IS NULL")
    op.create_index("uq_decisions_current", "decisions", ["issuer_key", "number_key", "signed"], unique=True,
                    sqlite_where=current, postgresql_where=current)
    op.create_table(
        "recipients",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("name_search", sa.Text, nullable=False),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("unit_key", sa.Text, nullable=False),
        sa.Column("unit_search", sa.Text, nullable=False),
        sa.Column("cccd", sa.Text, nullable=True),
        sa.Column("birth_year", sa.Integer, nullable=True),
    )
    with_cccd, without_cccd = sa.text("cccd IS NOT NULL"), sa.text("cccd IS NULL")
    op.create_index("uq_recipients_cccd", "recipients", ["cccd"], unique=True,
                    sqlite_where=with_cccd, postgresql_where=with_cccd)
    op.create_index("uq_recipients_name_unit", "recipients", ["kind", "name_key", "unit_key"], unique=True,
                    sqlite_where=without_cccd, postgresql_where=without_cccd)
    op.create_index("ix_recipients_name_key", "recipients", ["name_key"])
    op.create_table(
        "awards",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("decision_id", sa.Integer, sa.ForeignKey("decisions.id"), nullable=False),
        sa.Column("recipient_id", sa.Integer, sa.ForeignKey("recipients.id"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("position", sa.Text, nullable=False),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("proposing_unit", sa.Text, nullable=False),
        sa.Column("birth_year", sa.Integer, nullable=True),
        sa.Column("cccd", sa.Text, nullable=True),
        sa.Column("sex", sa.Text, nullable=False),
        sa.Column("achievement", sa.Text, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("source_row", sa.Integer, nullable=True),
    )
    op.create_index("ix_awards_decision_id", "awards", ["decision_id"])
    op.create_index("ix_awards_recipient_id", "awards", ["recipient_id"])
    op.create_table(
        "possible_matches",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("award_id", sa.Integer, sa.ForeignKey("awards.id"), nullable=False),
        sa.Column("recipient_id", sa.Integer, sa.ForeignKey("recipients.id"), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_possible_matches_award_id", "possible_matches", ["award_id"])


def downgrade() -> None:
    for table in ("possible_matches", "awards", "recipients", "decisions"):
        op.drop_table(table)
