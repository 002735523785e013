"""What the commands share: opening the database the way the window does."""

from __future__ import annotations

import argparse
import sys

from safedesk.db.engine import Database, open_database
from safedesk.db.migrate import prepare
from safedesk.i18n import _
from safedesk.paths import default_database


def open_for_command(args: argparse.Namespace) -> Database:
    """Open --db (or the default), create or migrate it; report a backup made first."""
    db = open_database(args.db or default_database())
    backup = prepare(db)
    if backup is not None:
        print(_("Backed up before migrating: {path}").format(path=backup), file=sys.stderr)
    return db


def progress_printer(label: str):  # type: ignore[no-untyped-def]
    """A callback(done, total) drawing a one-line progress bar on stderr when it is a terminal."""
    interactive = sys.stderr.isatty()

    def report(done: int, total: int) -> bool:
        if interactive and total:
            width = 30
            filled = int(width * done / total)
            bar = "#" * filled + "-" * (width - filled)
            end = "\n" if done >= total else ""
            print(f"\r{label} [{bar}] {done}/{total}", end=end, file=sys.stderr, flush=True)
        return True  # keep going; the window's progress dialog can return False to cancel

    return report
