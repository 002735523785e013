"""`safedesk migrate --from FILE.db --to URL`: a database file moves onto a server (issue 13).

The target is brought to this program's schema by the real migrations first, then
every table is copied in dependency order, in batches, in one transaction: either all
of it arrives or nothing does. Before committing, the row count of every table is
compared with the file and the audit trail's hash chain is walked on the server; any
difference rolls everything back. A target that already holds records is refused
before anything is touched.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, inspect, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from safedesk.db.audit import chain
from safedesk.db.engine import Database, open_database, to_url, translate_db_error
from safedesk.db.migrate import prepare
from safedesk.db.models import Base
from safedesk.db.schema import SchemaState, schema_state
from safedesk.domain.audit_chain import ChainEntry, first_broken
from safedesk.errors import DatabaseProblem, FileProblem
from safedesk.i18n import N_

BATCH = 5000
Progress = Callable[[int, int], bool]


@dataclass
class CopyResult:
    target: str
    tables: list[tuple[str, int]] = field(default_factory=list)
    audit_entries: int = 0
    backup: Path | None = None

    @property
    def total_rows(self) -> int:
        return sum(n for _t, n in self.tables)


class CopyRefused(DatabaseProblem):
    msgid = N_("The database cannot be copied to {target}; nothing was changed.")


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _counts(conn: Connection, tables: list[Table]) -> dict[str, int]:
    present = set(inspect(conn).get_table_names())
    return {
        t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
        for t in tables
        if t.name in present
    }


def _seed_counts() -> dict[str, int]:
    """Rows the migrations themselves write (reference data), per table."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = open_database(Path(folder) / "fresh.db")
        try:
            prepare(fresh)
            with fresh.engine.connect() as conn:
                return _counts(conn, _tables())
        finally:
            fresh.dispose()


def _refuse_unless_empty(target: Database) -> None:
    """Refuse a target that holds anything beyond what a fresh migration writes."""
    state, _version = schema_state(target.engine)
    if state is SchemaState.EMPTY:
        return
    if state is not SchemaState.CURRENT and state is not SchemaState.OLDER:
        prepare(target)  # says why it cannot be used (newer, foreign), changing nothing
    with target.engine.connect() as conn:
        counts = _counts(conn, _tables())
    seeds = _seed_counts() if not counts.get("audit_log") else {}
    held = [
        (rows, name)
        for name, rows in counts.items()
        if rows and (name == "audit_log" or rows != seeds.get(name, 0))
    ]
    if held:
        rows, name = max(held)  # the biggest table says best what is there
        raise CopyRefused(
            N_(
                "{target} already holds records ({table}: {rows} rows). Copy only into "
                "a new, empty database; nothing was changed."
            ),
            target=target.display_name,
            table=name,
            rows=rows,
        )


def _self_references(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _copy_table(
    source: Connection,
    target: Connection,
    table: Table,
    done: int,
    total: int,
    progress: Progress,
) -> int:
    """Copy one table in batches by id; rows pointing into the same table are linked after."""
    later = _self_references(table)
    links: list[dict[str, Any]] = []
    last_id: Any = None
    copied = 0
    while True:
        query = select(table).order_by(table.c.id).limit(BATCH)
        if last_id is not None:
            query = query.where(table.c.id > last_id)
        rows = [dict(r._mapping) for r in source.execute(query)]
        if not rows:
            break
        for row in rows:
            for column in later:
                if row[column] is not None:
                    links.append({"row_id": row["id"], "column": column, "value": row[column]})
                    row[column] = None
        target.execute(table.insert(), rows)
        copied += len(rows)
        last_id = rows[-1]["id"]
        progress(done + copied, total)
    for column in later:
        pairs = [
            {"row_id": link["row_id"], "value": link["value"]}
            for link in links
            if link["column"] == column
        ]
        if pairs:
            statement = (
                update(table)
                .where(table.c.id == bindparam("row_id"))
                .values({column: bindparam("value")})
            )
            target.execute(statement, pairs)
    return copied


def _reset_sequences(target: Connection, tables: list[Table]) -> None:
    """The next id of every table follows the copied rows, not 1."""
    for table in tables:
        sequence = target.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name})
        if sequence is None:
            continue
        highest = target.scalar(select(func.max(table.c.id)))
        if highest is None:
            target.execute(text("SELECT setval(:s, 1, false)"), {"s": sequence})
        else:
            target.execute(text("SELECT setval(:s, :v, true)"), {"s": sequence, "v": highest})


def _verify(source_counts: dict[str, int], target: Connection, tables: list[Table]) -> int:
    """Row counts per table and the audit chain, on the target, before committing."""
    target_counts = _counts(target, tables)
    for name, rows in source_counts.items():
        if target_counts.get(name) != rows:
            raise CopyRefused(
                N_(
                    "After copying, {table} has {copied} rows on the server but {rows} in the "
                    "file; nothing was kept."
                ),
                table=name,
                copied=target_counts.get(name, 0),
                rows=rows,
            )
    with Session(bind=target) as s:
        entries = 0
        broken = None

        def counted() -> Iterator[ChainEntry]:
            nonlocal entries
            for entry in chain(s):
                entries += 1
                yield entry

        broken = first_broken(counted())
        if broken is not None:
            raise CopyRefused(
                N_(
                    "After copying, the audit trail on the server is broken at entry {id}; "
                    "nothing was kept."
                ),
                id=broken.id,
            )
    return entries


def copy_to_server(
    source_path: str | Path, target_url: str, progress: Progress | None = None
) -> CopyResult:
    """Copy a SafeDesk file into an empty PostgreSQL database; see the module's docstring."""
    report: Progress = progress or (lambda _done, _total: True)
    if "://" in str(source_path) and not to_url(source_path).startswith("sqlite"):
        raise CopyRefused(
            N_("--from must be a SafeDesk database file, not {source}."), source=str(source_path)
        )
    if "://" not in str(source_path) and not Path(source_path).is_file():
        raise FileProblem(N_("The database file {path} does not exist."), path=str(source_path))
    source = open_database(source_path)
    target = open_database(target_url)
    try:
        if target.is_sqlite:
            raise CopyRefused(
                N_("--to must be a PostgreSQL URL (postgresql+psycopg://user@host/database)."),
                target=target.display_name,
            )
        result = CopyResult(target=target.display_name)
        result.backup = prepare(source)  # the file is brought to this program's schema too
        _refuse_unless_empty(target)
        prepare(target)
        tables = _tables()
        with source.engine.connect() as src:
            source_counts = _counts(src, tables)
            tables = [t for t in tables if t.name in source_counts]
            total = sum(source_counts.values())
            try:
                with target.engine.begin() as dst:
                    for table in reversed(tables):  # what the migrations seeded goes
                        dst.execute(table.delete())
                    done = 0
                    for table in tables:
                        done += _copy_table(src, dst, table, done, total, report)
                        result.tables.append((table.name, source_counts[table.name]))
                    _reset_sequences(dst, tables)
                    result.audit_entries = _verify(source_counts, dst, tables)
            except DBAPIError as e:
                problem = translate_db_error(e, target.display_name)
                if problem is None:
                    raise CopyRefused(
                        N_("Copying to {target} failed: {reason}; nothing was kept."),
                        target=target.display_name,
                        reason=str(e.orig).strip().splitlines()[0],
                    ) from e
                raise problem from e
        return result
    finally:
        source.dispose()
        target.dispose()
