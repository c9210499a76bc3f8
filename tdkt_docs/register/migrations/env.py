"""Alembic environment: always run from code (register.store) with an open connection."""
from alembic import context

from tdkt_docs.register.tables import metadata

context.configure(connection=context.config.attributes["connection"], target_metadata=metadata,
                  render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
