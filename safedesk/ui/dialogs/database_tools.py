"""The Database menu and what start-up asks: back up, restore, check; held, read-only, share.

Every action here ends in a plain message: a backup made, a restore done (and where
the safety copy is), what the check found. Nothing here writes a register row.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from safedesk.db.engine import Database, open_database
from safedesk.errors import DatabaseProblem, SafeDeskError, render
from safedesk.i18n import N_, _
from safedesk.ui.widgets.confirm import ask
from safedesk.ui.widgets.errors import show_problem
from safedesk.ui.workers import Progress, run_modal

if TYPE_CHECKING:
    from safedesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


# The window copies SQLite files; a server's data is backed up where it lives.
ON_A_SERVER = N_(
    "This database is on a PostgreSQL server: its backups are made on the server "
    "(pg_dump) by whoever runs it. Back up now and Restore work with a database file."
)


def _ask(parent: QWidget | None, text: str) -> bool:
    return ask(parent, text, N_("SafeDesk"))


def _open_read_only(path: Path) -> Database:
    from safedesk.db.schema import SchemaState, schema_state

    db = open_database(path, read_only=True)
    if schema_state(db.engine)[0] is not SchemaState.CURRENT:
        db.dispose()
        raise DatabaseProblem(
            N_(
                "The database {path} must be updated by this SafeDesk before it can be "
                "read, and that needs it to be writable and not in use; nothing was changed."
            ),
            path=str(path),
        )
    return db


def open_for_window(parent: QWidget | None, db_arg: str | None) -> Database | None:
    """Open the database for the window, taking the writer's lock; None if the user declines.

    A file another SafeDesk holds, or one on read-only media, may be opened to look only.
    """
    from safedesk.app import open_prepared
    from safedesk.db.lock import DatabaseHeld, acquire
    from safedesk.paths import default_database

    probe = open_database(db_arg or default_database())
    path, user = probe.path, probe.user
    probe.dispose()
    if path is None:
        return open_prepared(db_arg)  # a database server shares itself
    if path.exists() and not os.access(path, os.W_OK):
        question = _(
            "The database {path} is read-only (a CD, or a folder without write rights). "
            "Open it to look only? Nothing can be changed then."
        ).format(path=path)
        return _open_read_only(path) if _ask(parent, question) else None
    try:
        lock = acquire(path, user)
    except DatabaseHeld as e:
        question = "\n\n".join(
            (e.message(), _("Open it read-only? You can look and print, but not change anything."))
        )
        return _open_read_only(path) if _ask(parent, question) else None
    try:
        db = open_prepared(str(path))
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if lock is not None:
        db.on_dispose.append(lock.release)
    return db


def warn_if_network_share(parent: QWidget | None, db: Database) -> bool:
    from safedesk.db.lock import is_network_path

    if db.path is None or not is_network_path(db.path):
        return False
    QMessageBox.warning(
        parent,
        _("SafeDesk"),
        _(
            "The database {path} is on a network share. SQLite can lose or damage data "
            "there when several computers use the file. Keep it on this computer; for "
            "several users, SafeDesk works with a PostgreSQL server."
        ).format(path=db.path),
    )
    return True


def automatic_backup_of(db: Database, reason: str) -> Path | None:
    """The start or close backup; None when there is nothing new to keep (or no file)."""
    from safedesk.db.backup import automatic_backup
    from safedesk.settings import Settings, backup_folder_for, backups_kept

    if db.path is None or db.read_only or not db.path.exists():
        return None
    settings = Settings.load()
    return automatic_backup(
        db.path, backup_folder_for(db.path, settings), backups_kept(settings), reason
    )


def automatic_backup_shown(parent: QWidget | None, db: Database, reason: str) -> None:
    """An automatic backup; a failure is told once and never stops the program."""
    try:
        made = automatic_backup_of(db, reason)
    except SafeDeskError as e:
        log.warning("automatic %s backup failed: %s", reason, e)
        show_problem(
            parent,
            DatabaseProblem(
                N_("The automatic backup could not be made: {reason}"), reason=e.message()
            ),
        )
        return
    if made is not None:
        log.info("automatic %s backup: %s", reason, made)


def back_up_now(window: MainWindow, chosen: str | None = None) -> Path | None:
    """Save a backup where the user chooses (`chosen` skips the file dialog)."""
    from safedesk.db.backup import backup_name, copy_database, table_counts
    from safedesk.settings import backup_folder_for

    db = window.db
    if db is None:
        return None
    if db.path is None:
        show_problem(window, DatabaseProblem(ON_A_SERVER))
        return None
    folder = backup_folder_for(db.path)
    suggested = folder / backup_name(db.path, "manual")
    if chosen is None:
        chosen, _filter = QFileDialog.getSaveFileName(
            window, _("Back up the database"), str(suggested), _("SafeDesk database (*.db)")
        )
    if not chosen:
        return None
    source = db.path

    def copy(progress: Progress) -> tuple[Path, int]:
        out = copy_database(source, Path(chosen), progress)
        return out, sum(table_counts(out).values())

    try:
        out, rows = run_modal(window, _("Backing up the database…"), copy)
    except SafeDeskError as e:
        show_problem(window, e)
        return None
    QMessageBox.information(
        window,
        _("SafeDesk"),
        _("A backup of {rows} rows was saved as {path}.").format(rows=rows, path=out),
    )
    return out


def restore_from_file(window: MainWindow, chosen: str | None = None) -> bool:
    """Restore a backup the user picks (`chosen` skips the file dialog), after asking."""
    from safedesk.db.backup import RestoreResult, check_backup_file, restore, table_counts
    from safedesk.db.migrate import prepare
    from safedesk.settings import backup_folder_for

    db = window.db
    if db is None:
        return False
    if db.path is None:
        show_problem(window, DatabaseProblem(ON_A_SERVER))
        return False
    if db.read_only:
        problem = DatabaseProblem(
            N_("The database {path} was opened read-only; a backup cannot be restored into it."),
            path=str(db.path),
        )
        show_problem(window, problem)
        return False
    folder = backup_folder_for(db.path)
    if chosen is None:
        chosen, _filter = QFileDialog.getOpenFileName(
            window, _("Restore from a backup"), str(folder), _("SafeDesk database (*.db)")
        )
    if not chosen:
        return False
    source = Path(chosen)
    try:
        check_backup_file(source)
        rows = sum(table_counts(source).values())
        question = _(
            "Replace everything in {path} with the backup {file} ({rows} rows)? "
            "The current database is saved first, so this can be undone."
        ).format(path=db.path, file=source, rows=rows)
        if not _ask(window, question):
            return False
        target = db.path

        def put_back(progress: Progress) -> RestoreResult:
            result = restore(source, target, folder, progress)
            prepare(db)  # an older backup is brought to this program's schema
            return result

        result = run_modal(window, _("Restoring from the backup…"), put_back)
    except SafeDeskError as e:
        show_problem(window, e)
        return False
    for page in window.pages.values():
        page.refresh()
    window.update_status()
    QMessageBox.information(
        window,
        _("SafeDesk"),
        _(
            "{rows} rows were restored from {file}. "
            "The database before the restore was saved as {safety}."
        ).format(rows=result.total_rows, file=source, safety=result.safety_copy or "—"),
    )
    return True


def check_now(window: MainWindow) -> bool | None:
    """Run the check; show what it found. True when all is well."""
    from safedesk.db.check import check_database

    db = window.db
    if db is None:
        return None
    try:
        report = run_modal(
            window, _("Checking the database…"), lambda progress: check_database(db, progress)
        )
    except SafeDeskError as e:
        show_problem(window, e)
        return None
    lines = [render(msgid, values) for msgid, values in report.notes]
    if report.ok:
        lines.append(
            _("OK: integrity and foreign keys checked; audit entries checked: {n}.").format(
                n=report.audit_entries
            )
        )
        QMessageBox.information(window, _("Check database"), "\n".join(lines))
    else:
        lines += [render(msgid, values) for msgid, values in report.findings]
        lines.append(_("Restore the last good backup, or send this report to support."))
        QMessageBox.warning(window, _("Check database"), "\n".join(lines))
    return report.ok
