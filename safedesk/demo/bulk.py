"""Bulk inserts for demo data, each batch recorded in the hash-chained audit trail.

Services write one row and one audit entry at a time, which is right for a person
typing and far too slow for 10^5-10^6 demo rows. Here rows go in with SQLAlchemy Core
executemany, and each batch gets one audit entry (action "bulk", row_id = first id,
`after` = {"rows", "first_id", "last_id"}) chained exactly as `safedesk.db.audit.record`
chains its entries, so `safedesk check` verifies both kinds alike.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from safedesk.db.audit import last_hash, note_hash
from safedesk.db.models import AuditEntry, Base
from safedesk.domain.audit_chain import canonical, entry_hash

BATCH_SIZE = 5000
BULK_ACTION = "bulk"
# The employees table has eight indexes, most on random keys (IIN, sort name): with
# SQLite's default 2 MB page cache, 100,000 rows spend a third of their time on misses.
SQLITE_CACHE_KIB = 65536


def table_of(model: type[Base]) -> Table:
    """The Core table of a mapped class (declarative types it as any FromClause)."""
    return cast(Table, model.__table__)


_AUDIT = table_of(AuditEntry)


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


@contextlib.contextmanager
def large_cache(session: Session) -> Iterator[None]:
    """A bigger SQLite page cache on this connection while the block runs, then the old one."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    before = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
    conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        # The pooled connection goes back to other work: leave it as it was. A failure
        # here must not hide the error that ended the block.
        with contextlib.suppress(SQLAlchemyError):
            conn.exec_driver_sql(f"PRAGMA cache_size = {before}")


class BulkWriter:
    """Inserts rows with the columns every register row has, and audits each batch.

    Rows carry their own `id` (from `next_id`): steps link rows to rows made a moment
    earlier without reading them back, and the ids are the same on every run.
    """

    def __init__(
        self,
        session: Session,
        *,
        user: str,
        moment: dt.datetime,
        created_by: str,
        on_batch: Callable[[int], None],
        batch_size: int | None = None,
    ) -> None:
        if moment.tzinfo is None or moment.microsecond:
            # The audit hash is made from `moment` as the database gives it back.
            raise ValueError("moment must be timezone-aware and whole seconds")
        self._session = session
        self._user = user
        self._moment = moment
        self._common = {
            "created_at": moment,
            "updated_at": moment,
            "created_by": created_by,
            "version": 1,
            "deleted_at": None,
        }
        self._on_batch = on_batch
        self._batch_size = batch_size or BATCH_SIZE
        self.counts: dict[str, int] = {}

    def next_id(self, model: type[Base]) -> int:
        """The id the next row of `model`'s table should take."""
        table = table_of(model)
        conn = self._session.connection()
        return int(conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1

    def scalar(self, query: Any) -> Any:
        """Read one value inside the same transaction (steps check what is already there)."""
        return self._session.connection().execute(query).scalar()

    def insert(self, model: type[Base], rows: Iterable[dict[str, Any]]) -> int:
        """Insert `rows` (each with the same keys, `id` among them); return how many."""
        table = table_of(model)
        # Rows a step added through a service must reach the database before the chain
        # is read, or the next bulk entry would link to a stale hash.
        self._session.flush()
        conn = self._session.connection()
        common = {k: v for k, v in self._common.items() if k in table.c}
        statement = insert(table)
        written = 0
        for batch in _batches(rows, self._batch_size):
            full = [{**common, **row} for row in batch]
            conn.execute(statement, full)
            self._audit(table.name, int(full[0]["id"]), int(full[-1]["id"]), len(full))
            written += len(full)
            self._on_batch(len(full))
        if written and conn.dialect.name == "postgresql":
            # Explicit ids do not move a serial's sequence; the next service insert would
            # collide with a demo row.
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT max(id) FROM {table.name}))"
                )
            )
        self.counts[table.name] = self.counts.get(table.name, 0) + written
        return written

    def _audit(self, table_name: str, first_id: int, last_id: int, rows: int) -> None:
        conn = self._session.connection()
        # Shared with the services' entries, so a step may mix both in one transaction.
        prev = last_hash(self._session)
        after = canonical({"rows": rows, "first_id": first_id, "last_id": last_id})
        entry: dict[str, Any] = {
            "at": self._moment,
            "user": self._user,
            "table_name": table_name,
            "row_id": first_id,
            "action": BULK_ACTION,
            "before": None,
            "after": after,
            "prev_hash": prev,
        }
        entry["hash"] = entry_hash(
            entry["prev_hash"],
            at=self._moment,
            user=self._user,
            table_name=table_name,
            row_id=first_id,
            action=BULK_ACTION,
            before=None,
            after=after,
        )
        conn.execute(insert(_AUDIT), entry)
        note_hash(self._session, entry["hash"])
        self.counts[_AUDIT.name] = self.counts.get(_AUDIT.name, 0) + 1
