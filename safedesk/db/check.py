"""`safedesk check`: SQLite integrity, foreign keys, and the audit-log hash chain."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import text

from safedesk.db.audit import chain
from safedesk.db.engine import Database
from safedesk.domain.audit_chain import ChainEntry, first_broken
from safedesk.i18n import N_


@dataclass
class CheckReport:
    findings: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    audit_entries: int = 0

    @property
    def ok(self) -> bool:
        return not self.findings


def check_database(db: Database) -> CheckReport:
    report = CheckReport()
    with db.session() as s:
        if db.is_sqlite:
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
        entries = 0

        def counted() -> Iterator[ChainEntry]:
            nonlocal entries
            for e in chain(s):
                entries += 1
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
    return report
