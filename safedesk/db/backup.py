"""Backups and restore through SQLite's online backup API (DESIGN.md §4, issue 11).

A backup is one self-contained file (rollback journal, no -wal beside it), written to
`<name>.part`, checked, flushed to disk and only then renamed: a backup that exists
is complete. The online backup API reads a consistent snapshot while the window or
another program keeps writing.

Restore copies a backup *into* the database through the same API, inside SQLite's own
transaction: a crash half-way leaves the old database, never a mixture. A safety copy
of the current file is made first, so a restore can itself be undone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from safedesk.db.engine import SQLITE_HEADER, translate_db_error
from safedesk.db.schema import REVISIONS
from safedesk.errors import DatabaseProblem, SafeDeskError
from safedesk.i18n import N_

# done, total pages; returning False cancels (the window's Cancel button).
Progress = Callable[[int, int], bool]
# Pages copied per step of the backup API: about 16 MB, so Cancel answers within a second.
PAGES_A_STEP = 4096

AUTOMATIC_REASONS = ("start", "close")
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?-(?P<reason>[a-z-]+)\.db$")
BUSY_TIMEOUT_S = 10.0


class BackupCancelled(SafeDeskError):
    msgid = N_("The copy was cancelled; nothing was changed.")


def _copy(src: sqlite3.Connection, dst: sqlite3.Connection, progress: Progress | None) -> None:
    """The online backup API in steps, telling `progress`; a cancel undoes the whole copy.

    SQLite holds the destination's write lock across the steps and rolls it back when a
    step is aborted, so a cancelled restore leaves the database as it was.
    """
    if progress is None:
        src.backup(dst)
        return

    def step(_status: int, remaining: int, total: int) -> None:
        # After the last step the copy is already committed: too late to call it off.
        if not progress(total - remaining, total) and remaining:
            raise BackupCancelled()

    src.backup(dst, pages=PAGES_A_STEP, progress=step)


def _connect_ro(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    return conn


@contextlib.contextmanager
def _problems(path: Path) -> Iterator[None]:
    """sqlite3 and OS errors as the user's words; the database is never the worse for them."""
    try:
        yield
    except sqlite3.Error as e:
        problem = translate_db_error(e, str(path))
        if problem is None:
            raise
        raise problem from e
    except OSError as e:
        if e.errno == 28:  # ENOSPC
            raise DatabaseProblem(
                N_("The disk holding {path} is full. Nothing was saved."), path=str(path)
            ) from e
        raise DatabaseProblem(
            N_("{path} cannot be written: {reason}."), path=str(path), reason=e.strerror or str(e)
        ) from e


def _fsync(path: Path) -> None:
    with path.open("rb") as f:
        os.fsync(f.fileno())
    if os.name == "posix":  # the rename itself must reach the disk too
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def copy_database(source: Path, target: Path, progress: Progress | None = None) -> Path:
    """A consistent, checked, single-file copy of `source` at `target` (replaced if present).

    `progress(done, total)` hears of the pages copied; returning False cancels, and then
    no file is left at `target` (BackupCancelled).
    """
    if not source.is_file():
        raise DatabaseProblem(N_("The database {path} does not exist."), path=str(source))
    part = target.with_name(target.name + ".part")
    with _problems(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        part.unlink(missing_ok=True)
    try:
        with _problems(source):
            src = _connect_ro(source)
        try:
            with _problems(target):
                dst = sqlite3.connect(part)
                try:
                    _copy(src, dst, progress)
                    dst.execute("PRAGMA journal_mode = DELETE")
                    (verdict,) = dst.execute("PRAGMA quick_check").fetchone()
                finally:
                    dst.close()
        finally:
            src.close()
        if verdict != "ok":
            raise DatabaseProblem(
                N_("The database {path} is damaged. Restore it from a backup."), path=str(source)
            )
        with _problems(target):
            _fsync(part)
            os.replace(part, target)
            _fsync(target)
    finally:
        part.unlink(missing_ok=True)
    return target


# -- automatic backups ------------------------------------------------------------------
def backup_name(db_path: Path, reason: str, now: dt.datetime | None = None) -> str:
    stamp = (now or dt.datetime.now()).strftime(_STAMP)
    return f"{db_path.stem}-{stamp}-{reason}.db"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made: dt.datetime
    reason: str


def list_backups(folder: Path, db_path: Path) -> list[BackupFile]:
    """Backups of `db_path` in `folder` (automatic, manual, safety copies), newest first."""
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"{db_path.stem}-*.db"):
        m = _NAME.match(path.name)
        if m is None or m.group("stem") != db_path.stem:
            continue
        made = dt.datetime.strptime(m.group("stamp"), _STAMP)
        found.append(BackupFile(path, made, m.group("reason")))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def _last_change(path: Path) -> tuple[int, str] | None:
    """The newest audit entry (id, hash): every write through a service makes one."""
    try:
        conn = _connect_ro(path)
        try:
            row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return (int(row[0]), str(row[1])) if row else (0, "")


