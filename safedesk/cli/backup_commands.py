"""`backup --out FILE`, `restore FILE`, and the hidden `stress-write` the crash tests kill."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from safedesk.errors import DatabaseProblem
from safedesk.i18n import N_, _
from safedesk.paths import default_database


def register(sub: Any) -> None:
    p = sub.add_parser("backup", help=_("copy the database to a file, even while it is in use"))
    p.add_argument("--out", required=True, metavar="FILE", help=_("the backup file to write"))
    p.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    p.set_defaults(run=run_backup)

    p = sub.add_parser("restore", help=_("replace the database with a backup (a copy is kept)"))
    p.add_argument("file", metavar="FILE", help=_("the backup file to restore"))
    p.set_defaults(run=run_restore)

    # For the crash tests and benchmarks/crash_kill.py: not part of the user's commands.
    p = sub.add_parser("stress-write")
    p.add_argument("--count", type=int, default=0, help="rows to write; 0 means until killed")
    p.set_defaults(run=run_stress_write)


def _sqlite_file(args: argparse.Namespace) -> Path:
    target = str(args.db or default_database())
    if "://" in target and not target.startswith("sqlite"):
        raise DatabaseProblem(
            N_(
                "{path} is a database server; back it up and restore it with the server's "
                "own tools (pg_dump, pg_restore)."
            ),
            path=target.split("@")[-1],
        )
    from safedesk.db.engine import open_database

    db = open_database(target)  # the same checks the window makes: exists, is SQLite
    try:
        if db.path is None:
            raise DatabaseProblem(N_("The database {path} cannot be used."), path=target)
        return db.path
    finally:
        db.dispose()


def run_backup(args: argparse.Namespace) -> int:
    from safedesk.db.backup import copy_database, table_counts

    source = _sqlite_file(args)
    out = Path(args.out).expanduser().resolve()
    if not source.exists():
        raise DatabaseProblem(N_("The database {path} does not exist."), path=str(source))
    if out.exists() and not args.force:
        raise DatabaseProblem(
            N_("{path} already exists; nothing was overwritten. Give --force to replace it."),
            path=str(out),
        )
    if out == source:
        raise DatabaseProblem(
            N_("{path} is the database itself; choose a backup file."), path=str(out)
        )
    started = time.perf_counter()
    copy_database(source, out)
    rows = sum(table_counts(out).values())
    print(out)
    print(
        _("Backed up {rows} rows of {path} in {seconds} s.").format(
            rows=rows, path=source, seconds=f"{time.perf_counter() - started:.2f}"
        ),
        file=sys.stderr,
    )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from safedesk.db.backup import restore
    from safedesk.db.engine import open_database
    from safedesk.db.lock import DatabaseHeld, acquire
    from safedesk.db.migrate import prepare
    from safedesk.settings import backup_folder_for

    target = _sqlite_file(args)
    source = Path(args.file).expanduser().resolve()
    started = time.perf_counter()
    try:
        lock = acquire(target, "restore")
    except DatabaseHeld as e:
        raise DatabaseProblem(
            N_(
                "The database {path} is in use by {user} on {machine} since {since}; "
                "close SafeDesk there before restoring. Nothing was changed."
            ),
            **e.values,
        ) from e
    try:
        result = restore(source, target, backup_folder_for(target))
        db = open_database(target)
        try:
            prepare(db)  # an older backup is brought up to this program's schema now
        finally:
            db.dispose()
    finally:
        if lock is not None:
            lock.release()
    if result.safety_copy is not None:
        print(
            _("The database before the restore was saved as {path}.").format(
                path=result.safety_copy
            ),
            file=sys.stderr,
        )
    for table, count in sorted(result.rows.items()):
        print(f"{table}\t{count}")
    print(
        _("Restored {rows} rows from {file} into {path} in {seconds} s.").format(
            rows=result.total_rows,
            file=source,
            path=target,
            seconds=f"{time.perf_counter() - started:.2f}",
        ),
        file=sys.stderr,
    )
    return 0


def run_stress_write(args: argparse.Namespace) -> int:
    """Add units (and edit the one before) in a loop; print each id once it is committed."""
    from safedesk.cli.common import open_for_command
    from safedesk.db.units import UnitFields, add_unit, update_unit

    db = open_for_command(args)
    n, previous = 0, None
    while args.count <= 0 or n < args.count:
        n += 1
        with db.write() as s:
            unit = add_unit(s, UnitFields(f"Цех № {n}", f"Цех № {n}", code=f"S{n}"))
            if previous is not None and n % 3 == 0:
                update_unit(s, previous, None, UnitFields(f"Учаске {n}", f"Участок {n}"))
            unit_id = unit.id
        # Only after the commit returned: a printed id must survive any kill from here on.
        print(unit_id, flush=True)
        previous = unit_id
    db.dispose()
    return 0
