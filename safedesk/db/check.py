"""`safedesk check`: SQLite integrity, foreign keys, the audit-log hash chain, attached files.

Attached files (scans of signed acts, photos) live in `<database name>-files/` beside
the database; a column whose name ends in `_file` or `_path` names one, relative to that
folder. The check reports a row naming a file that is missing, and a file in the folder
that no row names (an orphan: evidence that lost its record). Where no register keeps
files yet, the report says there was nothing to verify.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from safedesk.db.audit import chain
from safedesk.db.engine import Database
from safedesk.db.models import AuditEntry
from safedesk.domain.audit_chain import ChainEntry, first_broken
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_

# done, total audit entries; returning False cancels (the window's Cancel button).
Progress = Callable[[int, int], bool]
PROGRESS_EVERY = 5000


class CheckCancelled(SafeDeskError):
    msgid = N_("The check was cancelled before it finished; nothing was found wrong so far.")

FILE_COLUMN_SUFFIXES = ("_file", "_path")

Finding = tuple[str, dict[str, object]]


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)  # what was (not) checked; no problem
    audit_entries: int = 0
    files_checked: int | None = None  # None: no register keeps files, nothing to verify

    @property
    def ok(self) -> bool:
        return not self.findings


def attachments_folder(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.stem}-files")


def check_database(db: Database, progress: Progress | None = None) -> CheckReport:
    """Everything `safedesk check` looks at; `progress` hears of the audit entries read."""
    report = CheckReport()
    try:
        with db.session() as s:
            if db.is_sqlite:
                _sqlite_checks(s, report)
            _audit_chain(s, report, progress)
            _files(db, s, report)
    except DBAPIError as e:
        # A file damaged past reading still gets a report, not a traceback.
        report.findings.append((N_("Integrity: {detail}"), {"detail": str(e.orig)}))
    return report


def _sqlite_checks(s: Session, report: CheckReport) -> None:
    for (line,) in s.execute(text("PRAGMA integrity_check")):
        if line != "ok":
            report.findings.append((N_("Integrity: {detail}"), {"detail": line}))
    for row in s.execute(text("PRAGMA foreign_key_check")):
        report.findings.append(
            (
                N_("Foreign key: row {row} of {table} points to a missing {parent}."),
                {"row": row[1], "table": row[0], "parent": row[2]},
            )
        )


def _audit_chain(s: Session, report: CheckReport, progress: Progress | None = None) -> None:
    entries = 0
    total = 0
    if progress is not None:
        total = int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)

    def counted() -> Iterator[ChainEntry]:
        nonlocal entries
        for e in chain(s):
            entries += 1
            due = progress is not None and entries % PROGRESS_EVERY == 0
            if due and progress is not None and not progress(entries, total):
                raise CheckCancelled()
            yield e

    broken = first_broken(counted())
    if broken is not None:
        report.findings.append(
            (
                N_(
                    "Audit log: entry {id} ({table} row {row}, {at}) is broken; "
                    "the trail cannot be trusted from there on."
                ),
                {
                    "id": broken.id,
                    "table": broken.table_name,
                    "row": broken.row_id,
                    "at": broken.at.isoformat(timespec="seconds"),
                },
            )
        )
    report.audit_entries = entries


def file_columns(s: Session) -> list[tuple[str, str]]:
    """(table, column) of every column that names an attached file."""
    inspector = inspect(s.connection())
    return [
        (table, column["name"])
        for table in sorted(inspector.get_table_names())
        for column in inspector.get_columns(table)
        if column["name"].endswith(FILE_COLUMN_SUFFIXES)
    ]


def _files(db: Database, s: Session, report: CheckReport) -> None:
    columns = file_columns(s)
    folder = attachments_folder(db.path) if db.path else None
    on_disk = (
        {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        if folder is not None and folder.is_dir()
        else set()
    )
    if not columns and not on_disk:
        report.notes.append(
            (N_("Attached files: no register keeps files yet; nothing to verify."), {})
        )
        return
    named: set[str] = set()
    for table, column in columns:
        # `id`, not SQLite's rowid: PostgreSQL has none.
        q = f'SELECT id, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'
        for row_id, value in s.execute(text(q)):
            name = str(value).strip().replace("\\", "/")
            if not name:
                continue
            named.add(name)
            present = Path(name).exists() if Path(name).is_absolute() else name in on_disk
            if not present:
                report.findings.append(
                    (
                        N_("Attached file: row {row} of {table} names {file}, which is missing."),
                        {"row": row_id, "table": table, "file": name},
                    )
                )
    for orphan in sorted(on_disk - named):
        report.findings.append(
            (
                N_("Attached file: {file} in {folder} belongs to no record."),
                {"file": orphan, "folder": str(folder)},
            )
        )
    report.files_checked = len(named | on_disk)
    report.notes.append((N_("Attached files checked: {n}."), {"n": report.files_checked}))
