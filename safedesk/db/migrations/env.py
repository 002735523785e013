"""Alembic environment: always run on the connection SafeDesk hands over."""

from __future__ import annotations

from alembic import context

from safedesk.db.models import Base
from safedesk.db.text_search import include_object

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
    compare_type=True,
    # The trigram search indexes of 0012 (FTS5 tables and their shadow tables, pg_trgm
    # indexes) are made by hand and are not in the models: autogenerate leaves them be.
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
