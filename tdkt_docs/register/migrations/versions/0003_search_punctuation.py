"""Search keys with punctuation between words made a space (``model.search_key``): every recipient's stored
keys made anew, so "Ngọc Ánh" finds a "Nguyễn Thị Ngọc-Ánh" recorded before. A downgrade keeps them: the older
search finds with them all it did, but for a name typed with such punctuation.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

from tdkt_docs.register.model import search_key

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

recipients = sa.table("recipients", sa.column("id"), sa.column("name"), sa.column("name_search"),
                      sa.column("unit"), sa.column("unit_search"))


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.select(recipients.c.id, recipients.c.name, recipients.c.name_search, recipients.c.unit,
                                  recipients.c.unit_search)).all()
    changed = [{"recipient": r.id, "new_name": name, "new_unit": unit} for r in rows
               for name, unit in [(search_key(r.name), search_key(r.unit))]
               if (name, unit) != (r.name_search, r.unit_search)]
    if changed:
        conn.execute(recipients.update().where(recipients.c.id == sa.bindparam("recipient"))
                     .values(name_search=sa.bindparam("new_name"), unit_search=sa.bindparam("new_unit")), changed)


def downgrade() -> None:
    pass