def rotate(folder: Path, db_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups; others are never touched."""
    automatic = [b for b in list_backups(folder, db_path) if b.reason in AUTOMATIC_REASONS]
    removed = []
    for old in automatic[max(keep, 1) :]:
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def automatic_backup(
    db_path: Path, folder: Path, keep: int, reason: str, now: dt.datetime | None = None
) -> Path | None:
    """A backup on start or close; None when the newest one already holds every change."""
    automatic = [b for b in list_backups(folder, db_path) if b.reason in AUTOMATIC_REASONS]
    current = _last_change(db_path)
    if automatic and current is not None and _last_change(automatic[0].path) == current:
        return None
    target = folder / backup_name(db_path, reason, now)
    n = 1
    while target.exists():  # two in one second: never overwrite a backup
        target = folder / backup_name(db_path, f"{n}-{reason}", now)
        n += 1
    copy_database(db_path, target)
    rotate(folder, db_path, keep)
    return target


# -- restore ----------------------------------------------------------------------------
@dataclass
class RestoreResult:
    safety_copy: Path | None
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows now in the database

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def check_backup_file(path: Path) -> None:
    """Refuse, without changing anything, a file that is not a SafeDesk database we can use."""
    if not path.is_file():
        raise DatabaseProblem(N_("The backup {path} does not exist."), path=str(path))
    with _problems(path), path.open("rb") as f:
        header = f.read(16)
    if header != SQLITE_HEADER:
        raise DatabaseProblem(
            N_("{path} is not a SafeDesk database (it is not an SQLite file)."), path=str(path)
        )
    with _problems(path):
        conn = _connect_ro(path)
        try:
            (verdict,) = conn.execute("PRAGMA quick_check").fetchone()
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            version = None
            if "alembic_version" in tables:
                version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    if verdict != "ok":
        raise DatabaseProblem(
            N_("The backup {path} is damaged; nothing was restored."), path=str(path)
        )
    if version is None or "audit_log" not in tables:
        raise DatabaseProblem(
            N_("{path} is not a SafeDesk database; nothing was changed."), path=str(path)
        )
    if version[0] not in REVISIONS:
        raise DatabaseProblem(
            N_(
                "The backup {path} was made by a newer SafeDesk (schema {version}); "
                "nothing was restored."
            ),
            path=str(path),
            version=version[0],
        )


def restore(
    source: Path, db_path: Path, safety_folder: Path, progress: Progress | None = None
) -> RestoreResult:
    """Replace the contents of `db_path` with the backup `source`, after a safety copy.

    An older backup is restored as it is; opening it afterwards migrates it as usual.
    """
    check_backup_file(source)
    if source.resolve() == db_path.resolve():
        raise DatabaseProblem(
            N_("{path} is the database itself; choose a backup file."), path=str(source)
        )
    safety = None
    if db_path.exists():
        safety = copy_database(db_path, safety_folder / backup_name(db_path, "before-restore"))
    with _problems(db_path):
        src = _connect_ro(source)
        try:
            dst = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_S)
            try:
                if (
                    dst.execute("PRAGMA page_size").fetchone()
                    != src.execute("PRAGMA page_size").fetchone()
                ):
                    dst.execute("PRAGMA journal_mode = DELETE")  # WAL cannot change page size
                _copy(src, dst, progress)
                dst.execute("PRAGMA journal_mode = WAL")
                (verdict,) = dst.execute("PRAGMA quick_check").fetchone()
            finally:
                dst.close()
        finally:
            src.close()
    if verdict != "ok":  # pragma: no cover - the source was checked just before
        raise DatabaseProblem(
            N_("The database {path} is damaged. Restore it from a backup."), path=str(db_path)
        )
    return RestoreResult(safety, table_counts(db_path))


# -- comparing --------------------------------------------------------------------------
def _tables(conn: sqlite3.Connection) -> list[str]:
    # The trigram search indexes (FTS5 tables and their shadow tables, migration 0012)
    # are derived from the registers' rows: counted and compared through those.
    from safedesk.db.text_search import is_search_index

    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        if not is_search_index(r[0])
    ]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_counts(path: Path) -> dict[str, int]:
    """Rows in every table of the file at `path`."""
    with _problems(path):
        conn = _connect_ro(path)
        try:
            return {
                t: int(conn.execute(f"SELECT count(*) FROM {_quoted(t)}").fetchone()[0])
                for t in _tables(conn)
            }
        finally:
            conn.close()


def compare_databases(a: Path, b: Path) -> list[str]:
    """Tables whose rows differ between `a` and `b` in any value; [] when identical."""
    with _problems(a):
        ca, cb = _connect_ro(a), _connect_ro(b)
    try:
        ta, tb = _tables(ca), _tables(cb)
        differ = sorted(set(ta) ^ set(tb))
        for table in sorted(set(ta) & set(tb)):
            query = f"SELECT * FROM {_quoted(table)} ORDER BY rowid"
            rows_a, rows_b = ca.execute(query), cb.execute(query)
            while True:
                batch_a, batch_b = rows_a.fetchmany(2000), rows_b.fetchmany(2000)
                if batch_a != batch_b:
                    differ.append(table)
                    break
                if not batch_a:
                    break
        return sorted(differ)
    finally:
        ca.close()
        cb.close()
