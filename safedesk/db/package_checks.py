"""What would make a submission package wrong or weak, checked before it is built.

Each finding names the window page where it is fixed (`page`, a name of
`ui.main_window.PAGES`) or the register whose page that is (`register`, a `stats` key).
Checks are listed in `CHECKS` by import path, so a register adds its own with one line;
a check whose module is not written yet is skipped.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.due import due_counts
from safedesk.db.exports import collect_sheets
from safedesk.db.models import Employee, ResponsibleAppointment
from safedesk.db.organisation import get_organisation
from safedesk.db.responsible import appointments_in_force
from safedesk.db.staff_exports import appointed_in, employed_in
from safedesk.domain.ids import bin_problem
from safedesk.i18n import N_

ROADMAP_YEARS = range(2025, 2031)


class Severity(StrEnum):
    ERROR = "error"  # the package would be wrong
    WARNING = "warning"  # the package would be weak


@dataclass(frozen=True)
class Finding:
    msgid: str
    values: dict[str, Any] = field(default_factory=dict)
    page: str = ""
    register: str = ""
    severity: Severity = Severity.WARNING


Check = Callable[[Session, dt.date, dt.date], list[Finding]]

# "module:function" of (session, start, end) -> findings; `end` is the last day counted.
CHECKS: tuple[str, ...] = (
    "safedesk.db.package_checks:organisation_findings",
    "safedesk.db.package_checks:responsible_findings",
    "safedesk.db.package_checks:check_findings",
    "safedesk.db.package_checks:risk_findings",
    "safedesk.db.package_checks:due_findings",
    "safedesk.db.package_checks:empty_register_findings",
)


def year_finding(year: int) -> list[Finding]:
    if year in ROADMAP_YEARS:
        return []
    return [
        Finding(
            N_("{year} is outside the roadmap's years 2025–2030; the package can still be built."),
            {"year": year},
        )
    ]


def organisation_findings(session: Session, start: dt.date, end: dt.date) -> list[Finding]:
    org = get_organisation(session)
    if org is None:
        return [
            Finding(
                N_("The organisation card is not filled in."),
                page="settings",
                severity=Severity.ERROR,
            )
        ]
    found: list[Finding] = []
    problem = bin_problem(org.bin)
    if problem is not None:
        found.append(
            Finding(
                N_("The organisation's BIN is not valid."), page="settings", severity=Severity.ERROR
            )
        )
    if not org.address.strip():
        found.append(Finding(N_("The organisation's address is not filled in."), page="settings"))
    return found


def responsible_findings(session: Session, start: dt.date, end: dt.date) -> list[Finding]:
    appointed = session.scalar(
        select(ResponsibleAppointment.id).where(*appointed_in(start, end)).limit(1)
    )
    if appointed is None:
        return [
            Finding(
                N_("No responsible person was appointed for the period."),
                page="responsible",
                severity=Severity.ERROR,
            )
        ]
    if not appointments_in_force(session, end):
        return [
            Finding(
                N_("No responsible person is appointed on {date}, the end of the period."),
                {"date": end},
                page="responsible",
            )
        ]
    return []


def check_findings(session: Session, start: dt.date, end: dt.date) -> list[Finding]:
    """Responsible persons without a valid knowledge check (issue 4's register)."""
    try:
        from safedesk.db.knowledge_checks import holders_of_valid_checks
    except ImportError:
        return []
    people = sorted({a.employee_id for a in appointments_in_force(session, end)})
    unchecked = len(people) - len(holders_of_valid_checks(session, people, end))
    if unchecked <= 0:
        return []
    return [
        Finding(
            N_("Responsible persons without a valid knowledge check: {count}."),
            {"count": unchecked},
            register="knowledge_checks",
        )
    ]


def risk_findings(session: Session, start: dt.date, end: dt.date) -> list[Finding]:
    """Units with employees but no current risk assessment (issue 6's register)."""
    try:
        from safedesk.db.models import RiskAssessment
        from safedesk.db.risk_coverage import in_force
    except ImportError:
        return []
    staffed = set(
        session.scalars(
            select(Employee.unit_id)
            .where(*employed_in(end, end), Employee.unit_id.is_not(None))
            .distinct()
        )
    )
    assessed = set(session.scalars(select(RiskAssessment.unit_id).where(*in_force(end))))
    missing = len(staffed - assessed)
    if not missing:
        return []
    return [
        Finding(
            N_("Units with employees but no current risk assessment: {count}."),
            {"count": missing},
            register="risk_assessments",
        )
    ]


def due_findings(session: Session, start: dt.date, end: dt.date) -> list[Finding]:
    """Overdue actions per register, and open accident deadlines, on the last day counted."""
    by_register = due_counts(session, end).by_register
    overdue = {register: counts["overdue"] for register, counts in by_register.items()}
    found: list[Finding] = []
    for register, count in sorted(overdue.items()):
        if not count:
            continue
        if register == "accidents":
            msgid = N_("Open accident deadlines passed: {count}.")
        else:
            msgid = N_("Overdue items in the register: {count}.")
        found.append(Finding(msgid, {"count": count}, register=register))
    return found


def empty_register_findings(session: Session, start: dt.date, end: dt.date) -> list[Finding]:
    collected = collect_sheets(session, start, end)
    found = [
        Finding(
            N_("{register}: nothing in the period."),
            {"register": sheet.title},
            register=sheet.name,
        )
        for sheet in collected.sheets
        if not sheet.rows
    ]
    found += [
        Finding(N_("{register}: the register is not kept yet."), {"register": export.title})
        for export in collected.missing
    ]
    return found


def _check(path: str) -> Check | None:
    module, name = path.split(":")
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as e:
        if e.name != module:
            raise
        return None
    found: Check | None = getattr(loaded, name, None)
    return found


def package_findings(session: Session, year: int, start: dt.date, end: dt.date) -> list[Finding]:
    """Everything to look at before building, errors first."""
    found = year_finding(year)
    for path in CHECKS:
        check = _check(path)
        if check is not None:
            found += check(session, start, end)
    return sorted(found, key=lambda f: f.severity is not Severity.ERROR)
