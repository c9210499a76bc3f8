"""The register's tables (SQLAlchemy Core). Changes go through a new migration in migrations/versions."""
from __future__ import annotations

from sqlalchemy import (BigInteger, Column, Date, DateTime, ForeignKey, Index, Integer, MetaData, Table, Text,
                        UniqueConstraint)

metadata = MetaData()

decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True),
    Column("issuer", Text, nullable=False),
    Column("issuer_key", Text, nullable=False),
    Column("number", Text, nullable=False),
    Column("number_key", Text, nullable=False),
    Column("signed", Date, nullable=False),
    Column("signer", Text, nullable=False, default=""),
    Column("position", Text, nullable=False, default=""),
    Column("batch", Text, nullable=False, default=""),
    Column("quarter", Text, nullable=False, default=""),
    Column("batch_kind", Text, nullable=False, default=""),
    Column("form_key", Text, nullable=False),
    Column("form_name", Text, nullable=False),
    Column("source", Text, nullable=False, default=""),
    Column("slot", Text, nullable=False, default=""),
    Column("content_hash", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    Column("superseded_at", DateTime, nullable=True),
    Column("superseded_by", Integer, ForeignKey("decisions.id"), nullable=True),
    UniqueConstraint("issuer_key", "number_key", "signed", "version", name="uq_decisions_version"),
)
CURRENT = decisions.c.superseded_at.is_(None)
Index("uq_decisions_current", decisions.c.issuer_key, decisions.c.number_key, decisions.c.signed, unique=True,
      sqlite_where=CURRENT, postgresql_where=CURRENT)

recipients = Table(
    "recipients", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("name_search", Text, nullable=False),
    Column("unit", Text, nullable=False, default=""),
    Column("unit_key", Text, nullable=False, default=""),
    Column("unit_search", Text, nullable=False, default=""),
    Column("cccd", Text, nullable=True),
    Column("birth_year", Integer, nullable=True),
)
NO_CCCD = recipients.c.cccd.is_(None)
Index("uq_recipients_cccd", recipients.c.cccd, unique=True,
      sqlite_where=~NO_CCCD, postgresql_where=~NO_CCCD)
Index("uq_recipients_name_unit", recipients.c.kind, recipients.c.name_key, recipients.c.unit_key, unique=True,
      sqlite_where=NO_CCCD, postgresql_where=NO_CCCD)
Index("ix_recipients_name_key", recipients.c.name_key)

awards = Table(
    "awards", metadata,
    Column("id", Integer, primary_key=True),
    Column("decision_id", Integer, ForeignKey("decisions.id"), nullable=False, index=True),
    Column("recipient_id", Integer, ForeignKey("recipients.id"), nullable=False, index=True),
    Column("seq", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("address", Text, nullable=False, default=""),
    Column("rank", Text, nullable=False, default=""),
    Column("name", Text, nullable=False),
    Column("position", Text, nullable=False, default=""),
    Column("unit", Text, nullable=False, default=""),
    Column("proposing_unit", Text, nullable=False, default=""),
    Column("birth_year", Integer, nullable=True),
    Column("cccd", Text, nullable=True),
    Column("sex", Text, nullable=False, default=""),
    Column("achievement", Text, nullable=False, default=""),
    Column("amount", BigInteger, nullable=False, default=0),
    Column("source", Text, nullable=False, default=""),
    Column("source_row", Integer, nullable=True),
)

possible_matches = Table(
    "possible_matches", metadata,
    Column("id", Integer, primary_key=True),
    Column("award_id", Integer, ForeignKey("awards.id"), nullable=False, index=True),
    Column("recipient_id", Integer, ForeignKey("recipients.id"), nullable=False),
    Column("reason", Text, nullable=False),
)
