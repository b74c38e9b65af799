"""Alembic's environment: run only through app/platform/db.py (migrate), which passes an open connection.

The connection is already inside a transaction that holds the migration lock (BEGIN IMMEDIATE on SQLite, an
advisory lock on PostgreSQL), so several processes starting at once migrate one after another.
"""

from alembic import context

from app.platform.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
