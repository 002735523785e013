"""Bulk inserts for demo data, each batch recorded in the hash-chained audit trail.

Services write one row and one audit entry at a time, which is right for a person
typing and far too slow for 10^5-10^6 demo rows. Here rows go in with executemany, and
each batch gets one audit entry (action "bulk", row_id = first id, `after` = {"rows",
"first_id", "last_id"}) chained exactly as `safedesk.db.audit.record` chains its
entries, so `safedesk check` verifies both kinds alike.

On SQLite the values are turned into what SQLAlchemy would store (dates and moments as
ISO text, booleans as 0/1, JSON as text) column by column, and the rows go straight to
the driver: SQLAlchemy's per-value type processing was a third of the demo's time. A
table that was empty loses its non-unique indexes while it is filled and gets them back
(rebuilt once, sorted) before the step ends, in the same transaction. On any other
database the rows go through SQLAlchemy Core as they are.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Table,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from safedesk.db.audit import last_hash, note_hash
from safedesk.db.models import AuditEntry, Base
from safedesk.db.types import UTCDateTime
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


def _utc_text(value: dt.datetime) -> str:
    """A moment as SQLAlchemy stores UTCDateTime on SQLite: naive UTC, microseconds shown."""
    if value.tzinfo is None:
        raise ValueError("naive datetime given for a UTC column")
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _sqlite_value(column: Column[Any], conn: Connection) -> Callable[[Any], Any] | None:
    """How a value of `column` becomes what SQLAlchemy would bind on SQLite; None: as it is.

    Dates, moments and booleans, the bulk of the demo's typed values, are formatted
    here directly; any other value that needs processing goes through the column
    type's own bind processor, so the stored text is always SQLAlchemy's.
    """
    processor = column.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
    if processor is None:
        return None
    generic = cast(Callable[[Any], Any], processor)
    kind = column.type
    if isinstance(kind, TypeDecorator) and isinstance(kind.impl_instance, DateTime):

        def moment(value: Any) -> Any:
            return None if value is None else _utc_text(value)

        return moment if isinstance(kind, UTCDateTime) else generic
    if isinstance(kind, Date) and not isinstance(kind, DateTime):

        def day(value: Any) -> Any:
            return value.isoformat() if type(value) is dt.date else generic(value)

        return day
    if isinstance(kind, Boolean):

        def flag(value: Any) -> Any:
            return 1 if value is True else 0 if value is False else generic(value)

        return flag
    return generic


def _convert_column(values: list[Any], convert: Callable[[Any], Any]) -> Iterable[Any]:
    """`convert` applied to each of `values`, each distinct value converted once.

    A batch of dates holds a few hundred different days: looking the text up is
    cheaper than formatting the day again. Unhashable values (JSON) go one by one.
    """
    try:
        distinct = set(values)
    except TypeError:
        return map(convert, values)
    if len(distinct) * 2 > len(values):
        return map(convert, values)
    return map({v: convert(v) for v in distinct}.__getitem__, values)


def _sqlite_literal(value: Any) -> str:
    """A stored value as an SQL literal (only the few kinds the shared columns hold)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool | int):
        return str(int(value))
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for {value!r}")


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

    def rows(self, query: Any) -> list[Any]:
        """Read rows inside the same transaction (reference data a step follows)."""
        return list(self._session.connection().execute(query).all())

    def insert(self, model: type[Base], rows: Iterable[dict[str, Any]]) -> int:
        """Insert `rows` (each with the same keys, `id` among them); return how many."""
        table = table_of(model)
        # Rows a step added through a service must reach the database before the chain
        # is read, or the next bulk entry would link to a stale hash.
        self._session.flush()
        conn = self._session.connection()
        if conn.dialect.name == "sqlite":
            written = self._insert_sqlite(conn, table, rows)
        else:
            written = self._insert_core(conn, table, rows)
        self.counts[table.name] = self.counts.get(table.name, 0) + written
        return written

    def _insert_core(self, conn: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> int:
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
        return written

    def _insert_sqlite(self, conn: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> int:
        batches = _batches(rows, self._batch_size)
        batch = next(batches, None)
        if batch is None:
            return 0
        keys = list(batch[0])
        quote = conn.dialect.identifier_preparer.quote
        # The columns every row shares (created_at, created_by…) are written into the
        # statement once, already in their stored form, instead of bound on every row.
        common = {
            name: _sqlite_literal(f(value) if (f := _sqlite_value(table.c[name], conn)) else value)
            for name, value in self._common.items()
            if name in table.c and name not in batch[0]
        }
        sql = (
            f"INSERT INTO {quote(table.name)} "
            f"({', '.join(quote(n) for n in [*keys, *common])}) "
            f"VALUES ({', '.join(['?'] * len(keys) + list(common.values()))})"
        )
        convert = dict(
            (i, f) for i, key in enumerate(keys) if (f := _sqlite_value(table.c[key], conn))
        )
        getters = [itemgetter(key) for key in keys]
        indexes = self._drop_indexes(conn, table) if len(batch) >= self._batch_size else []
        cursor = conn.connection.cursor()
        written = 0
        try:
            while batch:
                if set(map(len, batch)) != {len(keys)}:
                    raise ValueError(f"rows for {table.name} do not all have the keys {keys}")
                columns: list[Iterable[Any]] = [
                    _convert_column(list(map(get, batch)), convert[i])
                    if i in convert
                    else map(get, batch)
                    for i, get in enumerate(getters)
                ]
                cursor.executemany(sql, list(zip(*columns, strict=True)))
                self._audit(table.name, int(batch[0]["id"]), int(batch[-1]["id"]), len(batch))
                written += len(batch)
                self._on_batch(len(batch))
                batch = next(batches, None)
        finally:
            cursor.close()
        for create in indexes:
            conn.exec_driver_sql(create)
        return written

    def _drop_indexes(self, conn: Connection, table: Table) -> list[str]:
        """Drop the non-unique indexes of `table` if it is empty; return how to make them again.

        Read from sqlite_master, not the models: a migration may have added more.
        """
        if conn.execute(select(table.c.id).limit(1)).first() is not None:
            return []
        found = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL ORDER BY name",
            (table.name,),
        ).all()
        quote = conn.dialect.identifier_preparer.quote
        kept: list[str] = []
        for name, create in found:
            if create.lstrip().upper().startswith("CREATE UNIQUE"):
                continue
            conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
            kept.append(create)
        return kept

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
