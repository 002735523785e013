"""The SQLite query plan of a page's first batch, for tests that check an index is walked."""

from __future__ import annotations

from typing import Any

from safedesk.db.engine import Database


def first_batch_plan(db: Database, model: Any) -> list[str]:
    """The steps of EXPLAIN QUERY PLAN for `model`'s first batch (SQLite only)."""
    compiled = model.page_query(0, 200).compile(db.engine, compile_kwargs={"literal_binds": True})
    with db.engine.connect() as conn:
        return [r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")]
